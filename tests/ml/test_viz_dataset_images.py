"""Visualize's dataset images (Qt-free part): the session's folder read at the model's size, streamed when large,
and the MNIST sample standing in, with the reason, when there is nothing to read."""
import numpy as np

from cnnexplorer.core.sample_folder import CLASSES, write_sample_folder
from cnnexplorer.ml.viz import analysis


def test_a_folder_is_read_at_the_models_size_and_a_large_one_streamed(tmp_path, monkeypatch):
    folder = write_sample_folder(tmp_path / "shapes", per_class=3, size=32)
    images = analysis.read_dataset_images(str(folder), (16, 16, 1))
    image, label = analysis.pick_image(images, 0)
    assert image.shape == (16, 16, 1) and label in CLASSES and not images.fallback_reason
    assert "shapes" in images.title and "read as 16×16 grey" in images.dataset.note
    monkeypatch.setattr(analysis, "VIEW_BUDGET", 16 * 16 * 4 * 2)  # two images' worth: the folder stays on disk
    streamed = analysis.read_dataset_images(str(folder), (16, 16, 1))
    assert streamed.dataset.streamed
    image, label = analysis.pick_image(streamed, 99)  # past the end: the last one
    assert image.shape == (16, 16, 1) and image.dtype == np.uint8 and label in CLASSES


def test_no_dataset_one_not_downloaded_or_sequences_say_why(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))  # nothing cached
    for name, words in ((None, "No dataset chosen"), ("mnist", "not downloaded yet"),
                        (str(tmp_path / "gone"), "MNIST sample instead")):
        images = analysis.read_dataset_images(name, (28, 28, 1))
        assert images.name == "mnist-sample" and words in images.fallback_reason
    assert "sequences, not images" in analysis.no_images_reason("imdb")
    assert analysis.no_images_reason("mnist-sample") == "" and analysis.no_images_reason(str(tmp_path)) == ""


def test_an_image_over_the_apps_pixel_cap_is_refused_naming_that_cap():
    import pytest

    from cnnexplorer.core.errors import ImageError
    from cnnexplorer.core.image_header import MAX_PIXELS
    from cnnexplorer.ml.viz.inputs import check_image

    side = int(MAX_PIXELS ** 0.5) + 1
    with pytest.raises(ImageError, match=f"{MAX_PIXELS / 1e6:.0f} megapixels or less"):
        check_image(np.zeros((side, side, 1), np.uint8))
