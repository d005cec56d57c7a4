"""The Builder's pure-Python shapes agree with real Keras; build, export, reopen and bad files."""
from __future__ import annotations

import os
import runpy
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnexplorer.core.errors import ModelFileError, SpecError
from cnnexplorer.core.shapes import infer_shapes
from cnnexplorer.core.spec import TEMPLATES, LayerSpec, ModelSpec, template
from cnnexplorer.ml.build import build_model, export_code, spec_from_model
from cnnexplorer.ml.model_files import load_model_file, save_model_file

keras = pytest.importorskip("keras")


def _keras_rows(model):
    return [(tuple(layer.output.shape[1:]), layer.count_params()) for layer in model.layers]


def _assert_matches_keras(spec: ModelSpec):
    report = infer_shapes(spec)
    try:
        model = build_model(spec, compile=False, check=False)
    except SpecError as exc:
        assert not report.keras_buildable, f"Keras refused a design the spec accepts: {exc}\n{spec.to_json()}"
        assert all(p.message.startswith(("Layer ", "The input")) for p in report.problems)
        return
    assert report.keras_buildable, f"spec refused what Keras builds: {report.problems}\n{spec.to_json()}"
    assert [(r.output_shape, r.params) for r in report.layers] == _keras_rows(model), spec.to_json()
    assert report.total_params == model.count_params()
    non_trainable = sum(int(w.numpy().size) for w in model.non_trainable_weights)
    assert report.non_trainable_params == non_trainable


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_templates_match_keras_layer_by_layer(name):
    _assert_matches_keras(template(name))


def test_mnist_cnn_builds_with_93322_params_and_compiles():
    model = build_model(template("mnist-cnn"))
    assert model.count_params() == 93_322
    assert model.optimizer.__class__.__name__ == "RMSprop"


def test_invalid_design_raises_spec_error_with_the_builders_message():
    spec = template("mnist-cnn")
    spec.layers.insert(7, LayerSpec("Conv2D"))
    with pytest.raises(SpecError, match="Layer 8 Conv2D: needs an image"):
        build_model(spec)


# -- property-based: random stacks ------------------------------------------------------

SIZES = st.integers(1, 4)
ACT = st.sampled_from(["relu", "linear", "sigmoid", "softmax"])
PAD = st.sampled_from(["valid", "same"])


def _conv(type_):
    return st.builds(lambda f, k, s, p, a: LayerSpec(type_, {"filters": f, "kernel_size": k, "strides": s,
                                                              "padding": p, "activation": a}),
                     st.integers(0, 5), st.integers(0, 4), st.integers(1, 3), PAD, ACT)


def _pool(type_):
    return st.builds(lambda k, s, p: LayerSpec(type_, {"pool_size": k, "strides": s, "padding": p}),
                     SIZES, st.none() | st.integers(1, 3), PAD)


ANY_LAYER = st.one_of(
    _conv("Conv2D"), _conv("SeparableConv2D"), _conv("Conv1D"),
    _pool("MaxPooling2D"), _pool("AveragePooling2D"), _pool("MaxPooling1D"),
    st.sampled_from([LayerSpec("GlobalAveragePooling2D"), LayerSpec("GlobalMaxPooling2D"), LayerSpec("Flatten"),
                     LayerSpec("GlobalMaxPooling1D"), LayerSpec("BatchNormalization"),
                     LayerSpec("Rescaling", {"scale": 0.5}), LayerSpec("Dropout", {"rate": 0.25})]),
    st.builds(lambda u, a: LayerSpec("Dense", {"units": u, "activation": a}), st.integers(0, 6), ACT),
    st.builds(lambda v, d: LayerSpec("Embedding", {"input_dim": v, "output_dim": d}),
              st.integers(1, 20), st.integers(1, 4)),
)
INPUTS = st.one_of(
    st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 3)),  # images
    st.tuples(st.integers(1, 12)),  # token sequences
    st.tuples(st.integers(1, 12), st.integers(1, 3)),  # sequences of vectors
)


