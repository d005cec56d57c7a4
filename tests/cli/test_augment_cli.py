"""``cnnexplorer augment``: the tutorial's JSON in, a PNG grid out; bad input exits non-zero naming the field."""
from __future__ import annotations

import json

import numpy as np
import pytest

from cnnexplorer.cli import main
from cnnexplorer.core.images import load_image, save_png
from cnnexplorer.core.resources import sample_images


@pytest.fixture
def photo(tmp_path):
    rng = np.random.default_rng(0)
    path = tmp_path / "photo.png"
    save_png(path, rng.integers(0, 256, (40, 60, 3), dtype=np.uint8))
    return path


def test_writes_the_original_and_n_variants_reproducibly(tmp_path, capsys):
    config = tmp_path / "aug.json"
    config.write_text(json.dumps({"rotation_range": 40, "width_shift_range": 0.2, "horizontal_flip": True}))
    cat = sample_images()["cat"]
    outs = []
    for name in ("a.png", "b.png"):
        out = tmp_path / name
        assert main(["augment", "--image", str(cat), "--config", str(config), "--count", "8", "--seed", "3",
                     "--size", "48", "--out", str(out)]) == 0
        outs.append(load_image(out))
    text = capsys.readouterr().out
    assert "rotation ±40°" in text and "8 variants" in text
    grid = outs[0]
    assert grid.shape == (3 * 48 + 4 * 4, 3 * 48 + 4 * 4, 3)  # 3x3 tiles: original + 8
    assert np.array_equal(outs[0], outs[1])  # same seed, same grid
    tiles = [grid[4 + r * 52:4 + r * 52 + 48, 4 + c * 52:4 + c * 52 + 48] for r in range(3) for c in range(3)]
    assert not any(np.array_equal(tiles[0], t) for t in tiles[1:])  # every variant differs from the original


def test_an_empty_config_means_everything_off(tmp_path, photo):
    config = tmp_path / "off.json"
    config.write_text("{}")
    out = tmp_path / "grid.png"
    assert main(["augment", "--image", str(photo), "--config", str(config), "--count", "2", "--size", "0",
                 "--out", str(out)]) == 0
    grid = load_image(out)
    original = load_image(photo)
    assert np.array_equal(grid[4:44, 68:128], original)  # variant 1 == original


@pytest.mark.parametrize("content, field", [
    ({"rotation_range": 400}, "rotation_range"),
    ({"fill_mode": "mirror"}, "fill_mode"),
    ({"zoom": 0.2}, "zoom"),
])
def test_an_invalid_config_exits_non_zero_naming_the_field(tmp_path, photo, capsys, content, field):
    config = tmp_path / "bad.json"
    config.write_text(json.dumps(content))
    out = tmp_path / "grid.png"
    assert main(["augment", "--image", str(photo), "--config", str(config), "--out", str(out)]) == 1
    assert field in capsys.readouterr().err
    assert not out.exists()


def test_an_unreadable_image_is_reported(tmp_path, capsys):
    bad = tmp_path / "notes.png"
    bad.write_text("hello")
    assert main(["augment", "--image", str(bad), "--out", str(tmp_path / "g.png")]) == 1
    assert "notes.png" in capsys.readouterr().err


def test_a_colour_transform_on_a_grayscale_image_is_explained(tmp_path, capsys):
    gray = tmp_path / "digit.png"
    save_png(gray, np.zeros((28, 28, 1), np.uint8))
    config = tmp_path / "sat.json"
    config.write_text(json.dumps({"saturation_range": 0.5}))
    assert main(["augment", "--image", str(gray), "--config", str(config), "--out", str(tmp_path / "g.png")]) == 1
    err = capsys.readouterr().err
    assert "saturation_range" in err and "grayscale" in err
