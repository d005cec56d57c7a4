"""The Concepts tab as a teacher drives it: step the window, draw, break the settings, read the answers."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.core.session import Session
from cnnexplorer.core.spec import LayerSpec, ModelSpec
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.tabs.concepts import ConceptsTab


@pytest.fixture
def tab(qtbot, errors):
    bridge = SessionBridge(Session())
    widget = ConceptsTab(bridge)
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def _click(qtbot, canvas, key, row, col, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(canvas, button, pos=canvas.cell_center(key, row, col).toPoint())


def test_screenshot_state_is_3x3_stride_2_same_midway(tab, errors):
    tab.prepare_screenshot()
    conv = tab.conv
    assert conv.kernel.shape == (3, 3) and conv.stride == 2 and conv.padding == "same"
    out = conv.canvas.panel("output")
    assert out.values.shape == (5, 5)  # ceil(10 / 2)
    assert conv.canvas.panel("input").pad == (0, 1, 0, 1)  # the odd padding row/column goes bottom/right
    assert 0 < conv.index < 24 and out.filled.sum() == conv.index + 1
    assert "0 before, 1 after" in conv.formula.text()
    step = conv.result.steps[conv.index]
    assert f"= {lab.fmt(step.total)}" in conv.calc.text()
    assert errors == []


def test_stepping_fills_the_output_one_cell_at_a_time(tab, qtbot):
    conv = tab.conv
    conv.configure(3, 1, "valid", "blur")
    assert conv.canvas.panel("output").filled.sum() == 1
    qtbot.mouseClick(conv.step_bar.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(conv.step_bar.next_button, Qt.MouseButton.LeftButton)
    assert conv.index == 2 and conv.canvas.panel("output").filled.sum() == 3
    assert conv.canvas.panel("input").window == (0, 2, 3, 3)
    qtbot.mouseClick(conv.step_bar.last_button, Qt.MouseButton.LeftButton)
    assert conv.canvas.panel("output").filled.all()
    assert "Position 64 of 64" in conv.step_bar.position.text()
    _click(qtbot, conv.canvas, "output", 1, 2)  # jump straight to an output cell
    assert conv.index == 1 * 8 + 2 and conv.canvas.panel("input").window == (1, 2, 3, 3)


def test_play_animates_and_pause_stops(tab, qtbot):
    conv = tab.conv
    conv.step_bar.speed.setValue(10)
    qtbot.mouseClick(conv.step_bar.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: conv.index >= 2, timeout=5000)
    qtbot.mouseClick(conv.step_bar.play_button, Qt.MouseButton.LeftButton)
    assert not conv.step_bar.timer.isActive()


def test_drawing_on_the_input_changes_both_labs(tab, qtbot):
    tab.input_model.set_source("blank")
    conv = tab.conv
    conv.configure(3, 1, "same", "identity")
    assert "all zeros" in conv.problems.text() and "all zeros" in tab.pool.problems.text()
    _click(qtbot, conv.canvas, "input", 4, 5)
    assert tab.input_model.grid[4, 5] == 9
    assert "all zeros" not in conv.problems.text()
    assert conv.result.output[4, 5] == 9  # identity kernel copies the drawing
    assert tab.pool.result.output[2, 2] == 9  # the pooling lab sees the same grid
    _click(qtbot, conv.canvas, "input", 4, 5, Qt.MouseButton.RightButton)
    assert tab.input_model.grid[4, 5] == 0


def test_kernel_cells_can_be_edited_by_clicking(tab, qtbot):
    conv = tab.conv
    conv.configure(3, 1, "valid", "identity")
    _click(qtbot, conv.canvas, "kernel", 0, 0)
    _click(qtbot, conv.canvas, "kernel", 0, 0)
    _click(qtbot, conv.canvas, "kernel", 2, 2, Qt.MouseButton.RightButton)
    assert conv.kernel[0, 0] == 2 and conv.kernel[2, 2] == -1
    assert conv.preset_combo.currentData() == "custom"
    conv.kernel_spin.setValue(5)  # a hand-edited kernel keeps its centre when it grows
    assert conv.kernel.shape == (5, 5) and conv.kernel[1, 1] == 2 and conv.kernel[2, 2] == 1


def test_bad_settings_are_explained_in_the_lab(tab, errors):
    conv = tab.conv
    tab.input_model.set_size(5)
    conv.configure(7, 1, "valid", "edge")
    assert conv.result is None and conv.problems.isVisible()
    assert "larger than the 5×5 input" in conv.problems.text()
    assert conv.canvas.panel("output") is None  # no output grid, the note explains why
    assert not conv.step_bar.next_button.isEnabled()
    conv.configure(7, 1, "same", "edge")  # 'same' pads, so the big kernel fits again
    assert conv.result is not None and not conv.problems.isVisible()
    conv.configure(1, 3, "valid", "identity")
    assert conv.result is not None and "stride (3) is larger" in conv.problems.text()
    assert (1, 1) in conv.canvas.panel("input").lost
    tab.input_model.set_size(0)
    assert "empty" in conv.canvas.message and "empty" in conv.problems.text()
    assert "empty" in tab.pool.canvas.message
    tab.input_model.set_size(10)
    assert conv.canvas.message == "" and conv.result is not None
    assert errors == []


def test_pooling_shows_which_value_each_window_keeps(tab, qtbot):
    pool = tab.pool
    tab.show_page("pooling")
    pool.configure(2, 2, "valid", "max")
    grid = tab.input_model.grid
    assert pool.result.output.shape == (5, 5)
    qtbot.mouseClick(pool.step_bar.last_button, Qt.MouseButton.LeftButton)
    expected = grid.reshape(5, 2, 5, 2).max(axis=(1, 3))
    np.testing.assert_array_equal(pool.result.output, expected)
    panel = pool.canvas.panel("input")
    assert len(panel.kept) == 25 and all(grid[r, c] == expected[r // 2, c // 2] for r, c in panel.kept)
    assert "max(" in pool.calc.text()
    pool.configure(3, 3, "same", "average")
    assert pool.result.output.shape == (4, 4) and "mean(" in pool.calc.text()
    pool.configure(4, 4, "valid")
    tab.input_model.set_size(3)
    assert pool.result is None and "larger than the 3×3 input" in pool.problems.text()


def test_weights_table_and_bad_kernel(tab):
    page = tab.weights
    tab.show_page("weights")
    assert page.table.rowCount() == 4
    conv_row = [c.name for c in page.costs].index("Conv2D")
    assert page.table.item(conv_row, 2).text() == "320"  # 3*3*1*32 + 32, as count_params() says
    page.channels_spin.setValue(64)
    page.filters_spin.setValue(128)
    sep, full = page.costs[3], page.costs[2]
    assert sep.params < full.params and page.table.item(3, 2).text() == f"{sep.params:,}"
    page.padding_combo.setCurrentIndex(page.padding_combo.findData("valid"))
    page.kernel_spin.setValue(11)
    page.height_spin.setValue(5)
    assert page.table.rowCount() == 0 and "larger than the 5×28 input" in page.problem.text()


def test_receptive_field_of_a_clicked_cell(tab, qtbot):
    tab.show_page("field")
    page = tab.field
    assert "MNIST CNN template" in page.source.text()
    conv3 = [i for i, row in enumerate(page.table_data.layers) if row.type == "Conv2D"][-1]
    page.select_layer(conv3)
    _click(qtbot, page.canvas, "layer", 2, 1)
    assert page.cell == (2, 1)
    assert page.canvas.panel("input").region == (8, 4, 18, 18)
    assert "18×18" in page.answer.text()
    page.select_layer(conv3 + 1)  # Flatten
    assert "every input pixel" in page.answer.text()


def test_receptive_field_follows_the_builder_design(tab):
    tab.show_page("field")
    tab.session.design = ModelSpec(name="tiny", input_shape=(12, 12, 1), layers=[
        LayerSpec("Conv2D", {"kernel_size": 5, "strides": 2, "padding": "same"})])
    page = tab.field
    assert "tiny" in page.source.text()
    assert page.table.rowCount() == 2 and page.table.item(1, 4).text() == "5×5" and page.table.item(1, 2).text() == "2"
    tab.session.design = ModelSpec(name="broken", input_shape=(4, 4, 1), layers=[
        LayerSpec("Conv2D", {"kernel_size": 3}), LayerSpec("Conv2D", {"kernel_size": 3})])
    assert "Layer 2 Conv2D" in page.answer.text()


def test_missing_digits_fall_back_to_a_drawn_seven(qtbot, monkeypatch, errors):
    from cnnexplorer.core import resources
    from cnnexplorer.core.errors import UserError

    def missing(*parts):
        raise UserError("The bundled file data/mnist_sample.npz is missing.")

    monkeypatch.setattr(resources, "resource_path", missing)
    monkeypatch.setattr(lab, "_DIGITS", None)  # forget digits read by earlier tests
    widget = ConceptsTab(SessionBridge(Session()))
    qtbot.addWidget(widget)
    assert widget.input_model.grid.max() == 9
    assert "could not be read" in widget.note.text() and not widget.note.isHidden()
    assert errors == []


def test_receptive_field_of_a_sequence_design(tab, qtbot):
    from cnnexplorer.core.spec import template

    tab.show_page("field")
    tab.session.design = template("conv1d-text")
    page = tab.field
    conv2 = [i for i, row in enumerate(page.table_data.layers) if row.type == "Conv1D"][-1]
    page.select_layer(conv2)
    _click(qtbot, page.canvas, "layer", 0, 3)  # the text is drawn as lines of 25 tokens
    assert page.cell == (3,)
    assert "positions 16–56" in page.answer.text() and "41" in page.answer.text()
    assert len(page.canvas.panel("input").highlight) == 41