@settings(max_examples=int(os.environ.get("BUILDER_HYPOTHESIS_EXAMPLES", 35)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(INPUTS, st.lists(ANY_LAYER, min_size=1, max_size=5))
def test_random_stacks_agree_with_keras(input_shape, layers):
    _assert_matches_keras(ModelSpec(input_shape, [LayerSpec(layer.type, dict(layer.params)) for layer in layers]))


# -- code export ---------------------------------------------------------------------

def _config(layer):
    config = layer.get_config()
    config.pop("name", None)
    return layer.__class__.__name__, config


@pytest.mark.parametrize("name", ["mnist-cnn", "conv1d-text", "separable-cnn"])
def test_exported_script_runs_and_builds_the_same_model(name, tmp_path):
    spec = template(name)
    if name == "separable-cnn":  # exercise non-default strides/padding/pool strides in the script too
        spec.layers[1].params.update(strides=2, padding="same")
        spec.layers[3].params.update(strides=1)
    path = tmp_path / "exported.py"
    path.write_text(export_code(spec), encoding="utf-8")
    exported = runpy.run_path(str(path))["model"]  # not __main__: no summary printed
    ours = build_model(spec)
    assert exported.count_params() == ours.count_params()
    assert [_config(a) for a in exported.layers] == [_config(b) for b in ours.layers]
    assert exported.optimizer.get_config()["learning_rate"] == pytest.approx(spec.compile.learning_rate)
    assert exported.loss == spec.compile.loss


def test_export_includes_augmentation_when_given():
    class FakeAugment:
        def to_keras_code(self):
            return "augment = keras.Sequential([keras.layers.RandomFlip('horizontal')])\n"

    code = export_code(template("mnist-cnn"), augment=FakeAugment())
    assert "RandomFlip" in code
    compile(code, "exported.py", "exec")


# -- model files back into designs ----------------------------------------------------

def test_saved_model_reopens_as_the_same_editable_design(tmp_path):
    spec = template("mnist-cnn")
    spec.compile.optimizer, spec.compile.learning_rate = "adam", 0.0005
    path = tmp_path / "digits.keras"
    save_model_file(build_model(spec), str(path))
    model, _ = load_model_file(str(path))
    again = spec_from_model(model, "digits")
    assert [layer.type for layer in again.layers] == [layer.type for layer in spec.layers]
    assert infer_shapes(again).total_params == 93_322
    assert again.input_shape == (28, 28, 1)
    assert (again.compile.optimizer, again.compile.loss) == ("adam", "sparse_categorical_crossentropy")
    assert again.compile.learning_rate == pytest.approx(0.0005)
    assert [layer.to_dict() for layer in again.layers][1] == {"type": "Conv2D", "filters": 32, "kernel_size": 3,
                                                       "strides": 1, "padding": "valid", "activation": "relu"}


def test_model_with_an_unknown_layer_is_read_only_with_a_reason():
    k = keras
    model = k.Sequential([k.Input((8, 8, 3)), k.layers.Conv2D(4, 3), k.layers.LayerNormalization(),
                          k.layers.Flatten(), k.layers.Dense(2)])
    with pytest.raises(SpecError, match="Layer 2 LayerNormalization .* read-only"):
        spec_from_model(model, "odd")
    nobias = k.Sequential([k.Input((4,)), k.layers.Dense(3, use_bias=False)])
    with pytest.raises(SpecError, match="use_bias=False"):
        spec_from_model(nobias)


def test_functional_chain_is_editable_but_branches_are_not():
    k = keras
    inp = k.Input((6, 6, 1))
    x = k.layers.Conv2D(2, 3, activation="relu")(inp)
    out = k.layers.Dense(3, activation="softmax")(k.layers.Flatten()(x))
    assert [layer.type for layer in spec_from_model(k.Model(inp, out)).layers] == ["Conv2D", "Flatten", "Dense"]
    a = k.layers.Dense(3)(k.layers.Flatten()(inp))
    b = k.layers.Dense(3)(k.layers.Flatten()(inp))
    with pytest.raises(SpecError, match="read-only"):
        spec_from_model(k.Model(inp, k.layers.Add()([a, b])))


def test_lambda_layer_file_is_refused_by_safe_mode(tmp_path):
    k = keras
    model = k.Sequential([k.Input((4,)), k.layers.Lambda(lambda x: x * 2), k.layers.Dense(1)])
    path = tmp_path / "lambda.keras"
    model.save(str(path))
    with pytest.raises(ModelFileError, match="Lambda layer.*safe mode"):
        load_model_file(str(path))


def test_truncated_and_non_model_files_give_clear_errors(tmp_path):
    good = tmp_path / "good.keras"
    save_model_file(build_model(template("dense-baseline")), str(good))
    data = good.read_bytes()
    truncated = tmp_path / "truncated.keras"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelFileError, match="truncated.keras is not a readable Keras model"):
        load_model_file(str(truncated))
    text = tmp_path / "notes.h5"
    text.write_text("just some notes", encoding="utf-8")
    with pytest.raises(ModelFileError, match="notes.h5"):
        load_model_file(str(text))
    zipped = tmp_path / "other.keras"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("hello.txt", "not a model")
    with pytest.raises(ModelFileError, match="other.keras"):
        load_model_file(str(zipped))
