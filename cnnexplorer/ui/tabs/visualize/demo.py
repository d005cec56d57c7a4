"""The Visualize tab's empty state: why there is nothing to show, and a quickly trained MNIST model to look at."""
from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from cnnexplorer.core.session import Session
from cnnexplorer.ui.errors import reporter
from cnnexplorer.ui.workers import TaskSlot


class DemoModelPage(QWidget):
    """The explanation (rich text) and "Train a quick MNIST model"; the trained model goes to the session."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.slot = TaskSlot("visualize-quick-model", self)
        self.slot.events.connect(self._on_events)
        self.slot.finished.connect(self._on_done)
        self.slot.failed.connect(self._on_failed)
        self.slot.done.connect(self._on_ended)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.button = QPushButton(self.tr("Train a quick MNIST model (about 10 seconds)"), self)
        self.button.clicked.connect(self._on_quick_model)
        row.addWidget(self.button)
        row.addStretch(1)
        lay.addLayout(row)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setMaximumWidth(400)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.progress)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)

    def show_text(self, html: str, offer_quick: bool = True) -> None:
        self.label.setText(html)
        self.button.setVisible(offer_quick)

    def model_title(self) -> str:
        return self.tr("MNIST CNN (quick: 1 epoch on 2,000 digits)")

    @Slot()
    def _on_quick_model(self) -> None:
        from cnnexplorer.ml.viz.demo import quick_mnist_model

        self.button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.slot.start(quick_mnist_model)

    @Slot(list)
    def _on_events(self, events: list) -> None:
        last = events[-1]
        if last.total:
            self.progress.setRange(0, last.total)
            self.progress.setValue(last.step)

    @Slot(object)
    def _on_done(self, model) -> None:
        self.session.set_model(model, self.model_title(), "trained")

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        reporter().report(exc)

    @Slot()
    def _on_ended(self) -> None:
        self.button.setEnabled(True)
        self.progress.setVisible(False)
