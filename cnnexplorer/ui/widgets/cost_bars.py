"""Horizontal bar chart on a logarithmic scale, with the exact number written on each bar.

The Concepts tab compares weights and multiply-adds of Dense, Conv2D and
SeparableConv2D layers; the numbers differ by factors of thousands, so a
linear axis would show one bar and three invisible ones. Each bar carries its
exact value so the log scale never misleads.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

PALETTE = [QColor("#dc2626"), QColor("#f97316"), QColor("#2563eb"), QColor("#16a34a"), QColor("#8b5cf6")]


class CostBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[tuple[str, int]]]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def sizeHint(self) -> QSize:
        return QSize(560, 190)

    def set_groups(self, groups: list[tuple[str, list[tuple[str, int]]]]) -> None:
        """``[(group title, [(bar label, value), ...]), ...]``; every group uses the same colours in order."""
        self.groups = groups
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Background and labels from the palette (light or dark theme); the bar colours read on both.
        ink = self.palette().color(QPalette.ColorRole.Text)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        if not self.groups:
            painter.end()
            return
        values = [v for _, bars in self.groups for _, v in bars if v > 0]
        top_exp = math.ceil(math.log10(max(values))) if values else 1
        top_exp = max(top_exp, 1)
        w, h = float(self.width()), float(self.height())
        n_bars = sum(len(bars) for _, bars in self.groups)
        text_px = max(20, self.fontInfo().pixelSize())  # grows with presentation mode's larger text
        group_title_h = max(30.0, text_px * 1.5)
        row_h = (h - 10 - group_title_h * len(self.groups)) / max(n_bars, 1)
        # Short and wide (presentation-size text on a projector): the groups side by side, with taller rows.
        columns = len(self.groups) if row_h < text_px * 1.3 and w >= 700 and len(self.groups) > 1 else 1
        if columns > 1:
            row_h = (h - 10 - group_title_h) / max(max(len(bars) for _, bars in self.groups), 1)
        row_h = max(14.0, min(text_px * 2.2, row_h))
        font = QFont(self.font())
        font.setPixelSize(int(max(11, min(text_px, row_h * 0.6))))
        bold = QFont(font)
        bold.setBold(True)
        col_w = w / columns
        # Labels fully readable: the font shrinks rather than the labels being cut, within 45% of a column.
        widest = max(QFontMetricsF(font).horizontalAdvance(label) for _, bars in self.groups for label, _ in bars)
        if widest > col_w * 0.45:
            font.setPixelSize(int(max(11, font.pixelSize() * col_w * 0.45 / widest)))
            bold.setPixelSize(font.pixelSize())
            widest = max(QFontMetricsF(font).horizontalAdvance(label) for _, bars in self.groups
                         for label, _ in bars)
        label_w = min(col_w * 0.45, widest + 4)
        y = 6.0
        for g, (title, bars) in enumerate(self.groups):
            left = col_w * (g % columns)
            if columns > 1:
                y = 6.0
            x0, x1 = left + label_w + 12, left + col_w - 16
            painter.setFont(bold)
            painter.setPen(ink)
            painter.drawText(QRectF(left + 8, y, col_w - 16, group_title_h), Qt.AlignmentFlag.AlignVCenter, title)
            y += group_title_h
            for i, (label, value) in enumerate(bars):
                painter.setFont(font)
                painter.setPen(ink)
                painter.drawText(QRectF(left + 8, y, label_w, row_h),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
                frac = (math.log10(value) if value > 1 else 0.0) / top_exp
                bar = QRectF(x0, y + row_h * 0.15, max(2.0, (x1 - x0) * frac), row_h * 0.7)
                painter.fillRect(bar, PALETTE[i % len(PALETTE)])
                text = f"{value:,}"
                painter.setFont(bold)
                inside = painter.fontMetrics().horizontalAdvance(text) + 12 < bar.width()
                if inside:
                    painter.setPen(QColor("white"))
                    painter.drawText(bar.adjusted(0, 0, -6, 0),
                                     Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
                else:
                    painter.setPen(ink)
                    painter.drawText(QRectF(bar.right() + 6, bar.top(), x1 - bar.right() + 16, bar.height()),
                                     Qt.AlignmentFlag.AlignVCenter, text)
                y += row_h
        painter.end()
