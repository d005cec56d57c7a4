"""Visualize tab: look inside the session's model on one chosen image.

Three views around one image: the activation grids of the convolution and
pooling layers, the patterns each filter of a layer responds to most, and a
Grad-CAM heatmap of where the model found evidence for a class. The logic
lives in ``ml/viz`` (numpy in, numpy out); this tab chooses the image, runs the
work with :class:`~cnnexplorer.ui.workers.Task`, caches results per (model,
image, layer, ...) so switching views is instant, and draws them.
"""
from __future__ import annotations

import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QProgressBar, QPushButton, QScrollArea, QSizePolicy, QSlider, QSpinBox, QSplitter,
    QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from cnnexplorer.core import images as imaging
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.resources import sample_images
from cnnexplorer.ui import workers
from cnnexplorer.ui.core_texts import tr_core
from cnnexplorer.ui.tabs.base import Tab, run_standalone
from cnnexplorer.ui.widgets.viz_image_view import ImageView

RAW, UNIT = "0-255", "0-1"  # the values of ml.viz.inputs.RAW/UNIT (kept here so the tab imports no ml code at start-up)
VIEWS = ("activations", "filters", "gradcam")
COLORMAPS = ("jet", "viridis", "inferno", "magma", "hot", "gray")


@dataclass
class ModelFacts:
    """What the tab needs to know about a model, found off the GUI thread."""

    input_shape: tuple
    layers: list  # ml.viz.graph.LayerInfo
    scaling: str
    scaling_reason: str
    num_classes: int
    last_conv: str | None


@dataclass
class Analysis:
    activations: Any  # ml.viz.activations.Activations or None
    cam: Any  # ml.viz.gradcam.GradCam or None
    cam_problem: str  # explanation when Grad-CAM has nothing to show for this model
    act_key: tuple
    cam_key: tuple


def describe_model(model: Any, source: str | None, progress=None, cancel=None) -> ModelFacts:
    from cnnexplorer.ml.viz import graph, inputs

    shape = graph.require_image_model(model)
    layers = graph.list_layers(model)
    scaling, reason = inputs.detect_scaling(model, source)
    last = graph.last_conv_layer(model)
    return ModelFacts(tuple(shape), layers, scaling, reason, graph.num_classes(model), last.path if last else None)


def analyse(model: Any, x: np.ndarray, act_layers: tuple | None, cam_layer: str | None, cam_class: int | None,
            act_key: tuple, cam_key: tuple, progress=None, cancel=None) -> Analysis:
    """Activations (one forward pass) and Grad-CAM for one prepared image; either may be skipped (None key)."""
    from cnnexplorer.ml.viz.activations import compute_activations
    from cnnexplorer.ml.viz.gradcam import NoConvLayerError, gradcam

    acts = cam = None
    problem = ""
    if act_layers is not None:
        acts = compute_activations(model, x, act_layers, progress=progress, cancel=cancel)
    if cam_key is not None:
        try:
            cam = gradcam(model, x, class_index=cam_class, layer=cam_layer, progress=progress, cancel=cancel)
        except NoConvLayerError as exc:
            problem = str(exc)
    return Analysis(acts, cam, problem, act_key, cam_key)


def _load_image_file(path: str, progress=None, cancel=None):
    from cnnexplorer.ml.viz.inputs import check_image

    image = imaging.load_image(path)
    check_image(image)
    return path, image, os.path.getmtime(path)


def _make_grid(act: np.ndarray, cols: int, colormap: str, progress=None, cancel=None):
    from cnnexplorer.ml.viz.activations import activation_grid

    return activation_grid(act, cols=cols, colormap=colormap)


