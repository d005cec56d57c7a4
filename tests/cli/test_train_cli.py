"""`cnnexplorer train` / `evaluate`: epoch lines, the final JSON line, saved files, clear errors."""
import json

import pytest

from cnnexplorer.cli import main
from cnnexplorer.core.spec import CompileSpec, LayerSpec, ModelSpec, save_spec


def tiny_design(path, units=10, extra=()):
    spec = ModelSpec(input_shape=(28, 28, 1), name="tiny-dense",
                     layers=[LayerSpec("Rescaling", {"scale": 1 / 255}), *extra, LayerSpec("Flatten"),
                             LayerSpec("Dense", {"units": units, "activation": "softmax"})],
                     compile=CompileSpec(optimizer="adam", learning_rate=0.003))
    save_spec(spec, path)
    return path


def test_train_then_evaluate(tmp_path, capsys):
    design = tiny_design(tmp_path / "tiny.json")
    out, history = tmp_path / "tiny.keras", tmp_path / "history.json"
    rc = main(["train", "--spec", str(design), "--dataset", "mnist-sample", "--epochs", "2", "--batch-size", "128",
               "--seed", "0", "--validation-split", "0.1", "--out", str(out), "--history", str(history)])
    lines = capsys.readouterr().out.strip().splitlines()
    assert rc == 0
    assert lines[1].startswith("epoch 1/2") and "val_accuracy" in lines[1]
    assert lines[2].startswith("epoch 2/2")
    assert lines[-2].startswith("coach: ")
    result = json.loads(lines[-1])
    assert {"test_loss", "test_accuracy", "epochs_run", "seconds"} <= set(result)
    assert result["epochs_run"] == 2 and result["test_accuracy"] > 0.7
    assert out.is_file()
    saved = json.loads(history.read_text())
    assert saved["format"] == "cnnexplorer-run" and saved["model"] == "tiny-dense"
    assert len(saved["history"]["loss"]) == 2 and saved["settings"]["epochs"] == 2
    assert saved["test"]["test_accuracy"] == pytest.approx(result["test_accuracy"])
    assert saved["parameters"] == 7850 and saved["model_path"] == str(out.resolve())

    rc = main(["evaluate", "--model", str(out), "--dataset", "mnist-sample"])
    lines = capsys.readouterr().out.strip().splitlines()
    assert rc == 0
    evaluated = json.loads(lines[-1])
    assert abs(evaluated["test_accuracy"] - result["test_accuracy"]) < 1e-6


def test_invalid_design_is_refused_naming_the_layer(tmp_path, capsys):
    design = tiny_design(tmp_path / "bad.json", extra=[LayerSpec("Conv2D", {"filters": 4, "kernel_size": 40})])
    rc = main(["train", "--spec", str(design), "--epochs", "1", "--out", str(tmp_path / "x.keras")])
    err = capsys.readouterr().err
    assert rc == 1 and "Layer 2" in err and not (tmp_path / "x.keras").exists()


def test_mismatch_names_the_fix(tmp_path, capsys):
    design = tiny_design(tmp_path / "five.json", units=5)
    rc = main(["train", "--spec", str(design), "--epochs", "1", "--out", str(tmp_path / "x.keras")])
    err = capsys.readouterr().err
    assert rc == 1 and "outputs 5 classes" in err and "10 units" in err


@pytest.mark.parametrize("args,words", [(["--out", "model.h5"], ".keras"), (["--epochs", "0", "--out", "m.keras"],
                                                                             "Epochs")])
def test_bad_arguments(tmp_path, capsys, args, words):
    rc = main(["train", "--template", "mnist-cnn", *args])
    assert rc == 1 and words in capsys.readouterr().err
