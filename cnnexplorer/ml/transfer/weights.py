"""Where a base's weights come from: ImageNet (Keras' cache, a download, or the bundled file), a local file, random.

Every ImageNet file is checked before Keras reads it: against the hash
keras.applications itself uses for that file, or, where Keras has none
(MobileNet, MobileNetV2), by opening it as a complete HDF5 file. A partial or
corrupt file in the cache is named, removed and fetched again; offline, the
message says what was wrong with it. The bundled MobileNetV2 file is checked
against the SHA-256 recorded in ``resources/weights/SOURCES.md``.

No Keras at import time.
"""
from __future__ import annotations

import hashlib
import os
import threading
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cnnexplorer.core.errors import ModelFileError, UserError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.pretrained_catalog import (
    BUNDLED_LABEL,
    CATALOG,
    IMAGENET_LABEL,
    RANDOM_LABEL,
    Architecture,
)
from cnnexplorer.core.progress import Cancelled, ProgressFn, check_cancel, report
from cnnexplorer.core.units import byte_size

DOWNLOAD_TIMEOUT_S = 20.0  # per socket operation: a dead network fails in seconds, not minutes


@dataclass(frozen=True)
class WeightsSource:
    """Where the base's weights come from: "imagenet", "bundled", "random" or a local "file"."""

    kind: str
    path: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> WeightsSource:
        """"imagenet", "bundled", "random" (or "none"), or the path of a weights file."""
        if text is None or str(text).lower() in ("random", "none", ""):
            return cls("random")
        if str(text).lower() in ("imagenet", "bundled"):
            return cls(str(text).lower())
        return cls("file", str(text))

    def label(self) -> str:
        if self.kind == "imagenet":
            return IMAGENET_LABEL
        if self.kind == "bundled":
            return BUNDLED_LABEL
        if self.kind == "file":
            return translate("transfer", "weights from {name}").format(name=Path(self.path or "").name)
        return RANDOM_LABEL


def keras_models_dir() -> Path:
    """Where Keras caches downloaded weights (``$KERAS_HOME/models`` or ``~/.keras/models``)."""
    base = os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")
    return Path(base) / "models"


def cached_weights(arch: Architecture, input_size: int = 0, include_top: bool = False) -> Path | None:
    """The cached ImageNet weights file, if there is one (not yet checked: see :func:`check_weights_file`)."""
    path = keras_models_dir() / arch.weights_filename(input_size, include_top)
    return path if path.is_file() and path.stat().st_size > 0 else None


def has_imagenet_weights(arch: Architecture, input_size: int = 0) -> bool:
    """True when ImageNet weights need no download: cached by Keras, or bundled with the app."""
    return arch.bundled is not None or cached_weights(arch, input_size) is not None


def default_architecture() -> str:
    """VGG16 (the tutorial's) when its ImageNet weights are cached, else MobileNetV2 (its weights come with the app)."""
    return "vgg16" if cached_weights(CATALOG["vgg16"]) is not None else "mobilenet_v2"


def resolve_source(arch: Architecture, source: WeightsSource, input_size: int = 0,
                   include_top: bool = False) -> WeightsSource:
    """"imagenet" for a network whose weights come with the app, and no sound copy cached by Keras → "bundled"."""
    if source.kind != "imagenet" or arch.bundled is None or include_top:
        return source
    cached = cached_weights(arch, input_size)
    if cached is None or check_weights_file(arch, cached, input_size) is not None:
        return WeightsSource("bundled")
    return source


def bundled_weights_path(arch: Architecture) -> Path:
    """The app's own ImageNet weights file for ``arch``, checked against its recorded SHA-256."""
    from cnnexplorer.core.resources import resource_path

    if arch.bundled is None:
        raise UserError(translate("transfer", "{title} has no ImageNet weights bundled with the app: choose "
                                              "ImageNet (download) or another network.").format(title=arch.title))
    name, sha256 = arch.bundled
    path = resource_path("weights", name)
    if _digest(path, "sha256") != sha256:
        raise ModelFileError(translate("transfer", "The bundled weights file {path} is damaged (its checksum does not "
                                                   "match): reinstall CNN Explorer.").format(path=path))
    return path


_VERIFIED: dict[tuple[str, int, int], bool] = {}  # (path, size, mtime) -> checked: hashing 90 MB once is enough


