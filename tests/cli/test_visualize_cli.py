"""`cnnexplorer activations | filters | gradcam`: files written, classes printed, bad input explained."""
from __future__ import annotations

import numpy as np
import pytest

from cnnexplorer.cli import main
from cnnexplorer.core.images import load_image, save_png
from cnnexplorer.core.resources import sample_images


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.model_files import save_model_file
    from cnnexplorer.ml.runtime import keras

    keras().utils.set_random_seed(0)
    folder = tmp_path_factory.mktemp("viz")
    model = build_model(template("mnist-cnn"))
    save_model_file(model, str(folder / "cnn.keras"))
    digit = np.zeros((28, 28, 1), np.uint8)
    digit[6:22, 12:16] = 255
    save_png(folder / "digit.png", digit)
    (folder / "notes.png").write_text("not an image")
    # layer names depend on how many models this process built before: look them up
    names = [layer.name for layer in model.layers]
    return folder, {"conv": names[1], "pool": names[2], "last_conv": names[5], "dense": names[-1]}


def test_gradcam_writes_overlay_and_heatmap(files, tmp_path, capsys):
    files, names = files
    out, heat = tmp_path / "cam.png", tmp_path / "heat.npy"
    rc = main(["gradcam", "--model", str(files / "cnn.keras"), "--image", str(sample_images()["cat"]),
               "--class", "3", "--out", str(out), "--heatmap", str(heat)])
    text = capsys.readouterr().out
    assert rc == 0
    assert "predicted: " in text and "explained: 3 (class 3)" in text
    assert f"layer: {names['last_conv']}" in text
    assert "grayscale" in text  # the colour photo was converted for the grayscale model
    h = np.load(heat)
    assert h.shape == (28, 28) and h.dtype == np.float32 and h.min() >= 0 and h.max() <= 1
    assert load_image(out).shape[:2] == (28, 28)


def test_activations_writes_one_grid_per_layer(files, tmp_path, capsys):
    files, names = files
    out = tmp_path / "grid.png"
    rc = main(["activations", "--model", str(files / "cnn.keras"), "--image", str(files / "digit.png"),
               "--layers", f"{names['conv']},{names['pool']}", "--out", str(out)])
    text = capsys.readouterr().out
    assert rc == 0 and f"{names['conv']}  26x26x32" in text and f"{names['pool']}  13x13x32" in text
    assert load_image(out).shape[1] == 1024


def test_filters_writes_a_grid(files, tmp_path, capsys):
    files, names = files
    out = tmp_path / "filters.png"
    rc = main(["filters", "--model", str(files / "cnn.keras"), "--layer", names["conv"], "--count", "4",
               "--steps", "3", "--seed", "1", "--out", str(out)])
    text = capsys.readouterr().out
    assert rc == 0 and text.count("filter ") >= 4 and f"patterns of {names['conv']} at 28x28" in text
    assert out.is_file()


@pytest.mark.parametrize("argv, message", [
    (["gradcam", "--image", "{d}/notes.png", "--out", "{t}/x.png"], "not an image"),
    (["gradcam", "--image", "{d}/missing.png", "--out", "{t}/x.png"], "does not exist"),
    (["gradcam", "--image", "{d}/digit.png", "--class", "12", "--out", "{t}/x.png"], "Class 12 does not exist"),
    (["gradcam", "--image", "{d}/digit.png", "--layer", "{dense}", "--out", "{t}/x.png"], "not a grid of feature maps"),
    (["filters", "--layer", "{dense}", "--out", "{t}/x.png"], "not a convolution"),
    (["activations", "--image", "{d}/digit.png", "--layers", "nope", "--out", "{t}/x.png"], "no layer 'nope'"),
])
def test_bad_input_is_explained(files, tmp_path, capsys, argv, message):
    files, names = files
    argv = [a.format(d=files, t=tmp_path, dense=names["dense"]) for a in argv]
    rc = main(argv[:1] + ["--model", str(files / "cnn.keras")] + argv[1:])
    err = capsys.readouterr().err
    assert rc == 1 and err.startswith("error: ") and message in err


def test_gradcam_prints_the_class_names_saved_with_the_model(tmp_path, capsys):
    from cnnexplorer.ml.class_names import attach_class_names
    from cnnexplorer.ml.model_files import save_model_file
    from cnnexplorer.ml.runtime import keras

    k = keras()
    model = k.Sequential([k.Input((16, 16, 3)), k.layers.Rescaling(1 / 255), k.layers.Conv2D(4, 3, name="conv"),
                          k.layers.Flatten(), k.layers.Dense(3, activation="softmax")])
    attach_class_names(model, ["circles", "squares", "triangles"])
    save_model_file(model, tmp_path / "shapes.keras")
    rc = main(["gradcam", "--model", str(tmp_path / "shapes.keras"), "--image", str(sample_images()["cat"]),
               "--class", "2", "--out", str(tmp_path / "cam.png")])
    assert rc == 0 and "explained: 2 (triangles)" in capsys.readouterr().out
