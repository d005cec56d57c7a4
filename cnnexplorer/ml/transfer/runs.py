"""Running transfer learning: feature extraction (method 1), end to end (method 2), fine-tuning, and the
background jobs the Pretrained tab starts (:func:`load_base_job`, :func:`train_job`).

Plain functions ``fn(..., progress=None, cancel=None)``; the tab runs them in a
``TaskSlot`` and the ``pretrained`` command calls the same ones.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cnnexplorer.core.errors import DatasetError, UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.pretrained_catalog import Architecture, get_architecture
from cnnexplorer.core.progress import ProgressFn, check_cancel, report
from cnnexplorer.ml.class_names import attach_class_names
from cnnexplorer.ml.transfer.base import apply_freeze, build_base, layer_rows
from cnnexplorer.ml.transfer.heads import (
    _apply,
    compile_model,
    compose,
    feature_extractor,
    head_layers,
)
from cnnexplorer.ml.transfer.weights import WeightsSource, resolve_source


def epoch_line(epoch: int, epochs: int, metrics: dict[str, float], seconds: float) -> str:
    parts = [f"epoch {epoch}/{epochs}"]
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if key in metrics:
            parts.append(f"{key} {metrics[key]:.4f}")
    parts.append(f"{seconds:.1f}s")
    return " · ".join(parts)


@dataclass
class TransferResult:
    """What a feature-extraction, end-to-end or fine-tuning run produced."""

    model: Any  # the composed keras.Model (preprocess + base + head)
    method: str  # "features", "end-to-end", "fine-tune"
    history: dict[str, list[float]] = field(default_factory=dict)
    epochs_run: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0  # features: one pass of the base over the images
    head_epoch_seconds: float = 0.0  # features: mean epoch time of the dense head
    test_loss: float | None = None
    test_accuracy: float | None = None
    cancelled: bool = False

    @property
    def speedup(self) -> float | None:
        """Features: how much faster than running the base every epoch (≈ end to end with a frozen base)."""
        if self.method != "features" or self.epochs_run == 0 or self.extract_seconds <= 0:
            return None
        per_pass = self.extract_seconds
        e = self.epochs_run
        return (e * (per_pass + self.head_epoch_seconds)) / (per_pass + e * self.head_epoch_seconds)

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "method": self.method, "epochs": self.epochs_run, "seconds": round(self.seconds, 2),
            "test_loss": self.test_loss, "test_accuracy": self.test_accuracy, "cancelled": self.cancelled,
        }
        for key, values in self.history.items():
            if values:
                out[f"final_{key}"] = values[-1]
        if self.method == "features":
            out["extract_seconds"] = round(self.extract_seconds, 2)
            out["head_epoch_seconds"] = round(self.head_epoch_seconds, 3)
            out["speedup_vs_end_to_end"] = round(self.speedup, 1) if self.speedup else None
        return out


def check_dataset(dataset, batch_size: int) -> None:
    """Refuse datasets a run cannot use, before anything is built or changed."""
    n = len(dataset.y_train)
    if batch_size < 1:
        raise UserError(translate("transfer", "The batch size must be at least 1 (got {size}).")
                        .format(size=batch_size))
    if n < batch_size:
        raise DatasetError(
            translate("transfer", "The dataset has only {count} training images, fewer than the batch size {size}: "
                                  "lower the batch size to {most} or less, or add images.")
            .format(count=n, size=batch_size, most=max(1, n))
        )
    if len(np.unique(dataset.y_train)) < 2:
        raise DatasetError(translate("transfer", "The training images are all of one class: a classifier needs at "
                                                 "least two classes."))
    if dataset.x_train.ndim != 4 or dataset.x_train.shape[-1] != 3:
        raise DatasetError(translate("transfer", "Pretrained networks need colour images (height × width × 3): "
                                                 "load the folder as RGB."))


def load_folder(path: str, input_size: int, validation_split: float = 0.2, progress: ProgressFn | None = None,
                cancel: threading.Event | None = None):
    """An image folder resized to the base's input, RGB, raw pixels (preprocessing is in the model)."""
    from cnnexplorer.ml.data import load_dataset

    return load_dataset(str(path), progress=progress, cancel=cancel, image_size=(input_size, input_size),
                        color_mode="rgb", validation_split=validation_split)


