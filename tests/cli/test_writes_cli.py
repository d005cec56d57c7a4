"""Issue 16, items 1 and 6, by their reproductions: outputs on a full disk, --history a folder, --out checked first."""
import os
import subprocess
import sys

import pytest

from cnnexplorer.cli import main

SCRIPT = "print('a working script')\n"


def _cli(args, limit: int | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """``cnnexplorer ARGS`` in a subprocess, with RLIMIT_FSIZE=limit standing in for a full disk."""
    code = "import resource, sys\n"
    if limit is not None:
        code += f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
    code += f"from cnnexplorer.cli import main\nsys.exit(main({list(map(str, args))!r}))\n"
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.mark.parametrize("extra", [["--model-only"], []])
def test_export_code_on_a_full_disk_keeps_the_working_script(tmp_path, extra):
    script = tmp_path / "model.py"
    script.write_text(SCRIPT)
    run = _cli(["export-code", "--template", "mnist-cnn", "--out", script, *extra], limit=1024)
    assert run.returncode == 1
    (line,) = run.stderr.strip().splitlines()
    assert line.startswith(f"error: Could not write {tmp_path}/")
    assert line.endswith(": the file is larger than this system allows. Nothing was changed.")
    assert "Wrote" not in run.stdout
    assert script.read_text() == SCRIPT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.py"]


def test_history_pointing_at_a_folder_is_one_sentence_before_training(tmp_path, capsys):
    rc = main(["train", "--template", "mnist-cnn", "--epochs", "1", "--out", str(tmp_path / "m.keras"),
               "--history", str(tmp_path)])
    captured = capsys.readouterr()
    assert rc == 1
    assert "epoch" not in captured.out
    assert captured.err.strip() == (f"error: {tmp_path} cannot be written: it is a folder. Choose another file or "
                                    "folder; nothing was started.")


def test_train_on_a_full_disk_stops_before_training(tmp_path):
    run = _cli(["train", "--template", "mnist-cnn", "--epochs", "1", "--out", tmp_path / "m.keras"], limit=0)
    assert run.returncode == 1, run.stderr
    assert "epoch" not in run.stdout and "training" not in run.stdout
    assert run.stderr.strip().splitlines()[-1] == (
        f"error: {tmp_path / 'm.keras'} cannot be written: the file is larger than this system allows. Choose "
        "another file or folder; nothing was started.")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    from cnnexplorer.core.spec import LayerSpec, ModelSpec
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.model_files import save_model_file

    folder = tmp_path_factory.mktemp("cam")
    spec = ModelSpec(input_shape=(28, 28, 1), layers=[
        LayerSpec("Rescaling", {"scale": 1 / 255}), LayerSpec("Conv2D", {"filters": 2, "kernel_size": 3}),
        LayerSpec("Flatten"), LayerSpec("Dense", {"units": 10, "activation": "softmax"})])
    save_model_file(build_model(spec), str(folder / "m.keras"))
    return folder / "m.keras"


def test_gradcam_on_a_full_disk_exits_non_zero_without_saved(model_file, tmp_path):
    from cnnexplorer.core.resources import sample_images

    out = tmp_path / "new.png"
    run = _cli(["gradcam", "--model", model_file, "--image", sample_images()["cat"], "--out", out], limit=1024)
    assert run.returncode == 1, run.stderr
    assert "saved" not in run.stdout
    assert run.stderr.strip().splitlines()[-1] == (
        f"error: Could not write {out}: the file is larger than this system allows. Nothing was changed.")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [
    ["gradcam", "--model", "{d}/none.keras", "--image", "{d}/i.png", "--out", "{d}"],
    ["activations", "--model", "{d}/none.keras", "--image", "{d}/i.png", "--out", "{d}/missing/grid.png"],
    ["filters", "--model", "{d}/none.keras", "--layer", "conv", "--out", "{d}"],
    ["augment", "--image", "{d}/i.png", "--out", "{d}"],
])
def test_an_output_that_cannot_be_written_is_refused_before_any_work(tmp_path, capsys, argv):
    import numpy as np

    from cnnexplorer.core.images import save_png

    save_png(tmp_path / "i.png", np.zeros((8, 8, 3), np.uint8))
    rc = main([a.format(d=tmp_path) for a in argv])
    err = capsys.readouterr().err.strip()
    assert rc == 1 and "cannot be written" in err and "nothing was started" in err
