"""A hand-copied mnist.npz that Keras' hash check refuses is read directly when its arrays are right."""
import numpy as np
import pytest

from cnnexplorer.core.errors import DatasetError
from cnnexplorer.ml.data import load_dataset


@pytest.fixture
def keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    (tmp_path / "datasets").mkdir()
    return tmp_path / "datasets"


def _npz(path, **arrays):
    np.savez_compressed(path, **arrays)


def _mnist_like(n=50, m=20):
    rng = np.random.default_rng(0)
    return dict(x_train=rng.integers(0, 256, (n, 28, 28), dtype=np.uint8),
                y_train=rng.integers(0, 10, n).astype(np.uint8),
                x_test=rng.integers(0, 256, (m, 28, 28), dtype=np.uint8),
                y_test=rng.integers(0, 10, m).astype(np.uint8))


def test_a_right_copy_is_read_with_a_note(keras_home):
    _npz(keras_home / "mnist.npz", **_mnist_like())
    data = load_dataset("mnist")
    assert data.x_train.shape == (50, 28, 28, 1) and data.x_test.shape == (20, 28, 28, 1)
    assert data.y_train.dtype == np.int32
    assert "differs from the file Keras checks for" in data.note and "read directly" in data.note


@pytest.mark.parametrize("change, reason", [
    (lambda a: a.pop("y_test"), "no array named y_test"),
    (lambda a: a.update(x_train=a["x_train"].astype(np.float32)), "x_train is float32 of shape (50, 28, 28)"),
    (lambda a: a.update(x_test=np.zeros((20, 32, 32), np.uint8)), "x_test is uint8 of shape (20, 32, 32)"),
    (lambda a: a.update(y_train=a["y_train"][:10]), "y_train is uint8 of shape (10,), not 50 integer labels"),
    (lambda a: a.update(y_test=np.full(20, 12, np.uint8)), "y_test holds labels outside 0-9"),
    (lambda a: a.update(x_train=np.array([[1, 2], [3]], dtype=object)), "pickle"),
])
def test_a_wrong_copy_is_refused_with_the_reason(keras_home, change, reason):
    arrays = _mnist_like()
    change(arrays)
    np.savez(keras_home / "mnist.npz", **arrays)
    with pytest.raises(DatasetError, match="SHA-256") as info:
        load_dataset("mnist")
    assert reason in str(info.value)


def test_a_file_that_is_not_an_npz_is_refused(keras_home):
    (keras_home / "mnist.npz").write_bytes(b"<html>captive portal</html>")
    with pytest.raises(DatasetError, match="not a readable .npz archive"):
        load_dataset("mnist")
