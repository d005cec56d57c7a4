"""Shared fixtures: fresh settings per test, error dialogs recorded instead of shown,
and a check that no test leaves a worker thread running."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")


@pytest.fixture(autouse=True)
def _fresh_settings(request, tmp_path_factory):
    """Every test that touches Qt gets empty settings in a temporary folder."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield


@pytest.fixture(autouse=True)
def _private_run_folder(request, monkeypatch, tmp_path_factory):
    """Runs kept by the Training tab go to a temporary folder per test, never the user's app data."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    monkeypatch.setenv("CNNEXPLORER_RUNS_DIR", str(tmp_path_factory.mktemp("runs")))
    yield


@pytest.fixture
def errors(qapp):
    """Error reports as a list of messages; no dialog is opened."""
    from cnnexplorer.ui import errors as errors_module

    rep = errors_module.reporter()
    seen: list[str] = []
    original = rep.show_dialog
    rep.show_dialog = lambda title, message, details: seen.append(message)
    yield seen
    rep.show_dialog = original


@pytest.fixture(autouse=True)
def _no_dangling_threads(request):
    """Fail a test that leaves a worker Task running (napari's _dangling_qthreads, our Task flavour)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    # Ask for qtbot at set-up so this check runs before qtbot (and after the test's own fixtures) is torn down.
    qtbot = request.getfixturevalue("qtbot")
    yield
    from cnnexplorer.ui import workers

    live = workers.live_tasks()
    if live:
        stopped = workers.stop_all(timeout_ms=20000)
        qtbot.waitUntil(lambda: not workers.live_tasks(), timeout=20000)
        names = ", ".join(t.name for t in live)
        pytest.fail(f"test left worker task(s) running: {names} (stopped cleanly: {stopped})")


@pytest.fixture
def app_qsettings(qapp):
    from cnnexplorer import APP_NAME, ORG_NAME

    qapp.setOrganizationName(ORG_NAME)
    qapp.setApplicationName(APP_NAME)
    return qapp


@pytest.fixture
def main_window(qtbot, app_qsettings, errors):
    """The real main window with fresh settings; closed after the test."""
    from cnnexplorer.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


@pytest.fixture
def zh(qapp):
    """The interface in Simplified Chinese for one test (core and ml messages too), English again after it."""
    from cnnexplorer.ui.app import install_translators

    assert install_translators(qapp, "zh_CN") == "zh_CN"
    yield qapp
    install_translators(qapp, "en")


PLAIN_KERAS = r"""
import sys
sys.modules['cnnexplorer'] = None          # CNN Explorer is not installed here
import numpy as np, keras
model = keras.saving.load_model(sys.argv[1])
x = np.load(sys.argv[2])
np.save(sys.argv[3], model.predict(x, verbose=0))
"""


def _plain_keras_predict(model_path, x, tmp_path):
    """Predict with a process that cannot import cnnexplorer (no PYTHONPATH, cwd elsewhere)."""
    script = tmp_path / "plain.py"
    script.write_text(PLAIN_KERAS)
    np.save(tmp_path / "x.npy", x)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, str(script), str(model_path), str(tmp_path / "x.npy"),
                             str(tmp_path / "y.npy")], capture_output=True, text=True, cwd=run_dir, env=env,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return np.load(tmp_path / "y.npy")


@pytest.fixture
def plain_keras_predict():
    """``plain_keras_predict(model_path, x, tmp_path)``: a saved model's outputs where cnnexplorer is not importable."""
    return _plain_keras_predict
