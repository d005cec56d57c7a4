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
