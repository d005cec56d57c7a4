"""Pretrained bases offline: random/file weights, preprocessing, freezing, the two methods, bad input."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from cnnexplorer.core.errors import DatasetError, ModelFileError, UserError
from cnnexplorer.core.images import save_png
from cnnexplorer.core.progress import Cancelled
from cnnexplorer.ml import transfer as T
from cnnexplorer.ml.class_names import class_names
from cnnexplorer.ml.data import Dataset, DatasetInfo

SIZE = 32  # VGG16's smallest input: keeps every test here fast


def _tiny_dataset(n_per_class: int = 12, size: int = SIZE, seed: int = 0) -> Dataset:
    """Two very separable classes: dark and bright noise images (uint8, raw pixels)."""
    rng = np.random.default_rng(seed)
    dark = rng.integers(0, 60, (n_per_class * 2, size, size, 3))
    bright = rng.integers(190, 256, (n_per_class * 2, size, size, 3))
    x = np.concatenate([dark, bright]).astype(np.uint8)
    y = np.array([0] * (n_per_class * 2) + [1] * (n_per_class * 2), dtype=np.int32)
    order = rng.permutation(len(y))
    x, y = x[order], y[order]
    half = len(y) // 2
    info = DatasetInfo("tiny", "tiny", "images", (size, size, 3), 2, ("dark", "bright"), "test", "none", "folder")
    return Dataset(info, x[:half], y[:half], x[half:], y[half:])


@pytest.fixture(scope="module")
def vgg():
    return T.build_base("vgg16", SIZE, "random")


# -- catalog and preprocessing ----------------------------------------------------

def test_catalog_lists_the_tutorials_six_networks_and_the_bundled_one_with_constraints():
    assert [a.title for a in T.CATALOG.values()] == ["VGG16", "VGG19", "ResNet50", "InceptionV3", "Xception",
                                                     "MobileNet", "MobileNetV2"]
    assert T.get_architecture("MobileNetV2").bundled is not None and T.CATALOG["vgg16"].bundled is None
    assert T.get_architecture("InceptionV3").min_size == 75
    assert T.get_architecture("inception-v3").default_size == 299
    with pytest.raises(UserError, match="choose one of"):
        T.get_architecture("alexnet")


@pytest.mark.parametrize("key,module", [("vgg16", "vgg16"), ("resnet50", "resnet50"), ("xception", "xception"),
                                        ("mobilenet_v2", "mobilenet_v2")])
def test_preprocess_layers_and_the_old_layer_equal_keras_preprocess_input(key, module):
    from cnnexplorer.ml.runtime import keras

    k = keras()
    x = np.random.default_rng(1).uniform(0, 255, (2, 8, 8, 3)).astype("float32")
    expected = getattr(k.applications, module).preprocess_input(x.copy())
    mode = T.CATALOG[key].preprocess_mode
    np.testing.assert_allclose(np.asarray(T.apply_preprocess(mode, x)), expected, atol=1e-4)
    np.testing.assert_allclose(np.asarray(T.preprocess_layer_class()(mode)(x)), expected, atol=1e-4)


def test_torch_style_preprocessing_equals_keras_densenet_preprocess_input():
    from cnnexplorer.ml.runtime import keras

    x = np.random.default_rng(2).uniform(0, 255, (2, 8, 8, 3)).astype("float32")
    expected = keras().applications.densenet.preprocess_input(x.copy())
    np.testing.assert_allclose(np.asarray(T.apply_preprocess("torch", x)), expected, atol=1e-4)


def test_include_top_with_non_default_size_and_too_small_input_are_refused_before_building():
    with pytest.raises(UserError, match="224×224"):
        T.build_base("vgg16", 150, "random", include_top=True)
    with pytest.raises(UserError, match="at least 75"):
        T.build_base("inception_v3", 64, "random")


# -- weights sources ------------------------------------------------------------

def test_local_weights_file_reproduces_saved_weights_exactly(vgg, tmp_path):
    path = T.save_base_weights(vgg, tmp_path / "my_vgg16")
    again = T.build_base("vgg16", SIZE, str(path))
    assert again.name == "vgg16"
    for a, b in zip(vgg.weights, again.weights):
        assert np.array_equal(a.numpy(), b.numpy())


def test_weights_file_of_another_network_is_refused_with_a_way_out(tmp_path):
    vgg19 = T.build_base("vgg19", SIZE, "random")
    path = T.save_base_weights(vgg19, tmp_path / "vgg19")
    with pytest.raises(ModelFileError, match="VGG16.*random weights"):
        T.build_base("vgg16", SIZE, str(path))
    (tmp_path / "junk.h5").write_bytes(b"not hdf5 at all")
    with pytest.raises(ModelFileError, match="random weights"):
        T.build_base("vgg16", SIZE, str(tmp_path / "junk.h5"))
    with pytest.raises(ModelFileError, match="does not exist"):
        T.build_base("vgg16", SIZE, str(tmp_path / "missing.weights.h5"))


def test_imagenet_download_failure_offers_a_local_file_or_random_weights(monkeypatch, tmp_path):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    monkeypatch.setattr(T.Architecture, "weights_url", lambda self, *a, **k: "http://127.0.0.1:9/none.h5")
    with pytest.raises(UserError) as err:
        T.build_base("vgg16", SIZE, "imagenet")
    text = str(err.value)
    assert "could not be downloaded" in text and "local weights file" in text and "random weights" in text
    assert not list((tmp_path / "models").glob("*"))  # no partial file left behind


def test_imagenet_download_reports_progress_caches_and_can_be_cancelled(monkeypatch, tmp_path):
    source = tmp_path / "server.h5"
    source.write_bytes(b"x" * (1 << 20))
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(T.Architecture, "weights_url", lambda self, *a, **k: source.as_uri())
    arch = T.CATALOG["mobilenet"]
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        T.download_imagenet_weights(arch, 128, cancel=cancel)
    assert not list((tmp_path / "home" / "models").glob("*"))
    events = []
    path = T.download_imagenet_weights(arch, 128, progress=events.append)
    assert path.name == "mobilenet_1_0_128_tf_no_top.h5" and path.stat().st_size == 1 << 20
    assert events[-1].kind == "download" and events[-1].step == events[-1].total == 1 << 20
    assert T.download_imagenet_weights(arch, 128) == path  # cached: no second download


# -- freezing ------------------------------------------------------------------------

def test_vgg_layers_are_grouped_by_block_and_counts_match_keras(vgg):
    rows = T.layer_rows(vgg, "vgg16")
    assert [r.group for r in rows][:3] == ["block1"] * 3 and rows[-1].group == "block5"
    state = T.FreezeState(rows)
    state.set_boundary(state.index_of("block5_conv1"))
    T.apply_freeze(vgg, state.flags)
    try:
        assert (state.trainable_params, state.non_trainable_params) == T.count_params(vgg)
        assert state.trainable_params == 3 * (3 * 3 * 512 * 512 + 512)
        assert state.boundary() == state.index_of("block5_conv1")
        state.set(0, True)
        assert state.boundary() == -1
    finally:
        T.apply_freeze(vgg, [True] * len(rows))


def test_freeze_until_unknown_layer_names_the_choices(vgg):
    with pytest.raises(UserError, match="no layer called 'block9_conv1'"):
        T.freeze_until(vgg, "block9_conv1")


def test_frozen_layers_stay_bit_identical_after_an_epoch_while_unfrozen_ones_change():
    base = T.build_base("vgg16", SIZE, "random")
    model = T.compose("vgg16", base, "gap", 2)
    T.freeze_until(base, "block5_conv1")
    before = {w.path: w.numpy().copy() for w in base.weights}
    data = _tiny_dataset(6)
    result = T.run_end_to_end(model, data, epochs=1, batch_size=8, learning_rate=1e-3)
    assert result.epochs_run == 1
    for w in base.weights:
        same = np.array_equal(before[w.path], w.numpy())
        if w.path.split("/")[-2].startswith("block5_conv"):
            assert not same, w.path
        else:
            assert same, w.path


def test_batchnorm_stays_in_inference_mode_when_the_whole_base_is_unfrozen():
    base = T.build_base("mobilenet", SIZE, "random")
    model = T.compose("mobilenet", base, "gap", 2)
    state = T.freeze_until(base, "none")  # everything trainable: fine-tuning the whole base
    bn = [layer for layer in base.layers if layer.__class__.__name__ == "BatchNormalization"]
    assert bn and not any(layer.trainable for layer in bn)
    assert (state.trainable_params, state.non_trainable_params) == T.count_params(base)
    moving = [w for w in base.weights if "moving_mean" in w.path]
    before = [w.numpy().copy() for w in moving]
    model(np.full((4, SIZE, SIZE, 3), 200.0, "float32"), training=True)  # what fit does on every batch
    assert all(np.array_equal(a, w.numpy()) for a, w in zip(before, moving))


# -- the two methods ----------------------------------------------------------------

def test_feature_extraction_matches_end_to_end_accuracy_with_the_same_frozen_base(vgg):
    from cnnexplorer.ml.runtime import keras

    T.apply_freeze(vgg, [False] * len(T.layer_rows(vgg)))
    data = _tiny_dataset(12)
    keras().utils.set_random_seed(0)
    events = []
    features = T.run_feature_extraction("vgg16", vgg, data, head="gap", epochs=5, batch_size=8,
                                        learning_rate=1e-2, progress=events.append)
    assert {"extract", "epoch"} <= {e.kind for e in events}
    keras().utils.set_random_seed(0)
    model = T.compose("vgg16", vgg, "gap", 2)
    end_to_end = T.run_end_to_end(model, data, epochs=5, batch_size=8, learning_rate=1e-2)
    assert features.test_accuracy >= 0.9 and end_to_end.test_accuracy >= 0.9
    assert abs(features.test_accuracy - end_to_end.test_accuracy) <= 0.1
    # The composed model from feature extraction predicts what its head learned, from raw pixels.
    preds = (np.asarray(features.model.predict(data.x_test.astype("float32"), verbose=0))[:, 0] > 0.5)
    assert np.mean(preds == data.y_test) == pytest.approx(features.test_accuracy, abs=1e-6)
    assert features.speedup is not None and features.summary()["method"] == "features"
    # Both models know their classes by name (Visualize, predict and a saved file show them, not numbers).
    assert class_names(features.model) == class_names(end_to_end.model) == ["dark", "bright"]


def test_feature_extraction_is_cancellable(vgg):
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        T.extract_features(T.feature_extractor("vgg16", vgg), np.zeros((4, SIZE, SIZE, 3), np.uint8), 2,
                           cancel=cancel)


def test_composed_model_keeps_a_nested_base_and_survives_safe_mode_save_and_load(vgg, tmp_path):
    from cnnexplorer.ml.model_files import load_model_file, save_model_file

    model = T.compose("vgg16", vgg, "flatten-dense", 3)
    T.compile_model(model, 3)
    assert T.find_base(model) is vgg and model.get_layer("vgg16") is vgg
    assert model.output_shape == (None, 3)
    path = tmp_path / "pretrained.keras"
    save_model_file(model, str(path))
    T.register_custom_objects()
    loaded, _ = load_model_file(str(path))
    x = np.random.default_rng(0).integers(0, 256, (2, SIZE, SIZE, 3)).astype("float32")
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), atol=1e-5)


# -- bad datasets ---------------------------------------------------------------------

def _folder(root, classes, n=3, size=20, broken=0):
    rng = np.random.default_rng(0)
    for c in classes:
        (root / c).mkdir(parents=True)
        for i in range(n):
            save_png(root / c / f"{i}.png", rng.integers(0, 256, (size, size, 3)).astype(np.uint8))
        for i in range(broken):
            (root / c / f"broken{i}.png").write_bytes(b"not an image")
    return root


def test_image_folder_loads_resized_rgb_and_skips_unreadable_files(tmp_path):
    data = T.load_folder(str(_folder(tmp_path / "pets", ["cat", "dog"], n=5, broken=1)), SIZE)
    assert data.x_train.shape[1:] == (SIZE, SIZE, 3) and data.x_train.dtype == np.uint8
    assert len(data.skipped) == 2 and data.class_names == ("cat", "dog")


def test_one_class_folder_and_unreadable_folder_get_clear_messages(tmp_path):
    with pytest.raises(DatasetError, match="only one class"):
        T.load_folder(str(_folder(tmp_path / "one", ["cat"])), SIZE)
    with pytest.raises(DatasetError, match="No readable images"):
        T.load_folder(str(_folder(tmp_path / "bad", ["cat", "dog"], n=0, broken=2)), SIZE)


def test_dataset_smaller_than_the_batch_size_is_refused_before_training_changes_anything(vgg):
    data = _tiny_dataset(2)  # 4 training images
    model = T.compose("vgg16", vgg, "gap", 2)
    before = [w.numpy().copy() for w in model.weights]
    with pytest.raises(DatasetError, match="fewer than the batch size 20"):
        T.run_end_to_end(model, data, epochs=1, batch_size=20)
    with pytest.raises(DatasetError, match="lower the batch size"):
        T.run_feature_extraction("vgg16", vgg, data, epochs=1, batch_size=20)
    assert all(np.array_equal(a, w.numpy()) for a, w in zip(before, model.weights))


def test_gradcam_reaches_the_last_conv_layer_inside_the_nested_base(vgg):
    from cnnexplorer.ml.viz.gradcam import default_layer, gradcam

    model = T.compose("vgg16", vgg, "flatten-dense", 3)
    assert default_layer(model) == "vgg16/block5_conv3"
    x = np.random.default_rng(0).integers(0, 256, (SIZE, SIZE, 3)).astype("float32")
    result = gradcam(model, x)
    assert result.layer == "vgg16/block5_conv3" and result.heatmap.shape == (SIZE, SIZE)