def _digest(path: Path, algorithm: str) -> str:
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_weights_file(arch: Architecture, path: Path, input_size: int = 0, include_top: bool = False) -> str | None:
    """None if ``path`` is the complete ImageNet weights file, else a short reason why it is not."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if _VERIFIED.get(key):
        return None
    expected = arch.weights_hash(input_size, include_top)
    if expected is not None:
        if _digest(path, "md5") != expected:
            return translate("transfer", "its checksum is not the one Keras publishes for it "
                                         "({size}: partial or damaged)").format(size=byte_size(stat.st_size))
    else:
        reason = _hdf5_problem(path)
        if reason:
            return reason
    _VERIFIED[key] = True
    return None


def _hdf5_problem(path: Path) -> str | None:
    """Open an HDF5 weights file and read every array; a truncated file fails here, not inside Keras."""
    try:
        import h5py

        with h5py.File(path, "r") as f:
            count = 0

            def visit(_name, obj):
                nonlocal count
                if isinstance(obj, h5py.Dataset):
                    obj[()]
                    count += 1

            f.visititems(visit)
        if count == 0:
            return translate("transfer", "it holds no weights")
    except Exception as exc:
        return translate("transfer", "it cannot be read completely ({reason})").format(reason=_reason(exc))
    return None


def offline_message(arch: Architecture, reason: str) -> str:
    return translate(
        "transfer", "The ImageNet weights for {title} could not be downloaded ({reason}). Without a network, choose "
                    "a local weights file (copy {file} from another computer's {folder}) or use random weights."
    ).format(title=arch.title, reason=reason, file=arch.weights_filename(), folder=keras_models_dir())


def imagenet_weights(arch: Architecture, input_size: int = 0, include_top: bool = False,
                     progress: ProgressFn | None = None, cancel: threading.Event | None = None,
                     timeout: float = DOWNLOAD_TIMEOUT_S) -> Path:
    """A checked ImageNet weights file: the cached one if it is sound, else downloaded again."""
    cached = cached_weights(arch, input_size, include_top)
    bad = ""
    if cached is not None:
        report(progress, "download", 0, 0,
               translate("transfer", "Checking the cached weights {name}…").format(name=cached.name))
        problem = check_weights_file(arch, cached, input_size, include_top)
        if problem is None:
            return cached
        bad = translate("transfer", "The cached file {path} was not used: {problem}.").format(path=cached,
                                                                                              problem=problem)
        report(progress, "download", 0, 0, bad + " " + translate("transfer", "Fetching it again."))
        try:
            cached.unlink()
        except OSError:
            pass
    try:
        path = download_imagenet_weights(arch, input_size, include_top, progress, cancel, timeout)
    except UserError as exc:
        raise UserError((bad + " " + str(exc)).strip()) from None
    problem = check_weights_file(arch, path, input_size, include_top)
    if problem is not None:
        path.unlink(missing_ok=True)
        raise ModelFileError(translate("transfer", "The downloaded weights for {title} were not used: {problem}. "
                                                   "Try again later, or use a local weights file.")
                             .format(title=arch.title, problem=problem))
    return path


def download_imagenet_weights(arch: Architecture, input_size: int = 0, include_top: bool = False,
                              progress: ProgressFn | None = None, cancel: threading.Event | None = None,
                              timeout: float = DOWNLOAD_TIMEOUT_S) -> Path:
    """The cached ImageNet weights file, downloading it (with progress and cancel) if needed.

    Keras' own ``get_file`` can neither be cancelled nor report progress to
    us, so we fetch the same file into the same cache folder ourselves. A
    partial file never stays behind (temporary name, then rename).
    """
    cached = cached_weights(arch, input_size, include_top)
    if cached is not None:
        return cached
    url = arch.weights_url(input_size, include_top)
    target = keras_models_dir() / arch.weights_filename(input_size, include_top)
    tmp = target.with_name(target.name + ".part")
    report(progress, "download", 0, 0,
           translate("transfer", "Downloading ImageNet weights for {title}…").format(title=arch.title))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(url, timeout=timeout) as response, open(tmp, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            while True:
                check_cancel(cancel)
                chunk = response.read(1 << 18)
                if not chunk:
                    break
                out.write(chunk)
                done += len(chunk)
                if total:
                    text = translate("transfer", "Downloading {title} weights: {done} of {total}").format(
                        title=arch.title, done=byte_size(done), total=byte_size(total))
                else:
                    text = translate("transfer", "Downloading {title} weights: {done}").format(
                        title=arch.title, done=byte_size(done))
                report(progress, "download", done, total, text)
        if done == 0 or (total and done != total):
            raise OSError(translate("transfer", "received {done} of {total} bytes")
                          .format(done=done, total=total or "?"))
        os.replace(tmp, target)
    except Cancelled:
        raise
    except Exception as exc:
        raise UserError(offline_message(arch, _reason(exc))) from None
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "reason", "") or exc).strip()
    return (text.splitlines()[0] if text else exc.__class__.__name__)[:160]
