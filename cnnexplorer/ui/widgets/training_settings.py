"""The Training tab's settings column: what to train, on which data, and how (epochs, batch, validation...).

A form only: the tab fills the combo boxes and notes from the session and
reads :meth:`TrainingSettings.config`.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from cnnexplorer.core.configs import TrainingConfig


def _note(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class TrainingSettings(QWidget):
    """Model, Data and Settings boxes, one above the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(200)  # it takes the column's width (combo boxes elide), not its contents' widest
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        model_box = QGroupBox(self.tr("Model"), self)
        model_form = QVBoxLayout(model_box)
        self.source_combo = QComboBox(model_box)
        self.source_combo.setToolTip(self.tr("Train the Builder's design from scratch, or keep training the "
                                             "current model (loaded from a file or trained before)."))
        self.source_note = _note(model_box)
        model_form.addWidget(self.source_combo)
        model_form.addWidget(self.source_note)
        layout.addWidget(model_box)

        data_box = QGroupBox(self.tr("Data"), self)
        data_form = QVBoxLayout(data_box)
        self.dataset_combo = QComboBox(data_box)
        self.dataset_note = _note(data_box)
        self.dataset_note.hide()
        self.augment_check = QCheckBox(self.tr("Augment training images\n(settings from the Augmentation tab)"),
                                       data_box)
        self.augment_note = _note(data_box)
        data_form.addWidget(self.dataset_combo)
        data_form.addWidget(self.dataset_note)
        data_form.addWidget(self.augment_check)
        data_form.addWidget(self.augment_note)
        layout.addWidget(data_box)

        settings_box = QGroupBox(self.tr("Settings"), self)
        form = QFormLayout(settings_box)
        self.epochs_spin = QSpinBox(settings_box)
        self.epochs_spin.setRange(1, 1000)
        self.epochs_spin.setValue(5)
        self.batch_spin = QSpinBox(settings_box)
        self.batch_spin.setRange(1, 8192)
        self.batch_spin.setValue(64)
        self.val_spin = QDoubleSpinBox(settings_box)
        self.val_spin.setRange(0.0, 0.8)
        self.val_spin.setSingleStep(0.05)
        self.val_spin.setDecimals(2)
        self.val_spin.setValue(0.2)
        self.val_spin.setToolTip(self.tr("Share of the training images kept aside to check for overfitting. "
                                         "0 = use the dataset's own validation set, if it has one."))
        self.seed_spin = QSpinBox(settings_box)
        self.seed_spin.setRange(0, 2**31 - 1)
        self.shuffle_check = QCheckBox(self.tr("Shuffle every epoch"), settings_box)
        self.shuffle_check.setChecked(True)
        self.patience_spin = QSpinBox(settings_box)
        self.patience_spin.setRange(0, 100)
        self.patience_spin.setSpecialValueText(self.tr("off"))
        self.patience_spin.setToolTip(self.tr("Stop when validation loss has not improved for this many epochs "
                                              "(and keep the best weights)."))
        form.addRow(self.tr("Epochs"), self.epochs_spin)
        form.addRow(self.tr("Batch size"), self.batch_spin)
        form.addRow(self.tr("Validation split"), self.val_spin)
        form.addRow(self.tr("Seed"), self.seed_spin)
        form.addRow("", self.shuffle_check)
        form.addRow(self.tr("Early stopping"), self.patience_spin)
        layout.addWidget(settings_box)

    def inputs(self) -> list[QWidget]:
        """The controls locked while a run trains (the augmentation box has its own rule)."""
        return [self.source_combo, self.dataset_combo, self.batch_spin, self.val_spin, self.seed_spin,
                self.shuffle_check, self.patience_spin, self.epochs_spin]

    def config(self, augment: Any) -> TrainingConfig:
        """The settings as a TrainingConfig; ``augment`` is used only when the box is ticked and enabled."""
        use = augment if self.augment_check.isChecked() and self.augment_check.isEnabled() else None
        return TrainingConfig(epochs=self.epochs_spin.value(), batch_size=self.batch_spin.value(),
                              validation_split=round(self.val_spin.value(), 4), seed=self.seed_spin.value(),
                              shuffle=self.shuffle_check.isChecked(),
                              early_stopping_patience=self.patience_spin.value(), augment=use)
