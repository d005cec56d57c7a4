"""ml/train.py on tiny models and tiny data: events, stop, NaN, continue, label forms."""
from __future__ import annotations

import math
import threading

import numpy as np
import pytest

from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.spec import CompileSpec, LayerSpec, ModelSpec
from cnnexplorer.ml.build import build_model
from cnnexplorer.ml.data import Dataset, DatasetInfo
from cnnexplorer.ml.train import evaluate_model, predict_classes, train_model


def tiny_dataset(n=96, classes=3, size=8, channels=1, seed=0) -> Dataset:
    """Images whose class is which third of the picture is bright: learnable in a few batches."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, classes, n).astype(np.int32)
    x = rng.integers(0, 40, (n, size, size, channels)).astype(np.uint8)
    band = size // classes
    for i, label in enumerate(y):
        x[i, label * band:(label + 1) * band] = 220
    info = DatasetInfo("tiny", "tiny", "images", (size, size, channels), classes, tuple(map(str, range(classes))),
                       "test", "test", "generated")
    cut = n * 3 // 4
    return Dataset(info, x[:cut], y[:cut], x[cut:], y[cut:])


def tiny_spec(classes=3, size=8, loss="sparse_categorical_crossentropy", lr=0.01, optimizer="adam", units=None,
              activation="softmax") -> ModelSpec:
    return ModelSpec(
        input_shape=(size, size, 1),
        layers=[LayerSpec("Rescaling", {"scale": 1 / 255}), LayerSpec("Flatten"),
                LayerSpec("Dense", {"units": units or classes, "activation": activation})],
        compile=CompileSpec(optimizer=optimizer, learning_rate=lr, loss=loss), name="tiny")


def test_training_emits_batches_epochs_and_a_test_result():
    ds = tiny_dataset()
    events = []
    result = train_model(build_model(tiny_spec()), ds, TrainingConfig(epochs=3, batch_size=16, validation_split=0.25),
                         progress=events.append)
    kinds = [e.kind for e in events]
    assert kinds.count("epoch") == 3 and kinds[-1] == "done" and "evaluate" in kinds
    batches = [e for e in events if e.kind == "batch"]
    steps = batches[0].total
    assert len(batches) == 3 * steps and batches[0].step == 1
    assert {"loss", "accuracy", "samples_per_s", "eta_s"} <= set(batches[-1].metrics)
    epoch = [e for e in events if e.kind == "epoch"][-1]
    assert {"loss", "accuracy", "val_loss", "val_accuracy"} <= set(epoch.metrics)
    assert result.epochs_run == 3 and not result.cancelled
    assert len(result.history["val_loss"]) == 3
    assert result.test_accuracy is not None and result.test_accuracy > 0.8
    assert len(result.batch_losses) == 3 * steps


def test_per_batch_values_are_each_batch_not_the_running_mean():
    ds = tiny_dataset(n=128)
    events = []
    train_model(build_model(tiny_spec()), ds, TrainingConfig(epochs=1, batch_size=8), progress=events.append)
    batches = [e.metrics for e in events if e.kind == "batch"]
    acc = [b["accuracy"] for b in batches]
    assert all(0.0 <= a <= 1.0 for a in acc)
    # a running mean would never reach the last batch's value this fast
    assert batches[-1]["loss"] < batches[-1]["running_loss"]


def test_stop_during_the_first_batch():
    cancel = threading.Event()
    events = []

    def progress(event):
        events.append(event)
        cancel.set()

    result = train_model(build_model(tiny_spec()), tiny_dataset(), TrainingConfig(epochs=50, batch_size=8),
                         progress=progress, cancel=cancel)
    assert result.cancelled and result.stop_reason == "cancelled"
    assert result.epochs_run == 0 and result.test_accuracy is None
    assert [e.kind for e in events].count("batch") == 1


def test_stop_during_evaluation():
    cancel = threading.Event()

    def progress(event):
        if event.kind == "evaluate" and event.step >= 1:
            cancel.set()

    ds = tiny_dataset(n=400)
    result = train_model(build_model(tiny_spec()), ds, TrainingConfig(epochs=1, batch_size=32), progress=progress,
                         cancel=cancel)
    assert result.cancelled and result.epochs_run == 1 and result.test_accuracy is None


def test_nan_loss_stops_at_once():
    ds = tiny_dataset(n=128)
    model = build_model(tiny_spec(optimizer="sgd", lr=1e15, activation="linear", loss="mse", units=3))
    events = []
    result = train_model(model, ds, TrainingConfig(epochs=20, batch_size=8), progress=events.append)
    assert result.stop_reason == "nan"
    assert any(not math.isfinite(v) for v in result.batch_losses)
    assert result.epochs_run < 20 and result.test_loss is None
    assert events[-1].kind == "done" and "NaN" in events[-1].message


def test_continue_numbers_epochs_after_the_first_run():
    ds = tiny_dataset()
    model = build_model(tiny_spec())
    first = train_model(model, ds, TrainingConfig(epochs=2, batch_size=16))
    events = []
    second = train_model(model, ds, TrainingConfig(epochs=2, batch_size=16), progress=events.append,
                         initial_epoch=first.epochs_run)
    assert [e.step for e in events if e.kind == "epoch"] == [3, 4]
    assert second.epochs_run == 2 and second.initial_epoch == 2
    assert second.history["loss"][-1] < first.history["loss"][0]


def test_mismatch_is_refused_with_the_fix():
    with pytest.raises(UserError, match="change the last Dense layer to 3 units"):
        train_model(build_model(tiny_spec(classes=10)), tiny_dataset(), TrainingConfig(epochs=1))


def test_binary_and_categorical_losses_get_labels_in_their_form():
    ds = tiny_dataset(classes=2)
    binary = build_model(tiny_spec(classes=2, units=1, activation="sigmoid", loss="binary_crossentropy"))
    r1 = train_model(binary, ds, TrainingConfig(epochs=2, batch_size=16))
    assert r1.test_accuracy is not None and r1.test_accuracy > 0.7
    pred, conf = predict_classes(binary, ds.x_test, 16)
    assert set(np.unique(pred)) <= {0, 1} and (conf >= 0.5).all()
    onehot = build_model(tiny_spec(classes=2, loss="categorical_crossentropy"))
    r2 = train_model(onehot, ds, TrainingConfig(epochs=2, batch_size=16))
    assert r2.test_accuracy is not None
    assert set(evaluate_model(onehot, ds)) == {"test_loss", "test_accuracy"}


def test_augmentation_applies_to_training_batches_only():
    from cnnexplorer.core.augment_config import AugmentConfig

    ds = tiny_dataset(n=96)
    config = TrainingConfig(epochs=1, batch_size=16, validation_split=0.25,
                            augment=AugmentConfig(rotation_range=10.0, zoom_range=0.1))
    events = []
    result = train_model(build_model(tiny_spec()), ds, config, progress=events.append)
    assert result.epochs_run == 1 and result.test_accuracy is not None
    batches = [e for e in events if e.kind == "batch"]
    assert len(batches) == batches[0].total == 4  # 54 training images left after validation / 16 per batch
