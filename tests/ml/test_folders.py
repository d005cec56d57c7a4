"""Image folders are read for the model: its size and channels, a note of what was done, streamed above a budget."""
import os

import cv2
import numpy as np
import pytest

from cnnexplorer.core.errors import DatasetError
from cnnexplorer.ml.data import load_dataset


def _digits(root, count=120, colour=False, sizes=((28, 28),)):
    """A folder of ``count`` MNIST-sample digits in 10 class folders (PNG)."""
    from cnnexplorer.core.resources import resource_path

    with np.load(resource_path("data", "mnist_sample.npz")) as npz:
        x, y = npz["x_train"], npz["y_train"]
    rng = np.random.default_rng(0)
    for n, i in enumerate(rng.choice(len(x), count, replace=False)):
        folder = root / str(int(y[i]))
        folder.mkdir(parents=True, exist_ok=True)
        image = x[i]
        h, w = sizes[n % len(sizes)]
        image = cv2.resize(image, (w, h)) if (h, w) != (28, 28) else image
        if colour:
            image = np.dstack([image, image // 2, 255 - image])
        cv2.imwrite(str(folder / f"{i}.png"), image)
    return root


@pytest.fixture(scope="module")
def grey_folder(tmp_path_factory):
    return _digits(tmp_path_factory.mktemp("grey") / "digits")


def test_grey_folder_is_read_at_the_models_size_with_a_note(grey_folder):
    data = load_dataset(str(grey_folder), input_shape=(28, 28, 1))
    assert data.x_train.shape[1:] == (28, 28, 1) and data.x_train.dtype == np.uint8
    assert len(data.x_train) + len(data.x_test) == 120
    assert data.note == "120 images, 28×28 grey, 10 classes; read as 28×28 grey"
    assert data.info.input_shape == (28, 28, 1)


def test_grey_to_colour_and_colour_to_grey_are_noted(grey_folder, tmp_path):
    data = load_dataset(str(grey_folder), input_shape=(32, 32, 3))
    assert data.x_train.shape[1:] == (32, 32, 3)
    assert "read as 32×32 colour; resized to 32×32; grey repeated to 3 channels" in data.note
    colour = _digits(tmp_path / "colour", 40, colour=True)
    data = load_dataset(str(colour), input_shape=(28, 28, 1))
    assert data.x_train.shape[1:] == (28, 28, 1)
    assert "28×28 colour" in data.note and "colour converted to grey" in data.note


def test_mixed_sizes_and_a_model_of_any_size_take_the_most_common_size(tmp_path):
    folder = _digits(tmp_path / "mixed", 60, sizes=((28, 28), (28, 28), (40, 30)))
    data = load_dataset(str(folder), input_shape=(None, None, 1))
    assert data.x_train.shape[1:] == (28, 28, 1)
    assert "mixed sizes (most 28×28)" in data.note and "resized to 28×28" in data.note


def test_image_size_and_color_mode_override_the_model(grey_folder):
    data = load_dataset(str(grey_folder), input_shape=(28, 28, 1), image_size=(20, 20), color_mode="rgb")
    assert data.x_train.shape[1:] == (20, 20, 3)


def test_streaming_keeps_the_split_and_skipped_report_and_trains_the_same(grey_folder, tmp_path):
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.folders import StreamedImages
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.train import train_model

    (grey_folder / "3" / "empty.png").write_bytes(b"")
    try:
        memory = load_dataset(str(grey_folder), input_shape=(28, 28, 1))
        streamed = load_dataset(str(grey_folder), input_shape=(28, 28, 1), memory_budget=50_000)
    finally:
        (grey_folder / "3" / "empty.png").unlink()
    assert isinstance(streamed.x_train, StreamedImages) and "streamed from disk" in streamed.note
    assert memory.skipped == streamed.skipped and len(memory.skipped) == 1
    np.testing.assert_array_equal(memory.y_train, streamed.y_train)
    np.testing.assert_array_equal(memory.x_test, streamed.x_test[0:len(streamed.x_test)])
    config = TrainingConfig(epochs=2, batch_size=16, seed=0, shuffle=False, validation_split=0.2)
    results = []
    for data in (memory, streamed):
        keras().utils.set_random_seed(0)
        results.append(train_model(build_model(template("mnist-cnn")), data, config))
    assert results[0].test_accuracy == pytest.approx(results[1].test_accuracy, abs=1e-6)
    assert results[0].history["val_loss"] == pytest.approx(results[1].history["val_loss"], rel=1e-4)


def test_bad_folders_get_one_sentence(tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    for name in ("a", "b"):
        (empty / name).mkdir(parents=True)
        for i in range(50):
            (empty / name / f"{i}.png").write_bytes(b"")
    with pytest.raises(DatasetError, match=r"No readable images .*100 files could not be read as images"):
        load_dataset(str(empty), input_shape=(28, 28, 1))
    (empty / "a" / "0.png").write_bytes(cv2.imencode(".png", np.zeros((8000, 8000), np.uint8))[1].tobytes())
    with pytest.raises(DatasetError) as info:
        load_dataset(str(empty), input_shape=(28, 28, 1))
    assert str(info.value).startswith(f"No readable images in {empty}: 99 not readable as images, 1 too large")

    odd = _digits(tmp_path / "odd", 30)
    bad_name = os.fsencode(str(odd / "3")) + b"/caf\xe9.png"
    with open(bad_name, "wb") as fh:
        fh.write(b"not an image")
    data = load_dataset(str(odd), input_shape=(28, 28, 1))
    assert any("caf\\xe9.png" in s for s in data.skipped)
    assert "1 not readable as images" in data.note
    data.note.encode("utf-8")  # printable

    import cnnexplorer.ml.folders as folders

    real = os.scandir

    def refuse(path):
        if str(path).endswith("/5"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(folders.os, "scandir", refuse)
    with pytest.raises(DatasetError, match=r"odd/5 cannot be read \(permission denied\)"):
        load_dataset(str(odd), input_shape=(28, 28, 1))


def test_images_too_large_even_one_at_a_time_are_refused(grey_folder):
    with pytest.raises(DatasetError, match="Even one image of 2000×2000×3"):
        load_dataset(str(grey_folder), input_shape=(28, 28, 1), image_size=(2000, 2000), color_mode="rgb",
                     memory_budget=10_000_000)


def test_a_decompression_bomb_in_a_folder_is_skipped_and_counted(tmp_path):
    folder = _digits(tmp_path / "bomb", 30)
    ok, png = cv2.imencode(".png", np.zeros((8000, 8000), np.uint8))  # 64 megapixels, a few kB on disk
    (folder / "big").mkdir()
    (folder / "big" / "bomb.png").write_bytes(png.tobytes())
    data = load_dataset(str(folder), input_shape=(28, 28, 1))
    assert "1 too large (over 50 megapixels)" in data.note
    assert any(s.endswith("bomb.png") for s in data.skipped)


def test_cancel_while_reading_stops(grey_folder):
    import threading

    from cnnexplorer.core.progress import Cancelled

    cancel = threading.Event()
    seen = []

    def progress(event):
        seen.append(event)
        if event.kind == "load" and event.total:
            cancel.set()

    with pytest.raises(Cancelled):
        load_dataset(str(grey_folder), input_shape=(28, 28, 1), progress=progress, cancel=cancel)


def test_a_folder_reads_each_photo_as_the_rest_of_the_app_shows_it(tmp_path):
    """Training and the Visualize tab share one decoder: a phone photo stored sideways with an EXIF
    orientation tag is upright in both, and the pixels are the same."""
    from PIL import Image

    from cnnexplorer.core.images import load_image
    from cnnexplorer.ml.folders import decode_for_model

    rgb = np.zeros((20, 30, 3), np.uint8)
    rgb[:, :15] = (250, 20, 20)  # left half red as stored; upright, the red is on top
    photo = Image.fromarray(rgb)
    exif = photo.getexif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    path = tmp_path / "phone.jpg"
    photo.save(path, "JPEG", exif=exif.tobytes(), quality=95)
    shown = load_image(path)
    read, stored = decode_for_model(path.read_bytes(), None, None, 3)
    assert shown.shape == read.shape == (30, 20, 3) and stored == (30, 20, 3)
    assert np.array_equal(shown, read)
    assert read[:10, :, 0].mean() > 200 > 50 > read[-10:, :, 0].mean()  # turned upright: the red half on top
