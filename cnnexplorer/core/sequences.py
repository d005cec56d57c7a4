"""A generated token-sequence dataset where the class is "does a short phrase occur, in order, anywhere".

Each sequence is a short "text" of background words, front-padded with 0 to
``LENGTH`` the way ``pad_sequences`` pads IMDB reviews. A positive text holds
the phrase ``MOTIF`` (three words in that order) at a random position; a
negative text holds the same three words in a wrong order (a decoy) instead.
So counting words tells nothing: only the local order does, wherever it is.

That is exactly what a Conv1D finds (one detector slid along the text) and
what a Dense layer on the flattened embeddings cannot: it would have to learn
the phrase separately at every position, from a handful of examples each.
``benchmarks/sequences_conv1d_vs_dense.py`` measures both.

Why these choices (the first version used random words from all 10,000 and no
decoys): with thousands of distinct random words, 2,000 training texts are
easy to memorise word by word, and the conv1d-text template (learning rate
1e-4) did exactly that, staying at chance on new texts after 8 epochs. A small
background vocabulary (20 words) leaves nothing to memorise, and texts of
50-150 words leave fewer windows competing with the phrase in the global max
pooling, so the template learns the phrase in a few epochs.

Deterministic for a given seed; no network needed.
"""
from __future__ import annotations

from itertools import permutations

import numpy as np

VOCAB = 10000  # the tutorial's IMDB setup: 10,000 words (the template's Embedding size) ...
LENGTH = 500  # ... padded to length 500
MOTIF = (17, 42, 99)  # the "phrase" that makes a sequence positive
CLASS_NAMES = ("no motif", "motif")
WORDS = 20  # background vocabulary: ids FIRST_WORD .. FIRST_WORD + WORDS - 1
FIRST_WORD = 100  # above the motif ids, so the motif words only occur in the phrase or its decoy
TEXT_LENGTH = (50, 150)  # words per text before padding
PAD = 0


def _contains(seq: np.ndarray, motif: tuple[int, ...]) -> bool:
    m = len(motif)
    if len(seq) < m:
        return False
    windows = np.lib.stride_tricks.sliding_window_view(seq, m)
    return bool((windows == np.array(motif)).all(axis=1).any())


def decoys_of(motif: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The motif's words in every other order (empty when all its words are the same)."""
    return sorted({p for p in permutations(motif) if p != tuple(motif)})


def _scatter_positions(rng: np.random.Generator, size: int, count: int, gap: int) -> list[int]:
    """``count`` positions in ``range(size)``, at least ``gap`` apart (fewer apart when the text is too short)."""
    gap = min(gap, max(1, (size - 1) // max(1, count - 1)))
    while True:
        pos = sorted(int(p) for p in rng.choice(size, size=count, replace=False))
        if all(b - a >= gap for a, b in zip(pos, pos[1:])):
            return pos


def generate(n: int, seed: int, length: int = LENGTH, vocab: int = VOCAB, motif: tuple[int, ...] = MOTIF,
             words: int = WORDS, text_length: tuple[int, int] = TEXT_LENGTH,
             decoys: bool = True, scatter: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` padded token sequences (int32, shape (n, length)) and labels (1 = phrase present), balanced."""
    motif = tuple(int(t) for t in motif)
    lo, hi = int(text_length[0]), min(int(text_length[1]), length)
    if not (len(motif) <= lo <= hi):
        raise ValueError(f"text_length {text_length} must fit the motif ({len(motif)} words) and length {length}")
    if FIRST_WORD + words > vocab or max(motif) >= vocab:
        raise ValueError(f"word ids must stay below vocab={vocab}")
    rng = np.random.default_rng(seed)
    wrong_orders = decoys_of(motif) if decoys else []
    # Only a custom motif that shares words with the background can appear by chance; check only then.
    overlap = any(FIRST_WORD <= t < FIRST_WORD + words for t in motif)
    x = np.full((n, length), PAD, dtype=np.int32)
    y = np.zeros(n, dtype=np.int32)
    y[: n // 2] = 1
    rng.shuffle(y)
    for i in range(n):
        size = int(rng.integers(lo, hi + 1))
        while True:
            text = rng.integers(FIRST_WORD, FIRST_WORD + words, size=size, dtype=np.int32)
            pos = int(rng.integers(0, size - len(motif) + 1))
            if y[i]:
                text[pos:pos + len(motif)] = motif
            elif scatter:
                spots = _scatter_positions(rng, size, len(motif), scatter)
                text[spots] = rng.permutation(np.array(motif, dtype=np.int32))
            elif wrong_orders:
                text[pos:pos + len(motif)] = wrong_orders[int(rng.integers(len(wrong_orders)))]
            if not overlap or _contains(text, motif) == bool(y[i]):
                break
        x[i, length - size:] = text
    return x, y