def _validation(dataset):
    if dataset.x_val is not None and len(dataset.x_val):
        return dataset.x_val, dataset.y_val
    return dataset.x_test, dataset.y_test


def extract_features(model, x: np.ndarray, batch_size: int = 32, progress: ProgressFn | None = None,
                     cancel: threading.Event | None = None, message: str = "") -> np.ndarray:
    """Run ``model`` (normally :func:`feature_extractor`) over ``x`` once, with progress and cancel.

    Uses ``model.predict`` itself (with a callback), so it is as fast as a
    plain predict; cancel stops it after the current batch.
    """
    from cnnexplorer.ml.runtime import keras

    k = keras()
    steps = (len(x) + batch_size - 1) // batch_size
    message = message or translate("transfer", "Extracting features")
    check_cancel(cancel)

    class _Watch(k.callbacks.Callback):  # type: ignore[name-defined]
        def on_predict_batch_end(self, batch, logs=None):
            report(progress, "extract", batch + 1, steps, translate("transfer", "{task}: batch {batch}/{steps}")
                   .format(task=message, batch=batch + 1, steps=steps))
            if cancel is not None and cancel.is_set():
                self.model.stop_predicting = True

    from cnnexplorer.ml.folders import is_streamed, keras_input

    # A folder too large for memory comes streamed from disk (ml.folders): predict on its tf.data batches.
    x_in, _, kwargs = keras_input(x if is_streamed(x) else np.asarray(x, dtype="float32"), None, batch_size)
    features = model.predict(x_in, verbose=0, callbacks=[_Watch()], **kwargs)
    check_cancel(cancel)
    return features


def _with_validation(dataset, features=None):
    """The dataset as ``train_model`` wants it: validation = the dataset's own, or its test images
    (the tutorial validates on its validation/ folder, which ``load_dataset`` makes the test set)."""
    import dataclasses

    x_val, y_val = _validation(dataset)
    if features is None:
        return dataclasses.replace(dataset, x_val=x_val, y_val=y_val)
    f_train, f_val, f_test = features
    info = dataclasses.replace(dataset.info, input_shape=tuple(f_train.shape[1:]))
    return dataclasses.replace(dataset, info=info, x_train=f_train, x_val=f_val, y_val=y_val, x_test=f_test)


def _train(model, dataset, epochs, batch_size, augment, initial_epoch, progress, cancel):
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.ml.train import train_model

    config = TrainingConfig(epochs=int(epochs), batch_size=int(batch_size), augment=augment)
    return train_model(model, dataset, config, progress=progress, cancel=cancel, initial_epoch=initial_epoch)


