"""``selftest``: check that this installation is complete, then exit 0 (all good) or 1.

Written for the packaged (PyInstaller) build, where a file or library left out
of the bundle only shows up when a user clicks on the feature that needs it.
The installer build runs ``cnnexplorer selftest`` from the bundle
(``make package-test``), so the bundle is checked rather than hoped for; a
teacher can run it too before a class. The idea comes from glue's standalone
apps (``start_glue.py --test``).

Each check is a plain function returning a one-line description of what it
verified, or raising with the reason it could not. Checks are independent: one
failure does not hide the others.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cnnexplorer import APP_NAME, __version__

# Commands every installation must have (a frozen build that cannot list its
# command modules would silently lose them).
REQUIRED_COMMANDS = ("datasets", "gui", "selftest")


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "selftest",
        help="check this installation (bundled files, commands, Qt, TensorFlow/Keras); exit 1 if something is broken",
        description="Check that this installation of CNN Explorer is complete: the bundled data, sample photos "
        "and icons are present and readable, every command is found, Qt can draw offscreen, and Keras can build, "
        "train, save and reload a small model. Prints one line per check; exits 0 when all pass, 1 otherwise.",
    )
    parser.add_argument("--check", action="append", choices=list(CHECKS), metavar="NAME",
                        help=f"run only this check (repeatable): {', '.join(CHECKS)}")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON to FILE")
    parser.set_defaults(func=_selftest)


def _selftest(args: argparse.Namespace) -> int:
    names = args.check or list(CHECKS)
    print(f"{APP_NAME} {__version__} self-test: {describe_installation()}", flush=True)
    print(f"Python {platform.python_version()} on {platform.system()} {platform.machine()}", flush=True)
    started = time.perf_counter()
    results = []
    for name in names:
        result = run_check(name)
        results.append(result)
        mark = "ok  " if result.ok else "FAIL"
        print(f"  {mark}  {name:<10} {result.detail}  ({result.seconds:.1f} s)", flush=True)
    failed = [r.name for r in results if not r.ok]
    total = time.perf_counter() - started
    if failed:
        print(f"{len(failed)} of {len(results)} checks failed: {', '.join(failed)}. "
              "Reinstall CNN Explorer; if it still fails, report the lines above.")
    else:
        print(f"All {len(results)} checks passed in {total:.1f} s.")
    if args.json:
        from cnnexplorer.core.files import write_text

        write_text(args.json, json.dumps({
            "version": __version__, "frozen": is_frozen(), "ok": not failed, "seconds": round(total, 2),
            "checks": [r.__dict__ for r in results]}, indent=2) + "\n")
    return 1 if failed else 0


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def describe_installation() -> str:
    if is_frozen():
        return f"packaged build in {Path(sys.executable).resolve().parent}"
    import cnnexplorer

    return f"Python package in {Path(cnnexplorer.__file__).resolve().parent}"


def run_check(name: str) -> CheckResult:
    started = time.perf_counter()
    try:
        detail = CHECKS[name]()
        ok = True
    except Exception as exc:  # a check reports every failure as a line, never a traceback
        detail = f"{type(exc).__name__}: {_first_line(str(exc))}"
        ok = False
    return CheckResult(name, ok, detail, round(time.perf_counter() - started, 2))


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "(no message)"
    return line if len(line) <= 300 else line[:297] + "..."


# -- the checks -------------------------------------------------------------------

def check_resources() -> str:
    """Bundled data, sample photos and icons exist and can be read."""
    import numpy as np

    from cnnexplorer.core.images import load_image
    from cnnexplorer.core.resources import resource_path, sample_images

    with np.load(resource_path("data", "mnist_sample.npz")) as npz:
        x_train, y_train, x_test = npz["x_train"], npz["y_train"], npz["x_test"]
    if x_train.ndim != 3 or x_train.shape[1:] != (28, 28) or len(y_train) != len(x_train):
        raise ValueError(f"data/mnist_sample.npz holds unexpected arrays {x_train.shape}/{y_train.shape}")

    index = json.loads(resource_path("data", "imagenet_class_index.json").read_text(encoding="utf-8"))
    if len(index) != 1000:
        raise ValueError(f"data/imagenet_class_index.json names {len(index)} classes instead of 1000")

    samples = sample_images()
    if not samples:
        raise FileNotFoundError(f"no sample photos in {resource_path('samples')}")
    for path in samples.values():
        image = load_image(path)  # OpenCV decodes them: checks its libraries are bundled too
        if image.ndim != 3 or min(image.shape[:2]) < 32:
            raise ValueError(f"sample photo {path.name} decoded to an unexpected shape {image.shape}")

    for icon in ("cnnexplorer.svg", "cnnexplorer.png"):
        resource_path("icons", icon)

    import hashlib

    from cnnexplorer.core.pretrained_catalog import BUNDLED_WEIGHTS

    for name, sha256 in BUNDLED_WEIGHTS.values():  # the pretrained network that works offline
        if hashlib.sha256(resource_path("weights", name).read_bytes()).hexdigest() != sha256:
            raise ValueError(f"weights/{name} does not match its recorded SHA-256")

    languages = _translation_languages()
    return (f"MNIST sample {len(x_train)}+{len(x_test)} digits, {len(index)} ImageNet class names, "
            f"{len(samples)} sample photos ({', '.join(samples)}), app icon, "
            f"translations: {', '.join(languages) if languages else 'none (English only)'}")


def _translation_languages() -> list[str]:
    from cnnexplorer.core.resources import resource_path

    try:
        folder = resource_path("translations")
    except Exception:
        return []
    return sorted(p.stem.removeprefix("cnnexplorer_") for p in folder.glob("*.qm"))


def check_commands() -> str:
    """Every command module is found (module discovery must work in a frozen build)."""
    import argparse as _argparse

    from cnnexplorer.cli import build_parser

    parser = build_parser()
    names: list[str] = []
    for action in parser._actions:  # argparse keeps subcommands here; there is no public accessor
        if isinstance(action, _argparse._SubParsersAction):
            names = sorted(action.choices)
    missing = [n for n in REQUIRED_COMMANDS if n not in names]
    if missing:
        raise LookupError(f"command(s) {', '.join(missing)} not found; found only: {', '.join(names) or 'none'}")
    return f"{len(names)} commands: {', '.join(names)}"


def check_qt() -> str:
    """Qt starts (offscreen unless QT_QPA_PLATFORM says otherwise), draws a widget and the SVG icon."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QTranslator, qVersion
    from PySide6.QtGui import QIcon, QImage
    from PySide6.QtWidgets import QApplication, QLabel

    from cnnexplorer.core.resources import resource_path

    app = QApplication.instance() or QApplication([sys.argv[0]])
    if not isinstance(app, QApplication):  # a widget needs a QApplication; Qt would abort the process instead
        raise RuntimeError("a Qt application without widgets is already running")
    label = QLabel("CNN Explorer")
    label.resize(120, 40)
    pixmap = label.grab()
    if pixmap.isNull() or pixmap.width() < 100:
        raise RuntimeError("Qt could not draw a widget")
    label.deleteLater()

    icon = QIcon(str(resource_path("icons", "cnnexplorer.svg")))
    svg = icon.pixmap(64, 64)
    if svg.isNull():
        raise RuntimeError("Qt could not draw the SVG app icon: the SVG image plugin is missing")
    if QImage(str(resource_path("icons", "cnnexplorer.png"))).isNull():
        raise RuntimeError("Qt could not read the PNG app icon: the image format plugins are missing")

    loaded = []
    for language in _translation_languages():
        translator = QTranslator()
        if not translator.load(str(resource_path("translations", f"cnnexplorer_{language}.qm"))):
            raise RuntimeError(f"the {language} translation is present but Qt cannot load it")
        loaded.append(language)
    platform_name = app.platformName()
    return (f"PySide6 {pyside_version} (Qt {qVersion()}), platform '{platform_name}', drew a widget and the SVG icon"
            + (f", loaded translations {', '.join(loaded)}" if loaded else ""))


