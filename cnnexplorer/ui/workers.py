"""The one way to run long work off the GUI thread.

A long job is a plain function ``fn(*args, progress=..., cancel=..., **kwargs)``
(see ``core/progress.py``). :class:`Task` runs it on a ``QThread`` and turns
what happens into signals on the GUI thread:

- ``events(list)``: the :class:`~cnnexplorer.core.progress.Progress` reports
  since the last delivery, at most one delivery per ``throttle_ms`` so a fast
  training loop cannot flood the event loop; none is dropped;
- ``finished(result)``, ``failed(exception)``, ``cancelled()``: exactly one of
  them, after the last ``events``;
- ``done()``: after that one, always.

Cancel sets the job's ``threading.Event``; the job stops at its next check.
A thread is never terminated: :func:`stop_all` (called when the window closes)
cancels every live task and waits for it. Connect these signals to methods
decorated with ``@Slot`` on GUI objects (not to lambdas: PySide6 has crashed
on cross-thread lambdas).
"""
from __future__ import annotations

import gc
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from cnnexplorer.core.progress import Cancelled, Progress

_LIVE: set[Task] = set()


class _GuiThreadCollector(QObject):
    """Run Python's cyclic garbage collector on the GUI thread only.

    With automatic collection, a collection can start on whichever thread
    happens to allocate — a worker in the middle of training — and finalise Qt
    objects there, which crashes Qt (seen here: a segfault "Garbage-collecting"
    inside a worker). pyqtgraph's GarbageCollector uses the same remedy:
    disable automatic collection and collect from a GUI-thread timer, each
    generation when its counter passes its threshold.

    Every 100 ms, not less often: the pause is proportional to what has piled
    up since the last collection. While a worker traces a big model (VGG16),
    survivors pile up fast, and at 500 ms a generation-1 collection on the GUI
    thread took 16-50 ms (benchmarks/viz_gui_latency.py --why).
    """

    def __init__(self, interval_ms: int = 100) -> None:
        super().__init__()
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    @Slot()
    def collect(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.threshold[generation]:
                gc.collect(generation)
                return


_collector: _GuiThreadCollector | None = None


# How long a thread may keep the GIL while another one waits for it (Python's default: 5 ms).
SWITCH_INTERVAL_S = 0.001


def collect_garbage_on_gui_thread() -> None:
    """Install the GUI-thread collector once (called from the GUI thread before any worker starts).

    Also shortens Python's thread switch interval: a worker running Python code
    (Keras building or tracing a model) keeps the GIL up to the switch interval
    each time the GUI thread asks for it, and the GUI thread asks at every
    return from Qt into Python (each slot, timer and paintEvent of one event
    loop pass), so waits of 5 ms add up to gaps over 50 ms. With 1 ms the
    Visualize tab's worst gap on VGG16 fell from 58-79 ms to 35-49 ms, and
    training (benchmarks/training_overhead.py) was not slower.
    """
    global _collector
    if _collector is None:
        _collector = _GuiThreadCollector()
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)


class _Runner(QObject):
    """Lives on the worker thread; calls the job and reports how it ended."""

    wake = Signal()
    ended = Signal(str, object)  # ("finished" | "failed" | "cancelled", result or exception)

    def __init__(self, task: Task, fn: Callable, args: tuple, kwargs: dict) -> None:
        super().__init__()
        self._task = task
        self._fn, self._args, self._kwargs = fn, args, kwargs

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(*self._args, progress=self._task._push, cancel=self._task.cancel_event, **self._kwargs)
        except Cancelled:
            self.ended.emit("cancelled", None)
        except BaseException as exc:  # every failure must become a signal, never escape the thread
            exc.formatted_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self.ended.emit("failed", exc)
        else:
            if self._task.cancel_event.is_set():
                self.ended.emit("cancelled", result)
            else:
                self.ended.emit("finished", result)
        finally:
            # Quit from here, not from the GUI thread's slot: stop_all() blocks the GUI
            # thread in QThread.wait(), so a quit queued to it would never run.
            QThread.currentThread().quit()


