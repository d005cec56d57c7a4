"""Runs as data: one training (or pretrained, or lesson) run as a plain record, and a folder of them.

A :class:`Run` is what a class compares afterwards: the model's name and
parameter count, the dataset, the settings, the per-epoch history, the test
metrics and how long it took. It round-trips through JSON (``format`` and
``version`` fields, so a later app can read today's files), and it knows a few
derived measures (best validation accuracy, the final train−validation
accuracy gap). The Training tab, the Pretrained tab, the lessons and
``cnnexplorer train --history`` all write this one format.

:class:`RunStore` keeps one JSON file per run in a folder. Reading is bounded
and forgiving: a corrupt, foreign or oversized file is skipped with a note in
:attr:`RunStore.skipped` and never stops the others from loading. Writing goes
through :mod:`cnnexplorer.core.files` (atomic). No Qt, no TensorFlow here.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import math
import os
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnnexplorer.core.bounded import load_json, read_json_file
from cnnexplorer.core.errors import UserError
from cnnexplorer.core.files import short_path, write_text
from cnnexplorer.core.i18n import translate

FORMAT = "cnnexplorer-run"
VERSION = 1
KINDS = ("training", "pretrained", "lesson")
HISTORY_KEYS = ("loss", "accuracy", "val_loss", "val_accuracy")
# A run of 1,000 epochs with a dozen metrics is ~200 kB of JSON; anything far larger is not a run file.
MAX_RUN_FILE_BYTES = 4_000_000
MAX_NAME_LENGTH = 200
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")


class RunFileError(UserError):
    """A run file cannot be read (damaged, too large, not a run, or from a newer app)."""


_last_id_time: _dt.datetime | None = None


def new_run_id(when: _dt.datetime | None = None) -> str:
    """A file-name-safe id that sorts by creation time: ``20261206-083751-042117-a1b2`` (µs, then random)."""
    global _last_id_time
    if when is None:
        when = _dt.datetime.now(_dt.timezone.utc)
        if _last_id_time is not None and when <= _last_id_time:  # two runs in the same microsecond keep their order
            when = _last_id_time + _dt.timedelta(microseconds=1)
        _last_id_time = when
    return when.strftime("%Y%m%d-%H%M%S-%f-") + secrets.token_hex(2)


def now_iso() -> str:
    """The current time as ISO 8601 in UTC, to the second."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def format_duration(seconds: float) -> str:
    """A duration as people say it: "42 s", "3 min 05 s", "1 h 02 min" (translated)."""
    if seconds is None or not math.isfinite(seconds):
        return "…"
    seconds = int(round(seconds))
    if seconds < 60:
        return translate("runs", "{seconds} s").format(seconds=seconds)
    minutes, sec = divmod(seconds, 60)
    if minutes < 60:
        return translate("runs", "{minutes} min {seconds:02d} s").format(minutes=minutes, seconds=sec)
    hours, minutes = divmod(minutes, 60)
    return translate("runs", "{hours} h {minutes:02d} min").format(hours=hours, minutes=minutes)


