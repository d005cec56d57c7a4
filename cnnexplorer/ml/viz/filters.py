"""Filter patterns: the input each convolution filter responds to most, by gradient ascent from noise.

For filter k of a convolution layer we start from a grey noise image and
repeatedly move it along the gradient of the mean *pre-activation* output of
channel k (so a filter whose ReLU output is zero everywhere can still move and
be shown, or be reported as dead). Gradients are normalised per image (RMS),
so filters optimised together in one batch do not influence each other, and a
batch gives the same images as one filter at a time. The image lives in the
model's own input space (grey or colour, 0-255 or 0-1) and the model's own
preprocessing runs inside the graph. Optional jitter (a random shift applied
inside the gradient tape) and blur give cleaner patterns.

On a CPU, batching many filters is not always faster for deep layers (the
step is compute-bound); ``mode="auto"`` measures one step each way once per
(model, layer, size) and keeps the faster.
"""
from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import check_cancel, report
from cnnexplorer.ml.runtime import tf
from cnnexplorer.ml.viz import graph
from cnnexplorer.ml.viz.inputs import CAFFE, CAFFE_MEAN_BGR, RAW, SCALINGS, TF_MODE, UNIT, model_input_size

CHUNK = 16  # filters per batch (limits memory; research: 8-16)


@dataclass
class FilterPattern:
    filter: int
    image: np.ndarray  # uint8 (H, W, C) for display
    start: float  # objective on the initial noise (mean output + 0.01 × mean pre-activation)
    end: float  # objective after the ascent
    dead: bool  # the objective did not rise: nothing in the input excites this filter
    plain: bool = False  # the pattern is nearly uniform: the filter responds to brightness, not to a shape


@dataclass
class FilterPatterns:
    layer: str
    size: tuple[int, int, int]
    mode: str  # "batched" or "looped"
    patterns: list[FilterPattern] = field(default_factory=list)
    seconds_per_filter_step: float = 0.0


def check_filter_layer(model: Any, layer: str):
    """The LayerInfo of a convolution layer, or a UserError saying why this layer has no filter patterns."""
    infos = {info.path: info for info in graph.list_layers(model)}
    if layer not in infos:
        convs = [p for p, i in infos.items() if i.is_conv]
        raise UserError(translate("filters", "The model has no layer {layer!r}. Convolution layers: {names}.").format(
            layer=layer, names=", ".join(convs) or translate("filters", "none")))
    info = infos[layer]
    if not info.is_conv:
        raise UserError(translate(
            "filters", "Layer {layer} is a {kind} layer, not a convolution: filter patterns show what a convolution "
            "filter looks for in an image. Choose a Conv2D layer.").format(layer=layer, kind=info.kind))
    return info


PRE_WEIGHT = 0.01  # weight of the pre-activation term (see ascent_function)


def ascent_function(model: Any, layer: str, scaling: str = RAW):
    """Compiled one-step ascent for (model, layer), built once.

    ``(img, filters, shift, lr, scale) -> (new img, objective, response)``; ``img`` holds pixels
    in [0, 1], mapped to the model's input space (``scaling``) inside the graph; ``scale`` is an
    extra factor (1). The objective
    is the filter's mean output plus a small multiple of its mean *pre-activation* output:
    the output term gives the pattern its shape (for a first layer the pre-activation mean
    is linear in the pixels, so on its own it would only brighten the image), the
    pre-activation term keeps a gradient when the ReLU is closed everywhere, so a filter
    that is silent on noise can still start (a "dead" filter is one whose response stays 0).
    Per-image RMS normalisation turns even that small gradient into a full step.
    """

    def build():
        tapper = graph.Tapper(model, (layer,), need_scores=False, pre_activation=True)
        activation = getattr(graph.get_layer(model, layer), "activation", None)
        tf_ = tf()

        def to_input(x):  # x: pixels in [0, 1] (the optimised image) -> the model's input space
            if scaling == UNIT:
                return x
            if scaling == TF_MODE:
                return x * 2.0 - 1.0
            if scaling == CAFFE:
                return tf_.reverse(x * 255.0, axis=[3]) - tf_.constant(CAFFE_MEAN_BGR, "float32")
            return x * 255.0

        # one signature with a free batch axis: traced once (tracing holds Python's GIL for a while)
        spec = [tf_.TensorSpec((None,) + tuple(graph.input_shape(model)), "float32"), tf_.TensorSpec((None,), "int32"),
                tf_.TensorSpec((2,), "int32"), tf_.TensorSpec((), "float32"), tf_.TensorSpec((), "float32")]

        @tf_.function(input_signature=spec, autograph=False)
        def step(img, filters, shift, lr, scale):
            with tf_.GradientTape() as tape:
                tape.watch(img)
                x = to_input(tf_.roll(img, shift=shift, axis=[1, 2])) * scale
                (pre,), _ = tapper(x)
                pre = tf_.cast(pre, "float32")
                pre = tf_.gather(pre, filters, axis=3, batch_dims=1)  # (B, h, w): each image its own filter
                h, w = pre.shape[1], pre.shape[2]
                if h is not None and w is not None and h >= 32 and w >= 32:
                    pre = pre[:, 2:-2, 2:-2]  # border outputs see padding: leave them out (small maps keep all)
                post = activation(pre) if activation is not None else pre
                response = tf_.reduce_mean(post, axis=[1, 2])
                objective = response + PRE_WEIGHT * tf_.reduce_mean(pre, axis=[1, 2])
                total = tf_.reduce_sum(objective)
            grads = tape.gradient(total, img)
            rms = tf_.sqrt(tf_.reduce_mean(tf_.square(grads), axis=[1, 2, 3], keepdims=True))
            grads = grads / (rms + 1e-8)  # per image: filters in one batch stay independent
            new = tf_.clip_by_value(img + lr * grads, 0.0, 1.0)
            return new, objective, response

        return step

    return graph.cached_function(model, ("filters", layer, scaling), build)