def check_keras() -> str:
    """TensorFlow and Keras import; the tutorial's MNIST CNN builds, trains a step, predicts, saves and reloads."""
    import numpy as np

    from cnnexplorer.core.resources import resource_path
    from cnnexplorer.core.spec import template
    from cnnexplorer.ml.build import build_model
    from cnnexplorer.ml.model_files import load_model_file, save_model_file
    from cnnexplorer.ml.runtime import keras, load_backend

    info = load_backend()
    k = keras()
    if k.backend.backend() != "tensorflow":
        raise RuntimeError(f"Keras runs on the {k.backend.backend()!r} backend instead of TensorFlow")

    with np.load(resource_path("data", "mnist_sample.npz")) as npz:
        x = npz["x_train"][:32, :, :, None].astype("float32")  # raw 0-255 pixels: the model rescales
        y = npz["y_train"][:32].astype("int64")
    model = build_model(template("mnist-cnn"))
    history = model.fit(x, y, epochs=1, batch_size=32, verbose=0)
    loss = float(history.history["loss"][-1])
    if not np.isfinite(loss):
        raise RuntimeError(f"training one batch gave a loss of {loss}")
    probabilities = model.predict(x[:4], verbose=0)
    if probabilities.shape != (4, 10) or not np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-3):
        raise RuntimeError(f"prediction has an unexpected shape or does not sum to 1: {probabilities.shape}")

    with tempfile.TemporaryDirectory(prefix="cnnexplorer-selftest-") as folder:
        path = os.path.join(folder, "selftest.keras")
        save_model_file(model, path)
        reloaded, _ = load_model_file(path)
        again = reloaded.predict(x[:4], verbose=0)
    if not np.allclose(again, probabilities, atol=1e-5):
        raise RuntimeError("a saved and reloaded model predicts differently")
    return (f"Keras {info.keras_version} on TensorFlow {info.tensorflow_version} ({info.device}): "
            f"mnist-cnn built ({model.count_params():,} parameters), trained one batch, predicted, saved and reloaded")


CHECKS: dict[str, Callable[[], str]] = {
    "resources": check_resources,
    "commands": check_commands,
    "qt": check_qt,
    "keras": check_keras,
}
