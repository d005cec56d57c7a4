"""Confusion matrix math and the model/dataset compatibility check (no TensorFlow)."""
from types import SimpleNamespace

import numpy as np
import pytest

from cnnexplorer.core.compatibility import adapt_images, check_compatibility, fix_output_classes
from cnnexplorer.core.confusion import cell_indices, confusion_matrix, most_confused, per_class_accuracy
from cnnexplorer.core.spec import template

MNIST = SimpleNamespace(name="mnist-sample", kind="images", input_shape=(28, 28, 1), num_classes=10)
CIFAR = SimpleNamespace(name="cifar10", kind="images", input_shape=(32, 32, 3), num_classes=10)
SEQ = SimpleNamespace(name="sequences-sample", kind="sequences", input_shape=(500,), num_classes=2)


def test_confusion_matrix_counts_true_by_predicted():
    m = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 3)
    assert m.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    acc = per_class_accuracy(m)
    assert acc[0] == 0.5 and acc[1] == 1.0 and abs(acc[2] - 2 / 3) < 1e-12
    assert np.isnan(per_class_accuracy(np.zeros((2, 2)))).all()
    assert cell_indices([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2], 2, 0).tolist() == [4]
    assert most_confused(m) == [(0, 1, 1), (2, 0, 1)]


def test_matching_model_has_no_problems():
    assert check_compatibility((28, 28, 1), 10, "sparse_categorical_crossentropy", MNIST) == []
    assert check_compatibility((500,), 1, "binary_crossentropy", SEQ) == []


def test_class_count_mismatch_offers_the_last_dense_fix():
    problems = check_compatibility((500,), 10, "sparse_categorical_crossentropy", SEQ)
    assert [p.kind for p in problems] == ["classes"]
    assert "outputs 10 classes" in problems[0].message and "2 units" in problems[0].message
    assert problems[0].fixable


def test_colour_and_size_mismatch_are_fixable_by_converting_images():
    problems = check_compatibility((28, 28, 1), 10, "sparse_categorical_crossentropy", CIFAR)
    kinds = {p.kind: p for p in problems}
    assert set(kinds) == {"size", "channels"}
    assert "28×28" in kinds["size"].message and "grayscale" in kinds["channels"].message
    assert all(p.fixable for p in problems)


def test_images_into_a_sequence_model_is_not_fixable():
    problems = check_compatibility((500,), 1, "binary_crossentropy", MNIST)
    assert any(p.kind == "kind" and not p.fixable for p in problems)


def test_adapt_images_resizes_and_converts():
    x = np.random.default_rng(0).integers(0, 255, (5, 32, 32, 3), dtype=np.uint8)
    out = adapt_images(x, 28, 28, 1)
    assert out.shape == (5, 28, 28, 1) and out.dtype == np.uint8


@pytest.mark.parametrize("classes,loss,units,act", [(2, "sparse_categorical_crossentropy", 2, "softmax"),
                                                     (5, "sparse_categorical_crossentropy", 5, "softmax")])
def test_fix_output_classes(classes, loss, units, act):
    fixed = fix_output_classes(template("mnist-cnn"), classes)
    assert fixed.layers[-1].params["units"] == units and fixed.layers[-1].params["activation"] == act
    assert fixed.compile.loss == loss
    assert template("mnist-cnn").layers[-1].params["units"] == 10  # the original is untouched


def test_fix_binary_design_for_many_classes_switches_loss():
    fixed = fix_output_classes(template("conv1d-text"), 4)
    assert fixed.layers[-1].params["units"] == 4 and fixed.compile.loss == "sparse_categorical_crossentropy"
    still_binary = fix_output_classes(template("conv1d-text"), 2)
    assert still_binary.layers[-1].params["units"] == 1
