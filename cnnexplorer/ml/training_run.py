"""The one training run the Training tab and ``cnnexplorer train`` share.

:func:`run_training` loads (and, if asked, converts) the data, builds the
design with its seed or takes a model as it is, trains with
:func:`~cnnexplorer.ml.train.train_model`, predicts the test set for the
confusion matrix, attaches the class names to the model, and describes the
run as a :class:`~cnnexplorer.core.runs.Run` — the record the runs list
compares and ``train --history`` writes. It is a long job in the project's
shape (``progress``, ``cancel``); the tab runs it on a worker thread, the
command line calls it directly with a printer.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import Cancelled, ProgressFn, report
from cnnexplorer.core.runs import Run, now_iso
from cnnexplorer.core.spec import ModelSpec


@dataclass
class TrainingOutcome:
    """What :func:`run_training` hands back: the trained model, the data it saw, the numbers, and the run record.

    ``predictions``/``confidences`` are the test set's predicted classes and
    their probabilities (None when the run ended before testing).
    """

    model: Any
    dataset: Any
    result: Any  # ml.train.TrainResult
    predictions: np.ndarray | None = None
    confidences: np.ndarray | None = None
    run: Run | None = None


def model_learning_rate(model: Any) -> float | None:
    """The learning rate of a compiled model's optimizer (None when it has none or it is a schedule)."""
    optimizer = getattr(model, "optimizer", None)
    rate = getattr(optimizer, "learning_rate", None)
    if rate is None:
        return None
    try:
        return float(np.asarray(rate.numpy() if hasattr(rate, "numpy") else rate))
    except (TypeError, ValueError):
        return None


def describe_run(model: Any, model_name: str, dataset: Any, config: TrainingConfig, result: Any, *,
                 name: str | None = None, kind: str = "training", extras: dict | None = None,
                 started_at: str | None = None) -> Run:
    """A :class:`Run` for one finished or stopped training of ``model`` on ``dataset``."""
    from cnnexplorer.ml.class_names import class_names

    settings: dict[str, Any] = dict(config.to_dict())
    settings.pop("format", None)
    settings.pop("version", None)
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None:
        settings["optimizer"] = type(optimizer).__name__.lower()
    rate = model_learning_rate(model)
    if rate is not None:
        settings["learning_rate"] = rate
    if result.initial_epoch:
        settings["initial_epoch"] = int(result.initial_epoch)
    settings.update(extras or {})
    try:
        parameters: int | None = int(model.count_params())
    except (AttributeError, ValueError, TypeError):
        parameters = None
    test = {}
    if result.test_accuracy is not None:
        test = {"test_loss": float(result.test_loss), "test_accuracy": float(result.test_accuracy)}
    dataset_name = getattr(dataset.info, "name", "") or ""
    return Run(
        name=name or f"{model_name} · {dataset_name}",
        model_name=model_name, parameters=parameters, dataset=dataset_name, settings=settings,
        history={k: [float(v) for v in values] for k, values in result.history.items()},
        test=test, seconds=float(result.seconds), started_at=started_at or now_iso(),
        stopped=bool(result.cancelled or result.stop_reason == "nan"), stop_reason=result.stop_reason,
        kind=kind, class_names=class_names(model) or [str(n) for n in dataset.info.class_names],
    )


def run_training(source: Any, dataset_name: str, config: TrainingConfig, initial_epoch: int = 0,
                 adapt_to: tuple | None = None, dataset: Any = None, *, run_name: str | None = None,
                 model_name: str | None = None, predict: bool = True, extras: dict | None = None,
                 progress: ProgressFn | None = None, cancel: threading.Event | None = None) -> TrainingOutcome:
    """Load (and convert) the data, build, train, predict the test set; return the model, numbers and run record.

    ``source`` is a ModelSpec (built here after seeding with ``config.seed``)
    or a Keras model (trained as it is, e.g. to continue it). The data is read
    for the model's input (``ml.data.load_dataset(input_shape=...)``: an image
    folder at its size and channels) and a ``"dataset"`` event carries
    ``dataset.note``; ``adapt_to`` (H, W, C) converts a named dataset to that
    shape. ``dataset`` skips loading (the tab reuses the data of its previous
    run). A stop keeps what was trained: the outcome has ``result.cancelled`` set.
    """
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.class_names import attach_class_names
    from cnnexplorer.ml.data import load_dataset
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.train import model_input_shape, predict_classes, train_model

    started_at = now_iso()
    if dataset is None:
        # Read for the model: an image folder at its size and channels, a named dataset converted when the
        # user agreed to (``adapt_to``); the note says what was found and done.
        shape = adapt_to or (tuple(source.input_shape) if isinstance(source, ModelSpec) else model_input_shape(source))
        dataset = load_dataset(dataset_name, progress=progress, cancel=cancel, input_shape=shape)
        report(progress, "dataset", 0, 0, dataset.note or "")
    if isinstance(source, ModelSpec):
        report(progress, "load", 0, 0, translate("training_run", "Building {name}…").format(name=source.name))
        keras().utils.set_random_seed(int(config.seed))
        model = build_model(source)
        model_name = model_name or source.name
    else:
        model = source
        model_name = model_name or str(getattr(model, "name", "") or "model")
    result = train_model(model, dataset, config, progress=progress, cancel=cancel, initial_epoch=initial_epoch)
    if result.stop_reason != "nan":
        attach_class_names(model, list(dataset.info.class_names))
    outcome = TrainingOutcome(model, dataset, result)
    if predict and result.test_accuracy is not None:
        try:
            outcome.predictions, outcome.confidences = predict_classes(model, dataset.x_test, 256, cancel)
        except Cancelled:
            result.cancelled = True
    outcome.run = describe_run(model, model_name, dataset, config, result, name=run_name, extras=extras,
                               started_at=started_at)
    return outcome
