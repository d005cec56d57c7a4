"""A column of controls or texts that scrolls on its own when the window is too low for it — the app's one.

Presentation-size text makes some columns (the Builder's settings and formula,
the Training and Pretrained tabs' settings, the Concepts tab's explanations)
taller than a 1280×800 projector. Left in the page's layout, their word-wrapped
texts then take their full height and the spin boxes and combo boxes around
them are squeezed to slivers; in a ``ColumnScroll`` the column keeps its
natural layout and scrolls instead.

Unlike a plain ``QScrollArea``, whose size hint is capped at a few lines, it
asks for its contents' own size, so when there is room it looks exactly like
the column without a scroll area. ``vertical=Ignored`` makes its height count
for nothing in the page (a long explanation beside a canvas scrolls rather than
making the page taller); ``width`` fixes the column's width.

Form layouts under-count word-wrapped rows: a scroll area sized from them cut
the Pretrained tab's notes to a line and a half in presentation-size text. So
whenever the content is laid out anew (text, font or size changed), each
wrapped plain-text label gets the height its text needs at its actual width,
and the content the height its layout needs. (Rich-text labels measure
themselves correctly through their document, and are left alone.)
"""
from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Slot
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

SCROLL_BAR_ROOM = 20  # a fixed-width column keeps this for its vertical scroll bar: texts never re-wrap for it


class ColumnScroll(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None, *, width: int | None = None,
                 vertical: QSizePolicy.Policy = QSizePolicy.Policy.Preferred) -> None:
        super().__init__(parent)
        self.setWidget(content)  # QScrollArea filters the content's events from here on (see eventFilter)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        if width is not None:
            content.setMaximumWidth(width - SCROLL_BAR_ROOM)
            self.setFixedWidth(width)
        # One single-shot timer, a child of the column: nothing reaches a column that is gone.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget():
            kind = event.type()
            if kind == QEvent.Type.LayoutRequest:
                self.updateGeometry()  # the contents' size hint may have changed, and with it ours
            if kind in (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.Show):
                self._timer.start()
        return super().eventFilter(watched, event)

    @Slot()
    def refit(self) -> None:
        """Give each wrapped plain-text label, then the whole content, the height it needs at its width."""
        content = self.widget()
        if content is None:
            return
        layout = content.layout()
        if layout is None or content.width() <= 0:
            return
        for label in content.findChildren(QLabel):
            if label.wordWrap() and label.width() > 0 and label.text() and _plain(label):
                height = _text_height(label)
                if label.minimumHeight() != height:  # unchanged: no new layout pass
                    label.setMinimumHeight(height)
        if layout.hasHeightForWidth():
            content.setMinimumHeight(layout.heightForWidth(content.width()))

    def stop(self) -> None:
        self._timer.stop()

    def sizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        width = content.minimumWidth() or hint.width()
        height = hint.height()
        if content.hasHeightForWidth() and self.viewport().width() > 0:  # wrapped texts at the width it has
            height = max(height, content.heightForWidth(self.viewport().width()))
        return QSize(max(hint.width(), width) + self.verticalScrollBar().sizeHint().width(), height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # a new width wraps the texts anew: the wanted height changes

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        width = content.minimumWidth() or content.minimumSizeHint().width()
        return QSize(width + self.verticalScrollBar().sizeHint().width(), min(content.sizeHint().height(), 120))


def _plain(label: QLabel) -> bool:
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.AutoText:
        return not QtGui.Qt.mightBeRichText(label.text())
    return fmt == Qt.TextFormat.PlainText


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
