"""Model files: open (checked, bounded, safe mode), save (atomic, with class names), export for plain Keras.

A ``.keras`` file is a zip archive. Before Keras parses one we check, from the
archive's directory alone, that it holds a ``config.json`` of sane size
(:data:`CONFIG_LIMIT`) and that all members together would fit in memory: a
2 MB file whose ``config.json`` is padded to 1.5 GB of spaces is refused
without reading it.

Class names travel with the model: :func:`save_model_file` adds one extra
member, ``cnnexplorer.json`` (``{"class_names": [...]}``), to the archive.
Keras reads only the members it knows (``config.json``, ``metadata.json``,
``model.weights.h5``, ``assets/``), so plain ``keras.saving.load_model`` opens
the file as if it were not there; :func:`load_model_file` attaches the names
again (``ml.class_names``). In the legacy ``.h5`` export they are an HDF5
attribute of the file's root, which Keras ignores likewise.

Saving goes through ``core.files.atomic_path``: the model is written to a
temporary file beside the target (keeping the ``.keras`` suffix Keras wants)
and renamed over it; a killed save leaves a temporary file that the next save
into that folder removes.
"""
from __future__ import annotations

import errno
import json
import zipfile
from pathlib import Path

from cnnexplorer.core.bounded import MAX_MODEL_CONFIG_BYTES, load_json
from cnnexplorer.core.errors import ModelFileError
from cnnexplorer.core.i18n import translate
from cnnexplorer.core.shapes import total_memory
from cnnexplorer.core.units import byte_size
from cnnexplorer.ml.class_names import attach_class_names, class_names

CONFIG_LIMIT = MAX_MODEL_CONFIG_BYTES  # bytes of config.json (32 MB): real models have a few hundred kB
NAMES_MEMBER = "cnnexplorer.json"
NAMES_LIMIT = 4 * 1024 * 1024
H5_NAMES_ATTRIBUTE = "cnnexplorer_class_names"
EXPORT_FORMATS = (".keras", ".h5")


def _first_line(text: str) -> str:
    text = text.strip()
    return (text.splitlines()[0] if text else translate("build", "no details"))[:200]


def _not_readable(p: Path, reason: str, in_brackets: bool = False) -> str:
    """"<file> is not a readable Keras model: <reason>." (or "(<reason>)") and how to fix it."""
    if in_brackets:
        return translate("build", "{name} is not a readable Keras model ({reason}). The file may be truncated or "
                                  "of another kind; save the model again with model.save('name.keras').").format(
            name=p.name, reason=reason)
    return translate("build", "{name} is not a readable Keras model: {reason}. The file may be truncated or of "
                              "another kind; save the model again with model.save('name.keras').").format(
        name=p.name, reason=reason)


