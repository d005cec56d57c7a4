"""The convolution/pooling lab's arithmetic: sizes, Keras' asymmetric 'same' padding, traces, bad input."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core import conv_lab as lab


def _naive_conv(grid, kernel, stride, pad_before, pad_after):
    g = np.pad(grid, ((pad_before[0], pad_after[0]), (pad_before[1], pad_after[1])))
    k = kernel.shape[0]
    out_h = (g.shape[0] - k) // stride + 1
    out_w = (g.shape[1] - k) // stride + 1
    return np.array([[np.sum(g[r * stride:r * stride + k, c * stride:c * stride + k] * kernel)
                      for c in range(out_w)] for r in range(out_h)])


@pytest.mark.parametrize("size,kernel,stride,padding,out,before,after", [
    (12, 3, 1, "valid", 10, 0, 0),
    (12, 3, 2, "valid", 5, 0, 0),
    (12, 3, 1, "same", 12, 1, 1),
    (12, 3, 2, "same", 6, 0, 1),  # TensorFlow puts the odd padding row at the bottom
    (12, 4, 1, "same", 12, 1, 2),
    (5, 7, 1, "same", 5, 3, 3),
    (5, 7, 1, "valid", 0, 0, 0),
    (7, 2, 3, "valid", 2, 0, 0),
])
def test_plan_axis_matches_keras_rules(size, kernel, stride, padding, out, before, after):
    plan = lab.plan_axis(size, kernel, stride, padding)
    assert (plan.out, plan.before, plan.after) == (out, before, after)


def test_formula_text_shows_the_current_numbers():
    text = lab.output_size_text(12, 3, 2, "same")
    assert "ceil(12 / 2) = 6" in text and "0 before, 1 after" in text
    assert "floor((12 − 3) / 2) + 1 = 5" in lab.output_size_text(12, 3, 2, "valid")
    assert "no padding needed" in lab.output_size_text(12, 1, 1, "same")
    assert "does not fit" in lab.output_size_text(2, 3, 1, "valid")


@pytest.mark.parametrize("k", [1, 2, 3, 4, 5, 7])
@pytest.mark.parametrize("stride", [1, 2, 3])
@pytest.mark.parametrize("padding", ["valid", "same"])
def test_convolve_equals_a_naive_sliding_sum(k, stride, padding):
    rng = np.random.default_rng(k * 10 + stride)
    grid = rng.integers(0, 10, size=(9, 11)).astype(float)
    kernel = lab.kernel_preset("random", k, seed=stride)
    result = lab.convolve(grid, kernel, stride, padding)
    if padding == "valid" and k > 9:
        assert result is None
        return
    rows, cols = result.rows, result.cols
    expected = _naive_conv(grid, kernel, stride, (rows.before, cols.before), (rows.after, cols.after))
    np.testing.assert_allclose(result.output, expected)
    assert len(result.steps) == result.output.size


def test_step_trace_covers_the_window_and_fills_its_cell():
    grid = np.arange(16, dtype=float).reshape(4, 4)
    kernel = lab.kernel_preset("identity", 3)
    result = lab.convolve(grid, kernel, 2, "same")
    # 4 / 2 -> 2 outputs, padding total 1 -> 0 before, 1 after
    assert result.output.shape == (2, 2) and (result.pad_top, result.pad_left) == (0, 0)
    step = result.step_at(1, 1)
    assert (step.top, step.left) == (2, 2)
    assert step.total == result.output[1, 1] == grid[3, 3]  # identity kernel keeps the centre
    assert step.covered_input_cells(0, 0) == [(2, 2), (2, 3), (3, 2), (3, 3)]
    assert not step.inside[2].any()  # the last window row lies on the bottom padding
    assert step.sum_text(kernel).endswith("= 15")


def test_sum_text_is_readable():
    grid = np.array([[1.0, 2.0], [3.0, 0.0]])
    kernel = np.array([[1.0, -1.0], [2.0, 5.0]])
    step = lab.convolve(grid, kernel, 1, "valid").steps[0]
    assert step.sum_text(kernel) == "1×1 + 2×(−1) + 3×2 = 5"
    zero = lab.convolve(np.zeros((2, 2)), kernel, 1, "valid").steps[0]
    assert "0" in zero.sum_text(kernel)


def test_stride_larger_than_kernel_warns_and_marks_unseen_cells():
    grid = np.ones((6, 6))
    problems = lab.check_conv(grid, np.ones((1, 1)), 3, "valid")
    assert len(problems) == 1 and not problems[0].blocking and "stride" in problems[0].text
    result = lab.convolve(grid, np.ones((1, 1)), 3, "valid")
    assert result is not None
    assert (0, 0) not in result.never_seen and (1, 1) in result.never_seen
    assert len(result.never_seen) == 36 - 4


@pytest.mark.parametrize("grid,kernel,stride,padding,word", [
    (np.zeros((0, 0)), np.ones((3, 3)), 1, "valid", "empty"),
    (np.zeros((2, 5)), np.ones((3, 3)), 1, "valid", "larger than the 2×5 input"),
    (np.zeros((4, 4)), np.ones((0, 0)), 1, "valid", "square"),
    (np.zeros((4, 4)), np.ones((3, 3)), 1, "full", "'valid' or 'same'"),
])
def test_bad_settings_are_explained_not_raised(grid, kernel, stride, padding, word):
    problems = lab.check_conv(grid, kernel, stride, padding)
    assert problems and problems[0].blocking and word in problems[0].text
    assert lab.convolve(grid, kernel, stride, padding) is None


def test_same_padding_lets_a_big_kernel_through():
    result = lab.convolve(np.ones((3, 3)), np.ones((7, 7)), 1, "same")
    assert result.output.shape == (3, 3)
    assert result.output[1, 1] == 9  # every real cell is inside the window


def test_max_pooling_keeps_the_largest_value_of_each_window():
    grid = np.array([[1, 5, 2, 0], [3, 4, 8, 1], [0, 0, 1, 1], [9, 2, 1, 7]], dtype=float)
    result = lab.pool(grid, 2)
    np.testing.assert_array_equal(result.output, [[5, 8], [9, 7]])
    assert result.step_at(0, 0).kept == (0, 1)
    assert result.kept_cells() == {(0, 1), (1, 2), (3, 0), (3, 3)}
    avg = lab.pool(grid, 2, mode="average")
    assert avg.output[0, 0] == pytest.approx(13 / 4)


def test_same_pooling_ignores_padding():
    grid = -np.ones((3, 3))  # all negative: padded zeros must not win
    result = lab.pool(grid, 2, 2, "same")
    assert result.output.shape == (2, 2)
    assert (result.output == -1).all()
    assert lab.pool(np.ones((3, 3)), 2, 2, "same", mode="average").output[1, 1] == 1


def test_pool_window_larger_than_grid_is_explained():
    problems = lab.check_pool(np.ones((2, 2)), 3, 3, "valid")
    assert problems[0].blocking and "pooling window" in problems[0].text
    assert lab.pool(np.ones((2, 2)), 3) is None


@pytest.mark.parametrize("name", lab.KERNEL_PRESETS)
@pytest.mark.parametrize("size", [1, 2, 3, 5, 7])
def test_kernel_presets_have_the_asked_size(name, size):
    k = lab.kernel_preset(name, size)
    assert k.shape == (size, size)
    if name in ("edge", "vertical edge", "horizontal edge"):
        assert k.sum() == pytest.approx(0)  # flat regions give 0
    if name == "blur":
        assert k.sum() == pytest.approx(1)


def test_resize_kernel_keeps_the_centre():
    k = np.arange(9, dtype=float).reshape(3, 3)
    big = lab.resize_kernel(k, 5)
    assert big[2, 2] == 4 and big[1, 1] == 0 and big[0].sum() == 0
    np.testing.assert_array_equal(lab.resize_kernel(big, 3), k)


def test_digit_grid_is_small_whole_numbers():
    img = np.zeros((28, 28), dtype=np.uint8)
    img[4:24, 13:16] = 255  # a vertical stroke, like a "1"
    grid = lab.digit_grid(img, 12)
    assert grid.shape == (12, 12)
    assert grid.max() == 9 and grid.min() == 0 and (grid == np.rint(grid)).all()
    assert grid[:, 5:7].sum() > grid[:, :3].sum()
    assert lab.digit_grid(np.zeros((28, 28)), 8).sum() == 0


def test_weights_comparison_numbers():
    costs = {c.name: c for c in lab.compare_weights(28, 28, 1, 32, 3, "same")}
    conv = costs["Conv2D"]
    assert conv.params == 3 * 3 * 1 * 32 + 32 and conv.output_shape == (28, 28, 32)
    assert conv.mult_adds == 28 * 28 * 9 * 32
    dense = costs["Dense (same output size)"]
    assert dense.params == 784 * 28 * 28 * 32 + 28 * 28 * 32
    sep = lab.compare_weights(32, 32, 64, 128, 3)[3]
    assert sep.params == 9 * 64 + 64 * 128 + 128
    full = lab.compare_weights(32, 32, 64, 128, 3)[2]
    assert sep.params < full.params and sep.mult_adds < full.mult_adds
