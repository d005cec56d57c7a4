"""Confusion matrix and per-class accuracy: numpy only, shared by the Training tab and the CLI."""
from __future__ import annotations

import numpy as np


def confusion_matrix(y_true, y_pred, num_classes: int) -> np.ndarray:
    """Counts ``m[true, predicted]`` as an int64 (num_classes, num_classes) array."""
    y_true = np.asarray(y_true, dtype=np.int64).reshape(-1)
    y_pred = np.asarray(y_pred, dtype=np.int64).reshape(-1)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"{len(y_true)} true labels but {len(y_pred)} predictions")
    if num_classes < 1:
        raise ValueError("num_classes must be at least 1")
    ok = (y_true >= 0) & (y_true < num_classes) & (y_pred >= 0) & (y_pred < num_classes)
    flat = y_true[ok] * num_classes + y_pred[ok]
    return np.bincount(flat, minlength=num_classes * num_classes).reshape(num_classes, num_classes)


def per_class_accuracy(matrix: np.ndarray) -> np.ndarray:
    """Fraction of each true class predicted correctly (NaN for a class with no examples)."""
    matrix = np.asarray(matrix, dtype=np.float64)
    totals = matrix.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(matrix) / np.where(totals > 0, totals, 1), np.nan)


def cell_indices(y_true, y_pred, true_class: int, predicted_class: int) -> np.ndarray:
    """Indices of the examples in one cell (true ``true_class``, predicted ``predicted_class``)."""
    y_true = np.asarray(y_true).reshape(-1)
    y_pred = np.asarray(y_pred).reshape(-1)
    return np.flatnonzero((y_true == true_class) & (y_pred == predicted_class))


def most_confused(matrix: np.ndarray, top: int = 3) -> list[tuple[int, int, int]]:
    """The largest off-diagonal cells as (true, predicted, count), biggest first, zeros left out."""
    matrix = np.asarray(matrix)
    cells = [(int(matrix[i, j]), i, j) for i in range(matrix.shape[0]) for j in range(matrix.shape[1])
             if i != j and matrix[i, j] > 0]
    cells.sort(key=lambda c: (-c[0], c[1], c[2]))
    return [(i, j, n) for n, i, j in cells[:top]]
