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
    """A combo box as wide as the item it shows, so that item is never cut with "…" (Qt's AdjustToContents
    could leave it a few pixels short, seen with Chinese text at presentation size); the open list shows
    every item whole.

    As wide as the *current* item, not the longest: MobileNetV2 has 150 layers, and a list as wide as
    "mobilenet_v2/block_16_depthwise_relu" pushed the Visualize tab past a 1280-pixel projector. The
    layout is told whenever the items or the choice change (Qt does not ask again by itself: a list filled
    after it was shown kept its empty width and showed "mobilene"). A name longer than :data:`MOST_CHARS`
    characters is the one exception: it is cut rather than widen the tab past the screen.
    """

    MOST_CHARS = 44  # every MobileNetV2 layer fits ("mobilenet_v2/expanded_conv_depthwise_BN", 39); longer is cut

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(self.updateGeometry)
        self.currentIndexChanged.connect(self.updateGeometry)

    def _needed_width(self) -> int:
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        edit = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)
        overhead = self.width() - edit.width()  # frame and arrow: the same at any width
        metrics = self.fontMetrics()
        text = min(metrics.horizontalAdvance(self.currentText()), metrics.averageCharWidth() * self.MOST_CHARS)
        return text + overhead + 4

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._needed_width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self._needed_width()), hint.height())
