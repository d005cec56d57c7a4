"""Filter patterns: the objective rises, stripes come out with the right orientation, seeds, batching."""
from __future__ import annotations

import threading

import numpy as np
import pytest

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.progress import Cancelled
from cnnexplorer.ml.runtime import keras
from cnnexplorer.ml.viz.filters import filter_patterns, patterns_grid


@pytest.fixture(scope="module")
def stripes():
    k = keras()
    inp = k.Input((32, 32, 1))
    conv = k.layers.Conv2D(2, 5, activation="relu", name="stripes")
    model = k.Model(inp, k.layers.Dense(2, activation="softmax")(k.layers.GlobalAveragePooling2D()(conv(inp))))
    v = np.array([1, -1, 1, -1, 1], "float32")
    kernel = np.zeros((5, 5, 1, 2), "float32")
    kernel[:, :, 0, 0] = np.tile(v, (5, 1))  # vertical stripes
    kernel[:, :, 0, 1] = np.tile(v, (5, 1)).T  # horizontal stripes
    conv.set_weights([kernel, np.zeros(2, "float32")])
    return model


@pytest.fixture(scope="module")
def small():
    k = keras()
    k.utils.set_random_seed(0)
    return k.Sequential([k.Input((24, 24, 3)), k.layers.Rescaling(1 / 255),
                         k.layers.Conv2D(8, 3, activation="relu", name="c1"),
                         k.layers.Conv2D(6, 3, activation="relu", name="c2"),
                         k.layers.Flatten(), k.layers.Dense(3, activation="softmax", name="out")])


def _orientation(img):
    img = img[..., 0].astype(float)
    return np.abs(np.diff(img, axis=1)).mean() / (np.abs(np.diff(img, axis=0)).mean() + 1e-9)


def test_stripe_kernels_give_stripes_of_the_right_orientation(stripes):
    res = filter_patterns(stripes, "stripes", count=2, steps=40, scaling="0-1")
    vertical, horizontal = res.patterns
    assert _orientation(vertical.image) > 3 and _orientation(horizontal.image) < 1 / 3
    # each pattern excites its own filter more than the other one does
    conv = stripes.get_layer("stripes")
    x = np.stack([p.image.astype("float32") / 255 for p in res.patterns])
    act = np.asarray(conv(x)).mean(axis=(1, 2))
    assert act[0, 0] > act[0, 1] and act[1, 1] > act[1, 0]


def test_objective_rises_for_every_live_filter(small):
    res = filter_patterns(small, "c2", count=6, steps=10, size=24)
    assert len(res.patterns) == 6
    for p in res.patterns:
        assert p.dead or p.end > p.start


def test_same_seed_same_image_batched_equals_looped(small):
    a = filter_patterns(small, "c1", count=4, steps=5, seed=3, jitter=2, mode="batched")
    b = filter_patterns(small, "c1", count=4, steps=5, seed=3, jitter=2, mode="looped")
    c = filter_patterns(small, "c1", count=4, steps=5, seed=4, jitter=2, mode="batched")
    for pa, pb, pc in zip(a.patterns, b.patterns, c.patterns):
        assert np.abs(pa.image.astype(int) - pb.image.astype(int)).max() <= 1
        assert not np.array_equal(pa.image, pc.image)
    again = filter_patterns(small, "c1", count=4, steps=5, seed=3, jitter=2, mode="batched")
    assert all(np.array_equal(p.image, q.image) for p, q in zip(a.patterns, again.patterns))


def test_patterns_arrive_progressively_and_cancel_stops_within_a_step(small):
    events = []
    res = filter_patterns(small, "c1", count=3, steps=3, mode="looped", progress=events.append)
    items = [e for e in events if e.kind == "item"]
    assert [e.payload.filter for e in items] == [0, 1, 2] == [p.filter for p in res.patterns]
    cancel = threading.Event()
    seen = []

    def progress(event):
        seen.append(event)
        if event.kind == "step" and event.step >= 1:
            cancel.set()

    with pytest.raises(Cancelled):
        filter_patterns(small, "c1", count=3, steps=50, mode="looped", progress=progress, cancel=cancel)
    assert max(e.step for e in seen if e.kind == "step") == 1


def test_dense_layer_and_bad_filter_index_are_explained(small):
    with pytest.raises(UserError, match="not a convolution"):
        filter_patterns(small, "out")
    with pytest.raises(UserError, match="filters 0 to 5"):
        filter_patterns(small, "c2", first=9)


def test_grid_and_grayscale_model(stripes):
    res = filter_patterns(stripes, "stripes", count=2, steps=2, scaling="0-1")
    assert res.patterns[0].image.shape == (32, 32, 1)
    grid = patterns_grid(res.patterns, cols=2, min_tile=64)
    assert grid.dtype == np.uint8 and grid.shape[2] == 3 and grid.shape[1] >= 128


def test_mixed_precision_ascent_is_finite():
    k = keras()
    k.utils.set_random_seed(1)
    model = k.Sequential([k.Input((16, 16, 3)), k.layers.Conv2D(4, 3, activation="relu", name="c",
                                                                dtype="mixed_float16"),
                          k.layers.GlobalAveragePooling2D(), k.layers.Dense(2, activation="softmax")])
    res = filter_patterns(model, "c", count=2, steps=3)
    assert all(np.isfinite(p.end) for p in res.patterns)