def _number(value: Any) -> float:
    """A JSON value as a float; null, non-numbers and non-finite values become NaN."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return math.nan
    value = float(value)
    return value if math.isfinite(value) else math.nan


def _optional_number(value: Any) -> float | None:
    number = _number(value)
    return None if math.isnan(number) else number


def _json_number(value: float | None) -> float | None:
    """JSON has no NaN: non-finite numbers are written as null."""
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _finite(values: Iterable[float]) -> list[float]:
    return [v for v in values if v is not None and math.isfinite(v)]


@dataclass
class Run:
    """One run, as it is stored and compared.

    ``history`` holds per-epoch lists (``loss``, ``accuracy``, ``val_loss``,
    ``val_accuracy``; NaN where a value is missing). ``settings`` is the
    TrainingConfig as a dict plus free-form extras (``method``,
    ``learning_rate``...). ``test`` holds ``test_loss``/``test_accuracy`` when
    the run was tested. ``stopped`` is True for a run stopped before its end.
    """

    name: str
    id: str = field(default_factory=new_run_id)
    model_name: str = ""
    parameters: int | None = None
    dataset: str = ""
    settings: dict[str, Any] = field(default_factory=dict)
    history: dict[str, list[float]] = field(default_factory=dict)
    test: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0
    started_at: str = field(default_factory=now_iso)
    stopped: bool = False
    stop_reason: str = ""
    model_path: str | None = None
    kind: str = "training"
    class_names: list[str] = field(default_factory=list)

    # -- derived measures -------------------------------------------------------------
    @property
    def epochs(self) -> int:
        """Epochs with a recorded result (the longest per-epoch list)."""
        return max((len(v) for v in self.history.values()), default=0)

    @property
    def test_accuracy(self) -> float | None:
        return _optional_number(self.test.get("test_accuracy"))

    @property
    def test_loss(self) -> float | None:
        return _optional_number(self.test.get("test_loss"))

    @property
    def best_val_accuracy(self) -> float | None:
        values = _finite(self.history.get("val_accuracy", []))
        return max(values) if values else None

    @property
    def final_gap(self) -> float | None:
        """Final training accuracy minus final validation accuracy (None without both)."""
        acc = _finite(self.history.get("accuracy", []))
        val = _finite(self.history.get("val_accuracy", []))
        if not acc or not val:
            return None
        return acc[-1] - val[-1]

    @property
    def finished(self) -> bool:
        return not self.stopped

    def model_missing(self) -> bool:
        """True when the run names a model file that is no longer there (its history still shows)."""
        return bool(self.model_path) and not Path(str(self.model_path)).is_file()

    def summary(self) -> dict[str, Any]:
        """The comparison-table numbers as plain JSON-safe values (also the lessons' ``runs`` entries)."""
        return {
            "name": self.name,
            "model": self.model_name,
            "parameters": self.parameters,
            "dataset": self.dataset,
            "epochs": self.epochs,
            "seconds": round(float(self.seconds), 3),
            "best_val_accuracy": _json_number(self.best_val_accuracy),
            "test_accuracy": _json_number(self.test_accuracy),
            "test_loss": _json_number(self.test_loss),
            "train_val_gap": _json_number(self.final_gap),
            "stopped": self.stopped,
        }

    # -- JSON ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "model": self.model_name,
            "parameters": self.parameters,
            "dataset": self.dataset,
            "class_names": list(self.class_names),
            "settings": _json_safe(self.settings),
            "history": {k: [_json_number(v) for v in values] for k, values in self.history.items()},
            "test": {k: _json_number(v) for k, v in self.test.items()},
            "seconds": round(float(self.seconds), 3),
            "started_at": self.started_at,
            "stopped": bool(self.stopped),
            "stop_reason": self.stop_reason,
            "model_path": self.model_path,
            # A few derived numbers for readers that are not this app (scripts, spreadsheets).
            "summary": self.summary(),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_dict(cls, data: Any) -> Run:
        """Read a run; raises :class:`RunFileError` with one sentence when it is not one.

        Also reads the history file older versions of ``cnnexplorer train --history`` wrote
        (``history``, ``config``, ``dataset``, ``model`` and test numbers at the top level).
        """
        if not isinstance(data, dict):
            raise RunFileError(translate("runs", "This is not a run: the file does not hold a JSON object."))
        fmt = data.get("format")
        if fmt is None and isinstance(data.get("history"), dict) and "config" in data:
            return cls._from_legacy(data)
        if fmt != FORMAT:
            raise RunFileError(translate("runs", "This file does not hold a CNN Explorer run (its 'format' field "
                                                 "differs)."))
        version = data.get("version", VERSION)
        if not isinstance(version, int) or version > VERSION:
            raise RunFileError(translate("runs", "This run was saved by a newer CNN Explorer (version {version}); "
                                                 "update the app to open it.").format(version=version))
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RunFileError(translate("runs", "This run has no name; the file may be damaged."))
        history = _read_history(data.get("history", {}))
        run_id = data.get("id")
        kind = data.get("kind", "training")
        parameters = data.get("parameters")
        settings = data.get("settings", {})
        test = data.get("test", {})
        names = data.get("class_names", [])
        return cls(
            name=name.strip()[:MAX_NAME_LENGTH],
            id=run_id if isinstance(run_id, str) and _ID_PATTERN.match(run_id) else new_run_id(),
            model_name=str(data.get("model", "") or ""),
            parameters=int(parameters) if isinstance(parameters, int) and not isinstance(parameters, bool) else None,
            dataset=str(data.get("dataset", "") or ""),
            settings=dict(settings) if isinstance(settings, dict) else {},
            history=history,
            test={str(k): _number(v) for k, v in test.items()} if isinstance(test, dict) else {},
            seconds=max(0.0, _optional_number(data.get("seconds")) or 0.0),
            started_at=str(data.get("started_at", "") or ""),
            stopped=bool(data.get("stopped", False)),
            stop_reason=str(data.get("stop_reason", "") or ""),
            model_path=str(data["model_path"]) if isinstance(data.get("model_path"), str) else None,
            kind=kind if kind in KINDS else "training",
            class_names=[str(n) for n in names] if isinstance(names, list) else [],
        )

    @classmethod
    def _from_legacy(cls, data: dict) -> Run:
        model = str(data.get("model", "") or "")
        dataset = str(data.get("dataset", "") or "")
        config = data.get("config")
        test = {k: _number(data[k]) for k in ("test_loss", "test_accuracy") if k in data}
        return cls(
            name=f"{model} · {dataset}" if model and dataset else (model or dataset or "run"),
            model_name=model, dataset=dataset, settings=dict(config) if isinstance(config, dict) else {},
            history=_read_history(data.get("history", {})), test=test,
            seconds=_optional_number(data.get("seconds")) or 0.0, started_at="",
            stopped=bool(data.get("cancelled", False)), stop_reason=str(data.get("stop_reason", "") or ""),
            model_path=str(data["model_file"]) if isinstance(data.get("model_file"), str) else None,
        )

    @classmethod
    def from_json(cls, text: str) -> Run:
        return cls.from_dict(load_json(text, translate("runs", "the run file"), max_bytes=MAX_RUN_FILE_BYTES,
                                       error=RunFileError))

    def continued(self, more: Run) -> Run:
        """This run followed by ``more`` (its Continue on the same model): one history, one record, same id."""
        history = {k: list(v) for k, v in self.history.items()}
        for key, values in more.history.items():
            history[key] = history.get(key, [math.nan] * self.epochs) + list(values)
        settings = dict(self.settings)
        settings["epochs"] = self.epochs + more.epochs
        return dataclasses.replace(self, history=history, test=dict(more.test), seconds=self.seconds + more.seconds,
                                   stopped=more.stopped, stop_reason=more.stop_reason, settings=settings)

    def renamed(self, name: str) -> Run:
        return dataclasses.replace(self, name=clean_name(name))


def clean_name(name: str) -> str:
    """A run name as stored: one line, trimmed, not empty, at most 200 characters."""
    text = " ".join(str(name).split())[:MAX_NAME_LENGTH]
    if not text:
        raise UserError(translate("runs", "A run needs a name; type at least one character."))
    return text


def _read_history(raw: Any) -> dict[str, list[float]]:
    if not isinstance(raw, dict):
        raise RunFileError(translate("runs", "The run's history is not a table of per-epoch numbers; the file may "
                                             "be damaged."))
    history: dict[str, list[float]] = {}
    for key, values in raw.items():
        if not isinstance(values, list):
            raise RunFileError(translate("runs", "The run's history is not a table of per-epoch numbers; the file "
                                                 "may be damaged."))
        history[str(key)] = [_number(v) for v in values]
    return history


def _json_safe(value: Any, depth: int = 0) -> Any:
    """Settings as JSON: non-finite floats become null, unknown objects their text (never a crash on save)."""
    if depth > 20:
        return None
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, (str, int, bool)):
        return value
    if isinstance(value, dict):
        return {str(k): _json_safe(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v, depth + 1) for v in value]
    if hasattr(value, "to_dict"):
        return _json_safe(value.to_dict(), depth + 1)
    if hasattr(value, "item"):  # numpy scalars
        try:
            return _json_safe(value.item(), depth + 1)
        except (TypeError, ValueError):
            pass
    return str(value)


