"""Image folders read for a model: at its input size and channels, in parallel, streamed when too large.

A folder is ``root/<class>/*`` or ``root/train/<class>/*`` with optional
``validation/`` and ``test/`` beside it. :func:`read_folder` decodes every file
once, on a thread pool sized to the cores (OpenCV releases the GIL while it
decodes), straight to the size and channel count the model wants: nothing is
held at any other size. Files that are not readable images, or whose header
declares more pixels than :data:`PIXEL_LIMIT`, are skipped and counted.

When the decoded folder would not fit the memory budget (a quarter of this
computer's memory, :func:`memory_budget`; counting the float32 copy training
makes, :data:`BYTES_PER_VALUE` bytes per value), the pixels are not kept:
``x_train``/``x_test`` become :class:`StreamedImages`, a list of files that
decodes batches on demand, and :func:`keras_input` turns them into a
``tf.data`` pipeline (parallel decode, prefetch). The skipped-file report and
the stratified split are the same as in memory, because both come from the
same first pass over the files.
"""
from __future__ import annotations

import collections
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from cnnexplorer.core.errors import DatasetError
from cnnexplorer.core.files import FileTooLarge, read_capped, short_path
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.image_header import MAX_PIXELS
from cnnexplorer.core.images import MAX_IMAGE_FILE_BYTES, NOT_IMAGE, TOO_LARGE, decode_bounded, resize_image
from cnnexplorer.core.progress import Cancelled, ProgressFn, check_cancel, report
from cnnexplorer.core.shapes import total_memory
from cnnexplorer.core.units import byte_size

BYTES_PER_VALUE = 5  # uint8 as read + the float32 copy model.fit gets
PIXEL_LIMIT = MAX_PIXELS  # an image declaring more pixels is refused before decoding (a decompression bomb)
DEFAULT_BUDGET = 2_000_000_000  # where the platform does not say how much memory it has
CHUNK = 128  # files per task on the pool


def memory_budget() -> int:
    """Bytes a dataset may take in memory: a quarter of physical memory (2 GB where unknown)."""
    total = total_memory()
    return total // 4 if total else DEFAULT_BUDGET


def workers() -> int:
    return max(1, os.cpu_count() or 1)


# -- decoding one file -----------------------------------------------------------

UNREADABLE = "unreadable"


def decode_for_model(data: bytes, height: int | None, width: int | None, channels: int
                     ) -> tuple[np.ndarray | None, tuple[int, int, int] | str]:
    """(image (H, W, C) uint8 RGB/grey at the model's size, (h, w, c) as stored) or (None, why not).

    :func:`core.images.decode_bounded`, then resized: ``height``/``width`` None keep the stored size.
    """
    image, stored = decode_bounded(data, channels)
    if image is None or isinstance(stored, str):
        return None, stored
    return resize_image(image, height or stored[0], width or stored[1]), stored


def read_file(path: bytes) -> bytes | str:
    """The file's bytes, or why not: TOO_LARGE above core's cap for an image file (256 MB), UNREADABLE."""
    try:
        return read_capped(path, MAX_IMAGE_FILE_BYTES)
    except FileTooLarge:
        return TOO_LARGE
    except OSError:
        return UNREADABLE


# -- listing ---------------------------------------------------------------------

