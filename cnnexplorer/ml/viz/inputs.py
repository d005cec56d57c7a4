"""Prepare an image the way a model expects it, and name what the model predicts.

App convention: image models take raw pixel values 0-255 as float32 and scale
inside the graph (``Rescaling(1/255)`` first, or the architecture's own
``preprocess_input`` wrapped inside the model). A model opened from a file may
instead expect values in [0, 1]; :func:`detect_scaling` guesses and the user
can override.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from cnnexplorer.core import images as imaging
from cnnexplorer.core.errors import ImageError, UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.image_header import MAX_PIXELS
from cnnexplorer.core.resources import resource_path
from cnnexplorer.ml.viz import graph

RAW = "0-255"  # raw pixel values, the app's convention
UNIT = "0-1"  # pixels divided by 255 before the model sees them
CAFFE = "caffe"  # keras.applications preprocess_input for VGG16/VGG19/ResNet50: RGB->BGR, minus the ImageNet mean
TF_MODE = "-1-1"  # keras.applications preprocess_input for Inception/Xception/MobileNet: pixels/127.5 - 1
SCALINGS = (RAW, UNIT, CAFFE, TF_MODE)
CAFFE_MEAN_BGR = (103.939, 116.779, 123.68)
# Top-level names of bare keras.applications models (no preprocessing inside) and the input they expect.
APPLICATION_MODES = {"vgg16": CAFFE, "vgg19": CAFFE, "resnet50": CAFFE, "resnet101": CAFFE, "resnet152": CAFFE,
                     "inception_v3": TF_MODE, "xception": TF_MODE, "mobilenet": TF_MODE, "mobilenetv2": TF_MODE,
                     "inception_resnet_v2": TF_MODE}


def application_mode(model: Any) -> str | None:
    """The preprocess_input mode of a bare keras.applications model (by its name), else None."""
    name = getattr(model, "name", "").lower()
    for key, mode in APPLICATION_MODES.items():
        if name == key or (key.startswith("mobilenet") and name.startswith(key + "_")):
            return mode
    return None


def to_model_input(pixels: np.ndarray, scaling: str) -> np.ndarray:
    """Raw 0-255 float pixels (..., H, W, C) -> what the model takes, for each scaling."""
    x = np.asarray(pixels, dtype=np.float32)
    if scaling == UNIT:
        return x / 255.0
    if scaling == TF_MODE:
        return x / 127.5 - 1.0
    if scaling == CAFFE:
        if x.shape[-1] != 3:
            raise UserError(translate("viz_inputs", "Caffe-style preprocessing (VGG16, ResNet50) needs colour images; "
                                      "choose another scaling."))
        return x[..., ::-1] - np.asarray(CAFFE_MEAN_BGR, np.float32)
    return x

MIN_SIDE = 8  # smaller images hold nothing a convnet can look at
# the app's one pixel cap (core.images refuses larger files before decoding; arrays from elsewhere are checked here)


@dataclass
class PreparedImage:
    """An image fitted to a model: ``display`` is what to draw, ``x`` what to feed."""

    display: np.ndarray  # uint8 (H, W, C) at the model's input size, model's channel count
    x: np.ndarray  # float32 (1, H, W, C) in the model's input scale
    scaling: str
    notes: list[str] = field(default_factory=list)  # conversions made, for the user


@dataclass
class Prediction:
    index: int
    name: str
    probability: float


def detect_scaling(model: Any, source: str | None = None) -> tuple[str, str]:
    """(scaling, reason): 0-255 if the model rescales inside (or is one of the app's), else 0-1.

    A bare keras.applications model (VGG16, ResNet50, ...) gets its architecture's own
    ``preprocess_input``.
    """
    mode = application_mode(model)
    if mode is not None and not first_layer_rescales(model):
        what = translate("viz_inputs", "RGB->BGR minus the ImageNet mean (caffe)") if mode == CAFFE \
            else "pixels/127.5 - 1"
        return mode, translate("viz_inputs", "{name} is a keras.applications model without preprocessing inside: "
                               "using its own ({what})").format(name=model.name, what=what)
    if first_layer_rescales(model):
        return RAW, translate("viz_inputs", "the model starts with a Rescaling or preprocessing layer, so it takes "
                              "raw pixels 0-255")
    if source in ("built", "trained", "pretrained"):
        return RAW, translate("viz_inputs", "models made in CNN Explorer take raw pixels 0-255 and scale inside")
    return UNIT, translate("viz_inputs", "the model has no Rescaling layer at its start, so it probably expects "
                           "pixels scaled to 0-1; if its predictions look wrong, try 0-255")


def first_layer_rescales(model: Any) -> bool:
    """True if the first layer (looking into a nested first model) rescales or normalises pixels."""
    layers = [info for info in graph.list_layers(model)]
    for info in layers[:3]:
        if info.kind in ("Rescaling", "Normalization") or "preprocess" in info.path.lower():
            return True
    return False


def model_input_size(model: Any, image_shape: Sequence[int] | None = None, default: int = 224) -> tuple[int, int, int]:
    """(H, W, C) to feed; free (None) dimensions take the image's size, capped for speed."""
    h, w, c = graph.require_image_model(model)
    if h is None or w is None:
        if image_shape is not None:
            scale = min(1.0, 512 / max(image_shape[0], image_shape[1]))
            h = h or max(MIN_SIDE * 4, int(round(image_shape[0] * scale)))
            w = w or max(MIN_SIDE * 4, int(round(image_shape[1] * scale)))
        else:
            h, w = h or default, w or default
    return int(h), int(w), int(c)


def check_image(image: np.ndarray) -> np.ndarray:
    """Validate a loaded image array: uint8-able, (H, W[, C]), not tiny, not gigantic."""
    arr = np.asarray(image)
    if arr.ndim == 2:
        arr = arr[:, :, None]
    if arr.ndim != 3 or arr.shape[2] not in (1, 3, 4):
        raise ImageError(translate("viz_inputs", "An image of shape {shape} cannot be shown; use a grayscale or "
                                   "colour picture.").format(shape=arr.shape))
    if arr.shape[2] == 4:
        arr = arr[:, :, :3]
    h, w = arr.shape[:2]
    if min(h, w) < MIN_SIDE:
        raise ImageError(translate(
            "viz_inputs", "The image is only {width}×{height} pixels, too small to show anything; choose one at "
            "least {side}×{side}.").format(width=w, height=h, side=MIN_SIDE))
    if h * w > MAX_PIXELS:
        raise ImageError(translate(
            "viz_inputs", "The image is {width}×{height} pixels ({megapixels:.0f} megapixels), too large to process; "
            "shrink it to {limit:.0f} megapixels or less first.").format(width=w, height=h, megapixels=h * w / 1e6,
                                                                         limit=MAX_PIXELS / 1e6))
    if arr.dtype != np.uint8:
        if np.issubdtype(arr.dtype, np.floating) and arr.size and float(np.nanmax(arr)) <= 1.0:
            arr = arr * 255.0
        arr = np.clip(np.nan_to_num(arr), 0, 255).astype(np.uint8)
    return arr


def prepare(image: np.ndarray, model: Any, scaling: str = RAW) -> PreparedImage:
    """Resize and convert channels so the image fits the model, then scale to what it expects."""
    if scaling not in SCALINGS:
        raise UserError(translate("viz_inputs", "Input scaling must be one of {choices}, not {scaling!r}.").format(
            choices=", ".join(SCALINGS), scaling=scaling))
    if scaling == CAFFE:
        graph.require_image_model(model)
    arr = check_image(image)
    h, w, c = model_input_size(model, arr.shape)
    notes = []
    if arr.shape[2] != c:
        notes.append(
            translate("viz_inputs", "converted the colour image to grayscale for this grayscale model") if c == 1
            else translate("viz_inputs", "repeated the grayscale image into 3 channels for this colour model")
        )
    if arr.shape[:2] != (h, w):
        notes.append(translate("viz_inputs", "resized {image_width}×{image_height} to the model's {width}×{height}")
                     .format(image_width=arr.shape[1], image_height=arr.shape[0], width=w, height=h))
    display = imaging.prepare_image(arr, h, w, c)
    x = to_model_input(display.astype(np.float32)[None], scaling)
    return PreparedImage(display=display, x=x, scaling=scaling, notes=notes)


@lru_cache(maxsize=1)
def imagenet_names() -> tuple[str, ...]:
    """The 1,000 ImageNet class names, bundled so they show offline."""
    path = resource_path("data", "imagenet_class_index.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(data[str(i)][1].replace("_", " ") for i in range(len(data)))


def class_names(count: int, dataset_name: str | None = None) -> tuple[str, ...]:
    """Names for ``count`` classes: ImageNet for 1000, the session dataset's if it matches, else numbers."""
    if count == 1000:
        return imagenet_names()
    if dataset_name:
        try:
            from cnnexplorer.ml.data import dataset_info

            info = dataset_info(dataset_name)
            if info.num_classes == count and info.kind == "images":
                return tuple(info.class_names)
        except Exception:  # an unknown or folder dataset: fall back to numbers
            pass
    return tuple(translate("viz_inputs", "class {index}").format(index=i) for i in range(count))


def probabilities(scores: np.ndarray, final_activation: str) -> np.ndarray:
    """Class probabilities from pre-softmax scores (batch, classes); one sigmoid unit becomes two classes."""
    s = np.asarray(scores, dtype=np.float64)
    if s.shape[-1] == 1:
        p1 = 1.0 / (1.0 + np.exp(-s[..., 0]))
        return np.stack([1.0 - p1, p1], axis=-1)
    if final_activation == "sigmoid":  # independent labels: show each unit's own probability
        return 1.0 / (1.0 + np.exp(-s))
    z = s - s.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def top_k(probs: np.ndarray, names: Sequence[str], k: int = 5) -> list[Prediction]:
    """The k most probable classes of one image, best first."""
    p = np.asarray(probs).reshape(-1)
    order = np.argsort(-p, kind="stable")[:k]
    return [Prediction(int(i), names[i] if i < len(names) else translate("viz_inputs", "class {index}").format(index=i),
                       float(p[i])) for i in order]
