"""A fixed-width column of controls that keeps every line of its wrapped texts, and scrolls when too tall.

A ``QScrollArea`` sizes its content from size hints, which assume another
width than the column has; in presentation-size text the word-wrapped notes
of a form were then clipped to a line and a half (the form layouts
under-count wrapped rows). Here each wrapped label gets the height it needs
at its actual width, and the content the height its layout needs, whenever
the content is laid out anew (text, font or size changed); the column
scrolls instead of cutting text.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QWidget


class FitColumn(QScrollArea):
    def __init__(self, content: QWidget, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content.setMaximumWidth(width - 20)  # room for the vertical scroll bar
        self.setFixedWidth(width)
        # One single-shot timer, a child of the column: nothing reaches a column that is gone.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refit)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize,
                                                          QEvent.Type.FontChange, QEvent.Type.Show):
            self._timer.start()
        return super().eventFilter(watched, event)

    @Slot()
    def refit(self) -> None:
        """Give each wrapped label, then the whole content, the height it needs at its width."""
        content = self.widget()
        if content is None:
            return
        layout = content.layout()
        if layout is None or content.width() <= 0:
            return
        for label in content.findChildren(QLabel):
            if label.wordWrap() and label.width() > 0 and label.text():
                height = _text_height(label)
                if label.minimumHeight() != height:  # unchanged: no new layout pass
                    label.setMinimumHeight(height)
        if layout.hasHeightForWidth():
            content.setMinimumHeight(layout.heightForWidth(content.width()))

    def stop(self) -> None:
        self._timer.stop()


def _text_height(label: QLabel) -> int:
    """The height ``label``'s text needs at the label's width (QLabel's own answer is never below its minimum
    height, so after a smaller font it would keep the old, larger one)."""
    margins = label.contentsMargins()
    extra = 2 * label.margin()
    width = max(1, label.width() - margins.left() - margins.right() - extra)
    rect = label.fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20), int(Qt.TextFlag.TextWordWrap), label.text())
    return rect.height() + margins.top() + margins.bottom() + extra


class LowHint(QWidget):
    """A widget that asks for no more height than its minimum.

    For a pane that takes what a splitter gives it: the Pretrained tab's chart
    and runs list asking for the runs list's full preferred height made the
    whole tab taller than a 1280×800 screen in presentation mode.
    """

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())
