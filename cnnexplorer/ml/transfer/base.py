"""A pretrained convolutional base as a Keras model: build it with its weights, describe and freeze its layers.

The base stays one nested model named after the architecture (``vgg16``), as
in the tutorial, so Visualize and Grad-CAM find it inside a composed model
(:func:`find_base`).
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from cnnexplorer.core.errors import ModelFileError
from cnnexplorer.core.freeze_state import FreezeState, LayerRow, group_names
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.pretrained_catalog import Architecture, get_architecture
from cnnexplorer.core.progress import ProgressFn, check_cancel, report
from cnnexplorer.ml.transfer.weights import (
    WeightsSource,
    _reason,
    bundled_weights_path,
    imagenet_weights,
    resolve_source,
)


def build_base(arch: Architecture | str, input_size: int, weights: str | WeightsSource = "imagenet",
               include_top: bool = False, progress: ProgressFn | None = None,
               cancel: threading.Event | None = None):
    """The convolutional base of ``arch`` for ``input_size``² RGB images, named ``arch.key``.

    Everything is checked before anything is returned: a wrong size or a
    weights file of another network raises UserError and no model escapes.
    """
    arch = get_architecture(arch) if isinstance(arch, str) else arch
    source = weights if isinstance(weights, WeightsSource) else WeightsSource.parse(weights)
    arch.check_input_size(int(input_size), include_top)
    source = resolve_source(arch, source, int(input_size), include_top)
    weights_path: Path | None = None
    if source.kind == "file":
        weights_path = Path(source.path or "")
        if not weights_path.is_file():
            raise ModelFileError(translate("transfer", "The weights file {path} does not exist: choose another "
                                                       "file, or use random weights.").format(path=weights_path))
    elif source.kind == "bundled":
        weights_path = bundled_weights_path(arch)
    elif source.kind == "imagenet":
        weights_path = imagenet_weights(arch, input_size, include_top, progress, cancel)
    check_cancel(cancel)
    report(progress, "build", 0, 0,
           translate("transfer", "Building {title} ({size}×{size})…").format(title=arch.title, size=input_size))
    from cnnexplorer.ml.runtime import keras

    k = keras()
    constructor = getattr(k.applications, arch.constructor)
    kwargs: dict[str, Any] = {"weights": None, "include_top": include_top,
                              "input_shape": (int(input_size), int(input_size), 3)}
    if include_top:
        kwargs["classes"] = 1000
    base = constructor(**kwargs)
    base.name = arch.key  # the tutorial's summary shows "vgg16"; Visualize finds the base by it
    if weights_path is not None:
        check_cancel(cancel)
        if source.kind == "file":
            text = translate("transfer", "Loading weights from {name}…").format(name=weights_path.name)
        elif source.kind == "bundled":
            text = translate("transfer", "Loading the bundled ImageNet weights…")
        else:
            text = translate("transfer", "Loading ImageNet weights…")
        report(progress, "build", 0, 0, text)
        load_base_weights(base, arch, input_size, weights_path)
    return base


def load_base_weights(base, arch: Architecture, input_size: int, path: str | Path) -> None:
    """Load a weights file into ``base``; on any mismatch the base is left as it was."""
    path = Path(path)
    before = [w.numpy() for w in base.weights]
    try:
        base.load_weights(str(path))
    except Exception as exc:
        for var, value in zip(base.weights, before):
            var.assign(value)
        raise ModelFileError(
            translate("transfer", "{name} does not hold weights of {title} without its classifier ({reason}): "
                                  "choose the file saved for this network, or use random weights.")
            .format(name=path.name, title=arch.title, reason=_reason(exc))
        ) from None
    if before and all(np.array_equal(a, w.numpy()) for a, w in zip(before, base.weights)):
        # Keras skips files with no matching layers only with a warning: nothing was loaded.
        raise ModelFileError(
            translate("transfer", "{name} holds no weights for {title}: choose the file saved for this network, "
                                  "or use random weights.").format(name=path.name, title=arch.title)
        )


def save_base_weights(base, path: str | Path) -> Path:
    """Save the base's weights (``.weights.h5``) to give to a classroom without network."""
    path = Path(path)
    if not path.name.endswith(".weights.h5"):
        path = path.with_name(path.stem.removesuffix(".weights") + ".weights.h5")
    from cnnexplorer.core.files import atomic_path

    with atomic_path(path) as tmp:  # a full disk leaves the old file, not half a new one
        base.save_weights(str(tmp))
    return path


