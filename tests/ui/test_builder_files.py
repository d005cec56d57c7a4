"""Opening designs and model files through the real window: good ones reach the Builder,
bad ones give one clear message and leave the current design untouched."""
from __future__ import annotations

import json

import pytest

from cnnexplorer.core.spec import save_spec, template


@pytest.fixture
def builder(main_window):
    main_window.select_tab("builder")
    return main_window.tab_by_key["builder"]


def _edited_design(builder):
    builder.table.select_layer(1)
    builder.layer_editor.widgets["filters"].setValue(12)
    return builder.session.design.to_dict()


def test_open_and_save_design_json_round_trip(main_window, builder, tmp_path):
    path = tmp_path / "text.json"
    save_spec(template("conv1d-text"), path)
    main_window.open_path(str(path))
    assert builder.session.design.name == "conv1d-text"
    assert builder.table.table_model.rowCount() == 7
    builder.table.select_layer(1)
    builder.layer_editor.widgets["filters"].setValue(16)
    out = tmp_path / "saved.json"
    main_window.save_design(str(out))  # File > Save design saves what the tab shows
    assert json.loads(out.read_text())["layers"][1]["filters"] == 16


@pytest.mark.parametrize("content, words", [
    ("{ this is not json", "not valid JSON"),
    (json.dumps({**template("mnist-cnn").to_dict(), "version": 7}), "newer CNN Explorer"),
    (json.dumps({**template("mnist-cnn").to_dict(), "layers": [{"type": "Conv3D"}]}), "unknown type 'Conv3D'"),
])
def test_bad_design_files_leave_the_design_untouched(main_window, builder, errors, tmp_path, content, words):
    before = _edited_design(builder)
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    main_window.open_path(str(path))
    assert len(errors) == 1 and words in errors[0]
    assert builder.session.design.to_dict() == before
    assert builder.undo_stack.undoText().startswith("Set filters")


def _open_model_file(main_window, qtbot, path):
    from cnnexplorer.ui import workers

    main_window.open_path(str(path))
    qtbot.waitUntil(lambda: not workers.live_tasks(), timeout=60000)


def test_bad_model_files_give_clear_messages_and_keep_the_design(main_window, builder, errors, qtbot, tmp_path):
    keras = pytest.importorskip("keras")
    before = _edited_design(builder)
    lam = keras.Sequential([keras.Input((4,)), keras.layers.Lambda(lambda x: x + 1), keras.layers.Dense(2)])
    lam_path = tmp_path / "lambda.keras"
    lam.save(str(lam_path))
    truncated = tmp_path / "cut.keras"
    truncated.write_bytes(lam_path.read_bytes()[:300])
    notes = tmp_path / "notes.h5"
    notes.write_text("hello", encoding="utf-8")
    for path in (lam_path, truncated, notes):
        _open_model_file(main_window, qtbot, path)
        qtbot.waitUntil(lambda: bool(errors), timeout=60000)
        message = errors.pop()
        assert path.name in message
        assert builder.session.design.to_dict() == before
        assert not builder.read_only
    # the Lambda message says why it was refused
    _open_model_file(main_window, qtbot, lam_path)
    qtbot.waitUntil(lambda: bool(errors), timeout=60000)
    assert "Lambda" in errors[-1] and "safe mode" in errors[-1]


def test_good_model_file_becomes_a_design(main_window, builder, qtbot, tmp_path):
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.model_files import save_model_file

    path = tmp_path / "digits.keras"
    save_model_file(build_model(template("dense-baseline")), str(path))
    _open_model_file(main_window, qtbot, path)
    qtbot.waitUntil(lambda: builder.session.design.name == "digits", timeout=60000)
    assert [layer.type for layer in builder.session.design.layers] == ["Rescaling", "Flatten", "Dense", "Dense"]
    assert "407,050 parameters" in builder.total_label.text()


def test_loading_a_template_forgets_the_design_file(main_window, builder, tmp_path):
    path = tmp_path / "mine.json"
    save_spec(template("dense-baseline"), path)
    main_window.open_path(str(path))
    assert "mine.json" in builder.name_label.text()
    builder.load_template("mnist-cnn")
    assert main_window.session.design_path is None  # Save will ask for a new file, not overwrite mine.json
    assert "mine.json" not in builder.name_label.text()


def test_exported_script_trains_with_the_training_tabs_settings(main_window, builder):
    assert main_window.select_tab("training")
    form = main_window.tabs.currentWidget().form
    form.epochs_spin.setValue(3)
    form.batch_spin.setValue(32)
    form.val_spin.setValue(0.1)
    assert main_window.select_tab("builder")
    builder.show_code()
    script = builder.code_dialog.code()
    assert "EPOCHS = 3" in script and "BATCH_SIZE = 32" in script and "VALIDATION_SPLIT = 0.1" in script
    assert "RandomFlip" not in script  # augmentation was never switched on
    builder.code_dialog.close()
