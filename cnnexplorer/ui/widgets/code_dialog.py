"""A window showing a generated script to read, copy or save: the complete training script or the model only."""
from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class CodeDialog(QDialog):
    """The script in a read-only monospace view.

    The owner makes the script: choosing a kind emits ``kind_chosen(complete)``
    and the owner answers with :meth:`set_code`; *Save as…* emits
    ``save_requested`` (the owner picks the file).
    """

    save_requested = Signal()
    kind_chosen = Signal(bool)

    def __init__(self, title: str, code: str, parent: QWidget | None = None, complete: bool = True,
                 note: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        kinds = QHBoxLayout()
        self.complete_button = QRadioButton(self.tr("Complete training script"))
        self.complete_button.setToolTip(self.tr("Load the data, build, train with the Training tab's settings, "
                                                "test and save the model, as in the tutorial"))
        self.model_button = QRadioButton(self.tr("Model only"))
        self.model_button.setToolTip(self.tr("Only build and compile the model, and print its summary"))
        self.kinds = QButtonGroup(self)
        for button in (self.complete_button, self.model_button):
            self.kinds.addButton(button)
            kinds.addWidget(button)
        kinds.addStretch(1)
        (self.complete_button if complete else self.model_button).setChecked(True)
        self.complete_button.toggled.connect(self._kind_toggled)
        layout.addLayout(kinds)
        self.text = QPlainTextEdit(code)
        self.text.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF())
        self.text.setFont(mono)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text)
        self.note = QLabel(note)
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.copy_button.clicked.connect(self._copy)
        self.save_button.clicked.connect(self.save_requested)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if parent is not None:
            self.resize(int(parent.width() * 0.8) or 900, int(parent.height() * 0.85) or 650)

    def code(self) -> str:
        return self.text.toPlainText()

    def set_code(self, code: str, note: str = "") -> None:
        self.text.setPlainText(code)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    @Slot(bool)
    def _kind_toggled(self, complete: bool) -> None:
        self.kind_chosen.emit(complete)

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code())
