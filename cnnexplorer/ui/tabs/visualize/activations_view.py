"""Activations view: a layer's feature maps as a grid of tiles; click a tile to enlarge its channel.

The tab computes the activations (one forward pass for all listed layers) and
hands them over with :meth:`ActivationsView.set_activations`; this view turns
the chosen layer into a colour grid (off the GUI thread for big layers such as
VGG16's 224×224×64, in its own task slot, newest request wins) and caches it.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnnexplorer.core import images as imaging
from cnnexplorer.ui.errors import reporter
from cnnexplorer.ui.tabs.visualize.export import export_png
from cnnexplorer.ui.widgets.image_grid import TileGridView
from cnnexplorer.ui.widgets.viz_image_view import ImageView
from cnnexplorer.ui.workers import TaskSlot

GRID_CACHE = 64  # grids kept (a VGG16 block1 grid is ~10 MB)
FIT = 1  # "Channels per row" at its minimum: as many as make the tiles largest in the space there is


class ActivationsView(QWidget):
    """Layer list and grid options on the left; the grid, and the channel clicked, on the right."""

    layers_changed = Signal()  # the list of layers to compute changed (All layers ticked or unticked)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._infos: list = []  # ml.viz.graph.LayerInfo of the model
        self._acts: Any = None  # ml.viz.activations.Activations for the current image, or None
        self._act_key: tuple | None = None
        self._grid_cache: dict = {}
        self.grid: Any = None  # ml.viz.activations.Grid on screen
        self.grid_slot = TaskSlot("visualize-grid", self)
        self.grid_slot.finished.connect(self._on_grid_done)
        self.grid_slot.failed.connect(self._on_grid_failed)

        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Layer"), self))
        self.layer_list = QListWidget(self)
        self.layer_list.setMaximumWidth(320)  # "MaxPooling2D  13×13×32" whole, also with presentation-size text
        self.layer_list.currentRowChanged.connect(self._on_layer_changed)
        left.addWidget(self.layer_list, 1)
        self.all_layers_check = QCheckBox(self.tr("All layers with feature maps"), self)
        self.all_layers_check.setToolTip(self.tr("By default only convolution and pooling layers are listed."))
        self.all_layers_check.toggled.connect(self._on_all_layers_toggled)
        left.addWidget(self.all_layers_check)
        cm = QHBoxLayout()
        cm.addWidget(QLabel(self.tr("Colours"), self))
        self.cmap = QComboBox(self)
        for name in ("viridis", "gray", "inferno", "jet"):
            self.cmap.addItem(name)
        self.cmap.currentIndexChanged.connect(self.render)
        cm.addWidget(self.cmap, 1)
        left.addLayout(cm)
        pr = QHBoxLayout()
        pr.addWidget(QLabel(self.tr("Channels per row"), self))
        self.cols = QSpinBox(self)
        self.cols.setRange(FIT, 64)
        self.cols.setSpecialValueText(self.tr("fit"))
        self.cols.setToolTip(self.tr("\"fit\": as many per row as make the tiles largest in the space there is."))
        self.cols.setValue(FIT)
        self.cols.valueChanged.connect(self.render)
        pr.addWidget(self.cols, 1)
        left.addLayout(pr)
        self.export_button = QPushButton(self.tr("Export PNG…"), self)
        self.export_button.clicked.connect(self._on_export)
        left.addWidget(self.export_button)
        lay.addLayout(left, 0)

        middle = QVBoxLayout()
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        middle.addWidget(self.title)
        self.view = TileGridView(self, self.tr("Choose an image to see what each layer makes of it."))
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        self.view.tile_clicked.connect(self.show_channel)
        self._refit = QTimer(self)  # after a resize settles: other columns may fit better
        self._refit.setSingleShot(True)
        self._refit.setInterval(150)
        self._refit.timeout.connect(self.render)
        self.view.resized.connect(self._on_view_resized)
        middle.addWidget(self.view, 3)
        below = QHBoxLayout()
        self.channel_view = ImageView(self, "", min_side=120)
        self.channel_view.setMaximumWidth(240)
        self.channel_view.setMaximumHeight(240)
        below.addWidget(self.channel_view, 0)
        self.channel_title = QLabel(self.tr("Click a channel in the grid to enlarge it."), self)
        self.channel_title.setWordWrap(True)
        self.channel_title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        below.addWidget(self.channel_title, 1)
        middle.addLayout(below, 2)
        lay.addLayout(middle, 1)

    # ------------------------------------------------------------------ model and layers
    def set_layers(self, infos: list) -> None:
        """The model's layers (ml.viz.graph.LayerInfo); the list shows conv and pooling ones, or all spatial."""
        self._infos = list(infos)
        self.reset()
        self._fill_list()

    def reset(self) -> None:
        """Forget the activations and grids (a new model or new weights)."""
        self.grid_slot.cancel()
        self._grid_cache.clear()
        self._acts = self._act_key = None
        self.grid = None

    def _fill_list(self) -> None:
        previous = self.current_layer()
        show_all = self.all_layers_check.isChecked()
        infos = [i for i in self._infos if (i.is_spatial if show_all else (i.is_conv or i.is_pool))]
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

    def layer_paths(self) -> tuple:
        """The listed layers: what one forward pass computes."""
        return tuple(self.layer_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.layer_list.count()))

    def current_layer(self) -> str | None:
        item = self.layer_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @Slot(int)
    def _on_layer_changed(self, _row: int) -> None:
        self.render()

    @Slot(bool)
    def _on_all_layers_toggled(self, _checked: bool) -> None:
        self._fill_list()
        self.layers_changed.emit()

    # ------------------------------------------------------------------ grid
    def computing(self) -> None:
        self.title.setText(self.tr("Computing…"))

    def failed(self) -> None:
        self.title.setText("")

    def set_activations(self, key: tuple, acts: Any) -> None:
        """The activations of the current image (``key`` identifies them in the grid cache)."""
        self._act_key, self._acts = key, acts
        self.render()

    def _grid_key(self) -> tuple | None:
        layer = self.current_layer()
        if self._acts is None or layer is None or layer not in self._acts.layers:
            return None
        return (self._act_key, layer, self.columns(self._acts.layers[layer].shape), self.cmap.currentText())

    def columns(self, shape: tuple) -> int:
        """Tiles per row for maps of ``shape`` (h, w, channels): the user's number, or what fits the view best."""
        if self.cols.value() != FIT:
            return self.cols.value()
        h, w, channels = shape
        return self.view.fit_columns(channels, w, h, pad=1)

    @Slot()
    def _on_view_resized(self) -> None:
        if self.cols.value() == FIT and self._acts is not None:
            self._refit.start()

    @Slot()
    def render(self, *_args) -> None:
        """Show the current layer's grid: from the cache, or built in the grid slot."""
        key = self._grid_key()
        if key is None:
            return
        grid = self._grid_cache.get(key)
        if grid is not None:
            self._display(key[1], grid)
            return
        from cnnexplorer.ml.viz.analysis import make_grid

        self.grid_slot.request(make_grid, key, self._acts.layers[key[1]], key[2], key[3])

    def render_now(self) -> None:
        """Build and show the current grid on this thread (screenshots)."""
        from cnnexplorer.ml.viz.analysis import make_grid

        key = self._grid_key()
        if key is not None:
            self.grid_slot.cancel()
            self.grid_slot.wait()
            self._store(*make_grid(key, self._acts.layers[key[1]], key[2], key[3]))

    @Slot(object)
    def _on_grid_done(self, result: tuple) -> None:
        self._store(*result)

    def _store(self, key: tuple, grid: Any) -> None:
        if len(self._grid_cache) > GRID_CACHE:
            self._grid_cache.clear()
        self._grid_cache[key] = grid
        if key == self._grid_key():
            self._display(key[1], grid)

    @Slot(object)
    def _on_grid_failed(self, exc: BaseException) -> None:
        reporter().report(exc)

    def _display(self, layer: str, grid: Any) -> None:
        act = self._acts.layers[layer]
        self.grid = grid
        self.view.set_grid(grid.image, grid)  # a Grid is a TileLayout
        dead = int(grid.dead.sum())
        text = self.tr("<b>{0}</b>: {1} channels of {2}×{3}, one tile per channel, numbered from 0. "
                       "Bright = strong activation.").format(layer, act.shape[2], act.shape[1], act.shape[0])
        if dead:
            text += " " + self.tr("Flat channels (dark grey): {0} — nothing in this image activates them.").format(dead)
        self.title.setText(text)

    # ------------------------------------------------------------------ one channel
    @Slot(int)
    def show_channel(self, channel: int) -> None:
        from cnnexplorer.ml.viz.activations import normalize_channels

        layer = self.current_layer()
        if self._acts is None or layer is None or layer not in self._acts.layers:
            return
        act = self._acts.layers[layer][:, :, channel:channel + 1]
        levels, dead = normalize_channels(act)
        rgb = imaging.apply_colormap(levels[0].astype(np.float32) / 255.0, self.cmap.currentText())
        self.channel_view.set_image(rgb)
        values = act[:, :, 0]
        state = self.tr("flat: this channel does not respond to this image") if dead[0] else \
            self.tr("values {0:.3g} to {1:.3g}").format(float(values.min()), float(values.max()))
        self.channel_title.setText(self.tr("<b>{0}</b>, channel {1}<br>{2}").format(layer, channel, state))

    @Slot()
    def _on_export(self) -> None:
        layer = (self.current_layer() or "layer").replace("/", "_")
        export_png(self, self.grid.image if self.grid is not None else None, f"activations_{layer}.png")
