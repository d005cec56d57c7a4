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
    from cnnexplorer.ui.tabs.visualize import VisualizeTab

    widget = VisualizeTab(SessionBridge(Session()))
    widget.resize(1280, 760)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.shutdown()
    for task in (widget._model_task, widget._analysis_task, widget._filter_task, widget._quick_task,
                 widget._grid_task, widget._file_task):
        if task is not None and task.is_running():
            qtbot.waitUntil(lambda t=task: not t.is_running(), timeout=TIMEOUT)


def _ready(qtbot, tab):
    qtbot.waitUntil(lambda: tab.cam_views["overlay"].image() is not None or bool(tab.cam_text.text()), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab.act_view.image() is not None, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: tab._analysis_task is None or not tab._analysis_task.is_running(), timeout=TIMEOUT)


def test_empty_state_explains_where_models_come_from(tab):
    assert tab.pages.currentIndex() == 0
    text = tab.empty_label.text()
    assert "Training" in text and "Open" in text and "Pretrained" in text


def test_model_digit_prediction_and_instant_view_switch(qtbot, tab, errors):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    assert tab.pages.currentIndex() == 1
    assert "test digit #0" in tab.image_caption.text()  # a grayscale model starts on a digit
    assert tab.image_view.image().shape == (28, 28, 1)
    assert all(bar.isVisible() for bar in tab.pred_bars)
    assert sum(bar.value() for bar in tab.pred_bars) > 500  # top-5 probabilities, in per mille
    assert [tab.layer_list.item(i).data(256) for i in range(tab.layer_list.count())] == ["c1", "p1", "c2"]
    assert "c1" in tab.act_title.text() and "6 channels" in tab.act_title.text()
    task = tab._analysis_task
    tab.views.setCurrentIndex(2)
    tab.layer_list.setCurrentRow(2)
    assert tab._analysis_task is task  # both views came from the cache: no new work
    assert tab.cam_views["overlay"].image().shape == (28, 28, 3)
    assert "c2" in tab.cam_text.text()
    assert errors == []


def test_clicking_a_channel_enlarges_it(qtbot, tab):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    grid, view = tab._grid, tab.act_view
    rect = view.target_rect()
    px = grid.pad + (grid.tile_w + grid.pad) * 2 + grid.tile_w // 2  # third tile of the first row
    py = grid.pad + grid.tile_h // 2
    from PySide6.QtCore import QPoint, Qt

    pos = QPoint(rect.x() + int(px * rect.width() / grid.image.shape[1]),
                 rect.y() + int(py * rect.height() / grid.image.shape[0]))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
    assert "channel 2" in tab.channel_title.text()
    assert tab.channel_view.image() is not None


def test_class_choice_opacity_and_export(qtbot, tab, tmp_path, monkeypatch):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    tab.views.setCurrentIndex(2)
    tab.cam_class.setCurrentIndex(3 + 1)  # item 0 is "the predicted class"
    qtbot.waitUntil(lambda: "Explaining <b>3</b>" in tab.cam_text.text(), timeout=TIMEOUT)
    before = tab.cam_views["overlay"].image().copy()
    tab.cam_opacity.setValue(90)
    assert not np.array_equal(before, tab.cam_views["overlay"].image())
    from PySide6.QtWidgets import QFileDialog

    from cnnexplorer.core.images import load_image

    target = tmp_path / "cam"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG"))
    tab.cam_export.click()
    assert load_image(tmp_path / "cam.png").shape == (28, 28, 3)
    tab.act_export.click()
    assert (tmp_path / "cam.png").stat().st_size > 0


def test_probe_image_from_another_tab_is_used(qtbot, tab):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    digit = np.zeros((28, 28, 1), np.uint8)
    digit[5:23, 13:15] = 255
    tab.session.probe_image = ProbeImage(digit, "1", "test #42: predicted 7 (0.61)")
    assert "test #42" in tab.image_caption.text()
    assert tab.source_combo.currentData() == "probe"
    qtbot.waitUntil(lambda: tab._keys()[0] in tab._act_cache, timeout=TIMEOUT)
    np.testing.assert_array_equal(tab.image_view.image(), digit)


def test_filter_patterns_arrive_progressively_and_stop(qtbot, tab):
    tab.session.set_model(_cnn(), "tiny", "trained")
    _ready(qtbot, tab)
    tab.views.setCurrentIndex(1)
    assert tab.filter_layer.currentData() == "c1"
    tab.filter_count.setValue(6)
    tab.filter_steps.setValue(400)
    tab.filter_start.click()
    assert tab.filter_stop.isEnabled()
    qtbot.waitUntil(lambda: tab.filter_progress.maximum() > 0 and tab.filter_progress.value() >= 1, timeout=TIMEOUT)
    tab.filter_stop.click()
    qtbot.waitUntil(lambda: not tab._filter_task.is_running(), timeout=TIMEOUT)
    assert tab.filter_start.isEnabled() and not tab.filter_stop.isEnabled()
    assert len(tab._patterns) < 6 and tab.filter_progress.format() == "Stopped"
    # a short run shows its patterns and a summary
    tab.filter_count.setValue(2)
    tab.filter_steps.setValue(3)
    tab.filter_start.click()
    qtbot.waitUntil(lambda: not tab._filter_task.is_running(), timeout=TIMEOUT)
    assert len(tab._patterns) == 2 and tab.filter_view.image() is not None
    assert "2 patterns of c1" in tab.filter_note.text()


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
    qtbot.waitUntil(lambda: "blue.png" in tab.image_caption.text(), timeout=TIMEOUT)
    assert "blue.png" in tab.image_caption.text() and "grayscale" in tab.image_caption.text()
    assert tab.image_view.image().shape == (28, 28, 1)


def test_dense_only_model_gets_an_explanation_not_an_error(qtbot, tab, errors):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    model = k.Sequential([k.Input((28, 28, 1)), k.layers.Rescaling(1 / 255), k.layers.Flatten(),
                          k.layers.Dense(10, activation="softmax")])
    tab.session.set_model(model, "dense", "trained")
    qtbot.waitUntil(lambda: "no convolution layer" in tab.cam_text.text(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not tab._analysis_task.is_running(), timeout=TIMEOUT)
    assert errors == []
    assert not tab.filter_start.isEnabled()


def test_sequence_model_is_explained_in_the_empty_state(qtbot, tab, errors):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    model = k.Sequential([k.Input((500,)), k.layers.Embedding(50, 4), k.layers.Conv1D(2, 3),
                          k.layers.GlobalMaxPooling1D(), k.layers.Dense(1, activation="sigmoid")])
    tab.session.set_model(model, "seq", "trained")
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 0 and "not images" in tab.empty_label.text(),
                    timeout=TIMEOUT)
    assert errors == []
