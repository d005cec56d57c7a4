"""AugmentConfig -> Keras 3 preprocessing layers; preview batches; a robustness probe.

The layers and every unit conversion come from
:func:`cnnexplorer.core.augment_config.layer_plan` (degrees -> fraction of a
turn, zoom sign, value ranges ...), so the augmenter built here, the preview in
the tab and the exported Python code all mean the same thing.

Images are RAW pixels 0-255: the augmenter takes float32 batches in that range
and returns float32 in (about) that range; models scale inside their graph.
"""
from __future__ import annotations

import threading

import numpy as np

from cnnexplorer.core import images as imaging
from cnnexplorer.core.augment_config import AugmentConfig, LayerStep, layer_plan
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import ProgressFn, check_cancel, report
from cnnexplorer.ml.runtime import keras

PREVIEW_SIZE = 150  # the tutorial's target_size=(150, 150)


def square_crop(image: np.ndarray, size: int = PREVIEW_SIZE) -> np.ndarray:
    """Centre square of a photo resized to size×size, as flow_from_directory's target_size gives (no TF)."""
    h, w = image.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    return imaging.resize_image(image[top:top + side, left:left + side], size, size)


def suggested_preset(kind: str, input_shape: tuple) -> str:
    """The preset that suits a dataset: none for sequences, no flips for grayscale digits/clothes, the
    tutorial's cats-vs-dogs settings (with flips) for colour photos."""
    if kind != "images":
        return "none"
    if len(input_shape) == 3 and input_shape[-1] == 1:
        return "digits (no flips)"
    return "tutorial (cats vs dogs)"


def _check_fits(config: AugmentConfig, input_shape: tuple) -> None:
    problems = config.fit_problems(tuple(input_shape))
    if problems:
        raise UserError(problems[0])


def _make_layer(k, step: LayerStep, seed: int | None):
    return getattr(k.layers, step.layer)(**step.kwargs, seed=seed, name=f"augment_{step.key}")


def build_augmenter(config: AugmentConfig, input_shape: tuple, seed: int | None = None):
    """A ``keras.Sequential`` of preprocessing layers for images shaped ``input_shape`` (H, W, C).

    Call it as ``aug(x, training=True)`` on float32 batches of raw pixels
    0-255 (with ``training=False`` the layers pass images through unchanged).
    An all-off config gives an empty Sequential: the input comes back as it is.
    ``seed`` makes the random draws reproducible (layer i gets ``seed + i``).

    Raises UserError (naming the setting and the fix) when the config cannot
    apply to this input, e.g. a colour-only transform on grayscale digits.
    """
    if isinstance(config, dict):  # e.g. a training config read from JSON before this class was known
        config = AugmentConfig.from_dict(config)
    config.validate()
    _check_fits(config, input_shape)
    k = keras()
    layers = [_make_layer(k, step, None if seed is None else seed + i) for i, step in enumerate(layer_plan(config))]
    if not layers:  # Keras cannot build or call an empty Sequential: "off" is one Identity layer
        layers = [k.layers.Identity(name="augment_off")]
    model = k.Sequential(layers, name="augmentation")
    model.build((None, *tuple(input_shape)))
    return model


def augment_batch(augmenter, images: np.ndarray) -> np.ndarray:
    """Run an augmenter on a uint8 or float batch (N, H, W, C); returns uint8 (rounded, clipped)."""
    x = np.asarray(images, dtype=np.float32)
    out = augmenter(x, training=True)
    return np.clip(np.rint(np.asarray(out)), 0, 255).astype(np.uint8)


class _LayerCache:
    """Built preview layers, one per (position, layer, arguments), re-seeded before every use.

    Dragging one slider changes one layer's arguments; the other layers are
    reused instead of rebuilt (building a layer creates its seed variable and
    costs a few ms; see benchmarks/augment_preview.py). Re-seeding rewinds a
    layer's SeedGenerator (state = [seed, counter]) to [seed + position, 0],
    which is exactly what ``build_augmenter(config, shape, seed)`` gives, so a
    preview shows what training with that seed would draw.
    """

    MAX_LAYERS = 64

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._layers: dict = {}

    def run(self, config: AugmentConfig, images: np.ndarray, seed: int) -> np.ndarray:
        steps = layer_plan(config)
        if not steps:
            return np.asarray(images).astype(np.uint8, copy=True)
        k = keras()
        with self._lock:  # layers hold random state: one preview at a time
            x = k.ops.convert_to_tensor(np.asarray(images, dtype=np.float32))
            for i, step in enumerate(steps):
                key = (i, step.layer, repr(sorted(step.kwargs.items())))
                layer = self._layers.get(key)
                if layer is None:
                    if len(self._layers) >= self.MAX_LAYERS:
                        self._layers.clear()
                    layer = self._layers[key] = _make_layer(k, step, seed + i)
                else:
                    gen = layer.generator
                    gen.state.assign(np.array([seed + i, 0], dtype=gen.state.dtype))
                x = layer(x, training=True)
            return np.clip(np.rint(k.ops.convert_to_numpy(x)), 0, 255).astype(np.uint8)


_preview_layers = _LayerCache()


