"""Image loading, resizing, grids, colormaps and overlays (numpy + OpenCV).

Conventions used across the app: images are numpy ``uint8`` arrays in RGB
order, shaped (H, W, 3) for colour and (H, W, 1) for grayscale. OpenCV works in
BGR; the conversion happens only in this module, at the file boundary.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

# OpenCV's own ceiling on decoded pixels, in case an image reaches it past our header check (defence in depth;
# read when OpenCV first decodes, so set before any decoding).
os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(50_000_000))

import cv2
import numpy as np

from cnnexplorer.core.errors import ImageError
from cnnexplorer.core.files import FileTooLarge, read_capped, short_path, write_bytes
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.image_header import MAX_PIXELS, Declared, declared_size
from cnnexplorer.core.units import byte_size

MAX_IMAGE_FILE_BYTES = 256_000_000  # a 50 MP uncompressed 32-bit BMP is 200 MB
TOO_LARGE = "too-large"  # why decode_bounded gave no image: more pixels than MAX_PIXELS
NOT_IMAGE = "not-image"  # ... or not an image this app reads

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".gif", ".tif", ".tiff", ".webp")

COLORMAPS = {
    "jet": cv2.COLORMAP_JET,
    "viridis": cv2.COLORMAP_VIRIDIS,
    "inferno": cv2.COLORMAP_INFERNO,
    "magma": cv2.COLORMAP_MAGMA,
    "hot": cv2.COLORMAP_HOT,
    "gray": None,
}


def check_declared_size(data: bytes, name: str) -> Declared:
    """The size ``data`` declares in its header; ImageError if it is no image we read or more than 50 megapixels.

    Nothing is decoded: a 1.5 MB "decompression bomb" declaring 40,000 × 40,000
    pixels is refused here, before OpenCV would allocate 4.8 GB for it.
    """
    declared = declared_size(data)
    if declared is None or declared.width < 1 or declared.height < 1:
        raise ImageError(_unreadable(name))
    if declared.pixels > MAX_PIXELS:
        raise ImageError(
            translate("images", "{name} is a {format} of {width:,} × {height:,} pixels ({megapixels:,.0f} "
                                "megapixels); this app reads images of up to {limit} megapixels. Use a smaller "
                                "copy.").format(name=short_path(name), format=declared.format, width=declared.width,
                                                height=declared.height, megapixels=declared.pixels / 1e6,
                                                limit=MAX_PIXELS // 1_000_000))
    return declared


def decode_bounded(data: bytes, channels: int | None = None
                   ) -> tuple[np.ndarray | None, tuple[int, int, int] | str]:
    """(image, (h, w, c) as stored) or (None, :data:`TOO_LARGE` / :data:`NOT_IMAGE`); bad bytes never raise.

    The one decoder of the app (files, folders, streamed batches). The header is
    read first (``core.image_header``): more than 50 megapixels declared is
    TOO_LARGE before anything is decoded. The image comes out uint8, upright as
    its EXIF orientation says (as a photo viewer shows it), 16-bit depth reduced
    to 8, alpha dropped; ``channels`` 1 gives grey (H, W, 1) (ITU-R 601 luma of
    colour files), 3 gives RGB (grey repeated), None keeps grey files grey.
    """
    if not data:
        return None, NOT_IMAGE
    declared = declared_size(data)
    if declared is None or declared.width < 1 or declared.height < 1:
        return None, NOT_IMAGE  # not one of the formats the app reads
    if declared.pixels > MAX_PIXELS:
        return None, TOO_LARGE
    try:
        image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_ANYCOLOR)
    except cv2.error as exc:
        return None, TOO_LARGE if "size" in str(exc).lower() or "pixels" in str(exc).lower() else NOT_IMAGE
    except MemoryError:
        return None, TOO_LARGE
    if image is None:
        return None, NOT_IMAGE
    if image.ndim == 2:
        image = image[:, :, None]
    stored = (int(image.shape[0]), int(image.shape[1]), int(image.shape[2]))
    if stored[0] * stored[1] > MAX_PIXELS:  # the header understated the size
        return None, TOO_LARGE
    if stored[2] <= 2:
        grey = np.ascontiguousarray(image[:, :, 0])
        image = cv2.cvtColor(grey, cv2.COLOR_GRAY2RGB) if channels == 3 else grey[:, :, None]
    elif channels == 1:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY if stored[2] == 3 else cv2.COLOR_BGRA2GRAY)[:, :, None]
    else:
        image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB if stored[2] == 3 else cv2.COLOR_BGRA2RGB)
    return image, stored


def decode_image(data: bytes, channels: int | None = None, name: str = "image") -> np.ndarray | None:
    """:func:`decode_bounded`'s image, or None if ``data`` is not a readable image.

    An image whose header declares more than 50 megapixels raises
    :class:`ImageError` with its size (:func:`check_declared_size`), naming it ``name``.
    """
    image, why = decode_bounded(data, channels)
    if image is None and why == TOO_LARGE:
        check_declared_size(data, name)  # raises for a header over the limit; a size found only by decoding: None
    return image


def _unreadable(name: str) -> str:
    return translate("images", "{name} is not an image this app can read. Use a JPEG, PNG, BMP, GIF, TIFF or WebP "
                               "file.").format(name=short_path(name))


def load_image(path: str | Path, channels: int | None = None) -> np.ndarray:
    """Read an image file as uint8 RGB (H, W, 3), or grayscale (H, W, 1) if ``channels == 1``.

    ``channels=None`` keeps grayscale files grayscale and everything else RGB.
    Reads the bytes itself, so paths with non-ASCII characters work on every
    platform (``cv2.imread`` fails on them under Windows). Bounded: a file over
    :data:`MAX_IMAGE_FILE_BYTES` or an image declaring more than 50 megapixels is
    refused before it is decoded; anything OpenCV cannot decode is "not an image".
    """
    path = Path(path)
    shown = short_path(path)
    try:
        data = read_capped(path, MAX_IMAGE_FILE_BYTES)
    except FileTooLarge as exc:
        raise ImageError(translate("images", "{name} is a file of {size}; this app reads image files of up to "
                                             "{limit}. Use a smaller copy.").format(
            name=short_path(path.name), size=byte_size(exc.size), limit=byte_size(MAX_IMAGE_FILE_BYTES))) from None
    except FileNotFoundError:
        raise ImageError(translate("images", "The image {path} does not exist. Choose another file.").format(
            path=shown)) from None
    except IsADirectoryError:
        raise ImageError(_unreadable(path.name)) from None
    except OSError as exc:
        raise ImageError(translate("images", "The image {path} cannot be read ({error}). Choose another file.")
                         .format(path=shown, error=exc.strerror or exc.__class__.__name__)) from None
    if channels is None:
        image = decode_image(data, None, path.name)
        if image is not None and _is_gray(image):
            image = image[:, :, :1]
    else:
        image = decode_image(data, channels, path.name)
    if image is None:
        raise ImageError(_unreadable(path.name))
    return image


def _is_gray(rgb: np.ndarray) -> bool:
    return (rgb.shape[2] == 3 and np.array_equal(rgb[:, :, 0], rgb[:, :, 1])
            and np.array_equal(rgb[:, :, 1], rgb[:, :, 2]))


def to_channels(image: np.ndarray, channels: int) -> np.ndarray:
    """Convert between grayscale (…, 1) and RGB (…, 3) so an image fits a model's input."""
    have = image.shape[-1]
    if have == channels:
        return image
    if have == 1 and channels == 3:
        return np.repeat(image, 3, axis=-1)
    if have == 3 and channels == 1:
        # ITU-R 601 luma, the weights OpenCV and PIL use
        gray = image[..., 0] * 0.299 + image[..., 1] * 0.587 + image[..., 2] * 0.114
        return np.clip(np.rint(gray), 0, 255).astype(image.dtype)[..., None]
    raise ImageError(translate("images", "Cannot convert an image with {have} channels to {channels} channels.")
                     .format(have=have, channels=channels))


