"""Augmentation tab: the tutorial's ImageDataGenerator settings, previewed live, shared with Training.

Every change to a control updates ``session.augment`` at once (the Training
tab's "augment" checkbox uses it) and, after a short pause (debounce), a
preview of the source image and N variants is computed on a worker thread, so
dragging a slider never freezes the window. TensorFlow is imported inside
the worker, never while the tab is built.
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Slot
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core import images as imaging
from cnnexplorer.core.augment_config import (
    COLOUR_ONLY,
    FILL_MODES,
    PRESETS,
    AugmentConfig,
    load_augment_config,
    preset,
    save_augment_config,
)
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.resources import sample_images
from cnnexplorer.ml.augment import square_crop, suggested_preset  # numpy only: Keras is imported inside functions
from cnnexplorer.ui import workers
from cnnexplorer.ui.core_texts import tr_core
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.augment_preview_grid import AugmentPreviewGrid
from cnnexplorer.ui.widgets.augment_probe_chart import AugmentProbeChart
from cnnexplorer.ui.widgets.flow_layout import FlowLayout
from cnnexplorer.ui.widgets.value_row import ValueRow
from cnnexplorer.ui.widgets.wrapping_row import WrappingBar, group

DEBOUNCE_MS = 60
DIGIT_SOURCE = "digit"  # source key of the MNIST sample
FILE_SOURCE = "file"
PROBE_IMAGES = 300


# (field, label, tooltip, maximum, step, decimals, "prefix|suffix" of the spin box)
GEOMETRY_ROWS = [
    ("rotation_range", QT_TRANSLATE_NOOP("AugmentationTab", "Rotation"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Rotate by a random angle from −r to +r degrees."), 180, 1, 0, "± | °"),
    ("width_shift_range", QT_TRANSLATE_NOOP("AugmentationTab", "Width shift"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Move left or right by up to this fraction of the width."), 1.0, 0.01, 2,
     QT_TRANSLATE_NOOP("AugmentationTab", "± | × width")),
    ("height_shift_range", QT_TRANSLATE_NOOP("AugmentationTab", "Height shift"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Move up or down by up to this fraction of the height."), 1.0, 0.01, 2,
     QT_TRANSLATE_NOOP("AugmentationTab", "± | × height")),
    ("shear_range", QT_TRANSLATE_NOOP("AugmentationTab", "Shear"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Slant sideways: a row at height y slides by up to shear × y "
                           "(shear factor = tan of the shear angle). Keras shears about the top-left corner, "
                           "so the picture also slides sideways."), 1.0, 0.01, 2, "± | "),
    ("zoom_range", QT_TRANSLATE_NOOP("AugmentationTab", "Zoom"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Zoom in or out by up to this fraction (0.2 = 80 % to 120 %)."), 0.9, 0.01, 2,
     "± | "),
]
COLOUR_ROWS = [
    ("brightness_range", QT_TRANSLATE_NOOP("AugmentationTab", "Brightness"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Add or subtract up to this fraction of 255 from every pixel."), 1.0, 0.01, 2,
     "± | "),
    ("contrast_range", QT_TRANSLATE_NOOP("AugmentationTab", "Contrast"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Stretch or flatten contrast by up to this fraction."), 1.0, 0.01, 2, "± | "),
    ("saturation_range", QT_TRANSLATE_NOOP("AugmentationTab", "Saturation"),
     QT_TRANSLATE_NOOP("AugmentationTab", "Make colours duller or stronger (colour images only)."), 1.0, 0.01, 2,
     "± | "),
]


def _preview_job(image, config, count, seed, progress=None, cancel=None):
    from cnnexplorer.ml.augment import preview

    return preview(image, config, count, seed, progress=progress, cancel=cancel)


def _probe_job(model, dataset_name, config, progress=None, cancel=None):
    from cnnexplorer.ml.augment import robustness_probe
    from cnnexplorer.ml.data import load_dataset

    data = load_dataset(dataset_name, progress=progress, cancel=cancel)
    if data.info.kind != "images":
        raise UserError(QCoreApplication.translate(
            "AugmentationTab", "The robustness probe needs an image dataset; {dataset} holds sequences.")
            .format(dataset=dataset_name))
    x, y = data.x_test[:PROBE_IMAGES], data.y_test[:PROBE_IMAGES]
    return robustness_probe(model, x, y, config, progress=progress, cancel=cancel)


def _backend_loader() -> workers.Task | None:
    """The window's background TensorFlow import, while it runs.

    Importing TensorFlow from two threads at once deadlocks or half-initialises
    it, so TF work waits for that task to end instead of importing in parallel.
    """
    return next((t for t in workers.live_tasks() if t.name == "load-tensorflow"), None)


class AugmentationTab(Tab):
    key = "augmentation"
    title = "Augmentation"

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self._updating = False
        self._applying = False  # showing a config that did not come from this tab's controls
        self.user_chose = False  # a preset, file or value picked here: the dataset no longer picks the preset
        self._source_image: np.ndarray | None = None
        self._source_name = ""
        self._seed = 0
        self._preview_dirty = True
        # The preview runs with the newest settings when the running one ends (request); the probe is one at a time.
        self.preview_slot = workers.TaskSlot("augment-preview", parent=self)
        self.preview_slot.finished.connect(self._on_preview_ready)
        self.preview_slot.failed.connect(self._on_preview_failed)
        self.probe_slot = workers.TaskSlot("augment-probe", parent=self)
        self.probe_slot.finished.connect(self._on_probe_finished)
        self.probe_slot.failed.connect(self._on_probe_failed)
        self.probe_slot.done.connect(self._update_probe_state)
        self._digits: np.ndarray | None = None
        self._digit_index = -1
        self.config = AugmentConfig()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self._build()
        self.bridge.changed.connect(self._on_session_changed)
        name = self.dataset_preset()
        self.apply_config(preset(name))
        self.set_source(DIGIT_SOURCE if name == "digits (no flips)" else "cat")

    # -- construction ------------------------------------------------------------------
    def _build(self) -> None:
        controls = QWidget()
        form_layout = QVBoxLayout(controls)

        preset_group = QGroupBox(self.tr("Preset"))
        preset_bar = WrappingBar()  # the buttons go under the preset when its name needs the width
        row = FlowLayout(preset_bar, spacing=6)
        QVBoxLayout(preset_group).addWidget(preset_bar)
        self.preset_box = QComboBox()
        for name in list(PRESETS) + ["custom"]:
            self.preset_box.addItem(tr_core(name), name)
        self.preset_box.setToolTip(self.tr("Ready-made settings; changing any value makes them \"custom\"."))
        self.preset_box.activated.connect(lambda i: self._preset_chosen(self.preset_box.itemData(i)))
        self.load_button = QPushButton(self.tr("Load…"))
        self.save_button = QPushButton(self.tr("Save…"))
        self.load_button.setToolTip(self.tr("Load settings from a JSON file (the tutorial's argument names)."))
        self.save_button.setToolTip(self.tr("Save these settings as JSON, for `cnnexplorer augment --config`."))
        self.load_button.clicked.connect(self._load_dialog)
        self.save_button.clicked.connect(self._save_dialog)
        self.preset_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never elided
        row.addWidget(self.preset_box)
        row.addWidget(group(self.load_button, self.save_button))
        form_layout.addWidget(preset_group)

        self.rows: dict[str, ValueRow] = {}
        geometry = QGroupBox(self.tr("Move and reshape"))
        geo_form = QFormLayout(geometry)
        for name, label, tip, maximum, step, decimals, suffix in GEOMETRY_ROWS:
            geo_form.addRow(*self._value_row(name, label, tip, maximum, step, decimals, suffix))
        self.hflip = QCheckBox(self.tr("Horizontal flip"))
        self.hflip.setToolTip("horizontal_flip: " + self.tr("mirror left-right for half of the images."))
        self.vflip = QCheckBox(self.tr("Vertical flip"))
        self.vflip.setToolTip("vertical_flip: " + self.tr("turn upside down for half of the images."))
        flips = QHBoxLayout()
        flips.addWidget(self.hflip)
        flips.addWidget(self.vflip)
        geo_form.addRow(self.tr("Flip"), flips)
        for box in (self.hflip, self.vflip):
            box.toggled.connect(self._on_value_changed)
        self.fill_box = QComboBox()
        self.fill_box.addItems(list(FILL_MODES))
        self.fill_box.setToolTip("fill_mode: " + self.tr(
            "how pixels uncovered by a rotation, shift, shear or zoom-out are filled."))
        self.fill_box.currentTextChanged.connect(self._on_value_changed)
        self.cval_spin = QSpinBox()
        self.cval_spin.setRange(0, 255)
        self.cval_spin.setPrefix(self.tr("value "))
        self.cval_spin.setToolTip("cval: " + self.tr("the grey level used by fill mode \"constant\" (0 = black)."))
        self.cval_spin.setKeyboardTracking(False)
        self.cval_spin.valueChanged.connect(self._on_value_changed)
        fill_row = QHBoxLayout()
        fill_row.addWidget(self.fill_box, 1)
        fill_row.addWidget(self.cval_spin)
        geo_form.addRow(self.tr("Fill"), fill_row)
        form_layout.addWidget(geometry)

        colour = QGroupBox(self.tr("Light and colour"))
        colour_form = QFormLayout(colour)
        for name, label, tip, maximum, step, decimals, suffix in COLOUR_ROWS:
            colour_form.addRow(*self._value_row(name, label, tip, maximum, step, decimals, suffix))
        form_layout.addWidget(colour)
        about = QLabel(self.tr(
            "Augmentation shows the model randomly changed copies of each training image in every epoch, "
            "so it learns that a cat is still a cat when tilted, shifted, zoomed or mirrored. Only training "
            "batches are changed; validation and test images never are. The Training tab's \"augment\" "
            "option uses these settings."))
        about.setWordWrap(True)
        form_layout.addWidget(about)
        form_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(400)
        scroll.setMaximumWidth(470)

        # right: source, preview grid, notes, code / probe
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        # One row on a wide window; it wraps (image | variants | seed | new samples) with presentation-size text.
        source_bar = WrappingBar()
        source_row = FlowLayout(source_bar, spacing=12)
        self.source_box = QComboBox()
        for name in sample_images():
            self.source_box.addItem(self.tr("photo: %s") % tr_core(name), name)
        self.source_box.addItem(self.tr("digit from mnist-sample"), DIGIT_SOURCE)
        self.source_box.addItem(self.tr("image file…"), FILE_SOURCE)
        self.source_box.activated.connect(self._source_chosen)
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never elided
        source_row.addWidget(group(QLabel(self.tr("Image:")), self.source_box))
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 32)
        self.count_spin.setValue(8)
        self.count_spin.valueChanged.connect(self._schedule_preview)
        source_row.addWidget(group(QLabel(self.tr("Variants:")), self.count_spin))
        self.fixed_seed = QCheckBox(self.tr("Fixed seed"))
        self.fixed_seed.setToolTip(self.tr("Same seed, same variants: for reproducible slides."))
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 99999)
        self.seed_spin.setValue(42)
        self.seed_spin.setEnabled(False)
        self.fixed_seed.toggled.connect(self.seed_spin.setEnabled)
        self.fixed_seed.toggled.connect(self._schedule_preview)
        self.seed_spin.valueChanged.connect(self._schedule_preview)
        source_row.addWidget(group(self.fixed_seed, self.seed_spin))
        self.new_button = QPushButton(self.tr("New samples"))
        self.new_button.setToolTip(self.tr("Draw new random variants with the same settings."))
        self.new_button.clicked.connect(self.new_samples)
        source_row.addWidget(self.new_button)
        right_layout.addWidget(source_bar)

        self.grid = AugmentPreviewGrid()
        self.grid.original_caption = self.tr("original")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)

        lower = QTabWidget()
        self.code_view = QPlainTextEdit()
        self.code_view.setReadOnly(True)
        self.code_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        code_page = QWidget()
        code_layout = QVBoxLayout(code_page)
        code_layout.setContentsMargins(4, 4, 4, 4)
        code_layout.addWidget(self.code_view)
        self.copy_button = QPushButton(self.tr("Copy code"))
        self.copy_button.clicked.connect(self.copy_code)
        code_layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)
        probe_page = QWidget()
        probe_layout = QVBoxLayout(probe_page)
        probe_layout.setContentsMargins(4, 4, 4, 4)
        probe_top = QHBoxLayout()
        self.probe_button = QPushButton(self.tr("Test the current model"))
        self.probe_button.setToolTip(self.tr(
            "Accuracy on %d test images, untouched and under each transformation on its own.") % PROBE_IMAGES)
        self.probe_button.clicked.connect(self.start_probe)
        self.probe_status = QLabel()
        self.probe_status.setWordWrap(True)
        probe_top.addWidget(self.probe_button)
        probe_top.addWidget(self.probe_status, 1)
        probe_layout.addLayout(probe_top)
        self.probe_chart = AugmentProbeChart()
        probe_layout.addWidget(self.probe_chart, 1)
        lower.addTab(code_page, self.tr("Keras 3 code"))
        lower.addTab(probe_page, self.tr("Robustness probe"))
        self.lower_tabs = lower

        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.grid, 1)
        top_layout.addWidget(self.summary)
        splitter.addWidget(top)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 170])
        right_layout.addWidget(splitter, 1)

        outer = QHBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(right, 1)
        self._update_probe_state()

    def _value_row(self, name, label, tip, maximum, step, decimals, suffix):
        row = ValueRow(maximum, step, decimals, self.tr(suffix))
        row.setToolTip(f"{name}: {self.tr(tip)}")
        row.spin.valueChanged.connect(self._on_value_changed)
        self.rows[name] = row
        caption = QLabel(self.tr(label))
        caption.setToolTip(row.toolTip())
        return caption, row

    # -- config <-> widgets ----------------------------------------------------------------
    def config_from_widgets(self) -> AugmentConfig:
        values = {name: row.value() for name, row in self.rows.items()}
        return AugmentConfig(
            horizontal_flip=self.hflip.isChecked(), vertical_flip=self.vflip.isChecked(),
            fill_mode=self.fill_box.currentText(), cval=float(self.cval_spin.value()), **values,
        ).validate()

    def apply_config(self, config: AugmentConfig) -> None:
        """Show ``config`` in the controls (and use it)."""
        config.validate()
        self._updating = self._applying = True
        try:
            for name, row in self.rows.items():
                row.set_value(float(getattr(config, name)))
            self.hflip.setChecked(config.horizontal_flip)
            self.vflip.setChecked(config.vertical_flip)
            self.fill_box.setCurrentText(config.fill_mode)
            self.cval_spin.setValue(int(round(config.cval)))
            self._updating = False
            self._on_value_changed()
        finally:
            self._updating = self._applying = False

    def _on_value_changed(self, *_args) -> None:
        if self._updating:
            return
        if not self._applying:
            self.user_chose = True
        self.config = self.config_from_widgets()
        self.cval_spin.setEnabled(self.config.fill_mode == "constant")
        shear = self.rows["shear_range"].spin
        shear.setSuffix(f"  ≈{math.degrees(math.atan(shear.value())):.0f}°" if shear.value() else "")
        self._sync_preset_box()
        self._publish()
        self._update_texts()
        self._schedule_preview()

    def _sync_preset_box(self) -> None:
        name = next((n for n, p in PRESETS.items() if p == self.config), "custom")
        self.preset_box.setCurrentIndex(self.preset_box.findData(name))

    def _publish(self) -> None:
        value = None if self.config.is_off() else self.config
        if self.session.augment != value:
            self.session.augment = value

    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field == "augment":
            incoming = self.session.augment
            if incoming is None and not self.config.is_off():
                self.apply_config(AugmentConfig(fill_mode=self.config.fill_mode, cval=self.config.cval))
            elif isinstance(incoming, AugmentConfig) and incoming != self.config:
                self.apply_config(incoming)
        elif field in ("model", "training", "dataset_name"):
            if field == "dataset_name" and not self.user_chose:
                self.apply_config(preset(self.dataset_preset()))
            self._update_probe_state()
            self._update_texts()

    def dataset_preset(self) -> str:
        """The preset that suits the session's dataset (digits: no flips; photos: the tutorial's)."""
        from cnnexplorer.ml.data import dataset_info  # no TensorFlow: names and folder listings only

        try:
            info = dataset_info(self.session.dataset_name or "mnist-sample")
        except UserError:  # a folder that went away: the tutorial's settings, as before
            return "tutorial (cats vs dogs)"
        return suggested_preset(info.kind, tuple(info.input_shape))

    # -- explanations -------------------------------------------------------------------
    def notes(self) -> list[str]:
        """Problems and advice for the current settings, source image, model and dataset."""
        notes = []
        if self._source_image is not None:
            notes += self.config.fit_problems(self._source_image.shape)
        model = self.session.model
        shape = getattr(model, "input_shape", None) if model is not None else None
        if isinstance(shape, tuple) and len(shape) == 4:
            for problem in self.config.fit_problems(tuple(shape[1:])):
                kind = self.tr("grayscale") if shape[-1] == 1 else str(shape[1:])
                text = self.tr("The current model takes %s input: ") % kind
                if text + problem not in notes and problem not in notes:
                    notes.append(text + problem)
        notes += [self.tr("Training on %s: ") % self.session.dataset_name + w
                  for w in self.config.fit_warnings(self.session.dataset_name)]
        return notes

    def _update_texts(self) -> None:
        text = self.tr("<b>Augmentation:</b> %s") % self.config.describe()
        notes = self.notes()
        if notes:
            text += "".join(f"<br><span style='color:#b45309'>⚠ {n}</span>" for n in notes)
        self.summary.setText(text)
        self.code_view.setPlainText(self.config.to_keras_code())

    # -- presets and files ------------------------------------------------------------------
    @Slot(str)
    def _preset_chosen(self, name: str) -> None:
        if name in PRESETS:
            self.apply_config(preset(name))
            self.user_chose = True

    def load_config(self, path: str) -> bool:
        try:
            config = load_augment_config(path)
        except UserError as exc:
            self.report_error(exc)
            return False
        self.apply_config(config)
        self.user_chose = True
        return True

    def save_config(self, path: str) -> bool:
        try:
            save_augment_config(self.config, path)
        except UserError as exc:
            self.report_error(exc)
            return False
        return True

    @Slot()
    def _load_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load augmentation settings"), "",
                                              self.tr("Augmentation settings (*.json)"))
        if path:
            self.load_config(path)

    @Slot()
    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save augmentation settings"), "augmentation.json",
                                              self.tr("Augmentation settings (*.json)"))
        if path:
            self.save_config(path)

    @Slot()
    def copy_code(self) -> None:
        QGuiApplication.clipboard().setText(self.config.to_keras_code())

    # -- source image ---------------------------------------------------------------------
    @Slot(int)
    def _source_chosen(self, index: int) -> None:
        key = self.source_box.itemData(index)
        if key == FILE_SOURCE:
            images = self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)")
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Preview an image"), "", images)
            if not path or not self.set_source_file(path):
                self._select_source_item(self._source_name)
            return
        self.set_source(key)

    def _select_source_item(self, key: str) -> None:
        index = self.source_box.findData(key)
        if index < 0:
            index = self.source_box.findData(FILE_SOURCE)
        self.source_box.setCurrentIndex(index)

    def set_source(self, key: str) -> bool:
        """Preview a bundled photo by name, or ``"digit"`` for an MNIST sample digit."""
        try:
            if key == DIGIT_SOURCE:
                image = self._digit()
            else:
                image = square_crop(imaging.load_image(sample_images()[key]))
        except (UserError, KeyError) as exc:
            self.report_error(exc if isinstance(exc, UserError) else f"There is no sample image {key}.")
            return False
        self._set_source_image(image, key)
        return True

    def set_source_file(self, path: str) -> bool:
        try:
            image = square_crop(imaging.load_image(path))
        except UserError as exc:
            self.report_error(exc)
            return False
        self._set_source_image(image, FILE_SOURCE)
        self.source_box.setItemText(self.source_box.findData(FILE_SOURCE), self.tr("file: %s") % Path(path).name)
        return True

    def _digit(self) -> np.ndarray:
        if self._digits is None:
            from cnnexplorer.ml.data import load_dataset  # reads a small bundled .npz; no TensorFlow

            data = load_dataset("mnist-sample")
            # one digit of each class, to cycle through when the source is chosen again
            self._digits = np.stack([data.x_train[np.flatnonzero(data.y_train == d)[0]] for d in (2, 7, 5, 3, 9)])
            self._digit_index = -1
        self._digit_index = (self._digit_index + 1) % len(self._digits)
        return self._digits[self._digit_index]

    def _set_source_image(self, image: np.ndarray, key: str) -> None:
        self._source_image = image
        self._source_name = key
        self._select_source_item(key)
        self.grid.set_original(image)
        self._update_texts()
        self._schedule_preview()

    # -- preview -----------------------------------------------------------------------
    @Slot()
    def _schedule_preview(self, *_args) -> None:
        self._preview_dirty = True
        if self.isVisible():
            self._debounce.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._preview_dirty:
            self._debounce.start()

    @Slot()
    def new_samples(self) -> None:
        if self.fixed_seed.isChecked():
            self.seed_spin.setValue((self.seed_spin.value() + 1) % 100000)
        else:
            self._seed += 1
            self.refresh_preview()

    def preview_request(self) -> tuple[np.ndarray | None, AugmentConfig, int, int | None]:
        """(image, config that fits it, count, seed) for the next preview."""
        config = self.config
        if self._source_image is not None and self._source_image.shape[-1] == 1:
            config = config.copy(**{name: 0.0 for name in COLOUR_ONLY})  # explained in the notes
        seed = self.seed_spin.value() if self.fixed_seed.isChecked() else None
        return self._source_image, config, self.count_spin.value(), seed

    @Slot()
    def refresh_preview(self) -> None:
        """Start computing the preview now (or as soon as the running one ends)."""
        if self._source_image is None:
            return
        loader = _backend_loader()
        if loader is not None:
            loader.done.connect(self._schedule_preview, Qt.ConnectionType.UniqueConnection)
            self._preview_dirty = True
            self.grid.set_message(self.tr("Loading TensorFlow… the preview appears when it is ready."))
            return
        self._preview_dirty = False
        image, config, count, seed = self.preview_request()
        if self.grid.variant_count == 0:
            self.grid.set_message(self.tr("Preparing the preview (TensorFlow loads once, a few seconds)…"))
        self.preview_slot.request(_preview_job, image, config, count, seed)

    @Slot(object)
    def _on_preview_ready(self, images: list) -> None:
        self.grid.set_variants(images)

    @Slot(object)
    def _on_preview_failed(self, exc: BaseException) -> None:
        self.grid.set_message(str(exc) if isinstance(exc, UserError) else self.tr("The preview failed."))
        self.report_error(exc)

    def preview_now(self) -> None:
        """Compute the preview on the GUI thread (screenshots, once TensorFlow is loaded)."""
        from cnnexplorer.ml.augment import preview

        image, config, count, seed = self.preview_request()
        if image is None:  # no source image (it failed to load): nothing to preview
            return
        self.grid.set_variants(preview(image, config, count, seed))
        self._preview_dirty = False

    # -- robustness probe -------------------------------------------------------------------
    @Slot()
    def _update_probe_state(self) -> None:
        running = self.probe_slot.is_running()
        if self.session.model is None:
            self.probe_button.setEnabled(False)
            self.probe_chart.set_placeholder(self.tr(
                "Train or load a model first: this then shows its accuracy on test images under each "
                "transformation, i.e. what augmentation would teach it to ignore."))
        elif self.session.training:
            self.probe_button.setEnabled(False)
            self.probe_status.setText(self.tr("Wait until training has finished."))
        else:
            self.probe_button.setEnabled(not running)
            self.probe_chart.set_placeholder(self.tr("Click \"Test the current model\"."))

    @Slot()
    def start_probe(self) -> None:
        if self.session.model is None or self.probe_slot.is_running():
            return
        if self.config.is_off():
            self.report_error(self.tr("All transformations are off, so there is nothing to test. "
                                      "Choose a preset or move a slider first."))
            return
        if _backend_loader() is not None:
            self.report_error(self.tr("TensorFlow is still loading. Try again in a few seconds."))
            return
        dataset = self.session.dataset_name or "mnist-sample"
        self.probe_status.setText(self.tr("Testing on %s…") % dataset)
        self.probe_button.setEnabled(False)
        self.probe_slot.start(_probe_job, self.session.model, dataset, self.config)

    @Slot(object)
    def _on_probe_finished(self, results: dict) -> None:
        self.probe_chart.set_results(results)
        self.probe_status.setText(self.tr("Accuracy on %d test images of %s; red = drops by more than 5 points.")
                                  % (PROBE_IMAGES, self.session.dataset_name))

    @Slot(object)
    def _on_probe_failed(self, exc: BaseException) -> None:
        self.probe_status.setText(self.tr("The test did not run."))
        self.report_error(exc)

    # -- hooks ----------------------------------------------------------------------------
    def prepare_screenshot(self) -> None:
        self.set_source("cat")
        self.apply_config(preset("tutorial (cats vs dogs)"))
        self.fixed_seed.setChecked(True)
        self.seed_spin.setValue(7)
        self._debounce.stop()
        self.preview_now()

    def shutdown(self, wait: bool = True) -> bool:
        self._debounce.stop()
        return super().shutdown(wait)


if __name__ == "__main__":
    raise SystemExit(run_standalone(AugmentationTab))
