"""Visualize tab: empty state, image choice, the three views from cache, clicks, export, stop, bad input."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core.session import ProbeImage, Session
from cnnexplorer.ui.session_bridge import SessionBridge

TIMEOUT = 60000


def _cnn():
    from cnnexplorer.ml.runtime import keras

    k = keras()
    k.utils.set_random_seed(0)
    return k.Sequential([k.Input((28, 28, 1)), k.layers.Rescaling(1 / 255),
                         k.layers.Conv2D(6, 3, activation="relu", name="c1"), k.layers.MaxPooling2D(2, name="p1"),
                         k.layers.Conv2D(8, 3, activation="relu", name="c2"),
                         k.layers.Flatten(), k.layers.Dense(10, activation="softmax", name="out")])


@pytest.fixture
def tab(qtbot, errors):
    from cnnexplorer.ui import workers
    from cnnexplorer.ui.tabs.visualize import VisualizeTab

    # not qtbot.addWidget: pytest-qt deletes its widgets right after the test, before fixtures are torn down,
    # and a Task deleted with its tab before its end is delivered stays "live" for the dangling-thread check
    widget = VisualizeTab(SessionBridge(Session()))
    widget.resize(1280, 760)
    widget.show()
    yield widget
    assert widget.shutdown()  # waits for every task slot of the tab
    qtbot.waitUntil(lambda: not workers.live_tasks(), timeout=TIMEOUT)  # their ends delivered
    widget.close()
    widget.deleteLater()


def _ready(qtbot, tab):
    qtbot.waitUntil(lambda: tab.gradcam.views["overlay"].image() is not None or bool(tab.gradcam.text.text()),
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.activations.view.image() is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not tab.analysis_slot.is_busy() and not tab.activations.grid_slot.is_busy(),
                    timeout=TIMEOUT)


def test_empty_state_explains_where_models_come_from(tab):
    assert tab.pages.currentIndex() == 0
    text = tab.empty.label.text()
    assert "Training" in text and "Open" in text and "Pretrained" in text


def test_model_digit_prediction_and_instant_view_switch(qtbot, tab, errors):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    assert tab.pages.currentIndex() == 1
    assert "test digit #0" in tab.source.caption_label.text()  # a grayscale model starts on a digit
    assert tab.source.view.image().shape == (28, 28, 1)
    assert all(bar.isVisible() for bar in tab.prediction.bars)
    assert sum(bar.value() for bar in tab.prediction.bars) > 500  # top-5 probabilities, in per mille
    layers = tab.activations.layer_list
    assert [layers.item(i).data(256) for i in range(layers.count())] == ["c1", "p1", "c2"]
    assert "c1" in tab.activations.title.text() and "6 channels" in tab.activations.title.text()
    task = tab.analysis_slot.task
    tab.views.setCurrentIndex(2)
    tab.activations.layer_list.setCurrentRow(2)
    assert tab.analysis_slot.task is task and not tab.analysis_slot.is_busy()  # both views from the cache
    assert tab.gradcam.views["overlay"].image().shape == (28, 28, 3)
    assert "c2" in tab.gradcam.text.text()
    assert errors == []


def test_clicking_a_channel_enlarges_it(qtbot, tab):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    grid, view = tab.activations.grid, tab.activations.view
    rect = view.target_rect()
    px = grid.pad + (grid.tile_w + grid.pad) * 2 + grid.tile_w // 2  # third tile of the first row
    py = grid.pad + grid.tile_h // 2
    from PySide6.QtCore import QPoint, Qt

    pos = QPoint(rect.x() + int(px * rect.width() / grid.image.shape[1]),
                 rect.y() + int(py * rect.height() / grid.image.shape[0]))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
    assert "channel 2" in tab.activations.channel_title.text()
    assert tab.activations.channel_view.image() is not None


def test_class_choice_opacity_and_export(qtbot, tab, tmp_path, monkeypatch):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    tab.views.setCurrentIndex(2)
    tab.gradcam.class_combo.setCurrentIndex(3 + 1)  # item 0 is "the predicted class"
    qtbot.waitUntil(lambda: "Explaining <b>3</b>" in tab.gradcam.text.text(), timeout=TIMEOUT)
    before = tab.gradcam.views["overlay"].image().copy()
    tab.gradcam.opacity.setValue(90)
    assert not np.array_equal(before, tab.gradcam.views["overlay"].image())
    from PySide6.QtWidgets import QFileDialog

    from cnnexplorer.core.images import load_image

    target = tmp_path / "cam"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG"))
    tab.gradcam.export_button.click()
    assert load_image(tmp_path / "cam.png").shape == (28, 28, 3)
    tab.activations.export_button.click()
    assert (tmp_path / "cam.png").stat().st_size > 0


def test_probe_image_from_another_tab_is_used(qtbot, tab):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    digit = np.zeros((28, 28, 1), np.uint8)
    digit[5:23, 13:15] = 255
    tab.session.probe_image = ProbeImage(digit, "1", "test #42: predicted 7 (0.61)")
    assert "test #42" in tab.source.caption_label.text()
    assert tab.source.combo.currentData() == "probe"
    qtbot.waitUntil(lambda: tab.keys()[0] in tab._act_cache, timeout=TIMEOUT)
    np.testing.assert_array_equal(tab.source.view.image(), digit)


def test_filter_patterns_arrive_progressively_and_stop(qtbot, tab):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    tab.views.setCurrentIndex(1)
    assert tab.filters.layer.currentData() == "c1"
    tab.filters.count.setValue(6)
    tab.filters.steps.setValue(400)
    tab.filters.start_button.click()
    assert tab.filters.stop_button.isEnabled()
    qtbot.waitUntil(lambda: tab.filters.progress.maximum() > 0 and tab.filters.progress.value() >= 1, timeout=TIMEOUT)
    tab.filters.stop_button.click()
    qtbot.waitUntil(lambda: not tab.filters.slot.is_running(), timeout=TIMEOUT)
    assert tab.filters.start_button.isEnabled() and not tab.filters.stop_button.isEnabled()
    assert len(tab.filters.patterns) < 6 and tab.filters.progress.format() == "Stopped"
    # a short run shows its patterns and a summary
    tab.filters.count.setValue(2)
    tab.filters.steps.setValue(3)
    tab.filters.start_button.click()
    qtbot.waitUntil(lambda: not tab.filters.slot.is_running(), timeout=TIMEOUT)
    assert len(tab.filters.patterns) == 2 and tab.filters.view.image() is not None
    assert "2 patterns of c1" in tab.filters.note.text()


def test_bad_file_is_reported_and_good_file_loads(qtbot, tab, errors, tmp_path):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    bad = tmp_path / "notes.jpg"
    bad.write_text("hello")
    tab.load_file(str(bad))
    qtbot.waitUntil(lambda: bool(errors), timeout=TIMEOUT)
    assert "not an image" in errors[-1]
    from cnnexplorer.core.images import save_png

    photo = np.zeros((60, 80, 3), np.uint8)
    photo[..., 2] = 255
    save_png(tmp_path / "blue.png", photo)
    tab.load_file(str(tmp_path / "blue.png"))
    qtbot.waitUntil(lambda: "blue.png" in tab.source.caption_label.text(), timeout=TIMEOUT)
    assert "blue.png" in tab.source.caption_label.text() and "grayscale" in tab.source.caption_label.text()
    assert tab.source.view.image().shape == (28, 28, 1)


def test_dense_only_model_gets_an_explanation_not_an_error(qtbot, tab, errors):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    model = k.Sequential([k.Input((28, 28, 1)), k.layers.Rescaling(1 / 255), k.layers.Flatten(),
                          k.layers.Dense(10, activation="softmax")])
    tab.session.set_model(model, "dense", "trained")
    qtbot.waitUntil(lambda: "no convolution layer" in tab.gradcam.text.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not tab.analysis_slot.is_busy(), timeout=TIMEOUT)
    assert errors == []
    assert not tab.filters.start_button.isEnabled()


def test_a_convolutional_base_shows_its_maps_and_says_it_predicts_no_class(qtbot, tab, errors):
    # a base without its classifier (a lesson's MobileNetV2, a notop file): was a traceback from Grad-CAM
    from cnnexplorer.ml.runtime import keras

    k = keras()
    base = k.Sequential([k.Input((28, 28, 1)), k.layers.Rescaling(1 / 255),
                         k.layers.Conv2D(4, 3, activation="relu", name="conv")], name="base")
    tab.session.set_model(base, "a base", "pretrained")
    tab.select_view("gradcam")
    qtbot.waitUntil(lambda: "needs a classifier" in tab.gradcam.text.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.activations.view.image() is not None, timeout=TIMEOUT)
    assert "no classifier" in tab.model_label.text()
    assert "predicts no class" in tab.prediction.note.text() and not tab.prediction.bars[0].isVisible()
    assert errors == []


def test_sequence_model_is_explained_in_the_empty_state(qtbot, tab, errors):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    model = k.Sequential([k.Input((500,)), k.layers.Embedding(50, 4), k.layers.Conv1D(2, 3),
                          k.layers.GlobalMaxPooling1D(), k.layers.Dense(1, activation="sigmoid")])
    tab.session.set_model(model, "seq", "trained")
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 0 and "not images" in tab.empty.label.text(),
                    timeout=TIMEOUT)
    assert errors == []


def test_the_last_model_asked_for_wins(qtbot, tab, errors):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    three = k.Sequential([k.Input((28, 28, 1)), k.layers.Conv2D(2, 3, name="first"), k.layers.Flatten(),
                          k.layers.Dense(3, activation="softmax")])
    tab.session.set_model(_cnn(), "ten classes", "trained")
    tab.session.set_model(three, "three classes", "trained")  # before the first one has been read
    _ready(qtbot, tab)
    assert "three classes" in tab.model_label.text() and "3 classes" in tab.model_label.text()
    assert [tab.activations.layer_list.item(i).data(256) for i in range(tab.activations.layer_list.count())] == \
        ["first"]
    assert tab.gradcam.class_combo.count() == 1 + 3
    assert errors == []


def test_closing_the_window_while_visualize_reads_a_new_model_leaves_no_task(qtbot, main_window):
    """The window closes while the tab's task for a just-arrived model runs (flaky in test_builder_files once):
    close stops it, and the fixture lets its end arrive instead of reporting it as left running."""
    main_window.session.set_model(_cnn(), "tiny", "trained")
    assert main_window.tab_by_key["visualize"].model_slot.is_running()


def _small_cnn(shape=(20, 20, 1), classes=3):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    k.utils.set_random_seed(0)
    return k.Sequential([k.Input(shape), k.layers.Rescaling(1 / 255),
                         k.layers.Conv2D(4, 3, activation="relu", name="c1"),
                         k.layers.Flatten(), k.layers.Dense(classes, activation="softmax", name="out")])


def test_dataset_images_come_from_the_sessions_folder_read_at_the_models_size(qtbot, tab, errors, tmp_path):
    from cnnexplorer.core.sample_folder import CLASSES, write_sample_folder

    folder = write_sample_folder(tmp_path / "shapes", per_class=3, size=32)  # 32×32 colour
    tab.session.dataset_name = str(folder)
    tab.session.set_model(_small_cnn(), "tiny", "trained")  # 20×20 grey: starts on a dataset image
    qtbot.waitUntil(lambda: "test image #0" in tab.source.caption_label.text(), timeout=TIMEOUT)
    _ready(qtbot, tab)
    source = tab.source
    assert source.combo.currentText() == "Dataset image"
    assert source.image.shape == (20, 20, 1)  # read at the model's size and channels, not 32×32 colour
    caption = source.caption_label.text()
    assert "shapes" in caption and any(f"(true class: {name})" in caption for name in CLASSES)
    assert "read as 20×20 grey" in source.dataset_note.text() and "colour converted to grey" in \
        source.dataset_note.text()
    source.index_spin.setValue(source.index_spin.maximum())
    assert f"test image #{source.index_spin.maximum()}" in source.caption_label.text()
    assert errors == []


def test_no_dataset_or_an_unreadable_one_falls_back_to_the_mnist_sample(qtbot, tab, errors, tmp_path):
    (tmp_path / "empty" / "a").mkdir(parents=True)  # one class: not a dataset to classify
    tab.session.dataset_name = str(tmp_path / "empty")
    tab.session.set_model(_cnn(), "tiny", "trained")
    qtbot.waitUntil(lambda: "test digit #0" in tab.source.caption_label.text(), timeout=TIMEOUT)
    _ready(qtbot, tab)
    assert tab.source.combo.currentText() == "MNIST test digit"
    assert "only one class" in tab.source.dataset_note.text()
    assert "MNIST sample instead" in tab.source.dataset_note.text()
    assert errors == []


def test_a_sequence_dataset_offers_no_dataset_images_and_says_why(qtbot, tab, errors):
    tab.session.dataset_name = "sequences-sample"
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    source = tab.source
    assert not source.combo.model().item(source.combo.findData("dataset")).isEnabled()
    assert source.combo.currentData() == "sample"  # a grey model starts on a photo instead
    assert source.source_note.isVisible() and "sequences, not images" in source.source_note.text()
    tab.session.dataset_name = "mnist-sample"  # images again: offered again
    assert source.combo.model().item(source.combo.findData("dataset")).isEnabled()
    assert not source.source_note.isVisible()
    assert errors == []


def test_a_colour_model_reads_the_dataset_only_when_dataset_images_are_chosen(qtbot, tab, errors):
    tab.session.set_model(_small_cnn((20, 20, 3)), "tiny", "trained")  # starts on the cat photo
    _ready(qtbot, tab)
    source = tab.source
    assert source.combo.currentData() == "sample" and source.dataset_slot.task is None  # nothing read for nothing
    source.combo.setCurrentIndex(source.combo.findData("dataset"))
    qtbot.waitUntil(lambda: "test digit #0" in source.caption_label.text(), timeout=TIMEOUT)
    assert source.image.shape == (28, 28, 1)  # the sample's digit; fitted to the model when shown (the caption says)
    assert "5,000 images" in source.dataset_note.text()
    _ready(qtbot, tab)
    assert errors == []
