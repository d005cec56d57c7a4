"""One training run: ``model.fit`` with a callback that turns batches and epochs into plain events.

``train_model`` is a long job in the project's shape (``progress``, ``cancel``):
the Training tab runs it on a worker thread, ``cnnexplorer train`` calls it
with a printer. Events (:class:`~cnnexplorer.core.progress.Progress`):

- ``"batch"``: step/total = batch within the epoch; metrics ``loss``,
  ``accuracy`` (this batch alone, not Keras' running mean), ``samples_per_s``,
  ``eta_s`` (whole run), ``epoch`` (0-based), ``batch_index`` (counted over the run);
- ``"epoch"``: step = epochs done, total = last epoch; metrics ``loss``,
  ``accuracy``, ``val_loss``, ``val_accuracy`` (when there is validation data), ``seconds``;
- ``"evaluate"``: test-set batches done / total;
- ``"done"``: metrics ``test_loss``, ``test_accuracy``.

Stopping: the cancel event is checked before and after every training,
validation and test batch; when set the run ends at once (the batch under way
finishes — TensorFlow cannot interrupt one) and the result says
``cancelled=True`` with the history so far. The model keeps the weights of
the last finished batch, so "Continue" can pick up from there.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from cnnexplorer.core.compatibility import Mismatch, check_compatibility, loss_name
from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.progress import Cancelled, ProgressFn, check_cancel, report
from cnnexplorer.ml.folders import is_streamed, keras_input
from cnnexplorer.ml.runtime import keras


@dataclass
class TrainResult:
    """What a run produced. ``test_*`` are None when the run was stopped or blew up before testing."""

    history: dict[str, list[float]]
    epochs_run: int
    seconds: float
    test_loss: float | None = None
    test_accuracy: float | None = None
    cancelled: bool = False
    stop_reason: str = ""  # "", "cancelled", "nan", "early-stopping"
    batch_losses: list[float] = field(default_factory=list)
    initial_epoch: int = 0

    def summary(self) -> dict[str, Any]:
        """The machine-readable result line of ``cnnexplorer train``."""
        return {
            "test_loss": self.test_loss,
            "test_accuracy": self.test_accuracy,
            "epochs_run": self.epochs_run,
            "seconds": round(self.seconds, 3),
            "cancelled": self.cancelled,
            "stop_reason": self.stop_reason,
        }


class _Stop(Exception):
    """Raised from inside Keras' loop to leave it at once (cancel or NaN)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- model / data helpers ------------------------------------------------------------

def model_loss(model) -> str:
    return loss_name(getattr(model, "loss", None))


def output_units(model) -> int | None:
    try:
        shape = model.output_shape
    except (AttributeError, ValueError):
        return None
    if isinstance(shape, list):
        shape = shape[0]
    return int(shape[-1]) if shape and shape[-1] is not None else None


def model_input_shape(model) -> tuple:
    shape = model.input_shape
    if isinstance(shape, list):
        shape = shape[0]
    return tuple(shape[1:])


def check_model_dataset(model, info) -> list[Mismatch]:
    """What does not fit between a built model and a dataset (see core/compatibility.py)."""
    return check_compatibility(model_input_shape(model), output_units(model), model_loss(model), info)


def prepare_labels(model, y: np.ndarray, num_classes: int) -> np.ndarray:
    """Labels in the form the model's loss wants: indices, one-hot, or 0/1 floats for one sigmoid unit."""
    loss = model_loss(model)
    y = np.asarray(y).reshape(-1)
    one_hot_mse = loss in ("mse", "mean_squared_error") and output_units(model) == num_classes
    if loss == "categorical_crossentropy" or one_hot_mse:
        return np.eye(num_classes, dtype=np.float32)[y.astype(np.int64)]
    if loss == "binary_crossentropy" and output_units(model) == 1:
        return y.astype(np.float32)[:, None]
    return y.astype(np.int32)


def _inputs(model, x: np.ndarray) -> np.ndarray:
    """Images go in as float32 raw pixel values (the model scales inside); token ids stay integers."""
    if x.dtype == np.uint8 or x.ndim >= 3:
        return x.astype(np.float32, copy=False)
    return x


def split_validation(x, y, fraction: float, seed: int):
    """Hold out a stratified, seeded ``fraction`` of the training set (Keras would take the last rows,
    which in a class-sorted set like the MNIST sample are all nines)."""
    from cnnexplorer.ml.data import stratified_split

    keep, held = stratified_split(np.asarray(y), fraction, seed)
    if len(held) == 0 or len(keep) == 0:
        raise UserError(
            translate("train", "The training set ({count} examples) is too small to hold out {fraction:.0%} for "
                               "validation; use a smaller validation split or 0.")
            .format(count=len(y), fraction=fraction)
        )
    return x[keep], y[keep], x[held], y[held]


