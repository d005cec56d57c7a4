"""A button whose menu lists the layer types a design can use, each with its one-line help."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolButton, QWidget

from cnnexplorer.core.spec import LAYER_HELP
from cnnexplorer.ui.core_texts import tr_core

# The order of the menu: the tutorial's layers first, then the others.
ADD_ORDER = ["Conv2D", "MaxPooling2D", "Flatten", "Dense", "Dropout", "BatchNormalization",
             "SeparableConv2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D",
             "Conv1D", "MaxPooling1D", "GlobalMaxPooling1D", "Embedding", "Rescaling"]


class LayerMenuButton(QToolButton):
    """Emits ``chosen(layer_type)`` when a layer type is picked from its menu."""

    chosen = Signal(str)

    def __init__(self, text: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(text + " ▾")
        self.setToolTip(tip)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        for layer_type in ADD_ORDER:
            action = menu.addAction(layer_type)
            action.setData(layer_type)
            action.setToolTip(tr_core(LAYER_HELP.get(layer_type, "")))
        menu.triggered.connect(self._on_triggered)
        self.setMenu(menu)

    @Slot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        self.chosen.emit(action.data())
