"""Training tab: train in the background with a live chart, stop any time, inspect the result.

The tab only gathers settings, starts and stops a :class:`~cnnexplorer.ui.workers.Task`
running :func:`run_training` (which calls ``ml/train.py``), and shows what comes
back. Before starting it checks the model against the dataset and offers the
fixes (convert the images, change the last Dense layer). Afterwards: test
loss/accuracy, a clickable confusion matrix, per-class accuracy, Save model.
"""
from __future__ import annotations

import importlib.util
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import numpy as np
from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
    QMessageBox, QProgressBar, QPushButton, QSizePolicy, QSpinBox, QSplitter, QVBoxLayout, QWidget,
)

from cnnexplorer.core.coach import coach
from cnnexplorer.core.compatibility import Mismatch, check_compatibility, fix_output_classes
from cnnexplorer.core.configs import TrainingConfig, describe_augment
from cnnexplorer.core.confusion import cell_indices, confusion_matrix, most_confused, per_class_accuracy
from cnnexplorer.core.errors import SpecError, UserError
from cnnexplorer.core.progress import Cancelled, report
from cnnexplorer.core.session import ProbeImage
from cnnexplorer.core.spec import ModelSpec, template
from cnnexplorer.ui import presentation, workers
from cnnexplorer.ui.core_texts import tr_core
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.confusion_matrix import ConfusionMatrixView
from cnnexplorer.ui.widgets.image_grid_dialog import ImageGridDialog
from cnnexplorer.ui.widgets.live_chart import LiveChart

FOLDER_ITEM = "__folder__"
MAX_GRID_IMAGES = 200
LEVEL_COLORS = {"info": "#444444", "good": "#1b6e2f", "warning": "#9a5b00", "problem": "#b00020"}


@dataclass
class RunOutcome:
    """What a training job hands back to the tab."""

    model: Any
    dataset: Any
    result: Any  # ml.train.TrainResult
    predictions: Optional[np.ndarray] = None
    confidences: Optional[np.ndarray] = None


def run_training(source: Any, dataset_name: str, config: TrainingConfig, initial_epoch: int = 0,
                 adapt_to: tuple | None = None, dataset: Any = None, progress=None,
                 cancel: threading.Event | None = None) -> RunOutcome:
    """The job the tab runs on a worker thread: load (and convert) the data, build, train, predict the test set.

    ``source`` is a ModelSpec (built here, seeded) or a Keras model (trained as it is).
    """
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.train import adapt_dataset, predict_classes, train_model

    if dataset is None:
        dataset = load_dataset(dataset_name, progress=progress, cancel=cancel)
        if adapt_to is not None:
            report(progress, "load", 0, 0, "Converting the images to fit the model…")
            dataset = adapt_dataset(dataset, adapt_to, cancel)
    if isinstance(source, ModelSpec):
        report(progress, "load", 0, 0, f"Building {source.name}…")
        keras().utils.set_random_seed(int(config.seed))
        model = build_model(source)
    else:
        model = source
    result = train_model(model, dataset, config, progress=progress, cancel=cancel, initial_epoch=initial_epoch)
    outcome = RunOutcome(model, dataset, result)
    if result.test_accuracy is not None:
        try:
            outcome.predictions, outcome.confidences = predict_classes(model, dataset.x_test, 256, cancel)
        except Cancelled:
            result.cancelled = True
    return outcome


def ask_question(parent: QWidget, title: str, text: str) -> bool:
    """Yes/No question; the tab's ``ask`` attribute points here and tests replace it."""
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