def _listdir(folder: Path) -> list[os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return list(it)
    except PermissionError:
        raise DatasetError(translate("folders", "The folder {folder} cannot be read (permission denied). Give "
                                                "yourself read permission on it, or move its images to a folder "
                                                "you can read.").format(folder=short_path(folder))) from None
    except OSError as exc:
        raise DatasetError(translate("folders", "The folder {folder} cannot be read ({reason}).")
                           .format(folder=short_path(folder), reason=exc.strerror or exc.__class__.__name__)
                           ) from None


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file() and not entry.name.startswith(".")
    except OSError:
        return False


def list_files(root: Path, classes: Sequence[str]) -> tuple[list[bytes], np.ndarray]:
    """(file paths as bytes, labels) of one split, sorted by class then name; hidden files left out."""
    paths: list[bytes] = []
    labels: list[int] = []
    for label, name in enumerate(classes):
        folder = root / name
        if not folder.is_dir():
            continue
        files = sorted(os.fsencode(e.path) for e in _listdir(folder) if _is_file(e))
        paths.extend(files)
        labels.extend([label] * len(files))
    return paths, np.asarray(labels, dtype=np.int32)


# -- the pass over the files -----------------------------------------------------

@dataclass
class ReadResult:
    """What one pass over a list of files found (``x`` is None when streaming)."""

    x: np.ndarray | None
    ok: np.ndarray  # bool per file
    reasons: dict[str, int] = field(default_factory=dict)  # why files were skipped: TOO_LARGE, NOT_IMAGE ...
    sizes: collections.Counter = field(default_factory=collections.Counter)  # (h, w) as stored
    grey: int = 0
    colour: int = 0


def read_files(paths: Sequence[bytes], height: int, width: int, channels: int, keep: bool = True,
               progress: ProgressFn | None = None, cancel: threading.Event | None = None,
               done_before: int = 0, total: int | None = None) -> ReadResult:
    """Decode ``paths`` on a thread pool at (height, width, channels); keep the pixels or only check them."""
    n = len(paths)
    total = total if total is not None else n
    x = np.empty((n, height, width, channels), np.uint8) if keep else None
    ok = np.zeros(n, dtype=bool)
    result = ReadResult(x, ok)
    lock = threading.Lock()
    stop = threading.Event()

    def work(start: int) -> int:
        reasons: collections.Counter = collections.Counter()
        sizes: collections.Counter = collections.Counter()
        grey = colour = 0
        for i in range(start, min(start + CHUNK, n)):
            if stop.is_set() or (cancel is not None and cancel.is_set()):
                return 0
            data = read_file(paths[i])
            if isinstance(data, str):
                reasons[data] += 1
                continue
            image, stored = decode_for_model(data, height, width, channels)
            if image is None:
                reasons[stored] += 1
                continue
            if x is not None:
                x[i] = image
            ok[i] = True
            sizes[stored[:2]] += 1
            if stored[2] in (1, 2):
                grey += 1
            else:
                colour += 1
        with lock:
            for key, count in reasons.items():
                result.reasons[key] = result.reasons.get(key, 0) + count
            result.sizes.update(sizes)
            result.grey += grey
            result.colour += colour
        return min(start + CHUNK, n) - start

    done = done_before
    with ThreadPoolExecutor(max_workers=workers(), thread_name_prefix="read-images") as pool:
        futures = [pool.submit(work, start) for start in range(0, n, CHUNK)]
        try:
            for future in futures:
                done += future.result()
                check_cancel(cancel)
                report(progress, "load", done, total,
                       translate("data", "Reading images {done}/{total}").format(done=done, total=total))
        except BaseException:
            stop.set()
            raise
    check_cancel(cancel)
    return result


def probe(paths: Sequence[bytes], count: int = 48) -> tuple[collections.Counter, int, int]:
    """(stored sizes, grey files, colour files) of up to ``count`` files spread over the list."""
    if not paths:
        return collections.Counter(), 0, 0
    step = max(1, len(paths) // count)
    sample = list(paths[::step])[:count]
    r = read_files(sample, 1, 1, 1, keep=False)
    return r.sizes, r.grey, r.colour


# -- streamed images -------------------------------------------------------------

class StreamedImages:
    """An image array that stays on disk: ``len``, ``shape``, ``x[i]``, ``x[a:b]`` decode on demand.

    Indexing with an array of indices gives another StreamedImages (a subset,
    e.g. a validation split); ``astype`` returns it unchanged (the float
    conversion happens per batch). :func:`keras_input` makes the tf.data pipeline.
    """

    dtype = np.dtype(np.uint8)
    ndim = 4

    def __init__(self, paths: Sequence[bytes], image_shape: tuple[int, int, int]) -> None:
        self.paths = np.asarray(list(paths), dtype=object)
        h, w, c = (int(d) for d in image_shape)
        self.image_shape: tuple[int, int, int] = (h, w, c)

    @property
    def shape(self) -> tuple[int, ...]:
        return (len(self.paths), *self.image_shape)

    @property
    def nbytes(self) -> int:
        return int(np.prod(self.shape))

    def __len__(self) -> int:
        return len(self.paths)

    def astype(self, dtype: Any, copy: bool = True) -> StreamedImages:
        return self

    def decode(self, path: bytes) -> np.ndarray:
        h, w, c = self.image_shape
        data = read_file(path)
        image = None if isinstance(data, str) else decode_for_model(data, h, w, c)[0]
        if image is None:  # changed on disk since it was read: a blank image rather than a failed epoch
            return np.zeros(self.image_shape, np.uint8)
        return image

    def __getitem__(self, key):
        if isinstance(key, (int, np.integer)):
            return self.decode(self.paths[key])
        if isinstance(key, slice):  # a batch: decoded on the pool (files gone since the first pass stay black)
            h, w, c = self.image_shape
            r = read_files(list(self.paths[key]), h, w, c)
            assert r.x is not None
            r.x[~r.ok] = 0
            return r.x
        return StreamedImages(self.paths[np.asarray(key)], self.image_shape)

    def __array__(self, dtype=None, copy=None):
        out = self[0:len(self)]
        return out if dtype is None else out.astype(dtype)

    def tf_dataset(self, labels: np.ndarray | None, batch_size: int, shuffle: bool = False, seed: int = 0):
        """Batches of float32 images (and labels): file list → shuffle → parallel decode → batch → prefetch."""
        from cnnexplorer.ml.runtime import tf

        tf_ = tf()
        h, w, c = self.image_shape
        index = np.arange(len(self), dtype=np.int64)
        ds = tf_.data.Dataset.from_tensor_slices(index if labels is None else (index, labels))
        if shuffle:
            ds = ds.shuffle(len(self), seed=seed, reshuffle_each_iteration=True)
        ds = ds.batch(int(batch_size))
        paths = self.paths

        def load(batch_index):
            chosen = paths[batch_index]
            out = np.empty((len(chosen), h, w, c), np.float32)
            for i, p in enumerate(chosen):
                out[i] = self.decode(p)
            return out

        def images(batch_index):
            x = tf_.numpy_function(load, [batch_index], tf_.float32, stateful=False)
            x.set_shape((None, h, w, c))
            return x

        if labels is None:
            ds = ds.map(images, num_parallel_calls=tf_.data.AUTOTUNE, deterministic=True)
        else:
            ds = ds.map(lambda i, y: (images(i), y), num_parallel_calls=tf_.data.AUTOTUNE, deterministic=True)
        return ds.prefetch(tf_.data.AUTOTUNE)


def is_streamed(x: Any) -> bool:
    return isinstance(x, StreamedImages)


def keras_input(x: Any, y: Any, batch_size: int, shuffle: bool = False, seed: int = 0
                ) -> tuple[Any, Any, dict[str, Any]]:
    """(x, y, keyword arguments) for ``model.fit``/``evaluate``/``predict``: arrays as they are (with
    ``batch_size``), streamed images as a tf.data pipeline of (images, labels) batches (shuffled here when asked;
    Keras ignores its own ``shuffle`` for a tf.data input)."""
    if not is_streamed(x):
        return x, y, {"batch_size": int(batch_size)}
    return x.tf_dataset(None if y is None else np.asarray(y), batch_size, shuffle, seed), None, {}


def check_fits(height: int, width: int, channels: int, budget: int) -> None:
    """Refuse a size of which even one image (a batch of 1) would not fit the budget."""
    one = height * width * channels * BYTES_PER_VALUE
    if one > budget:
        raise DatasetError(translate("folders", "Even one image of {h}×{w}×{c} needs {size}, more than the memory "
                                                "budget of {budget}, so it cannot be read even one at a time. Choose "
                                                "a smaller image size (--image-size).")
                           .format(h=height, w=width, c=channels, size=byte_size(one), budget=byte_size(budget)))


def skipped_summary(reasons: dict[str, int]) -> str:
    """"3 not readable as images, 1 too large (over 50 megapixels), 2 not readable (permission)"."""
    parts = []
    if reasons.get(NOT_IMAGE):
        parts.append(translate("folders", "{count} not readable as images").format(count=reasons[NOT_IMAGE]))
    if reasons.get(TOO_LARGE):
        parts.append(translate("folders", "{count} too large (over {limit} megapixels)")
                     .format(count=reasons[TOO_LARGE], limit=PIXEL_LIMIT // 1_000_000))
    if reasons.get(UNREADABLE):
        parts.append(translate("folders", "{count} that could not be opened (permission or disk error)")
                     .format(count=reasons[UNREADABLE]))
    return ", ".join(parts)


__all__ = ["BYTES_PER_VALUE", "PIXEL_LIMIT", "StreamedImages", "Cancelled", "check_fits", "decode_for_model",
           "is_streamed", "keras_input", "list_files", "memory_budget", "probe", "read_files", "skipped_summary",
           "total_memory"]
