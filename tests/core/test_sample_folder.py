"""The generated example folder for the Pretrained tab: three readable classes, deterministic, reused."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core.errors import ImageError
from cnnexplorer.core.images import load_image
from cnnexplorer.core.sample_folder import CLASSES, write_sample_folder


def test_writes_one_subfolder_per_class_of_readable_colour_images(tmp_path):
    root = write_sample_folder(tmp_path / "shapes", per_class=4, size=48)
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == sorted(CLASSES)
    for kind in CLASSES:
        files = sorted((root / kind).glob("*.png"))
        assert len(files) == 4
        image = load_image(files[0])
        assert image.shape == (48, 48, 3) and image.dtype == np.uint8


def test_same_seed_same_images_and_an_existing_folder_is_reused(tmp_path):
    a = write_sample_folder(tmp_path / "a", per_class=3, size=32, seed=5)
    b = write_sample_folder(tmp_path / "b", per_class=3, size=32, seed=5)
    for kind in CLASSES:
        assert (a / kind / f"{kind}_002.png").read_bytes() == (b / kind / f"{kind}_002.png").read_bytes()
    mtime = (a / "circles" / "circles_000.png").stat().st_mtime_ns
    write_sample_folder(a, per_class=3, size=32, seed=5)
    assert (a / "circles" / "circles_000.png").stat().st_mtime_ns == mtime


def test_an_unwritable_place_gives_a_plain_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ImageError, match="Could not write the example folder"):
        write_sample_folder(blocker / "shapes", per_class=1, size=16)


def test_boxes_enclose_each_shape_and_are_saved_beside_the_images(tmp_path):
    import json

    from cnnexplorer.core.sample_folder import BOXES, MARKER, generate_sample, sample_boxes

    root = write_sample_folder(tmp_path / "shapes", per_class=3, size=48, seed=2)
    images, labels, boxes = generate_sample(per_class=3, size=48, seed=2)
    assert list(labels) == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    saved = json.loads((root / BOXES).read_text())
    for i, (kind, box) in enumerate(zip([CLASSES[c] for c in labels], boxes)):
        name = f"{kind}/{kind}_{i % 3:03d}.png"
        # the in-memory images are the files' images, and the saved box is the computed one
        assert (load_image(root / name) == images[i]).all()
        assert saved[name] == list(box)
        top, left, bottom, right = box
        assert 0 <= top < bottom < 48 and 0 <= left < right < 48
        # the shape's colour fills the box's centre row somewhere, and nothing of that colour lies outside it
        colour = images[i][(top + bottom) // 2, (left + right) // 2]
        same = (images[i] == colour).all(axis=-1)
        outside = same.copy()
        outside[top:bottom + 1, left:right + 1] = False
        assert same[top:bottom + 1, left:right + 1].sum() > 20 and outside.sum() < 5
    # a folder written before boxes were saved: computed again from the marker's settings
    (root / BOXES).unlink()
    assert sample_boxes(root) == {k: tuple(v) for k, v in saved.items()}
    (root / MARKER).unlink()
    assert sample_boxes(root) == {}