class Task(QObject):
    """Run ``fn`` on its own thread with progress, cancel and error signals."""

    events = Signal(list)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    def __init__(self, fn: Callable[..., Any], *args: Any, throttle_ms: int = 100, name: str = "",
                 parent: QObject | None = None, **kwargs: Any) -> None:
        super().__init__(parent)
        self.name = name or getattr(fn, "__name__", "task")
        self.cancel_event = threading.Event()
        self.throttle_s = throttle_ms / 1000.0
        self.result: Any = None
        self.error: BaseException | None = None
        self.outcome: str | None = None
        self._lock = threading.Lock()
        self._pending: list[Progress] = []
        self._wake_sent = False
        self._last_delivery = 0.0
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self._flush)
        self._thread = QThread()
        self._thread.setObjectName(f"cnnexplorer-{self.name}")
        self._runner = _Runner(self, fn, args, kwargs)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.wake.connect(self._on_wake)
        self._runner.ended.connect(self._on_ended)
        self._started = False

    # -- control (GUI thread) -------------------------------------------------
    def start(self) -> Task:
        collect_garbage_on_gui_thread()
        _LIVE.add(self)
        self._started = True
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.cancel_event.set()

    def is_running(self) -> bool:
        return self._started and self.outcome is None

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the thread has stopped (used at shutdown and in tests)."""
        return self._thread.wait(timeout_ms)

    # -- worker thread -> GUI thread -----------------------------------------
    def _push(self, event: Progress) -> None:
        """Called by the job on the worker thread for every progress report."""
        with self._lock:
            self._pending.append(event)
            if self._wake_sent:
                return
            self._wake_sent = True
        self._runner.wake.emit()

    @Slot()
    def _on_wake(self) -> None:
        wait = self.throttle_s - (time.monotonic() - self._last_delivery)
        if wait <= 0:
            self._flush()
        elif not self._flush_timer.isActive():
            self._flush_timer.start(int(wait * 1000) + 1)

    @Slot()
    def _flush(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, []
            self._wake_sent = False
        if batch:
            self._last_delivery = time.monotonic()
            self.events.emit(batch)

    @Slot(str, object)
    def _on_ended(self, outcome: str, value: Any) -> None:
        self._flush_timer.stop()
        self._flush()
        self._thread.quit()
        self._thread.wait()
        self.outcome = outcome
        _LIVE.discard(self)
        if outcome == "finished":
            self.result = value
            self.finished.emit(value)
        elif outcome == "failed":
            self.error = value
            self.failed.emit(value)
        else:
            self.result = value
            self.cancelled.emit()
        self.done.emit()


def _alive(task: Task) -> bool:
    if shiboken6.isValid(task):
        return task.is_running()
    # Deleted with its parent (a view closed and deleted while it worked) before its end was delivered: its
    # thread, which the Python object still holds, is what counts; once that has stopped, forget the task.
    running = shiboken6.isValid(task._thread) and task._thread.isRunning()
    if not running:
        _LIVE.discard(task)
    return running


def live_tasks() -> list[Task]:
    """Tasks started and not yet ended (also those whose view was deleted while their thread still runs)."""
    return [t for t in list(_LIVE) if _alive(t)]


def stop_all(timeout_ms: int = 30000) -> bool:
    """Cancel every live task and wait for its thread; True if all stopped in time."""
    tasks = live_tasks()
    for task in tasks:
        task.cancel_event.set()  # a plain Python event: safe even when the task's QObject was deleted
    ok = True
    for task in tasks:
        ok = task._thread.wait(timeout_ms) and ok
    live_tasks()  # forgets the deleted ones whose thread has now stopped
    return ok


class TaskSlot(QObject):
    """A view's one place for background work: at most one task current at a time.

    - :meth:`start` cancels the current task (if any) and starts a new one; the
      superseded task's ``events``/``finished``/``failed``/``cancelled`` never reach
      the view, only the current task's do, re-emitted by the slot's own signals.
    - :meth:`request` is "run with the newest inputs when free": while a task
      runs it remembers only the latest call (earlier ones are dropped) and
      starts it after the current task's ``done``; when idle it starts at once.
    - :meth:`shutdown` is the one way a view waits for its work (tests and
      window close call it); nothing starts in a slot after it.

    Connect the slot's signals once, in the view's ``__init__``; the tasks come
    and go behind them. This replaces per-view ``if self.sender() is not
    self._task`` checks and "run again" flags (Orange's ``ConcurrentMixin``
    and napari's thread workers hold the same idea).
    """

    events = Signal(list)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()
    running_changed = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None, throttle_ms: int = 100) -> None:
        super().__init__(parent)
        self.name = name
        self.throttle_ms = throttle_ms
        self._task: Task | None = None
        self._queued: tuple[Callable[..., Any], tuple, dict] | None = None
        self._closed = False

    @property
    def task(self) -> Task | None:
        """The current (or last) task; None before the first start."""
        return self._task

    @property
    def result(self) -> Any:
        return self._task.result if self._task is not None else None

    @property
    def outcome(self) -> str | None:
        """How the current (or last) task ended: "finished", "failed", "cancelled", or None while running/never run."""
        return self._task.outcome if self._task is not None else None

    def is_running(self) -> bool:
        return self._task is not None and self._task.is_running()

    def is_busy(self) -> bool:
        """Running, or a request is waiting to run."""
        return self.is_running() or self._queued is not None

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Task | None:
        """Cancel the current task and start ``fn(*args, progress=, cancel=, **kwargs)``; None after shutdown."""
        if self._closed:
            return None
        self._queued = None
        old = self._task
        if old is not None and old.is_running():
            old.cancel()
        task = Task(fn, *args, throttle_ms=self.throttle_ms, name=self.name, parent=self, **kwargs)
        task.events.connect(self._on_events)
        task.finished.connect(self._on_finished)
        task.failed.connect(self._on_failed)
        task.cancelled.connect(self._on_cancelled)
        task.done.connect(self._on_done)
        self._task = task
        if old is not None and not old.is_running():
            old.deleteLater()  # ended: nothing refers to it any more
        task.start()
        self.running_changed.emit(True)
        return task

    def request(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Start now if idle; otherwise run this call (and only the newest one) when the current task is done."""
        if self._closed:
            return
        if self.is_running():
            self._queued = (fn, args, kwargs)
        else:
            self.start(fn, *args, **kwargs)

    def cancel(self) -> None:
        """Cancel the current task and drop a queued request; the task still ends with ``cancelled`` (or its result)."""
        self._queued = None
        if self._task is not None:
            self._task.cancel()

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until the current task's thread has stopped (it is not cancelled)."""
        return self._task.wait(timeout_ms) if self._task is not None else True

    def shutdown(self, wait: bool = True, timeout_ms: int = 30000) -> bool:
        """Cancel, drop what is queued, refuse new work and (by default) wait; True if stopped in time."""
        self._closed = True
        self.cancel()
        return self.wait(timeout_ms) if wait else True

    def reopen(self) -> None:
        """Accept work again after :meth:`shutdown` (a view that outlives a close, e.g. in tests)."""
        self._closed = False

    # -- forwarding: only the current task's signals reach the view -----------
    def _is_current(self) -> bool:
        return self.sender() is self._task

    @Slot(list)
    def _on_events(self, batch: list) -> None:
        if self._is_current():
            self.events.emit(batch)

    @Slot(object)
    def _on_finished(self, result: Any) -> None:
        if self._is_current():
            self.finished.emit(result)

    @Slot(object)
    def _on_failed(self, error: Any) -> None:
        if self._is_current():
            self.failed.emit(error)

    @Slot()
    def _on_cancelled(self) -> None:
        if self._is_current():
            self.cancelled.emit()

    @Slot()
    def _on_done(self) -> None:
        sender = self.sender()
        if sender is not self._task:
            if isinstance(sender, Task):
                sender.deleteLater()
            return
        queued, self._queued = self._queued, None
        self.done.emit()
        if self.is_running():  # a view's done handler started the next task itself
            return
        if queued is not None and not self._closed:
            fn, args, kwargs = queued
            self.start(fn, *args, **kwargs)
        else:
            self.running_changed.emit(False)
