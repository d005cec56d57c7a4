"""Issue 16 items 3-5 and issue 17 item 4, by their reproductions: designs Keras refuses, too large, or hostile."""
import copy
import json

import pytest

from cnnexplorer.cli import main
from cnnexplorer.core.errors import SpecError
from cnnexplorer.core.shapes import MAX_PARAMS, budget_problems, check, infer_shapes, validate
from cnnexplorer.core.spec import LayerSpec, ModelSpec, template

MNIST = template("mnist-cnn").to_dict()


def design(path, change=None, base=MNIST):
    data = copy.deepcopy(base)
    if change:
        change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0]


@pytest.mark.parametrize("value", ["adam", [], 3, None])
def test_compile_that_is_not_an_object_is_one_clean_message(tmp_path, capsys, value):
    path = design(tmp_path / "d.json", lambda d: d.update(compile=value))
    assert main(["summary", "--spec", path]) == 1
    assert "The design's 'compile' must be an object" in one_error_line(capsys)


@pytest.mark.parametrize("text,words", [
    ('"learning_rate": 1e400', "the number 1e400, too large"),
    ('"scale": 1e400', "the number 1e400, too large"),
    ('"filters": ' + "9" * 5000, "an integer of 5,000 digits"),
    ('"name": ' + "[" * 100_000 + "]" * 100_000, "nested more than 64 levels"),
])
@pytest.mark.parametrize("command", ["summary", "train"])
def test_hostile_numbers_and_nesting_are_refused_in_summary_and_train(tmp_path, capsys, text, words, command):
    raw = json.dumps(MNIST)
    key = text.split(":")[0]
    start = raw.index(key)
    end = raw.index(",", start) if raw.find(",", start) < raw.find("}", start) else raw.index("}", start)
    path = tmp_path / "d.json"
    path.write_text(raw[:start] + text + raw[end:], encoding="utf-8")
    args = ["--out", str(tmp_path / "m.keras")] if command == "train" else []
    assert main([command, "--spec", str(path), *args]) == 1
    line = one_error_line(capsys)
    assert words in line and "d.json" in line


