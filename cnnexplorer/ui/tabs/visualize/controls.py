"""Small building blocks the Visualize tab's panels share."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QStyleOptionComboBox, QWidget


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


class WholeTextCombo(QComboBox):
    """A combo box never narrower than its longest item (Qt's AdjustToContents can leave it a few pixels short,
    and then the text is cut with "…", seen with Chinese text at presentation size).

    Its layout is told whenever the items change: Qt does not ask again by itself, and a combo filled after it
    was shown kept the width of its first item (a MobileNetV2 layer name cut to "mobilene")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self.updateGeometry)

    def _needed_width(self) -> int:
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        edit = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        overhead = self.width() - edit.width()  # frame and arrow: the same at any width
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        return widest + overhead + 4

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._needed_width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._needed_width()), hint.height())
