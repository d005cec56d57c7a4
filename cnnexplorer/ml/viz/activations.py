"""Intermediate activations: every chosen layer's output from ONE forward pass, shown as channel grids.

The forward function for a (model, set of layers) is compiled once and cached,
and the same pass also yields the class scores, so the prediction shown beside
the image costs nothing extra.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cnnexplorer.core import images as imaging
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import check_cancel, report
from cnnexplorer.core.tiles import TileLayout
from cnnexplorer.ml.runtime import tf
from cnnexplorer.ml.viz import graph

COLS = 16  # channels per row, as in the tutorial


@dataclass
class Activations:
    layers: dict[str, np.ndarray]  # path -> float32 (h, w, C) for one image
    scores: np.ndarray  # (classes,) before softmax
    final_activation: str


@dataclass(frozen=True, eq=False)
class Grid(TileLayout):
    """Channel tiles laid out in a grid (the geometry is :class:`~cnnexplorer.core.tiles.TileLayout`'s, which the
    widget drawing it uses as it is), with what is needed to map a click to a channel."""

    image: np.ndarray  # uint8 RGB
    dead: np.ndarray  # bool per channel: flat map (nothing to show)

    def channel_at(self, x: int, y: int) -> int | None:
        """Channel index under pixel (x, y) of ``image``, or None on padding/outside."""
        return self.tile_at(x, y)


def default_layers(model: Any) -> list[str]:
    """The convolution and pooling layers (also inside nested models): the tutorial's choice."""
    return [info.path for info in graph.list_layers(model) if info.is_conv or info.is_pool]


def spatial_layers(model: Any) -> list[graph.LayerInfo]:
    """Layers whose output is a stack of 2-D maps, i.e. what an activation grid can show."""
    return [info for info in graph.list_layers(model) if info.is_spatial]


def _forward_fn(model: Any, paths: tuple[str, ...]):
    def build():
        tapper = graph.Tapper(model, paths, need_scores=True)
        # one signature with a free batch axis: traced once (tracing holds Python's GIL for a while)
        spec = tf().TensorSpec((None,) + tuple(graph.input_shape(model)), "float32")

        @tf().function(input_signature=[spec], autograph=False)
        def forward(x):
            taps, scores = tapper(x)
            return [tf().cast(t, "float32") for t in taps], tf().cast(scores, "float32")

        forward.tapper = tapper
        return forward

    return graph.cached_function(model, ("activations", paths), build)


def compute_activations(model: Any, x: np.ndarray, layers: Sequence[str] | None = None,
                        progress=None, cancel=None) -> Activations:
    """Outputs of ``layers`` (default: conv and pooling layers) for one prepared image ``x`` (1, H, W, C)."""
    paths = tuple(layers) if layers is not None else tuple(default_layers(model))
    infos = {info.path: info for info in graph.list_layers(model)}
    for p in paths:
        if p not in infos:
            raise UserError(translate("activations", "The model has no layer {layer!r}. Choose one of: {names}.")
                            .format(layer=p, names=", ".join(infos)))
        if not infos[p].is_spatial:
            raise UserError(translate(
                "activations", "Layer {layer} ({kind}) outputs {shape}, not a stack of 2-D maps, so there is no "
                "activation grid to show; choose a convolution or pooling layer.").format(
                layer=p, kind=infos[p].kind, shape=infos[p].shape))
    check_cancel(cancel)
    report(progress, "step", 0, 1, translate("activations", "Running the model once…"))
    fn = _forward_fn(model, paths)
    taps, scores = fn(tf().constant(np.asarray(x, dtype=np.float32)))
    check_cancel(cancel)
    report(progress, "step", 1, 1, translate("activations", "Activations ready"))
    return Activations(
        layers={p: t.numpy()[0] for p, t in zip(paths, taps)},
        scores=scores.numpy()[0],
        final_activation=fn.tapper.final_activation,
    )