def layer_rows(base, arch_key: str | None = None) -> list[LayerRow]:
    """Describe every layer of ``base`` once, so the table and the counts need no Keras afterwards."""
    layers = [layer for layer in base.layers if layer.__class__.__name__ != "InputLayer"]
    groups = group_names(arch_key or base.name, [layer.name for layer in layers])
    rows = []
    for i, (layer, group) in enumerate(zip(layers, groups)):
        trainable = fixed = 0
        for w in layer.weights:
            size = int(np.prod(w.shape))
            if getattr(w, "trainable", True):
                trainable += size
            else:
                fixed += size
        try:
            shape = layer.output.shape
            shape_text = "×".join("?" if d is None else str(d) for d in shape[1:])
        except Exception:
            shape_text = "?"
        rows.append(LayerRow(i, layer.name, layer.__class__.__name__, shape_text,
                             trainable + fixed, trainable, fixed, group, _keeps_inference_mode(layer)))
    return rows


def _keeps_inference_mode(layer) -> bool:
    return layer.__class__.__name__ == "BatchNormalization"


def freeze_until(base, layer_name: str | None) -> FreezeState:
    """Freeze every layer before ``layer_name``; it and the layers above it become trainable.

    ``None`` or "all" freezes the whole base. Returns the resulting state.
    """
    state = FreezeState(layer_rows(base))
    if layer_name and layer_name.lower() not in ("all", "none"):
        state.set_boundary(state.index_of(layer_name))
    elif layer_name and layer_name.lower() == "none":
        state.unfreeze_all()
    apply_freeze(base, state.flags)
    return state


def apply_freeze(base, flags: Sequence[bool]) -> None:
    """Copy trainable flags (one per row of :func:`layer_rows`) onto the base's layers.

    BatchNormalization layers always stay frozen. Keras' transfer-learning
    guide keeps them in inference mode by calling the base with
    ``training=False``, but Keras 3's functional models override a recorded
    ``training=False`` with the outer ``training=True`` during ``fit`` (see
    ``keras/src/models/functional.py: operation_fn``). A non-trainable
    BatchNormalization layer always runs in inference mode, also after the
    model is saved and loaded, so that is how we keep the pretrained statistics.
    """
    layers = [layer for layer in base.layers if layer.__class__.__name__ != "InputLayer"]
    if len(layers) != len(flags):
        raise ValueError(f"{len(flags)} flags for {len(layers)} layers")
    base.trainable = True  # Keras propagates this to every layer; then set each one
    for layer, flag in zip(layers, flags):
        layer.trainable = bool(flag) and not _keeps_inference_mode(layer)
    if not any(flags):
        base.trainable = False


def count_params(model) -> tuple[int, int]:
    """(trainable, non-trainable) parameter counts as Keras sees them."""
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    non_trainable = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
    return trainable, non_trainable


def has_batchnorm(base) -> bool:
    return any(layer.__class__.__name__ == "BatchNormalization" for layer in base.layers)


def find_base(model):
    """The nested pretrained base of a composed model (the first sub-model that is not preprocessing), or None."""
    for layer in model.layers:
        if layer.name.startswith("preprocess"):
            continue
        if hasattr(layer, "layers") and layer.__class__.__name__ in ("Functional", "Model", "Sequential"):
            return layer
    return None