def run_feature_extraction(arch: Architecture | str, base, dataset, head: str = "flatten-dense", epochs: int = 30,
                           batch_size: int = 20, learning_rate: float = 2e-5, optimizer: str = "rmsprop",
                           progress: ProgressFn | None = None,
                           cancel: threading.Event | None = None) -> TransferResult:
    """Method 1: run the base once over the images, train a dense head on the features, compose.

    No augmentation is possible (every epoch sees the same features): that is
    the price of the speed, as the tutorial says. The head layers are shared
    with the composed model, so it predicts exactly what the head learned.
    """
    arch = get_architecture(arch) if isinstance(arch, str) else arch
    check_dataset(dataset, batch_size)
    from cnnexplorer.ml.runtime import keras

    k = keras()
    start = time.perf_counter()
    extractor = feature_extractor(arch, base)
    x_val, _ = _validation(dataset)
    t0 = time.perf_counter()
    f_train = extract_features(extractor, dataset.x_train, batch_size, progress, cancel,
                               translate("transfer", "Running the base over the training images"))
    extract_train = time.perf_counter() - t0
    f_val = extract_features(extractor, x_val, batch_size, progress, cancel,
                             translate("transfer", "Running the base over the validation images"))
    f_test = f_val if x_val is dataset.x_test else extract_features(
        extractor, dataset.x_test, batch_size, progress, cancel,
        translate("transfer", "Running the base over the test images"))
    num_classes = dataset.info.num_classes
    layers = head_layers(head, num_classes)
    feat_in = k.Input(shape=f_train.shape[1:], name="features")
    head_model = k.Model(feat_in, _apply(layers, feat_in), name="head")
    compile_model(head_model, num_classes, optimizer, learning_rate)
    res = _train(head_model, _with_validation(dataset, (f_train, f_val, f_test)), epochs, batch_size, None, 0,
                 progress, cancel)
    model = compose(arch, base, layers, num_classes)
    compile_model(model, num_classes, optimizer, learning_rate)
    attach_class_names(model, list(dataset.info.class_names))
    return TransferResult(model, "features", dict(res.history), res.epochs_run, time.perf_counter() - start,
                          extract_train, res.seconds / max(1, res.epochs_run),
                          res.test_loss, res.test_accuracy, bool(res.cancelled))


def run_end_to_end(model, dataset, epochs: int = 30, batch_size: int = 20, learning_rate: float = 2e-5,
                   optimizer: str = "rmsprop", augment: Any = None, method: str = "end-to-end",
                   initial_epoch: int = 0, progress: ProgressFn | None = None,
                   cancel: threading.Event | None = None) -> TransferResult:
    """Method 2 (and fine-tuning): train the composed model with the base frozen as it is now.

    Recompiles the model so the current trainable flags take effect (Keras
    reads them at compile time), then trains through the Training tab's
    ``train_model`` (same events, augmentation, cancel).
    """
    check_dataset(dataset, batch_size)
    compile_model(model, dataset.info.num_classes, optimizer, learning_rate)
    start = time.perf_counter()
    res = _train(model, _with_validation(dataset), epochs, batch_size, augment, initial_epoch, progress, cancel)
    attach_class_names(model, list(dataset.info.class_names))
    return TransferResult(model, method, dict(res.history), res.epochs_run, time.perf_counter() - start,
                          test_loss=res.test_loss, test_accuracy=res.test_accuracy, cancelled=bool(res.cancelled))


# -- the Pretrained tab's jobs ----------------------------------------------------------------

@dataclass
class LoadedBase:
    """A base ready to use: its network, input size, where its weights came from, the model and its rows."""

    arch: Architecture
    input_size: int
    source: WeightsSource
    base: Any
    rows: list


@dataclass
class PretrainedOutcome:
    """What :func:`train_job` hands back: the run's result and the dataset it read (kept for the next run)."""

    result: TransferResult
    dataset: Any


def job_title(arch: Architecture, method: str) -> str:
    """What a job's model is called: "VGG16 + head (feature extraction)"."""
    names = {"features": translate("transfer", "feature extraction"), "end-to-end": translate("transfer", "end to end"),
             "fine-tune": translate("transfer", "fine-tuned")}
    return translate("transfer", "{title} + head ({method})").format(title=arch.title,
                                                                      method=names.get(method, method))


