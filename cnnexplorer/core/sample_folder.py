"""A small generated image folder (circles, squares, triangles) for trying transfer learning offline.

The Pretrained tab trains on "a folder with one sub-folder per class". In a
classroom without network there may be no such folder at hand, so the app can
write one: colour photos-to-be of three shape classes on textured backgrounds,
deterministic for a seed, a few seconds to write. The shapes vary in size,
position, rotation and colour, so the task is easy but not trivial.

Each shape's bounding box (the tightest box around its pixels) is known: the
"Where the network looks" lesson checks that a Grad-CAM peak lies inside it.
:func:`write_sample_folder` writes them to ``boxes.json`` beside the images, and
:func:`sample_boxes` returns them for any folder this module wrote (computing
them again from the same seed for a folder written before boxes were saved).
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from cnnexplorer.core.errors import ImageError
from cnnexplorer.core.files import write_text
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.images import save_png
from cnnexplorer.core.progress import ProgressFn, check_cancel, report

CLASSES = ("circles", "squares", "triangles")
MARKER = ".cnnexplorer-sample"  # marks a folder this module wrote, so it is reused and not rewritten
BOXES = "boxes.json"  # {"circles/circles_000.png": [top, left, bottom, right], ...}, bottom/right inclusive


def _background(rng: np.random.Generator, size: int) -> np.ndarray:
    """A smooth random colour gradient with a little noise, float 0-255, (size, size, 3)."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / max(size - 1, 1)
    corners = rng.uniform(40, 215, size=(4, 3)).astype(np.float32)
    top = corners[0] * (1 - xx[..., None]) + corners[1] * xx[..., None]
    bottom = corners[2] * (1 - xx[..., None]) + corners[3] * xx[..., None]
    image = top * (1 - yy[..., None]) + bottom * yy[..., None]
    return image + rng.normal(0, 8, size=image.shape).astype(np.float32)


def _mask(kind: str, rng: np.random.Generator, size: int) -> np.ndarray:
    """A boolean mask of one shape of ``kind`` with random size, centre and rotation."""
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    radius = rng.uniform(0.15, 0.32) * size
    cy, cx = rng.uniform(radius, size - radius, size=2)
    angle = rng.uniform(0, 2 * np.pi)
    dy, dx = yy - cy, xx - cx
    # coordinates in the shape's own rotated frame
    u = dx * np.cos(angle) + dy * np.sin(angle)
    v = -dx * np.sin(angle) + dy * np.cos(angle)
    if kind == "circles":
        return u * u + v * v <= radius * radius
    if kind == "squares":
        half = radius * 0.85
        return (np.abs(u) <= half) & (np.abs(v) <= half)
    # an equilateral triangle inscribed in the circle: inside all three edges
    inside = np.ones((size, size), dtype=bool)
    for k in range(3):
        theta = 2 * np.pi * k / 3
        inside &= u * np.cos(theta) + v * np.sin(theta) <= radius / 2
    return inside


def make_image(kind: str, rng: np.random.Generator, size: int = 128) -> np.ndarray:
    """One (size, size, 3) uint8 RGB image of a shape of ``kind`` (one of :data:`CLASSES`)."""
    return make_image_with_box(kind, rng, size)[0]


def make_image_with_box(kind: str, rng: np.random.Generator,
                        size: int = 128) -> tuple[np.ndarray, tuple[int, int, int, int]]:
    """:func:`make_image` and the shape's bounding box (top, left, bottom, right; inclusive pixel indices).

    Draws exactly the same random numbers as :func:`make_image`, so images stay as they were.
    """
    if kind not in CLASSES:
        raise ValueError(f"unknown shape class {kind!r}")
    image = _background(rng, size)
    colour = rng.uniform(0, 255, size=3).astype(np.float32)
    mean = image.reshape(-1, 3).mean(axis=0)
    if np.abs(colour - mean).sum() < 150:  # keep the shape visible against its background
        colour = 255 - mean
    mask = _mask(kind, rng, size)
    image[mask] = colour
    return np.clip(image, 0, 255).astype(np.uint8), _box(mask)