def normalize_channels(act: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per-channel display levels for (h, w, C) maps: standardise, ×64 + 128, clip (the tutorial's recipe).

    Returns (uint8 (C, h, w), dead mask). A flat channel (a "dead" ReLU) becomes
    uniform mid-grey instead of NaN. Scaling a channel by a positive constant
    does not change its tile.
    """
    a = np.nan_to_num(np.asarray(act, dtype=np.float64)).transpose(2, 0, 1)  # (C, h, w)
    mean = a.mean(axis=(1, 2), keepdims=True)
    std = a.std(axis=(1, 2), keepdims=True)
    scale = np.maximum(np.abs(a).max(axis=(1, 2), keepdims=True), 1e-30)
    dead = (std <= 1e-6 * scale) | (std < 1e-20)
    z = np.where(dead, 0.0, (a - mean) / np.where(dead, 1.0, std))
    levels = np.clip(z * 64.0 + 128.0, 0, 255).astype(np.uint8)
    return levels, dead.reshape(-1)


def tile(levels: np.ndarray, cols: int = COLS, pad: int = 1, pad_value: int = 0) -> tuple[np.ndarray, int, int]:
    """Lay (C, h, w) tiles out in rows of ``cols`` with one reshape/transpose; returns (grid, rows, cols)."""
    c, h, w = levels.shape[:3]
    cols = max(1, min(cols, c))
    rows = -(-c // cols)
    extra = levels.shape[3:]
    padded = np.full((rows * cols, h + pad, w + pad) + extra, pad_value, dtype=levels.dtype)
    padded[:c, :h, :w] = levels
    grid = padded.reshape((rows, cols, h + pad, w + pad) + extra)
    grid = grid.transpose((0, 2, 1, 3) + tuple(range(4, 4 + len(extra))))
    grid = grid.reshape((rows * (h + pad), cols * (w + pad)) + extra)
    out = np.full((grid.shape[0] + pad, grid.shape[1] + pad) + extra, pad_value, dtype=levels.dtype)
    out[pad:, pad:] = grid
    return out, rows, cols


def activation_grid(act: np.ndarray, cols: int = COLS, colormap: str = "viridis", min_tile: int = 1,
                    pad: int = 1) -> Grid:
    """An RGB grid image of every channel of one layer's output (h, w, C)."""
    if act.ndim != 3:
        raise UserError(translate("activations", "An activation grid needs a (height, width, channels) output, "
                                  "not shape {shape}.").format(shape=act.shape))
    levels, dead = normalize_channels(act)
    factor = max(1, -(-min_tile // max(1, min(levels.shape[1:]))))
    if factor > 1:
        levels = levels.repeat(factor, axis=1).repeat(factor, axis=2)
    mono, rows, cols = tile(levels, cols, pad=pad, pad_value=0)
    rgb = imaging.apply_colormap(mono.astype(np.float32) / 255.0, colormap)
    # padding is drawn in the window colour (dark grey), not as a colormap value
    mask_tiles, _, _ = tile(np.ones((levels.shape[0],) + levels.shape[1:], dtype=bool), cols, pad=pad, pad_value=False)
    mask = ~mask_tiles
    rgb[mask] = 40
    th, tw = levels.shape[1], levels.shape[2]
    for c in np.flatnonzero(dead):  # flat channels: plain dark grey, so they read as "nothing here"
        r, k = divmod(int(c), cols)
        y, x = pad + r * (th + pad), pad + k * (tw + pad)
        rgb[y:y + th, x:x + tw] = 70
    return Grid(rows, cols, levels.shape[1], levels.shape[2], pad, levels.shape[0], image=rgb, dead=dead)


def stack_grids(grids: Sequence[np.ndarray], titles: Sequence[str], width: int = 1024) -> np.ndarray:
    """Several layer grids one under another, each scaled to ``width`` and headed by its title (for export)."""
    import cv2

    parts = []
    for grid, title in zip(grids, titles):
        scale = width / grid.shape[1]
        h = max(1, int(round(grid.shape[0] * scale)))
        interp = cv2.INTER_NEAREST if scale >= 1 else cv2.INTER_AREA
        body = cv2.resize(grid, (width, h), interpolation=interp)
        head = np.full((34, width, 3), 30, np.uint8)
        cv2.putText(head, title, (8, 24), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (235, 235, 235), 1, cv2.LINE_AA)
        parts += [head, body]
    return np.concatenate(parts, axis=0)