def initial_images(filters: Sequence[int], size: tuple[int, int, int], seed: int) -> np.ndarray:
    """Grey noise, the same for a given (seed, filter) whether run in a batch or alone."""
    h, w, c = size
    out = np.empty((len(filters), h, w, c), dtype=np.float32)
    for i, f in enumerate(filters):
        rng = np.random.RandomState((int(seed) * 100_003 + int(f)) % (2**32))
        out[i] = 0.5 + rng.uniform(-0.1, 0.1, size=(h, w, c))
    return out


def shifts(steps: int, jitter: int, seed: int) -> np.ndarray:
    """One (dy, dx) shift per step, shared by all filters so batched equals looped."""
    if jitter <= 0:
        return np.zeros((steps, 2), dtype=np.int32)
    rng = np.random.RandomState((int(seed) * 7_919 + 17) % (2**32))
    return rng.randint(-jitter, jitter + 1, size=(steps, 2)).astype(np.int32)


def deprocess(img: np.ndarray) -> np.ndarray:
    """One pattern (H, W, C) in [0, 1] as uint8 for display.

    The image is shown as the model saw it (its brightness means something: a plain
    white tile is a filter that wants brightness); only a faint pattern, whose values
    span less than 0.6, gets its contrast raised around its own mean.
    """
    a = np.nan_to_num(img.astype(np.float64))
    lo, hi = np.percentile(a, [1, 99])
    spread = hi - lo
    if spread < 0.6:
        mean = a.mean()
        a = mean + (a - mean) * (0.6 / max(spread, 1e-3))
    return np.clip(a * 255.0, 0, 255).astype(np.uint8)