def _box(mask: np.ndarray) -> tuple[int, int, int, int]:
    rows, cols = np.nonzero(mask)
    if len(rows) == 0:
        return (0, 0, -1, -1)
    return int(rows.min()), int(cols.min()), int(rows.max()), int(cols.max())


def generated_boxes(per_class: int = 60, size: int = 128,
                    seed: int = 0) -> dict[str, tuple[int, int, int, int]]:
    """The bounding boxes of the folder :func:`write_sample_folder` writes with these settings,
    keyed by the image's path relative to the folder (``"circles/circles_000.png"``)."""
    rng = np.random.default_rng(seed)
    return {f"{kind}/{kind}_{i:03d}.png": make_image_with_box(kind, rng, size)[1]
            for kind in CLASSES for i in range(per_class)}


def generate_sample(per_class: int = 60, size: int = 128,
                    seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The images of :func:`write_sample_folder` in memory, in the same order: (images (N, size, size, 3)
    uint8, labels (N,) int32 class indices, boxes (N, 4) int32 top/left/bottom/right inclusive)."""
    rng = np.random.default_rng(seed)
    images, labels, boxes = [], [], []
    for label, kind in enumerate(CLASSES):
        for _ in range(per_class):
            image, box = make_image_with_box(kind, rng, size)
            images.append(image)
            labels.append(label)
            boxes.append(box)
    return (np.stack(images), np.asarray(labels, dtype=np.int32), np.asarray(boxes, dtype=np.int32).reshape(-1, 4))


def sample_boxes(root: str | Path) -> dict[str, tuple[int, int, int, int]]:
    """The shapes' boxes of a folder :func:`write_sample_folder` wrote: from ``boxes.json``, or computed
    again from the settings in its marker. Empty for any other folder."""
    root = Path(root)
    try:
        data = json.loads((root / BOXES).read_text(encoding="utf-8"))
        return {str(k): (int(box[0]), int(box[1]), int(box[2]), int(box[3])) for k, box in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    try:
        per_class, size, seed = (int(v) for v in (root / MARKER).read_text(encoding="utf-8").split())
    except (OSError, ValueError):
        return {}
    return generated_boxes(per_class, size, seed)


def write_sample_folder(root: str | Path, per_class: int = 60, size: int = 128, seed: int = 0,
                        progress: ProgressFn | None = None, cancel=None) -> Path:
    """Write ``root/<class>/<class>_NNN.png`` for every class and return ``root``.

    A folder this function wrote before with the same settings is reused as it
    is. Raises :class:`~cnnexplorer.core.errors.ImageError` when the folder
    cannot be written.
    """
    root = Path(root)
    stamp = f"{per_class} {size} {seed}"
    marker = root / MARKER
    if marker.is_file() and marker.read_text(encoding="utf-8").strip() == stamp:
        return root
    rng = np.random.default_rng(seed)
    total = per_class * len(CLASSES)
    done = 0
    boxes: dict[str, list[int]] = {}
    try:
        for kind in CLASSES:
            folder = root / kind
            folder.mkdir(parents=True, exist_ok=True)
            for i in range(per_class):
                check_cancel(cancel)
                image, box = make_image_with_box(kind, rng, size)
                save_png(folder / f"{kind}_{i:03d}.png", image)
                boxes[f"{kind}/{kind}_{i:03d}.png"] = list(box)
                done += 1
                report(progress, "write", done, total,
                       translate("sample_folder", "Writing example images: {done}/{total}").format(done=done,
                                                                                                  total=total))
        write_text(root / BOXES, json.dumps(boxes, indent=0))
        write_text(marker, stamp + "\n")
    except OSError as exc:
        raise ImageError(translate("sample_folder", "Could not write the example folder {path} ({reason}). Free "
                                                    "some disk space or check the folder's permissions.")
                         .format(path=root, reason=exc.strerror or exc)) from None
    return root