def preview(image_uint8: np.ndarray, config: AugmentConfig, count: int = 8, seed: int | None = None,
            progress: ProgressFn | None = None, cancel: threading.Event | None = None) -> list[np.ndarray]:
    """``count`` augmented variants of one uint8 image (H, W, C); the same seed gives the same variants.

    ``seed=None`` draws a fresh random seed (new samples every call).
    """
    image = np.asarray(image_uint8)
    if image.ndim == 2:
        image = image[:, :, None]
    if image.ndim != 3 or image.dtype != np.uint8:
        raise UserError(translate("augment", "The preview needs one uint8 image shaped (height, width, channels)."))
    if not 1 <= count <= 64:
        raise UserError(translate("augment", "The number of variants must be from 1 to 64; got {count}.")
                        .format(count=count))
    if seed is None:
        seed = int(np.random.default_rng().integers(0, 2**31 - 100))
    config = config.validate()
    _check_fits(config, image.shape)
    check_cancel(cancel)
    out = _preview_layers.run(config, np.repeat(image[None], count, axis=0), seed)
    check_cancel(cancel)
    report(progress, "done", 1, 1, translate("augment", "preview ready"))
    return [out[i] for i in range(count)]


def single_transforms(config: AugmentConfig, input_shape: tuple | None = None) -> list[tuple[str, AugmentConfig]]:
    """One config per transformation that is on, each with only that one at its configured strength.

    Transformations that cannot apply to ``input_shape`` (colour on grayscale)
    are left out. Names are the human labels ("rotation ±40°", ...).
    """
    out = []
    for step in layer_plan(config):
        single = AugmentConfig(fill_mode=config.fill_mode, cval=config.cval)
        if step.key == "rotation":
            single.rotation_range = config.rotation_range
        elif step.key == "shift":
            single.width_shift_range, single.height_shift_range = config.width_shift_range, config.height_shift_range
        elif step.key == "shear":
            single.shear_range = config.shear_range
        elif step.key == "zoom":
            single.zoom_range = config.zoom_range
        elif step.key == "flip":
            single.horizontal_flip, single.vertical_flip = config.horizontal_flip, config.vertical_flip
        elif step.key == "brightness":
            single.brightness_range = config.brightness_range
        elif step.key == "contrast":
            single.contrast_range = config.contrast_range
        elif step.key == "saturation":
            single.saturation_range = config.saturation_range
        if input_shape is not None and single.fit_problems(tuple(input_shape)):
            continue
        out.append((step.label, single))
    return out


def _accuracy(model, x: np.ndarray, y: np.ndarray, batch_size: int) -> float:
    probs = np.asarray(model.predict(x, batch_size=batch_size, verbose=0))
    if probs.ndim == 2 and probs.shape[1] > 1:
        pred = probs.argmax(axis=1)
    else:  # one sigmoid unit: binary classifier
        pred = (probs.reshape(len(x)) > 0.5).astype(int)
    return float(np.mean(pred == np.asarray(y).reshape(len(y))))


def robustness_probe(model, x: np.ndarray, y: np.ndarray, config: AugmentConfig,
                     progress: ProgressFn | None = None, cancel: threading.Event | None = None,
                     seed: int = 0, batch_size: int = 128) -> dict[str, float]:
    """Accuracy of ``model`` on ``x`` as given ("original") and under each single transformation of ``config``.

    Teaches why augmentation helps: a model trained without rotation loses
    accuracy on rotated digits, one trained with it much less. ``x`` is uint8
    or float raw pixels shaped like the model's input; ``y`` int class indices.
    Returns {"original": acc, "rotation ±40°": acc, ...} in plan order.
    """
    x = np.asarray(x)
    if x.ndim != 4:
        raise UserError(translate("augment", "The robustness probe needs a batch of images (N, height, width, "
                                             "channels)."))
    model_shape = tuple(model.input_shape[1:]) if hasattr(model, "input_shape") else None
    if model_shape is not None and None not in model_shape and model_shape != tuple(x.shape[1:]):
        raise UserError(
            translate("augment", "The model expects images of shape {model_shape}, but the test images are "
                                 "{data_shape}. Choose the dataset the model was trained on.")
            .format(model_shape=model_shape, data_shape=tuple(x.shape[1:]))
        )
    singles = single_transforms(config, x.shape[1:])
    total = 1 + len(singles)
    results: dict[str, float] = {}
    check_cancel(cancel)
    results["original"] = _accuracy(model, x.astype(np.float32), y, batch_size)
    report(progress, "item", 1, total, "original", metrics={"original": results["original"]})
    for i, (name, single) in enumerate(singles, start=2):
        check_cancel(cancel)
        augmenter = build_augmenter(single, x.shape[1:], seed=seed)
        parts = []
        for start in range(0, len(x), batch_size):
            check_cancel(cancel)
            chunk = x[start:start + batch_size].astype(np.float32)
            parts.append(np.asarray(augmenter(chunk, training=True)))
        results[name] = _accuracy(model, np.concatenate(parts), y, batch_size)
        report(progress, "item", i, total, name, metrics={name: results[name]})
    return results

