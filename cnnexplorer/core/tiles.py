"""Where equally sized tiles sit in a grid image: one geometry for the grids Visualize builds (``ml/viz``) and
the widget that draws and numbers them (``ui/widgets/image_grid.py``)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TileLayout:
    """``count`` tiles of ``tile_w``×``tile_h`` in ``rows``×``cols``, ``pad`` pixels around and between them."""

    rows: int
    cols: int
    tile_h: int
    tile_w: int
    pad: int
    count: int

    def tile_rect(self, index: int) -> tuple[int, int, int, int]:
        """(x, y, w, h) of tile ``index`` in grid-image pixels."""
        r, k = divmod(index, self.cols)
        return (self.pad + k * (self.tile_w + self.pad), self.pad + r * (self.tile_h + self.pad),
                self.tile_w, self.tile_h)

    def tile_at(self, x: int, y: int) -> int | None:
        """Index of the tile under pixel (x, y) of the grid image, or None on padding, an empty cell or outside."""
        col, rx = divmod(x - self.pad, self.tile_w + self.pad)
        row, ry = divmod(y - self.pad, self.tile_h + self.pad)
        if x < self.pad or y < self.pad or rx >= self.tile_w or ry >= self.tile_h:
            return None
        if not (0 <= col < self.cols and 0 <= row < self.rows):
            return None
        index = row * self.cols + col
        return index if index < self.count else None
