"""Grad-CAM view: where in the image the model found evidence for a class, at a chosen convolution layer.

The tab computes the map (with the activations, in its analysis slot) and hands
it over with :meth:`GradCamView.show_cam`; changing the class or the layer says
``params_changed`` so the tab computes again; colours and opacity only redraw.
"""
from __future__ import annotations

import html
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from cnnexplorer.ui.tabs.visualize.controls import WholeTextCombo, compact
from cnnexplorer.ui.tabs.visualize.export import export_png
from cnnexplorer.ui.widgets.flow_layout import FlowLayout, labelled
from cnnexplorer.ui.widgets.viz_image_view import ImageView

COLORMAPS = ("jet", "viridis", "inferno", "magma", "hot", "gray")


class GradCamView(QWidget):
    """Class and layer to explain, colours and opacity; the image, the heatmap and the two together."""

    params_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._facts: Any = None
        self._shown: tuple | None = None  # (cam or problem text, display image) on screen
        lay = QVBoxLayout(self)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Explain class"), self))
        self.class_combo = compact(QComboBox(self), 16)
        self.class_combo.currentIndexChanged.connect(self._on_params)
        controls.addWidget(self.class_combo, 1)
        lay.addLayout(controls)
        # second row: the layer and the drawing options, wrapping onto a third row rather than squeezing
        # a slider to a knob or pushing the tab past a projector's width with presentation-size text
        options = FlowLayout(spacing=12, line_spacing=6)
        self.layer = labelled(options, self.tr("Layer"), WholeTextCombo(self))  # the chosen layer, never cut
        self.layer.setToolTip(self.tr("Automatic: the last convolution layer. Earlier layers give finer maps."))
        self.layer.currentIndexChanged.connect(self._on_params)
        self.cmap = labelled(options, self.tr("Colours"), QComboBox(self))
        for name in COLORMAPS:
            self.cmap.addItem(name)
        self.cmap.currentIndexChanged.connect(self.redraw)
        self.opacity = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity.setRange(0, 100)
        self.opacity.setValue(45)
        self.opacity.setFixedWidth(8 * self.fontMetrics().height())
        self.opacity.valueChanged.connect(self.redraw)
        labelled(options, self.tr("Opacity"), self.opacity)
        self.export_button = QPushButton(self.tr("Export PNG…"), self)
        self.export_button.clicked.connect(self._on_export)
        options.addWidget(self.export_button)
        lay.addLayout(options)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.text)
        images = QHBoxLayout()
        self.views: dict[str, ImageView] = {}
        for key, caption in (("image", self.tr("Image the model saw")), ("heatmap", self.tr("Heatmap")),
                             ("overlay", self.tr("Heatmap over the image"))):
            col = QVBoxLayout()
            label = QLabel(caption, self)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            col.addWidget(label)
            view = ImageView(self, "")
            view.set_top_aligned(True)  # right under its caption, the three side by side
            col.addWidget(view, 1)
            images.addLayout(col)
            self.views[key] = view
        lay.addLayout(images, 1)

    def set_facts(self, facts: Any) -> None:
        """A new model: its spatial layers to choose from, its class names."""
        self._facts = facts
        self._shown = None
        self.layer.blockSignals(True)
        self.layer.clear()
        auto = self.tr("{0} (automatic)").format(facts.last_conv) if facts.last_conv \
            else self.tr("automatic")
        self.layer.addItem(auto, None)
        for info in facts.layers:
            if info.is_spatial:
                self.layer.addItem(info.path, info.path)
        self.layer.blockSignals(False)
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        self.class_combo.addItem(self.tr("the predicted class (top-1)"), None)
        # one call for all the names (a thousand addItem calls block the GUI thread ~5 ms); the class of
        # item k > 0 is k - 1, see chosen_class()
        self.class_combo.addItems([f"{i}: {n}" for i, n in enumerate(facts.class_names)])
        self.class_combo.blockSignals(False)

    def chosen_class(self) -> int | None:
        """The class chosen for Grad-CAM, or None for the predicted class."""
        index = self.class_combo.currentIndex()
        return index - 1 if index > 0 else None

    def chosen_layer(self) -> str | None:
        """The layer chosen, or None for the last convolution."""
        return self.layer.currentData()

    @Slot(int)
    def _on_params(self, _index: int) -> None:
        self.params_changed.emit()

    def show_cam(self, cam: Any, display: np.ndarray) -> None:
        """``cam``: an ml.viz.gradcam.GradCam, or the sentence saying why there is none; ``display``: the image."""
        self._shown = (cam, display)
        self.redraw()

    @Slot()
    def redraw(self, *_args) -> None:
        if self._shown is None:
            return
        cam, display = self._shown
        if isinstance(cam, str):
            self.text.setText(cam)
            for view in self.views.values():
                view.set_image(None)
            self.views["image"].set_image(display)
            return
        from cnnexplorer.ml.viz import gradcam, inputs

        names = self._facts.class_names
        probs = inputs.probabilities(np.asarray(cam.scores)[None], cam.final_activation)[0]
        cmap = self.cmap.currentText()
        self.views["image"].set_image(display)
        self.views["heatmap"].set_image(gradcam.heatmap_image(cam.heatmap, cmap))
        self.views["overlay"].set_image(gradcam.overlay_image(display, cam.heatmap, cmap, self.opacity.value() / 100))
        text = self.tr("Explaining <b>{0}</b> ({1:.1f} %) at layer <b>{2}</b>. The model predicts <b>{3}</b> "
                       "({4:.1f} %).").format(names[cam.class_index], probs[cam.class_index] * 100, cam.layer,
                                              names[cam.predicted], probs[cam.predicted] * 100)
        if cam.empty:
            text += " " + self.tr("No part of the image gives positive evidence for this class, so the heatmap "
                                  "is empty.")
        else:
            text += " " + self.tr("Warm colours mark where the evidence for the class is strongest.")
        from cnnexplorer.ml.viz.analysis import cam_resolution_note

        note = cam_resolution_note(self._facts.layers, cam.layer, display.shape)
        self.text.setText(text + ("<br>" + html.escape(note) if note else ""))

    @Slot()
    def _on_export(self) -> None:
        export_png(self, self.views["overlay"].image(), "gradcam.png")
