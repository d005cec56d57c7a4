"""Pretrained tab: load VGG16, MobileNetV2 and friends, see and set which layers train, reuse them on your images.

Three steps, left column top to bottom: 1. load a base (ImageNet weights —
bundled for MobileNetV2, downloaded once for the others —, a local weights
file, or random weights, clearly labelled); 2. choose an image folder and a
head; 3. train — method 1 (extract features once, train the head on them),
method 2 (base + head end to end, base frozen as the table says, optional
augmentation), then fine-tune (unfreeze the top block, low learning rate).
The layer table on the right makes freezing visible. The Keras work is
``ml/transfer/`` (``load_base_job``, ``train_job``), run in one
:class:`~cnnexplorer.ui.workers.TaskSlot`; constructing the tab imports no TensorFlow.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.configs import describe_augment
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.sample_folder import write_sample_folder
from cnnexplorer.core.units import byte_size
from cnnexplorer.ml import transfer as T
from cnnexplorer.ml.transfer import (
    LoadedBase,
    PretrainedOutcome,
    load_base_job,
    train_job,
)
from cnnexplorer.ui import presentation
from cnnexplorer.ui.core_texts import tr_core
from cnnexplorer.ui.settings import app_data_folder
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.column_scroll import ColumnScroll, LowHint
from cnnexplorer.ui.widgets.freeze_table import FreezeTable
from cnnexplorer.ui.widgets.runs_panel import RunsPanel
from cnnexplorer.ui.workers import TaskSlot

if TYPE_CHECKING:
    from cnnexplorer.ui.widgets.live_chart import LiveChart

WARN_STYLE = "color: #b00020; font-weight: bold;"
NOTE_STYLE = "color: palette(placeholder-text);"  # readable in light and dark themes
OWNER = "pretrained"  # this tab's name in session.training


class PretrainedTab(Tab):
    key = "pretrained"
    title = "Pretrained"

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self.loaded: LoadedBase | None = None
        self.model: Any = None  # the composed, trained model
        self.epochs_done = 0
        self._dataset: Any = None
        self._dataset_key: tuple | None = None
        self._task_kind = ""  # what the slot's current task is: "load", "example" or "train-METHOD"
        self._run_settings: dict = {}  # head, batch size and learning rate of the training job that runs
        self.last_run: Any = None  # the core.runs.Run of the last finished or stopped job
        self.slot = TaskSlot("pretrained", parent=self)
        self.slot.events.connect(self._on_events)
        self.slot.finished.connect(self._on_finished)
        self.slot.failed.connect(self._on_failed)
        self.slot.cancelled.connect(self._on_cancelled)
        self.slot.done.connect(self._on_done)
        self._build_ui()
        index = self.arch_combo.findData(T.default_architecture())
        self.arch_combo.setCurrentIndex(max(0, index))
        self._on_arch_changed()
        self._update_buttons()
        self.bridge.changed.connect(self._on_session_changed)
        self._on_session_changed("augment")  # the augment box says which settings it uses

    # -- layout --------------------------------------------------------------------------
    def _build_ui(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)

        base_box = QGroupBox(self.tr("1. Pretrained base"), left)
        form = QFormLayout(base_box)
        self.arch_combo = QComboBox(base_box)
        for arch in T.CATALOG.values():
            self.arch_combo.addItem(arch.title, arch.key)
        self.arch_combo.currentIndexChanged.connect(self._on_arch_changed)
        form.addRow(self.tr("Network:"), self.arch_combo)
        self.arch_info = QLabel(base_box)
        self.arch_info.setWordWrap(True)
        self.arch_info.setStyleSheet(NOTE_STYLE)
        presentation.follow_text_size(self.arch_info)  # a styled label misses the app's font changes
        form.addRow(self.arch_info)
        self.size_spin = QSpinBox(base_box)
        self.size_spin.setRange(32, 1024)
        self.size_spin.setValue(150)
        self.size_spin.setSuffix(" px")
        self.size_spin.setToolTip(self.tr("Images are resized to this width and height (the tutorial uses 150)."))
        self.size_spin.valueChanged.connect(self._on_arch_changed)
        form.addRow(self.tr("Input size:"), self.size_spin)

        weights_box = QWidget(base_box)
        wl = QVBoxLayout(weights_box)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.setSpacing(2)
        self.weights_group = QButtonGroup(self)
        self.imagenet_radio = QRadioButton(self.tr("ImageNet (download once)"), weights_box)
        self.file_radio = QRadioButton(self.tr("Local weights file"), weights_box)
        self.random_radio = QRadioButton(self.tr("Random weights (no download)"), weights_box)
        file_row = QHBoxLayout()
        self.file_edit = QLineEdit(weights_box)
        self.file_edit.setPlaceholderText(self.tr("….h5 file for this network"))
        self.file_button = QPushButton(self.tr("Browse…"), weights_box)
        self.file_button.clicked.connect(self._choose_weights_file)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.file_button)
        for i, radio in enumerate((self.imagenet_radio, self.file_radio, self.random_radio)):
            self.weights_group.addButton(radio, i)
        wl.addWidget(self.imagenet_radio)
        wl.addWidget(self.file_radio)
        wl.addLayout(file_row)
        wl.addWidget(self.random_radio)
        self.imagenet_radio.setChecked(True)
        # Label above, controls across the whole column: beside a label, the radio texts were cut in
        # presentation-size text (same for the folder row and the head combo below).
        form.addRow(QLabel(self.tr("Weights:"), base_box))
        form.addRow(weights_box)

        load_row = QHBoxLayout()
        self.load_button = QPushButton(self.tr("Load base"), base_box)
        self.load_button.clicked.connect(self.load_base)
        presentation.follow_text_size(self.load_button, delta=1, bold=True)
        load_row.addWidget(self.load_button, 1)
        form.addRow(load_row)
        self.base_label = QLabel(self.tr("No base loaded."), base_box)
        self.base_label.setWordWrap(True)
        form.addRow(self.base_label)

        data_box = QGroupBox(self.tr("2. Your images and the classifier head"), left)
        dform = QFormLayout(data_box)
        folder_row = QHBoxLayout()
        self.folder_edit = QLineEdit(data_box)
        self.folder_edit.setPlaceholderText(self.tr("one sub-folder per class"))
        self.folder_button = QPushButton(self.tr("Browse…"), data_box)
        self.folder_button.clicked.connect(self._choose_folder)
        self.example_button = QPushButton(self.tr("Example"), data_box)
        self.example_button.setToolTip(self.tr("Write a small generated folder (circles, squares, triangles; 60 "
                                               "images each) and use it: works without network."))
        self.example_button.clicked.connect(self.use_example_folder)
        # The buttons beside the label, the path across the whole column below them.
        folder_row.addWidget(QLabel(self.tr("Image folder:"), data_box), 1)
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.example_button)
        dform.addRow(folder_row)
        dform.addRow(self.folder_edit)
        # Short names in the combo (the long descriptions were cut off in a 450 px column); the layers below it.
        self.head_combo = QComboBox(data_box)
        for key, text in T.HEAD_TITLES.items():
            self.head_combo.addItem(tr_core(text), key)
            self.head_combo.setItemData(self.head_combo.count() - 1, tr_core(T.HEADS[key]), Qt.ItemDataRole.ToolTipRole)
        self.head_combo.currentIndexChanged.connect(self._on_head_changed)
        dform.addRow(QLabel(self.tr("Head:"), data_box))
        dform.addRow(self.head_combo)
        self.head_info = QLabel(data_box)
        self.head_info.setWordWrap(True)
        self.head_info.setStyleSheet(NOTE_STYLE)
        presentation.follow_text_size(self.head_info)
        dform.addRow(self.head_info)
        self._on_head_changed()
        numbers = QHBoxLayout()
        self.epochs_spin = QSpinBox(data_box)
        self.epochs_spin.setRange(1, 1000)
        self.epochs_spin.setValue(10)
        self.batch_spin = QSpinBox(data_box)
        self.batch_spin.setRange(1, 1024)
        self.batch_spin.setValue(20)
        numbers.addWidget(QLabel(self.tr("Epochs"), data_box))
        numbers.addWidget(self.epochs_spin)
        numbers.addWidget(QLabel(self.tr("Batch"), data_box))
        numbers.addWidget(self.batch_spin)
        dform.addRow(numbers)
        # One rate per row: side by side, the six-decimal values were cut off in presentation-size text.
        self.lr_spin = self._rate_spin(2e-5)
        self.fine_lr_spin = self._rate_spin(1e-5)
        dform.addRow(self.tr("Learning rate"), self.lr_spin)
        dform.addRow(self.tr("Fine-tuning rate"), self.fine_lr_spin)
        # Short: in presentation-size text a longer label ran past the column; the tooltip says which settings.
        self.augment_check = QCheckBox(self.tr("Augment (method 2 and fine-tuning)"), data_box)
        dform.addRow(self.augment_check)

        run_box = QGroupBox(self.tr("3. Train (RMSprop)"), left)
        rl = QVBoxLayout(run_box)
        self.features_button = QPushButton(self.tr("Method 1: extract features, train the head"), run_box)
        self.features_button.setToolTip(self.tr("Runs the base once over your images and trains only the dense "
                                                "head on its output: fast, but no augmentation."))
        self.end_to_end_button = QPushButton(self.tr("Method 2: train end to end"), run_box)
        self.end_to_end_button.setToolTip(self.tr("Base + head as one model; every epoch runs the base again, so "
                                                  "augmentation is possible, at the cost of speed."))
        self.fine_tune_button = QPushButton(self.tr("Fine-tune the unfrozen layers"), run_box)
        self.fine_tune_button.setToolTip(self.tr("Continue training the trained classifier with the layers ticked "
                                                 "in the table unfrozen, at the low fine-tuning learning rate."))
        self.features_button.clicked.connect(self.run_features)
        self.end_to_end_button.clicked.connect(self.run_end_to_end)
        self.fine_tune_button.clicked.connect(self.run_fine_tune)
        self.stop_button = QPushButton(self.tr("Stop"), run_box)
        self.stop_button.clicked.connect(self.stop)
        for b in (self.features_button, self.end_to_end_button, self.fine_tune_button):
            rl.addWidget(b)
        self.trains_label = QLabel(run_box)  # what method 2 and fine-tuning will train, from the table
        self.trains_label.setWordWrap(True)
        presentation.follow_text_size(self.trains_label)
        rl.addWidget(self.trains_label)
        stop_row = QHBoxLayout()
        self.progress_bar = QProgressBar(run_box)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)  # idle: empty, never a full blue bar that looks like work
        stop_row.addWidget(self.progress_bar, 1)
        stop_row.addWidget(self.stop_button)
        rl.addLayout(stop_row)
        self.status_label = QLabel(run_box)
        self.status_label.setWordWrap(True)
        rl.addWidget(self.status_label)

        left_layout.addWidget(base_box)
        left_layout.addWidget(data_box)
        left_layout.addWidget(run_box)
        left_layout.addStretch(1)
        # Scrolls when too tall, wrapped notes keep their lines; its height is the window's, never the reverse.
        self.column = ColumnScroll(left, self, width=470, vertical=QSizePolicy.Policy.Ignored)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.weights_banner = QLabel(right)
        self.weights_banner.setWordWrap(True)
        presentation.follow_text_size(self.weights_banner)
        right_layout.addWidget(self.weights_banner)
        self.table = FreezeTable(right)
        self.table.changed.connect(self._on_flags_changed)
        self.bn_note = QLabel(right)
        self.bn_note.setWordWrap(True)
        self.bn_note.setStyleSheet(NOTE_STYLE)
        presentation.follow_text_size(self.bn_note)
        self.result_label = QLabel(right)
        self.result_label.setWordWrap(True)
        presentation.follow_text_size(self.result_label, delta=1)
        chart_holder = LowHint(right)
        chart_row = QHBoxLayout(chart_holder)
        chart_row.setContentsMargins(0, 0, 0, 0)
        cl = QVBoxLayout()
        chart_row.addLayout(cl, 1)
        # The runs kept by this tab and the Training tab (one store): tick them to overlay and compare.
        self.runs_panel = RunsPanel(parent=chart_holder)
        self.runs_panel.setMinimumWidth(190)
        self.runs_panel.setMaximumWidth(250)
        self.runs_panel.problem.connect(self._on_runs_problem)
        self.runs_panel.overlay_changed.connect(self._on_overlay_changed)
        chart_row.addWidget(self.runs_panel)
        self.chart: LiveChart | None = None  # created on first use: matplotlib is not needed to show the tab
        self.chart_layout = cl
        self.chart_placeholder = QLabel(self.tr("Loss and accuracy appear here while a method trains."), chart_holder)
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_placeholder.setWordWrap(True)  # beside the runs list it must not set the tab's width
        self.chart_placeholder.setStyleSheet(NOTE_STYLE)
        presentation.follow_text_size(self.chart_placeholder)
        cl.addWidget(self.chart_placeholder)
        cl.addWidget(self.result_label)
        cl.addWidget(self.runs_panel.compare_table)
        self.runs_panel.compare_table.hide()
        splitter = QSplitter(Qt.Orientation.Vertical, right)
        top = QWidget(splitter)
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table, 1)
        tl.addWidget(self.bn_note)
        splitter.addWidget(top)
        splitter.addWidget(chart_holder)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])  # the layer table above, the chart and the runs below
        right_layout.addWidget(splitter, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(self.column)
        layout.addWidget(right, 1)

    def _rate_spin(self, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setDecimals(6)
        spin.setRange(1e-6, 1.0)
        spin.setSingleStep(1e-5)
        spin.setValue(value)
        return spin

    # -- base ------------------------------------------------------------------------------
    def _arch(self) -> T.Architecture:
        return T.CATALOG[self.arch_combo.currentData()]

    @Slot()
    def _on_head_changed(self) -> None:
        self.head_info.setText(tr_core(T.HEADS[self.head_combo.currentData()]))

    @Slot()
    def _on_arch_changed(self) -> None:
        arch = self._arch()
        cached = T.cached_weights(arch, self.size_spin.value()) is not None
        if arch.bundled is not None and not cached:
            self.imagenet_radio.setText(self.tr("ImageNet (bundled, no download)"))
        elif cached:
            self.imagenet_radio.setText(self.tr("ImageNet (cached on this computer)"))
        else:
            self.imagenet_radio.setText(self.tr("ImageNet (download once)"))
        self.arch_info.setText(
            self.tr("%1 (%2). %3 Input at least %4 px (ImageNet size %5). Preprocessing: %6. "
                    "%7 parameters; ImageNet weights %8.")
            .replace("%1", arch.title).replace("%2", str(arch.year)).replace("%3", tr_core(arch.note))
            .replace("%4", str(arch.min_size)).replace("%5", str(arch.default_size))
            .replace("%6", tr_core(arch.preprocess_text)).replace("%7", f"{arch.base_params / 1e6:.1f} M")
            .replace("%8", self._weights_where(arch, cached))
        )
        self.size_spin.setMinimum(arch.min_size)

    def _weights_where(self, arch: T.Architecture, cached: bool) -> str:
        if cached:
            return self.tr("cached on this computer")
        if arch.bundled is not None:
            return self.tr("bundled with the app")
        return self.tr("%1 download").replace("%1", byte_size(arch.download_mb * 1e6))

    def _weights_choice(self) -> str:
        if self.random_radio.isChecked():
            return "random"
        if self.file_radio.isChecked():
            path = self.file_edit.text().strip()
            if not path:
                raise UserError(self.tr("Choose the weights file (Browse…), or pick ImageNet or random weights."))
            return path
        return "imagenet"

    @Slot()
    def _choose_weights_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Weights file"), "",
                                              self.tr("Keras weights (*.h5 *.weights.h5);;All files (*)"))
        if path:
            self.file_edit.setText(path)
            self.file_radio.setChecked(True)

    @Slot()
    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Image folder (one sub-folder per class)"))
        if path:
            self.folder_edit.setText(path)

    @Slot()
    def use_example_folder(self) -> None:
        """Write (once) the generated shapes folder into the app's data folder and choose it."""
        if self.slot.is_running():
            return
        self._start("example", write_sample_folder, app_data_folder() / "example-shapes")
        self._set_status(self.tr("Writing the example folder…"))

    @Slot()
    def load_base(self) -> None:
        if self.slot.is_running():
            return
        try:
            weights = self._weights_choice()
            arch = self._arch()
            arch.check_input_size(self.size_spin.value())
        except UserError as exc:
            self.report_error(exc)
            return
        self._start("load", load_base_job, arch.key, self.size_spin.value(), weights)
        self._set_status(self.tr("Loading %1…").replace("%1", arch.title))

    def set_loaded(self, loaded: LoadedBase) -> None:
        """Show a freshly loaded base (also used by prepare_screenshot)."""
        self.loaded = loaded
        self.model = None
        self.epochs_done = 0
        self.table.set_rows(loaded.rows)
        self._on_flags_changed()
        arch = loaded.arch
        self.base_label.setText(self.tr("Loaded %1 at %2×%2 with %3.").replace("%1", arch.title)
                                .replace("%2", str(loaded.input_size)).replace("%3", tr_core(loaded.source.label())))
        if loaded.source.kind == "random":
            self.weights_banner.setText(self.tr("⚠ %1 %2: random weights — patterns will not be meaningful. "
                                                "Use ImageNet weights or a local weights file for real transfer.")
                                        .replace("%1", arch.title).replace("%2", f"{loaded.input_size}×"
                                                                                 f"{loaded.input_size}"))
            self.weights_banner.setStyleSheet(WARN_STYLE)
        else:
            self.weights_banner.setText(self.tr("%1 %2, %3").replace("%1", arch.title)
                                        .replace("%2", f"{loaded.input_size}×{loaded.input_size}")
                                        .replace("%3", tr_core(loaded.source.label())))
            self.weights_banner.setStyleSheet("font-weight: bold;")
        if arch.batchnorm:
            self.bn_note.setText(self.tr("%1 has BatchNormalization layers: they stay frozen, in inference mode, "
                                         "even when fine-tuning (as Keras' transfer-learning guide advises), so a "
                                         "few small batches cannot overwrite the statistics learned on ImageNet.")
                                 .replace("%1", arch.title))
        else:
            self.bn_note.setText(self.tr("Tick a layer to let it train; drag 'Fine-tune from' to unfreeze the top "
                                         "of the network. Frozen layers keep their weights bit for bit."))
        self._update_buttons()

    # -- training --------------------------------------------------------------------------
    def _augment(self) -> Any:
        return self.session.augment if self.augment_check.isChecked() else None

    def _dataset_for_run(self) -> Any:
        key = (self.folder_edit.text().strip(), self.loaded.input_size if self.loaded else 0)
        return self._dataset if key == self._dataset_key else None

    def _start_training(self, method: str) -> None:
        if self.slot.is_running():
            return
        if self.loaded is None:
            self.report_error(UserError(self.tr("Load a pretrained base first (step 1).")))
            return
        if not self.session.claim_training(OWNER):
            self.report_error(UserError(self.tr("Another tab is training (%1): stop it there first.")
                                        .replace("%1", str(self.session.training))))
            return
        epochs = self.epochs_spin.value()
        lr = self.fine_lr_spin.value() if method == "fine-tune" else self.lr_spin.value()
        augment = None if method == "features" else self._augment()
        initial = self.epochs_done if method == "fine-tune" else 0
        chart = self._ensure_chart()
        if method != "fine-tune":
            chart.reset()
        self.runs_panel.set_checked([])  # back to the live chart
        self._on_overlay_changed([])
        chart.set_planned_epochs(initial + epochs)
        self.result_label.setText("")
        self._run_settings = {"head": self.head_combo.currentData(), "batch_size": self.batch_spin.value(),
                              "learning_rate": lr}
        self._start("train-" + method, train_job, method, self.loaded, self.table.flags,
                    self.folder_edit.text().strip(), self._dataset_for_run(), self.head_combo.currentData(), epochs,
                    self.batch_spin.value(), lr,
                    augment, self.model if method == "fine-tune" else None, initial)
        names = {"features": self.tr("Method 1: extracting features…"), "end-to-end": self.tr("Method 2: training…"),
                 "fine-tune": self.tr("Fine-tuning…")}
        self._set_status(names[method])

    @Slot()
    def run_features(self) -> None:
        self._start_training("features")

    @Slot()
    def run_end_to_end(self) -> None:
        self._start_training("end-to-end")

    @Slot()
    def run_fine_tune(self) -> None:
        self._start_training("fine-tune")

    def _ensure_chart(self) -> LiveChart:
        if self.chart is None:
            from cnnexplorer.ui.widgets.live_chart import LiveChart

            self.chart = LiveChart(self)
            self.chart_placeholder.hide()
            self.chart_layout.insertWidget(0, self.chart, 1)
        return self.chart

    # -- task plumbing ---------------------------------------------------------------------
    def _busy(self) -> bool:
        return self.slot.is_running()

    def is_training(self) -> bool:
        return self.slot.is_running() and self._task_kind.startswith("train")

    def _start(self, kind: str, fn, *args) -> None:
        self._task_kind = kind
        self.progress_bar.setRange(0, 0)
        self.slot.start(fn, *args)
        self._update_buttons()

    @Slot()
    def stop(self) -> None:
        if self.slot.is_running():
            self.slot.cancel()
            self._set_status(self.tr("Stopping after the current batch…"))

    @Slot(list)
    def _on_events(self, events: list) -> None:
        if self.chart is not None and self._task_kind.startswith("train"):
            self.chart.add_events([e for e in events if e.kind in ("batch", "epoch", "done")])
        last = events[-1]
        if last.total:
            self.progress_bar.setRange(0, last.total)
            self.progress_bar.setValue(min(last.step, last.total))
        else:
            self.progress_bar.setRange(0, 0)
        if last.message:
            self._set_status(last.message)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        if self._task_kind == "load":
            self.set_loaded(result)
            self._set_status(self.tr("Base ready. Choose an image folder, then a method."))
            return
        if self._task_kind == "example":
            self.folder_edit.setText(str(result))
            self._set_status(self.tr("Example folder ready: 3 classes of generated shapes (circles, squares, "
                                     "triangles)."))
            return
        outcome: PretrainedOutcome = result
        self._dataset = outcome.dataset
        self._dataset_key = (self.folder_edit.text().strip(), self._job_base().input_size)
        self._show_result(outcome)

    def _show_result(self, outcome: PretrainedOutcome) -> None:
        res = outcome.result
        self.model = res.model
        if res.method == "fine-tune":
            self.epochs_done += res.epochs_run
        else:
            self.epochs_done = res.epochs_run
        name = T.job_title(self._job_base().arch, res.method)
        info = getattr(outcome.dataset, "info", None)  # the status bar names the folder it was trained on
        self.session.set_model(res.model, name, "pretrained", dataset=getattr(info, "name", None))
        lines = []
        note = getattr(outcome.dataset, "note", "")
        if note:
            lines.append(self.tr("Images: %1").replace("%1", note))
        if res.test_accuracy is not None:
            lines.append(self.tr("Test accuracy %1 · test loss %2").replace("%1", f"{res.test_accuracy:.1%}")
                         .replace("%2", f"{res.test_loss:.4f}"))
        if res.speedup:
            lines.append(self.tr("Feature extraction: the base ran once (%1 s); each head epoch took %2 s. Running "
                                 "the base every epoch would have taken about %3× as long.")
                         .replace("%1", f"{res.extract_seconds:.1f}").replace("%2", f"{res.head_epoch_seconds:.2f}")
                         .replace("%3", f"{res.speedup:.1f}"))
        if res.cancelled:
            lines.append(self.tr("Stopped after %n epoch(s).", "", res.epochs_run))
        lines.append(self.tr("The model is now the session's model: look inside it in the Visualize tab."))
        lines.append(self._record_run(outcome, name))
        self.result_label.setText("\n".join(line for line in lines if line))
        self._set_status(self.tr("Done in %1 s.").replace("%1", f"{res.seconds:.1f}"))

    def _job_base(self) -> LoadedBase:  # the base a finished job trained: Load waits for the job
        assert self.loaded is not None  # a training job starts only with a base loaded
        return self.loaded

    def _record_run(self, outcome: PretrainedOutcome, name: str) -> str:
        """Keep the finished or stopped job as a run (core.runs) in the runs list, beside the Training tab's."""
        if not outcome.result.epochs_run:
            return ""
        run = T.pretrained_run(outcome.result, self._job_base(), outcome.dataset,
                               name=self.runs_panel.unique_name(name), **self._run_settings)
        if not self.runs_panel.add_run(run):  # the panel reported why (a full disk...); the result still shows
            return self.tr("The run was not kept.")
        self.last_run = run
        return ""

    @Slot(object)
    def _on_runs_problem(self, problem: Any) -> None:
        self.report_error(problem)

    @Slot(list)
    def _on_overlay_changed(self, runs: list) -> None:
        """Ticked runs replace the live chart and the result text with their overlay and comparison table."""
        comparing = bool(runs) and not self.is_training()
        if runs:
            self._ensure_chart()
        if self.chart is not None and (comparing or self.chart.overlaid_runs):
            self.chart.show_runs(runs if comparing else [])
        self.runs_panel.compare_table.setVisible(comparing)
        self.result_label.setVisible(not comparing)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self._set_status(self.tr("Not done: see the message."))
        self.report_error(exc)

    @Slot()
    def _on_cancelled(self) -> None:
        result = self.slot.result
        if isinstance(result, PretrainedOutcome):
            self._show_result(result)
        self._set_status(self.tr("Stopped."))

    @Slot()
    def _on_done(self) -> None:
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)  # the status line says how it ended; an idle bar stays empty
        if self._task_kind.startswith("train"):
            self.session.release_training(OWNER)
        self._update_buttons()

    def _set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def _update_buttons(self) -> None:
        busy = self._busy()
        has_base = self.loaded is not None
        self.load_button.setEnabled(not busy)
        self.example_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.features_button.setEnabled(has_base and not busy)
        self.end_to_end_button.setEnabled(has_base and not busy)
        self.fine_tune_button.setEnabled(has_base and not busy and self.model is not None)
        self.table.setEnabled(not busy)
        for w in (self.arch_combo, self.size_spin, self.imagenet_radio, self.file_radio, self.random_radio):
            w.setEnabled(not busy)

    @Slot()
    def _on_flags_changed(self) -> None:
        """Say what method 2 and fine-tuning will train (the flags reach the model only when a method starts)."""
        state = self.table.state
        if state is None:
            self.trains_label.setText("")
            return
        if state.trainable_params == 0:
            text = self.tr("Method 2 trains the head only: the whole base is frozen.")
            style = NOTE_STYLE
        else:
            first = next(r.name for r, f in zip(state.rows, state.flags) if f)
            text = (self.tr("Method 2 and fine-tuning will train the head and the ticked base layers: %1 of them, "
                            "from %2 on (%3 parameters).")
                    .replace("%1", str(state.trainable_layers)).replace("%2", first)
                    .replace("%3", f"{state.trainable_params:,}"))
            style = "color: #b34700; font-weight: bold;"
        self.trains_label.setText(text)
        self.trains_label.setStyleSheet(style)

    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field == "augment":
            self.augment_check.setToolTip(self.tr("Augmentation: %1").replace(
                "%1", describe_augment(self.session.augment)))

    # -- hooks --------------------------------------------------------------------------------
    def prepare_screenshot(self) -> None:
        """MobileNetV2 with its bundled ImageNet weights, fine-tuning boundary at its top block."""
        self.arch_combo.setCurrentIndex(self.arch_combo.findData("mobilenet_v2"))
        self.imagenet_radio.setChecked(True)
        self.set_loaded(load_base_job("mobilenet_v2", self.size_spin.value(), "bundled"))
        self.table.unfreeze_top_block()
        self.table.scroll_to_boundary()
        self._set_status(self.tr("Base ready. Choose an image folder, then a method."))

    # -- window life ------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """While a pretrained job trains, ask before closing; if yes, stop it and wait for it."""
        if not self.is_training():
            return True
        if not self.ask(self.tr("Transfer learning is running"),
                        self.tr("A pretrained model is still training. Stop it and close?")):
            return False
        self.stop()
        self.slot.wait(60000)
        return True

    def shutdown(self, wait: bool = True) -> bool:
        self.column.stop()
        stopped = super().shutdown(wait)
        if stopped:
            self.session.release_training(OWNER)
        return stopped


if __name__ == "__main__":
    raise SystemExit(run_standalone(PretrainedTab))
