"""`summary`, `export-code` and `templates` as a teacher's script would call them."""
from __future__ import annotations

import json

from cnnexplorer.cli import main
from cnnexplorer.core.spec import LayerSpec, save_spec, template


def test_templates_lists_every_template_with_its_parameters(capsys):
    assert main(["templates"]) == 0
    out = capsys.readouterr().out
    for name in ("mnist-cnn", "dense-baseline", "separable-cnn", "conv1d-text", "small-vgg"):
        assert name in out
    assert "93,322" in out


def test_summary_prints_shapes_and_totals(capsys):
    assert main(["summary", "--template", "mnist-cnn"]) == 0
    out = capsys.readouterr().out
    assert "26×26×32" in out and "Total parameters: 93,322" in out


def test_summary_of_invalid_design_exits_nonzero_with_the_message(tmp_path, capsys):
    spec = template("mnist-cnn")
    spec.layers.insert(7, LayerSpec("Conv2D"))
    path = tmp_path / "bad.json"
    save_spec(spec, path)
    assert main(["summary", "--spec", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Layer 8 Conv2D: needs an image" in err


def test_summary_checks_classes(capsys):
    assert main(["summary", "--template", "mnist-cnn", "--classes", "3"]) == 1
    assert "dataset has 3 classes" in capsys.readouterr().err


def test_export_code_writes_a_script(tmp_path, capsys):
    out = tmp_path / "model.py"
    assert main(["export-code", "--template", "conv1d-text", "--out", str(out)]) == 0
    code = out.read_text(encoding="utf-8")
    compile(code, str(out), "exec")
    assert "layers.Embedding(input_dim=10000, output_dim=128)" in code


def test_bad_spec_files_give_one_line_errors(tmp_path, capsys):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["summary", "--spec", str(broken)]) == 1
    assert f"error: The design file {broken} is not valid JSON" in capsys.readouterr().err
    newer = tmp_path / "newer.json"
    data = template("mnist-cnn").to_dict()
    data["version"] = 99
    newer.write_text(json.dumps(data), encoding="utf-8")
    assert main(["summary", "--spec", str(newer)]) == 1
    assert "newer CNN Explorer" in capsys.readouterr().err
    assert main(["summary", "--template", "nope"]) == 1
    assert "no template called 'nope'" in capsys.readouterr().err


def test_export_code_writes_the_whole_training_script_by_default(tmp_path, capsys):
    out = tmp_path / "digits.py"
    assert main(["export-code", "--template", "mnist-cnn", "--out", str(out), "--epochs", "2",
                 "--validation-split", "0.1"]) == 0
    assert "mnist_sample.npz and mnist_sample.py" in capsys.readouterr().out
    code = out.read_text(encoding="utf-8")
    compile(code, str(out), "exec")
    assert "EPOCHS = 2" in code and "VALIDATION_SPLIT = 0.1" in code and "model.fit(" in code
    assert (tmp_path / "mnist_sample.npz").stat().st_size > 100_000

    only = tmp_path / "model.py"
    assert main(["export-code", "--template", "mnist-cnn", "--out", str(only), "--model-only"]) == 0
    assert "model.fit(" not in only.read_text(encoding="utf-8")


def test_export_code_of_a_text_model_trains_on_the_sequence_sample(tmp_path):
    out = tmp_path / "text.py"
    assert main(["export-code", "--template", "conv1d-text", "--out", str(out)]) == 0
    assert "sequences_sample.load_data()" in out.read_text(encoding="utf-8")