def pretrained_run(result: TransferResult, loaded: LoadedBase, dataset: Any, head: str, batch_size: int,
                   learning_rate: float, name: str = ""):
    """The run record (``core.runs.Run``) of one pretrained job, to keep and compare with other runs."""
    from pathlib import Path

    from cnnexplorer.core.runs import Run

    title = loaded.arch.title
    name = name or job_title(loaded.arch, result.method)
    info = getattr(dataset, "info", None)
    settings = {"method": result.method, "arch": loaded.arch.key, "weights": loaded.source.kind,
                "input_size": loaded.input_size, "head": head, "epochs": result.epochs_run,
                "batch_size": int(batch_size), "learning_rate": float(learning_rate), "optimizer": "rmsprop"}
    if result.method == "features":
        settings["extract_seconds"] = round(result.extract_seconds, 3)
        settings["head_epoch_seconds"] = round(result.head_epoch_seconds, 4)
    test = {}
    if result.test_accuracy is not None:
        test["test_accuracy"] = float(result.test_accuracy)
    if result.test_loss is not None:
        test["test_loss"] = float(result.test_loss)
    return Run(name, model_name=f"{title} + {head}", parameters=int(result.model.count_params()),
               dataset=Path(str(getattr(info, "name", "") or "")).name or str(getattr(info, "title", "")),
               settings=settings, history={k: [float(v) for v in values] for k, values in result.history.items()},
               test=test, seconds=float(result.seconds), stopped=bool(result.cancelled), kind="pretrained",
               class_names=[str(c) for c in getattr(dataset, "class_names", ())])


def load_base_job(arch_key: str, input_size: int, weights: str, progress: ProgressFn | None = None,
                  cancel: threading.Event | None = None) -> LoadedBase:
    """Build the base with its weights and describe its layers; the base starts frozen, as in the tutorial."""
    arch = get_architecture(arch_key)
    source = resolve_source(arch, WeightsSource.parse(weights), input_size)
    base = build_base(arch, input_size, source, progress=progress, cancel=cancel)
    check_cancel(cancel)
    rows = layer_rows(base, arch.key)
    apply_freeze(base, [False] * len(rows))
    return LoadedBase(arch, input_size, source, base, rows)


def train_job(method: str, loaded: LoadedBase, flags: Sequence[bool], folder: str, dataset: Any, head: str,
              epochs: int, batch_size: int, learning_rate: float, augment: Any = None, model: Any = None,
              initial_epoch: int = 0, progress: ProgressFn | None = None,
              cancel: threading.Event | None = None) -> PretrainedOutcome:
    """Load the folder (unless given), check it, then run method 1 ("features"), 2 ("end-to-end") or "fine-tune".

    Everything that can be refused (folder, batch size, flags) is checked
    before the model changes, so a refusal leaves the model as it was.
    """
    if dataset is None:
        if not folder:
            raise UserError(translate("transfer", "Choose an image folder first (one sub-folder of images per "
                                                  "class)."))
        dataset = load_folder(folder, loaded.input_size, progress=progress, cancel=cancel)
    check_dataset(dataset, batch_size)
    flags = list(flags)
    if method == "fine-tune":
        if model is None:
            raise UserError(translate("transfer", "Train a head first (method 1 or 2): fine-tuning continues from "
                                                  "a trained classifier."))
        if not any(flags):
            raise UserError(translate("transfer", "Nothing would be fine-tuned: every layer is frozen. Move the "
                                                  "'Fine-tune from' slider (or click 'Unfreeze top block') first."))
        apply_freeze(loaded.base, flags)
        result = run_end_to_end(model, dataset, epochs, batch_size, learning_rate, augment=augment,
                                method="fine-tune", initial_epoch=initial_epoch, progress=progress, cancel=cancel)
    elif method == "features":
        apply_freeze(loaded.base, [False] * len(flags))
        try:
            result = run_feature_extraction(loaded.arch, loaded.base, dataset, head, epochs, batch_size,
                                            learning_rate, progress=progress, cancel=cancel)
        finally:
            apply_freeze(loaded.base, flags)  # the composed model follows the table, as method 2 would
    else:
        apply_freeze(loaded.base, flags)
        model = compose(loaded.arch, loaded.base, head, dataset.info.num_classes)
        result = run_end_to_end(model, dataset, epochs, batch_size, learning_rate, augment=augment,
                                progress=progress, cancel=cancel)
    return PretrainedOutcome(result, dataset)
