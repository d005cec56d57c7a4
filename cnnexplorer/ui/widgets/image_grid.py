"""A grid of equally sized tiles (feature maps, filter patterns) that fills its box and numbers its tiles.

The grid itself is one numpy image (built off the GUI thread, exported as is);
this widget draws it scaled to fit, like :class:`ImageView`, and writes each
tile's number in its corner in the widget's own font, so the numbers grow with
presentation-size text and stay sharp however much the tiles are enlarged.
:func:`fit_columns` picks the number of columns that makes the tiles largest in
a given box: 32 maps in a wide, low panel become 8×4, not 16×2.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import QWidget

from cnnexplorer.core.tiles import TileLayout
from cnnexplorer.ui.widgets.viz_image_view import ImageView

__all__ = ["TileGridView", "TileLayout", "fit_columns"]  # TileLayout lives in core (ml/viz's grids are one)


def fit_columns(count: int, tile_w: int, tile_h: int, width: int, height: int, pad: int = 1) -> int:
    """The number of columns that shows ``count`` tiles largest in a ``width``×``height`` box."""
    if count <= 0:
        return 1
    if width <= 0 or height <= 0:  # not laid out yet: the tutorial's 16 per row
        return min(count, 16)
    best, best_scale = 1, -1.0
    for cols in range(1, count + 1):
        rows = -(-count // cols)
        if cols > 1 and (cols - 1) * rows >= count:  # the same rows with fewer columns: not a new layout
            continue
        scale = min(width / (cols * (tile_w + pad) + pad), height / (rows * (tile_h + pad) + pad))
        if scale > best_scale * 1.001:  # ties: fewer columns (squarer grids read better)
            best, best_scale = cols, scale
    return best


class TileGridView(ImageView):
    """An :class:`ImageView` for tile grids: numbers in the tiles' corners, ``tile_clicked(index)``."""

    tile_clicked = Signal(int)
    resized = Signal()  # the owner may want other columns now (see fit_columns)

    def __init__(self, parent: QWidget | None = None, placeholder: str = "", min_side: int = 96) -> None:
        super().__init__(parent, placeholder, min_side)
        self._layout: TileLayout | None = None
        self._labels: list[str] = []
        self.numbered = 0  # tiles whose number was drawn in the last paint (tests, and a check the text fits)
        self.clicked.connect(self._on_clicked)

    def set_grid(self, image: np.ndarray | None, layout: TileLayout | None = None,
                 labels: Sequence[str] | None = None) -> None:
        """Show ``image`` (a grid laid out as ``layout``); ``labels`` (default: 0, 1, 2…) go in the tiles' corners."""
        self._layout = layout
        count = layout.count if layout is not None else 0
        self._labels = [str(x) for x in labels] if labels is not None else [str(i) for i in range(count)]
        self.set_image(image)

    def tile_layout(self) -> TileLayout | None:
        return self._layout

    def tile_screen_size(self) -> tuple[float, float]:
        """(width, height) of one tile on screen, in widget pixels; (0, 0) without a grid."""
        image = self.image()
        rect = self.target_rect()
        if self._layout is None or image is None or rect.isEmpty():
            return 0.0, 0.0
        sx, sy = rect.width() / image.shape[1], rect.height() / image.shape[0]
        return self._layout.tile_w * sx, self._layout.tile_h * sy

    def fit_columns(self, count: int, tile_w: int, tile_h: int, pad: int = 1) -> int:
        """Columns that make ``count`` tiles largest in this widget as it is now."""
        return fit_columns(count, tile_w, tile_h, self.width(), self.height(), pad)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        self.numbered = 0
        image = self.image()
        if self._layout is None or image is None:
            return
        rect = self.target_rect()
        sx, sy = rect.width() / image.shape[1], rect.height() / image.shape[0]
        font = self.font()
        metrics = QFontMetrics(font)
        painter = QPainter(self)
        painter.setFont(font)
        tw, th = self._layout.tile_w * sx, self._layout.tile_h * sy
        widest = max((metrics.horizontalAdvance(t) for t in self._labels), default=0) + 6
        if th < metrics.height() * 1.6 or tw < widest * 1.4:  # no room: numbers would hide the maps
            return
        for index, text in enumerate(self._labels[:self._layout.count]):
            x, y, _, _ = self._layout.tile_rect(index)
            box = QRectF(rect.x() + x * sx, rect.y() + y * sy, metrics.horizontalAdvance(text) + 6, metrics.height())
            painter.fillRect(box, QColor(0, 0, 0, 150))
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            self.numbered += 1
        painter.end()

    def _on_clicked(self, x: int, y: int) -> None:
        if self._layout is None:
            return
        lay = self._layout
        col, rx = divmod(x - lay.pad, lay.tile_w + lay.pad)
        row, ry = divmod(y - lay.pad, lay.tile_h + lay.pad)
        if x < lay.pad or y < lay.pad or rx >= lay.tile_w or ry >= lay.tile_h:
            return
        if 0 <= col < lay.cols and 0 <= row < lay.rows and row * lay.cols + col < lay.count:
            self.tile_clicked.emit(row * lay.cols + col)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()
