"""A dialog showing a grid of images with captions; one can be picked ("Show in Visualize")."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.ui import presentation
from cnnexplorer.ui.widgets.viz_image_view import to_pixmap


class ImageGridDialog(QDialog):
    """Images with captions; ``chosen(index)`` when the user asks to look at one elsewhere."""

    chosen = Signal(int)

    def __init__(self, title: str, images: list[np.ndarray], captions: list[str], action_text: str = "",
                 parent: QWidget | None = None, tile: int = 96, note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{title}</b>" + (f"<br>{note}" if note else ""), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.list = QListWidget(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        tile = round(tile * presentation.scale())
        self.list.setIconSize(QSize(tile, tile))
        self.list.setGridSize(QSize(tile + 44, tile + 52))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        for i, (image, caption) in enumerate(zip(images, captions)):
            item = QListWidgetItem(QIcon(to_pixmap(image, tile)), caption)
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(caption)
            self.list.addItem(item)
        if not images:
            layout.addWidget(QLabel(self.tr("No images in this cell."), self))
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.action_button: QPushButton | None = None
        if action_text:
            self.action_button = buttons.addButton(action_text, QDialogButtonBox.ButtonRole.ActionRole)
            self.action_button.setEnabled(False)
            self.action_button.clicked.connect(self._on_action)
            self.list.currentRowChanged.connect(self._on_row)
            self.list.itemDoubleClicked.connect(self._on_double_click)
        layout.addWidget(buttons)

    @Slot(int)
    def _on_row(self, row: int) -> None:
        if self.action_button is not None:
            self.action_button.setEnabled(row >= 0)

    @Slot()
    def _on_action(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    @Slot(QListWidgetItem)
    def _on_double_click(self, item: QListWidgetItem) -> None:
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
