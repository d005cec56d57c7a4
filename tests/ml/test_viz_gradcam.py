"""Grad-CAM: known answers, equivalences, model kinds, colours, localisation, faithfulness, sanity."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core.errors import UserError
from cnnexplorer.ml.runtime import keras
from cnnexplorer.ml.viz import graph
from cnnexplorer.ml.viz.gradcam import (
    NoConvLayerError,
    cam_from_gradients,
    gradcam,
    gradcam_batch,
    normalize_cam,
    overlay_image,
    upsample,
)


def _k():
    return keras()


def _small_cnn(input_shape=(32, 32, 3), classes=3, seed=0, dtype=None):
    k = _k()
    k.utils.set_random_seed(seed)
    kw = {"dtype": dtype} if dtype else {}
    return k.Sequential([
        k.Input(input_shape),
        k.layers.Rescaling(1 / 255, **kw),
        k.layers.Conv2D(8, 3, activation="relu", padding="same", name="c1", **kw),
        k.layers.MaxPooling2D(2, **kw),
        k.layers.Conv2D(16, 3, activation="relu", padding="same", name="c2", **kw),
        k.layers.GlobalAveragePooling2D(**kw),
        k.layers.Dense(classes, activation="softmax", name="head", **kw),
    ])


def _images(n=2, shape=(32, 32, 3), seed=1):
    return np.random.RandomState(seed).randint(0, 256, (n,) + shape).astype("float32")


def _softmax(s):
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def test_captum_toy_network_gives_the_hand_computed_maps():
    k = _k()
    inp = k.Input((4, 4, 1))
    conv = k.layers.Conv2D(2, 3, activation=None, name="conv")
    relu = k.layers.ReLU(name="relu")
    dense = k.layers.Dense(4, activation="relu", name="dense")
    out = dense(k.layers.Flatten()(relu(conv(inp))))
    model = k.Model(inp, out)
    conv.set_weights([np.ones((3, 3, 1, 2), "float32"), np.array([-50.0, -75.0], "float32")])
    # Captum's [+1]*5+[-1]*3 in Keras' (H, W, C) flatten order
    column = np.array([1, 1, 1, -1, 1, -1, 1, -1], "float32")
    dense.set_weights([np.tile(column[:, None], (1, 4)), np.zeros(4, "float32")])
    x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    on_conv = gradcam(model, x, class_index=0, layer="conv")
    on_relu = gradcam(model, x, class_index=0, layer="relu")
    np.testing.assert_allclose(on_conv.raw, [[11.25, 13.5], [20.25, 22.5]], atol=1e-5)
    np.testing.assert_allclose(on_relu.raw, [[0, 4], [28, 32.5]], atol=1e-5)


def test_gradcam_equals_cam_for_conv_gap_dense():
    model = _small_cnn(seed=3)
    x = _images(1)
    res = gradcam(model, x, class_index=1, layer="c2")
    feats = x
    for layer in model.layers[:4]:  # Rescaling, c1, pool, c2
        feats = layer(feats)
    feats = np.asarray(feats)[0]
    w = model.get_layer("head").get_weights()[0][:, 1]
    cam = np.einsum("hwc,c->hw", feats, w)
    a, _ = normalize_cam(res.raw)
    b, _ = normalize_cam(cam)
    assert np.abs(a - b).max() < 1e-5


def test_hand_computed_channel_weighting():
    activ = np.stack([np.full((2, 2), v, "float32") for v in (1, 2, 4)], axis=-1)[None]
    grads = np.stack([np.full((2, 2), v, "float32") for v in (1, 2, 3)], axis=-1)[None]
    np.testing.assert_allclose(cam_from_gradients(activ, grads), np.full((1, 2, 2), 17.0))


def test_batch_equals_single_and_runs_are_identical():
    model = _small_cnn(seed=4)
    x = _images(3)
    batch = gradcam_batch(model, x, [0, 2, None])
    for i, c in enumerate([0, 2, None]):
        single = gradcam(model, x[i:i + 1], class_index=c)
        assert np.abs(batch[i].heatmap - single.heatmap).max() < 1e-6
        assert batch[i].class_index == single.class_index
    again = gradcam_batch(model, x, [0, 2, None])
    assert all(np.array_equal(a.heatmap, b.heatmap) for a, b in zip(batch, again))


def test_shapes_range_and_non_square_input():
    model = _small_cnn(input_shape=(40, 24, 3), seed=5)
    res = gradcam(model, _images(1, (40, 24, 3)))
    assert res.heatmap.shape == (40, 24) and res.raw.shape == (20, 12)
    assert np.isfinite(res.heatmap).all() and res.heatmap.min() >= 0 and res.heatmap.max() <= 1
    assert res.heatmap.max() > 0.8  # the peak of the coarse map, upsampled


def test_upsampled_peak_lies_between_two_hot_cells():
    # a 7×7 map with two neighbouring hot cells: the evidence peaks between their centres (79.5 and 111.5
    # at 224²), where bilinear resizing could only put it on the hotter cell's centre
    cam = np.zeros((7, 7), np.float32)
    cam[3, 2], cam[3, 3] = 1.0, 0.9
    heat = upsample(cam, 224, 224)
    row, col = np.unravel_index(int(np.argmax(heat)), heat.shape)
    assert 100 <= row <= 125 and 82 <= col <= 100
    assert heat.min() >= 0 and heat.max() <= 1 and np.count_nonzero(heat == heat.max()) <= 2  # no flat top


def test_flat_image_gives_an_empty_map_not_nan():
    k = _k()
    model = k.Sequential([k.Input((16, 16, 1)), k.layers.Conv2D(4, 3, use_bias=False, activation="relu", name="c"),
                          k.layers.GlobalAveragePooling2D(), k.layers.Dense(2, activation="softmax")])
    res = gradcam(model, np.zeros((1, 16, 16, 1), "float32"))
    assert res.empty and np.isfinite(res.heatmap).all() and res.heatmap.max() == 0


def _nested_models():
    k = _k()
    k.utils.set_random_seed(7)
    base = k.Sequential([k.Input((32, 32, 3)), k.layers.Conv2D(8, 3, activation="relu", name="b1"),
                         k.layers.Conv2D(8, 3, activation="relu", name="b2")], name="base")
    seq = k.Sequential([k.Input((32, 32, 3)), k.layers.Rescaling(1 / 255), base,
                        k.layers.GlobalAveragePooling2D(), k.layers.Dense(3, activation="softmax")], name="seq")
    inp = k.Input((32, 32, 3))
    y = k.layers.Dense(3)(k.layers.Flatten()(base(k.layers.Rescaling(1 / 255)(inp))))
    func = k.Model(inp, k.layers.Softmax()(y), name="func")
    inputless = k.Sequential([k.layers.Rescaling(1 / 255), k.layers.Conv2D(4, 3, activation="relu", name="c"),
                              k.layers.GlobalAveragePooling2D(), k.layers.Dense(3, activation="softmax")])
    inputless(np.zeros((1, 32, 32, 3), "float32"))
    return {"sequential": seq, "functional": func, "inputless": inputless}


@pytest.mark.parametrize("kind", ["sequential", "functional", "inputless", "reloaded"])
def test_nested_sequential_functional_and_reloaded_models(kind, tmp_path):
    models = _nested_models()
    if kind == "reloaded":
        from cnnexplorer.ml.model_files import load_model_file, save_model_file

        save_model_file(models["sequential"], str(tmp_path / "m.keras"))
        model, _ = load_model_file(str(tmp_path / "m.keras"))
    else:
        model = models[kind]
    x = _images(2)
    expected_layer = "c" if kind == "inputless" else "base/b2"
    res = gradcam(model, x[:1])
    assert res.layer == expected_layer
    assert res.heatmap.shape == (32, 32) and np.isfinite(res.heatmap).all()
    # the scores used are the model's own, before softmax: softmax(scores) == model(x), scores don't sum to 1
    tapper = graph.Tapper(model, (expected_layer,))
    _, scores = tapper(x)
    scores = np.asarray(scores)
    np.testing.assert_allclose(_softmax(scores), model(x).numpy(), atol=1e-6)
    assert not np.allclose(scores.sum(axis=1), 1.0)
    assert tapper.final_activation == "softmax"


def test_pretrained_style_composed_model_with_preprocessing_layer():
    """The Pretrained tab's shape: raw pixels -> ArchPreprocess -> nested base (training=False) -> head."""
    from cnnexplorer.ml import transfer
    from cnnexplorer.ml.viz import inputs

    k = _k()
    k.utils.set_random_seed(12)
    inp = k.Input((32, 32, 3))
    y = k.layers.Conv2D(4, 3, activation="relu", name="conv_a")(inp)
    base = k.Model(inp, k.layers.Conv2D(4, 3, activation="relu", name="conv_b")(y), name="mini")
    model = transfer.compose("vgg16", base, "flatten-dense", num_classes=3)
    x = _images(1)
    res = gradcam(model, x)
    assert res.layer == "mini/conv_b" and np.isfinite(res.heatmap).all()
    np.testing.assert_allclose(_softmax(res.scores[None]), model(x).numpy(), atol=1e-6)
    assert inputs.detect_scaling(model, "file")[0] == inputs.RAW


