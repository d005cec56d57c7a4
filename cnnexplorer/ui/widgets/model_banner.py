"""The note above the Builder's table about a model opened from a file (editable, or read-only)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class ModelBanner(QFrame):
    """A tinted line of text; read-only models get *Back to my design* (``back_requested``), others *OK*."""

    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.back_button = QPushButton(self.tr("Back to my design"))
        self.back_button.clicked.connect(self.back_requested)
        layout.addWidget(self.back_button)
        self.close_button = QPushButton(self.tr("OK"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.hide()

    def show_note(self, text: str, read_only: bool) -> None:
        self.label.setText(text)
        color = "#fff4cc" if read_only else "#e6f0ff"
        self.setStyleSheet(f"QFrame {{ background: {color}; border-radius: 4px; }}")
        self.back_button.setVisible(read_only)
        self.close_button.setVisible(not read_only)
        self.show()
