"""Does a model fit a dataset? What to change if not.

Checked before training starts, so the user reads "the model outputs 10
classes, this dataset has 2 — change the last Dense to 2 units?" instead of a
shape error from deep inside TensorFlow. The data-side fixes (resize, convert
grayscale/colour) and the design-side fix (last Dense units) are here too:
plain numpy and ModelSpec, no TensorFlow.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cnnexplorer.core import images as imaging
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import check_cancel
from cnnexplorer.core.spec import ModelSpec, default_loss

BINARY_LOSS = "binary_crossentropy"


@dataclass(frozen=True)
class Mismatch:
    """One reason a model and a dataset do not fit.

    ``kind``: "size" and "channels" (fixable by converting the images),
    "classes" (fixable by changing the design's last Dense layer), "kind"
    (images vs sequences, or a sequence length: not fixable here).
    """

    kind: str
    message: str
    fixable: bool


def loss_name(loss: Any) -> str:
    """A compiled model's loss as the snake_case name used in designs ("" if unknown)."""
    if loss is None:
        return ""
    if isinstance(loss, str):
        return loss
    name = getattr(loss, "name", None) or getattr(loss, "__name__", None) or type(loss).__name__
    return str(name)


def check_compatibility(input_shape: Sequence[Any], output_units: int | None, loss: str,
                        info: Any) -> list[Mismatch]:
    """Mismatches between a model (input shape without the batch axis, output units, loss) and a dataset.

    ``info`` is a DatasetInfo-like object with ``name``, ``kind``,
    ``input_shape`` and ``num_classes``. The "kind" fixes offer another
    dataset first (it keeps the design), then the design change.
    """
    problems: list[Mismatch] = []
    shape = tuple(input_shape)
    data_shape = tuple(info.input_shape)
    name = getattr(info, "name", None) or translate("compatibility", "this dataset")
    if info.kind == "images":
        if len(shape) != 3:
            problems.append(Mismatch(
                "kind",
                translate("compatibility", "The model takes sequences of shape {shape}, but {name} holds images: "
                                           "choose a sequence dataset, or build an image model (e.g. the MNIST "
                                           "CNN template).").format(shape=shape, name=name),
                False,
            ))
        else:
            mh, mw, mc = shape
            dh, dw, dc = data_shape
            if (mh is not None and mh != dh) or (mw is not None and mw != dw):
                problems.append(Mismatch(
                    "size",
                    translate("compatibility", "The model expects {height}×{width} images, {name} has "
                                               "{data_height}×{data_width}: resize the images to {height}×{width}?")
                    .format(height=mh, width=mw, name=name, data_height=dh, data_width=dw),
                    mh is not None and mw is not None,
                ))
            if mc is not None and mc != dc:
                if mc == 1:
                    text = translate("compatibility", "The model expects grayscale images ({channels} channel), "
                                                      "{name} has {data_channels}: convert the images to grayscale?")
                else:
                    text = translate("compatibility", "The model expects colour images ({channels} channels), "
                                                      "{name} has {data_channels}: convert the images to colour?")
                problems.append(Mismatch(
                    "channels",
                    text.format(channels=mc, name=name, data_channels=dc),
                    mc in (1, 3) and dc in (1, 3),
                ))
    else:
        if len(shape) != 1:
            problems.append(Mismatch(
                "kind",
                translate("compatibility", "The model takes images of shape {shape}, but {name} holds sequences: "
                                           "choose an image dataset, or build a sequence model (e.g. the Conv1D "
                                           "text template).").format(shape=shape, name=name),
                False,
            ))
        elif shape[0] is not None and shape[0] != data_shape[0]:
            problems.append(Mismatch(
                "kind",
                translate("compatibility", "The model takes sequences of length {length}, {name} has length "
                                           "{data_length}: set the design's input length to {data_length}.")
                .format(length=shape[0], name=name, data_length=data_shape[0]),
                False,
            ))
    k = int(info.num_classes)
    if output_units is not None:
        binary_ok = output_units == 1 and loss == BINARY_LOSS and k == 2
        if not binary_ok and output_units != k:
            if output_units == 1:
                text = translate("compatibility", "The model outputs {outputs} class, {name} has {classes}: "
                                                  "change the last Dense layer to {units} units?")
            else:
                text = translate("compatibility", "The model outputs {outputs} classes, {name} has {classes}: "
                                                  "change the last Dense layer to {units} units?")
            units = 1 if (k == 2 and loss == BINARY_LOSS) else k
            problems.append(Mismatch(
                "classes", text.format(outputs=output_units, name=name, classes=k, units=units), True,
            ))
    return problems


def adapt_images(x: np.ndarray, height: int, width: int, channels: int,
                 cancel: threading.Event | None = None) -> np.ndarray:
    """A copy of uint8 images (N, H, W, C) resized and converted to (N, height, width, channels)."""
    if x.shape[1:] == (height, width, channels):
        return x
    out = np.empty((len(x), height, width, channels), dtype=np.uint8)
    for i, image in enumerate(x):
        if i % 256 == 0:
            check_cancel(cancel)
        converted = imaging.prepare_image(image, height, width, channels)
        out[i] = converted.reshape(height, width, channels)
    return out


def fix_output_classes(spec: ModelSpec, num_classes: int) -> ModelSpec:
    """A copy of the design whose last Dense layer (and loss) fits ``num_classes`` classes.

    Two classes with a binary loss keep one sigmoid unit; otherwise the layer
    gets ``num_classes`` softmax units and a binary loss becomes sparse
    categorical cross-entropy (labels are class indices).
    """
    fixed = spec.copy()
    dense = [i for i, layer in enumerate(fixed.layers) if layer.type == "Dense"]
    if not dense:
        from cnnexplorer.core.errors import SpecError

        raise SpecError(translate("compatibility", "The design has no Dense layer to change; add "
                                                   "Dense(units=number of classes) at the end."))
    last = fixed.layers[dense[-1]]
    if num_classes == 2 and fixed.compile.loss == BINARY_LOSS:
        last.params.update(units=1, activation="sigmoid")
    else:
        last.params.update(units=num_classes, activation="softmax")
        if fixed.compile.loss == BINARY_LOSS:
            fixed.compile.loss = "sparse_categorical_crossentropy"
    return fixed


# -- advice for a design that does not fit the dataset -----------------------------------------------------

WEIGHTED = ("Conv2D", "SeparableConv2D", "Conv1D", "Dense", "Embedding")
# Layers that bring raw 0-255 pixels to a small range (BatchNormalization does it too, learning the scale).
SCALING = ("Rescaling", "Normalization", "BatchNormalization")


def design_output_units(spec: ModelSpec) -> int | None:
    """Units of the design's last layer when it is a Dense layer (the classifier), else None."""
    if spec.layers and spec.layers[-1].type == "Dense":
        units = spec.layers[-1].arg("units")
        return units if isinstance(units, int) else None
    return None


def fitting_dataset(spec: ModelSpec, candidates: Sequence[Any]) -> Any | None:
    """The first of ``candidates`` (DatasetInfo-like) the design fits as it is, or None."""
    units = design_output_units(spec)
    for info in candidates:
        if not check_compatibility(spec.input_shape, units, spec.compile.loss, info):
            return info
    return None


def design_advice(spec: ModelSpec, info: Any, candidates: Sequence[Any] = ()) -> list[Mismatch]:
    """Why the design does not fit dataset ``info``, the fix that keeps the design first.

    ``candidates`` are the datasets one could choose instead (bundled ones
    first). Returns [] when the design fits. The first item, when another
    dataset fits, is "choose that dataset"; the design changes follow: for
    images vs sequences, a template of the dataset's kind (the class count
    of a text model means nothing for digits, so no "set units" advice then).
    """
    units = design_output_units(spec)
    mismatches = check_compatibility(spec.input_shape, units, spec.compile.loss, info)
    if not mismatches:
        return []
    name = getattr(info, "name", None) or translate("compatibility", "this dataset")
    design_images = len(tuple(spec.input_shape)) == 3
    kinds_differ = design_images != (info.kind == "images")
    other = fitting_dataset(spec, [c for c in candidates if c.name != info.name])
    advice: list[Mismatch] = []
    if other is not None:
        if kinds_differ and not design_images:
            text = translate("compatibility", "The design takes sequences, {name} holds images: to keep the design, "
                                              "choose a sequence dataset such as {other} in the Training tab.")
        elif kinds_differ:
            text = translate("compatibility", "The design takes images, {name} holds sequences: to keep the design, "
                                              "choose an image dataset such as {other} in the Training tab.")
        else:
            text = translate("compatibility", "The design does not fit {name}: to keep it as it is, choose {other} "
                                              "in the Training tab.")
        advice.append(Mismatch("dataset", text.format(name=name, other=other.name), True))
    if kinds_differ and other is not None:
        template_name = "mnist-cnn" if info.kind == "images" else "conv1d-text"
        advice.append(Mismatch("kind", translate("compatibility", "Or, to train on {name}, start from the "
                                                                  "{template} template.")
                               .format(name=name, template=template_name), False))
    elif kinds_differ:  # no other dataset fits as it is: the general "choose a dataset, or a template" text
        advice += [m for m in mismatches if m.kind == "kind"]
    return advice


def scaling_note(spec: ModelSpec) -> str | None:
    """A warning (not a problem) when an image design feeds raw 0-255 pixels to its first weighted layer."""
    if len(tuple(spec.input_shape)) != 3:
        return None
    for index, layer in enumerate(spec.layers, start=1):
        if layer.type in SCALING:
            return None
        if layer.type in WEIGHTED:
            return translate("compatibility", "Layer {index} {type} gets raw pixel values 0-255: nothing scales them "
                                              "first. Training works but is slow and unsteady; add Rescaling "
                                              "(scale 1/255) as the first layer.").format(index=index, type=layer.type)
    return None


def follow_default_loss(old: ModelSpec, new: ModelSpec) -> None:
    """After an edit: if the loss was the default for the old output layer, follow the new output layer's default."""
    def default(spec: ModelSpec) -> str | None:
        if spec.layers and spec.layers[-1].type == "Dense":
            last = spec.layers[-1]
            units = last.arg("units")
            return default_loss(units if isinstance(units, int) else 2, last.arg("activation"))
        return None

    old_default, new_default = default(old), default(new)
    if new_default and new.compile.loss == old.compile.loss == old_default and new_default != old_default:
        new.compile.loss = new_default
