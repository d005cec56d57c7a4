import numpy as np
import pytest

from cnnexplorer.core import images
from cnnexplorer.core.errors import ImageError
from cnnexplorer.core.resources import sample_images


def test_bundled_photos_load_as_rgb_and_camera_as_gray():
    photos = sample_images()
    assert {"cat", "coffee", "astronaut", "rocket", "camera"} <= set(photos)
    cat = images.load_image(photos["cat"])
    assert cat.shape == (300, 451, 3) and cat.dtype == np.uint8
    # Chelsea is a ginger cat: red dominates blue, which fails if BGR leaked through
    assert cat[..., 0].mean() > cat[..., 2].mean()
    assert images.load_image(photos["camera"]).shape[2] == 1


def test_non_image_and_missing_files_name_the_problem(tmp_path):
    text = tmp_path / "notes.jpg"
    text.write_text("not a picture")
    with pytest.raises(ImageError, match="notes.jpg is not an image"):
        images.load_image(text)
    with pytest.raises(ImageError, match="does not exist"):
        images.load_image(tmp_path / "nope.png")


def test_png_round_trip_keeps_colour_order_and_unicode_paths(tmp_path):
    rgb = np.zeros((4, 5, 3), np.uint8)
    rgb[..., 0] = 200  # pure red
    path = tmp_path / "红色.png"
    images.save_png(path, rgb)
    back = images.load_image(path)
    assert back.shape == (4, 5, 3)
    assert back[0, 0].tolist() == [200, 0, 0]


def test_channel_conversion_and_resize():
    gray = np.full((10, 10, 1), 77, np.uint8)
    assert images.to_channels(gray, 3).shape == (10, 10, 3)
    rgb = np.full((10, 10, 3), 77, np.uint8)
    assert images.to_channels(rgb, 1)[0, 0, 0] == 77
    assert images.prepare_image(rgb, 4, 6, 1).shape == (4, 6, 1)


def test_dead_channel_is_flat_not_nan():
    flat = images.normalize_to_uint8(np.zeros((5, 5)))
    assert flat.dtype == np.uint8 and np.all(flat == 0)
    ramp = images.normalize_to_uint8(np.arange(25.0).reshape(5, 5))
    assert ramp.min() < 64 and ramp.max() > 192


def test_grid_places_tiles_row_by_row():
    tiles = [np.full((2, 2), v, np.uint8) for v in (10, 20, 30)]
    grid = images.image_grid(tiles, cols=2, pad=1, pad_value=0)
    assert grid.shape == (2 * 2 + 3, 2 * 2 + 3, 1)
    assert grid[1, 1, 0] == 10 and grid[1, 4, 0] == 20 and grid[4, 1, 0] == 30


def test_colormap_is_rgb():
    hot = images.apply_colormap(np.ones((2, 2)), "jet")
    cold = images.apply_colormap(np.zeros((2, 2)), "jet")
    assert hot[0, 0, 0] > hot[0, 0, 2]  # jet's top is red
    assert cold[0, 0, 2] > cold[0, 0, 0]  # jet's bottom is blue
