"""Dataset registry and loaders, offline."""
import time

import numpy as np
import pytest

from cnnexplorer.core import sequences
from cnnexplorer.core.errors import DatasetError
from cnnexplorer.core.images import save_png
from cnnexplorer.ml import data


def _write_images(folder, n, value=100, size=8):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        save_png(folder / f"img{i}.png", np.full((size, size, 3), (value + 7 * i) % 255, np.uint8))


def test_mnist_sample_is_a_fixed_stratified_split():
    ds = data.load_dataset("mnist-sample")
    assert ds.x_train.shape == (4000, 28, 28, 1) and ds.x_test.shape == (1000, 28, 28, 1)
    assert ds.x_train.dtype == np.uint8 and ds.x_train.max() == 255
    assert np.bincount(ds.y_train).tolist() == [400] * 10
    assert np.bincount(ds.y_test).tolist() == [100] * 10
    assert ds.info.input_shape == (28, 28, 1) and ds.info.num_classes == 10


def test_every_dataset_reports_shape_classes_and_names():
    for info in data.list_datasets():
        assert info.num_classes == len(info.class_names) >= 2
        assert all(d > 0 for d in info.input_shape)
        assert info.status() in ("bundled", "generated", "cached", "needs download")


def test_unknown_dataset_names_the_choices():
    with pytest.raises(DatasetError, match="no dataset called 'mnits'.*mnist-sample"):
        data.load_dataset("mnits")


def test_generated_sequences_are_deterministic_and_labelled_truly():
    x1, y1 = sequences.generate(200, seed=5)
    x2, y2 = sequences.generate(200, seed=5)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2)
    assert y1.sum() == 100
    for row, label in zip(x1, y1):
        assert sequences._contains(row, sequences.MOTIF) == bool(label)


def test_download_status_follows_the_keras_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    info = data.dataset_info("mnist")
    assert info.status() == "needs download"
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "mnist.npz").write_bytes(b"")
    assert info.status() == "cached"


def test_no_network_gives_a_plain_message_quickly(monkeypatch, tmp_path):
    from cnnexplorer.ml.runtime import keras

    def offline():
        raise Exception("URL fetch failure on https://example.invalid/mnist.npz: [Errno -2] Name or service not known")

    monkeypatch.setattr(keras().datasets.mnist, "load_data", offline)
    start = time.monotonic()
    with pytest.raises(DatasetError, match="could not be downloaded.*mnist-sample"):
        data.load_dataset("mnist")
    assert time.monotonic() - start < 5


def test_damaged_bundled_file_says_reinstall(monkeypatch, tmp_path):
    broken = tmp_path / "mnist_sample.npz"
    broken.write_bytes(b"PK\x03\x04 truncated")
    monkeypatch.setattr(data, "resource_path", lambda *parts: broken)
    with pytest.raises(DatasetError, match="damaged.*Reinstall"):
        data.load_dataset("mnist-sample")


def test_image_folder_skips_and_counts_unreadable_files(tmp_path):
    _write_images(tmp_path / "cats", 10, 40)
    _write_images(tmp_path / "dogs", 10, 200)
    (tmp_path / "dogs" / "readme.txt").write_text("not an image")
    (tmp_path / "cats" / "broken.jpg").write_bytes(b"\xff\xd8\xff garbage")
    events = []
    ds = data.load_dataset(str(tmp_path), image_size=(16, 16), validation_split=0.2, progress=events.append)
    assert ds.class_names == ("cats", "dogs")
    assert len(ds.skipped) == 2
    assert ds.x_train.shape[1:] == (16, 16, 3)
    assert len(ds.y_train) + len(ds.y_test) == 20
    assert np.bincount(ds.y_test).tolist() == [2, 2]
    assert "skipped 2" in events[-1].message


def test_image_folder_with_train_and_validation_folders(tmp_path):
    for split, n in (("train", 6), ("validation", 3)):
        _write_images(tmp_path / split / "a", n, 10)
        _write_images(tmp_path / split / "b", n, 90)
    ds = data.load_dataset(str(tmp_path), image_size=(8, 8), color_mode="grayscale")
    assert ds.x_train.shape == (12, 8, 8, 1) and ds.x_test.shape == (6, 8, 8, 1)


@pytest.mark.parametrize(
    "layout, message",
    [
        ({}, "has no sub-folders"),
        ({"only": 5}, "only one class"),
        ({"a": 0, "b": 0}, "No readable images"),
        ({"a": 1, "b": 1}, "too few images"),
    ],
)
def test_bad_image_folders_explain_the_way_out(tmp_path, layout, message):
    for name, n in layout.items():
        (tmp_path / name).mkdir()
        _write_images(tmp_path / name, n)
    with pytest.raises(DatasetError, match=message):
        data.load_dataset(str(tmp_path), image_size=(8, 8), validation_split=0.2)


def test_folder_of_unreadable_files_only(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.png").write_bytes(b"nope")
    with pytest.raises(DatasetError, match=r"No readable images.*2 files could not be read"):
        data.load_dataset(str(tmp_path), image_size=(8, 8))


def test_missing_folder(tmp_path):
    with pytest.raises(DatasetError, match="no dataset called"):
        data.load_dataset(str(tmp_path / "missing"))


def test_offline_text_dataset_offers_the_bundled_sequences(monkeypatch):
    from cnnexplorer.ml.runtime import keras

    def offline(**kwargs):
        raise OSError("Name or service not known")

    monkeypatch.setattr(keras().datasets.imdb, "load_data", offline)
    with pytest.raises(DatasetError, match="use the bundled 'sequences-sample'"):
        data.load_dataset("imdb")