def _compact(combo: QComboBox, chars: int) -> QComboBox:
    """A combo box as wide as ``chars`` characters, not as its longest item (long items are elided; the open
    list shows them whole). Keeps the tab within 1280 px with presentation-size text, and spares measuring
    1000 ImageNet class names."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


class VisualizeTab(Tab):
    key = "visualize"
    title = "Visualize"

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self._model: Any = None
        self._facts: ModelFacts | None = None
        self._raw_image: np.ndarray | None = None
        self._image_key: tuple | None = None
        self._image_caption = ""
        self._prepared: Any = None
        self._dataset: Any = None
        self._act_cache: dict = {}
        self._cam_cache: dict = {}
        self._filter_cache: dict = {}
        self._grid: Any = None  # ml.viz.activations.Grid on screen
        self._grid_cache: dict = {}
        self._grid_task: workers.Task | None = None
        self._grid_key: tuple | None = None
        self._grid_dirty = False
        self._patterns: list = []
        self._model_task: workers.Task | None = None
        self._analysis_task: workers.Task | None = None
        self._analysis_dirty = False
        self._filter_task: workers.Task | None = None
        self._filter_key: tuple | None = None
        self._quick_task: workers.Task | None = None
        self._image_pending = False
        self._file_task: workers.Task | None = None
        self.setAcceptDrops(True)
        self._build()
        self.bridge.changed.connect(self._on_session_changed)
        self._on_model_changed()
        if self._model is None:
            QTimer.singleShot(0, self, self._warm_up)  # not called once the tab is gone

    @Slot()
    def _warm_up(self) -> None:
        """Polish, lay out and paint the (hidden) main page once, off screen, while nothing else runs.

        Done the first time a model arrives, it blocked the GUI thread ~20 ms (Qt's own work) exactly
        when the worker starts reading the model (benchmarks/viz_gui_latency.py)."""
        page = self.pages.widget(1)
        if self._model is None and not page.isVisible():
            page.resize(self.size())
            page.render(QPixmap(1, 1))

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.pages)

        # empty state
        empty = QWidget(self)
        el = QVBoxLayout(empty)
        el.addStretch(1)
        self.empty_label = QLabel(empty)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        el.addWidget(self.empty_label)
        row = QHBoxLayout()
        row.addStretch(1)
        self.quick_button = QPushButton(self.tr("Train a quick MNIST model (about 10 seconds)"), empty)
        self.quick_button.clicked.connect(self._on_quick_model)
        row.addWidget(self.quick_button)
        row.addStretch(1)
        el.addLayout(row)
        self.quick_progress = QProgressBar(empty)
        self.quick_progress.setVisible(False)
        self.quick_progress.setMaximumWidth(400)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.quick_progress)
        row2.addStretch(1)
        el.addLayout(row2)
        el.addStretch(2)
        self.pages.addWidget(empty)

        main = QWidget(self)
        ml = QHBoxLayout(main)
        ml.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, main)
        ml.addWidget(splitter)
        # the image panel scrolls on its own when presentation-size text makes it taller than the window,
        # instead of squeezing its wrapped texts over the image
        panel_area = QScrollArea(splitter)
        panel_area.setWidget(self._build_image_panel(panel_area))
        panel_area.setWidgetResizable(True)
        panel_area.setFrameShape(QFrame.Shape.NoFrame)
        panel_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel_area.setMinimumWidth(300)
        panel_area.setMaximumWidth(440)
        splitter.addWidget(panel_area)
        self.views = QTabWidget(splitter)
        self.views.addTab(self._build_activations_view(), self.tr("Activations"))
        self.views.addTab(self._build_filters_view(), self.tr("Filter patterns"))
        self.views.addTab(self._build_gradcam_view(), self.tr("Grad-CAM"))
        self.views.currentChanged.connect(self._on_view_changed)
        splitter.addWidget(self.views)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 900])
        self.pages.addWidget(main)

    def _build_image_panel(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        panel.setMinimumWidth(280)
        panel.setMaximumWidth(420)
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(0, 0, 4, 0)
        self.model_label = QLabel(panel)
        self.model_label.setWordWrap(True)
        lay.addWidget(self.model_label)

        lay.addWidget(_heading(self.tr("Image"), panel))
        self.source_combo = _compact(QComboBox(panel), 14)
        self.source_combo.addItem(self.tr("Sample photo"), "sample")
        self.source_combo.addItem(self.tr("Dataset item (MNIST sample, test set)"), "dataset")
        self.source_combo.addItem(self.tr("Image file"), "file")
        lay.addWidget(self.source_combo)
        self.source_pages = QStackedWidget(panel)
        # sample photos
        sp = QWidget()
        sl = QHBoxLayout(sp)
        sl.setContentsMargins(0, 0, 0, 0)
        self.sample_combo = _compact(QComboBox(sp), 10)
        for name, path in sample_images().items():
            self.sample_combo.addItem(tr_core(name), str(path))
        sl.addWidget(self.sample_combo)
        self.source_pages.addWidget(sp)
        # dataset items
        dp = QWidget()
        dl = QHBoxLayout(dp)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(QLabel(self.tr("Index"), dp))
        self.index_spin = QSpinBox(dp)
        self.index_spin.setRange(0, 999)
        dl.addWidget(self.index_spin, 1)
        self.random_button = QPushButton(self.tr("Random"), dp)
        dl.addWidget(self.random_button)
        self.source_pages.addWidget(dp)
        # file
        fp = QWidget()
        fl = QVBoxLayout(fp)
        fl.setContentsMargins(0, 0, 0, 0)
        self.open_button = QPushButton(self.tr("Open image file…"), fp)
        fl.addWidget(self.open_button)
        hint = QLabel(self.tr("…or drop an image file anywhere on this tab."), fp)
        hint.setWordWrap(True)
        fl.addWidget(hint)
        self.source_pages.addWidget(fp)
        # an image handed over by another tab
        pp = QWidget()
        pl = QVBoxLayout(pp)
        pl.setContentsMargins(0, 0, 0, 0)
        self.probe_label = QLabel(pp)
        self.probe_label.setWordWrap(True)
        pl.addWidget(self.probe_label)
        self.source_pages.addWidget(pp)
        lay.addWidget(self.source_pages)
        self._show_source_page(0)

        self.image_view = ImageView(panel, self.tr("No image yet"), min_side=160)
        self.image_view.setMinimumHeight(200)
        lay.addWidget(self.image_view, 2)
        self.image_caption = QLabel(panel)
        self.image_caption.setWordWrap(True)
        self.image_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.image_caption)

        lay.addWidget(_heading(self.tr("Prediction"), panel))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.pred_names, self.pred_bars = [], []
        for i in range(5):
            name = QLabel(panel)
            bar = QProgressBar(panel)
            bar.setRange(0, 1000)
            bar.setTextVisible(True)
            grid.addWidget(name, i, 0)
            grid.addWidget(bar, i, 1)
            self.pred_names.append(name)
            self.pred_bars.append(bar)
        lay.addLayout(grid)

        # how pixels are scaled: a setting for the curious, below what the whole class looks at
        lay.addWidget(QLabel(self.tr("Pixels fed to the model"), panel))
        self.scaling_combo = _compact(QComboBox(panel), 14)
        self.scaling_combo.addItem(self.tr("automatic"), "auto")
        self.scaling_combo.addItem(self.tr("0-255 (raw pixels)"), RAW)
        self.scaling_combo.addItem(self.tr("0-1 (pixels / 255)"), UNIT)
        self.scaling_combo.addItem(self.tr("VGG16/ResNet50 style (BGR minus mean)"), "caffe")
        self.scaling_combo.addItem(self.tr("-1 to 1 (Inception/Xception/MobileNet)"), "-1-1")
        lay.addWidget(self.scaling_combo)
        self.scaling_note = QLabel(panel)
        self.scaling_note.setWordWrap(True)
        self.scaling_note.setStyleSheet("color: palette(placeholder-text);")
        lay.addWidget(self.scaling_note)

        lay.addStretch(1)

        self.source_combo.currentIndexChanged.connect(self._on_source_changed)
        self.sample_combo.currentIndexChanged.connect(self._on_sample_chosen)
        self.index_spin.valueChanged.connect(self._on_index_chosen)
        self.random_button.clicked.connect(self._on_random)
        self.open_button.clicked.connect(self._on_open_file)
        self.scaling_combo.currentIndexChanged.connect(self._on_scaling_changed)
        return panel

    def _build_activations_view(self) -> QWidget:
        w = QWidget()
        lay = QHBoxLayout(w)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Layer"), w))
        self.layer_list = QListWidget(w)
        self.layer_list.setMaximumWidth(320)  # "MaxPooling2D  13×13×32" whole, also with presentation-size text
        self.layer_list.currentRowChanged.connect(self._on_act_layer_changed)
        left.addWidget(self.layer_list, 1)
        self.all_layers_check = QCheckBox(self.tr("All layers with feature maps"), w)
        self.all_layers_check.setToolTip(self.tr("By default only convolution and pooling layers are listed."))
        self.all_layers_check.toggled.connect(self._on_all_layers_toggled)
        left.addWidget(self.all_layers_check)
        cm = QHBoxLayout()
        cm.addWidget(QLabel(self.tr("Colours"), w))
        self.act_cmap = QComboBox(w)
        for name in ("viridis", "gray", "inferno", "jet"):
            self.act_cmap.addItem(name)
        self.act_cmap.currentIndexChanged.connect(self._show_activations)
        cm.addWidget(self.act_cmap, 1)
        left.addLayout(cm)
        pr = QHBoxLayout()
        pr.addWidget(QLabel(self.tr("Channels per row"), w))
        self.act_cols = QSpinBox(w)
        self.act_cols.setRange(2, 64)
        self.act_cols.setValue(16)
        self.act_cols.valueChanged.connect(self._show_activations)
        pr.addWidget(self.act_cols, 1)
        left.addLayout(pr)
        self.act_export = QPushButton(self.tr("Export PNG…"), w)
        self.act_export.clicked.connect(self._on_export_activations)
        left.addWidget(self.act_export)
        lay.addLayout(left, 0)

        middle = QVBoxLayout()
        self.act_title = QLabel(w)
        self.act_title.setWordWrap(True)
        middle.addWidget(self.act_title)
        self.act_view = ImageView(w, self.tr("Choose an image to see what each layer makes of it."))
        self.act_view.setCursor(Qt.CursorShape.PointingHandCursor)
        self.act_view.clicked.connect(self._on_channel_clicked)
        middle.addWidget(self.act_view, 3)
        below = QHBoxLayout()
        self.channel_view = ImageView(w, "", min_side=120)
        self.channel_view.setMaximumWidth(240)
        self.channel_view.setMaximumHeight(240)
        below.addWidget(self.channel_view, 0)
        self.channel_title = QLabel(self.tr("Click a channel in the grid to enlarge it."), w)
        self.channel_title.setWordWrap(True)
        self.channel_title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.channel_title, 1)
        middle.addLayout(below, 2)
        lay.addLayout(middle, 1)
        return w

    def _build_filters_view(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Layer"), w))
        self.filter_layer = _compact(QComboBox(w), 12)
        controls.addWidget(self.filter_layer, 1)
        controls.addWidget(QLabel(self.tr("First filter"), w))
        self.filter_first = QSpinBox(w)
        self.filter_first.setRange(0, 4095)
        controls.addWidget(self.filter_first)
        controls.addWidget(QLabel(self.tr("How many"), w))
        self.filter_count = QSpinBox(w)
        self.filter_count.setRange(1, 64)
        self.filter_count.setValue(16)
        controls.addWidget(self.filter_count)
        controls.addStretch(1)
        lay.addLayout(controls)
        controls = QHBoxLayout()  # second row: a projector's large text does not fit all controls on one
        controls.addWidget(QLabel(self.tr("Steps"), w))
        self.filter_steps = QSpinBox(w)
        self.filter_steps.setRange(1, 500)
        self.filter_steps.setValue(40)
        controls.addWidget(self.filter_steps)
        controls.addWidget(QLabel(self.tr("Seed"), w))
        self.filter_seed = QSpinBox(w)
        self.filter_seed.setRange(0, 9999)
        controls.addWidget(self.filter_seed)
        self.filter_jitter = QCheckBox(self.tr("Jitter"), w)
        self.filter_jitter.setToolTip(self.tr("Shift the image a little at every step: cleaner, less noisy patterns."))
        controls.addWidget(self.filter_jitter)
        controls.addStretch(1)
        lay.addLayout(controls)
        row = QHBoxLayout()
        self.filter_start = QPushButton(self.tr("Show patterns"), w)
        self.filter_start.clicked.connect(self._on_filters_start)
        row.addWidget(self.filter_start)
        self.filter_stop = QPushButton(self.tr("Stop"), w)
        self.filter_stop.setEnabled(False)
        self.filter_stop.clicked.connect(self._on_filters_stop)
        row.addWidget(self.filter_stop)
        self.filter_progress = QProgressBar(w)
        row.addWidget(self.filter_progress, 1)
        self.filter_export = QPushButton(self.tr("Export PNG…"), w)
        self.filter_export.clicked.connect(self._on_export_filters)
        row.addWidget(self.filter_export)
        lay.addLayout(row)
        self.filter_note = QLabel(self.tr(
            "Each tile is an input image grown from grey noise by gradient ascent so that one filter responds "
            "as strongly as it can: what the filter looks for."), w)
        self.filter_note.setWordWrap(True)
        lay.addWidget(self.filter_note)
        self.filter_view = ImageView(w, self.tr("Choose a convolution layer and press Show patterns."))
        lay.addWidget(self.filter_view, 1)
        return w

    def _build_gradcam_view(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Explain class"), w))
        self.cam_class = _compact(QComboBox(w), 16)
        self.cam_class.currentIndexChanged.connect(self._on_cam_params)
        controls.addWidget(self.cam_class, 3)
        controls.addWidget(QLabel(self.tr("Layer"), w))
        self.cam_layer = _compact(QComboBox(w), 14)
        self.cam_layer.currentIndexChanged.connect(self._on_cam_params)
        controls.addWidget(self.cam_layer, 2)
        lay.addLayout(controls)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Colours"), w))
        self.cam_cmap = QComboBox(w)
        for name in COLORMAPS:
            self.cam_cmap.addItem(name)
        self.cam_cmap.currentIndexChanged.connect(self._show_gradcam)
        controls.addWidget(self.cam_cmap)
        controls.addWidget(QLabel(self.tr("Opacity"), w))
        self.cam_opacity = QSlider(Qt.Orientation.Horizontal, w)
        self.cam_opacity.setRange(0, 100)
        self.cam_opacity.setValue(45)
        self.cam_opacity.setMaximumWidth(160)
        self.cam_opacity.valueChanged.connect(self._show_gradcam)
        controls.addWidget(self.cam_opacity)
        controls.addStretch(1)
        self.cam_export = QPushButton(self.tr("Export PNG…"), w)
        self.cam_export.clicked.connect(self._on_export_gradcam)
        controls.addWidget(self.cam_export)
        lay.addLayout(controls)
        self.cam_text = QLabel(w)
        self.cam_text.setWordWrap(True)
        self.cam_text.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.cam_text)
        images = QHBoxLayout()
        self.cam_views = {}
        for key, caption in (("image", self.tr("Image the model saw")), ("heatmap", self.tr("Heatmap")),
                             ("overlay", self.tr("Heatmap over the image"))):
            col = QVBoxLayout()
            label = QLabel(caption, w)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            col.addWidget(label)
            view = ImageView(w, "")
            view.set_top_aligned(True)  # right under its caption, the three side by side
            col.addWidget(view, 1)
            images.addLayout(col)
            self.cam_views[key] = view
        lay.addLayout(images, 1)
        return w

    # ------------------------------------------------------------------ model
    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field == "model":
            self._on_model_changed()
        elif field == "probe_image" and self.session.probe_image is not None:
            self._on_probe_image()

    def _on_model_changed(self) -> None:
        for task in (self._model_task, self._analysis_task, self._filter_task, self._grid_task):
            if task is not None and task.is_running():
                task.cancel()
        old = self._model
        self._model = self.session.model
        self._facts = None
        self._act_cache.clear()
        self._cam_cache.clear()
        self._filter_cache.clear()
        self._grid_cache.clear()
        self._patterns = []
        self._grid = None
        if old is not None:
            try:
                from cnnexplorer.ml.viz import graph

                graph.forget_model(old)  # weights may have changed in place (trained further)
            except Exception:  # noqa: BLE001 - only a cache
                pass
        if self._model is None:
            self._show_empty(self.tr(
                "<h2>No model to look into yet</h2>"
                "<p>Visualize shows what a convolutional network does with an image: the feature maps of each "
                "layer, the patterns its filters look for, and where it looked to decide (Grad-CAM).</p>"
                "<p>Get a model first: <b>train</b> one in the Training tab, <b>open</b> a .keras file with "
                "File › Open model, or <b>compose</b> one in the Pretrained tab.</p>"))
            return
        self.model_label.setText(self.tr("Model: <b>{0}</b> — reading its layers…").format(self._model_name()))
        self.pages.setCurrentIndex(1)
        info = self.session.model_name
        self._model_task = workers.Task(describe_model, self._model, info.source if info else None,
                                        name="visualize-describe")
        self._model_task.finished.connect(self._on_model_described)
        self._model_task.failed.connect(self._on_model_failed)
        self._model_task.start()

    def _model_name(self) -> str:
        info = self.session.model_name
        return info.name if info else getattr(self._model, "name", "model")

    def _show_empty(self, html: str, offer_quick: bool = True) -> None:
        self.empty_label.setText(html)
        self.quick_button.setVisible(offer_quick)
        self.pages.setCurrentIndex(0)

    @Slot(object)
    def _on_model_failed(self, exc: BaseException) -> None:
        if self.sender() is not self._model_task:
            return
        if isinstance(exc, UserError):
            title = self.tr("This model cannot be visualized here")
            self._show_empty(f"<h2>{title}</h2><p>{exc}</p>")
        else:
            self.report_error(exc)

    @Slot(object)
    def _on_model_described(self, facts: ModelFacts) -> None:
        if self.sender() is not self._model_task:
            return
        self._apply_facts(facts)

    def _apply_facts(self, facts: ModelFacts) -> None:
        self._facts = facts
        self.pages.setCurrentIndex(1)
        h, w, c = facts.input_shape
        size = f"{w or '?'}×{h or '?'}×{c}"
        self.model_label.setText(self.tr("Model: <b>{0}</b> — input {1}, {2} classes").format(
            self._model_name(), size, facts.num_classes))
        self._fill_layer_list()
        convs = [i.path for i in facts.layers if i.is_conv]
        self.filter_layer.blockSignals(True)
        self.filter_layer.clear()
        for p in convs:
            self.filter_layer.addItem(p, p)
        self.filter_layer.blockSignals(False)
        self.filter_start.setEnabled(bool(convs))
        self.filter_progress.setValue(0)
        self.filter_view.set_image(None)
        self.filter_view.set_placeholder(
            self.tr("Choose a convolution layer and press Show patterns.") if convs
            else self.tr("This model has no convolution layers, so there are no filter patterns to show."))
        self.cam_layer.blockSignals(True)
        self.cam_layer.clear()
        auto = self.tr("{0} (last conv, automatic)").format(facts.last_conv) if facts.last_conv \
            else self.tr("automatic")
        self.cam_layer.addItem(auto, None)
        for info in facts.layers:
            if info.is_spatial:
                self.cam_layer.addItem(info.path, info.path)
        self.cam_layer.blockSignals(False)
        self._fill_class_combo()
        # the image and the analysis it starts come in the next pass of the event loop: one long slot on the
        # GUI thread (lists, combos, decoding, resizing) would stall the window for ~20 ms on a busy machine
        self._image_pending = True
        QTimer.singleShot(0, self, self._apply_image)

    @Slot()
    def _apply_image(self) -> None:
        if not self._image_pending or self._facts is None:
            return
        self._image_pending = False
        if self._raw_image is None:
            self._choose_default_image()
        else:
            self._refresh_image()

    def _fill_class_combo(self) -> None:
        from cnnexplorer.ml.viz import inputs

        names = inputs.class_names(self._facts.num_classes, self.session.dataset_name) if self._facts else ()
        self._class_names = names
        self.cam_class.blockSignals(True)
        self.cam_class.clear()
        self.cam_class.addItem(self.tr("the predicted class (top-1)"), None)
        # one call for all the names (a thousand addItem calls block the GUI thread ~5 ms); the class of
        # item k > 0 is k - 1, see _cam_class()
        self.cam_class.addItems([f"{i}: {n}" for i, n in enumerate(names)])
        self.cam_class.blockSignals(False)

    def _cam_class(self) -> int | None:
        """The class chosen for Grad-CAM, or None for the predicted class."""
        index = self.cam_class.currentIndex()
        return index - 1 if index > 0 else None

    def _fill_layer_list(self) -> None:
        if self._facts is None:
            return
        previous = self._current_act_layer()
        show_all = self.all_layers_check.isChecked()
        infos = [i for i in self._facts.layers if (i.is_spatial if show_all else (i.is_conv or i.is_pool))]
        self.layer_list.blockSignals(True)
        self.layer_list.clear()
        for info in infos:
            shape = "×".join(str(s) for s in info.shape)
            item = QListWidgetItem(f"{'  ' * info.depth}{info.path}\n{'  ' * info.depth}{info.kind}  {shape}")
            item.setData(Qt.ItemDataRole.UserRole, info.path)
            self.layer_list.addItem(item)
        self.layer_list.blockSignals(False)
        paths = [i.path for i in infos]
        self.layer_list.setCurrentRow(paths.index(previous) if previous in paths else (0 if paths else -1))

    def _act_layers(self) -> tuple:
        return tuple(self.layer_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.layer_list.count()))

    def _current_act_layer(self) -> str | None:
        item = self.layer_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # ------------------------------------------------------------------ image choice
    def _choose_default_image(self) -> None:
        h, w, c = self._facts.input_shape
        if c == 1:
            self.source_combo.setCurrentIndex(1)
            self._on_index_chosen(self.index_spin.value())
        else:
            self.source_combo.setCurrentIndex(0)
            self._on_sample_chosen(self._sample_index("cat"))

    def _show_source_page(self, index: int) -> None:
        """Show one page of the image source; the hidden pages take no height (no gap under a one-line page)."""
        for i in range(self.source_pages.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            self.source_pages.widget(i).setSizePolicy(policy, policy)
        self.source_pages.setCurrentIndex(index)
        self.source_pages.adjustSize()

    def _sample_index(self, name: str) -> int:
        """The sample photo called ``name`` ("cat"): by file, since the shown names are translated."""
        for i in range(self.sample_combo.count()):
            if Path(self.sample_combo.itemData(i)).stem == name:
                return i
        return 0

    @Slot(int)
    def _on_source_changed(self, index: int) -> None:
        kind = self.source_combo.itemData(index)
        self._show_source_page({"sample": 0, "dataset": 1, "file": 2, "probe": 3}[kind])
        if kind == "sample":
            self._on_sample_chosen(self.sample_combo.currentIndex())
        elif kind == "dataset":
            self._on_index_chosen(self.index_spin.value())

    @Slot(int)
    def _on_sample_chosen(self, index: int) -> None:
        if index < 0:
            return
        if self.sample_combo.currentIndex() != index:
            self.sample_combo.setCurrentIndex(index)
            return
        path = self.sample_combo.itemData(index)
        try:
            image = imaging.load_image(path)
        except UserError as exc:
            self.report_error(exc)
            return
        self._set_image(image, ("sample", self.sample_combo.itemText(index)),
                        self.tr("Sample photo: {0}").format(self.sample_combo.itemText(index)))

    def _mnist(self):
        if self._dataset is None:
            from cnnexplorer.ml.data import load_dataset

            self._dataset = load_dataset("mnist-sample")
            self.index_spin.setRange(0, len(self._dataset.x_test) - 1)
        return self._dataset

    @Slot(int)
    def _on_index_chosen(self, index: int) -> None:
        try:
            data = self._mnist()
        except UserError as exc:
            self.report_error(exc)
            return
        index = min(index, len(data.x_test) - 1)
        label = data.class_names[int(data.y_test[index])]
        self._set_image(data.x_test[index], ("dataset", "mnist-sample", index),
                        self.tr("MNIST sample, test digit #{0} (true label: {1})").format(index, label))

    @Slot()
    def _on_random(self) -> None:
        data = self._mnist()
        self.index_spin.setValue(random.randrange(len(data.x_test)))

    @Slot()
    def _on_open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an image"), "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read an image file off the GUI thread (a 20-megapixel photo takes a while to decode)."""
        self._file_task = workers.Task(_load_image_file, str(path), name="visualize-load-image")
        self._file_task.finished.connect(self._on_file_loaded)
        self._file_task.failed.connect(self._on_file_failed)
        self._file_task.start()

    @Slot(object)
    def _on_file_loaded(self, loaded) -> None:
        if self.sender() is not self._file_task:
            return
        path, image, mtime = loaded
        self.source_combo.blockSignals(True)
        self.source_combo.setCurrentIndex(2)
        self._show_source_page(2)
        self.source_combo.blockSignals(False)
        self._set_image(image, ("file", path, mtime), self.tr("File: {0}").format(Path(path).name))

    @Slot(object)
    def _on_file_failed(self, exc: BaseException) -> None:
        if self.sender() is self._file_task:
            self.report_error(exc)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt name
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.load_file(files[0])

    def _on_probe_image(self) -> None:
        probe = self.session.probe_image
        if self.source_combo.findData("probe") < 0:
            self.source_combo.addItem(self.tr("Handed over from another tab"), "probe")
        self.source_combo.blockSignals(True)
        self.source_combo.setCurrentIndex(self.source_combo.findData("probe"))
        self._show_source_page(3)
        self.source_combo.blockSignals(False)
        text = probe.note or self.tr("An image from another tab")
        if probe.label:
            text += "\n" + self.tr("True label: {0}").format(probe.label)
        self.probe_label.setText(text)
        self._set_image(np.asarray(probe.image), ("probe", id(probe)), text.replace("\n", " — "))

    def _set_image(self, image: np.ndarray, key: tuple, caption: str) -> None:
        self._raw_image = image
        self._image_key = key
        self._image_caption = caption
        self._refresh_image()

    def _scaling(self) -> str:
        choice = self.scaling_combo.currentData()
        if choice == "auto":
            return self._facts.scaling if self._facts else RAW
        return choice

    @Slot(int)
    def _on_scaling_changed(self, _index: int) -> None:
        self._refresh_image()

    def _refresh_image(self) -> None:
        if self._facts is None or self._raw_image is None or self._model is None:
            return
        from cnnexplorer.ml.viz import inputs

        if self.scaling_combo.currentData() == "auto":
            self.scaling_note.setText(self.tr("Automatic: {0} — {1}.").format(self._facts.scaling,
                                                                              self._facts.scaling_reason))
        else:
            self.scaling_note.setText(self.tr("Chosen by you. Automatic would be {0}.").format(self._facts.scaling))
        try:
            self._prepared = inputs.prepare(self._raw_image, self._model, self._scaling())
        except UserError as exc:
            self.report_error(exc)
            return
        self.image_view.set_image(self._prepared.display)
        notes = self.tr("; ").join(self._prepared.notes)  # "；" in Chinese
        self.image_caption.setText(self._image_caption + (self.tr("\n({0})").format(notes) if notes else ""))
        self._request_analysis()

    # ------------------------------------------------------------------ analysis
    def _keys(self) -> tuple[tuple, tuple]:
        base = (self._image_key, self._scaling())
        act_key = base + (self._act_layers(),)
        cam_key = base + (self.cam_layer.currentData(), self._cam_class())
        return act_key, cam_key

    def _request_analysis(self) -> None:
        if self._prepared is None or self._facts is None:
            return
        act_key, cam_key = self._keys()
        need_act = act_key not in self._act_cache
        need_cam = cam_key not in self._cam_cache
        if not need_act and not need_cam:
            self._show_all()
            return
        if self._analysis_task is not None and self._analysis_task.is_running():
            self._analysis_dirty = True
            return
        self._analysis_dirty = False
        self._analysis_task = workers.Task(
            analyse, self._model, self._prepared.x, act_key[-1] if need_act else None,
            self.cam_layer.currentData(), self._cam_class(),
            act_key if need_act else None, cam_key if need_cam else None, name="visualize-analyse")
        self._analysis_task.finished.connect(self._on_analysis_done)
        self._analysis_task.failed.connect(self._on_analysis_failed)
        self._analysis_task.done.connect(self._on_analysis_ended)
        self._analysis_task.start()
        self.act_title.setText(self.tr("Computing…"))

    @Slot(object)
    def _on_analysis_done(self, result: Analysis) -> None:
        if self.sender() is not self._analysis_task:
            return
        self._store_analysis(result)

    def _store_analysis(self, result: Analysis) -> None:
        if result.act_key is not None and result.activations is not None:
            self._act_cache[result.act_key] = result.activations
        if result.cam_key is not None:
            self._cam_cache[result.cam_key] = result.cam if result.cam is not None else result.cam_problem
        self._show_all()

    @Slot(object)
    def _on_analysis_failed(self, exc: BaseException) -> None:
        if self.sender() is not self._analysis_task:
            return
        self.act_title.setText("")
        self.report_error(exc)

    @Slot()
    def _on_analysis_ended(self) -> None:
        if self.sender() is self._analysis_task and self._analysis_dirty:
            self._analysis_dirty = False
            self._request_analysis()

    def _show_all(self) -> None:
        self._show_prediction()
        self._show_activations()
        self._show_gradcam()

    def _show_prediction(self) -> None:
        from cnnexplorer.ml.viz import inputs

        act_key, cam_key = self._keys()
        acts = self._act_cache.get(act_key)
        cam = self._cam_cache.get(cam_key)
        if acts is not None:
            scores, final = acts.scores, acts.final_activation
        elif cam is not None and not isinstance(cam, str):
            scores, final = cam.scores, cam.final_activation
        else:
            return
        probs = inputs.probabilities(np.asarray(scores)[None], final)[0]
        top = inputs.top_k(probs, self._class_names, k=5)
        for i in range(5):
            if i < len(top):
                self.pred_names[i].setText(f"{top[i].name}")
                self.pred_bars[i].setValue(int(round(top[i].probability * 1000)))
                self.pred_bars[i].setFormat(f"{top[i].probability * 100:.1f} %")
                self.pred_names[i].setVisible(True)
                self.pred_bars[i].setVisible(True)
            else:
                self.pred_names[i].setVisible(False)
                self.pred_bars[i].setVisible(False)
        font = self.pred_names[0].font()
        font.setBold(True)
        self.pred_names[0].setFont(font)

    @Slot(int)
    def _on_act_layer_changed(self, _row: int) -> None:
        self._show_activations()

    @Slot(bool)
    def _on_all_layers_toggled(self, _checked: bool) -> None:
        self._fill_layer_list()
        self._request_analysis()

    @Slot()
    def _show_activations(self, *_args) -> None:
        """Show the current layer's grid; big grids (VGG16's 224×224×64) are built off the GUI thread."""
        act_key, _ = self._keys()
        acts = self._act_cache.get(act_key)
        layer = self._current_act_layer()
        if acts is None or layer is None or layer not in acts.layers:
            return
        key = (act_key, layer, self.act_cols.value(), self.act_cmap.currentText())
        grid = self._grid_cache.get(key)
        if grid is not None:
            self._display_grid(layer, acts.layers[layer], grid)
            return
        if self._grid_task is not None and self._grid_task.is_running():
            self._grid_dirty = True
            return
        self._grid_dirty = False
        self._grid_key = key
        self._grid_task = workers.Task(_make_grid, acts.layers[layer], key[2], key[3], name="visualize-grid")
        self._grid_task.finished.connect(self._on_grid_done)
        self._grid_task.failed.connect(self._on_grid_failed)
        self._grid_task.done.connect(self._on_grid_ended)
        self._grid_task.start()

    @Slot(object)
    def _on_grid_done(self, grid) -> None:
        if self.sender() is not self._grid_task:
            return
        if len(self._grid_cache) > 64:
            self._grid_cache.clear()
        self._grid_cache[self._grid_key] = grid
        act_key, layer = self._grid_key[0], self._grid_key[1]
        if self._grid_key[:1] == self._keys()[:1] and layer == self._current_act_layer():
            self._display_grid(layer, self._act_cache[act_key].layers[layer], grid)

    @Slot(object)
    def _on_grid_failed(self, exc: BaseException) -> None:
        if self.sender() is self._grid_task:
            self.report_error(exc)

    @Slot()
    def _on_grid_ended(self) -> None:
        if self.sender() is self._grid_task and self._grid_dirty:
            self._grid_dirty = False
            self._show_activations()

    def _display_grid(self, layer: str, act: np.ndarray, grid) -> None:
        self._grid = grid
        self.act_view.set_image(grid.image)
        dead = int(grid.dead.sum())
        text = self.tr("<b>{0}</b>: {1} channels of {2}×{3}, one tile per channel. "
                       "Bright = strong activation.").format(layer, act.shape[2], act.shape[1], act.shape[0])
        if dead:
            text += " " + self.tr("Flat channels (dark grey): {0} — nothing in this image activates them.").format(dead)
        self.act_title.setText(text)

    @Slot(int, int)
    def _on_channel_clicked(self, x: int, y: int) -> None:
        if self._grid is None:
            return
        channel = self._grid.channel_at(x, y)
        if channel is None:
            return
        self.show_channel(channel)

    def show_channel(self, channel: int) -> None:
        from cnnexplorer.ml.viz.activations import normalize_channels

        act_key, _ = self._keys()
        acts = self._act_cache.get(act_key)
        layer = self._current_act_layer()
        if acts is None or layer is None:
            return
        act = acts.layers[layer][:, :, channel:channel + 1]
        levels, dead = normalize_channels(act)
        rgb = imaging.apply_colormap(levels[0].astype(np.float32) / 255.0, self.act_cmap.currentText())
        self.channel_view.set_image(rgb)
        values = act[:, :, 0]
        state = self.tr("flat: this channel does not respond to this image") if dead[0] else \
            self.tr("values {0:.3g} to {1:.3g}").format(float(values.min()), float(values.max()))
        self.channel_title.setText(self.tr("<b>{0}</b>, channel {1}<br>{2}").format(layer, channel, state))

    # ------------------------------------------------------------------ Grad-CAM
    @Slot(int)
    def _on_cam_params(self, _index: int) -> None:
        self._request_analysis()

    @Slot()
    def _show_gradcam(self, *_args) -> None:
        _, cam_key = self._keys()
        cam = self._cam_cache.get(cam_key)
        if cam is None or self._prepared is None:
            return
        if isinstance(cam, str):
            self.cam_text.setText(cam)
            for view in self.cam_views.values():
                view.set_image(None)
            self.cam_views["image"].set_image(self._prepared.display)
            return
        from cnnexplorer.ml.viz import gradcam, inputs

        names = self._class_names
        probs = inputs.probabilities(np.asarray(cam.scores)[None], cam.final_activation)[0]
        cmap = self.cam_cmap.currentText()
        opacity = self.cam_opacity.value() / 100.0
        display = self._prepared.display
        self.cam_views["image"].set_image(display)
        self.cam_views["heatmap"].set_image(gradcam.heatmap_image(cam.heatmap, cmap))
        self.cam_views["overlay"].set_image(gradcam.overlay_image(display, cam.heatmap, cmap, opacity))
        text = self.tr("Explaining <b>{0}</b> ({1:.1f} %) at layer <b>{2}</b>. The model predicts <b>{3}</b> "
                       "({4:.1f} %).").format(names[cam.class_index], probs[cam.class_index] * 100, cam.layer,
                                              names[cam.predicted], probs[cam.predicted] * 100)
        if cam.empty:
            text += " " + self.tr("No part of the image gives positive evidence for this class, so the heatmap "
                                  "is empty.")
        else:
            text += " " + self.tr("Warm colours mark where the evidence for the class is strongest.")
        self.cam_text.setText(text)

    # ------------------------------------------------------------------ filter patterns
    def _filter_params(self) -> tuple:
        return (self.filter_layer.currentData(), self.filter_first.value(), self.filter_count.value(),
                self.filter_steps.value(), self.filter_seed.value(), 4 if self.filter_jitter.isChecked() else 0,
                self._scaling())

    @Slot()
    def _on_filters_start(self) -> None:
        if self._model is None or self.filter_layer.currentData() is None:
            return
        params = self._filter_params()
        if params in self._filter_cache:
            self._patterns = list(self._filter_cache[params])
            self._show_patterns()
            self.filter_progress.setValue(self.filter_progress.maximum())
            return
        if self._filter_task is not None and self._filter_task.is_running():
            self._filter_task.cancel()
        from cnnexplorer.ml.viz.filters import filter_patterns

        layer, first, count, steps, seed, jitter, scaling = params
        self._patterns = []
        self._filter_key = params
        self.filter_view.set_image(None)
        self.filter_view.set_placeholder(self.tr("Growing patterns from noise…"))
        self.filter_progress.setRange(0, 0)
        self._filter_task = workers.Task(filter_patterns, self._model, layer, first=first, count=count, steps=steps,
                                         seed=seed, jitter=jitter, scaling=scaling, size=128, chunk=8,
                                         name="visualize-filters")
        self._filter_task.events.connect(self._on_filter_events)
        self._filter_task.finished.connect(self._on_filters_done)
        self._filter_task.failed.connect(self._on_filters_failed)
        self._filter_task.done.connect(self._on_filters_ended)
        self.filter_start.setEnabled(False)
        self.filter_stop.setEnabled(True)
        self._filter_task.start()

    @Slot()
    def _on_filters_stop(self) -> None:
        if self._filter_task is not None:
            self._filter_task.cancel()

    @Slot(list)
    def _on_filter_events(self, events: list) -> None:
        if self.sender() is not self._filter_task:
            return
        new = False
        for e in events:
            if e.kind == "item" and e.payload is not None:
                self._patterns.append(e.payload)
                new = True
            elif e.kind == "step":
                if e.total:
                    self.filter_progress.setRange(0, e.total)
                    self.filter_progress.setValue(e.step)
                self.filter_progress.setFormat(e.message or "%p%")
        if new:
            self._show_patterns()

    @Slot(object)
    def _on_filters_done(self, result) -> None:
        if self.sender() is not self._filter_task:
            return
        self._patterns = list(result.patterns)
        self._filter_cache[self._filter_key] = list(result.patterns)
        self._show_patterns()
        self._summarise_filters(result)

    def _summarise_filters(self, result) -> None:
        dead = [p.filter for p in result.patterns if p.dead]
        flat = [p.filter for p in result.patterns if not p.dead and p.plain]
        h, w, _ = result.size
        text = self.tr("{0} patterns of {1} at {2}×{3} ({4}, {5:.1f} ms per filter-step). Bright = the filter "
                       "wants light there, dark = it wants dark.").format(
            len(result.patterns), result.layer, w, h, result.mode, result.seconds_per_filter_step * 1000)
        if flat:
            text += " " + self.tr("Plain tiles ({0}): those filters respond most to overall brightness "
                                  "(or darkness) rather than to a shape.").format(", ".join(map(str, flat)))
        if dead:
            text += " " + self.tr("Darkened tiles are dead filters (no input made them respond): {0}.").format(
                ", ".join(map(str, dead)))
        self.filter_note.setText(text)

    @Slot(object)
    def _on_filters_failed(self, exc: BaseException) -> None:
        if self.sender() is self._filter_task:
            self.report_error(exc)

    @Slot()
    def _on_filters_ended(self) -> None:
        if self.sender() is not self._filter_task:
            return
        self.filter_start.setEnabled(True)
        self.filter_stop.setEnabled(False)
        if self.filter_progress.maximum() == 0:
            self.filter_progress.setRange(0, 1)
        if self._filter_task.outcome == "cancelled":
            self.filter_progress.setFormat(self.tr("Stopped"))

    def _show_patterns(self) -> None:
        from cnnexplorer.ml.viz.filters import patterns_grid

        if self._patterns:
            self.filter_view.set_image(patterns_grid(self._patterns, cols=8, min_tile=64))

    # ------------------------------------------------------------------ export
    def _save_png(self, image: np.ndarray | None, default: str) -> None:
        if image is None:
            self.report_error(UserError("There is nothing to export yet: choose an image and wait for the result."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PNG"), default, self.tr("PNG images (*.png)"))
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            imaging.save_png(path, image)
        except UserError as exc:
            self.report_error(exc)

    @Slot()
    def _on_export_activations(self) -> None:
        layer = (self._current_act_layer() or "layer").replace("/", "_")
        self._save_png(self._grid.image if self._grid is not None else None, f"activations_{layer}.png")

    @Slot()
    def _on_export_filters(self) -> None:
        self._save_png(self.filter_view.image(), "filter_patterns.png")

    @Slot()
    def _on_export_gradcam(self) -> None:
        self._save_png(self.cam_views["overlay"].image(), "gradcam.png")

    # ------------------------------------------------------------------ misc
    @Slot(int)
    def _on_view_changed(self, index: int) -> None:
        if VIEWS[index] == "gradcam":
            self._show_gradcam()

    @Slot()
    def _on_quick_model(self) -> None:
        from cnnexplorer.ml.viz.demo import quick_mnist_model

        self.quick_button.setEnabled(False)
        self.quick_progress.setVisible(True)
        self.quick_progress.setRange(0, 0)
        self._quick_task = workers.Task(quick_mnist_model, name="visualize-quick-model")
        self._quick_task.events.connect(self._on_quick_events)
        self._quick_task.finished.connect(self._on_quick_done)
        self._quick_task.failed.connect(self._on_quick_failed)
        self._quick_task.start()

    @Slot(list)
    def _on_quick_events(self, events: list) -> None:
        last = events[-1]
        if last.total:
            self.quick_progress.setRange(0, last.total)
            self.quick_progress.setValue(last.step)

    @Slot(object)
    def _on_quick_done(self, model) -> None:
        self.quick_button.setEnabled(True)
        self.quick_progress.setVisible(False)
        self.session.set_model(model, self.tr("MNIST CNN (quick: 1 epoch on 2,000 digits)"), "trained")

    @Slot(object)
    def _on_quick_failed(self, exc: BaseException) -> None:
        self.quick_button.setEnabled(True)
        self.quick_progress.setVisible(False)
        self.report_error(exc)

    def select_view(self, name: str) -> None:
        self.views.setCurrentIndex(VIEWS.index(name))

    def shutdown(self) -> None:
        for task in (self._model_task, self._analysis_task, self._filter_task, self._quick_task, self._grid_task,
                     self._file_task):
            if task is not None and task.is_running():
                task.cancel()

    def prepare_screenshot(self) -> None:
        """A model and an image, computed synchronously. CNNEXPLORER_VIZ_VIEW picks the view
        (activations, filters, gradcam), CNNEXPLORER_VIZ_IMAGE the image (a sample name, or "digit")."""
        from cnnexplorer.ml.viz.demo import quick_mnist_model
        from cnnexplorer.ml.viz.filters import filter_patterns

        view = os.environ.get("CNNEXPLORER_VIZ_VIEW", "gradcam")
        image = os.environ.get("CNNEXPLORER_VIZ_IMAGE", "digit")
        if self.session.model is None:
            self.bridge.changed.disconnect(self._on_session_changed)
            self.session.set_model(quick_mnist_model(), self.tr("MNIST CNN (quick: 1 epoch on 2,000 digits)"),
                                   "trained")
            self.bridge.changed.connect(self._on_session_changed)
            self._model = self.session.model
        info = self.session.model_name
        self._apply_facts(describe_model(self._model, info.source if info else None))
        self._apply_image()
        if self._analysis_task is not None:
            self._analysis_task.wait()
        if image == "digit":
            self.source_combo.setCurrentIndex(1)
            self.index_spin.setValue(1)
        else:
            self.source_combo.setCurrentIndex(0)
            self.sample_combo.setCurrentIndex(self._sample_index(image))
        self._run_analysis_now()
        if self._grid is not None and self._grid.count > 5:
            self.show_channel(5)
        self.select_view(view)
        if view == "filters":
            params = self._filter_params()
            layer, first, count, steps, seed, jitter, scaling = params
            result = filter_patterns(self._model, layer, first=first, count=count, steps=steps, seed=seed,
                                     jitter=jitter, scaling=scaling, size=128)
            self._filter_cache[params] = list(result.patterns)
            self._filter_key = params
            self._patterns = list(result.patterns)
            self._show_patterns()
            self._summarise_filters(result)
            self.filter_progress.setRange(0, 1)
            self.filter_progress.setValue(1)

    def _run_analysis_now(self) -> None:
        """Compute what the current image needs on this thread (screenshots and scripts only)."""
        for task in (self._analysis_task,):
            if task is not None and task.is_running():
                task.cancel()
                task.wait()
        act_key, cam_key = self._keys()
        result = analyse(self._model, self._prepared.x, act_key[-1], self.cam_layer.currentData(),
                         self._cam_class(), act_key, cam_key)
        self._store_analysis(result)
        if self._grid_task is not None:
            self._grid_task.cancel()
            self._grid_task.wait()
        acts = self._act_cache[act_key]
        layer = self._current_act_layer()
        if layer is not None:
            key = (act_key, layer, self.act_cols.value(), self.act_cmap.currentText())
            self._grid_cache[key] = _make_grid(acts.layers[layer], key[2], key[3])
            self._display_grid(layer, acts.layers[layer], self._grid_cache[key])


if __name__ == "__main__":
    raise SystemExit(run_standalone(VisualizeTab))