def read_run_file(path: str | Path, limit: int = MAX_RUN_FILE_BYTES) -> Run:
    """Read one run file within ``limit`` bytes (checked before reading); :class:`RunFileError` says why not."""
    data = read_json_file(path, translate("runs", "the run file"), max_bytes=limit, error=RunFileError)
    return Run.from_dict(data)


def write_run_file(run: Run, path: str | Path) -> Path:
    """Write ``run`` as JSON to ``path`` (atomic, through core.files)."""
    return write_text(path, run.to_json() + "\n")


class RunStore:
    """A folder of runs, one ``ID.json`` file each.

    :meth:`list` reads every run it can; files it cannot use are listed in
    :attr:`skipped` as ``(file name, reason)`` and otherwise ignored.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.skipped: list[tuple[str, str]] = []

    def path_of(self, run_id: str) -> Path:
        if not _ID_PATTERN.match(run_id or ""):
            raise UserError(translate("runs", "{id} is not a run id.").format(id=repr(run_id)))
        return self.folder / f"{run_id}.json"

    def list(self) -> list[Run]:
        """Every readable run, oldest first; unreadable files go to :attr:`skipped`."""
        self.skipped = []
        try:
            entries = [e for e in os.scandir(self.folder) if e.name.endswith(".json") and not e.name.startswith(".")]
        except FileNotFoundError:
            return []
        except OSError as exc:
            self.skipped.append((str(self.folder), exc.strerror or exc.__class__.__name__))
            return []
        runs: list[Run] = []
        for entry in sorted(entries, key=lambda e: e.name):
            try:
                if not entry.is_file():
                    continue
                run = read_run_file(entry.path)
            except (RunFileError, OSError) as exc:
                self.skipped.append((entry.name, str(exc)))
                continue
            stem = entry.name[:-len(".json")]
            if _ID_PATTERN.match(stem):
                run.id = stem  # the file name is the id the store renames and deletes by
            runs.append(run)
        runs.sort(key=lambda r: (r.started_at, r.id))
        return runs

    def skipped_note(self) -> str:
        """One sentence about the files :meth:`list` skipped ("" when none)."""
        if not self.skipped:
            return ""
        names = ", ".join(name for name, _ in self.skipped[:3]) + (" …" if len(self.skipped) > 3 else "")
        return translate("runs", "{count} run file(s) could not be read and were skipped: {names}.").format(
            count=len(self.skipped), names=names)

    def get(self, run_id: str) -> Run:
        return read_run_file(self.path_of(run_id))

    def save(self, run: Run) -> Path:
        """Write (or overwrite) ``run``'s file; creates the folder when needed."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            from cnnexplorer.core.files import write_error

            raise write_error(self.folder, exc) from None
        return write_run_file(run, self.path_of(run.id))

    def rename(self, run_id: str, name: str) -> Run:
        run = self.get(run_id).renamed(name)
        run.id = run_id
        self.save(run)
        return run

    def delete(self, run_id: str) -> None:
        try:
            self.path_of(run_id).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise UserError(translate("runs", "Could not delete the run file {path} ({reason}).").format(
                path=short_path(self.path_of(run_id)), reason=exc.strerror or exc.__class__.__name__)) from None

    def import_file(self, path: str | Path) -> Run:
        """Copy a run file (e.g. from ``cnnexplorer train --history``) into the store; a fresh id if it clashes."""
        run = read_run_file(path)
        if self.path_of(run.id).exists():
            run.id = new_run_id()
        self.save(run)
        return run
