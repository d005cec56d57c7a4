"""The top-5 prediction beside the image, in the model's class names, with a warning when the image is foreign."""
from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from cnnexplorer.ui.tabs.visualize.controls import heading

ROWS = 5


class PredictionPanel(QWidget):
    """"Prediction": one name and one bar per class of the top five, the best in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(heading(self.tr("Prediction"), self))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.names: list[QLabel] = []
        self.bars: list[QProgressBar] = []
        for i in range(ROWS):
            name = QLabel(self)
            name.setTextFormat(Qt.TextFormat.RichText)
            bar = QProgressBar(self)
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            grid.addWidget(name, i, 0)
            grid.addWidget(bar, i, 1)
            self.names.append(name)
            self.bars.append(bar)
        # the image is nothing like what the model knows: said before the bars, where it cannot be missed
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self.note.setStyleSheet("color: palette(link);")
        lay.addWidget(self.note)
        lay.addLayout(grid)

    def show_top(self, top: Sequence) -> None:
        """``top``: ml.viz.inputs.Prediction items, best first."""
        for i in range(ROWS):
            visible = i < len(top)
            if visible:
                # the best in bold through rich text, so the label keeps following the presentation font
                self.names[i].setText(f"<b>{html.escape(top[i].name)}</b>" if i == 0 else html.escape(top[i].name))
                self.bars[i].setValue(int(round(top[i].probability * 1000)))
                self.bars[i].setFormat(self.tr("{0:.1f} %").format(top[i].probability * 100))
            self.names[i].setVisible(visible)
            self.bars[i].setVisible(visible)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))
