"""ml.augment on constructed images where the right answer is known."""
from __future__ import annotations

import math
import threading

import numpy as np
import pytest

from cnnexplorer.core.augment_config import AugmentConfig, preset
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.progress import Cancelled
from cnnexplorer.ml.augment import augment_batch, build_augmenter, preview, robustness_probe, single_transforms

N = 24  # variants per statistical check


def _centroid(mask: np.ndarray) -> tuple[float, float]:
    ys, xs = np.nonzero(mask)
    return float(xs.mean()), float(ys.mean())


def test_everything_off_returns_the_input_unchanged():
    rng = np.random.default_rng(0)
    image = rng.integers(0, 256, (20, 30, 3), dtype=np.uint8)
    out = preview(image, AugmentConfig(), count=3, seed=1)
    assert all(np.array_equal(o, image) for o in out)
    augmenter = build_augmenter(AugmentConfig(), (20, 30, 3))
    batch = image[None].astype(np.float32)
    assert np.array_equal(np.asarray(augmenter(batch, training=True)), batch)


def test_rotation_keeps_a_centred_squares_area_and_turns_its_corner_by_at_most_the_range():
    size, half = 101, 20
    c = size // 2
    image = np.zeros((size, size, 3), np.uint8)
    image[c - half:c + half + 1, c - half:c + half + 1, 0] = 255  # centred square
    image[c - half - 2:c - half + 3, c + half - 2:c + half + 3, 1] = 255  # marker on its top-right corner
    area = (image[..., 0] > 127).sum()
    r0 = math.hypot(half, half)
    config = AugmentConfig(rotation_range=40, fill_mode="constant")
    angles = []
    for out in preview(image, config, count=N, seed=3):
        assert abs((out[..., 0] > 127).sum() - area) / area < 0.05  # a rotation keeps the area
        mx, my = _centroid(out[..., 1] > 60)
        assert math.hypot(mx - c, my - c) == pytest.approx(r0, abs=2.0)  # corner stays on its circle
        angle = math.degrees(math.atan2(-(my - c), mx - c)) - 45.0  # the corner starts at 45 degrees
        angles.append(angle)
    assert max(abs(a) for a in angles) <= 40 + 2  # never more than rotation_range degrees
    assert max(abs(a) for a in angles) > 25  # and the range is really used (degrees, not turns)
    assert min(angles) < 0 < max(angles)  # both directions


def test_a_shift_of_0_2_never_moves_content_more_than_20_percent():
    image = np.zeros((50, 80, 1), np.uint8)
    image[23:27, 38:42] = 255
    x0, y0 = _centroid(image[..., 0] > 127)
    config = AugmentConfig(width_shift_range=0.2, height_shift_range=0.2, fill_mode="constant")
    dxs, dys = [], []
    for out in preview(image, config, count=N, seed=5):
        x, y = _centroid(out[..., 0] > 60)
        dxs.append(x - x0)
        dys.append(y - y0)
    assert max(abs(d) for d in dxs) <= 0.2 * 80 + 1
    assert max(abs(d) for d in dys) <= 0.2 * 50 + 1
    assert max(abs(d) for d in dxs) > 0.1 * 80  # it does move


def test_shear_slants_sideways_only_by_at_most_the_factor_times_the_height():
    image = np.zeros((100, 100, 1), np.uint8)
    image[:, 48:52] = 255  # a vertical bar
    slopes = []
    for out in preview(image, AugmentConfig(shear_range=0.3, fill_mode="constant"), count=8, seed=1):
        top_x, _ = _centroid(out[:10, :, 0] > 60)
        bottom_x, _ = _centroid(out[-10:, :, 0] > 60)
        slopes.append(abs(bottom_x - top_x) / 90)  # sideways pixels per pixel of height = the shear factor
        assert (out[..., 0] > 60).sum(axis=1).min() > 0  # still one bar crossing every row: no vertical shear
    assert max(slopes) <= 0.3 + 0.02
    assert max(slopes) > 0.1


