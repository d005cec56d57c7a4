"""A slider and a spin box showing the same value (the Augmentation tab's settings rows)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QSizePolicy, QSlider, QWidget


class ValueRow(QWidget):
    """A slider and a spin box showing the same value; the spin box range is the allowed range."""

    def __init__(self, maximum: float, step: float, decimals: int, affixes: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = round(1 / step)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, round(maximum * self.scale))
        self.spin = QDoubleSpinBox(self)
        self.spin.setRange(0.0, maximum)
        self.spin.setDecimals(decimals)
        self.spin.setSingleStep(step)
        prefix, _, suffix = affixes.partition("|")
        self.spin.setPrefix(prefix)
        self.spin.setSuffix(suffix)
        self.spin.setKeyboardTracking(False)
        # At least 150 px so the rows line up; wider when its text needs it (presentation-size text).
        self.spin.setMinimumWidth(150)
        self.spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        self.slider.valueChanged.connect(self._slider_moved)

    @Slot(int)
    def _slider_moved(self, position: int) -> None:
        self.spin.setValue(position / self.scale)

    def value(self) -> float:
        return float(self.spin.value())

    def set_value(self, value: float) -> None:
        self.spin.setValue(value)
        self.slider.blockSignals(True)
        self.slider.setValue(round(value * self.scale))
        self.slider.blockSignals(False)