def is_plain(img: np.ndarray) -> bool:
    """True when the centre of a pattern is nearly uniform (the filter wants brightness, not a shape)."""
    h, w = img.shape[:2]
    centre = img[h // 4: h - h // 4, w // 4: w - w // 4]
    return float(centre.std()) < 0.03


def _blur(batch: np.ndarray, sigma: float) -> np.ndarray:
    out = np.empty_like(batch)
    for i in range(len(batch)):
        b = cv2.GaussianBlur(batch[i], (0, 0), sigmaX=sigma)
        out[i] = b.reshape(batch[i].shape)
    return out


def _run_group(step, imgs, filters, shift_list, lr, scale, blur_every, blur_sigma, cancel, on_step):
    tf_ = tf()
    x = tf_.constant(imgs)
    f = tf_.constant(np.asarray(filters, dtype=np.int32))
    lr_t, scale_t = tf_.constant(lr, "float32"), tf_.constant(scale, "float32")
    start = None
    for s, shift in enumerate(shift_list):
        check_cancel(cancel)
        x, score, _ = step(x, f, tf_.constant(shift), lr_t, scale_t)
        if start is None:
            start = score.numpy()
        if blur_every and (s + 1) % blur_every == 0 and s + 1 < len(shift_list):
            x = tf_.constant(_blur(x.numpy(), blur_sigma))
        on_step()
    check_cancel(cancel)
    _, end, response = step(x, f, tf_.constant(np.zeros(2, np.int32)), tf_.constant(0.0, "float32"), scale_t)
    end = end.numpy()
    if start is None:
        start = end
    return x.numpy(), start, end, response.numpy()


def choose_mode(model: Any, layer: str, size: tuple[int, int, int], scaling: str,
                chunk: int) -> tuple[str, float, float]:
    """Measure one ascent step batched (``chunk`` filters) and alone; (faster mode, s/filter batched, s/filter alone).

    The answer is remembered per (model, layer, size, chunk), so it is measured once.
    """
    store = graph.function_cache.setdefault_dict(model)
    key = ("filters-mode", layer, size, chunk)
    if key in store:
        return store[key]
    step = ascent_function(model, layer, scaling)
    tf_ = tf()
    lr, sc, zero = tf_.constant(0.0), tf_.constant(1.0, "float32"), tf_.constant(np.zeros(2, np.int32))

    def timed(n: int) -> float:
        imgs = tf_.constant(initial_images(range(n), size, 0))
        f = tf_.constant(np.zeros(n, np.int32))
        step(imgs, f, zero, lr, sc)[1].numpy()  # trace / warm up
        best = float("inf")
        for _ in range(2):  # the faster of two: a shared machine adds noise
            t0 = time.perf_counter()
            step(imgs, f, zero, lr, sc)[1].numpy()
            best = min(best, time.perf_counter() - t0)
        return best

    batched = timed(chunk) / chunk
    alone = timed(1)
    result = ("batched" if batched < alone else "looped", batched, alone)
    store[key] = result
    return result


def filter_patterns(model: Any, layer: str, filters: Sequence[int] | None = None, count: int = 16, first: int = 0,
                    size: int = 128, steps: int = 40, seed: int = 0, learning_rate: float = 0.03, jitter: int = 0,
                    blur_every: int = 0, blur_sigma: float = 0.5, scaling: str = RAW, mode: str = "auto",
                    chunk: int = CHUNK, progress=None, cancel=None) -> FilterPatterns:
    """Patterns for ``filters`` (default ``first … first+count-1``) of convolution ``layer``.

    Each finished pattern is also sent as a progress ``payload`` (kind "item"), so a
    window can show them as they come. Deterministic for a given ``seed``.
    """
    info = check_filter_layer(model, layer)
    n_filters = info.channels
    if filters is None:
        if first < 0 or first >= n_filters:
            raise UserError(translate("filters", "Layer {layer} has filters 0 to {last}; {index} is not one of them.")
                            .format(layer=layer, last=n_filters - 1, index=first))
        filters = list(range(first, min(n_filters, first + max(1, count))))
    filters = [int(f) for f in filters]
    bad = [f for f in filters if not 0 <= f < n_filters]
    if bad:
        raise UserError(translate("filters", "Layer {layer} has filters 0 to {last}; {index} is not one of them.")
                        .format(layer=layer, last=n_filters - 1, index=bad[0]))
    if steps < 1:
        raise UserError(translate("filters", "Use at least 1 ascent step."))
    in_size = model_input_size(model, (size, size))
    if scaling not in SCALINGS:
        raise UserError(translate("filters", "Input scaling must be one of {choices}, not {scaling!r}.").format(
            choices=", ".join(SCALINGS), scaling=scaling))
    scale = 1.0
    step = ascent_function(model, layer, scaling)
    shift_list = shifts(steps, jitter, seed)
    chunk = max(1, int(chunk))
    if mode == "auto":
        if len(filters) <= 2:
            mode = "looped"
        else:
            report(progress, "step", 0, 0,
                   translate("filters", "Measuring whether batching filters is faster on this machine…"))
            mode, _, _ = choose_mode(model, layer, in_size, scaling, min(chunk, len(filters)))
    if mode not in ("batched", "looped"):
        raise UserError(translate("filters", "Mode must be auto, batched or looped, not {mode!r}.").format(mode=mode))
    groups = ([filters[i:i + chunk] for i in range(0, len(filters), chunk)] if mode == "batched"
              else [[f] for f in filters])
    result = FilterPatterns(layer=layer, size=in_size, mode=mode)
    relu_like = graph.activation_name(graph.get_layer(model, layer)) in (
        "relu", "relu6", "elu", "selu", "gelu", "silu", "swish")
    total = steps * len(filters)
    done = [0]
    t0 = time.perf_counter()
    for group in groups:
        def on_step(n: int = len(group)) -> None:
            done[0] += n
            text = translate("filters", "Filter patterns of {layer}: {done} of {count}")
            report(progress, "step", done[0], total,
                   text.format(layer=layer, done=done[0] // steps, count=len(filters)))

        imgs, start, end, response = _run_group(step, initial_images(group, in_size, seed), group, shift_list,
                                                learning_rate, scale, blur_every, blur_sigma, cancel, on_step)
        for i, f in enumerate(group):
            rise = float(end[i]) - float(start[i])
            # dead: the ascent found no input that makes the filter respond
            dead = (not np.isfinite(rise) or rise <= 1e-6 * (1.0 + abs(float(start[i])))
                    or (relu_like and response[i] <= 1e-6))
            pattern = FilterPattern(f, deprocess(imgs[i]), float(start[i]), float(end[i]), bool(dead),
                                    is_plain(imgs[i]))
            result.patterns.append(pattern)
            report(progress, "item", len(result.patterns), len(filters), f"filter {f}", payload=pattern)
    elapsed = time.perf_counter() - t0
    result.seconds_per_filter_step = elapsed / max(1, total)
    return result


def patterns_grid(patterns: Sequence[FilterPattern], cols: int = 8, pad: int = 2, min_tile: int = 64) -> np.ndarray:
    """The patterns tiled into one RGB image (dead filters drawn darker)."""
    from cnnexplorer.core import images as imaging

    tiles = []
    for p in patterns:
        img = p.image
        if img.shape[2] == 1:
            img = np.repeat(img, 3, axis=2)
        if p.dead:
            img = (img.astype(np.float32) * 0.35).astype(np.uint8)
        factor = max(1, -(-min_tile // max(1, min(img.shape[:2]))))
        if factor > 1:
            img = img.repeat(factor, axis=0).repeat(factor, axis=1)
        tiles.append(img)
    return imaging.image_grid(tiles, cols=cols, pad=pad, pad_value=40)