def test_a_flip_mirrors_exactly():
    rng = np.random.default_rng(1)
    image = rng.integers(0, 256, (9, 13, 3), dtype=np.uint8)
    outs = preview(image, AugmentConfig(horizontal_flip=True), count=16, seed=2)
    kinds = set()
    for out in outs:
        if np.array_equal(out, image):
            kinds.add("same")
        elif np.array_equal(out, image[:, ::-1]):
            kinds.add("mirrored")
        else:
            pytest.fail("a horizontal flip produced something other than the image or its exact mirror")
    assert kinds == {"same", "mirrored"}
    for out in preview(image, AugmentConfig(vertical_flip=True), count=8, seed=2):
        assert np.array_equal(out, image) or np.array_equal(out, image[::-1])


def _halves(width: int = 40) -> np.ndarray:
    image = np.zeros((20, width, 1), np.uint8)
    image[:, width // 2:] = 250  # dark left half, bright right half
    return image


@pytest.mark.parametrize("mode", ["nearest", "reflect"])
def test_nearest_and_reflect_fill_the_exposed_border_from_the_neighbouring_edge(mode):
    for out in preview(_halves(), AugmentConfig(width_shift_range=0.3, fill_mode=mode), count=N, seed=7):
        assert out[:, 0].max() < 20  # the left edge stays dark
        assert out[:, -1].min() > 230  # the right edge stays bright


def test_wrap_fills_the_exposed_border_from_the_opposite_edge():
    outs = preview(_halves(), AugmentConfig(width_shift_range=0.3, fill_mode="wrap"), count=N, seed=7)
    assert any(out[:, 0].min() > 200 or out[:, -1].max() < 50 for out in outs)


def test_constant_fill_uses_cval():
    image = np.full((30, 30, 3), 255, np.uint8)
    outs = preview(image, AugmentConfig(rotation_range=45, fill_mode="constant", cval=77), count=8, seed=1)
    rotated = [o for o in outs if (o == 77).any()]
    assert rotated, "a 45 degree rotation of a square must expose corners filled with cval"
    for out in rotated:
        corners = [out[0, 0], out[0, -1], out[-1, 0], out[-1, -1]]
        assert any(np.all(c == 77) for c in corners)
        assert np.all(out[15, 15] == 255)


def test_brightness_works_on_raw_pixels_0_255():
    image = np.full((8, 8, 1), 128, np.uint8)
    outs = preview(image, AugmentConfig(brightness_range=0.2), count=N, seed=4)
    shifts = [int(o[0, 0, 0]) - 128 for o in outs]
    assert all(np.all(o == o[0, 0, 0]) for o in outs)  # a uniform shift per image
    assert max(abs(s) for s in shifts) <= 52 and max(abs(s) for s in shifts) > 20


def test_same_seed_same_variants_new_seed_new_variants():
    rng = np.random.default_rng(3)
    image = rng.integers(0, 256, (32, 32, 3), dtype=np.uint8)
    config = preset("tutorial (cats vs dogs)")
    a = preview(image, config, 4, seed=11)
    b = preview(image, config, 4, seed=11)
    c = preview(image, config, 4, seed=12)
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert not all(np.array_equal(x, y) for x, y in zip(a, c))
    # a freshly built augmenter with that seed gives the same images as the re-seeded cached one
    fresh = augment_batch(build_augmenter(config, image.shape, seed=11), np.repeat(image[None], 4, 0))
    assert all(np.array_equal(x, y) for x, y in zip(a, fresh))


def test_colour_only_transforms_on_grayscale_are_refused_with_the_reason():
    with pytest.raises(UserError, match="saturation_range.*grayscale"):
        build_augmenter(AugmentConfig(saturation_range=0.5), (28, 28, 1))
    assert [name for name, _ in single_transforms(AugmentConfig(saturation_range=0.5, rotation_range=5), (28, 28, 1))] \
        == ["rotation ±5°"]


def test_the_augmenter_runs_inside_a_tf_data_pipeline():
    import tensorflow as tf

    x = np.random.default_rng(0).integers(0, 256, (10, 28, 28, 1)).astype(np.uint8)
    y = np.arange(10) % 2
    augmenter = build_augmenter(preset("digits (no flips)"), (28, 28, 1))
    ds = tf.data.Dataset.from_tensor_slices((x, y)).batch(4).map(
        lambda a, b: (augmenter(tf.cast(a, tf.float32), training=True), b))
    batches = list(ds.as_numpy_iterator())
    assert [b[0].shape for b in batches] == [(4, 28, 28, 1), (4, 28, 28, 1), (2, 28, 28, 1)]
    assert batches[0][0].dtype == np.float32 and 0 <= batches[0][0].min() and batches[0][0].max() <= 255.5


def test_exported_code_builds_the_same_layers():
    import keras

    config = preset("tutorial (cats vs dogs)").copy(brightness_range=0.1, contrast_range=0.2, saturation_range=0.2)
    namespace = {"keras": keras}
    exec(config.to_keras_code(), namespace)
    exported = namespace["augment"]
    built = build_augmenter(config, (32, 32, 3))
    assert [type(layer).__name__ for layer in exported.layers] == [type(layer).__name__ for layer in built.layers]
    for a, b in zip(exported.layers, built.layers):
        ca, cb = a.get_config(), b.get_config()
        for key in ("factor", "height_factor", "width_factor", "x_factor", "fill_mode", "fill_value", "mode",
                    "value_range"):
            assert ca.get(key) == cb.get(key), (type(a).__name__, key)


def _left_right_model():
    """A fixed (untrained) classifier: class 0 if the left half is brighter, class 1 otherwise."""
    import keras

    w = np.zeros((8 * 8, 2), np.float32)
    left = (np.arange(64) % 8) < 4
    w[left, 0], w[~left, 0] = 1.0, -1.0
    w[:, 1] = -w[:, 0]
    model = keras.Sequential([keras.Input((8, 8, 1)), keras.layers.Rescaling(1 / 255), keras.layers.Flatten(),
                              keras.layers.Dense(2, activation="softmax")])
    model.layers[-1].set_weights([w, np.zeros(2, np.float32)])
    return model


def _left_right_data(n: int = 40):
    x = np.zeros((n, 8, 8, 1), np.uint8)
    y = np.arange(n) % 2
    x[y == 0, :, :4] = 200
    x[y == 1, :, 4:] = 200
    return x, y


def test_robustness_probe_shows_what_each_transform_costs():
    model = _left_right_model()
    x, y = _left_right_data()
    events = []
    result = robustness_probe(model, x, y, AugmentConfig(horizontal_flip=True, brightness_range=0.05),
                              progress=events.append, seed=1)
    assert list(result) == ["original", "horizontal flip", "brightness ±5%"]
    assert result["original"] == 1.0
    assert 0.2 < result["horizontal flip"] < 0.8  # about half the images mirrored -> wrong
    assert result["brightness ±5%"] == 1.0
    assert [e.step for e in events] == [1, 2, 3] and events[-1].total == 3


def test_robustness_probe_refuses_mismatched_images_and_stops_on_cancel():
    model = _left_right_model()
    x, y = _left_right_data()
    with pytest.raises(UserError, match="expects images of shape"):
        robustness_probe(model, np.zeros((4, 28, 28, 1), np.uint8), y[:4], AugmentConfig(rotation_range=5))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        robustness_probe(model, x, y, AugmentConfig(rotation_range=5), cancel=cancel)


def test_the_suggested_preset_fits_the_kind_of_data():
    from cnnexplorer.ml.augment import suggested_preset

    assert suggested_preset("images", (28, 28, 1)) == "digits (no flips)"  # a flipped 2 is no 2
    assert suggested_preset("images", (32, 32, 3)) == "tutorial (cats vs dogs)"  # photos: the tutorial's flips
    assert suggested_preset("sequences", (100, 1)) == "none"  # nothing to rotate in a sequence
