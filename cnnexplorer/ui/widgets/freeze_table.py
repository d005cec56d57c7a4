"""The layers of a pretrained base, grouped by block, with trainable checkboxes and a
"fine-tune from here" boundary.

The widget shows and edits a :class:`~cnnexplorer.core.freeze_state.FreezeState`
(plain Python, no Keras): ticking a box or moving the boundary slider updates
the parameter counts at once, even for ResNet50's 174 layers, because the
counts are running totals and the items are restyled with signals blocked.
The flags reach the model only when training starts (``apply_freeze``).
"""
from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.freeze_state import FreezeState, LayerRow
from cnnexplorer.ui import presentation

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
TRAINABLE_BG = QColor("#ffe9cc")  # warm: these weights will change
FROZEN_FG = QColor("#5a6b7d")
TRAINABLE_FG = QColor("#1a1a1a")
LOCKED_FG = QColor("#8a8a8a")
BOUNDARY_FG = QColor("#b34700")


def _fmt(n: int) -> str:
    return f"{n:,}"


class FreezeTable(QWidget):
    """Layer table + Freeze all / Unfreeze all / Top block + boundary slider + counts line."""

    changed = Signal()  # the trainable flags changed (by the user or by a method call)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: FreezeState | None = None
        self._layer_items: list[QTreeWidgetItem] = []
        self._group_items: list[tuple[QTreeWidgetItem, list[int]]] = []
        self._styles: list = []
        self._group_styles: list = []
        self._bold = QFont(self.font())
        self._bold.setBold(True)

        self._resize_timer = QTimer(self)  # a child: it dies with the table
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(0)
        self._resize_timer.timeout.connect(self._size_columns)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("Layer (tick = trainable)"), self.tr("Type"), self.tr("Output shape"),
                                   self.tr("Parameters"), self.tr("State")])
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        # The layer names keep their width (in presentation-size text the State column narrows instead of
        # the names vanishing); the State column takes what is left.
        header.setStretchLastSection(False)
        for col in range(4):
            # Sized once per base (set_rows): ResizeToContents would re-measure all rows on every toggle.
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.tree.itemDoubleClicked.connect(self._on_double_click)

        self.freeze_button = QPushButton(self.tr("Freeze all"), self)
        self.unfreeze_button = QPushButton(self.tr("Unfreeze all"), self)
        self.top_block_button = QPushButton(self.tr("Unfreeze top block"), self)
        self.top_block_button.setToolTip(self.tr("The tutorial's fine-tuning: only the last block trains."))
        self.freeze_button.clicked.connect(self.freeze_all)
        self.unfreeze_button.clicked.connect(self.unfreeze_all)
        self.top_block_button.clicked.connect(self.unfreeze_top_block)

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setToolTip(self.tr("Drag: every layer from here upwards trains, every layer below stays frozen."))
        self.slider.setPageStep(1)
        self.slider.valueChanged.connect(self._on_slider)
        self.boundary_label = QLabel(self)
        self.boundary_label.setMinimumWidth(220)
        self.counts_label = QLabel(self)
        presentation.follow_text_size(self.counts_label, delta=1, bold=True)  # also in presentation mode
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setWordWrap(True)  # one long line in presentation-size text would widen the whole tab

        buttons = QHBoxLayout()
        for b in (self.freeze_button, self.unfreeze_button, self.top_block_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        slider_row = QHBoxLayout()
        slider_row.addWidget(QLabel(self.tr("Fine-tune from:"), self))
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.boundary_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(slider_row)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.tree, 1)
        self.set_rows([])

    # -- content -----------------------------------------------------------------------
    def set_rows(self, rows: Sequence[LayerRow], flags: Sequence[bool] | None = None) -> None:
        """Show a new base (all frozen unless ``flags`` say otherwise)."""
        self.state = FreezeState(rows, flags) if rows else None
        self.tree.blockSignals(True)
        self.tree.clear()
        self._layer_items, self._group_items = [], []
        for group, group_rows in itertools.groupby(rows, key=lambda row: row.group):  # consecutive rows
            group_item = QTreeWidgetItem(self.tree, [self._group_title(group)])
            group_item.setFlags(group_item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            group_item.setFont(0, self._bold)
            group_item.setExpanded(True)
            members: list[int] = []
            self._group_items.append((group_item, members))
            for row in group_rows:
                item = QTreeWidgetItem(group_item, [row.name, row.type, row.output_shape, _fmt(row.params), ""])
                item.setData(0, ROW_ROLE, row.index)
                item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row.always_frozen:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                    item.setToolTip(0, self.tr("BatchNormalization stays frozen, in inference mode, so fine-tuning "
                                               "does not overwrite the statistics learned on ImageNet."))
                else:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                self._layer_items.append(item)
                members.append(row.index)
        for group_item, members in self._group_items:
            total = sum(rows[i].params for i in members)
            group_item.setText(1, self.tr("%n layer(s)", "", len(members)))
            group_item.setText(3, _fmt(total))
            group_item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._styles = [None] * len(rows)
        self._group_styles = [None] * len(self._group_items)
        self.tree.blockSignals(False)
        self.refresh()
        self._size_columns()
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(rows))
        self.slider.setValue(len(rows))
        self.slider.blockSignals(False)
        for w in (self.slider, self.freeze_button, self.unfreeze_button, self.top_block_button):
            w.setEnabled(bool(rows))
        self.refresh()

    def _group_title(self, group: str) -> str:
        """Block names are Keras' ("block5", "conv4_block2"); the two made-up ones are translated."""
        return {"stem": self.tr("stem"), "top": self.tr("top")}.get(group, group)

    @Slot()
    def _size_columns(self) -> None:
        """Fit the columns to their contents (once per base, and again when the text size changes)."""
        for col in range(1, 4):
            self.tree.resizeColumnToContents(col)
            self.tree.setColumnWidth(col, self.tree.columnWidth(col) + 12)
        self.tree.setColumnWidth(0, self.tree.sizeHintForColumn(0) + 12)  # the names, not the long header

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "_resize_timer"):  # presentation mode
            self._resize_timer.start()

    @property
    def flags(self) -> list[bool]:
        return list(self.state.flags) if self.state else []

    # -- actions --------------------------------------------------------------------------
    @Slot()
    def freeze_all(self) -> None:
        if self.state:
            self.state.freeze_all()
            self._after_change()

    @Slot()
    def unfreeze_all(self) -> None:
        if self.state:
            self.state.unfreeze_all()
            self._after_change()

    @Slot()
    def unfreeze_top_block(self) -> None:
        if self.state and self._group_items:
            _, members = self._group_items[-1]
            self.set_boundary(members[0])

    def set_boundary(self, index: int) -> None:
        """Fine-tune from layer ``index`` (its row and every row below it in the table train)."""
        if self.state:
            self.state.set_boundary(index)
            self._after_change()

    def set_boundary_at(self, name: str) -> None:
        if self.state:
            self.set_boundary(self.state.index_of(name))

    def set_trainable(self, index: int, trainable: bool) -> None:
        if self.state:
            self.state.set(index, trainable)
            self._after_change()

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    # -- display ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Restyle the rows whose state changed, and the counts (well under a millisecond per row)."""
        state = self.state
        if state is None:
            self.counts_label.setText(self.tr("Load a pretrained base to see its layers."))
            self.boundary_label.setText("")
            return
        boundary = state.boundary()
        self.tree.blockSignals(True)
        # Only rows whose look changed are touched: a boundary move restyles two or three rows, not 174.
        # (It also keeps the number of Qt calls low, which matters with PySide6 6.12.0 on Python 3.11:
        # every void Qt call there drops one reference to None, see the report in benchmarks/transfer_toggle.py.)
        for row, item, flag in zip(state.rows, self._layer_items, state.flags):
            in_region = 0 <= boundary < len(state.rows) and row.index >= boundary
            key = (flag, row.index == boundary, in_region)
            if self._styles[row.index] == key:
                continue
            self._styles[row.index] = key
            self._style_row(row, item, flag, row.index == boundary, in_region)
        for n, (group_item, members) in enumerate(self._group_items):
            free = [state.flags[i] for i in members if not state.rows[i].always_frozen]
            if free and all(free):
                check = Qt.CheckState.Checked
            elif any(free):
                check = Qt.CheckState.PartiallyChecked
            else:
                check = Qt.CheckState.Unchecked
            if self._group_styles[n] == check:
                continue
            self._group_styles[n] = check
            group_item.setCheckState(0, check)
            group_item.setText(4, self.tr("trains") if check == Qt.CheckState.Checked else
                               self.tr("partly") if check == Qt.CheckState.PartiallyChecked else self.tr("frozen"))
        self.tree.blockSignals(False)
        self.slider.blockSignals(True)
        self.slider.setValue(boundary if boundary >= 0 else self.slider.value())
        self.slider.blockSignals(False)
        if boundary == len(state.rows):
            self.boundary_label.setText(self.tr("nothing (whole base frozen)"))
        elif boundary >= 0:
            self.boundary_label.setText(state.rows[boundary].name)
        else:
            self.boundary_label.setText(self.tr("(custom selection)"))
        self.counts_label.setText(
            self.tr("Trainable: <span style='color:#b34700'>%1</span> &nbsp;·&nbsp; Non-trainable: %2 "
                    "&nbsp;·&nbsp; %3 of %4 layers train")
            .replace("%1", _fmt(state.trainable_params)).replace("%2", _fmt(state.non_trainable_params))
            .replace("%3", str(state.trainable_layers))
            .replace("%4", str(sum(1 for r in state.rows if r.trainable_params)))
        )

    def _style_row(self, row: LayerRow, item: QTreeWidgetItem, flag: bool, is_boundary: bool,
                   in_region: bool) -> None:
        if not row.always_frozen:
            item.setCheckState(0, Qt.CheckState.Checked if flag else Qt.CheckState.Unchecked)
        if row.always_frozen:
            status, fg = self.tr("frozen (BatchNorm)"), LOCKED_FG
        elif row.trainable_params == 0:
            status, fg = self.tr("no weights"), FROZEN_FG
        else:
            status, fg = (self.tr("trains") if flag else self.tr("frozen")), (TRAINABLE_FG if flag else FROZEN_FG)
        bg = QBrush(TRAINABLE_BG) if flag or in_region else QBrush()
        if is_boundary:
            status = self.tr("▶ fine-tune from here")
        item.setText(4, status)
        item.setFont(4, self._bold if is_boundary else self.font())
        for col in range(5):
            item.setForeground(col, QBrush(BOUNDARY_FG if is_boundary and col == 4 else fg))
            item.setBackground(col, bg)

    # -- user input ---------------------------------------------------------------------------
    @Slot(QTreeWidgetItem, int)
    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self.state is None or column != 0:
            return
        index = item.data(0, ROW_ROLE)
        checked = item.checkState(0) == Qt.CheckState.Checked
        if index is None:  # a block: tick or untick all its layers
            for group_item, members in self._group_items:
                if group_item is item:
                    for i in members:
                        self.state.set(i, checked)
        else:
            self.state.set(int(index), checked)
        self._after_change()

    @Slot(int)
    def _on_slider(self, value: int) -> None:
        self.set_boundary(value)

    @Slot(QTreeWidgetItem, int)
    def _on_double_click(self, item: QTreeWidgetItem, column: int) -> None:
        index = item.data(0, ROW_ROLE)
        if index is not None and column != 0:
            self.set_boundary(int(index))

    @Slot("QPoint")
    def _on_context_menu(self, pos) -> None:
        item = self.tree.itemAt(pos)
        if item is None or self.state is None:
            return
        index = item.data(0, ROW_ROLE)
        if index is None:
            for group_item, members in self._group_items:
                if group_item is item:
                    index = members[0]
        menu = QMenu(self)
        action = menu.addAction(self.tr("Fine-tune from here"))
        chosen = menu.exec(self.tree.viewport().mapToGlobal(pos))
        if chosen is action:
            self.set_boundary(int(index))

    def scroll_to_boundary(self) -> None:
        if self.state is None:
            return
        b = self.state.boundary()
        if 0 <= b < len(self._layer_items):
            self.tree.scrollToItem(self._layer_items[b], QAbstractItemView.ScrollHint.PositionAtCenter)
