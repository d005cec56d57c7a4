"""Advice that fits: keep the design (another dataset) first, then the design change; raw-pixel warning."""
from __future__ import annotations

from types import SimpleNamespace

from cnnexplorer.core.compatibility import design_advice, fitting_dataset, scaling_note
from cnnexplorer.core.spec import LayerSpec, ModelSpec, template

MNIST_SAMPLE = SimpleNamespace(name="mnist-sample", kind="images", input_shape=(28, 28, 1), num_classes=10)
SEQUENCES = SimpleNamespace(name="sequences-sample", kind="sequences", input_shape=(500,), num_classes=2)
CIFAR = SimpleNamespace(name="cifar10", kind="images", input_shape=(32, 32, 3), num_classes=10)
SHAPES = SimpleNamespace(name="shapes", kind="images", input_shape=(28, 28, 1), num_classes=3)
CANDIDATES = [MNIST_SAMPLE, SEQUENCES, CIFAR]


def test_a_text_model_on_digits_is_told_to_choose_a_sequence_dataset_first():
    advice = design_advice(template("conv1d-text"), MNIST_SAMPLE, CANDIDATES)
    assert [m.kind for m in advice] == ["dataset", "kind"]
    assert "to keep the design, choose a sequence dataset such as sequences-sample" in advice[0].message
    assert "mnist-cnn template" in advice[1].message
    assert not any("units" in m.message for m in advice)  # following it would break the template


def test_an_image_model_on_sequences_is_told_to_choose_an_image_dataset():
    advice = design_advice(template("mnist-cnn"), SEQUENCES, CANDIDATES)
    assert "choose an image dataset such as mnist-sample" in advice[0].message
    assert "conv1d-text" in advice[1].message


def test_a_class_count_mismatch_offers_the_dataset_before_the_units():
    advice = design_advice(template("mnist-cnn"), SHAPES, CANDIDATES)
    assert len(advice) == 1 and advice[0].kind == "dataset" and "choose mnist-sample" in advice[0].message


def test_no_advice_when_the_design_fits_or_nothing_else_fits():
    assert design_advice(template("mnist-cnn"), MNIST_SAMPLE, CANDIDATES) == []
    assert fitting_dataset(template("mnist-cnn"), [SHAPES, CIFAR]) is None
    alone = design_advice(template("conv1d-text"), MNIST_SAMPLE, [MNIST_SAMPLE])
    assert [m.kind for m in alone] == ["kind"] and "choose a sequence dataset" in alone[0].message


def test_raw_pixels_are_warned_about_only_when_nothing_scales_them():
    raw = ModelSpec((28, 28, 1), [LayerSpec("Conv2D", {"filters": 4, "kernel_size": 3}), LayerSpec("Flatten"),
                                  LayerSpec("Dense", {"units": 10, "activation": "softmax"})])
    note = scaling_note(raw)
    assert note and note.startswith("Layer 1 Conv2D gets raw pixel values 0-255") and "Rescaling" in note
    assert scaling_note(template("mnist-cnn")) is None  # Rescaling(1/255) comes first
    assert scaling_note(template("conv1d-text")) is None  # word ids are not pixels
    late = ModelSpec((28, 28, 1), [LayerSpec("MaxPooling2D", {"pool_size": 2}),
                                   LayerSpec("Rescaling", {"scale": 1 / 255}), LayerSpec("Flatten"),
                                   LayerSpec("Dense", {"units": 10})])
    assert scaling_note(late) is None
