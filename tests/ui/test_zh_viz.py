"""Messages that ml/viz builds (Grad-CAM, filter patterns, image checks, the scaling note) follow the Chinese interface.

Tiny Keras models; the checks fail before any gradient is computed.
"""
from __future__ import annotations

import re

import numpy as np
import pytest

from cnnexplorer.core.errors import ImageError, UserError
from cnnexplorer.ui.app import install_translators

HAN = re.compile(r"[\u4e00-\u9fff]")


def _chinese(text: str) -> bool:
    return len(HAN.findall(text)) >= 4


def _dense_only():
    from cnnexplorer.ml.runtime import keras

    k = keras()
    return k.Sequential([k.Input((8, 8, 1)), k.layers.Flatten(), k.layers.Dense(3, activation="softmax", name="out")])


def _cnn():
    from cnnexplorer.ml.runtime import keras

    k = keras()
    return k.Sequential([k.Input((8, 8, 1)), k.layers.Conv2D(2, 3, name="conv"), k.layers.Flatten(),
                         k.layers.Dense(3, activation="softmax", name="out")])


def test_gradcam_without_convolution_explains_in_chinese(zh):
    from cnnexplorer.ml.viz.gradcam import NoConvLayerError, gradcam

    with pytest.raises(NoConvLayerError) as err:
        gradcam(_dense_only(), np.zeros((1, 8, 8, 1), np.float32))
    assert _chinese(str(err.value)) and "Grad-CAM" in str(err.value)


def test_class_out_of_range_and_dense_layer_for_filters_in_chinese(zh):
    from cnnexplorer.ml.viz.filters import filter_patterns
    from cnnexplorer.ml.viz.gradcam import gradcam

    model = _cnn()
    with pytest.raises(UserError) as err:
        gradcam(model, np.zeros((1, 8, 8, 1), np.float32), class_index=7)
    assert _chinese(str(err.value)) and "7" in str(err.value)
    with pytest.raises(UserError) as err:
        filter_patterns(model, "out", count=1, steps=1)
    assert _chinese(str(err.value)) and "Conv2D" in str(err.value)


def test_image_checks_and_scaling_note_in_chinese(zh):
    from cnnexplorer.ml.viz.inputs import check_image, detect_scaling, prepare

    with pytest.raises(ImageError) as err:
        check_image(np.zeros((4, 4, 3), np.uint8))
    assert _chinese(str(err.value)) and "4×4" in str(err.value)
    _, reason = detect_scaling(_cnn(), "trained")
    assert _chinese(reason) and "0-255" in reason
    notes = prepare(np.zeros((16, 12, 3), np.uint8), _cnn()).notes
    assert notes and all(_chinese(n) for n in notes)


def test_english_again_after_switching_back(qapp):
    from cnnexplorer.ml.viz.inputs import check_image

    install_translators(qapp, "en")
    with pytest.raises(ImageError) as err:
        check_image(np.zeros((4, 4, 3), np.uint8))
    assert "too small" in str(err.value)
