"""The Concepts lab's numbers against real Keras layers: Conv2D, pooling, count_params, output shapes."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core import conv_lab as lab
from cnnexplorer.core import receptive_field as rf
from cnnexplorer.core.spec import template


@pytest.fixture(scope="module")
def k():
    from cnnexplorer.ml.runtime import keras

    return keras()


def _keras_conv(k, grid, kernel, stride, padding):
    size = kernel.shape[0]
    layer = k.layers.Conv2D(1, size, strides=stride, padding=padding, use_bias=False)
    layer.build((1, *grid.shape, 1))
    layer.set_weights([kernel.reshape(size, size, 1, 1).astype("float32")])
    return np.asarray(layer(grid[None, ..., None].astype("float32")))[0, ..., 0]


@pytest.mark.parametrize("size,stride,padding", [
    (3, 2, "same"), (3, 1, "same"), (3, 1, "valid"), (3, 2, "valid"), (2, 1, "same"), (4, 3, "same"),
    (5, 2, "same"), (7, 1, "same"), (7, 3, "valid"), (1, 2, "valid"), (2, 3, "same"),
])
def test_conv_lab_equals_keras_conv2d(k, size, stride, padding):
    rng = np.random.default_rng(size * 7 + stride)
    grid = rng.integers(0, 10, size=(12, 11)).astype(float)
    kernel = lab.kernel_preset("random", size, seed=size + stride)
    ours = lab.convolve(grid, kernel, stride, padding)
    theirs = _keras_conv(k, grid, kernel, stride, padding)
    assert ours.output.shape == theirs.shape
    np.testing.assert_allclose(ours.output, theirs, atol=1e-4)


@pytest.mark.parametrize("pool,stride,padding", [
    (2, 2, "valid"), (2, 2, "same"), (3, 3, "valid"), (3, 2, "same"), (2, 1, "valid"), (3, 3, "same"),
])
@pytest.mark.parametrize("mode", ["max", "average"])
def test_pool_lab_equals_keras_pooling(k, pool, stride, padding, mode):
    grid = np.random.default_rng(pool + stride).normal(size=(11, 12))
    cls = k.layers.MaxPooling2D if mode == "max" else k.layers.AveragePooling2D
    theirs = np.asarray(cls(pool, strides=stride, padding=padding)(grid[None, ..., None].astype("float32")))[0, ..., 0]
    ours = lab.pool(grid, pool, stride, padding, mode)
    assert ours.output.shape == theirs.shape
    np.testing.assert_allclose(ours.output, theirs, atol=1e-5)


@pytest.mark.parametrize("shape,filters,kernel,padding", [
    ((12, 12, 1), 8, 3, "same"), ((10, 9, 3), 16, 5, "valid"), ((8, 8, 16), 32, 3, "same"),
])
def test_weights_comparison_agrees_with_count_params(k, shape, filters, kernel, padding):
    costs = lab.compare_weights(*shape, filters, kernel, padding)
    models = [
        k.Sequential([k.Input(shape), k.layers.Flatten(), k.layers.Dense(int(np.prod(costs[0].output_shape)))]),
        k.Sequential([k.Input(shape), k.layers.Flatten(), k.layers.Dense(filters)]),
        k.Sequential([k.Input(shape), k.layers.Conv2D(filters, kernel, padding=padding)]),
        k.Sequential([k.Input(shape), k.layers.SeparableConv2D(filters, kernel, padding=padding)]),
    ]
    for cost, model in zip(costs, models):
        assert cost.params == model.count_params(), cost.name
        assert tuple(cost.output_shape) == tuple(model.output_shape[1:]), cost.name


def test_receptive_field_sizes_follow_the_built_model(k):
    from cnnexplorer.ml.build import build_model

    spec = template("mnist-cnn")
    model = build_model(spec, compile=False)
    table = rf.field_table(spec)
    for row in table.layers[1:]:
        if row.has_grid:
            assert tuple(model.layers[row.index].output.shape[1:3]) == row.out_size, row.name
