"""Shape/parameter inference and validation messages, in plain Python (no Keras here)."""
from __future__ import annotations

import sys

import pytest

from cnnexplorer.core.shapes import fmt_shape, infer_shapes, validate
from cnnexplorer.core.spec import TEMPLATES, LayerSpec, ModelSpec, template


def test_tutorial_mnist_cnn_has_93322_parameters_and_the_tutorial_shapes():
    report = infer_shapes(template("mnist-cnn"))
    assert report.total_params == 93_322
    assert [fmt_shape(r.output_shape) for r in report.layers] == [
        "28×28×1", "26×26×32", "13×13×32", "11×11×64", "5×5×64", "3×3×64", "576", "64", "10"]
    assert [r.total for r in report.layers][-1] == 93_322
    assert report.layers[1].formula == "out = floor((28 - 3) / 1) + 1 = 26; params = 3·3·1·32 + 32 = 320"


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_every_template_is_valid(name):
    assert validate(template(name)) == []


def test_dense_baseline_has_far_more_weights_than_the_cnn():
    assert infer_shapes(template("dense-baseline")).total_params > 4 * infer_shapes(template("mnist-cnn")).total_params


def test_formulas_for_same_padding_separable_batchnorm_and_embedding():
    spec = ModelSpec((10, 7, 3), [
        LayerSpec("SeparableConv2D", {"filters": 8, "kernel_size": 3, "strides": 2, "padding": "same"}),
        LayerSpec("BatchNormalization"),
    ])
    sep, bn = infer_shapes(spec).layers
    assert sep.output_shape == (5, 4, 8)
    assert "height = ceil(10 / 2) = 5" in sep.formula and "width = ceil(7 / 2) = 4" in sep.formula
    assert sep.params == 3 * 3 * 3 + 3 * 8 + 8
    assert (bn.params, bn.non_trainable) == (32, 16)
    emb = infer_shapes(ModelSpec((20,), [LayerSpec("Embedding", {"input_dim": 50, "output_dim": 4})])).layers[0]
    assert emb.output_shape == (20, 4) and emb.params == 200


def _messages(spec, num_classes=None):
    return [p.message for p in validate(spec, num_classes)]


def test_kernel_larger_than_input_names_layer_and_fix():
    spec = template("mnist-cnn")
    spec.layers[5].params["kernel_size"] = 5  # 5x5 kernel on a 5x5... then make the input smaller
    spec.layers[4].params["pool_size"] = 3  # 11 -> 3
    msgs = _messages(spec)
    assert msgs[0] == ("Layer 6 Conv2D: kernel 5×5 is larger than its input 3×3 — use padding='same', a "
                       "kernel_size of at most 3×3, or remove a pooling or strided layer before it (layer 3, 5).")
    # the layers after a broken one have no shape, and are not blamed for it
    report = infer_shapes(spec)
    assert report.layers[6].output_shape is None and not report.layers[6].problems


def test_conv2d_after_flatten_points_at_the_flatten():
    spec = template("mnist-cnn")
    spec.layers.insert(7, LayerSpec("Conv2D", {"filters": 8}))
    msgs = _messages(spec)
    assert len(msgs) == 1
    assert msgs[0].startswith("Layer 8 Conv2D: needs an image")
    assert "flat vector of 576 values" in msgs[0] and "Flatten (layer 7)" in msgs[0]


def test_conv1d_on_an_image_suggests_conv2d():
    spec = ModelSpec((28, 28, 1), [LayerSpec("Conv1D"), LayerSpec("Flatten"),
                                   LayerSpec("Dense", {"units": 10, "activation": "softmax"})])
    (msg,) = _messages(spec)
    assert msg.startswith("Layer 1 Conv1D: needs a sequence") and "use Conv2D" in msg


def test_embedding_not_first_is_refused_though_keras_would_build_it():
    spec = template("conv1d-text")
    spec.layers.insert(0, LayerSpec("Dropout", {"rate": 0.1}))
    problems = validate(spec)
    assert problems[0].layer_index == 2 and not problems[0].keras_rejects
    assert "must be the first layer — move it to position 1" in problems[0].message