def test_colour_order_hot_pixel_is_red():
    image = np.full((8, 8, 3), 128, np.uint8)
    heat = np.zeros((8, 8), np.float32)
    heat[3, 4] = 1.0
    out = overlay_image(image, heat, "jet", opacity=1.0)
    assert out[3, 4, 0] > out[3, 4, 2]  # red where the map is hot
    assert out[0, 0, 2] > out[0, 0, 0]  # blue where it is cold


def test_errors_for_bad_class_no_conv_and_dense_layer():
    model = _small_cnn(seed=8)
    x = _images(1)
    with pytest.raises(UserError, match="Class 7 does not exist"):
        gradcam(model, x, class_index=7)
    with pytest.raises(UserError, match="not a grid of feature maps"):
        gradcam(model, x, layer="head")
    k = _k()
    dense_only = k.Sequential([k.Input((8, 8, 1)), k.layers.Flatten(), k.layers.Dense(2, activation="softmax")])
    with pytest.raises(NoConvLayerError, match="no convolution layer"):
        gradcam(dense_only, np.zeros((1, 8, 8, 1), "float32"))


def test_gradient_function_is_built_once_per_model_and_layer():
    model = _small_cnn(seed=9)
    x = _images(1)
    gradcam(model, x)
    before = graph.BUILD_COUNT["n"]
    for c in (0, 1, 2):
        gradcam(model, x, class_index=c)
    assert graph.BUILD_COUNT["n"] == before


