"""The Visualize tab: the session's model, one chosen image, and three views of what the model makes of it.

Wiring only. The image comes from :mod:`.image_source`; each view is its own
module (:mod:`.activations_view`, :mod:`.filters_view`, :mod:`.gradcam_view`);
the work is Qt-free in ``ml/viz`` (:mod:`cnnexplorer.ml.viz.analysis`) and runs
in task slots: one reads the model (the last model asked for wins), one runs
the analysis of the image (activations and Grad-CAM in one go; the newest
request runs when the slot is free). Results are cached per (model, image,
scaling, layers, class) so switching views and layers is instant.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core.errors import UserError
from cnnexplorer.ml.viz.analysis import Analysis, ModelFacts
from cnnexplorer.ui.tabs.base import Tab
from cnnexplorer.ui.tabs.visualize.activations_view import ActivationsView
from cnnexplorer.ui.tabs.visualize.demo import DemoModelPage
from cnnexplorer.ui.tabs.visualize.filters_view import FilterPatternsView
from cnnexplorer.ui.tabs.visualize.gradcam_view import GradCamView
from cnnexplorer.ui.tabs.visualize.image_source import ImageSource, ScalingChoice
from cnnexplorer.ui.tabs.visualize.prediction import PredictionPanel
from cnnexplorer.ui.workers import TaskSlot

VIEWS = ("activations", "filters", "gradcam")


class VisualizeTab(Tab):
    key = "visualize"
    title = "Visualize"

    def __init__(self, bridge, parent: QWidget | None = None) -> None:
        super().__init__(bridge, parent)
        self._model: Any = None
        self._generation = 0  # bumped per model: cache keys of an older model never match
        self._facts: ModelFacts | None = None
        self._prepared: Any = None  # ml.viz.inputs.PreparedImage of the current image
        self._act_cache: dict = {}
        self._cam_cache: dict = {}
        self.model_slot = TaskSlot("visualize-describe", self)
        self.model_slot.finished.connect(self._on_model_described)
        self.model_slot.failed.connect(self._on_model_failed)
        self.analysis_slot = TaskSlot("visualize-analyse", self)
        self.analysis_slot.finished.connect(self._on_analysis_done)
        self.analysis_slot.failed.connect(self._on_analysis_failed)
        # the image and the analysis it starts come in the pass of the event loop after the model's facts: one
        # long slot on the GUI thread (lists, combos, decoding, resizing) would stall the window ~20 ms
        self._image_timer = QTimer(self)
        self._image_timer.setSingleShot(True)
        self._image_timer.setInterval(0)
        self._image_timer.timeout.connect(self._apply_image)
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
        if page is not None and self._model is None and not page.isVisible():
            page.resize(self.size())
            page.render(QPixmap(1, 1))

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.pages)
        self.empty = DemoModelPage(self.session, self)
        self.pages.addWidget(self.empty)

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
        self.activations = ActivationsView()
        self.activations.layers_changed.connect(self._request_analysis)
        self.filters = FilterPatternsView(self._scaling)
        self.gradcam = GradCamView()
        self.gradcam.params_changed.connect(self._request_analysis)
        self.views = QTabWidget(splitter)
        self.views.addTab(self.activations, self.tr("Activations"))
        self.views.addTab(self.filters, self.tr("Filter patterns"))
        self.views.addTab(self.gradcam, self.tr("Grad-CAM"))
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
        self.source = ImageSource(panel)
        self.source.changed.connect(self._refresh_image)
        lay.addWidget(self.source)
        lay.addWidget(self.source.view, 2)
        lay.addWidget(self.source.caption_label)
        self.prediction = PredictionPanel(panel)
        lay.addWidget(self.prediction)
        # how pixels are scaled: a setting for the curious, below what the whole class looks at
        self.scaling = ScalingChoice(panel)
        self.scaling.changed.connect(self._refresh_image)
        lay.addWidget(self.scaling)
        lay.addStretch(1)
        return panel

    # ------------------------------------------------------------------ model
    @Slot(str)
    def _on_session_changed(self, field: str) -> None:
        if field == "model":
            self._on_model_changed()
        elif field == "dataset_name" and self._facts is not None:
            self.source.use_dataset(self.session.dataset_name, self._facts.input_shape)
        elif field == "probe_image" and self.session.probe_image is not None:
            self.source.show_probe(self.session.probe_image)

    def _on_model_changed(self) -> None:
        old = self._model
        self._model = self.session.model
        self._generation += 1
        self._facts = None
        self._prepared = None
        self.analysis_slot.cancel()
        self.source.forget_dataset()
        self._act_cache.clear()
        self._cam_cache.clear()
        self.activations.reset()
        self.filters.reset()
        if old is not None:
            try:
                from cnnexplorer.ml.viz import graph

                graph.forget_model(old)  # weights may have changed in place (trained further)
            except Exception:
                pass
        if self._model is None:
            self.model_slot.cancel()
            self._show_empty(self.tr(
                "<h2>No model to look into yet</h2>"
                "<p>Visualize shows what a convolutional network does with an image: the feature maps of each "
                "layer, the patterns its filters look for, and where it looked to decide (Grad-CAM).</p>"
                "<p>Get a model first: <b>train</b> one in the Training tab, <b>open</b> a .keras file with "
                "File › Open model, or <b>compose</b> one in the Pretrained tab.</p>"))
            return
        self.model_label.setText(self.tr("Model: <b>{0}</b> — reading its layers…").format(self._model_name()))
        self.pages.setCurrentIndex(1)
        from cnnexplorer.ml.viz.analysis import describe_model

        info = self.session.model_name
        self.model_slot.start(describe_model, self._model, info.source if info else None, self.session.dataset_name)

    def _model_name(self) -> str:
        info = self.session.model_name
        return info.name if info else getattr(self._model, "name", "model")

    def _show_empty(self, html: str, offer_quick: bool = True) -> None:
        self.empty.show_text(html, offer_quick)
        self.pages.setCurrentIndex(0)

    @Slot(object)
    def _on_model_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            title = self.tr("This model cannot be visualized here")
            self._show_empty(f"<h2>{title}</h2><p>{exc}</p>")
        else:
            self.report_error(exc)

    @Slot(object)
    def _on_model_described(self, facts: ModelFacts) -> None:
        if self._model is None:  # read before the model was taken away (cancelling came too late)
            return
        self._apply_facts(facts)
        self._image_timer.start()

    def _apply_facts(self, facts: ModelFacts) -> None:
        self._facts = facts
        self.pages.setCurrentIndex(1)
        h, w, c = facts.input_shape
        size = f"{w or '?'}×{h or '?'}×{c}"
        if facts.num_classes:
            text = self.tr("Model: <b>{0}</b> — input {1}, {2} classes").format(
                self._model_name(), size, facts.num_classes)
        else:
            text = self.tr("Model: <b>{0}</b> — input {1}, feature maps out (no classifier)").format(
                self._model_name(), size)
        self.model_label.setText(text)
        self.activations.set_layers(facts.layers)
        self.filters.set_model(self._model, facts.layers)
        self.gradcam.set_facts(facts)
        self.source.use_dataset(self.session.dataset_name, facts.input_shape)

    @Slot()
    def _apply_image(self) -> None:
        if self._facts is None:
            return
        if self.source.image is None:
            self.source.choose_default(self._facts.input_shape[2])
        else:
            self._refresh_image()

    # ------------------------------------------------------------------ image
    def _scaling(self) -> str:
        return self.scaling.scaling(self._facts)

    @Slot()
    def _refresh_image(self) -> None:
        if self._facts is None or self.source.image is None or self._model is None:
            return
        from cnnexplorer.ml.viz import inputs

        self.scaling.explain(self._facts)
        try:
            self._prepared = inputs.prepare(self.source.image, self._model, self._scaling())
        except UserError as exc:
            self.report_error(exc)
            return
        self.source.show_prepared(self._prepared.display, self._prepared.notes)
        from cnnexplorer.ml.viz.analysis import out_of_domain_note

        self.prediction.set_note(out_of_domain_note(self.source.image, self._facts.input_shape,
                                                    self._facts.class_names))
        self._request_analysis()

    def load_file(self, path: str) -> None:
        self.source.load_file(path)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.load_file(files[0])

    # ------------------------------------------------------------------ analysis
    def keys(self) -> tuple[tuple, tuple]:
        """(activations key, Grad-CAM key) of what is on screen: model, image, scaling, layers, class."""
        base = (self._generation, self.source.key, self._scaling())
        act_key = base + (self.activations.layer_paths(),)
        cam_key = base + (self.gradcam.chosen_layer(), self.gradcam.chosen_class())
        return act_key, cam_key

    @Slot()
    def _request_analysis(self) -> None:
        if self._prepared is None or self._facts is None:
            return
        act_key, cam_key = self.keys()
        need_act = act_key not in self._act_cache
        need_cam = cam_key not in self._cam_cache
        if not need_act and not need_cam:
            self._show_all()
            return
        from cnnexplorer.ml.viz.analysis import analyse

        self.analysis_slot.request(
            analyse, self._model, self._prepared.x, act_key[-1] if need_act else None,
            self.gradcam.chosen_layer(), self.gradcam.chosen_class(),
            act_key if need_act else None, cam_key if need_cam else None)
        self.activations.computing()

    def run_analysis_now(self) -> None:
        """Compute what the current image needs on this thread (screenshots and scripts only)."""
        from cnnexplorer.ml.viz.analysis import analyse

        self.analysis_slot.cancel()
        self.analysis_slot.wait()
        act_key, cam_key = self.keys()
        self._store_analysis(analyse(self._model, self._prepared.x, act_key[-1], self.gradcam.chosen_layer(),
                                     self.gradcam.chosen_class(), act_key, cam_key))
        self.activations.render_now()

    @Slot(object)
    def _on_analysis_done(self, result: Analysis) -> None:
        self._store_analysis(result)

    def _store_analysis(self, result: Analysis) -> None:
        if result.act_key is not None and result.activations is not None:
            self._act_cache[result.act_key] = result.activations
        if result.cam_key is not None:
            self._cam_cache[result.cam_key] = result.cam if result.cam is not None else result.cam_problem
        self._show_all()

    @Slot(object)
    def _on_analysis_failed(self, exc: BaseException) -> None:
        self.activations.failed()
        self.report_error(exc)

    def _show_all(self) -> None:
        act_key, cam_key = self.keys()
        acts = self._act_cache.get(act_key)
        cam = self._cam_cache.get(cam_key)
        self._show_prediction(acts, cam)
        self.activations.set_activations(act_key, acts)
        if cam is not None and self._prepared is not None:
            self.gradcam.show_cam(cam, self._prepared.display)

    def _show_prediction(self, acts: Any, cam: Any) -> None:
        from cnnexplorer.ml.viz import inputs

        if self._facts is None:  # no model (results are keyed by model, so none arrive for an old one)
            return
        if self._facts.num_classes == 0:  # a convolutional base: feature maps, no class to predict
            self.prediction.show_top([])
            self.prediction.set_note(self.tr("This model ends in feature maps, not in class scores: it predicts no "
                                             "class. Its activations and filter patterns are still worth a look."))
            return
        if acts is not None:
            scores, final = acts.scores, acts.final_activation
        elif cam is not None and not isinstance(cam, str):
            scores, final = cam.scores, cam.final_activation
        else:
            return
        probs = inputs.probabilities(np.asarray(scores)[None], final)[0]
        self.prediction.show_top(inputs.top_k(probs, self._facts.class_names, k=5))

    # ------------------------------------------------------------------ views
    def select_view(self, name: str) -> None:
        self.views.setCurrentIndex(VIEWS.index(name))

    def prepare_screenshot(self) -> None:
        from cnnexplorer.ui.tabs.visualize.screenshot import prepare

        prepare(self)
