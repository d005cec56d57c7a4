"""A generated token-sequence dataset where the class is "does a short motif occur anywhere".

This is exactly the kind of pattern a Conv1D finds wherever it sits, and a
Dense layer on flattened embeddings struggles with when the position varies.
Deterministic for a given seed; no network needed.
"""
from __future__ import annotations

import numpy as np

VOCAB = 10000  # the tutorial's IMDB setup: 10,000 words ...
LENGTH = 500  # ... padded to length 500
MOTIF = (17, 42, 99)  # the "phrase" that makes a sequence positive
CLASS_NAMES = ("no motif", "motif")


def _contains(seq: np.ndarray, motif: tuple[int, ...]) -> bool:
    m = len(motif)
    windows = np.lib.stride_tricks.sliding_window_view(seq, m)
    return bool((windows == np.array(motif)).all(axis=1).any())


def generate(n: int, seed: int, length: int = LENGTH, vocab: int = VOCAB,
             motif: tuple[int, ...] = MOTIF) -> tuple[np.ndarray, np.ndarray]:
    """``n`` sequences of token ids in [1, vocab) and labels (1 = motif present), balanced."""
    rng = np.random.default_rng(seed)
    x = rng.integers(1, vocab, size=(n, length), dtype=np.int32)
    y = np.zeros(n, dtype=np.int32)
    y[: n // 2] = 1
    rng.shuffle(y)
    for i in range(n):
        if y[i]:
            pos = rng.integers(0, length - len(motif) + 1)
            x[i, pos : pos + len(motif)] = motif
        else:
            while _contains(x[i], motif):  # astronomically rare, but the label must be true
                x[i] = rng.integers(1, vocab, size=length, dtype=np.int32)
    return x, y
