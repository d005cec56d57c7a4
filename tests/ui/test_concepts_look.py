"""The Concepts tab on a classroom projector: presentation mode fits 1280×800, and the dark theme is dark."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QScrollArea

from cnnexplorer.ui import presentation
from cnnexplorer.ui.tabs.concepts import ConceptsTab
from cnnexplorer.ui.widgets.cost_bars import CostBars
from cnnexplorer.ui.widgets.lab_canvas import LabCanvas, Panel


@pytest.fixture(autouse=True)
def _normal_look(qapp):
    """The look is application-wide: every test starts and ends with the defaults."""
    presentation.look().restore_defaults()
    yield
    presentation.look().restore_defaults()


def _concepts(window) -> tuple[ConceptsTab, QScrollArea]:
    assert window.select_tab("concepts")
    tab = window.tabs.currentWidget()
    assert isinstance(tab, ConceptsTab)
    return tab, tab.parentWidget().parentWidget()


def _check_every_page_fits(qtbot, qapp, window) -> None:
    tab, area = _concepts(window)
    presentation.look().set_presentation(True)
    tab.prepare_screenshot()
    for name in ConceptsTab.PAGES:
        tab.show_page(name)
        qtbot.wait(20)  # let the pages lay themselves out (the weights table sizes its rows afterwards)
        qapp.processEvents()
        width = area.viewport().width()
        assert tab.minimumSizeHint().width() <= width <= 1280, name
        assert area.horizontalScrollBar().maximum() == 0, f"the {name} page scrolls sideways"
        # Nothing taller than the window either: the long texts scroll inside their own column.
        assert area.verticalScrollBar().maximum() == 0, f"the {name} page scrolls up and down"


def test_every_page_fits_1280x800_in_presentation_mode(qtbot, qapp, main_window):
    main_window.resize(1280, 800)
    qtbot.waitExposed(main_window)
    _check_every_page_fits(qtbot, qapp, main_window)
    # The grids still get most of the screen: big enough cells to read the numbers from the back.
    tab, _ = _concepts(main_window)
    tab.show_page("convolution")
    qapp.processEvents()
    assert tab.conv.canvas.width() >= 700 and tab.conv.canvas.cell_size("input") >= 28


def test_chinese_presentation_mode_fits_1280x800_too(qtbot, qapp, zh, main_window):
    main_window.resize(1280, 800)
    qtbot.waitExposed(main_window)
    _check_every_page_fits(qtbot, qapp, main_window)


def _lightness(image, x: int, y: int) -> float:
    return QColor(image.pixel(x, y)).lightnessF()


def test_lab_canvas_follows_a_dark_palette(qtbot, qapp):
    canvas = LabCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    grid = np.zeros((4, 4))
    grid[1, 1] = 9
    canvas.set_panels([Panel("input", "Input 4×4", grid, vmax=9.0)])
    light = canvas.grab().toImage()
    centre = canvas.cell_center("input", 1, 1).toPoint()
    blank = canvas.cell_center("input", 2, 2).toPoint()
    assert _lightness(light, 3, 3) > 0.9  # white paper
    assert _lightness(light, centre.x() + 8, centre.y() + 8) < 0.35  # the 9 is dark ink

    presentation.look().set_theme("dark")
    canvas.setPalette(qapp.palette())  # a widget made before the change gets it through the app; be explicit
    dark = canvas.grab().toImage()
    assert _lightness(dark, 3, 3) < 0.2, "the canvas background stays light in the dark theme"
    assert _lightness(dark, blank.x() + 8, blank.y() + 8) < 0.25  # a 0 cell is dark too...
    assert _lightness(dark, centre.x() + 8, centre.y() + 8) > 0.6  # ...and the 9 bright, like an MNIST digit


def test_cost_bars_follow_a_dark_palette(qtbot, qapp):
    bars = CostBars()
    qtbot.addWidget(bars)
    bars.resize(500, 240)
    bars.set_groups([("Weights", [("Dense", 1000), ("Conv2D", 10)])])
    assert _lightness(bars.grab().toImage(), bars.width() - 3, bars.height() - 3) > 0.9
    presentation.look().set_theme("dark")
    bars.setPalette(qapp.palette())
    assert _lightness(bars.grab().toImage(), bars.width() - 3, bars.height() - 3) < 0.2


def _check_field_table_shows_everything(qtbot, qapp, window) -> None:
    tab, _ = _concepts(window)
    presentation.look().set_presentation(True)
    tab.show_page("field")
    qtbot.wait(20)
    qapp.processEvents()
    table = tab.field.table
    assert table.rowCount() == 10  # the MNIST CNN: input and nine layers
    for col in range(table.columnCount()):  # no cell elided ("2×2 /2" of the pooling rows included)
        assert table.sizeHintForColumn(col) <= table.columnWidth(col), table.horizontalHeaderItem(col).text()
    assert table.horizontalScrollBar().maximum() == 0
    assert table.verticalScrollBar().maximum() == 0, "the last rows hide behind a scrollbar"
    last = table.rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height()
    assert any("2×2 /2" in table.item(r, 0).text() for r in range(table.rowCount()))


def test_receptive_field_table_shows_every_row_and_cell_on_a_projector(qtbot, qapp, main_window):
    main_window.resize(1280, 800)
    qtbot.waitExposed(main_window)
    _check_field_table_shows_everything(qtbot, qapp, main_window)


def test_receptive_field_table_shows_every_row_and_cell_in_chinese_too(qtbot, qapp, zh, main_window):
    main_window.resize(1280, 800)
    qtbot.waitExposed(main_window)
    _check_field_table_shows_everything(qtbot, qapp, main_window)
    assert main_window.tabs.currentWidget().field.table.horizontalHeaderItem(4).text() == "可见范围"


@pytest.mark.parametrize("design", ["mnist-cnn", "small-vgg"])
def test_receptive_field_layer_grid_is_clickable_and_its_title_leaves_the_picture_free(design, qtbot, qapp,
                                                                                      main_window):
    from cnnexplorer.core.spec import template

    main_window.resize(1280, 800)
    qtbot.waitExposed(main_window)
    main_window.session.design = template(design)
    tab, _ = _concepts(main_window)
    presentation.look().set_presentation(True)
    tab.show_page("field")
    qtbot.wait(20)
    qapp.processEvents()
    canvas = tab.field.canvas
    placed = {panel.key: (panel, rect) for panel, rect, _ in canvas._layout()}
    assert canvas.cell_size("layer") >= 12  # small-vgg: a 7×7 map beside a 150×150 picture
    layer, layer_rect = placed["layer"]
    _, input_rect = placed["input"]
    title_width = canvas._title_width(layer.title, 0)
    assert canvas._box_left(layer_rect, title_width) >= input_rect.right() - 1, layer.title
