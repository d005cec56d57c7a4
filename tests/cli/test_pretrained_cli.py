"""`cnnexplorer pretrained`: epoch lines, the final JSON line, a loadable model, clear errors (offline)."""
import json

import numpy as np

from cnnexplorer.cli import main
from cnnexplorer.core.images import save_png


def _folder(root, n=6, size=24):
    rng = np.random.default_rng(0)
    for c, (lo, hi) in {"dark": (0, 60), "bright": (190, 256)}.items():
        (root / c).mkdir(parents=True)
        for i in range(n):
            save_png(root / c / f"{i}.png", rng.integers(lo, hi, (size, size, 3)).astype(np.uint8))
    return root


def test_feature_extraction_run_prints_epochs_and_json_and_saves_a_loadable_model(tmp_path, capsys):
    data = _folder(tmp_path / "pets")
    out = tmp_path / "pets.keras"
    rc = main(["pretrained", "--arch", "vgg16", "--weights", "random", "--input-size", "32", "--dataset", str(data),
               "--method", "features", "--head", "gap", "--epochs", "2", "--batch-size", "4",
               "--learning-rate", "0.01", "--out", str(out)])
    lines = capsys.readouterr().out.strip().splitlines()
    assert rc == 0
    assert any("random weights" in line for line in lines)
    assert [line.split()[1] for line in lines if line.startswith("epoch ")] == ["1/2", "2/2"]
    result = json.loads(lines[-1])
    assert result["method"] == "features" and result["epochs"] == 2 and result["arch"] == "vgg16"
    assert 0.0 <= result["test_accuracy"] <= 1.0 and result["classes"] == ["bright", "dark"]
    from cnnexplorer.ml import transfer
    from cnnexplorer.ml.model_files import load_model_file

    transfer.register_custom_objects()
    model, _ = load_model_file(str(out))
    assert model.get_layer("vgg16") is not None and model.input_shape == (None, 32, 32, 3)


def test_bad_layer_name_and_too_small_dataset_exit_1_without_writing(tmp_path, capsys):
    data = _folder(tmp_path / "pets", n=3)
    out = tmp_path / "m.keras"
    common = ["pretrained", "--arch", "vgg16", "--weights", "random", "--input-size", "32", "--dataset", str(data),
              "--out", str(out)]
    assert main(common + ["--batch-size", "64"]) == 1
    assert "fewer than the batch size 64" in capsys.readouterr().err
    assert main(common + ["--batch-size", "2", "--freeze-until", "block9_conv1", "--method", "end-to-end"]) == 1
    assert "no layer called 'block9_conv1'" in capsys.readouterr().err
    assert main(common[:-2] + ["--out", str(tmp_path / "m.h5")]) == 1
    assert main(["pretrained", "--arch", "inception_v3", "--weights", "random", "--input-size", "32",
                 "--dataset", str(data), "--out", str(out)]) == 1
    assert "at least 75" in capsys.readouterr().err
    assert not out.exists()


def test_mobilenet_v2_with_imagenet_weights_runs_offline_on_the_bundled_file(tmp_path, capsys, monkeypatch):
    from cnnexplorer.ml import transfer

    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "empty"))
    monkeypatch.setattr(transfer.Architecture, "weights_url", lambda self, *a, **k: "http://127.0.0.1:9/x.h5")
    data = _folder(tmp_path / "pets")
    out = tmp_path / "pets.keras"
    rc = main(["pretrained", "--arch", "MobileNetV2", "--weights", "imagenet", "--input-size", "32",
               "--dataset", str(data), "--method", "features", "--epochs", "1", "--batch-size", "4",
               "--out", str(out)])
    lines = capsys.readouterr().out.strip().splitlines()
    assert rc == 0 and out.is_file()
    assert any("MobileNetV2 (ImageNet weights, bundled)" in line for line in lines)
    assert json.loads(lines[-1])["weights"] == "bundled"
