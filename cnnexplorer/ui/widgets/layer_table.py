"""The Builder's layer table: one row per layer with its output shape, parameters and running total.

It is at once the layer list (select, drag to reorder) and the live summary.
Rows are plain :class:`LayerRow` values computed by the tab, so the same view
shows an editable design or, read-only, a model loaded from a file. Invalid
rows are tinted red, carry a warning icon, and explain themselves in a tooltip.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from cnnexplorer.ui import presentation

MIME = "application/x-cnnexplorer-layer-row"

BAD_BG = QColor(255, 225, 225)
BAD_FG = QColor(160, 0, 0)
INPUT_BG = QColor(235, 242, 255)


@dataclass
class LayerRow:
    number: str  # "1", "2"… or "" for the input row
    type: str
    settings: str
    shape: str
    params: str
    total: str
    problems: list[str] = field(default_factory=list)
    formula: str = ""
    is_input: bool = False


class LayerTableModel(QAbstractTableModel):
    """Rows of the table; drops ask for a move through ``move_requested(from_layer, to_layer)`` (0-based)."""

    move_requested = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[LayerRow] = []
        self.editable = True
        self.bold_font = QFont()
        self.bold_font.setBold(True)
        self.headers = ["#", self.tr("Layer"), self.tr("Settings"), self.tr("Output shape"), self.tr("Params"),
                        self.tr("Total")]

    def set_rows(self, rows: list[LayerRow], editable: bool = True) -> None:
        self.beginResetModel()
        self.rows = rows
        self.editable = editable
        self.endResetModel()

    # -- read -----------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if section in (0, 4, 5) else Qt.AlignmentFlag.AlignLeft
            return side | Qt.AlignmentFlag.AlignVCenter
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.number, row.type, row.settings, row.shape, row.params, row.total)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = Qt.AlignmentFlag.AlignRight if col in (0, 4, 5) else Qt.AlignmentFlag.AlignLeft
            return int(align | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.problems:
                return QBrush(BAD_BG)
            if row.is_input:
                return QBrush(INPUT_BG)
        if role == Qt.ItemDataRole.ForegroundRole and row.problems:
            return QBrush(BAD_FG)
        if role == Qt.ItemDataRole.ForegroundRole and row.is_input:
            return QBrush(QColor(20, 20, 20))  # dark on the light input row, in the dark theme too
        if role == Qt.ItemDataRole.FontRole and col in (1, 3):
            return self.bold_font
        if role == Qt.ItemDataRole.DecorationRole and col == 1 and row.problems:
            from PySide6.QtWidgets import QApplication

            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = list(row.problems)
            if row.formula:
                parts.append(row.formula)
            return "\n".join(parts) or None
        return None

    # -- drag to reorder ------------------------------------------------------------
    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        if self.editable and not self.rows[index.row()].is_input:
            base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def mimeTypes(self):  # noqa: N802 - Qt override
        return [MIME]

    def mimeData(self, indexes):  # noqa: N802 - Qt override
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 - Qt override
        return self.editable and data.hasFormat(MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 - Qt override
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(MIME)).decode() or -1)
        if source < 1:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        # Table rows: 0 is the input, layer i (0-based) is row i + 1. Dropping *before* table row r.
        target = max(1, row)
        to_layer = target - 1 if target <= source else target - 2
        if to_layer != source - 1:
            self.move_requested.emit(source - 1, to_layer)
        return False  # we moved it ourselves (through the undo stack); the view must not remove rows


class LayerTable(QTableView):
    """The view: whole-row selection, drag to reorder, comfortable rows for a projector."""

    layer_selected = Signal(int)  # -1: the input row; 0..n-1: layers

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table_model = LayerTableModel(self)
        self.setModel(self.table_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        presentation.look().changed.connect(self._fit_rows)
        self._fit_rows()

    def set_rows(self, rows: list[LayerRow], editable: bool = True, select_layer: int | None = None) -> None:
        current = self.selected_layer() if select_layer is None else select_layer
        self.table_model.set_rows(rows, editable)
        self._fit_rows()
        if rows:
            self.select_layer(min(current, len(rows) - 2))

    @Slot()
    def _fit_rows(self) -> None:
        # The table is what the class reads from the back row: a fifth larger than the rest of the window,
        # following View > Larger/Smaller text (an application font change). In presentation mode the window's
        # text is already projector-sized; a fifth more would cut the Settings column to "…" at 1280 pixels.
        from PySide6.QtWidgets import QApplication

        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * (1.0 if presentation.is_on() else 1.2))
        self.setFont(font)
        bold = QFont(font)
        bold.setBold(True)
        self.table_model.bold_font = bold
        self.horizontalHeader().setFont(QApplication.font())
        height = int(self.fontMetrics().height() * 1.9)
        self.verticalHeader().setDefaultSectionSize(height)

    def event(self, event) -> bool:
        if event.type() == event.Type.ApplicationFontChange:
            self._fit_rows()
        return super().event(event)

    def needed_width(self) -> int:
        """The width that shows every cell whole (no "…" in Settings), header texts included."""
        header = self.horizontalHeader()
        columns = sum(max(self.sizeHintForColumn(c), header.sectionSizeHint(c))
                      for c in range(self.table_model.columnCount()))
        return columns + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()

    def selected_layer(self) -> int:
        index = self.currentIndex()
        return index.row() - 1 if index.isValid() else -1

    def select_layer(self, layer: int) -> None:
        row = max(0, min(layer + 1, self.table_model.rowCount() - 1))
        self.selectRow(row)
        self.setCurrentIndex(self.table_model.index(row, 1))
        self.scrollTo(self.table_model.index(row, 0))

    def _on_current_row(self, current, previous) -> None:
        self.layer_selected.emit(current.row() - 1 if current.isValid() else -1)
