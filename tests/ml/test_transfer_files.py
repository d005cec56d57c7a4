"""Pretrained models as files: they open in plain Keras, old files still open, weights files are checked.

Offline: random or bundled weights, tiny inputs, downloads from file:// URLs.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cnnexplorer.core import pretrained_catalog
from cnnexplorer.core.errors import ModelFileError, UserError
from cnnexplorer.ml import transfer as T

SIZE = 32

PLAIN_KERAS = r"""
import sys
sys.modules["cnnexplorer"] = None  # as on a computer without CNN Explorer
import json, numpy as np, keras
model = keras.saving.load_model(sys.argv[1])
x = np.load(sys.argv[2])
print(json.dumps(np.asarray(model.predict(x, verbose=0)).tolist()))
"""


def _plain_keras_predict(path: Path, x: np.ndarray, tmp_path: Path) -> np.ndarray:
    """Load and predict in a fresh isolated interpreter (-I, no PYTHONPATH, run from a temp folder)."""
    np.save(tmp_path / "x.npy", x)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run([sys.executable, "-I", "-c", PLAIN_KERAS, str(path), str(tmp_path / "x.npy")],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return np.array(json.loads(result.stdout.strip().splitlines()[-1]), dtype="float32")


@pytest.mark.parametrize("arch,head", [("vgg16", "flatten-dense"), ("mobilenet_v2", "gap")])
def test_a_saved_pretrained_model_opens_and_predicts_the_same_in_plain_keras(arch, head, tmp_path):
    from cnnexplorer.ml.model_files import save_model_file

    base = T.build_base(arch, SIZE, "random")
    model = T.compose(arch, base, head, 3)
    T.compile_model(model, 3)
    path = save_model_file(model, tmp_path / f"{arch}.keras")
    x = np.random.default_rng(0).integers(0, 256, (4, SIZE, SIZE, 3)).astype("float32")
    expected = np.asarray(model.predict(x, verbose=0))
    got = _plain_keras_predict(path, x, tmp_path)
    assert np.max(np.abs(got - expected)) <= 1e-5


def test_a_file_saved_with_the_old_custom_layer_still_opens_and_visualize_finds_its_base(tmp_path):
    from cnnexplorer.ml.model_files import load_model_file, save_model_file
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.viz.gradcam import default_layer

    k = keras()
    base = T.build_base("vgg16", SIZE, "random")
    inputs = k.Input(shape=(SIZE, SIZE, 3), name="image")
    x = T.preprocess_layer_class()("caffe", name="preprocess")(inputs)  # how models were saved before
    x = base(x, training=False)
    outputs = k.layers.Dense(2, activation="softmax")(k.layers.GlobalAveragePooling2D()(x))
    old = k.Model(inputs, outputs, name="vgg16_transfer")
    path = save_model_file(old, tmp_path / "old.keras")
    assert "ArchPreprocess" in __import__("zipfile").ZipFile(path).read("config.json").decode()
    loaded, _ = load_model_file(path)
    images = np.random.default_rng(1).integers(0, 256, (2, SIZE, SIZE, 3)).astype("float32")
    np.testing.assert_allclose(loaded.predict(images, verbose=0), old.predict(images, verbose=0), atol=1e-5)
    assert T.find_base(loaded).name == "vgg16" and default_layer(loaded) == "vgg16/block5_conv3"
    new = T.compose("vgg16", base, "gap", 2)
    assert T.find_base(new) is base and default_layer(new) == "vgg16/block5_conv3"


# -- bundled MobileNetV2 ------------------------------------------------------------------------

def test_mobilenet_v2_imagenet_uses_the_bundled_file_with_no_network(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))  # nothing cached
    monkeypatch.setattr(T.Architecture, "weights_url", lambda self, *a, **k: "http://127.0.0.1:9/none.h5")
    loaded = T.load_base_job("MobileNetV2", SIZE, "imagenet")
    assert loaded.source.kind == "bundled" and loaded.source.label() == "ImageNet weights, bundled"
    assert loaded.base.name == "mobilenet_v2" and sum(r.params for r in loaded.rows) == 2_257_984
    assert loaded.rows[-1].group == "top" and any(r.group == "block_16" for r in loaded.rows)
    random = T.build_base("mobilenet_v2", SIZE, "random")
    first = loaded.base.get_layer("Conv1").weights[0].numpy()
    assert not np.allclose(first, random.get_layer("Conv1").weights[0].numpy())


def test_a_damaged_bundled_file_is_refused(monkeypatch):
    name, _ = pretrained_catalog.BUNDLED_WEIGHTS["mobilenet_v2"]
    monkeypatch.setitem(pretrained_catalog.BUNDLED_WEIGHTS, "mobilenet_v2", (name, "0" * 64))
    with pytest.raises(ModelFileError, match="damaged"):
        T.build_base("mobilenet_v2", SIZE, "bundled")


# -- ImageNet downloads are checked ---------------------------------------------------------------

def test_the_hashes_are_the_ones_the_installed_keras_uses():
    import keras

    folder = Path(keras.__file__).parent / "src" / "applications"
    for name, md5 in T.KERAS_HASHES.items():
        module = "resnet" if name.startswith("resnet") else name.split("_weights")[0]
        source = (folder / f"{module}.py").read_text(encoding="utf-8")
        assert re.search(rf'"{md5}"', source), (name, md5)
    assert T.CATALOG["vgg16"].weights_hash() == "6d6bbae143d832006294945121d1f1fc"
    assert T.CATALOG["mobilenet_v2"].weights_hash() is None  # Keras publishes none: checked as HDF5


def test_a_truncated_cached_file_is_named_fetched_again_or_explained_offline_and_never_loaded(monkeypatch,
                                                                                             tmp_path):
    arch = T.CATALOG["vgg16"]
    good = tmp_path / "server.h5"
    good.write_bytes(b"pretend weights " * 4096)
    monkeypatch.setitem(pretrained_catalog.KERAS_HASHES, arch.weights_filename(),
                        hashlib.md5(good.read_bytes()).hexdigest())
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "home"))
    cached = tmp_path / "home" / "models" / arch.weights_filename()
    cached.parent.mkdir(parents=True)
    cached.write_bytes(good.read_bytes()[:1000])  # an interrupted copy

    monkeypatch.setattr(T.Architecture, "weights_url", lambda self, *a, **k: "http://127.0.0.1:9/none.h5")
    with pytest.raises(UserError) as err:  # offline: the message names the bad file, nothing is loaded
        T.build_base("vgg16", SIZE, "imagenet")
    assert str(cached) in str(err.value) and "partial or damaged" in str(err.value)
    assert "could not be downloaded" in str(err.value)

    cached.write_bytes(good.read_bytes()[:1000])
    monkeypatch.setattr(T.Architecture, "weights_url", lambda self, *a, **k: good.as_uri())
    events = []
    path = T.imagenet_weights(arch, SIZE, progress=events.append)
    assert path == cached and path.read_bytes() == good.read_bytes()
    assert any(str(cached) in e.message and "Fetching it again" in e.message for e in events)


def test_a_truncated_mobilenet_v2_download_in_the_cache_falls_back_to_the_bundled_weights(monkeypatch, tmp_path):
    arch = T.CATALOG["mobilenet_v2"]
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    cached = tmp_path / "models" / arch.weights_filename(SIZE)
    cached.parent.mkdir(parents=True)
    bundled = T.bundled_weights_path(arch).read_bytes()
    cached.write_bytes(bundled[: len(bundled) // 2])
    assert T.check_weights_file(arch, cached, SIZE) is not None
    assert T.resolve_source(arch, T.WeightsSource("imagenet"), SIZE).kind == "bundled"
