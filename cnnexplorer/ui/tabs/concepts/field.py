"""Receptive field: which input pixels one cell of a layer of the Builder's design depends on."""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core import receptive_field as rf
from cnnexplorer.ui import presentation
from cnnexplorer.ui.tabs.concepts.parts import side_label
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.lab_canvas import LabCanvas, Panel

if TYPE_CHECKING:
    from cnnexplorer.ui.tabs.concepts.tab import ConceptsTab


class FieldPage(QWidget):
    def __init__(self, tab: ConceptsTab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = tab
        self.table_data: rf.FieldTable | None = None
        self.row = 0
        self.cell: tuple[int, ...] = ()
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Output"), self.tr("Stride"),
                                              self.tr("Jump"), self.tr("Sees")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.canvas = LabCanvas(uniform_cells=False, max_cell=40)
        self.canvas.cellClicked.connect(self._cell_clicked)
        self.answer = side_label(object_name="answer")
        presentation.follow_text_size(self.answer, factor=1.4)
        self.explain = side_label(object_name="explain")
        self.explain.setAlignment(Qt.AlignmentFlag.AlignTop)  # right under the table, however tall its column
        self.explain.setText(self.tr(
            "<p><b>What can one cell see?</b> Each cell of a layer is computed from a small window of the layer "
            "before, which was computed from windows of the layer before that, and so on back to the picture. "
            "So deeper cells depend on a larger square of pixels: their <b>receptive field</b> (column "
            "“Sees”).</p><p>Pooling and strides make it grow faster. “Jump” is how many input pixels apart two "
            "neighbouring cells of a layer are. After Flatten or Dense every value can depend on every pixel.</p>"
            "<p><i>Pick a layer in the table, then click one of its cells.</i></p>"))
        left = QVBoxLayout()
        left.addWidget(self.source)
        # The table takes the height all its rows need (fit_table caps it there), the explanation the rest:
        # it scrolls in its own column, the table only when the window is too short for every row.
        left.addWidget(self.table, 10)
        left.addWidget(ColumnScroll(self.explain, vertical=QSizePolicy.Policy.Ignored), 1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.canvas, 1)
        right.addWidget(self.answer)
        right_widget = QWidget()
        right_widget.setLayout(right)
        splitter = self.splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def load_design(self) -> None:
        from cnnexplorer.core.spec import template

        design = self.tab.session.design
        if design is None:
            design = template("mnist-cnn")
            self.source.setText(self.tr("No design in the Builder yet, so this shows the MNIST CNN template."))
        else:
            self.source.setText(self.tr("Design from the Builder: <b>%1</b>").replace("%1", str(design.name)))
        try:
            table = rf.field_table(design)
        except Exception as exc:  # a half-edited design must not break the tab
            self.table_data = None
            self.table.setRowCount(0)
            self.answer.setText(self.tr("This design cannot be analysed yet: %1").replace("%1", str(exc)))
            self.canvas.set_panels([])
            return
        self.table_data = table
        self.table.blockSignals(True)
        self.table.setRowCount(len(table.layers))
        x = "×".join

        def one(values: tuple[int, ...]) -> str:  # "2" for a square 2×2 stride
            return "—" if not values else str(values[0]) if len(set(values)) == 1 else x(map(str, values))

        for i, row in enumerate(table.layers):
            cells = [row.name, x(map(str, row.out_size)) if row.out_size else "—", one(row.stride), one(row.jump),
                     (self.tr("all") if row.whole_input else x(map(str, row.field)))]
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.fit_table()
        grid_rows = [i for i, row in enumerate(table.layers) if row.has_grid]
        self.select_layer(grid_rows[-1] if grid_rows else 0)
        if table.problem:
            self.answer.setText(f"⚠ {table.problem}")

    def fit_table(self) -> None:
        """Size the table to show every cell whole and every row: the columns get the width their texts need
        (up to 3/5 of the page, the picture the rest), the table the height of all its rows."""
        table = self.table
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        for r in range(table.rowCount()):  # no tighter than the usual rows: they are click targets on a projector
            table.setRowHeight(r, max(table.rowHeight(r), table.verticalHeader().defaultSectionSize()))
        header = table.horizontalHeader()
        frame = 2 * table.frameWidth()
        rows = [table.rowHeight(r) for r in range(table.rowCount())]
        height = header.sizeHint().height() + sum(rows) + frame
        table.setMaximumHeight(height)
        table.setMinimumHeight(min(height, header.sizeHint().height() + sum(rows[:4]) + frame))
        needed = sum(header.sectionSize(c) for c in range(table.columnCount()))
        needed += frame + table.verticalScrollBar().sizeHint().width() + 64
        total = max(self.splitter.width(), 900)
        left = max(360, min(needed, total * 3 // 5))
        self.splitter.setSizes([left, total - left])

    def select_layer(self, row: int, cell: tuple[int, ...] | None = None) -> None:
        if self.table_data is None:
            return
        layer = self.table_data.layers[row]
        self.row = row
        if cell is None:
            cell = tuple(n // 2 for n in layer.out_size) if layer.has_grid else ()
        self.cell = cell
        self.table.blockSignals(True)
        self.table.selectRow(row)
        self.table.blockSignals(False)
        self.refresh()

    @Slot()
    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.select_layer(rows[0].row())

    WRAP = 25  # a sequence is shown as lines of 25 tokens, like lines of a text

    def _input_values(self, size: tuple[int, ...]) -> np.ndarray:
        img = self.tab.input_model.digit_image(7).astype(np.float64)
        if size == (28, 28):
            return img
        ys = (np.arange(size[0]) * 28 // max(size[0], 1)).clip(0, 27)
        xs = (np.arange(size[1]) * 28 // max(size[1], 1)).clip(0, 27)
        return img[np.ix_(ys, xs)]

    def _wrapped(self, n: int) -> tuple[np.ndarray, np.ndarray]:
        """A length-n sequence as a (rows, WRAP) grid and the mask of real positions."""
        cols = min(self.WRAP, max(n, 1))
        rows = -(-n // cols)
        mask = np.zeros((rows, cols), dtype=bool)
        mask.ravel()[:n] = True
        return np.zeros((rows, cols)), mask

    def _cell_clicked_1d(self, table: rf.FieldTable, row: int, col: int) -> tuple[int, ...] | None:
        layer = table.layers[self.row]
        index = row * min(self.WRAP, max(layer.out_size[0], 1)) + col
        return (index,) if index < layer.out_size[0] else None

    @Slot(str, int, int, int)
    def _cell_clicked(self, key: str, row: int, col: int, _button: int) -> None:
        if key != "layer" or self.table_data is None:
            return
        if len(self.table_data.input_size) == 2:
            self.cell = (row, col)
        else:
            cell = self._cell_clicked_1d(self.table_data, row, col)
            if cell is None:
                return
            self.cell = cell
        self.refresh()

    def refresh(self) -> None:
        table = self.table_data
        if table is None:
            return
        layer = table.layers[self.row]
        size = table.input_size
        input_title = self.tr("Input %1").replace("%1", "×".join(map(str, size)))
        sequence = len(size) == 1
        if sequence:
            values, mask = self._wrapped(size[0])
            input_panel = Panel("input", input_title, values, numbers=False, filled=mask,
                                caption=self.tr("%1 tokens, in lines of %2").replace("%1", str(size[0]))
                                .replace("%2", str(values.shape[1])))
        else:
            input_panel = Panel("input", input_title, self._input_values(size), numbers=False, vmax=255.0)
        if layer.whole_input or not layer.has_grid:
            if sequence:
                input_panel.highlight = {divmod(i, self.WRAP) for i in range(size[0])}
            else:
                input_panel.region = (0, 0, size[0], size[1])
            self.canvas.set_panels([input_panel])
            if layer.whole_input:
                self.answer.setText(self.tr("Every value of <b>%1</b> can depend on every input pixel.")
                                    .replace("%1", layer.name))
            else:
                self.answer.setText(self.tr("<b>%1</b> has no output cells.").replace("%1", layer.name))
            return
        ranges = rf.input_region(table, self.row, self.cell)
        caption = self.tr("output %1: click a cell").replace("%1", "×".join(map(str, layer.out_size)))
        title = self.tr("Layer %1").replace("%1", layer.name)
        if sequence:
            (c0, c1), = ranges
            input_panel.highlight = {divmod(i, self.WRAP) for i in range(c0, c1 + 1)}
            values, mask = self._wrapped(layer.out_size[0])
            layer_panel = Panel("layer", title, values, numbers=False, filled=mask, caption=caption,
                                current=divmod(self.cell[0], values.shape[1]))
        else:
            (r0, r1), (c0, c1) = ranges
            input_panel.region = (r0, c0, r1 - r0 + 1, c1 - c0 + 1)
            layer_panel = Panel("layer", title, np.zeros(layer.out_size), numbers=False,
                                current=(self.cell[0], self.cell[1]), caption=caption)
        layer_panel.window_color = QColor("#8b5cf6")
        self.canvas.set_panels([input_panel, layer_panel])
        if not sequence:
            text = (self.tr("Cell (row %1, column %2) of <b>%3</b> sees input rows %4–%5 and columns %6–%7: "
                            "a <b>%8×%9</b> region.")
                    .replace("%1", str(self.cell[0] + 1)).replace("%2", str(self.cell[1] + 1))
                    .replace("%3", layer.name).replace("%4", str(r0 + 1)).replace("%5", str(r1 + 1))
                    .replace("%6", str(c0 + 1)).replace("%7", str(c1 + 1))
                    .replace("%8", str(r1 - r0 + 1)).replace("%9", str(c1 - c0 + 1)))
        else:
            text = (self.tr("Cell %1 of <b>%2</b> sees positions %3–%4 of the sequence: <b>%5</b> tokens.")
                    .replace("%1", str(self.cell[0] + 1)).replace("%2", layer.name)
                    .replace("%3", str(c0 + 1)).replace("%4", str(c1 + 1)).replace("%5", str(c1 - c0 + 1)))
        self.answer.setText(text)
