"""Visualize as a teacher walks through it (issue 17): class names, a projector-sized grid with numbered tiles,
Grad-CAM's resolution explained, a warning for a photo given to a digit model, one caption, no cut text."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QStyle, QStyleOptionComboBox

from cnnexplorer.core.session import ProbeImage, Session
from cnnexplorer.ui import presentation
from cnnexplorer.ui.session_bridge import SessionBridge

TIMEOUT = 60000
PAGE = (1240, 700)  # what a 1280×800 main window leaves for a tab page


def _model(classes: int = 10, filters: int = 6):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    k.utils.set_random_seed(0)
    return k.Sequential([k.Input((28, 28, 1)), k.layers.Rescaling(1 / 255),
                         k.layers.Conv2D(filters, 3, activation="relu", name="c1"),
                         k.layers.MaxPooling2D(2, name="p1"),
                         k.layers.Conv2D(8, 3, activation="relu", name="c2"),
                         k.layers.Flatten(), k.layers.Dense(classes, activation="softmax", name="out")])


@pytest.fixture
def look(qapp):
    from cnnexplorer.ui.app import install_translators

    presentation.look().restore_defaults()
    yield presentation.look()
    presentation.look().restore_defaults()
    install_translators(qapp, "en")


@pytest.fixture
def make_tab(qtbot, errors):
    tabs = []

    def make(model, size=PAGE):
        from cnnexplorer.ui.tabs.visualize import VisualizeTab

        # not qtbot.addWidget: pytest-qt would delete the tab right after the test, before this fixture has
        # waited for its last work (a Task deleted with its slot before it ends stays "live" for the
        # dangling-thread check)
        tab = VisualizeTab(SessionBridge(Session()))
        tab.resize(*size)
        tab.show()
        tabs.append(tab)
        tab.session.set_model(model, "tiny", "trained")
        _settle(qtbot, tab)
        return tab

    yield make
    from cnnexplorer.ui import workers

    for tab in tabs:
        assert tab.shutdown()
    qtbot.waitUntil(lambda: not workers.live_tasks(), timeout=TIMEOUT)  # their ends delivered
    for tab in tabs:
        tab.close()
        tab.deleteLater()


def _settle(qtbot, tab):
    qtbot.waitUntil(lambda: tab.activations.view.image() is not None and bool(tab.gradcam.text.text()),
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not any(slot.is_busy() for slot in tab.task_slots()), timeout=TIMEOUT)
    for _ in range(3):
        QApplication.processEvents()


def test_predictions_and_gradcam_use_the_names_the_model_was_trained_with(qtbot, make_tab, errors):
    from cnnexplorer.ml.class_names import attach_class_names

    model = _model(classes=3)
    attach_class_names(model, ["circles", "squares", "triangles"])
    tab = make_tab(model)
    shown = [label.text() for label, bar in zip(tab.prediction.names, tab.prediction.bars) if bar.isVisible()]
    assert len(shown) == 3 and all(any(n in s for n in ("circles", "squares", "triangles")) for s in shown)
    items = [tab.gradcam.class_combo.itemText(i) for i in range(tab.gradcam.class_combo.count())]
    assert items[1:] == ["0: circles", "1: squares", "2: triangles"]
    assert any(n in tab.gradcam.text.text() for n in ("circles", "squares", "triangles"))
    assert "class 0" not in tab.gradcam.text.text()
    assert errors == []


def test_without_names_a_small_model_is_numbered(qtbot, make_tab):
    tab = make_tab(_model(classes=3))
    items = [tab.gradcam.class_combo.itemText(i) for i in range(1, tab.gradcam.class_combo.count())]
    assert items == ["0: class 0", "1: class 1", "2: class 2"]


def test_activation_grid_fills_a_projector_and_numbers_its_tiles(qtbot, make_tab, look):
    look.set_presentation(True)
    tab = make_tab(_model(filters=32))
    view = tab.activations.view
    qtbot.waitUntil(lambda: view.tile_layout() is not None and view.tile_layout().count == 32, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not tab.activations.grid_slot.is_busy(), timeout=TIMEOUT)
    view.repaint()
    layout = view.tile_layout()
    tile_w, tile_h = view.tile_screen_size()
    assert layout.rows >= 3, f"{layout.cols}×{layout.rows} tiles"  # not two long rows of stamps
    assert min(tile_w, tile_h) >= 55, f"tiles {tile_w:.0f}×{tile_h:.0f} px"
    assert view.numbered == 32  # every tile carries its channel number, in the (1.5×) interface font
    # a click on tile 9 enlarges channel 9 (the number the tile shows)
    from PySide6.QtCore import QPoint, Qt

    x, y, w, h = layout.tile_rect(9)
    rect, image = view.target_rect(), view.image()
    pos = QPoint(rect.x() + int((x + w / 2) * rect.width() / image.shape[1]),
                 rect.y() + int((y + h / 2) * rect.height() / image.shape[0]))
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=pos)
    assert "channel 9" in tab.activations.channel_title.text()
    # a fixed number per row is still the user's choice
    tab.activations.cols.setValue(16)
    qtbot.waitUntil(lambda: view.tile_layout().cols == 16, timeout=TIMEOUT)


def test_filter_pattern_tiles_are_numbered_by_filter(qtbot, make_tab):
    tab = make_tab(_model())
    tab.views.setCurrentIndex(1)
    tab.filters.first.setValue(2)
    tab.filters.count.setValue(4)
    tab.filters.steps.setValue(2)
    tab.filters.start_button.click()
    qtbot.waitUntil(lambda: not tab.filters.slot.is_busy() and tab.filters.start_button.isEnabled(), timeout=TIMEOUT)
    view = tab.filters.view
    view.repaint()
    assert view.tile_layout().count == 4 and view.numbered == 4
    assert view._labels == ["2", "3", "4", "5"]


def test_gradcam_explains_its_resolution_and_names_a_finer_layer(qtbot, make_tab):
    tab = make_tab(_model())
    text = tab.gradcam.text.text()
    assert "11×11 map" in text and "~3×3 pixels of the 28×28 input" in text  # c2 is the last convolution
    assert "Try c1 for a finer map (26×26)" in text
    tab.gradcam.layer.setCurrentIndex(tab.gradcam.layer.findData("c1"))  # the first conv: nothing finer to offer
    qtbot.waitUntil(lambda: "26×26 map" in tab.gradcam.text.text(), timeout=TIMEOUT)
    assert "Try" not in tab.gradcam.text.text()


def test_a_colour_photo_given_to_a_grey_digit_model_gets_a_warning(qtbot, make_tab):
    tab = make_tab(_model())
    assert not tab.prediction.note.isVisible()  # a digit: what the model knows
    tab.source.choose("cat")
    qtbot.waitUntil(lambda: tab.prediction.note.isVisible(), timeout=TIMEOUT)
    note = tab.prediction.note.text()
    assert "can only answer with its own classes" in note and "colour photo" in note
    tab.source.choose("digit")
    qtbot.waitUntil(lambda: not tab.prediction.note.isVisible(), timeout=TIMEOUT)


def test_an_image_from_another_tab_is_captioned_once(qtbot, make_tab):
    tab = make_tab(_model())
    digit = np.zeros((28, 28, 1), np.uint8)
    digit[5:23, 13:15] = 255
    tab.session.probe_image = ProbeImage(digit, "1", "test #42: predicted 7 (61%)")
    QApplication.processEvents()
    labels = [w for w in tab.findChildren(QLabel) if w.isVisibleTo(tab) and "test #42" in w.text()]
    assert len(labels) == 1 and "True label: 1" in labels[0].text()


def _cut_texts(tab) -> list[str]:
    """Combo items and one-line labels narrower than their text (Qt would elide them with "…")."""
    found = []
    for combo in tab.findChildren(QComboBox):
        if not combo.isVisibleTo(tab):
            continue
        opt = QStyleOptionComboBox()
        combo.initStyleOption(opt)
        room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, combo).width()
        texts = [combo.itemText(i) for i in range(combo.count())] if combo.count() <= 40 else [combo.currentText()]
        for text in texts:
            need = combo.fontMetrics().horizontalAdvance(text)
            if need > room:
                found.append(f"combo item {text!r}: {need} px in {room}")
    for label in tab.findChildren(QLabel):
        if not label.isVisibleTo(tab) or label.wordWrap() or not label.text() or "<" in label.text():
            continue
        need = label.fontMetrics().horizontalAdvance(label.text())
        if need > label.contentsRect().width():
            found.append(f"label {label.text()!r}: {need} px in {label.contentsRect().width()}")
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("presenting", [False, True], ids=["normal", "presentation"])
def test_no_text_is_cut_at_1280x800(qtbot, qapp, make_tab, look, language, presenting):
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ui.app import install_translators

    install_translators(qapp, language)
    look.set_presentation(presenting)
    tab = make_tab(build_model(template("mnist-cnn")))  # the tutorial's layer names (conv2d_2...)
    tab.session.probe_image = ProbeImage(np.zeros((28, 28, 1), np.uint8), "1", "test #42")  # every source item
    problems = {}
    for view in range(tab.views.count()):
        tab.views.setCurrentIndex(view)
        # combo items (all of them, not only the current one) and one-line labels; then the window-wide check of
        # tests/ui/test_presentation.py (buttons, check boxes, list cells...) with a model loaded
        from test_presentation import _truncated

        def found() -> list[str]:
            return _cut_texts(tab) + _truncated(tab)

        try:  # what a viewer sees once the layout has settled (a refit of the grid may still be on its way)
            qtbot.waitUntil(lambda: not found(), timeout=3000)
        except qtbot.TimeoutError:
            problems[tab.views.tabText(view)] = found()
    assert not problems


def test_export_into_a_missing_folder_says_so_in_one_sentence(qtbot, make_tab, errors, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    tab = make_tab(_model())
    target = tmp_path / "no such folder" / "grid.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG"))
    tab.activations.export_button.click()
    assert not target.exists()
    assert len(errors) == 1 and "grid.png" in errors[0] and "Traceback" not in errors[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "grid"), "PNG"))
    tab.activations.export_button.click()  # the same grid, written whole (atomically) where it can be
    from cnnexplorer.core.images import load_image

    assert load_image(tmp_path / "grid.png").shape[:2] == tab.activations.grid.image.shape[:2]
