"""The one way the app writes a file: atomic, checked, and explained when it fails.

Every output (models, designs, configs, scripts, PNG/CSV/JSON exports, runs,
settings exports) goes through :func:`write_bytes`, :func:`write_text` or, for
writers that insist on a file name of their own (``model.save``,
``figure.savefig``), :func:`atomic_path`:

1. the data goes to a temporary file in the target's folder (same file system,
   so the final rename is atomic), named ``.NAME.cnnexplorer-tmp-XXXX.SUFFIX``
   (the suffix kept: Keras and matplotlib choose the format from it);
2. every write is checked, then ``flush`` and ``fsync``;
3. the temporary file is renamed over the target, so the target is either the
   previous file or the complete new one, never half of either;
4. on any failure the temporary file is removed, the previous file stays, and
   a :class:`FileWriteError` says why in one sentence (disk full, read-only,
   is a folder, no permission...).

:func:`check_writable` lets a long job (training) find out *before* it starts
that its output cannot be written. :func:`remove_stale_temporaries` deletes
temporary files a killed process of ours left behind (an hour old or more);
every successful write runs it for its own target.
"""
from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.i18n import translate

TEMP_MARK = ".cnnexplorer-tmp-"


class FileWriteError(UserError):
    """A file could not be written; the previous file (if any) is unchanged."""


def _reason(exc: OSError) -> str:
    """One short phrase for why an OS call failed, translated."""
    code = getattr(exc, "errno", None)
    reasons = {
        errno.ENOSPC: translate("files", "the disk is full"),
        errno.EDQUOT: translate("files", "the disk quota is used up"),
        errno.EFBIG: translate("files", "the file is larger than this system allows"),
        errno.EROFS: translate("files", "the disk is read-only"),
        errno.EACCES: translate("files", "permission denied"),
        errno.EPERM: translate("files", "permission denied"),
        errno.EISDIR: translate("files", "it is a folder"),
        errno.ENOENT: translate("files", "its folder does not exist"),
        errno.ENOTDIR: translate("files", "part of its path is not a folder"),
        errno.ENAMETOOLONG: translate("files", "the name is too long"),
    }
    if code in reasons:
        return reasons[code]
    return exc.strerror or exc.__class__.__name__


def write_error(path: str | Path, exc: OSError) -> FileWriteError:
    """The one sentence for a failed write of ``path``."""
    return FileWriteError(translate("files", "Could not write {path}: {reason}. Nothing was changed.")
                          .format(path=short_path(path), reason=_reason(exc)))


def unwritable_error(path: str | Path, exc: OSError) -> FileWriteError:
    """The one sentence when a check before a long job finds ``path`` cannot be written."""
    return FileWriteError(translate("files", "{path} cannot be written: {reason}. Choose another file or folder; "
                                             "nothing was started.")
                          .format(path=short_path(path), reason=_reason(exc)))


class FileTooLarge(Exception):
    """:func:`read_capped` found more than its cap; ``size`` is what the file holds (at least)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def read_capped(path: str | bytes | os.PathLike, cap: int) -> bytes:
    """The file's bytes if it holds at most ``cap`` bytes, else :class:`FileTooLarge` before anything is read.

    The one bounded read of a whole file (images, JSON, folders): plain ``os.read`` of the size ``fstat``
    gives, so there is no buffered file object and no buffer of the cap's size (``f.read(cap)`` allocates
    it); a file that grows while it is read is still cut at the cap. ``OSError`` (missing, a folder,
    no permission) is raised as the system gives it, for the caller's own sentence.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        want = os.fstat(fd).st_size
        if want > cap:
            raise FileTooLarge(want)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, max(want + 1, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > cap:
                raise FileTooLarge(total)
            want = 0
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def short_path(path: str | bytes | os.PathLike, limit: int | None = 120) -> str:
    """A path for a message, cut in the middle when longer than ``limit`` characters (None: never cut).

    Bytes paths (``os.scandir`` of a bytes folder) and names that are not valid
    UTF-8 are shown with escapes (``\\xe9``) instead of failing to print.
    """
    raw = path if isinstance(path, bytes) else os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace")
    if limit is None or len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[-half:]


def _target(path: str | Path, error=write_error) -> Path:
    p = Path(path)
    if p.is_dir():
        raise error(p, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    return p


def check_writable(path: str | Path) -> None:
    """Raise :class:`FileWriteError` now if ``path`` could not be written later (folder missing, read-only, a folder).

    Creates and removes a small temporary file beside the target, so it checks
    what a real write needs, including permission and a disk that is already full.
    """
    p = _target(path, unwritable_error)
    folder = p.parent if str(p.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}{TEMP_MARK}", suffix=".check", dir=folder)
    except OSError as exc:
        raise unwritable_error(p, exc) from None
    try:
        try:
            os.write(fd, b"\0")
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise unwritable_error(p, exc) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` for a writer that wants a name; rename it over ``path`` after.

    The temporary name keeps the target's suffix (``.weights.h5`` whole). If the block raises, or the
    writer left no file, the temporary file is removed and the target is
    unchanged; OS errors become :class:`FileWriteError`.
    """
    p = _target(path)
    folder = p.parent if str(p.parent) else Path(".")
    suffix = _format_suffix(p)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name[: len(p.name) - len(suffix)]}{TEMP_MARK}", suffix=suffix,
                                        dir=folder)
        os.close(fd)
    except OSError as exc:
        raise write_error(p, exc) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        if not tmp.is_file() or tmp.stat().st_size == 0:
            raise write_error(p, OSError(errno.EIO, translate("files", "nothing was written")))
        _fsync_file(tmp)
        os.replace(tmp, p)
        _fsync_folder(folder)
        # A write of ours that was killed left its temporary beside the target: the next good write removes it.
        remove_stale_temporaries(folder, target=p.name)
    except OSError as exc:
        raise write_error(p, exc) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _temporary_of(name: str, target: str) -> bool:
    """True if ``name`` is a temporary file one of our writes (or an older save) of ``target`` left."""
    base = target[: len(target) - len(_format_suffix(Path(target)))]
    return name.startswith(f".{base}{TEMP_MARK}") or name == f".{base}.saving.keras"


# Suffixes a writer checks whole: Keras' save_weights insists on a name ending in ".weights.h5".
_COMPOUND_SUFFIXES = (".weights.h5",)


def _format_suffix(p: Path) -> str:
    """The end of the name a writer chooses its format from, kept on the temporary file."""
    return next((s for s in _COMPOUND_SUFFIXES if p.name.endswith(s)), p.suffix)


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path. See the module docstring."""
    p = _target(path)
    with atomic_path(p) as tmp:
        try:
            with open(tmp, "wb") as fh:
                view = memoryview(data)
                while view:
                    written = fh.write(view)
                    if not written:
                        raise OSError(errno.EIO, "short write")
                    view = view[written:]
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            raise write_error(p, exc) from None
    return p


def write_text(path: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8 by default); returns the path."""
    return write_bytes(path, text.encode(encoding))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(folder: str | Path, older_than_s: float = 3600.0, target: str | None = None) -> int:
    """Delete our own temporary files in ``folder`` older than ``older_than_s``; returns how many went.

    Only names with :data:`TEMP_MARK` are touched (and the ``.NAME.saving.keras``
    files older versions left), so nothing of the user's is ever removed. With
    ``target`` (a file name), only the temporaries of that file.
    """
    import time

    removed = 0
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        ours = name.startswith(".") and (TEMP_MARK in name or name.endswith(".saving.keras"))
        if not ours:
            continue
        if target is not None and not _temporary_of(name, target):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > older_than_s:
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed
