"""Accuracy per transformation as horizontal bars (the Augmentation tab's robustness probe).

The first bar is the untouched test images; each other bar is the same images
under one transformation. A bar well below the first shows what the model has
not learned to ignore, which is what augmenting with that transformation would teach.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BASE = QColor("#2563eb")
OK = QColor("#16a34a")
DROP = QColor("#dc2626")


class AugmentProbeChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: dict[str, float] = {}
        self.placeholder = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(120)

    def sizeHint(self) -> QSize:
        return QSize(600, 200)

    def set_results(self, results: dict[str, float]) -> None:
        """{"original": 0.98, "rotation ±40°": 0.71, ...}: accuracies in [0, 1], original first."""
        self.results = dict(results)
        self.update()

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        w, h = float(self.width()), float(self.height())
        font = QFont(self.font())
        if not self.results:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect().adjusted(12, 0, -12, 0),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()
            return
        items = list(self.results.items())
        row_h = max(16.0, min(40.0, (h - 8) / len(items)))
        font.setPixelSize(int(max(11, min(18, row_h * 0.55))))
        painter.setFont(font)
        label_w = min(w * 0.38, 240.0)
        x0, x1 = label_w + 12, w - 70
        base = items[0][1]
        for i, (label, acc) in enumerate(items):
            y = 4 + i * row_h
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(4, y, label_w, row_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                             label)
            colour = BASE if i == 0 else (DROP if acc < base - 0.05 else OK)
            bar = QRectF(x0, y + row_h * 0.15, max(2.0, (x1 - x0) * max(0.0, min(1.0, acc))), row_h * 0.7)
            painter.fillRect(bar, colour)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(bar.right() + 6, y, 64, row_h), Qt.AlignmentFlag.AlignVCenter, f"{acc * 100:.0f}%")
        painter.end()
