"""The progress/cancel protocol shared by every long-running function.

A long job is a plain function::

    def run_something(..., progress: ProgressFn | None = None,
                      cancel: threading.Event | None = None) -> Result

It calls ``progress(Progress(...))`` as it goes and calls
:func:`check_cancel` at least once per batch or step. ``ui/workers.py`` runs
such a function on a thread and turns these calls into Qt signals; the command
line passes a printer. Nothing here knows about Qt.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class Cancelled(Exception):
    """Raised inside a job when its cancel event is set; the job stops cleanly."""


@dataclass(frozen=True)
class Progress:
    """One progress report.

    ``kind`` lets a consumer tell event types apart ("batch", "epoch",
    "download", "item", "done" ...); ``step``/``total`` drive a progress bar
    (``total`` 0 means unknown); ``metrics`` carries numbers such as loss;
    ``payload`` carries a partial result (e.g. one finished filter pattern).
    """

    kind: str = "step"
    step: int = 0
    total: int = 0
    message: str = ""
    metrics: dict[str, float] = field(default_factory=dict)
    payload: Any = None

    @property
    def fraction(self) -> float | None:
        return self.step / self.total if self.total > 0 else None


ProgressFn = Callable[[Progress], None]


def check_cancel(cancel: threading.Event | None) -> None:
    """Raise :class:`Cancelled` if the job was asked to stop."""
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def report(progress: ProgressFn | None, *args: Any, **kwargs: Any) -> None:
    """Send a :class:`Progress` if anyone listens (saves ``if progress:`` everywhere)."""
    if progress is not None:
        progress(Progress(*args, **kwargs))
