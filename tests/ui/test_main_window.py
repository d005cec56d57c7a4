"""The main window as a user meets it: tabs, menus, status bar, files, settings."""
import json

import pytest
from PySide6.QtWidgets import QApplication

from cnnexplorer.core.spec import template
from cnnexplorer.ui.main_window import MainWindow


def test_six_tabs_in_order_and_status_bar(main_window):
    titles = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert titles == ["Lessons", "Builder", "Training", "Augmentation", "Pretrained", "Visualize", "Concepts"]
    menus = [a.text() for a in main_window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]
    assert "mnist-sample" in main_window.dataset_label.text()


def test_tensorflow_loads_in_the_background_and_status_says_so(qtbot, main_window):
    assert main_window.backend_info is None  # the window is up before TensorFlow
    with qtbot.waitSignal(main_window.backend_ready, timeout=120000):
        main_window.start_backend_loading()
    text = main_window.backend_label.text()
    assert "TensorFlow" in text and "Keras 3" in text and ("CPU" in text or "GPU" in text)


def test_open_design_updates_session_and_recent_files(qtbot, main_window, tmp_path):
    path = tmp_path / "digits.json"
    path.write_text(template("mnist-cnn").to_json())
    main_window.open_path(str(path))
    assert main_window.session.design.name == "mnist-cnn"
    assert main_window.settings.recent_files[0] == str(path)
    assert "mnist-cnn" in main_window.model_label.text()


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"format": "cnnexplorer-design", "version": 99, "input_shape": [28, 28, 1]}), "newer"),
        (json.dumps({"format": "cnnexplorer-design", "version": 1, "input_shape": [28, 28, 1],
                     "layers": [{"type": "Teleport"}]}), "unknown type 'Teleport'"),
    ],
)
def test_bad_design_files_leave_the_current_design_untouched(main_window, errors, tmp_path, content, message):
    main_window.session.design = template("dense-baseline")
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    main_window.open_path(str(bad))
    assert errors and message in errors[-1]
    assert main_window.session.design.name == "dense-baseline"


def test_broken_model_file_is_reported_not_fatal(qtbot, main_window, errors, tmp_path):
    broken = tmp_path / "model.keras"
    broken.write_bytes(b"PK\x03\x04 this is not a whole zip file")
    main_window.open_path(str(broken))
    qtbot.waitUntil(lambda: bool(errors), timeout=120000)
    assert "model.keras" in errors[-1] and "Keras model" in errors[-1]
    assert main_window.session.model is None


def test_last_tab_and_text_size_persist_across_restarts(qtbot, app_qsettings, errors):
    first = MainWindow()
    qtbot.addWidget(first)
    first.select_tab("visualize")
    first.set_font_size(18)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    try:
        assert second.tabs.currentWidget() is second.tab_by_key["visualize"]
        assert QApplication.font().pointSize() == 18
    finally:
        second.reset_text()
        second.close()


def test_save_design_writes_a_file_that_opens_again(main_window, tmp_path):
    main_window.session.design = template("mnist-cnn")
    target = tmp_path / "saved.json"
    main_window.save_design(str(target))
    main_window.session.design = None
    main_window.open_path(str(target))
    assert main_window.session.design.to_dict() == template("mnist-cnn").to_dict()


def test_about_lists_the_bundled_data_licences(main_window):
    main_window.show_about()
    details = main_window.about_box.detailedText()
    assert "CC BY-SA 3.0" in details and "CC0" in details
    main_window.about_box.close()


def test_the_window_has_the_app_icon(main_window):
    from cnnexplorer.ui.app import create_application

    app = create_application()
    assert not app.windowIcon().isNull()
    assert not main_window.windowIcon().isNull()


def test_opening_two_model_files_quickly_the_last_one_asked_for_wins(qtbot, main_window, monkeypatch, tmp_path):
    """The first file is slower to load than the second: its late result must not replace the second."""
    import threading
    from pathlib import Path

    import keras

    from cnnexplorer.ui import main_window as main_window_module

    models = {name: keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)], name=name)
              for name in ("slow", "fast")}
    release_first = threading.Event()

    def fake_load(path, progress=None, cancel=None):
        if path.endswith("slow.keras"):
            release_first.wait(30)  # still loading when the second file has arrived
        return models[Path(path).stem], path

    monkeypatch.setattr(main_window_module, "_load_model_file", fake_load)
    slow, fast = str(tmp_path / "slow.keras"), str(tmp_path / "fast.keras")
    main_window.open_path(slow)
    first_task = main_window.file_slot.task
    main_window.open_path(fast)
    qtbot.waitUntil(lambda: main_window.session.model is models["fast"], timeout=10000)
    release_first.set()
    qtbot.waitUntil(lambda: not first_task.is_running(), timeout=10000)
    QApplication.processEvents()
    assert main_window.session.model is models["fast"]
    assert main_window.session.model_name.name == "fast"
    assert "fast" in main_window.model_label.text()


def test_the_status_bar_shows_the_dataset_in_use(main_window, tmp_path):
    """After training on an image folder it names the folder, not the Training tab's mnist-sample."""
    import keras

    model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Flatten(), keras.layers.Dense(3)])
    folder = tmp_path / "shapes"
    folder.mkdir()
    assert main_window.dataset_label.text() == "Dataset: mnist-sample"
    main_window.session.set_model(model, "VGG16 + head", "pretrained", dataset=str(folder))
    assert main_window.dataset_label.text() == "Dataset: shapes"
    assert str(folder) in main_window.dataset_label.toolTip()
    main_window.session.dataset_name = "fashion-mnist"  # chosen for the next training
    assert main_window.dataset_label.text() == "Dataset: fashion-mnist"
    main_window.session.set_model(model, "a file", "file")  # trained on what? unknown: the session's
    assert main_window.dataset_label.text() == "Dataset: fashion-mnist"


def test_a_failed_design_save_is_one_sentence_and_keeps_the_old_file(main_window, errors, tmp_path):
    main_window.session.design = template("mnist-cnn")
    main_window.save_design(str(tmp_path / "no such folder" / "design.json"))
    assert errors and "design.json" in errors[-1] and "Traceback" not in errors[-1]
    assert main_window.session.design_path is None