def resize_image(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Resize keeping the channel axis; area filter when shrinking, bilinear when growing."""
    if image.shape[0] == height and image.shape[1] == width:
        return image
    shrinking = height * width < image.shape[0] * image.shape[1]
    out = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)
    if out.ndim == 2:
        out = out[:, :, None]
    return out


def prepare_image(image: np.ndarray, height: int, width: int, channels: int) -> np.ndarray:
    """Fit an image to a model input: resize and convert channels (still uint8)."""
    return to_channels(resize_image(image, height, width), channels)


def encode_png(image: np.ndarray, name: str = "image.png") -> bytes:
    """An RGB or grayscale uint8 image as PNG bytes (encoded in memory, nothing written)."""
    arr = image
    if arr.ndim == 3 and arr.shape[2] == 3:
        arr = cv2.cvtColor(arr, cv2.COLOR_RGB2BGR)
    try:
        ok, buf = cv2.imencode(".png", arr)
    except cv2.error:
        ok, buf = False, None
    if not ok or buf is None:
        raise ImageError(translate("images", "Could not encode {name} as PNG.").format(name=name))
    return buf.tobytes()


def save_png(path: str | Path, image: np.ndarray) -> None:
    """Write an RGB or grayscale uint8 image as PNG, atomically (see ``core.files``; non-ASCII paths work).

    Raises :class:`~cnnexplorer.core.files.FileWriteError` (one sentence, the
    previous file kept) when the file cannot be written.
    """
    path = Path(path)
    write_bytes(path, encode_png(image, path.name))


def normalize_to_uint8(channel: np.ndarray) -> np.ndarray:
    """Standardise one 2-D map and map it to 0-255, as in the tutorial's activation plots.

    A flat ("dead") map has no contrast to show: it becomes uniformly black,
    never NaN.
    """
    channel = np.asarray(channel, dtype=np.float64)
    finite = np.isfinite(channel)
    if not finite.all():
        channel = np.where(finite, channel, 0.0)
    std = channel.std()
    if std < 1e-12:
        return np.zeros(channel.shape, dtype=np.uint8)
    z = (channel - channel.mean()) / std
    return np.clip(z * 64 + 128, 0, 255).astype(np.uint8)


def image_grid(images: Sequence[np.ndarray], cols: int, pad: int = 2, pad_value: int = 255) -> np.ndarray:
    """Tile equally sized images (H, W) or (H, W, C) into one image, row by row."""
    if len(images) == 0:
        raise ValueError("image_grid needs at least one image")
    first = images[0] if images[0].ndim == 3 else images[0][:, :, None]
    h, w, c = first.shape
    cols = max(1, min(cols, len(images)))
    rows = (len(images) + cols - 1) // cols
    grid = np.full((rows * h + (rows + 1) * pad, cols * w + (cols + 1) * pad, c), pad_value, dtype=first.dtype)
    for i, img in enumerate(images):
        if img.ndim == 2:
            img = img[:, :, None]
        r, k = divmod(i, cols)
        y, x = pad + r * (h + pad), pad + k * (w + pad)
        grid[y : y + h, x : x + w] = img
    return grid


def apply_colormap(values: np.ndarray, name: str = "jet") -> np.ndarray:
    """Map a 2-D array of values in [0, 1] to an RGB uint8 image."""
    levels = np.clip(np.nan_to_num(values) * 255.0, 0, 255).astype(np.uint8)
    code = COLORMAPS.get(name, cv2.COLORMAP_JET)
    if code is None:
        return np.repeat(levels[:, :, None], 3, axis=2)
    bgr = cv2.applyColorMap(levels, code)
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)  # OpenCV colormaps come out in BGR


def overlay(image: np.ndarray, heat_rgb: np.ndarray, alpha: float = 0.4) -> np.ndarray:
    """Blend a colour heatmap over an image (both RGB uint8, resized to the image)."""
    base = to_channels(image, 3)
    heat = resize_image(heat_rgb, base.shape[0], base.shape[1])
    out = base.astype(np.float32) * (1.0 - alpha) + heat.astype(np.float32) * alpha
    return np.clip(out, 0, 255).astype(np.uint8)


def iter_image_files(folder: Path) -> Iterable[Path]:
    """Files in a folder (not recursive) whose suffix looks like an image, sorted."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)
