"""Activation grids: values equal a direct computation, normalisation, tiling and click mapping."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core.errors import UserError
from cnnexplorer.ml.runtime import keras
from cnnexplorer.ml.viz import graph
from cnnexplorer.ml.viz.activations import (
    activation_grid,
    compute_activations,
    default_layers,
    normalize_channels,
    tile,
)


def _model():
    k = keras()
    k.utils.set_random_seed(0)
    return k.Sequential([
        k.Input((12, 12, 1)), k.layers.Rescaling(1 / 255),
        k.layers.Conv2D(3, 3, activation="relu", name="conv"),
        k.layers.MaxPooling2D(2, name="pool"),
        k.layers.Conv2D(20, 3, activation="relu", name="conv2"),
        k.layers.Flatten(), k.layers.Dense(4, activation="softmax", name="out"),
    ])


def _numpy_conv(x, kernel, bias):
    """Valid 2-D cross-correlation (what Conv2D computes), channels last, for one image."""
    kh, kw, cin, cout = kernel.shape
    h, w = x.shape[0] - kh + 1, x.shape[1] - kw + 1
    out = np.zeros((h, w, cout))
    for i in range(h):
        for j in range(w):
            out[i, j] = np.tensordot(x[i:i + kh, j:j + kw], kernel, axes=([0, 1, 2], [0, 1, 2])) + bias
    return out


def test_activations_equal_a_numpy_convolution_and_the_layers_outputs():
    model = _model()
    x = np.random.RandomState(1).randint(0, 256, (1, 12, 12, 1)).astype("float32")
    acts = compute_activations(model, x)
    assert list(acts.layers) == default_layers(model) == ["conv", "pool", "conv2"]
    kernel, bias = model.get_layer("conv").get_weights()
    expected = np.maximum(_numpy_conv(x[0] / 255.0, kernel, bias), 0)
    np.testing.assert_allclose(acts.layers["conv"], expected, atol=1e-5)
    direct = x
    for layer in model.layers[:4]:
        direct = layer(direct)
    np.testing.assert_allclose(acts.layers["conv2"], np.asarray(direct)[0], atol=1e-5)
    # the same pass gives the model's prediction
    probs = np.exp(acts.scores) / np.exp(acts.scores).sum()
    np.testing.assert_allclose(probs, model(x).numpy()[0], atol=1e-6)


def test_one_compiled_function_per_model_and_layer_set():
    model = _model()
    x = np.zeros((1, 12, 12, 1), "float32")
    compute_activations(model, x)
    before = graph.BUILD_COUNT["n"]
    compute_activations(model, x + 1)
    assert graph.BUILD_COUNT["n"] == before


def test_grid_has_one_tile_per_channel_in_rows_of_16():
    act = np.random.RandomState(0).rand(5, 4, 20).astype("float32")
    grid = activation_grid(act, cols=16, pad=1)
    assert (grid.rows, grid.cols, grid.count) == (2, 16, 20)
    assert grid.image.dtype == np.uint8 and grid.image.shape == (2 * 6 + 1, 16 * 5 + 1, 3)
    assert grid.channel_at(1, 1) == 0
    assert grid.channel_at(1 + 3 * 5, 1 + 6) == 19  # row 1, column 3
    assert grid.channel_at(1 + 5 * 5, 1 + 6) is None  # an empty cell after the last channel
    assert grid.channel_at(0, 0) is None  # padding


def test_normalisation_is_per_channel_scale_invariant_and_dead_channels_are_flat():
    rng = np.random.RandomState(2)
    act = rng.rand(6, 6, 3).astype("float32")
    act[..., 1] = act[..., 0] * 1000.0
    act[..., 2] = 0.0  # a dead ReLU channel
    levels, dead = normalize_channels(act)
    assert levels.dtype == np.uint8
    np.testing.assert_array_equal(levels[0], levels[1])
    assert list(dead) == [False, False, True]
    assert np.unique(levels[2]).size == 1


def test_tile_pads_missing_cells():
    grid, rows, cols = tile(np.full((7, 2, 2), 9, np.uint8), cols=3, pad=0)
    assert (rows, cols) == (3, 3) and grid.shape == (6, 6)
    assert (grid[4:, 2:] == 0).all() and (grid[:2, :2] == 9).all()


def test_nested_base_layers_are_listed_and_computed():
    k = keras()
    base = k.Sequential([k.Input((16, 16, 3)), k.layers.Conv2D(4, 3, name="b1"), k.layers.MaxPooling2D(name="bp")],
                        name="base")
    model = k.Sequential([k.Input((16, 16, 3)), base, k.layers.Flatten(), k.layers.Dense(2, activation="softmax")])
    assert default_layers(model) == ["base/b1", "base/bp"]
    acts = compute_activations(model, np.ones((1, 16, 16, 3), "float32"))
    assert acts.layers["base/bp"].shape == (7, 7, 4)


def test_dense_layer_has_no_grid():
    model = _model()
    with pytest.raises(UserError, match="not a stack of 2-D maps"):
        compute_activations(model, np.zeros((1, 12, 12, 1), "float32"), ["out"])
