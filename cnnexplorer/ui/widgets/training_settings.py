"""The Training tab's settings column: what to train, on which data, and how (epochs, batch, validation...).

A form only: the tab fills the combo boxes and notes from the session and
reads :meth:`TrainingSettings.config`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.configs import TrainingConfig, describe_augment
from cnnexplorer.ui.core_texts import tr_core

FOLDER_ITEM = "__folder__"  # the dataset combo's "Image folder…" entry


def breakable(text: str) -> str:
    """Long snake_case names (sparse_categorical_crossentropy) may wrap after "_" in a narrow column."""
    return text.replace("_", "_\u200b")


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
        self.augment_check = QCheckBox(self.tr("Augment training images"), data_box)
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

    # -- filled by the tab from the session ------------------------------------------------
    def show_sources(self, design: Any, is_template: bool, has_model: bool, model_info: Any) -> None:
        """The design (or template) and, when there is one, the current model; keeps the previous choice."""
        combo = self.source_combo
        previous = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        label = self.tr("{0} (template)").format(design.name) if is_template else design.name
        combo.addItem(self.tr("Design: {0}").format(label), "design")
        if has_model and model_info is not None:
            combo.addItem(self.tr("Current model: {0} ({1})").format(model_info.name, model_info.source), "model")
            prefer_model = model_info.source in ("file", "pretrained")
            if previous == "model" or (prefer_model and previous != "design"):
                combo.setCurrentIndex(1)
        combo.setToolTip(combo.currentText())
        combo.blockSignals(False)

    def show_source_note(self, compile_spec: Any) -> None:
        """How a design is built (``compile_spec``), or None for "the current model as it is"."""
        if compile_spec is None:
            self.source_note.setText(self.tr("Keeps the model's current weights and optimizer."))
            return
        c = compile_spec
        text = self.tr("Built fresh: {0}, learning rate {1:g}, loss {2} (change them in the Builder).").format(
            c.optimizer, c.learning_rate, c.loss)
        if c.loss == "sparse_categorical_crossentropy":
            text += "\n" + self.tr("This is the tutorial's categorical_crossentropy: the same loss, taking each "
                                   "label as a class number (3) instead of a one-hot row from to_categorical.")
        self.source_note.setText(breakable(text))

    def show_datasets(self, current: str) -> None:
        """Short names in the combo box (narrow, and a projector's text is big); the full title under it."""
        from cnnexplorer.ml.data import list_datasets

        combo = self.dataset_combo
        combo.blockSignals(True)
        combo.clear()
        titles = {}
        for info in list_datasets():
            title = tr_core(info.title)
            needs_download = info.status() not in ("bundled", "generated", "cached")
            titles[info.name] = title + (self.tr(" — needs download") if needs_download else "")
            combo.addItem(title.split(" (")[0].split("（")[0] + (" ↓" if needs_download else ""), info.name)
            combo.setItemData(combo.count() - 1, titles[info.name], Qt.ItemDataRole.ToolTipRole)
        if combo.findData(current) < 0:
            titles[current] = self.tr("Image folder: {0}").format(current)
            combo.addItem(self.tr("Image folder: {0}").format(Path(current).name), current)
        combo.addItem(self.tr("Image folder…"), FOLDER_ITEM)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.setToolTip(titles.get(current, ""))
        combo.blockSignals(False)
        self._dataset_title = titles.get(current, "")
        self.dataset_note.setText(self._dataset_title)
        self.dataset_note.setVisible(bool(self._dataset_title))

    def show_dataset_note(self, note: str) -> None:
        """What reading the data found and did ("70,000 images, 28×28 grey, 10 classes; read as 28×28 grey")."""
        if note:
            title = getattr(self, "_dataset_title", "")
            self.dataset_note.setText(f"{title}\n{note}" if title else note)
            self.dataset_note.show()

    def show_augment(self, augment: Any, sequences: bool, running: bool) -> None:
        """The augmentation box: usable only with settings from the Augmentation tab and image data."""
        on = augment is not None and not (hasattr(augment, "is_off") and augment.is_off())
        self.augment_check.setEnabled(on and not sequences and not running)
        if not on or sequences:
            self.augment_check.setChecked(False)
        if sequences:
            self.augment_note.setText(self.tr("Augmentation changes images; this dataset holds sequences."))
        elif not on:
            self.augment_note.setText(self.tr("No augmentation set: choose transforms in the Augmentation tab."))
        else:
            self.augment_note.setText(self.tr("Settings from the Augmentation tab: {0}").format(
                describe_augment(augment)))

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