@pytest.mark.parametrize("text,words", [
    ('{"rotation_range": 1e400}', "1e400"),
    ('{"rotation_range": ' + "9" * 5000 + "}", "5,000 digits"),
    ('{"rotation_range": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than 64"),
    ('{"rotation_range": "' + "x" * 1_000_000 + '"}', "characters"),
])
def test_hostile_augmentation_settings_are_refused(tmp_path, capsys, text, words):
    import numpy as np

    from cnnexplorer.core.images import save_png

    config = tmp_path / "aug.json"
    config.write_text(text, encoding="utf-8")
    save_png(tmp_path / "i.png", np.zeros((8, 8, 3), np.uint8))
    rc = main(["augment", "--config", str(config), "--image", str(tmp_path / "i.png"),
               "--out", str(tmp_path / "o.png")])
    assert rc == 1
    line = one_error_line(capsys)
    assert words in line and len(line) < 500


def test_a_10_mb_string_is_not_echoed_whole(tmp_path, capsys):
    path = design(tmp_path / "d.json", lambda d: d["layers"][1].update(activation="x" * 1_900_000))
    assert main(["summary", "--spec", path]) == 1
    err = capsys.readouterr().err
    assert "1,900,000 characters" in err and len(err) < 1000
    big = design(tmp_path / "big.json", lambda d: d["layers"][1].update(activation="x" * 10_000_000))
    assert main(["summary", "--spec", big]) == 1
    assert "10.0 MB, more than the 2.0 MB" in one_error_line(capsys)


@pytest.mark.parametrize("layer,key", [(1, "kernel_size"), (2, "pool_size"), (1, "strides")])
def test_a_one_element_size_on_a_2d_layer_is_refused_as_keras_does(tmp_path, capsys, layer, key):
    path = design(tmp_path / "d.json", lambda d: d["layers"][layer].update({key: [2]}))
    assert main(["summary", "--spec", path]) == 1
    assert f"Layer {layer + 1} " in capsys.readouterr().err
    spec = template("mnist-cnn")
    spec.layers[layer].params[key] = [2]
    report = infer_shapes(spec)
    assert not report.keras_buildable and report.layers[layer].output_shape is None


@pytest.mark.parametrize("shape", [[28.9, 28, 1], "784", [28, 28, True], [0, 28, 1], [2**63, 28, 1], [], None])
def test_the_input_shape_is_a_list_of_positive_whole_numbers(tmp_path, capsys, shape):
    path = design(tmp_path / "d.json", lambda d: d.update(input_shape=shape))
    assert main(["summary", "--spec", path]) == 1
    assert "input_shape must be a list of 1 to 3 whole numbers" in one_error_line(capsys)


def test_integers_beyond_2_63_are_refused(tmp_path, capsys):
    path = design(tmp_path / "d.json", lambda d: d["layers"][7].update(units=2**63))
    assert main(["summary", "--spec", path]) == 1
    assert "units=9223372036854775808 is too large" in capsys.readouterr().err


def test_a_billion_unit_dense_is_refused_with_the_numbers_and_train_stops_first(tmp_path, capsys):
    path = design(tmp_path / "d.json", lambda d: d["layers"][7].update(units=10**9))
    assert main(["summary", "--spec", path]) == 1
    err = capsys.readouterr().err
    assert "The design has 577,000,010,000 parameters" not in err  # the total includes the last layer too
    assert "parameters; the app trains designs of up to 100,000,000" in err
    assert main(["train", "--spec", path, "--out", str(tmp_path / "m.keras")]) == 1
    captured = capsys.readouterr()
    assert "training" not in captured.out and "epoch" not in captured.out
    assert "up to 100,000,000" in captured.err and "Traceback" not in captured.err
    assert list(tmp_path.iterdir()) == [tmp_path / "d.json"]


def test_an_embedding_of_a_billion_words_is_over_budget():
    spec = template("conv1d-text")
    spec.layers[0].params["input_dim"] = 10**9
    problems = [p for p in validate(spec) if p.kind == "budget"]
    assert problems and "128,000,035,937 parameters" in problems[0].message


def test_the_memory_budget_counts_the_batch():
    spec = ModelSpec((1000, 1000, 3), [LayerSpec("Conv2D", {"filters": 64, "padding": "same"}),
                                       LayerSpec("GlobalAveragePooling2D"),
                                       LayerSpec("Dense", {"units": 10, "activation": "softmax"})])
    report = infer_shapes(spec)
    assert report.total_params < MAX_PARAMS
    gigabyte = 10**9
    assert budget_problems(report, batch_size=1, memory=8 * gigabyte) == []  # 256 MB of 2 GB
    (problem,) = budget_problems(report, batch_size=64, memory=8 * gigabyte)
    assert problem.message == ("Layer 1 Conv2D: its output 1000×1000×64 needs 16.4 GB for a batch of 64, more than a "
                               "quarter of this computer's memory (2.0 GB) — use a smaller input, fewer filters, or "
                               "more pooling.")
    assert problem.kind == "budget"


def test_a_30x30_kernel_on_layer_1_suggests_only_what_exists():
    spec = template("mnist-cnn")
    del spec.layers[0]  # no Rescaling: the Conv2D is layer 1
    spec.layers[0].params["kernel_size"] = 30
    _, problems = check(spec)
    assert problems[0].message == ("Layer 1 Conv2D: kernel 30×30 is larger than its input 28×28 — use "
                                   "padding='same', a kernel_size of at most 28×28, or use a larger input.")
    assert "pooling" not in problems[0].message


def test_strict_refusals_are_marked_as_deliberate():
    spec = template("mnist-cnn")
    spec.layers[1].params.update(padding="SAME")
    spec.layers[3].params.update(activation="leaky_relu")
    spec.layers[5].params.update(kernel_size=True)
    report = infer_shapes(spec)
    kinds = [(p.layer_index, p.kind) for p in report.problems]
    assert kinds == [(2, "strict"), (4, "strict"), (6, "strict")]
    spec.layers[1].params.update(padding="full")
    assert infer_shapes(spec).problems[0].kind == ""  # Keras refuses 'full' too


def test_from_dict_refuses_hostile_types_cleanly():
    for change in ({"layers": "Conv2D"}, {"layers": [{"type": ["Conv2D"]}]}, {"name": 10**5000},
                   {"compile": {"optimizer": ["adam"]}}, {"compile": {"learning_rate": "0.1"}},
                   {"compile": {"metrics": [1]}}, {"compile": {"momentum": 0.9}}, {"version": True}):
        data = {**copy.deepcopy(MNIST), **change}
        with pytest.raises(SpecError) as info:
            ModelSpec.from_dict(data)
        assert len(str(info.value)) < 300


@pytest.mark.parametrize("change,words", [
    ({"shuffle": "yes"}, "shuffle must be true or false"),
    ({"early_stopping_patience": 10**20}, "at most 1000 epochs"),
    ({"validation_split": 10**400}, "validation split"),
    ({"epochs": 10**30}, "Epochs must be"),
])
def test_training_settings_refuse_hostile_values_in_one_sentence(change, words):
    from cnnexplorer.core.configs import TrainingConfig
    from cnnexplorer.core.errors import UserError

    data = {**TrainingConfig().to_dict(), **change}
    with pytest.raises(UserError) as info:
        TrainingConfig.from_dict(data)
    assert words in str(info.value) and len(str(info.value)) < 300