def test_mixed_precision_model_gives_finite_float32_maps():
    model = _small_cnn(seed=10, dtype="mixed_float16")
    res = gradcam(model, _images(1))
    assert res.heatmap.dtype == np.float32 and np.isfinite(res.heatmap).all()
    assert res.heatmap.max() > 0


def test_binary_sigmoid_model_explains_both_classes():
    k = _k()
    k.utils.set_random_seed(11)
    model = k.Sequential([k.Input((16, 16, 1)), k.layers.Conv2D(4, 3, activation="relu", name="c"),
                          k.layers.GlobalAveragePooling2D(), k.layers.Dense(1, activation="sigmoid")])
    x = _images(1, (16, 16, 1))
    r0, r1 = gradcam(model, x, class_index=0), gradcam(model, x, class_index=1)
    np.testing.assert_allclose(r0.raw, -r1.raw, atol=1e-5)
    with pytest.raises(UserError):
        gradcam(model, x, class_index=2)


# -- a tiny network trained on presence-defined classes ---------------------------------------------

def _synthetic(n, seed):
    """32x32 noise; class 1 holds a red 8x8 square, class 2 a green one, class 0 nothing."""
    rng = np.random.RandomState(seed)
    x = rng.randint(60, 140, (n, 32, 32, 3)).astype("float32")
    y = rng.randint(0, 3, n)
    boxes = np.zeros((n, 4), int)
    for i in range(n):
        r, c = rng.randint(0, 24, 2)
        boxes[i] = (r, c, r + 8, c + 8)
        if y[i]:
            colour = [230, 30, 30] if y[i] == 1 else [30, 230, 30]
            x[i, r:r + 8, c:c + 8] = colour
    return x, y, boxes


