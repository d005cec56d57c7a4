"""Preparing images for a model, class names offline, top-5 and bad images."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.core.errors import ImageError, UserError
from cnnexplorer.ml.runtime import keras
from cnnexplorer.ml.viz import inputs


def _model(shape, rescale=True):
    k = keras()
    layers = [k.Input(shape)] + ([k.layers.Rescaling(1 / 255)] if rescale else [])
    layers += [k.layers.Conv2D(2, 3), k.layers.Flatten(), k.layers.Dense(10, activation="softmax")]
    return k.Sequential(layers)


def test_colour_image_for_grayscale_model_and_the_reverse():
    gray_model, colour_model = _model((28, 28, 1)), _model((32, 32, 3))
    colour = np.zeros((64, 48, 3), np.uint8)
    colour[..., 0] = 255
    prep = inputs.prepare(colour, gray_model)
    assert prep.x.shape == (1, 28, 28, 1) and prep.x.dtype == np.float32
    assert prep.x.max() == pytest.approx(76, abs=1)  # luma of pure red, raw 0-255
    assert any("grayscale" in n for n in prep.notes)
    gray = np.full((28, 28, 1), 200, np.uint8)
    prep = inputs.prepare(gray, colour_model, scaling=inputs.UNIT)
    assert prep.x.shape == (1, 32, 32, 3) and prep.x.max() == pytest.approx(200 / 255)
    assert any("3 channels" in n for n in prep.notes)


def test_tiny_and_huge_images():
    model = _model((28, 28, 1))
    with pytest.raises(ImageError, match="too small"):
        inputs.prepare(np.zeros((4, 4, 1), np.uint8), model)
    big = np.broadcast_to(np.zeros((1, 1, 3), np.uint8), (12000, 10000, 3))
    with pytest.raises(ImageError, match="too large"):
        inputs.prepare(big, model)
    prep = inputs.prepare(np.zeros((2000, 3000, 3), np.uint8), model)  # large but fine: shrunk
    assert prep.display.shape == (28, 28, 1)


def test_scaling_detection():
    assert inputs.detect_scaling(_model((8, 8, 1)), "file")[0] == inputs.RAW
    assert inputs.detect_scaling(_model((8, 8, 1), rescale=False), "file")[0] == inputs.UNIT
    assert inputs.detect_scaling(_model((8, 8, 1), rescale=False), "trained")[0] == inputs.RAW


def test_bare_keras_applications_model_gets_its_own_preprocessing():
    k = keras()
    inp = k.Input((32, 32, 3))
    model = k.Model(inp, k.layers.Dense(3)(k.layers.Flatten()(k.layers.Conv2D(2, 3)(inp))), name="vgg16")
    scaling, reason = inputs.detect_scaling(model, "file")
    assert scaling == inputs.CAFFE and "keras.applications" in reason
    image = np.zeros((32, 32, 3), np.uint8)
    image[..., 0] = 200  # red
    x = inputs.prepare(image, model, scaling).x
    np.testing.assert_allclose(x[0, 0, 0], [0 - 103.939, 0 - 116.779, 200 - 123.68], atol=1e-4)  # BGR
    assert inputs.to_model_input(np.array([0.0, 255.0]), inputs.TF_MODE).tolist() == [-1.0, 1.0]


def test_class_names_offline_and_top5():
    names = inputs.class_names(1000)
    assert len(names) == 1000 and names[281] == "tabby"
    assert inputs.class_names(10, "mnist-sample")[3] == "3"
    assert inputs.class_names(4)[2] == "class 2"
    probs = inputs.probabilities(np.array([[1.0, 3.0, 2.0]]), "softmax")
    top = inputs.top_k(probs[0], ("a", "b", "c"), k=2)
    assert [p.name for p in top] == ["b", "c"] and top[0].probability > top[1].probability
    binary = inputs.probabilities(np.array([[0.0]]), "sigmoid")
    np.testing.assert_allclose(binary, [[0.5, 0.5]])


def test_non_image_model_is_explained():
    k = keras()
    seq = k.Sequential([k.Input((500,)), k.layers.Embedding(100, 8), k.layers.Conv1D(4, 3),
                        k.layers.GlobalMaxPooling1D(), k.layers.Dense(1, activation="sigmoid")])
    with pytest.raises(UserError, match="not images"):
        inputs.prepare(np.zeros((28, 28, 1), np.uint8), seq)
