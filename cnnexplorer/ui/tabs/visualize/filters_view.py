"""Filter-patterns view: images grown from noise so that one filter of a layer responds as strongly as it can.

Runs in its own task slot (a new Show patterns supersedes the running one);
patterns arrive one by one as events and are drawn as they come. Results are
cached per (model, layer, filters, steps, seed, jitter, scaling).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.ui.errors import reporter
from cnnexplorer.ui.tabs.visualize.controls import compact
from cnnexplorer.ui.tabs.visualize.export import export_png
from cnnexplorer.ui.widgets.image_grid import TileGridView, TileLayout
from cnnexplorer.ui.workers import TaskSlot

MIN_TILE, PAD = 64, 2  # small patterns (28×28 digits) are enlarged to at least 64 px; pixels between tiles


class FilterPatternsView(QWidget):
    """Layer, which filters, how long to optimise; Show patterns / Stop; the grid and what it means."""

    def __init__(self, scaling: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scaling = scaling  # the pixel scaling the tab feeds the model
        self._model: Any = None
        self._generation = 0  # which model the cached patterns belong to
        self._cache: dict = {}
        self.patterns: list = []  # ml.viz.filters.FilterPattern on screen
        self.slot = TaskSlot("visualize-filters", self)
        self.slot.events.connect(self._on_events)
        self.slot.finished.connect(self._on_done)
        self.slot.failed.connect(self._on_failed)
        self.slot.done.connect(self._on_ended)

        lay = QVBoxLayout(self)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Layer"), self))
        self.layer = compact(QComboBox(self), 12)
        controls.addWidget(self.layer, 1)
        controls.addWidget(QLabel(self.tr("First filter"), self))
        self.first = QSpinBox(self)
        self.first.setRange(0, 4095)
        controls.addWidget(self.first)
        controls.addWidget(QLabel(self.tr("How many"), self))
        self.count = QSpinBox(self)
        self.count.setRange(1, 64)
        self.count.setValue(16)
        controls.addWidget(self.count)
        controls.addStretch(1)
        lay.addLayout(controls)
        controls = QHBoxLayout()  # second row: a projector's large text does not fit all controls on one
        controls.addWidget(QLabel(self.tr("Steps"), self))
        self.steps = QSpinBox(self)
        self.steps.setRange(1, 500)
        self.steps.setValue(40)
        controls.addWidget(self.steps)
        controls.addWidget(QLabel(self.tr("Seed"), self))
        self.seed = QSpinBox(self)
        self.seed.setRange(0, 9999)
        controls.addWidget(self.seed)
        self.jitter = QCheckBox(self.tr("Jitter"), self)
        self.jitter.setToolTip(self.tr("Shift the image a little at every step: cleaner, less noisy patterns."))
        controls.addWidget(self.jitter)
        controls.addStretch(1)
        lay.addLayout(controls)
        row = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Show patterns"), self)
        self.start_button.clicked.connect(self._on_start)
        row.addWidget(self.start_button)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setEnabled(False)
        self.stop_button.clicked.connect(self._on_stop)
        row.addWidget(self.stop_button)
        self.progress = QProgressBar(self)
        row.addWidget(self.progress, 1)
        self.export_button = QPushButton(self.tr("Export PNG…"), self)
        self.export_button.clicked.connect(self._on_export)
        row.addWidget(self.export_button)
        lay.addLayout(row)
        self.note = QLabel(self.tr(
            "Each tile is an input image grown from grey noise by gradient ascent so that one filter responds "
            "as strongly as it can: what the filter looks for."), self)
        self.note.setWordWrap(True)
        lay.addWidget(self.note)
        self.view = TileGridView(self, self.tr("Choose a convolution layer and press Show patterns."))
        self._refit = QTimer(self)  # after a resize settles: other columns may fit better
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self._show)
        self.view.resized.connect(self._refit.start)
        lay.addWidget(self.view, 1)

    def reset(self) -> None:
        """Forget the model and its patterns (another model is coming)."""
        self.slot.cancel()
        self._model = None
        self._generation += 1
        self._cache.clear()
        self.patterns = []

    def set_model(self, model: Any, layers: list) -> None:
        """A new model (or new weights): forget the patterns, list its convolution layers."""
        self.reset()
        self._model = model
        convs = [i.path for i in layers if i.is_conv]
        self.layer.blockSignals(True)
        self.layer.clear()
        for p in convs:
            self.layer.addItem(p, p)
        self.layer.blockSignals(False)
        self.start_button.setEnabled(bool(convs))
        self.progress.setValue(0)
        self.view.set_grid(None)
        self.view.set_placeholder(
            self.tr("Choose a convolution layer and press Show patterns.") if convs
            else self.tr("This model has no convolution layers, so there are no filter patterns to show."))

    def params(self) -> tuple:
        return (self._generation, self.layer.currentData(), self.first.value(), self.count.value(),
                self.steps.value(), self.seed.value(), 4 if self.jitter.isChecked() else 0, self._scaling())

    @Slot()
    def _on_start(self) -> None:
        if self._model is None or self.layer.currentData() is None:
            return
        params = self.params()
        if params in self._cache:
            self.patterns = list(self._cache[params])
            self._show()
            self.progress.setValue(self.progress.maximum())
            return
        from cnnexplorer.ml.viz.analysis import filter_patterns_for

        self.patterns = []
        self.view.set_grid(None)
        self.view.set_placeholder(self.tr("Growing patterns from noise…"))
        self.progress.setRange(0, 0)
        self.start_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.slot.start(filter_patterns_for, params, self._model)

    def run_now(self) -> None:
        """Grow the patterns on this thread (screenshots)."""
        from cnnexplorer.ml.viz.analysis import filter_patterns_for

        self._store(*filter_patterns_for(self.params(), self._model))
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    @Slot()
    def _on_stop(self) -> None:
        self.slot.cancel()

    @Slot(list)
    def _on_events(self, events: list) -> None:
        new = False
        for e in events:
            if e.kind == "item" and e.payload is not None:
                self.patterns.append(e.payload)
                new = True
            elif e.kind == "step":
                if e.total:
                    self.progress.setRange(0, e.total)
                    self.progress.setValue(e.step)
                self.progress.setFormat(e.message or "%p%")
        if new:
            self._show()

    @Slot(object)
    def _on_done(self, result: tuple) -> None:
        self._store(*result)

    def _store(self, params: tuple, result: Any) -> None:
        self._cache[params] = list(result.patterns)
        self.patterns = list(result.patterns)
        self._show()
        self._summarise(result)

    def _summarise(self, result: Any) -> None:
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
        self.note.setText(text)

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        reporter().report(exc)

    @Slot()
    def _on_ended(self) -> None:
        self.start_button.setEnabled(self.layer.count() > 0)
        self.stop_button.setEnabled(False)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        if self.slot.outcome == "cancelled":
            self.progress.setFormat(self.tr("Stopped"))

    @Slot()
    def _show(self) -> None:
        """The patterns so far, numbered by filter, in as many columns as make them largest in the view."""
        from cnnexplorer.ml.viz.filters import patterns_grid

        if not self.patterns:
            return
        h, w = self.patterns[0].image.shape[:2]
        factor = max(1, -(-MIN_TILE // max(1, min(h, w))))  # as patterns_grid enlarges them
        expected = max(len(self.patterns), self.count.value())  # the layout does not jump as patterns arrive
        cols = min(self.view.fit_columns(expected, w * factor, h * factor, pad=PAD), len(self.patterns))
        layout = TileLayout(-(-len(self.patterns) // cols), cols, h * factor, w * factor, PAD, len(self.patterns))
        self.view.set_grid(patterns_grid(self.patterns, cols=cols, pad=PAD, min_tile=MIN_TILE), layout,
                           [p.filter for p in self.patterns])

    @Slot()
    def _on_export(self) -> None:
        export_png(self, self.view.image(), "filter_patterns.png")
