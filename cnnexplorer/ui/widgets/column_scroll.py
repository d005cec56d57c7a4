"""A column of controls that scrolls on its own when the window is too low for it.

Presentation-size text makes some columns (the Builder's settings and
formula, the Training tab's settings) taller than a 1280×800 projector. Left in the page's layout, their
word-wrapped texts then take their full height and the spin boxes and combo
boxes around them are squeezed to slivers; in a ``ColumnScroll`` the column
keeps its natural layout and scrolls instead.
Unlike a plain ``QScrollArea``, whose size hint is capped at a few lines, it
asks for its contents' own size, so when there is room it looks exactly like
the column without a scroll area.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class ColumnScroll(QScrollArea):
    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the contents' size hint may have changed, and with it ours
        return super().eventFilter(watched, event)

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