def ensure_compiled(model) -> None:
    """A model loaded without its training configuration gets rmsprop and a loss that fits its output."""
    if getattr(model, "optimizer", None) is not None and getattr(model, "compiled", True):
        return
    units = output_units(model)
    loss = "binary_crossentropy" if units == 1 else "sparse_categorical_crossentropy"
    model.compile(optimizer="rmsprop", loss=loss, metrics=["accuracy"])


# -- the callback -----------------------------------------------------------------------

def _make_callback(progress: ProgressFn | None, cancel: threading.Event | None, steps: int, n_train: int,
                   batch_size: int, first_epoch: int, last_epoch: int, history: dict, batch_losses: list):
    k = keras()

    class EventCallback(k.callbacks.Callback):  # type: ignore[name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.epoch = first_epoch
            self.epoch_start = time.perf_counter()
            self.run_start = self.epoch_start
            self.prev = (0, 0.0, 0.0)  # samples seen this epoch, running-mean loss, running-mean accuracy
            self.batches_run = 0
            self.warm_batches = 0
            self.warm_time = 0.0
            self.epochs_done = 0
            self.stop_reason = ""

        def _check(self) -> None:
            if cancel is not None and cancel.is_set():
                raise _Stop("cancelled")

        def on_epoch_begin(self, epoch, logs=None):
            self._check()
            self.epoch = epoch
            self.epoch_start = time.perf_counter()
            self.prev = (0, 0.0, 0.0)

        def on_train_batch_begin(self, batch, logs=None):
            self._check()

        def on_train_batch_end(self, batch, logs=None):
            logs = logs or {}
            now = time.perf_counter()
            seen = min((batch + 1) * batch_size, n_train)
            size = seen - self.prev[0]
            mean_loss = float(logs.get("loss", math.nan))
            mean_acc = float(logs.get("accuracy", logs.get("acc", math.nan)))
            # Keras reports running means over the epoch; recover this batch's own values.
            loss = (seen * mean_loss - self.prev[0] * self.prev[1]) / size if size else mean_loss
            acc = (seen * mean_acc - self.prev[0] * self.prev[2]) / size if size else mean_acc
            if math.isfinite(acc):
                acc = min(1.0, max(0.0, acc))
            if not math.isfinite(mean_loss):
                loss = mean_loss
            self.prev = (seen, mean_loss, mean_acc)
            self.batches_run += 1
            batch_losses.append(loss)
            elapsed = now - self.epoch_start
            rate = seen / elapsed if elapsed > 0 else 0.0
            # ETA from the time per batch since the first one of this run (which includes tracing).
            if self.batches_run == 1:
                self.warm_time = now
            done_batches = (self.epoch - first_epoch) * steps + batch + 1
            left = (last_epoch - first_epoch) * steps - done_batches
            # The first batch includes tracing the graph: no estimate until the second.
            per_batch = (now - self.warm_time) / (self.batches_run - 1) if self.batches_run > 1 else math.nan
            report(progress, "batch", batch + 1, steps,
                   translate("train", "Epoch {epoch}/{epochs} · batch {batch}/{steps}").format(
                       epoch=self.epoch + 1, epochs=last_epoch, batch=batch + 1, steps=steps),
                   metrics={"loss": loss, "accuracy": acc, "samples_per_s": rate,
                            "eta_s": left * per_batch if left > 0 else 0.0,
                            "epoch": float(self.epoch), "batch_index": float(done_batches - 1),
                            "running_loss": mean_loss, "running_accuracy": mean_acc})
            if not math.isfinite(mean_loss):
                self.stop_reason = "nan"
                raise _Stop("nan")
            self._check()

        def on_test_batch_begin(self, batch, logs=None):
            self._check()

        def on_test_batch_end(self, batch, logs=None):
            self._check()

        def on_epoch_end(self, epoch, logs=None):
            logs = dict(logs or {})
            metrics = {}
            for name in ("loss", "accuracy", "val_loss", "val_accuracy"):
                if name in logs:
                    metrics[name] = float(logs[name])
                    history.setdefault(name, []).append(float(logs[name]))
            metrics["seconds"] = time.perf_counter() - self.epoch_start
            self.epochs_done += 1
            report(progress, "epoch", epoch + 1, last_epoch,
                   translate("train", "Epoch {epoch}/{epochs} done").format(epoch=epoch + 1, epochs=last_epoch),
                   metrics=metrics)
            self._check()

    return EventCallback()


