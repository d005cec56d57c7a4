"""A layout that places its items in a row and wraps to the next row when the width runs out.

The Concepts tab's control rows use it: one row on a wide screen, two or three
rows with presentation-size text on a 1280×800 projector, never a horizontal
scroll bar. A "group" (a label and its box) is one item, so a label never ends
a row without its box.
"""
from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLayout, QLayoutItem, QWidget, QWidgetItem

W = TypeVar("W", bound=QWidget)


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 10, line_spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = line_spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout interface ------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All items in one row."""
        m = self.contentsMargins()
        visible = [i for i in self._items if not i.isEmpty()]
        w = sum(i.sizeHint().width() for i in visible) + self._spacing * max(len(visible) - 1, 0)
        h = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(w + m.left() + m.right(), h + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """As wide as the widest item: everything else wraps."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing ------------------------------------------------------------------------
    def _do_layout(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_h = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, int, QSize]] = []

        def place_line() -> None:
            if apply:
                for item, left, hint in line:  # each item centred vertically in its row
                    item.setGeometry(QRect(QPoint(left, y + (line_h - hint.height()) // 2), hint))

        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint().boundedTo(QSize(area.width(), 1 << 20)).expandedTo(item.minimumSize())
            if line and x + hint.width() > area.right() + 1:
                place_line()
                y += line_h + self._line_spacing
                x, line_h, line = area.x(), 0, []
            line.append((item, x, hint))
            x += hint.width() + self._spacing
            line_h = max(line_h, hint.height())
        place_line()
        return y + line_h - rect.y() + m.bottom()


def labelled(layout: FlowLayout, text: str, widget: W) -> W:
    """Add "label [box]" to a flow of controls as one piece, so a row never ends between the two.

    A combo box left at Qt's default size policy becomes as wide as its items; one that chose its own
    policy keeps it.
    """
    if isinstance(widget, QComboBox) and \
            widget.sizeAdjustPolicy() == QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow:
        widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    label = QLabel(text)
    label.setBuddy(widget)
    group = QWidget()
    group_layout = QHBoxLayout(group)
    group_layout.setContentsMargins(0, 0, 6, 0)
    group_layout.setSpacing(6)
    group_layout.addWidget(label)
    group_layout.addWidget(widget)
    layout.addWidget(group)
    return widget
