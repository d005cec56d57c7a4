"""The command-line contract of the Foundation: version, datasets, screenshots."""
import os
import struct
import subprocess
import sys

import numpy as np
import pytest

from cnnexplorer import __version__
from cnnexplorer.cli import main
from cnnexplorer.core.images import save_png


def run_cli(*args, timeout=300):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "cnnexplorer", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"cnnexplorer {__version__}"


def test_datasets_lists_status_without_importing_tensorflow():
    code = ("import sys; from cnnexplorer.cli import main; rc = main(['datasets']); "
            "print('TF-IMPORTED' if 'tensorflow' in sys.modules else 'no-tf'); sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "mnist-sample" in result.stdout and "bundled" in result.stdout
    assert "needs download" in result.stdout or "cached" in result.stdout
    assert result.stdout.strip().endswith("no-tf")


def test_unknown_dataset_exits_non_zero_with_one_sentence(capsys):
    assert main(["datasets", "--load", "mnits"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: There is no dataset called 'mnits'")


def test_image_folder_report_counts_skipped_files(capsys, tmp_path):
    for name, value in (("cats", 30), ("dogs", 220)):
        (tmp_path / name).mkdir()
        for i in range(5):
            save_png(tmp_path / name / f"{i}.png", np.full((6, 6, 3), value, np.uint8))
    (tmp_path / "cats" / "notes.txt").write_text("hello")
    assert main(["datasets", "--load", str(tmp_path), "--image-size", "8"]) == 0
    out = capsys.readouterr().out
    assert "classes (2): cats, dogs" in out and "skipped 1 unreadable file" in out


def test_single_class_folder_fails_with_the_fix(capsys, tmp_path):
    (tmp_path / "cats").mkdir()
    assert main(["datasets", "--load", str(tmp_path)]) == 1
    assert "at least two" in capsys.readouterr().err


def test_screenshot_renders_the_window_at_1280x800(tmp_path):
    out = tmp_path / "shot.png"
    result = run_cli("gui", "--tab", "concepts", "--screenshot", str(out))
    assert result.returncode == 0, result.stderr[-2000:]
    with open(out, "rb") as f:
        header = f.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1280, 800)


def test_unknown_tab_is_refused():
    result = run_cli("gui", "--tab", "nonsense", "--screenshot", "/tmp/never.png")
    assert result.returncode == 2 and "no tab 'nonsense'" in result.stderr


def test_self_test_flag_is_the_selftest_command(capsys):
    assert main(["--self-test", "--check", "resources"]) == 0
    assert "resources" in capsys.readouterr().out
