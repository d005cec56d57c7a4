"""The Builder's compile settings: optimizer, learning rate, loss and metrics of a design."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QWidget

from cnnexplorer.core.spec import LOSSES, METRICS, OPTIMIZERS, CompileSpec


class CompileSettings(QGroupBox):
    """Shows a design's :class:`CompileSpec`; a user's change is emitted as ``changed(field, value)``.

    ``show_settings`` never emits: the owner turns each change into one undoable edit.
    """

    changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Compile settings"), parent)
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.addItems(list(OPTIMIZERS))
        self.optimizer_combo.currentTextChanged.connect(self._on_optimizer)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setSingleStep(0.0001)
        self.lr_spin.setKeyboardTracking(False)
        self.lr_spin.valueChanged.connect(self._on_learning_rate)
        self.loss_combo = QComboBox()
        self.loss_combo.addItems(list(LOSSES))
        # Its longest name (sparse_categorical_crossentropy) must not set the column's minimum width: on a
        # 1280-pixel projector that width is the layer table's. It still shows whole when there is room.
        self.loss_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.loss_combo.setMinimumContentsLength(16)
        self.loss_combo.currentTextChanged.connect(self._on_loss)
        metrics = QWidget()
        metrics_layout = QHBoxLayout(metrics)
        metrics_layout.setContentsMargins(0, 0, 0, 0)
        self.metric_boxes: dict[str, QCheckBox] = {}
        for m in METRICS:
            box = QCheckBox(m)
            box.toggled.connect(self._on_metrics)
            metrics_layout.addWidget(box)
            self.metric_boxes[m] = box
        metrics_layout.addStretch(1)
        form.addRow(self.tr("Optimizer"), self.optimizer_combo)
        form.addRow(self.tr("Learning rate"), self.lr_spin)
        form.addRow(self.tr("Loss"), self.loss_combo)
        form.addRow(self.tr("Metrics"), metrics)
        self._widgets = [self.optimizer_combo, self.lr_spin, self.loss_combo, *self.metric_boxes.values()]

    def show_settings(self, c: CompileSpec, editable: bool = True) -> None:
        for w in self._widgets:
            w.blockSignals(True)
        try:
            if self.optimizer_combo.findText(c.optimizer) < 0:
                self.optimizer_combo.addItem(c.optimizer)  # from a file; the problems panel says why it is wrong
            self.optimizer_combo.setCurrentText(c.optimizer)
            self.lr_spin.setValue(c.learning_rate)
            if self.loss_combo.findText(c.loss) < 0:
                self.loss_combo.addItem(c.loss)
            self.loss_combo.setCurrentText(c.loss)
            for name, box in self.metric_boxes.items():
                box.setChecked(name in c.metrics)
        finally:
            for w in self._widgets:
                w.blockSignals(False)
        for w in self._widgets:
            w.setEnabled(editable)

    @Slot(str)
    def _on_optimizer(self, name: str) -> None:
        self.changed.emit("optimizer", name)

    @Slot(float)
    def _on_learning_rate(self, value: float) -> None:
        self.changed.emit("learning_rate", float(value))

    @Slot(str)
    def _on_loss(self, name: str) -> None:
        self.changed.emit("loss", name)

    @Slot()
    def _on_metrics(self, *_: Any) -> None:
        self.changed.emit("metrics", [m for m, box in self.metric_boxes.items() if box.isChecked()])
