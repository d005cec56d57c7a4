"""The data the lessons train on: the bundled digits, the generated shapes and sequences, made small for tests."""

from __future__ import annotations

import dataclasses

import numpy as np

from cnnexplorer.core.configs import TrainingConfig


def take(x: np.ndarray, y: np.ndarray, count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A seeded, class-balanced subset of ``count`` examples (all of them when ``count`` is larger)."""
    if count >= len(y):
        return x, y
    rng = np.random.default_rng(seed)
    classes = np.unique(y)
    per = max(1, count // len(classes))
    keep = np.concatenate([rng.permutation(np.flatnonzero(y == c))[:per] for c in classes])
    keep = rng.permutation(keep)
    return x[keep], y[keep]


def two_subsets(y: np.ndarray, first: int, second: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices of two disjoint, class-balanced, seeded subsets of sizes about ``first`` and ``second``."""
    rng = np.random.default_rng(seed)
    classes = np.unique(y)
    a, b = [], []
    for c in classes:
        idx = rng.permutation(np.flatnonzero(y == c))
        na, nb = first // len(classes), second // len(classes)
        a.append(idx[:na])
        b.append(idx[na : na + nb])
    return rng.permutation(np.concatenate(a)), rng.permutation(np.concatenate(b))


def digits(quick: bool, train: int | None = None, test: int | None = None, seed: int = 0):
    """The bundled MNIST sample (4,000 train / 1,000 test), optionally a subset; 300/100 when ``quick``."""
    from cnnexplorer.ml.data import load_dataset

    data = load_dataset("mnist-sample")
    train = 300 if quick else train
    test = 100 if quick else test
    x, y = data.x_train, data.y_train
    if train:
        x, y = take(x, y, train, seed)
    xt, yt = data.x_test, data.y_test
    if test:
        xt, yt = take(xt, yt, test, seed + 1)
    return dataclasses.replace(data, x_train=x, y_train=y, x_test=xt, y_test=yt)


def config(
    quick: bool, epochs: int, batch_size: int = 64, validation_split: float = 0.2, seed: int = 0, augment=None
) -> TrainingConfig:
    return TrainingConfig(
        epochs=1 if quick else epochs,
        batch_size=batch_size,
        validation_split=validation_split,
        seed=seed,
        augment=augment,
    )
