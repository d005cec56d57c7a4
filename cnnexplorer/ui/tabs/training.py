"""Training tab: train in the background with a live chart, stop any time, inspect the result.

The tab only gathers settings, starts and stops :func:`~cnnexplorer.ml.training_run.run_training`
(the same function ``cnnexplorer train`` calls) in one :class:`~cnnexplorer.ui.workers.TaskSlot`,
and shows what comes back. Before starting it checks the model against the dataset and offers the
fixes (convert the images, change the last Dense layer). Afterwards: test loss/accuracy, a
clickable confusion matrix and per-class accuracy (``ui/widgets/training_results.py``), Save model.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.coach import coach, compare_runs
from cnnexplorer.core.compatibility import Mismatch, check_compatibility, fix_output_classes
from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.errors import SpecError, UserError
from cnnexplorer.core.runs import Run, format_duration
from cnnexplorer.core.shapes import validate
from cnnexplorer.core.spec import ModelSpec, template
from cnnexplorer.ml.training_run import TrainingOutcome, run_training
from cnnexplorer.ui import presentation
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll
from cnnexplorer.ui.widgets.live_chart import LiveChart
from cnnexplorer.ui.widgets.runs_panel import RunsPanel
from cnnexplorer.ui.widgets.training_results import TrainingResults
from cnnexplorer.ui.widgets.training_settings import FOLDER_ITEM, TrainingSettings
from cnnexplorer.ui.workers import TaskSlot

LEVEL_COLORS = {"info": "#444444", "good": "#1b6e2f", "warning": "#9a5b00", "problem": "#b00020"}
OWNER = "training"  # this tab's name in session.training


class _BigButton(QPushButton):
    """Start, Stop and Continue: at least 36 px high, and as high as their (presentation-size) text needs.

    A plain minimum height of 36 px would also let a crowded column squeeze
    them to 36 px when their bigger text needs more.
    """

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(36, hint.height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


class TrainingTab(Tab):
    key = "training"
    title = "Training"

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.run_fn: Callable[..., TrainingOutcome] = run_training  # tests swap in a fake trainer
        self.slot = TaskSlot("training", parent=self)
        self._model = None  # the model trained here (Continue trains it further)
        self._model_name = ""
        self._dataset = None  # the dataset it was trained on (converted if needed)
        self._dataset_key: tuple | None = None
        self._epochs_done = 0
        self._run_start_epoch = 0
        self._run_epochs = 0
        self._learning_rate: float | None = None
        self._run: Run | None = None  # the record of the chart's run (Continue extends it)
        self._kinds: dict[str, str] = {}  # dataset name -> "images" / "sequences"
        self._build_ui()
        self.slot.events.connect(self._on_events)
        self.slot.finished.connect(self._on_finished)
        self.slot.failed.connect(self._on_failed)
        self.slot.cancelled.connect(self._on_cancelled)
        self.slot.done.connect(self._on_done)
        self._clear_results()
        self._refresh_sources()
        self._refresh_datasets()
        self._refresh_augment()
        self._set_running(False)
        self._publish_config()
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
        self.form = TrainingSettings()
        side_scroll = ColumnScroll(self.form, column, vertical=QSizePolicy.Policy.Maximum)  # gives way first
        column_layout.addWidget(side_scroll)

        buttons = QHBoxLayout()
        self.start_button = _BigButton(self.tr("Start"), column)
        self.start_button.setToolTip(self.tr("Train a fresh model with these settings (the chart starts over)."))
        self.stop_button = _BigButton(self.tr("Stop"), column)
        self.continue_button = _BigButton(self.tr("Continue"), column)
        self.continue_button.setToolTip(self.tr("Train the same model for more epochs on the same chart."))
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
        presentation.follow_text_size(self.status_label, delta=1)
        self.progress_bar = QProgressBar(main)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(14)
        main_layout.addWidget(self.status_label)
        main_layout.addWidget(self.progress_bar)

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical, main)
        chart_box = QWidget(splitter)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        self.chart = LiveChart(chart_box)
        self.runs_panel = RunsPanel(parent=chart_box)
        self.runs_panel.setMinimumWidth(190)
        self.runs_panel.setMaximumWidth(250)
        chart_row = QHBoxLayout()
        chart_row.addWidget(self.chart, 1)
        chart_row.addWidget(self.runs_panel)
        chart_layout.addLayout(chart_row, 1)
        self.coach_label = QLabel(chart_box)
        self.coach_label.setWordWrap(True)
        presentation.follow_text_size(self.coach_label, delta=1)
        self.coach_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.coach_label.setMargin(6)
        self.hover_label = QLabel(chart_box)
        self.hover_label.setStyleSheet("color: palette(placeholder-text);")
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

        self.results_panel = TrainingResults(splitter)
        splitter.addWidget(chart_box)
        splitter.addWidget(self.results_panel)
        splitter.addWidget(self.runs_panel.compare_table)  # in the results' place while runs are compared
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
        self.results_panel.image_chosen.connect(self._show_in_visualize)
        self.results_panel.problem.connect(self._on_results_problem)
        self.runs_panel.problem.connect(self._on_results_problem)
        self.runs_panel.overlay_changed.connect(self._on_overlay_changed)
        self.chart.hovered.connect(self._on_hover)
        presentation.look().changed.connect(self._fit_label_heights)
        self._fit_label_heights()
        self.form.dataset_combo.activated.connect(self._on_dataset_chosen)
        self.form.source_combo.currentIndexChanged.connect(self._update_source_note)
        for spin in (self.form.epochs_spin, self.form.batch_spin, self.form.val_spin, self.form.seed_spin,
                     self.form.patience_spin):
            spin.valueChanged.connect(self._publish_config)
        for box in (self.form.shuffle_check, self.form.augment_check):
            box.toggled.connect(self._publish_config)
        self._show_advice()

    @Slot()
    def _fit_label_heights(self) -> None:
        """Fixed heights (a label growing or shrinking would resize the chart, and a resize costs a full redraw),
        measured again when presentation mode changes the text size."""
        self.status_label.setFixedHeight(self.status_label.fontMetrics().lineSpacing() + 6)
        lines = 3 if presentation.is_on() else 2  # big text wraps to a third line beside the export buttons
        self.coach_label.setFixedHeight(self.coach_label.fontMetrics().lineSpacing() * lines + 16)
        self.hover_label.setFixedHeight(self.hover_label.fontMetrics().lineSpacing() + 4)

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
            self._refresh_augment()
        elif field == "augment":
            self._refresh_augment()
            self._publish_config()

    def _design(self) -> ModelSpec:
        return self.session.design if self.session.design is not None else template("mnist-cnn")

    def _refresh_sources(self) -> None:
        self.form.show_sources(self._design(), self.session.design is None, self.session.model is not None,
                               self.session.model_name)
        self._update_source_note()

    @Slot()
    def _update_source_note(self) -> None:
        self.form.show_source_note(None if self.form.source_combo.currentData() == "model" else self._design().compile)

    def _refresh_datasets(self) -> None:
        self.form.show_datasets(self.session.dataset_name or "mnist-sample")

    @Slot(int)
    def _on_dataset_chosen(self, index: int) -> None:
        name = self.form.dataset_combo.itemData(index)
        if name == FOLDER_ITEM:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Image folder (one sub-folder per class)"))
            if not folder:
                self._refresh_datasets()
                return
            name = folder
        if name != self.session.dataset_name:
            self.session.dataset_name = name
        self._refresh_datasets()

    def _dataset_kind(self) -> str:
        """"images" or "sequences" for the chosen dataset ("images" when it cannot be told yet)."""
        from cnnexplorer.ml.data import dataset_info

        name = self.session.dataset_name
        if name not in self._kinds:  # an image folder is listed to describe it: once, not at every refresh
            try:
                self._kinds[name] = dataset_info(name).kind
            except (UserError, OSError):
                return "images"
        return self._kinds[name]

    def _refresh_augment(self) -> None:
        self.form.show_augment(self.session.augment, self._dataset_kind() == "sequences", self.is_training())

    # -- settings -----------------------------------------------------------------------
    def config(self) -> TrainingConfig:
        return self.form.config(self.session.augment)

    @Slot()
    def _publish_config(self) -> None:
        """The settings as the session's ``training_config`` (the Builder's exported script trains with them)."""
        config = self.config()
        if config != self.session.training_config:
            self.session.training_config = config

    def is_training(self) -> bool:
        return self.slot.is_running()

    # -- start / stop / continue ---------------------------------------------------------------
    @Slot()
    def start(self) -> bool:
        """Check the design and its fit with the dataset (offering fixes), then train a fresh model."""
        if self.is_training() or not self._free_to_train():
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
        self._run = None
        self._model_name = name
        key = (self.session.dataset_name, adapt_to)
        reuse = self._dataset if self._dataset_key == key else None  # no reload when only settings changed
        self._dataset = reuse
        self._dataset_key = key
        return self._launch(source, config, 0, adapt_to, reuse)

    @Slot()
    def continue_training(self) -> bool:
        """Train the model of the last run for ``Epochs`` more epochs; the chart carries on."""
        if self.is_training() or self._model is None or self._dataset is None or not self._free_to_train():
            return False
        try:
            config = self.config()
            config.validate()
        except UserError as exc:
            self.report_error(exc)
            return False
        self.chart.drop_after(self._epochs_done)  # a stopped, partial epoch is trained again: no zig-zag
        return self._launch(self._model, config, self._epochs_done, None, self._dataset)

    @Slot()
    def stop(self) -> None:
        if self.is_training():
            self.slot.cancel()
            self.status_label.setText(self.tr("Stopping after the current batch…"))
            self.stop_button.setEnabled(False)

    def _free_to_train(self) -> bool:
        """True when no other tab trains; otherwise says who does."""
        owner = self.session.training
        if owner in (None, OWNER):
            return True
        names = {"pretrained": self.tr("Pretrained"), "lessons": self.tr("Lessons")}
        self.report_error(UserError(self.tr("The {0} tab is training a model. Wait until it is done, or stop it "
                                            "there, then start again.").format(names.get(owner, owner))))
        return False

    def _launch(self, source, config: TrainingConfig, initial_epoch: int, adapt_to, dataset) -> bool:
        if not self.session.claim_training(OWNER):
            return False
        self.runs_panel.set_checked([])  # back to the live chart
        self._clear_results()
        self._run_start_epoch = initial_epoch
        self._run_epochs = config.epochs
        self.chart.set_planned_epochs(initial_epoch + config.epochs)
        if initial_epoch == 0:
            self.chart.expect_loss(self._expected_loss())
        task = self.slot.start(self.run_fn, source, self.session.dataset_name, config, initial_epoch=initial_epoch,
                               adapt_to=adapt_to, dataset=dataset)
        if task is None:  # the tab is shutting down
            self.session.release_training(OWNER)
            return False
        self.progress_bar.setValue(0)
        self.status_label.setText(self.tr("Starting… (the first batch also prepares the network)"))
        self._set_running(True)
        self._show_advice()
        return True

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
        from cnnexplorer.ml.train import check_model_dataset, model_input_shape, output_units

        name = self.session.dataset_name
        if self.form.source_combo.currentData() == "model" and self.session.model is not None:
            model = self.session.model
            info = dataset_info(name, input_shape=model_input_shape(model))  # a folder: as it will be read
            name = self.session.model_name.name if self.session.model_name else "model"
            problems = check_model_dataset(model, info)
            if any(p.kind == "classes" for p in problems):
                raise UserError(self.tr("The model outputs {0} classes, {1} has {2}. A trained model's output layer "
                                        "cannot be changed here: train the Builder's design instead, or choose a "
                                        "dataset with as many classes.").format(output_units(model), info.name,
                                                                                info.num_classes))
            adapt = self._offer_fixes(problems, model_input_shape(model))
            if adapt is False:
                return None, name, None
            self._learning_rate = None
            return model, name, adapt
        spec = self._design()
        design_problems = validate(spec)
        if design_problems:
            raise SpecError(self.tr("The design cannot be trained yet: {0} Fix it in the Builder tab.")
                            .format(" ".join(str(p) for p in design_problems[:3])))
        info = dataset_info(name, input_shape=tuple(spec.input_shape))
        units = spec.layers[-1].arg("units") if spec.layers and spec.layers[-1].type == "Dense" else None
        problems = check_compatibility(spec.input_shape, units, spec.compile.loss, info)
        adapt = self._offer_fixes(problems, tuple(spec.input_shape))
        if adapt is False:
            return None, spec.name, None
        if any(p.kind == "classes" for p in problems):
            spec = fix_output_classes(spec, info.num_classes)
            self.session.design = spec  # the Builder shows the changed layer
        return spec, spec.name, adapt

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
        self.continue_button.setText(self.tr("Continue +{0}").format(self.form.epochs_spin.value()) if not running
                                     else self.tr("Continue"))
        self.save_button.setEnabled(not running and self._model is not None)
        for widget in [*self.form.inputs(), self.runs_panel]:  # the live chart is not swapped for an overlay mid-run
            widget.setEnabled(not running)
        self._refresh_augment()

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
            elif event.kind == "dataset":
                self.form.show_dataset_note(event.message)
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
                    m.get("samples_per_s", 0.0), format_duration(eta) if math.isfinite(eta) else self.tr("estimating")))
            self._show_advice()  # the first numbers of a run, a loss that blew up

    @Slot(object)
    def _on_finished(self, outcome: TrainingOutcome) -> None:
        self._accept_outcome(outcome)

    @Slot()
    def _on_cancelled(self) -> None:
        outcome = self.slot.result
        if outcome is not None:  # None when stopped before training began (while loading)
            self._accept_outcome(outcome)
        self.status_label.setText(self.tr("Stopped after {0} epoch(s). Continue trains further; Start begins "
                                          "afresh.").format(self._epochs_done))

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.status_label.setText(self.tr("Training did not run: see the message."))
        self.report_error(exc)

    @Slot()
    def _on_done(self) -> None:
        self.session.release_training(OWNER)
        self._set_running(False)
        self._show_advice()

    def _accept_outcome(self, outcome: TrainingOutcome) -> None:
        result = outcome.result
        self._dataset = outcome.dataset
        self._epochs_done = result.initial_epoch + result.epochs_run
        if result.stop_reason == "nan":
            # NaN weights are of no use to Visualize or to Continue: the way out is a new run.
            self._model = None
            self.status_label.setText(self.tr("Stopped: the loss became NaN (see the advice under the chart)."))
        else:
            self._model = outcome.model
            suffix = self.tr(" (stopped)") if result.cancelled else ""
            self.session.set_model(outcome.model, f"{self._model_name}{suffix}", "trained",
                                   dataset=self.session.dataset_name)
        if result.test_accuracy is not None:
            self.progress_bar.setValue(1000)
            self.status_label.setText(self.tr("Done: {0} epoch(s) in {1}.").format(
                result.epochs_run, format_duration(result.seconds))
                + (self.tr(" Early stopping ended the run.") if result.stop_reason == "early-stopping" else ""))
        self.results_panel.show_outcome(outcome)
        self._keep_run(outcome)
        self._show_bottom()

    # -- results ----------------------------------------------------------------------------
    def _clear_results(self) -> None:
        self.results_panel.clear()
        self._show_bottom()  # the chart gets the whole height while training

    @Slot(object)
    def _on_results_problem(self, problem) -> None:
        self.report_error(problem)

    @Slot(list)
    def _on_overlay_changed(self, runs: list) -> None:
        self.chart.show_runs(runs)
        self._show_bottom()
        self._show_advice()

    def _show_bottom(self) -> None:
        """Under the chart: the comparison table while runs are ticked, else the last run's test results."""
        idle = not self.is_training()
        comparing = idle and bool(self.runs_panel.checked_runs())
        table = self.runs_panel.compare_table
        if comparing and not table.isVisible():  # the table takes the height it needs, the chart the rest
            sizes = self.splitter.sizes()
            self.splitter.setSizes([sum(sizes) - table.minimumHeight(), 0, table.minimumHeight()])
        table.setVisible(comparing)
        self.results_panel.setVisible(idle and not comparing and self.results_panel.outcome is not None)

    def _keep_run(self, outcome: TrainingOutcome) -> None:
        """Every finished or stopped run with at least one epoch goes to the runs list (Continue extends it)."""
        run = outcome.run
        if run is None or not run.epochs:
            return
        if outcome.result.initial_epoch and self._run is not None:
            run = self._run.continued(run)
        else:
            run.name = self.runs_panel.unique_name(run.name)
        self._run = run
        self.runs_panel.add_run(run)

    @Slot(object)
    def _show_in_visualize(self, probe) -> None:
        self.session.probe_image = probe
        window = self.window()
        if hasattr(window, "select_tab"):
            window.select_tab("visualize")

    def _show_advice(self) -> None:
        info_classes = self._dataset.info.num_classes if self._dataset is not None else None
        if self.chart.overlaid_runs:  # comparing runs: the coach compares them
            advice = compare_runs(self.chart.overlaid_runs)
        else:
            advice = coach(self.chart.history, self.chart.batch_loss.raw, info_classes, self._learning_rate,
                           running=self.is_training())
        text = self.tr("Coach: {0}").format(advice.text)
        if text == self.coach_label.text():
            return
        self.coach_label.setText(text)
        self.coach_label.setStyleSheet(f"color: {LEVEL_COLORS.get(advice.level, '#444')};")
        self.coach_label.setProperty("level", advice.level)

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
        from cnnexplorer.ml.model_files import save_model_file

        try:
            save_model_file(self._model, path)
        except UserError as exc:  # FileWriteError: the previous file is untouched
            self.report_error(exc)
            return False
        self.status_label.setText(self.tr("Saved {0}.").format(Path(path).name))
        if self._run is not None:
            self._run.model_path = str(Path(path).resolve())
            self.runs_panel.add_run(self._run)
        return True

    @Slot()
    def export_png_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), "training.png", "PNG (*.png)")
        if path:
            try:
                self.chart.save_png(path)
            except UserError as exc:
                self.report_error(exc)

    @Slot()
    def export_csv_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export history"), "history.csv", "CSV (*.csv)")
        if path:
            try:
                self.chart.save_csv(path)
            except UserError as exc:
                self.report_error(exc)

    # -- window life --------------------------------------------------------------------------
    def ask(self, title: str, text: str, default_yes: bool = True) -> bool:
        """This tab's questions ("apply these changes and train?") default to Yes."""
        return super().ask(title, text, default_yes)

    def confirm_close(self) -> bool:
        """Asked by the main window before closing: while training, ask; if yes, stop cleanly."""
        if not self.is_training():
            return True
        if not self.ask(self.tr("Training is running"),
                        self.tr("A model is still training. Stop training and close?")):
            return False
        self.stop()
        self.slot.wait(60000)
        return True

    def shutdown(self, wait: bool = True) -> bool:
        self.results_panel.close_dialogs()
        return super().shutdown(wait)

    # -- screenshots ---------------------------------------------------------------------------
    def prepare_screenshot(self) -> None:
        """Train the MNIST CNN for three quick epochs on part of the sample, synchronously, to show real results."""
        import dataclasses
        import tempfile

        import numpy as np

        from cnnexplorer.core.runs import RunStore
        from cnnexplorer.ml.data import load_dataset

        # The picture shows this run alone, and a screenshot never adds runs to the user's own list.
        self.runs_panel.store = RunStore(tempfile.mkdtemp(prefix="cnnexplorer-screenshot-runs-"))
        self.runs_panel.reload()

        data = load_dataset("mnist-sample")
        rng = np.random.default_rng(0)
        keep = np.sort(rng.choice(len(data.y_train), 1600, replace=False))
        data = dataclasses.replace(data, x_train=data.x_train[keep], y_train=data.y_train[keep])
        self.form.epochs_spin.setValue(3)
        self.form.batch_spin.setValue(32)
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
