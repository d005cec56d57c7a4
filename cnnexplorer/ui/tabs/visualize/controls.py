"""Small building blocks the Visualize tab's panels share."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget


def compact(combo: QComboBox, chars: int) -> QComboBox:
    """A combo box as wide as ``chars`` characters, not as its longest item (the open list shows items whole).

    For lists with very long or very many items (1000 ImageNet class names): measuring them all would be slow
    and the widest one would push the tab past 1280 px. Give such a combo room to grow (a stretch factor).
    """
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label
