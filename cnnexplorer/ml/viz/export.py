"""Saving what Visualize shows: PNG images and NumPy arrays, through the app's one checked write.

Images are encoded in memory (``cv2.imencode``) and written with
:func:`cnnexplorer.core.files.write_bytes`: atomic, works with non-ASCII paths,
and a full disk or a read-only folder is one sentence, not a traceback.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np

from cnnexplorer.core.errors import ImageError
from cnnexplorer.core.files import write_bytes
from cnnexplorer.core.i18n import translate


def png_bytes(image: np.ndarray) -> bytes:
    """An RGB or grayscale uint8 image encoded as PNG."""
    import cv2

    arr = np.asarray(image)
    if arr.ndim == 3 and arr.shape[2] == 3:
        arr = cv2.cvtColor(np.ascontiguousarray(arr), cv2.COLOR_RGB2BGR)
    ok, buf = cv2.imencode(".png", arr)
    if not ok:
        raise ImageError(translate("viz_export", "Could not encode the image as PNG."))
    return buf.tobytes()


def save_png(path: str | Path, image: np.ndarray) -> Path:
    """Write ``image`` as a PNG file (FileWriteError with one sentence when it cannot be written)."""
    return write_bytes(path, png_bytes(image))


def save_npy(path: str | Path, array: np.ndarray) -> Path:
    """Write ``array`` in NumPy's .npy format."""
    buf = io.BytesIO()
    np.save(buf, np.asarray(array))
    return write_bytes(path, buf.getvalue())