def test_output_units_must_match_the_dataset_classes():
    spec = template("mnist-cnn")
    assert validate(spec, num_classes=10) == []
    (msg,) = _messages(spec, num_classes=3)
    assert msg == "Layer 9 Dense: the output has 10 units but the dataset has 3 classes — set units=3."
    assert validate(template("small-vgg"), num_classes=2) == []  # one sigmoid unit for two classes


def test_softmax_with_binary_crossentropy_on_one_unit():
    spec = template("conv1d-text")
    spec.layers[-1].params["activation"] = "softmax"
    (msg,) = _messages(spec)
    assert msg.startswith("Layer 6 Dense: softmax on a single unit always outputs 1.0") and "sigmoid" in msg


@pytest.mark.parametrize("layer, words", [
    (LayerSpec("Dense", {"units": 0}), "units=0 must be a whole number of at least 1"),
    (LayerSpec("Conv2D", {"filters": -4}), "filters=-4"),
    (LayerSpec("Conv2D", {"kernel_size": 0}), "kernel_size=0 is not allowed"),
    (LayerSpec("MaxPooling2D", {"strides": [2, 0]}), "strides=[2, 0] is not allowed"),
    (LayerSpec("Dropout", {"rate": 1.0}), "dropout rate 1.0 must be at least 0 and below 1"),
    (LayerSpec("Conv2D", {"padding": "full"}), "padding 'full' is unknown"),
    (LayerSpec("Dense", {"activation": "relux"}), "activation 'relux' is unknown"),
    (LayerSpec("Dense", {"neurons": 3}), "unknown setting 'neurons'"),
])
def test_zero_negative_and_unknown_settings(layer, words):
    spec = ModelSpec((8, 8, 1), [layer])
    msgs = _messages(spec)
    assert any(m.startswith(f"Layer 1 {layer.type}: ") and words in m for m in msgs), msgs


def test_empty_design_and_bad_input_shape():
    assert "no layers" in _messages(ModelSpec((28, 28, 1), []))[0]
    msgs = _messages(ModelSpec((0, 28, 1), template("mnist-cnn").layers))
    assert msgs[0].startswith("The input shape (0, 28, 1) is not valid")


def test_sequence_model_without_embedding_is_explained():
    spec = ModelSpec((500,), [LayerSpec("Conv1D")])
    assert "put an Embedding first" in _messages(spec)[0]


def test_core_shapes_does_not_import_tensorflow():
    import subprocess

    code = ("import sys, cnnexplorer.core.shapes as s, cnnexplorer.ml.codegen as c, cnnexplorer.core.spec as p;"
            "c.export_code(p.template('mnist-cnn')); s.validate(p.template('mnist-cnn'));"
            "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_plain_language_explanation_of_a_convolution():
    from cnnexplorer.core.shapes import explain

    spec = template("mnist-cnn")
    text = explain(spec, infer_shapes(spec), 2)
    assert "fits in 26×26 positions of the 28×28 input" in text and "32 filters" in text
    spec.layers[1].params.update(padding="same", strides=2)
    assert "rounded up" in explain(spec, infer_shapes(spec), 2)


def test_compile_settings_from_a_file_are_checked():
    spec = template("mnist-cnn")
    spec.compile.optimizer, spec.compile.learning_rate, spec.compile.loss = "adagrad", 0.0, "hinge"
    msgs = _messages(spec)
    assert any("optimizer 'adagrad'" in m for m in msgs)
    assert any("learning rate 0.0 must be a positive number" in m for m in msgs)
    assert any("loss 'hinge'" in m for m in msgs)
    data = template("mnist-cnn").to_dict()
    data["compile"]["metrics"] = "accuracy"
    assert ModelSpec.from_dict(data).compile.metrics == ["accuracy"]
