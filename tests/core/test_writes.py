"""Every file the core writes goes through core.files: a full disk keeps the previous file and says so."""
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from cnnexplorer.core import images
from cnnexplorer.core.augment_config import AugmentConfig, load_augment_config, save_augment_config
from cnnexplorer.core.files import FileWriteError, check_writable
from cnnexplorer.core.spec import load_spec, save_spec, template


def _full_disk(code: str, limit: int = 1024) -> subprocess.CompletedProcess:
    """Run ``code`` with RLIMIT_FSIZE standing in for a full disk (the issue's `ulimit -f 1`)."""
    prelude = f"import resource, sys\nresource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))\n"
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=120)


def test_a_png_on_a_full_disk_is_refused_and_the_old_file_kept(tmp_path):
    target = tmp_path / "new.png"
    images.save_png(target, np.zeros((4, 4, 1), np.uint8))
    before = target.read_bytes()
    run = _full_disk(f"""
        import numpy as np
        from cnnexplorer.core.images import save_png
        from cnnexplorer.core.files import FileWriteError
        try:
            save_png({str(target)!r}, np.random.default_rng(0).integers(0, 255, (200, 200, 3), dtype=np.uint8))
        except FileWriteError as exc:
            print(exc)
            sys.exit(3)
        print("saved")
    """)
    assert run.returncode == 3, run.stderr
    assert "new.png" in run.stdout and "saved" not in run.stdout.replace("Nothing", "")
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.png"]


def test_no_image_is_written_with_tofile():
    import inspect

    assert "tofile" not in inspect.getsource(images)


def test_designs_and_augment_settings_round_trip_through_the_atomic_write(tmp_path):
    spec_path, aug_path = tmp_path / "d.json", tmp_path / "a.json"
    save_spec(template("mnist-cnn"), spec_path)
    save_augment_config(AugmentConfig(rotation_range=10), aug_path)
    assert load_spec(spec_path).to_dict() == template("mnist-cnn").to_dict()
    assert load_augment_config(aug_path).rotation_range == 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "d.json"]
    with pytest.raises(FileWriteError, match="it is a folder"):
        save_spec(template("mnist-cnn"), tmp_path)


def test_a_full_disk_is_found_before_a_long_job(tmp_path):
    run = _full_disk(f"""
        from cnnexplorer.core.files import check_writable, FileWriteError
        try:
            check_writable({str(tmp_path / "m.keras")!r})
        except FileWriteError as exc:
            print(exc)
            sys.exit(3)
    """, limit=0)
    assert run.returncode == 3, run.stderr
    assert "m.keras cannot be written" in run.stdout and "nothing was started" in run.stdout
    assert list(tmp_path.iterdir()) == []
    check_writable(tmp_path / "m.keras")  # an ordinary folder passes and keeps nothing
    assert list(tmp_path.iterdir()) == []
