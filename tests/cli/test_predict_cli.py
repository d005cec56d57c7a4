"""A folder of 28×28 grey digits trains mnist-cnn from the command line; predict names its classes."""
import json

import cv2
import numpy as np

from cnnexplorer.cli import main


def _folder(root, count=100):
    from cnnexplorer.core.resources import resource_path

    with np.load(resource_path("data", "mnist_sample.npz")) as npz:
        x, y = npz["x_train"], npz["y_train"]
    for i in np.random.default_rng(1).choice(len(x), count, replace=False):
        (root / f"d{y[i]}").mkdir(parents=True, exist_ok=True)
        cv2.imwrite(str(root / f"d{y[i]}" / f"{i}.png"), x[i])
    return root


def test_grey_folder_trains_mnist_cnn_and_predict_uses_its_class_names(tmp_path, capsys):
    folder = _folder(tmp_path / "digits")
    out = tmp_path / "digits.keras"
    rc = main(["train", "--template", "mnist-cnn", "--dataset", str(folder), "--epochs", "1", "--batch-size", "32",
               "--out", str(out)])
    text = capsys.readouterr().out
    assert rc == 0, text
    assert "dataset: 100 images, 28×28 grey, 10 classes; read as 28×28 grey" in text
    assert json.loads(text.strip().splitlines()[-1])["test_accuracy"] is not None

    rc = main(["predict", "--model", str(out), "--image", str(folder / "d7"), "--top", "3"])
    lines = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert rc == 0 and len(lines) == len(list((folder / "d7").iterdir()))
    top = lines[0]["top"]
    assert len(top) == 3 and all(t["name"].startswith("d") for t in top)
    assert top[0]["probability"] >= top[1]["probability"] >= top[2]["probability"]

    (tmp_path / "junk.png").write_bytes(b"junk")
    rc = main(["predict", "--model", str(out), "--image", str(tmp_path / "junk.png")])
    captured = capsys.readouterr()
    assert rc == 1 and json.loads(captured.out)["error"] == "not a readable image"

    rc = main(["evaluate", "--model", str(out), "--dataset", str(folder), "--image-size", "32"])
    captured = capsys.readouterr()
    assert rc == 1 and "read as 32×32 grey" in captured.out and "The model expects 28×28" in captured.err


def test_a_1000_class_head_is_named_with_imagenet_classes(tmp_path, capsys):
    from cnnexplorer.ml.model_files import save_model_file
    from cnnexplorer.ml.runtime import keras

    k = keras()
    model = k.Sequential([k.Input((None, None, 3)), k.layers.Rescaling(1 / 255), k.layers.GlobalAveragePooling2D(),
                          k.layers.Dense(1000, activation="softmax")])
    save_model_file(model, tmp_path / "head.keras")
    ok, png = cv2.imencode(".png", np.full((20, 30, 3), 200, np.uint8))
    (tmp_path / "grey.png").write_bytes(png.tobytes())
    rc = main(["predict", "--model", str(tmp_path / "head.keras"), "--image", str(tmp_path / "grey.png"),
               "--top", "2"])
    line = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert rc == 0 and len(line["top"]) == 2
    from cnnexplorer.ml.viz.inputs import imagenet_names

    assert line["top"][0]["name"] == imagenet_names()[line["top"][0]["class"]]


def test_a_base_without_its_classifier_is_refused_in_one_line(tmp_path, capsys):
    # it ends in feature maps: flattening them into thousands of "classes" was nonsense
    from cnnexplorer.ml.model_files import save_model_file
    from cnnexplorer.ml.runtime import keras

    k = keras()
    model = k.Sequential([k.Input((28, 28, 1)), k.layers.Rescaling(1 / 255), k.layers.Conv2D(4, 3, name="conv")])
    save_model_file(model, tmp_path / "base.keras")
    ok, png = cv2.imencode(".png", np.full((28, 28), 200, np.uint8))
    (tmp_path / "digit.png").write_bytes(png.tobytes())
    rc = main(["predict", "--model", str(tmp_path / "base.keras"), "--image", str(tmp_path / "digit.png")])
    captured = capsys.readouterr()
    assert rc == 1 and captured.out == ""
    assert "ends in feature maps of shape (26, 26, 4)" in captured.err and "Traceback" not in captured.err