def _make_test_callback(progress: ProgressFn | None, cancel: threading.Event | None, steps: int):
    k = keras()

    class TestCallback(k.callbacks.Callback):  # type: ignore[name-defined]
        def on_test_batch_begin(self, batch, logs=None):
            if cancel is not None and cancel.is_set():
                raise _Stop("cancelled")

        def on_test_batch_end(self, batch, logs=None):
            report(progress, "evaluate", batch + 1, steps,
                   translate("train", "Testing: batch {batch}/{steps}").format(batch=batch + 1, steps=steps))
            if cancel is not None and cancel.is_set():
                raise _Stop("cancelled")

    return TestCallback()


# -- public API ---------------------------------------------------------------------------

def evaluate_model(model, dataset, progress: ProgressFn | None = None, cancel: threading.Event | None = None,
                   batch_size: int = 256) -> dict[str, float]:
    """Test-set loss and accuracy: ``{"test_loss": ..., "test_accuracy": ...}``.

    Raises :class:`~cnnexplorer.core.progress.Cancelled` when stopped.
    """
    ensure_compiled(model)
    _refuse_mismatch(model, dataset.info)
    x = _inputs(model, dataset.x_test)
    y = prepare_labels(model, dataset.y_test, dataset.info.num_classes)
    steps = max(1, math.ceil(len(x) / batch_size))
    report(progress, "evaluate", 0, steps, translate("train", "Testing…"))
    try:
        x, y, kwargs = keras_input(x, y, batch_size)
        logs = model.evaluate(x, y, verbose=0, return_dict=True,
                              callbacks=[_make_test_callback(progress, cancel, steps)], **kwargs)
    except _Stop:
        raise Cancelled() from None
    return {"test_loss": float(logs.get("loss", math.nan)),
            "test_accuracy": float(logs.get("accuracy", logs.get("acc", math.nan)))}


