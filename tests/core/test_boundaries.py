"""The layer boundaries (pyproject.toml, [tool.importlinter]): core imports neither Qt nor TensorFlow, ml no Qt,
cli -> commands -> ui -> ml -> core, and the layers inside ui and ml."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter is not installed in this environment")
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 7 kept, 0 broken" in result.stdout


def test_core_modules_load_without_qt_or_tensorflow():
    code = (
        "import importlib, pkgutil, sys, cnnexplorer.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('cnnexplorer.core.' + m.name)\n"
        "bad = [n for n in ('PySide6', 'tensorflow', 'keras') if n in sys.modules]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
