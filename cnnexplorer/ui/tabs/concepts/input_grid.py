"""The small grid both labs work on: a downscaled bundled digit or a pattern drawn by hand."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from cnnexplorer.core import conv_lab as lab

DEFAULT_GRID = 10
BRUSH = 9  # value painted by a left click on the input grid


def _fallback_digit() -> np.ndarray:
    """A hand-drawn 28×28 "7", used when the bundled MNIST sample cannot be read."""
    img = np.zeros((28, 28))
    img[5:8, 6:22] = 255
    for r in range(8, 24):
        c = 21 - (r - 8) * 9 // 16
        img[r, c - 1:c + 2] = 255
    return img


class InputModel(QObject):
    """The small grid both labs work on: a downscaled digit or a hand-drawn pattern."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = "digit 7"
        self.size = DEFAULT_GRID
        self.note = ""
        self._digits: dict[int, np.ndarray] | None = None
        self.grid = self._make()

    def digits(self) -> dict[int, np.ndarray]:
        """The first test digit of each class from the bundled MNIST sample (28×28 uint8)."""
        if self._digits is None:
            try:
                self._digits = dict(lab.sample_digits())
                self.note = ""
            except Exception as exc:  # a broken install must not break the lab: draw a 7 instead
                self._digits = {c: _fallback_digit() for c in range(10)}
                self.note = str(exc)
        return self._digits

    def digit_image(self, label: int = 7) -> np.ndarray:
        return self.digits()[label]

    def _make(self) -> np.ndarray:
        if self.size <= 0:
            return np.zeros((0, 0))
        if self.source.startswith("digit"):
            return lab.digit_grid(self.digits()[int(self.source.split()[-1])], self.size)
        return np.zeros((self.size, self.size))

    def set_source(self, source: str) -> None:
        self.source = source
        self.grid = self._make()
        self.changed.emit()

    def set_size(self, size: int) -> None:
        if size == self.size:
            return
        old = self.grid
        self.size = size
        if self.source == "blank" and old.size and size > 0:  # keep a drawing when the grid grows or shrinks
            new = np.zeros((size, size))
            n = min(size, old.shape[0])
            new[:n, :n] = old[:n, :n]
            self.grid = new
        else:
            self.grid = self._make()
        self.changed.emit()

    def paint(self, row: int, col: int, value: float) -> None:
        if 0 <= row < self.grid.shape[0] and 0 <= col < self.grid.shape[1] and self.grid[row, col] != value:
            self.grid = self.grid.copy()
            self.grid[row, col] = value
            self.changed.emit()