@pytest.fixture(scope="module")
def trained():
    k = _k()
    k.utils.set_random_seed(0)
    model = k.Sequential([
        k.Input((32, 32, 3)), k.layers.Rescaling(1 / 255),
        k.layers.Conv2D(16, 3, activation="relu", padding="same", name="c1"),
        k.layers.MaxPooling2D(2),
        k.layers.Conv2D(16, 3, activation="relu", padding="same", name="c2"),
        k.layers.Conv2D(16, 3, activation="relu", padding="same", name="c3"),
        k.layers.GlobalAveragePooling2D(), k.layers.Dense(3, activation="softmax", name="head"),
    ])
    model.compile(optimizer=k.optimizers.Adam(0.005), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x, y, _ = _synthetic(600, 1)
    model.fit(x, y, epochs=8, batch_size=32, verbose=0)
    xt, yt, bt = _synthetic(60, 2)
    acc = float((model(xt).numpy().argmax(1) == yt).mean())
    assert acc > 0.9, f"the toy network did not learn the task (accuracy {acc:.2f})"
    return model, xt, yt, bt


def test_heatmap_peak_lies_inside_the_object(trained):
    model, x, y, boxes = trained
    keep = y > 0
    res = gradcam_batch(model, x[keep], [int(c) for c in y[keep]])
    hits, center_hits = [], []
    for r, (r0, c0, r1, c1) in zip(res, boxes[keep]):
        py, px = np.unravel_index(np.argmax(r.heatmap), r.heatmap.shape)
        hits.append(r0 - 2 <= py < r1 + 2 and c0 - 2 <= px < c1 + 2)
        center_hits.append(r0 <= 16 < r1 and c0 <= 16 < c1)
    assert np.mean(hits) >= 0.9
    assert np.mean(hits) > np.mean(center_hits)


def test_deleting_the_hottest_pixels_hurts_more_than_random(trained):
    model, x, y, _ = trained
    keep = y > 0
    xs, ys = x[keep], y[keep]
    res = gradcam_batch(model, xs, [int(c) for c in ys])
    tapper = graph.Tapper(model, ())
    base = np.asarray(tapper(xs)[1])
    rng = np.random.RandomState(0)
    hot, rand = xs.copy(), xs.copy()
    n = int(0.1 * 32 * 32)
    for i, r in enumerate(res):
        idx = np.argsort(-r.heatmap.ravel())[:n]
        hot[i].reshape(-1, 3)[idx] = 0
        rand[i].reshape(-1, 3)[rng.choice(32 * 32, n, replace=False)] = 0
    s_hot, s_rand = np.asarray(tapper(hot)[1]), np.asarray(tapper(rand)[1])
    rows = np.arange(len(ys))
    drop_hot = base[rows, ys] - s_hot[rows, ys]
    drop_rand = base[rows, ys] - s_rand[rows, ys]
    assert np.mean(drop_hot > drop_rand) >= 0.9


def _spearman(a, b):
    ra = np.argsort(np.argsort(a.ravel())).astype(float)
    rb = np.argsort(np.argsort(b.ravel())).astype(float)
    return float(np.corrcoef(ra, rb)[0, 1])


def test_randomising_the_top_layers_changes_the_map(trained):
    model, x, y, _ = trained
    keep = np.flatnonzero(y > 0)[:15]
    xs = x[keep]
    before = gradcam_batch(model, xs, [int(c) for c in y[keep]])
    k = _k()
    clone = k.models.clone_model(model)
    clone.set_weights(model.get_weights())
    rng = np.random.RandomState(0)
    for name in ("head", "c3", "c2"):  # cascading from the logits down
        layer = clone.get_layer(name)
        layer.set_weights([rng.normal(0, w.std() + 1e-3, w.shape).astype("float32") for w in layer.get_weights()])
    after = gradcam_batch(clone, xs, [int(c) for c in y[keep]])
    rho = np.mean([_spearman(a.raw, b.raw) for a, b in zip(before, after)])
    assert rho < 0.3
    # the map also depends on the class asked about
    other = gradcam_batch(model, xs, [3 - int(c) for c in y[keep]])
    assert np.mean([_spearman(a.raw, b.raw) for a, b in zip(before, other)]) < 0.5


def test_a_model_ending_in_feature_maps_gets_a_sentence_not_a_crash():
    # a convolutional base without its classifier (opened from a file, or a lesson's base): no class to explain
    from cnnexplorer.ml.viz.analysis import analyse, describe_model
    from cnnexplorer.ml.viz.gradcam import NotAClassifierError

    k = _k()
    base = k.Sequential([k.Input((16, 16, 3)), k.layers.Conv2D(4, 3, activation="relu", name="c")])
    x = _images(1, (16, 16, 3))
    with pytest.raises(NotAClassifierError, match=r"feature maps of shape \(14, 14, 4\)"):
        gradcam(base, x)
    facts = describe_model(base, None)
    assert facts.num_classes == 0 and facts.class_names == ()
    result = analyse(base, x, ("c",), None, None, ("acts",), ("cam",))
    assert result.cam is None and "needs a classifier" in result.cam_problem
    assert result.activations is not None  # its feature maps are still shown
