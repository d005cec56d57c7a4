"""A clickable confusion matrix: rows are true classes, columns predicted ones, plus per-class accuracy.

Cells are coloured by the share of their row (green on the diagonal, red off
it) so the mistakes stand out from the back of a classroom. Clicking a cell
emits ``cell_chosen(true_class, predicted_class)``.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from cnnexplorer.core.confusion import per_class_accuracy


def _mix(base: tuple[int, int, int], share: float) -> QColor:
    """White blended towards ``base`` by ``share`` (0..1)."""
    share = max(0.0, min(1.0, share))
    return QColor(*(int(255 + (c - 255) * share) for c in base))


class ConfusionMatrixView(QTableWidget):
    cell_chosen = Signal(int, int)  # true class, predicted class

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = np.zeros((0, 0), dtype=np.int64)
        self.class_names: list[str] = []
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(28)
        self.verticalHeader().setMinimumSectionSize(18)
        self.cellClicked.connect(self._on_clicked)
        self.setToolTip(self.tr("Rows: true class · columns: predicted class. Click a cell to see those images."))

    def sizeHint(self) -> QSize:
        return QSize(420, 280)

    def set_matrix(self, matrix: np.ndarray, class_names: list[str] | tuple[str, ...]) -> None:
        self.matrix = np.asarray(matrix)
        self.class_names = [str(c) for c in class_names]
        n = self.matrix.shape[0]
        self.clear()
        self.setRowCount(n)
        self.setColumnCount(n + 1 if n else 0)
        short = [c if len(c) <= 8 else c[:7] + "…" for c in self.class_names]
        self.setHorizontalHeaderLabels(short + [self.tr("acc.")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if n:  # the per-class accuracy column is as wide as "100%" needs, in any font; the classes share the rest
            self.horizontalHeader().setSectionResizeMode(n, QHeaderView.ResizeMode.ResizeToContents)
        self.setVerticalHeaderLabels(short)
        for j, name in enumerate(self.class_names):
            header = self.horizontalHeaderItem(j)  # made by setHorizontalHeaderLabels above
            if header is not None:
                header.setToolTip(self.tr("predicted: {0}").format(name))
        accuracy = per_class_accuracy(self.matrix) if n else np.zeros(0)
        bold = QFont(self.font())
        bold.setBold(True)
        for i in range(n):
            total = int(self.matrix[i].sum())
            for j in range(n):
                count = int(self.matrix[i, j])
                item = QTableWidgetItem(str(count) if count else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                share = count / total if total else 0.0
                if i == j:
                    item.setBackground(_mix((46, 160, 67), 0.15 + 0.85 * share if count else 0.0))
                    item.setFont(bold)
                elif count:
                    item.setBackground(_mix((214, 39, 40), 0.2 + 0.8 * min(1.0, share * 4)))
                item.setForeground(QColor("#000000"))
                item.setToolTip(self.tr("true {0}, predicted {1}: {2} of {3} images — click to see them")
                                .format(self.class_names[i], self.class_names[j], count, total))
                self.setItem(i, j, item)
            acc = accuracy[i]
            item = QTableWidgetItem("—" if math.isnan(acc) else f"{acc:.0%}")
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(QColor("#eef2f7"))
            item.setForeground(QColor("#000000"))
            item.setToolTip(self.tr("accuracy on true class {0}").format(self.class_names[i]))
            self.setItem(i, n, item)

    @Slot(int, int)
    def _on_clicked(self, row: int, column: int) -> None:
        if 0 <= row < self.matrix.shape[0] and 0 <= column < self.matrix.shape[1]:
            self.cell_chosen.emit(row, column)