class _BigButton(QPushButton):
    """Start, Stop and Continue: at least 36 px high, and as high as their (presentation-size) text needs.

    A plain minimum height of 36 px would also let a crowded column squeeze
    them to 36 px when their bigger text needs more.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(hint.width(), max(36, hint.height()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


def _format_seconds(seconds: float) -> str:
    if not math.isfinite(seconds):
        return "…"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, sec = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {sec:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class TrainingTab(Tab):
    key = "training"
    title = "Training"

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.run_fn: Callable[..., RunOutcome] = run_training  # tests swap in a fake trainer
        self.ask: Callable[[str, str], bool] = lambda title, text: ask_question(self, title, text)
        self._task: workers.Task | None = None
        self._model = None  # the model trained here (Continue trains it further)
        self._model_name = ""
        self._dataset = None  # the dataset it was trained on (converted if needed)
        self._dataset_key: tuple | None = None
        self._epochs_done = 0
        self._run_start_epoch = 0
        self._run_epochs = 0
        self._outcome: RunOutcome | None = None
        self._learning_rate: float | None = None
        self._grid: ImageGridDialog | None = None
        self._grid_rows: np.ndarray | None = None
        self._build_ui()
        self._clear_results()
        self._refresh_sources()
        self._refresh_datasets()
        self._refresh_augment()
        self._set_running(False)
        self.bridge.changed.connect(self._on_session_changed)

    # -- layout -----------------------------------------------------------------------
    def _build_ui(self) -> None:
        root = QHBoxLayout(self)
        root.setContentsMargins(8, 8, 8, 8)
        column = QWidget(self)  # the settings (scrolling on their own when tall), then the buttons, always in view
        column.setMaximumWidth(340)
        column.setMinimumWidth(280)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        side = QWidget()
        side.setMinimumWidth(200)  # it takes the column's width (combo boxes elide), not its contents' widest
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)

        model_box = QGroupBox(self.tr("Model"), side)
        model_form = QVBoxLayout(model_box)
        self.source_combo = QComboBox(model_box)
        self.source_combo.setToolTip(self.tr("Train the Builder's design from scratch, or keep training the "
                                             "current model (loaded from a file or trained before)."))
        self.source_note = QLabel(model_box)
        self.source_note.setWordWrap(True)
        self.source_note.setStyleSheet("color: palette(placeholder-text);")
        model_form.addWidget(self.source_combo)
        model_form.addWidget(self.source_note)
        side_layout.addWidget(model_box)

        data_box = QGroupBox(self.tr("Data"), side)
        data_form = QVBoxLayout(data_box)
        self.dataset_combo = QComboBox(data_box)
        self.dataset_combo.setToolTip(self.tr("Bundled datasets work offline; the others are downloaded once."))
        self.augment_check = QCheckBox(self.tr("Augment training images\n(settings from the Augmentation tab)"),
                                       data_box)
        self.augment_note = QLabel(data_box)
        self.augment_note.setWordWrap(True)
        self.augment_note.setStyleSheet("color: palette(placeholder-text);")
        data_form.addWidget(self.dataset_combo)
        data_form.addWidget(self.augment_check)
        data_form.addWidget(self.augment_note)
        side_layout.addWidget(data_box)

        settings_box = QGroupBox(self.tr("Settings"), side)
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
        side_layout.addWidget(settings_box)
        side_scroll = ColumnScroll(side, column)
        side_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)  # gives way first
        column_layout.addWidget(side_scroll)

        buttons = QHBoxLayout()
        self.start_button = _BigButton(self.tr("Start"), column)
        self.start_button.setToolTip(self.tr("Train a fresh model with these settings (the chart starts over)."))
        self.stop_button = _BigButton(self.tr("Stop"), column)
        self.continue_button = _BigButton(self.tr("Continue"), column)
        self.continue_button.setToolTip(self.tr("Train the same model for more epochs on the same chart."))
        big = QFont(self.start_button.font())
        big.setPointSize(big.pointSize() + 2)
        big.setBold(True)
        for button in (self.start_button, self.stop_button, self.continue_button):
            presentation.follow_text_size(button, delta=2, bold=True)
            buttons.addWidget(button)
        column_layout.addLayout(buttons)
        self.save_button = QPushButton(self.tr("Save model…"), column)
        column_layout.addWidget(self.save_button)
        column_layout.addStretch(1)

        main = QWidget(self)
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel(self.tr("Ready."), main)
        status_font = QFont(self.status_label.font())
        status_font.setPointSize(status_font.pointSize() + 1)
        self.status_label.setFont(status_font)
        self.status_label.setFixedHeight(self.status_label.fontMetrics().lineSpacing() + 6)
        self.progress_bar = QProgressBar(main)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(14)
        main_layout.addWidget(self.status_label)
        main_layout.addWidget(self.progress_bar)

        splitter = QSplitter(Qt.Orientation.Vertical, main)
        chart_box = QWidget(splitter)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart = LiveChart(chart_box)
        chart_layout.addWidget(self.chart, 1)
        self.coach_label = QLabel(chart_box)
        self.coach_label.setWordWrap(True)
        coach_font = QFont(self.coach_label.font())
        coach_font.setPointSize(coach_font.pointSize() + 1)
        presentation.follow_text_size(self.coach_label, delta=1)
        self.coach_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.coach_label.setMargin(6)
        # Fixed heights: a label growing or shrinking would resize the chart, and a resize costs a full redraw.
        self.coach_label.setFixedHeight(self.coach_label.fontMetrics().lineSpacing() * 2 + 16)
        self.hover_label = QLabel(chart_box)
        self.hover_label.setStyleSheet("color: palette(placeholder-text);")
        self.hover_label.setFixedHeight(self.hover_label.fontMetrics().lineSpacing() + 4)
        self.hover_label.setText(self.tr("Point at the chart to read its values."))
        chart_layout.addWidget(self.hover_label)
        chart_tools = QHBoxLayout()
        self.export_png_button = QPushButton(self.tr("Chart PNG…"), chart_box)
        self.export_png_button.setToolTip(self.tr("Export the chart as a PNG picture"))
        self.export_csv_button = QPushButton(self.tr("History CSV…"), chart_box)
        self.export_csv_button.setToolTip(self.tr("Export the per-epoch numbers as CSV"))
        chart_tools.addWidget(self.coach_label, 1)
        chart_tools.addWidget(self.export_png_button)
        chart_tools.addWidget(self.export_csv_button)
        chart_layout.addLayout(chart_tools)

        results = QWidget(splitter)
        self.results_panel = results
        results_layout = QHBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        matrix_box = QVBoxLayout()
        matrix_title = QLabel(self.tr("<b>Confusion matrix</b> (rows: true class, columns: predicted) — "
                                      "click a cell to see those test images"), results)
        matrix_title.setWordWrap(True)
        self.matrix_view = ConfusionMatrixView(results)
        matrix_box.addWidget(matrix_title)
        matrix_box.addWidget(self.matrix_view, 1)
        results_layout.addLayout(matrix_box, 3)
        summary = QVBoxLayout()
        self.test_label = QLabel(self.tr("Test results appear here after training."), results)
        self.test_label.setWordWrap(True)
        test_font = QFont(self.test_label.font())
        test_font.setPointSize(test_font.pointSize() + 4)
        test_font.setBold(True)
        presentation.follow_text_size(self.test_label, delta=4, bold=True)
        self.details_label = QLabel(results)
        self.details_label.setWordWrap(True)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        summary.addWidget(self.test_label)
        summary.addWidget(self.details_label, 1)
        results_layout.addLayout(summary, 2)
        splitter.addWidget(chart_box)
        splitter.addWidget(results)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 340])
        self.chart.setMinimumHeight(260)
        main_layout.addWidget(splitter, 1)

        root.addWidget(column)
        root.addWidget(main, 1)

        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.continue_button.clicked.connect(self.continue_training)
        self.save_button.clicked.connect(self.save_model_dialog)
        self.export_png_button.clicked.connect(self.export_png_dialog)
        self.export_csv_button.clicked.connect(self.export_csv_dialog)
        self.matrix_view.cell_chosen.connect(self.show_cell)
        self.chart.hovered.connect(self._on_hover)
        self.dataset_combo.activated.connect(self._on_dataset_chosen)
        self.source_combo.currentIndexChanged.connect(self._update_source_note)
        self._show_advice()

    @Slot(str)
    def _on_hover(self, text: str) -> None:
        self.hover_label.setText(text or self.tr("Point at the chart to read its values."))

    # -- session --------------------------------------------------------------------------
    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field in ("design", "model", "model_name"):
            self._refresh_sources()
        elif field == "dataset_name":
            self._refresh_datasets()
        elif field == "augment":
            self._refresh_augment()

    def _design(self) -> ModelSpec:
        return self.session.design if self.session.design is not None else template("mnist-cnn")

    def _refresh_sources(self) -> None:
        previous = self.source_combo.currentData()
        self.source_combo.blockSignals(True)
        self.source_combo.clear()
        design = self._design()
        label = design.name if self.session.design is not None else f"{design.name} (template)"
        self.source_combo.addItem(self.tr("Design: {0}").format(label), "design")
        info = self.session.model_name
        if self.session.model is not None and info is not None:
            self.source_combo.addItem(self.tr("Current model: {0} ({1})").format(info.name, info.source), "model")
            prefer_model = info.source in ("file", "pretrained")
            if previous == "model" or (prefer_model and previous != "design"):
                self.source_combo.setCurrentIndex(1)
        self.source_combo.blockSignals(False)
        self._update_source_note()

    @Slot()
    def _update_source_note(self) -> None:
        if self.source_combo.currentData() == "model":
            self.source_note.setText(self.tr("Keeps the model's current weights and optimizer."))
        else:
            c = self._design().compile
            self.source_note.setText(self.tr("Built fresh: {0}, learning rate {1:g}, loss {2} (change them in "
                                             "the Builder).").format(c.optimizer, c.learning_rate, c.loss))

    def _refresh_datasets(self) -> None:
        from cnnexplorer.ml.data import list_datasets

        current = self.session.dataset_name or "mnist-sample"
        self.dataset_combo.blockSignals(True)
        self.dataset_combo.clear()
        for info in list_datasets():
            status = info.status()
            suffix = "" if status in ("bundled", "generated", "cached") else self.tr(" — needs download")
            self.dataset_combo.addItem(f"{tr_core(info.title)}{suffix}", info.name)
        if self.dataset_combo.findData(current) < 0:
            self.dataset_combo.addItem(self.tr("Image folder: {0}").format(Path(current).name), current)
        self.dataset_combo.addItem(self.tr("Image folder…"), FOLDER_ITEM)
        self.dataset_combo.setCurrentIndex(max(0, self.dataset_combo.findData(current)))
        self.dataset_combo.blockSignals(False)

    @Slot(int)
    def _on_dataset_chosen(self, index: int) -> None:
        name = self.dataset_combo.itemData(index)
        if name == FOLDER_ITEM:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Image folder (one sub-folder per class)"))
            if not folder:
                self._refresh_datasets()
                return
            name = folder
        if name != self.session.dataset_name:
            self.session.dataset_name = name
        self._refresh_datasets()

    def _refresh_augment(self) -> None:
        available = importlib.util.find_spec("cnnexplorer.ml.augment") is not None
        augment = self.session.augment
        on = augment is not None and not (hasattr(augment, "is_off") and augment.is_off())
        self.augment_check.setEnabled(available and on)
        if not on:
            self.augment_check.setChecked(False)
            self.augment_note.setText(self.tr("No augmentation set: choose transforms in the Augmentation tab."))
        else:
            self.augment_note.setText(self.tr("Settings: {0}").format(describe_augment(augment)))

    # -- settings -----------------------------------------------------------------------
    def config(self) -> TrainingConfig:
        augment = self.session.augment if self.augment_check.isChecked() and self.augment_check.isEnabled() else None
        return TrainingConfig(epochs=self.epochs_spin.value(), batch_size=self.batch_spin.value(),
                              validation_split=round(self.val_spin.value(), 4), seed=self.seed_spin.value(),
                              shuffle=self.shuffle_check.isChecked(),
                              early_stopping_patience=self.patience_spin.value(), augment=augment)

    def is_training(self) -> bool:
        return self._task is not None and self._task.is_running()

    # -- start / stop / continue ---------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Check the design and its fit with the dataset (offering fixes), then train a fresh model."""
        if self.is_training():
            return False
        try:
            config = self.config()
            config.validate()
            source, name, adapt_to = self._prepare_source()
        except UserError as exc:
            self.report_error(exc)
            return False
        if source is None:
            return False
        if isinstance(source, ModelSpec):
            self._learning_rate = source.compile.learning_rate
        self.chart.reset()
        self._epochs_done = 0
        self._model = None
        self._model_name = name
        self._clear_results()
        key = (self.session.dataset_name, adapt_to)
        reuse = self._dataset if self._dataset_key == key else None  # no reload when only settings changed
        if reuse is None:
            self._dataset = None
        self._dataset_key = key
        self._launch(source, config, 0, adapt_to, reuse)
        return True

    @Slot()
    def continue_training(self) -> bool:
        """Train the model of the last run for ``Epochs`` more epochs; the chart carries on."""
        if self.is_training() or self._model is None or self._dataset is None:
            return False
        try:
            config = self.config()
            config.validate()
        except UserError as exc:
            self.report_error(exc)
            return False
        self._clear_results()
        self._launch(self._model, config, self._epochs_done, None, self._dataset)
        return True

    @Slot()
    def stop(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()
            self.status_label.setText(self.tr("Stopping after the current batch…"))
            self.stop_button.setEnabled(False)

    def _launch(self, source, config: TrainingConfig, initial_epoch: int, adapt_to, dataset) -> None:
        self._run_start_epoch = initial_epoch
        self._run_epochs = config.epochs
        self.chart.set_planned_epochs(initial_epoch + config.epochs)
        if initial_epoch == 0:
            self.chart.expect_loss(self._expected_loss())
        task = workers.Task(self.run_fn, source, self.session.dataset_name, config, initial_epoch=initial_epoch,
                            adapt_to=adapt_to, dataset=dataset, name="training", throttle_ms=100)
        task.events.connect(self._on_events)
        task.finished.connect(self._on_finished)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        task.done.connect(self._on_done)
        self._task = task
        self.progress_bar.setValue(0)
        self.status_label.setText(self.tr("Starting… (the first batch also prepares the network)"))
        self._set_running(True)
        task.start()

    def _expected_loss(self) -> float:
        """Cross-entropy of an untrained classifier: ln(number of classes)."""
        try:
            from cnnexplorer.ml.data import dataset_info

            return math.log(max(2, dataset_info(self.session.dataset_name).num_classes))
        except UserError:
            return 0.0

    def _prepare_source(self) -> tuple[Any, str, tuple | None]:
        """(model or design to train, its name, image shape to convert the data to) — or (None, …) if refused."""
        from cnnexplorer.ml.data import dataset_info

        info = dataset_info(self.session.dataset_name)
        if self.source_combo.currentData() == "model" and self.session.model is not None:
            from cnnexplorer.ml.train import check_model_dataset, model_input_shape

            model = self.session.model
            name = self.session.model_name.name if self.session.model_name else "model"
            problems = check_model_dataset(model, info)
            if any(p.kind == "classes" for p in problems):
                raise UserError(
                    next(p.message for p in problems if p.kind == "classes").replace("：", ":").split(":")[0]
                    + self.tr(". A trained model's output layer cannot be changed here: train the Builder's design "
                              "instead, or choose a dataset with as many classes.")
                )
            adapt = self._offer_fixes(problems, model_input_shape(model))
            if adapt is False:
                return None, name, None
            self._learning_rate = None
            return model, name, adapt
        spec = self._design()
        self._check_design(spec)
        units = spec.layers[-1].arg("units") if spec.layers and spec.layers[-1].type == "Dense" else None
        problems = check_compatibility(spec.input_shape, units, spec.compile.loss, info)
        adapt = self._offer_fixes(problems, tuple(spec.input_shape))
        if adapt is False:
            return None, spec.name, None
        if any(p.kind == "classes" for p in problems):
            spec = fix_output_classes(spec, info.num_classes)
            self.session.design = spec  # the Builder shows the changed layer
        return spec, spec.name, adapt

    def _check_design(self, spec: ModelSpec) -> None:
        if importlib.util.find_spec("cnnexplorer.core.shapes") is None:
            return
        from cnnexplorer.core.shapes import validate

        problems = validate(spec)
        if problems:
            raise SpecError(self.tr("The design cannot be trained yet: {0} Fix it in the Builder tab.")
                            .format(" ".join(str(p) for p in problems[:3])))

    def _offer_fixes(self, problems: list[Mismatch], input_shape: tuple):
        """None (nothing to convert), an (H, W, C) to convert the images to, or False (refused/impossible)."""
        if not problems:
            return None
        blocking = [p for p in problems if not p.fixable]
        if blocking:
            self.report_error(" ".join(p.message for p in blocking))
            return False
        text = "\n".join(f"• {p.message}" for p in problems)
        if not self.ask(self.tr("The model does not fit the dataset"),
                        self.tr("{0}\n\nApply these changes and train?").format(text)):
            return False
        if any(p.kind in ("size", "channels") for p in problems):
            return tuple(int(d) for d in input_shape)
        return None

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self.continue_button.setEnabled(not running and self._model is not None and self._dataset is not None)
        self.continue_button.setText(self.tr("Continue +{0}").format(self.epochs_spin.value()) if not running
                                     else self.tr("Continue"))
        self.save_button.setEnabled(not running and self._model is not None)
        for widget in (self.source_combo, self.dataset_combo, self.batch_spin, self.val_spin, self.seed_spin,
                       self.shuffle_check, self.patience_spin, self.epochs_spin):
            widget.setEnabled(not running)
        if running:
            self.augment_check.setEnabled(False)
        else:
            self._refresh_augment()
        if self.session.training != running:
            self.session.training = running

    # -- worker signals -----------------------------------------------------------------
    @Slot(list)
    def _on_events(self, events: list) -> None:
        self.chart.add_events(events)
        last_batch = None
        for event in events:
            if event.kind == "batch":
                last_batch = event
            elif event.kind == "epoch":
                self._epochs_done = event.step
                self._show_advice()
            elif event.kind in ("load", "evaluate") and event.message:
                self.status_label.setText(event.message)
                if event.kind == "evaluate" and event.total:
                    self.progress_bar.setValue(1000)
        if last_batch is not None:
            m = last_batch.metrics
            epoch = int(m.get("epoch", 0))
            done = (epoch - self._run_start_epoch) + last_batch.step / max(1, last_batch.total)
            self.progress_bar.setValue(int(1000 * done / max(1, self._run_epochs)))
            eta = m.get("eta_s", math.nan)
            self.status_label.setText(
                self.tr("Epoch {0}/{1} · batch {2}/{3} · {4:,.0f} samples/s · {5} left").format(
                    epoch + 1, self._run_start_epoch + self._run_epochs, last_batch.step, last_batch.total,
                    m.get("samples_per_s", 0.0), _format_seconds(eta) if math.isfinite(eta) else self.tr("estimating")))
            if not math.isfinite(m.get("loss", 0.0)):
                self._show_advice()

    @Slot(object)
    def _on_finished(self, outcome: RunOutcome) -> None:
        self._accept_outcome(outcome)

    @Slot()
    def _on_cancelled(self) -> None:
        outcome = self._task.result if self._task is not None else None
        if isinstance(outcome, RunOutcome):
            self._accept_outcome(outcome)
        self.status_label.setText(self.tr("Stopped after {0} epoch(s). Continue trains further; Start begins "
                                          "afresh.").format(self._epochs_done))

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(self.tr("Training did not run: see the message."))
        self.report_error(exc)

    @Slot()
    def _on_done(self) -> None:
        self._set_running(False)
        self._show_advice()

    def _accept_outcome(self, outcome: RunOutcome) -> None:
        result = outcome.result
        self._outcome = outcome
        self._dataset = outcome.dataset
        self._epochs_done = result.initial_epoch + result.epochs_run
        if result.stop_reason == "nan":
            # NaN weights are of no use to Visualize or to Continue: the way out is a new run.
            self._model = None
        else:
            self._model = outcome.model
            suffix = self.tr(" (stopped)") if result.cancelled else ""
            self.session.set_model(outcome.model, f"{self._model_name}{suffix}", "trained")
        if result.stop_reason == "nan":
            self.status_label.setText(self.tr("Stopped: the loss became NaN (see the advice under the chart)."))
        elif result.test_accuracy is not None:
            self.progress_bar.setValue(1000)
            self.status_label.setText(self.tr("Done: {0} epoch(s) in {1}.").format(
                result.epochs_run, _format_seconds(result.seconds))
                + (self.tr(" Early stopping ended the run.") if result.stop_reason == "early-stopping" else ""))
        self._show_results(outcome)

    # -- results ----------------------------------------------------------------------------
    def _clear_results(self) -> None:
        self._outcome = None
        self.results_panel.setVisible(False)  # the chart gets the whole height while training
        self.matrix_view.set_matrix(np.zeros((0, 0), dtype=np.int64), [])
        self.test_label.setText(self.tr("Test results appear here after training."))
        self.details_label.setText("")

    def _show_results(self, outcome: RunOutcome) -> None:
        result = outcome.result
        if result.test_accuracy is None or outcome.predictions is None:
            self.test_label.setText(self.tr("No test results: the run was stopped before testing."))
            return
        self.results_panel.setVisible(True)
        names = list(outcome.dataset.class_names)
        y_true = np.asarray(outcome.dataset.y_test)
        matrix = confusion_matrix(y_true, outcome.predictions, len(names))
        self.matrix_view.set_matrix(matrix, names)
        self.test_label.setText(self.tr("Test accuracy {0:.1%}\nTest loss {1:.4f}").format(
            result.test_accuracy, result.test_loss))
        acc = per_class_accuracy(matrix)
        lines = [self.tr("{0} test images, {1} wrong.").format(len(y_true), int(len(y_true) - np.trace(matrix)))]
        valid = [i for i in range(len(names)) if not math.isnan(acc[i])]
        if valid:
            worst = min(valid, key=lambda i: acc[i])
            best = max(valid, key=lambda i: acc[i])
            lines.append(self.tr("Hardest class: {0} ({1:.0%}); easiest: {2} ({3:.0%}).").format(
                names[worst], acc[worst], names[best], acc[best]))
        confused = most_confused(matrix, 3)
        if confused:
            lines.append(self.tr("Most confused:") + " " + ", ".join(
                f"{names[i]} → {names[j]} ({n})" for i, j, n in confused))
        lines.append(self.tr("The model is now the current model: the Visualize tab looks inside it."))
        self.details_label.setText("\n".join(lines))

    def _show_advice(self) -> None:
        info_classes = None
        if self._dataset is not None:
            info_classes = self._dataset.info.num_classes
        advice = coach(self.chart.history, self.chart.batch_loss.raw, info_classes, self._learning_rate)
        self.coach_label.setText(self.tr("Coach: {0}").format(advice.text))
        self.coach_label.setStyleSheet(f"color: {LEVEL_COLORS.get(advice.level, '#444')};")
        self.coach_label.setProperty("level", advice.level)

    @Slot(int, int)
    def show_cell(self, true_class: int, predicted_class: int) -> ImageGridDialog | None:
        """Open a grid of the test images in one confusion-matrix cell."""
        outcome = self._outcome
        if outcome is None or outcome.predictions is None:
            return None
        names = list(outcome.dataset.class_names)
        rows = cell_indices(outcome.dataset.y_test, outcome.predictions, true_class, predicted_class)
        shown = rows[:MAX_GRID_IMAGES]
        x = outcome.dataset.x_test
        if x.ndim != 4:  # sequences have no picture
            self.report_error(self.tr("{0} examples of true {1} predicted as {2} (sequences cannot be shown as "
                                      "images).").format(len(rows), names[true_class], names[predicted_class]))
            return None
        captions = [self.tr("#{0}\ntrue {1} · pred {2}\n{3:.0%} sure").format(
            int(i), names[true_class], names[predicted_class], float(outcome.confidences[i])) for i in shown]
        verdict = self.tr("correct") if true_class == predicted_class else self.tr("mistakes")
        title = self.tr("True {0}, predicted {1}: {2} image(s) ({3})").format(
            names[true_class], names[predicted_class], len(rows), verdict)
        note = self.tr("Showing the first {0}.").format(len(shown)) if len(rows) > len(shown) else ""
        dialog = ImageGridDialog(title, [x[i] for i in shown], captions, self.tr("Show in Visualize"), self,
                                 note=note)
        self._grid_rows = shown
        dialog.chosen.connect(self._on_grid_choice)
        self._grid = dialog
        dialog.open()
        return dialog

    @Slot(int)
    def _on_grid_choice(self, position: int) -> None:
        outcome = self._outcome
        if outcome is None or self._grid_rows is None:
            return
        i = int(self._grid_rows[position])
        names = list(outcome.dataset.class_names)
        true_name = names[int(outcome.dataset.y_test[i])]
        pred_name = names[int(outcome.predictions[i])]
        self.session.probe_image = ProbeImage(
            np.array(outcome.dataset.x_test[i]), true_name,
            f"test #{i}: predicted {pred_name} ({float(outcome.confidences[i]):.0%})")
        window = self.window()
        if self._grid is not None:
            self._grid.accept()
        if hasattr(window, "select_tab"):
            window.select_tab("visualize")

    # -- files -------------------------------------------------------------------------------
    @Slot()
    def save_model_dialog(self) -> None:
        if self._model is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), f"{self._model_name or 'model'}.keras",
                                              self.tr("Keras models (*.keras)"))
        if path:
            self.save_model(path)

    def save_model(self, path: str) -> bool:
        from cnnexplorer.ml.build import save_model_file

        try:
            save_model_file(self._model, path)
        except Exception as exc:  # noqa: BLE001 - reported, never fatal; the previous file is untouched
            self.report_error(UserError(self.tr("The model could not be saved to {0} ({1}). Choose another folder; "
                                                "any earlier file there is unchanged.").format(path, exc)))
            return False
        self.status_label.setText(self.tr("Saved {0}.").format(Path(path).name))
        return True

    @Slot()
    def export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), "training.png", "PNG (*.png)")
        if path:
            try:
                self.chart.save_png(path)
            except OSError as exc:
                self.report_error(UserError(self.tr("The chart could not be saved ({0}).").format(exc)))

    @Slot()
    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export history"), "history.csv", "CSV (*.csv)")
        if path:
            try:
                self.chart.save_csv(path)
            except OSError as exc:
                self.report_error(UserError(self.tr("The history could not be saved ({0}).").format(exc)))

    # -- window life --------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Asked by the main window before closing: while training, ask; if yes, stop cleanly."""
        if not self.is_training():
            return True
        if not self.ask(self.tr("Training is running"),
                        self.tr("A model is still training. Stop training and close?")):
            return False
        self.stop()
        if self._task is not None:
            self._task.wait(60000)
        return True

    def shutdown(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()
        if self._grid is not None:
            self._grid.close()

    # -- screenshots ---------------------------------------------------------------------------
    def prepare_screenshot(self) -> None:
        """Train the MNIST CNN for three quick epochs on part of the sample, synchronously, to show real results."""
        import dataclasses

        from cnnexplorer.ml.data import load_dataset

        data = load_dataset("mnist-sample")
        rng = np.random.default_rng(0)
        keep = np.sort(rng.choice(len(data.y_train), 1600, replace=False))
        data = dataclasses.replace(data, x_train=data.x_train[keep], y_train=data.y_train[keep])
        self.epochs_spin.setValue(3)
        self.batch_spin.setValue(32)
        config = self.config()
        source, name, adapt = self._prepare_source()
        self._model_name = name
        self._learning_rate = getattr(getattr(source, "compile", None), "learning_rate", None)
        self.chart.reset()
        self.chart.set_planned_epochs(config.epochs)
        self.chart.expect_loss(self._expected_loss())
        events: list = []
        outcome = run_training(source, "mnist-sample", config, dataset=data, progress=events.append)
        self._run_start_epoch, self._run_epochs = 0, config.epochs
        self._on_events(events)
        self._accept_outcome(outcome)
        self._set_running(False)
        self._show_advice()
        self.chart._draw_now(full=True)


if __name__ == "__main__":
    raise SystemExit(run_standalone(TrainingTab))