def check_model_path(path: str | Path) -> Path:
    """The path of an existing model file, or :class:`ModelFileError` saying what it is instead."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ModelFileError(translate("model_files", "{path} is a symbolic link that points back to itself (a "
                                                          "loop), not a model file. Choose the model file itself.")
                                 .format(path=p)) from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise ModelFileError(translate("build", "{name} cannot be read ({reason}).")
                                 .format(name=p.name, reason=exc.strerror)) from None
        if p.is_symlink():
            raise ModelFileError(translate("model_files", "{path} is a symbolic link to a file that does not exist. "
                                                          "Choose the model file itself.").format(path=p)) from None
        raise ModelFileError(translate("build", "The model file {path} does not exist.").format(path=p)) from None
    import stat

    if stat.S_ISDIR(st.st_mode):
        raise ModelFileError(translate("model_files", "{path} is a folder, not a model file. Choose a .keras or .h5 "
                                                      "file inside it.").format(path=p))
    if not stat.S_ISREG(st.st_mode):
        raise ModelFileError(translate("model_files", "{path} is not a regular file (a device or a pipe). Choose a "
                                                      ".keras or .h5 file.").format(path=p))
    return p


def check_model_archive(p: Path) -> None:
    """Refuse files that cannot be models, or would take more memory than this computer has, before Keras reads them.

    Only the zip directory is read: the sizes it declares are the sizes
    Python's zip reader will produce at most.
    """
    try:
        with open(p, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise ModelFileError(translate("build", "{name} cannot be read ({reason}).")
                             .format(name=p.name, reason=exc.strerror)) from None
    suffix = p.suffix.lower()
    if suffix == ".h5" or (suffix != ".keras" and head == b"\x89HDF\r\n\x1a\n"):
        if head != b"\x89HDF\r\n\x1a\n":
            raise ModelFileError(_not_readable(p, translate("build", "it is not an HDF5 file")))
        return
    try:
        with zipfile.ZipFile(p) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ModelFileError(_not_readable(p, translate(
            "build", "a .keras file is a zip archive, and this one is damaged or is not one"))) from None
    by_name = {i.filename: i for i in infos}
    if "config.json" not in by_name:
        raise ModelFileError(_not_readable(p, translate(
            "build", "the archive holds no model configuration (config.json)")))
    config_size = by_name["config.json"].file_size
    if config_size > CONFIG_LIMIT:
        raise ModelFileError(_not_readable(p, translate(
            "model_files", "its model configuration (config.json) would unpack to {size}, far more than any real "
                           "model's (at most {limit}); it was not opened").format(size=byte_size(config_size),
                                                                                 limit=byte_size(CONFIG_LIMIT))))
    try:
        with zipfile.ZipFile(p) as z:
            config = z.read("config.json")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
        raise ModelFileError(_not_readable(p, exc.__class__.__name__, True)) from None
    # nesting depth, absurd numbers, non-UTF-8: refused with one sentence before Keras' parser sees them
    load_json(config, translate("build", "the model file {name}'s configuration").format(name=p.name),
              max_bytes=CONFIG_LIMIT, error=ModelFileError)
    total = sum(i.file_size for i in infos)
    memory = total_memory()
    if memory is not None and total > memory // 2:
        raise ModelFileError(translate(
            "model_files", "{name} would unpack to {size}, more than half of this computer's memory ({memory}); it "
                           "was not opened.").format(name=p.name, size=byte_size(total), memory=byte_size(memory)))


def read_class_names(path: str | Path) -> list[str] | None:
    """The class names saved in a model file by CNN Explorer, or None."""
    p = Path(path)
    try:
        if zipfile.is_zipfile(p):
            with zipfile.ZipFile(p) as z:
                if NAMES_MEMBER not in z.namelist() or z.getinfo(NAMES_MEMBER).file_size > NAMES_LIMIT:
                    return None
                payload = load_json(z.read(NAMES_MEMBER), NAMES_MEMBER, NAMES_LIMIT)
                names = payload.get("class_names") if isinstance(payload, dict) else None
        else:
            import h5py

            with h5py.File(p, "r") as f:
                raw = f.attrs.get(H5_NAMES_ATTRIBUTE)
                names = load_json(raw, H5_NAMES_ATTRIBUTE, NAMES_LIMIT) if isinstance(raw, (str, bytes)) else None
    except Exception:
        return None
    if isinstance(names, list) and names and all(isinstance(n, str) for n in names):
        return names
    return None


def load_model_file(path: str | Path):
    """Load a ``.keras``/``.h5`` model in Keras' safe mode; returns (model, path) with class names attached.

    Safe mode refuses files that would run code when loaded (Lambda layers
    hold Python bytecode); the message says so instead of a bare traceback.
    """
    from cnnexplorer.ml.runtime import keras

    p = check_model_path(path)
    check_model_archive(p)
    k = keras()
    # Our own layers (the pretrained bases' in-graph preprocessing, in files saved
    # by older versions) must be registered before Keras reads a file that uses them.
    from cnnexplorer.ml.transfer import register_custom_objects

    register_custom_objects()
    try:
        model = k.saving.load_model(str(p), safe_mode=True, compile=True)
    except ValueError as exc:
        text = str(exc)
        if "Lambda" in text or "safe_mode" in text or "unsafe" in text.lower():
            raise ModelFileError(
                translate("build", "{name} contains a Lambda layer, i.e. Python code that would run when the file is "
                                   "opened. For your safety CNN Explorer opens models in Keras' safe mode, which "
                                   "refuses such files. Rebuild the model without Lambda layers, or open it only in "
                                   "your own trusted script.").format(name=p.name)
            ) from None
        raise ModelFileError(translate("build", "{name} could not be opened as a Keras model ({reason}).")
                             .format(name=p.name, reason=_first_line(text))) from None
    except MemoryError:
        raise ModelFileError(translate("model_files", "{name} is too large to open in this computer's memory.")
                             .format(name=p.name)) from None
    except Exception as exc:
        raise ModelFileError(_not_readable(p, f"{exc.__class__.__name__}: {_first_line(str(exc))}", True)) from None
    names = read_class_names(p)
    if names is not None:
        attach_class_names(model, names)
    return model, str(p)


def _add_names_to_archive(archive: Path, names: list[str]) -> None:
    with zipfile.ZipFile(archive, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(NAMES_MEMBER, json.dumps({"class_names": names}, ensure_ascii=False))


def _add_names_to_h5(path: Path, names: list[str]) -> None:
    import h5py

    with h5py.File(path, "a") as f:
        f.attrs[H5_NAMES_ATTRIBUTE] = json.dumps(names, ensure_ascii=False)


def save_model_file(model, path: str | Path) -> Path:
    """Save as ``.keras`` atomically (see the module docstring), with the model's class names; returns the path.

    Raises ``FileWriteError`` (one sentence) when the file cannot be written.
    """
    target = Path(path)
    if target.suffix != ".keras":
        target = target.with_suffix(".keras")
    return _save(model, target)


def export_model_file(model, path: str | Path) -> Path:
    """Save for plain Keras: ``.keras`` (Keras 3's format) or ``.h5`` (the tutorial's legacy HDF5), by suffix."""
    target = Path(path)
    if target.suffix.lower() not in EXPORT_FORMATS:
        target = target.with_suffix(".keras")
    return _save(model, target)


def _save(model, target: Path) -> Path:
    import warnings

    from cnnexplorer.core.files import atomic_path, remove_stale_temporaries

    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(folder)
    names = class_names(model)
    with atomic_path(target) as tmp:
        tmp.unlink(missing_ok=True)  # Keras refuses to overwrite nothing silently on some versions; start clean
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "HDF5 is legacy": the user asked for it
            model.save(str(tmp))
        if names:
            if target.suffix.lower() == ".h5":
                _add_names_to_h5(tmp, names)
            else:
                _add_names_to_archive(tmp, names)
    return target
