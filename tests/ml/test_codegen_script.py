"""The exported complete script trains like the app: same data, same preparation, same seed, same accuracy."""
from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from cnnexplorer.core.augment_config import AugmentConfig
from cnnexplorer.core.configs import TrainingConfig
from cnnexplorer.core.spec import CompileSpec, LayerSpec, ModelSpec, template
from cnnexplorer.ml import codegen
from cnnexplorer.ml.data import Dataset, dataset_info

SMALL = ModelSpec((28, 28, 1), [
    LayerSpec("Rescaling", {"scale": 1 / 255}),
    LayerSpec("Conv2D", {"filters": 8, "kernel_size": 3, "activation": "relu"}),
    LayerSpec("MaxPooling2D", {"pool_size": 2}),
    LayerSpec("Flatten", {}),
    LayerSpec("Dense", {"units": 10, "activation": "softmax"}),
], CompileSpec(), name="small-cnn")


def _subset(npz_bytes: bytes, tmp_path) -> dict[str, np.ndarray]:
    """Every 4th training and test digit of the bundled sample (all ten classes, a quarter of the time)."""
    path = tmp_path / "full.npz"
    path.write_bytes(npz_bytes)
    with np.load(path) as data:
        return {"x_train": data["x_train"][::4], "y_train": data["y_train"][::4],
                "x_test": data["x_test"][::4], "y_test": data["y_test"][::4]}


def test_the_complete_script_trains_to_the_apps_accuracy_without_cnnexplorer(tmp_path):
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.runtime import keras
    from cnnexplorer.ml.train import train_model

    info = dataset_info("mnist-sample")
    config = TrainingConfig(epochs=1, batch_size=32, validation_split=0.2, seed=3)
    out = tmp_path / "export" / "small_cnn.py"
    out.parent.mkdir()
    files = codegen.export_files(SMALL, out, info, config, data=codegen.dataset_npz(info))
    assert [p.name for p in files] == ["mnist_sample.npz", "mnist_sample.py", "small_cnn.py"]
    codegen.write_export(files)
    arrays = _subset(files[out.with_name("mnist_sample.npz")], tmp_path)
    np.savez(out.with_name("mnist_sample.npz"), **arrays)  # the same script, on a quarter of the sample

    # A plain Keras environment: importing cnnexplorer fails inside the script's process.
    run = subprocess.run([sys.executable, "-c", "import sys, runpy; sys.modules['cnnexplorer'] = None; "
                          "runpy.run_path('small_cnn.py', run_name='__main__')"],
                         cwd=out.parent, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    line = next(x for x in run.stdout.splitlines() if x.startswith("Test accuracy:"))
    script_accuracy = float(line.split()[2])
    assert (out.parent / "small_cnn.keras").is_file()

    keras().utils.set_random_seed(config.seed)  # as the Training tab does before building
    model = build_model(SMALL)
    dataset = Dataset(info, arrays["x_train"][..., None], arrays["y_train"].astype(np.int32),
                      arrays["x_test"][..., None], arrays["y_test"].astype(np.int32))
    app_accuracy = train_model(model, dataset, config).test_accuracy
    print(f"test accuracy: exported script {script_accuracy:.4f}, app {app_accuracy:.4f}")
    assert script_accuracy > 0.5  # it learned something in one epoch
    assert abs(script_accuracy - app_accuracy) <= 0.01, (script_accuracy, app_accuracy)


def test_the_script_follows_the_training_settings_and_explains_the_loss():
    info = dataset_info("mnist-sample")
    plain = codegen.training_script(template("mnist-cnn"), info, TrainingConfig(epochs=5, batch_size=64))
    assert "EPOCHS = 5" in plain and "BATCH_SIZE = 64" in plain and "validation = None" in plain
    assert "RandomFlip" not in plain and "augment" not in plain.lower().replace("augmented", "")
    assert "to_categorical" in plain and "exactly the same" in plain  # why sparse labels are the same lesson
    assert 'model.save("mnist_cnn.keras")' in plain and "Test accuracy" in plain
    compile(plain, "mnist_cnn.py", "exec")

    flips = AugmentConfig(horizontal_flip=True)
    augmented = codegen.training_script(template("mnist-cnn"), info,
                                        TrainingConfig(validation_split=0.1, augment=flips))
    assert "RandomFlip" in augmented and "augment(x, training=True)" in augmented
    assert "hold_out(x_train, y_train, VALIDATION_SPLIT, SEED)" in augmented
    compile(augmented, "mnist_cnn.py", "exec")


@pytest.mark.parametrize("name, load", [
    ("mnist", "keras.datasets.mnist.load_data()"),
    ("imdb", "keras.datasets.imdb.load_data(num_words=10000)"),
    ("sequences-sample", "sequences_sample.load_data()"),
])
def test_each_dataset_is_loaded_the_way_keras_users_do(name, load, tmp_path):
    info = dataset_info(name)
    spec = template("conv1d-text") if info.kind == "sequences" else template("mnist-cnn")
    files = codegen.export_files(spec, tmp_path / "s.py", info, data=codegen.dataset_npz(info))
    script = files[tmp_path / "s.py"].decode()
    assert load in script
    compile(script, "s.py", "exec")


def test_an_image_folder_uses_image_dataset_from_directory(tmp_path):
    for cls in ("circles", "squares"):
        (tmp_path / "shapes" / cls).mkdir(parents=True)
    info = dataset_info(str(tmp_path / "shapes"), image_size=(32, 32))
    script = codegen.training_script(template("mnist-cnn"), info)
    assert "keras.utils.image_dataset_from_directory(" in script and "['circles', 'squares']" in script
    compile(script, "s.py", "exec")


def test_model_only_keeps_the_old_script(tmp_path):
    files = codegen.export_files(template("mnist-cnn"), tmp_path / "m.py", complete=False)
    assert list(files) == [tmp_path / "m.py"]
    assert files[tmp_path / "m.py"].decode() == codegen.export_code(template("mnist-cnn"))


def test_a_hostile_design_file_exports_with_its_problems_listed_not_a_traceback():
    text = ('{"format": "cnnexplorer-design", "version": 1, "name": "x", "input_shape": [6, 2, 1], '
            '"layers": [{"type": "Dense", "units": 1, "activation": [[3]]}]}')
    spec = ModelSpec.from_json(text)
    for script in (codegen.export_code(spec), codegen.training_script(spec, dataset_info("mnist-sample"))):
        assert "WARNING: CNN Explorer found problems" in script
