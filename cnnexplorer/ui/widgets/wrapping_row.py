"""A row of controls that wraps onto more lines when the text is large (presentation mode on a projector).

``WrappingBar`` holds a :class:`~cnnexplorer.ui.widgets.flow_layout.FlowLayout`; ``group`` keeps a label and
its box together on one line.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget


def group(*widgets: QWidget) -> QWidget:
    """Widgets kept side by side on one line of a wrapping row (a label never ends a line without its box)."""
    group = QWidget()
    layout = QHBoxLayout(group)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return group


class WrappingBar(QWidget):
    """Holds a FlowLayout and asks for the height its rows need at its width, without height-for-width.

    Height-for-width would travel up to the scrolling tab page, which then sizes the preview grid by its
    own height-for-width and scrolls; a minimum height set on resize keeps the page at the window's height.
    """

    def hasHeightForWidth(self) -> bool:
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None:
            self.setMinimumHeight(layout.heightForWidth(self.width()))
