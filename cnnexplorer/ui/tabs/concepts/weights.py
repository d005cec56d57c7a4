"""Weights: Dense vs Conv2D vs SeparableConv2D for one input size, as a table and log-scale bars."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.ui import presentation
from cnnexplorer.ui.tabs.concepts.parts import side_label
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.cost_bars import CostBars
from cnnexplorer.ui.widgets.flow_layout import FlowLayout, labelled


class WeightsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        controls = FlowLayout()
        self.height_spin = self._spin(1, 1024, 28)
        self.width_spin = self._spin(1, 1024, 28)
        self.channels_spin = self._spin(1, 2048, 1)
        self.filters_spin = self._spin(1, 2048, 32)
        self.kernel_spin = self._spin(1, 11, 3)
        self.padding_combo = QComboBox()
        self.padding_combo.addItem("same", "same")
        self.padding_combo.addItem("valid", "valid")
        labelled(controls, self.tr("Input height"), self.height_spin)
        labelled(controls, self.tr("width"), self.width_spin)
        labelled(controls, self.tr("channels"), self.channels_spin)
        labelled(controls, self.tr("Filters / units"), self.filters_spin)
        labelled(controls, self.tr("Kernel"), self.kernel_spin)
        labelled(controls, self.tr("Padding"), self.padding_combo)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Layer"), self.tr("Output shape"), self.tr("Weights"),
                                              self.tr("Multiply-adds"), self.tr("Where the weights come from")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.table.installEventFilter(self)
        self.bars = CostBars()
        self.problem = side_label()
        self.problem.setStyleSheet("QLabel { background: #fef3c7; color: #7c2d12; border: 2px solid #f59e0b;"
                                   " border-radius: 6px; padding: 6px; }")
        self.explain = side_label(object_name="explain")
        self.explain.setText(self.tr(
            "<p><b>Why convolutions need so few weights.</b> A Dense layer connects every input number to every "
            "unit, so its weights grow with the size of the picture. A Conv2D connects each output only to a small "
            "k×k window and reuses the same weights at every position: its weight count does not depend on the "
            "picture size at all. Replacing one Conv2D by a Dense layer with the same number of outputs would "
            "take millions of weights.</p>"
            "<p><b>SeparableConv2D</b> splits the work in two: one k×k filter per input channel (depthwise), then "
            "a 1×1 convolution that mixes the channels (pointwise). With many channels this needs several times "
            "fewer weights and multiplications than Conv2D, and often learns just as well.</p>"
            "<p><i>The bars use a logarithmic scale: each step to the right is ten times more.</i></p>"))
        right = QVBoxLayout()
        right.addWidget(self.problem)
        right.addWidget(self.table)
        right.addWidget(self.bars, 1)
        body = QHBoxLayout()
        body.addLayout(right, 3)
        self.explain.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explain_area = ColumnScroll(self.explain, vertical=QSizePolicy.Policy.Ignored)
        body.addWidget(self.explain_area, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(body, 1)
        for w in (self.height_spin, self.width_spin, self.channels_spin, self.filters_spin, self.kernel_spin):
            w.valueChanged.connect(self.refresh)
        self.padding_combo.currentIndexChanged.connect(self.refresh)
        self.costs: list[lab.LayerCost] = []
        self.refresh()

    def _fit_rows(self) -> None:
        """Rows as tall as their (wrapped) text, and the table as tall as its rows: no inner scrolling.

        Only while the page is shown: a hidden page has no final width, and a table sized for a narrow one
        would make every page of the tab as tall as it (they share one stack)."""
        if not self.isVisible():
            self.table.setMinimumHeight(0)
            self.table.setMaximumHeight(16777215)
            return
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth() + 2)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._fit_rows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and isinstance(event, QResizeEvent) and event.oldSize().width() \
                != event.size().width():
            # after the table has laid out its columns for the new width: the texts wrap differently
            QTimer.singleShot(0, self._fit_rows)
        return super().eventFilter(watched, event)

    @staticmethod
    def _spin(lo: int, hi: int, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(lo, hi)
        spin.setValue(value)
        return spin

    @Slot()
    def refresh(self, *_args) -> None:
        h, w, c = self.height_spin.value(), self.width_spin.value(), self.channels_spin.value()
        f, k, padding = self.filters_spin.value(), self.kernel_spin.value(), self.padding_combo.currentData()
        if padding == "valid" and (k > h or k > w):
            self.costs = []
            self.problem.setText(self.tr("The %1×%1 kernel is larger than the %2×%3 input, so with padding 'valid' "
                                         "the convolution has no output. Use padding 'same', a smaller kernel or a "
                                         "bigger input.").replace("%1", str(k)).replace("%2", str(h))
                                 .replace("%3", str(w)))
            self.problem.show()
            self.table.setRowCount(0)
            self.bars.set_groups([])
            return
        self.problem.hide()
        self.costs = lab.compare_weights(h, w, c, f, k, padding)
        n_out = self.costs[0].output_shape[0]
        short = {"Dense (same output size)": self.tr("Dense, %1 units").replace("%1", f"{n_out:,}"),
                 f"Dense ({f} units)": self.tr("Dense, %1 units").replace("%1", str(f)),
                 "Conv2D": "Conv2D", "SeparableConv2D": "SeparableConv2D"}
        names = {"Dense (same output size)": self.tr("Dense, as many outputs as the Conv2D"),
                 f"Dense ({f} units)": self.tr("Dense, %1 units").replace("%1", str(f)),
                 "Conv2D": "Conv2D", "SeparableConv2D": "SeparableConv2D"}
        self.table.setRowCount(len(self.costs))
            # With presentation-size text five columns and the explanation do not fit 1280 px: the formula then
        # becomes the third line of the layer's cell instead of a column of its own.
        compact = presentation.is_on()
        self.explain_area.setMinimumWidth(260 if compact else 300)
        self.explain_area.setMaximumWidth(300 if compact else 420)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch if compact
                                    else QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(not compact)
        self.table.setColumnHidden(4, compact)
        for row, cost in enumerate(self.costs):
            cells = [names.get(cost.name, cost.name) + f"\n{cost.keras}" + (f"\n{cost.formula}" if compact else ""),
                     " × ".join(map(str, cost.output_shape)), f"{cost.params:,}", f"{cost.mult_adds:,}", cost.formula]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        self._fit_rows()
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        labels = [short.get(cost.name, cost.name) for cost in self.costs]
        self.bars.set_groups([
            (self.tr("Weights (parameters)"), [(lbl, cost.params) for lbl, cost in zip(labels, self.costs)]),
            (self.tr("Multiply-adds for one input"), [(lbl, cost.mult_adds) for lbl, cost in zip(labels, self.costs)]),
        ])
