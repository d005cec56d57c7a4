"""A grid of the original image and its augmented variants, scaled to fill the widget.

The original sits first with a blue frame and a caption, so a class at the back
of the room can tell it from the variants. Small images (28×28 digits) are
enlarged without smoothing, so pixels stay visible as pixels.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cnnexplorer.ui.widgets.viz_image_view import to_qimage


class AugmentPreviewGrid(QWidget):
    """Paints [original, variant 1, ...] in a grid; shows a message instead when there is nothing to show."""

    ORIGINAL = QColor("#2563eb")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: QImage | None = None
        self._variants: list[QImage] = []
        self._message = ""
        self.original_caption = "original"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 200)

    def sizeHint(self) -> QSize:
        return QSize(720, 520)

    # -- content ---------------------------------------------------------------
    def set_original(self, image: np.ndarray | None) -> None:
        self._original = None if image is None else to_qimage(image)
        self._variants = []
        self.update()

    def set_variants(self, images: list[np.ndarray]) -> None:
        self._variants = [to_qimage(v) for v in images]
        self._message = ""
        self.update()

    def set_message(self, text: str) -> None:
        """A line shown over the grid (e.g. "Loading TensorFlow…"); "" hides it."""
        self._message = text
        self.update()

    @property
    def variant_count(self) -> int:
        return len(self._variants)

    @property
    def message(self) -> str:
        return self._message

    # -- painting ----------------------------------------------------------------
    def _layout(self, n: int, w: float, h: float, aspect: float) -> tuple[int, int, float]:
        """Columns, rows and cell size that make the largest cells for ``n`` images."""
        best = (1, n, 0.0)
        for cols in range(1, n + 1):
            rows = math.ceil(n / cols)
            cell_w = (w - 8 * (cols + 1)) / cols
            cell_h = (h - 30 * rows - 8) / rows  # room for captions
            side = min(cell_w, cell_h * aspect)
            if side > best[2]:
                best = (cols, rows, side)
        return best

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        images = ([self._original] if self._original is not None else []) + self._variants
        if images:
            first = images[0]
            aspect = first.width() / max(1, first.height())
            cols, rows, cell_w = self._layout(len(images), float(self.width()), float(self.height()), aspect)
            cell_h = cell_w / aspect
            font = QFont(self.font())
            font.setPixelSize(int(max(12, min(20, cell_h * 0.12))))
            painter.setFont(font)
            small = first.width() < 100
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not small)
            grid_w = cols * cell_w + (cols - 1) * 8
            x_start = (self.width() - grid_w) / 2
            for i, image in enumerate(images):
                r, c = divmod(i, cols)
                x = x_start + c * (cell_w + 8)
                y = 8 + r * (cell_h + 30)
                target = QRectF(x, y, cell_w, cell_h)
                painter.drawImage(target, image)
                is_original = self._original is not None and i == 0
                caption = self.original_caption if is_original else f"#{i if self._original is not None else i + 1}"
                if is_original:
                    painter.setPen(QPen(self.ORIGINAL, 4))
                    painter.drawRect(target.adjusted(-2, -2, 2, 2))
                    painter.setPen(self.ORIGINAL)
                else:
                    painter.setPen(self.palette().text().color())
                painter.drawText(QRectF(x, y + cell_h + 2, cell_w, 26), Qt.AlignmentFlag.AlignCenter, caption)
        if self._message:
            font = QFont(self.font())
            font.setPixelSize(18)
            painter.setFont(font)
            box = QRectF(self.rect()).adjusted(20, 0, -20, 0)
            box.setTop(self.height() / 2 - 30)
            box.setHeight(60)
            painter.fillRect(box, QColor(255, 255, 255, 220))
            painter.setPen(QColor("#334155"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
        painter.end()
