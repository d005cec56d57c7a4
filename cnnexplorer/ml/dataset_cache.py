"""Keras dataset files copied into ``~/.keras/datasets`` by hand, checked before use.

Keras verifies ``mnist.npz`` and ``imdb.npz`` against a SHA-256 it knows; a
copy from elsewhere (a classroom share, another Keras version's re-packing)
that differs is refused and Keras tries to download it again, which fails
offline. :func:`read_cached_copy` reads such a copy directly when its arrays
have the right names, shapes and types — with ``allow_pickle=False``, so a
file of unknown origin can never run code — and says so in a note; otherwise
it explains which array is wrong.
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import numpy as np

from cnnexplorer.core.errors import DatasetError
from cnnexplorer.core.i18n import translate

# The hashes Keras itself checks (keras/src/datasets/mnist.py, imdb.py).
KERAS_SHA256 = {
    "mnist.npz": "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1",
    "imdb.npz": "69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f",
}
MAX_MEMBER_BYTES = 1_000_000_000  # the real mnist.npz holds 55 MB of arrays


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _refuse(path: Path, reason: str) -> DatasetError:
    return DatasetError(translate("dataset_cache", "{path} is not the file Keras expects (its SHA-256 checksum "
                                                   "differs), and it cannot be read directly: {reason}. Delete it "
                                                   "so Keras downloads the original, or copy the original file "
                                                   "there.").format(path=path, reason=reason))


def _mnist_arrays(path: Path) -> dict[str, np.ndarray]:
    try:
        with zipfile.ZipFile(path) as z:
            for member in z.infolist():
                if member.file_size > MAX_MEMBER_BYTES:
                    raise _refuse(path, translate("dataset_cache", "{name} would unpack to {size:,} bytes")
                                  .format(name=member.filename, size=member.file_size))
        with np.load(path, allow_pickle=False) as npz:
            names = set(npz.files)
            missing = [k for k in ("x_train", "y_train", "x_test", "y_test") if k not in names]
            if missing:
                raise _refuse(path, translate("dataset_cache", "it has no array named {names}")
                              .format(names=", ".join(missing)))
            arrays = {k: npz[k] for k in ("x_train", "y_train", "x_test", "y_test")}
    except DatasetError:
        raise
    except ValueError as exc:  # object arrays need pickle, which is refused
        if "pickle" in str(exc).lower():
            raise _refuse(path, translate("dataset_cache", "it holds Python objects (pickle), which are not read "
                                                           "from a file of unknown origin")) from None
        raise _refuse(path, str(exc).splitlines()[0][:160] if str(exc) else exc.__class__.__name__) from None
    except Exception as exc:
        raise _refuse(path, translate("dataset_cache", "it is not a readable .npz archive ({error})")
                      .format(error=exc.__class__.__name__)) from None
    for split in ("train", "test"):
        x, y = arrays[f"x_{split}"], arrays[f"y_{split}"]
        if x.dtype != np.uint8 or x.ndim != 3 or x.shape[1:] != (28, 28) or len(x) == 0:
            raise _refuse(path, translate("dataset_cache", "x_{split} is {dtype} of shape {shape}, not uint8 images "
                                                           "of shape (N, 28, 28)")
                          .format(split=split, dtype=x.dtype, shape=tuple(x.shape)))
        if not np.issubdtype(y.dtype, np.integer) or y.shape != (len(x),):
            raise _refuse(path, translate("dataset_cache", "y_{split} is {dtype} of shape {shape}, not {count} "
                                                           "integer labels")
                          .format(split=split, dtype=y.dtype, shape=tuple(y.shape), count=len(x)))
        if y.size and (int(y.min()) < 0 or int(y.max()) > 9):
            raise _refuse(path, translate("dataset_cache", "y_{split} holds labels outside 0-9")
                          .format(split=split))
    return arrays


def read_cached_copy(name: str, cache_dir: Path):
    """((x_train, y_train), (x_test, y_test)), note) for a cached copy Keras would refuse; None to let Keras load.

    Only ``mnist`` has arrays that can be checked and read without pickle;
    ``imdb.npz`` holds Python lists (pickled), so a differing copy is refused.
    """
    fname = {"mnist": "mnist.npz", "imdb": "imdb.npz"}.get(name)
    if fname is None:
        return None
    path = Path(cache_dir) / fname
    if not path.is_file() or sha256(path) == KERAS_SHA256[fname]:
        return None  # nothing copied by hand, or Keras' own file: Keras loads it
    if name == "imdb":
        raise _refuse(path, translate("dataset_cache", "it holds Python objects (pickle), which are not read from a "
                                                       "file of unknown origin"))
    arrays = _mnist_arrays(path)
    note = translate("dataset_cache", "{path} differs from the file Keras checks for; its arrays have the right names, "
                                      "shapes and types, so it was read directly").format(path=path)
    return ((arrays["x_train"], arrays["y_train"]), (arrays["x_test"], arrays["y_test"])), note
