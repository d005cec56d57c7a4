"""Model files: class names travel in the file, plain Keras still opens it, bad paths and bombs get one sentence."""
import json
import os
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from cnnexplorer.core.errors import ModelFileError


@pytest.fixture(scope="module")
def tiny_model():
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.class_names import attach_class_names

    spec = template("mnist-cnn")
    model = build_model(spec)
    attach_class_names(model, [f"digit {i}" for i in range(10)])
    return model


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_saved_model_opens_in_plain_keras_and_keeps_its_class_names(tiny_model, tmp_path, suffix,
                                                                     plain_keras_predict):
    from cnnexplorer.ml.class_names import class_names
    from cnnexplorer.ml.model_files import export_model_file, load_model_file

    path = export_model_file(tiny_model, tmp_path / f"digits{suffix}")
    assert path.suffix == suffix and path.is_file()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left beside it
    x = np.random.default_rng(0).integers(0, 256, (4, 28, 28, 1)).astype("float32")
    expected = tiny_model.predict(x, verbose=0)
    got = plain_keras_predict(path, x, tmp_path)
    assert np.max(np.abs(got - expected)) <= 1e-5
    model, _ = load_model_file(path)
    assert class_names(model) == [f"digit {i}" for i in range(10)]


def test_save_removes_a_stale_temporary_and_keeps_the_keras_suffix(tiny_model, tmp_path):
    from cnnexplorer.ml.model_files import save_model_file

    stale = tmp_path / ".digits.saving.keras"
    stale.write_bytes(b"x" * 1000)
    os.utime(stale, (0, 0))  # left by a process killed long ago
    out = save_model_file(tiny_model, tmp_path / "digits")
    assert out.name == "digits.keras"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digits.keras"]
    with zipfile.ZipFile(out) as z:
        assert json.loads(z.read("cnnexplorer.json"))["class_names"][3] == "digit 3"


def _padded_archive(path, config_bytes):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("config.json", "w", force_zip64=True) as f:
            f.write(b'{"class_name": "Sequential", "config": {}}')
            chunk = b" " * (1 << 20)
            for _ in range(config_bytes >> 20):
                f.write(chunk)
        z.writestr("metadata.json", "{}")


def test_padded_config_is_refused_without_parsing_it_and_with_little_memory(tmp_path):
    path = tmp_path / "padded.keras"
    _padded_archive(path, 80 << 20)  # 80 MiB of whitespace in a small file
    assert path.stat().st_size < 1_000_000
    code = (
        "import sys\n"
        "from cnnexplorer.core.errors import ModelFileError\n"
        "from cnnexplorer.ml.model_files import load_model_file\n"
        "try:\n    load_model_file(sys.argv[1])\nexcept ModelFileError as e:\n    print(e)\n"
        "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-1500:]
    message, rss_kb = result.stdout.strip().splitlines()
    assert "config.json" in message and "83.9 MB" in message and "32.0 MB" in message
    assert int(rss_kb) < 200 * 1024  # peak resident memory of that process, in kB


def test_folder_symlink_loop_and_missing_file_each_have_their_own_sentence(tmp_path):
    from cnnexplorer.ml.model_files import load_model_file

    loop = tmp_path / "loop.keras"
    loop.symlink_to(loop)
    with pytest.raises(ModelFileError, match="points back to itself"):
        load_model_file(loop)
    with pytest.raises(ModelFileError, match="is a folder"):
        load_model_file(tmp_path)
    with pytest.raises(ModelFileError, match="does not exist"):
        load_model_file(tmp_path / "missing.keras")
    dangling = tmp_path / "dangling.keras"
    dangling.symlink_to(tmp_path / "gone.keras")
    with pytest.raises(ModelFileError, match="does not exist"):
        load_model_file(dangling)