def predict_classes(model, x: np.ndarray, batch_size: int = 256,
                    cancel: threading.Event | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(predicted class indices, confidence of each prediction) for a batch of inputs."""
    preds, confs = [], []
    for start in range(0, len(x), batch_size):
        check_cancel(cancel)
        out = np.asarray(model.predict_on_batch(_inputs(model, x[start:start + batch_size])))
        out = out.reshape(len(out), -1)
        if out.shape[1] == 1:  # one sigmoid unit: probability of class 1
            p = out[:, 0]
            preds.append((p >= 0.5).astype(np.int64))
            confs.append(np.where(p >= 0.5, p, 1.0 - p))
        else:
            preds.append(out.argmax(axis=1).astype(np.int64))
            confs.append(out.max(axis=1))
    if not preds:
        return np.zeros((0,), np.int64), np.zeros((0,), np.float32)
    return np.concatenate(preds), np.concatenate(confs).astype(np.float32)


def _refuse_mismatch(model, info) -> None:
    problems = check_model_dataset(model, info)
    if problems:
        raise UserError(" ".join(_as_statement(p.message) for p in problems))


def _as_statement(text: str) -> str:
    """A question such as "…: change the last Dense layer?" as a statement (English or Chinese stops)."""
    for question, stop in (("?", "."), ("？", "。")):
        if text.endswith(question):
            return text[:-1] + stop
    return text


def train_model(model, dataset, config: TrainingConfig, progress: ProgressFn | None = None,
                cancel: threading.Event | None = None, initial_epoch: int = 0,
                evaluate: bool = True) -> TrainResult:
    """Train ``model`` (compiled, or compiled here) on ``dataset`` for ``config.epochs`` more epochs.

    ``initial_epoch`` numbers the epochs of a continued run (epochs
    ``initial_epoch+1 … initial_epoch+config.epochs``) on the same model.
    """
    config.validate()
    k = keras()
    start = time.perf_counter()
    ensure_compiled(model)
    info = dataset.info
    _refuse_mismatch(model, info)
    if len(dataset.x_train) == 0:
        raise UserError(translate("train", "{name} has no training examples; choose another dataset.")
                        .format(name=info.name))

    k.utils.set_random_seed(int(config.seed) + int(initial_epoch))
    x_train, y_train = dataset.x_train, dataset.y_train
    x_val, y_val = None, None
    if config.validation_split and config.validation_split > 0:
        x_train, y_train, x_val, y_val = split_validation(x_train, y_train, float(config.validation_split), config.seed)
    elif dataset.x_val is not None and len(dataset.x_val):
        x_val, y_val = dataset.x_val, dataset.y_val

    num_classes = info.num_classes
    xt = _inputs(model, x_train)
    yt = prepare_labels(model, y_train, num_classes)
    validation = None
    if x_val is not None:
        validation = (_inputs(model, x_val), prepare_labels(model, np.asarray(y_val), num_classes))

    batch_size = int(config.batch_size)
    steps = max(1, math.ceil(len(xt) / batch_size))
    last_epoch = initial_epoch + config.epochs
    history: dict[str, list[float]] = {}
    batch_losses: list[float] = []
    callback = _make_callback(progress, cancel, steps, len(xt), batch_size, initial_epoch, last_epoch,
                              history, batch_losses)
    callbacks = [callback]
    early = None
    if config.early_stopping_patience > 0:
        early = k.callbacks.EarlyStopping(monitor="val_loss" if validation is not None else "loss",
                                          patience=int(config.early_stopping_patience), restore_best_weights=True)
        callbacks.append(early)

    # streamed image folders (ml/folders.py) become tf.data pipelines; arrays stay as they are
    train_input, train_labels, fit_kwargs = keras_input(xt, yt, batch_size, bool(config.shuffle), int(config.seed))
    fit_kwargs["shuffle"] = bool(config.shuffle)
    if validation is not None and is_streamed(validation[0]):
        validation = keras_input(*validation, batch_size)[0]
    if config.augment is not None and info.kind == "images":
        # batches come from tf.data, already shuffled there; Keras must not try again
        train_input, train_labels = _augmented_dataset(xt, yt, config, model_input_shape(model)), None
        fit_kwargs = {"shuffle": False}

    result = TrainResult(history=history, epochs_run=0, seconds=0.0, batch_losses=batch_losses,
                         initial_epoch=initial_epoch)
    try:
        model.fit(train_input, train_labels, epochs=last_epoch, initial_epoch=initial_epoch,
                  validation_data=validation, callbacks=callbacks, verbose=0, **fit_kwargs)
    except _Stop as stop:
        result.stop_reason = stop.reason
        result.cancelled = stop.reason == "cancelled"
    result.epochs_run = callback.epochs_done
    if not result.stop_reason and early is not None and early.stopped_epoch > 0:
        result.stop_reason = "early-stopping"

    if evaluate and result.stop_reason in ("", "early-stopping"):
        try:
            test = evaluate_model(model, dataset, progress=progress, cancel=cancel, batch_size=max(batch_size, 256))
            result.test_loss, result.test_accuracy = test["test_loss"], test["test_accuracy"]
        except Cancelled:
            result.cancelled = True
            result.stop_reason = "cancelled"
    result.seconds = time.perf_counter() - start
    report(progress, "done", result.epochs_run, config.epochs, _done_message(result),
           metrics={k_: v for k_, v in (("test_loss", result.test_loss), ("test_accuracy", result.test_accuracy))
                    if v is not None}, payload=result)
    return result


def _done_message(result: TrainResult) -> str:
    if result.stop_reason == "nan":
        return translate("train", "Stopped: the loss became NaN.")
    if result.cancelled:
        return translate("train", "Stopped after {epochs} epoch(s).").format(epochs=result.epochs_run)
    if result.test_accuracy is not None:
        return translate("train", "Test accuracy {accuracy:.1%}, test loss {loss:.4f}.").format(
            accuracy=result.test_accuracy, loss=result.test_loss)
    return translate("train", "Done.")


def _augmented_dataset(x: Any, y: np.ndarray, config: TrainingConfig, input_shape: tuple):
    """Training batches through the augmentation layers (training data only; validation/test stay as they are)."""
    from cnnexplorer.ml.augment import build_augmenter
    from cnnexplorer.ml.runtime import tf

    tf_ = tf()
    aug = build_augmenter(config.augment, input_shape)
    if is_streamed(x):
        ds = x.tf_dataset(y, int(config.batch_size), bool(config.shuffle), int(config.seed))
    else:
        ds = tf_.data.Dataset.from_tensor_slices((x, y))
        if config.shuffle:
            ds = ds.shuffle(len(x), seed=config.seed, reshuffle_each_iteration=True)
        ds = ds.batch(int(config.batch_size))
    ds = ds.map(lambda xb, yb: (aug(xb, training=True), yb), num_parallel_calls=tf_.data.AUTOTUNE)
    return ds.prefetch(tf_.data.AUTOTUNE)
