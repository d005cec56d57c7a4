"""The one worker pattern: results, throttled progress, errors and cancel reach the GUI thread."""
import threading

from cnnexplorer.core.errors import UserError
from cnnexplorer.core.progress import check_cancel, report
from cnnexplorer.ui import workers


def _count(n, progress=None, cancel=None):
    for i in range(n):
        report(progress, "batch", i + 1, n)
    return threading.current_thread().name


def _fail(progress=None, cancel=None):
    raise UserError("The folder has only one class. Add a second sub-folder.")


def _until_cancelled(started, progress=None, cancel=None):
    started.set()
    while True:
        check_cancel(cancel)
        cancel.wait(0.01)


def test_result_arrives_on_the_gui_thread_with_every_event(qtbot):
    task = workers.Task(_count, 5000, throttle_ms=50)
    received = []
    task.events.connect(received.append)
    with qtbot.waitSignal(task.finished, timeout=10000) as blocker:
        task.start()
    assert blocker.args[0] != threading.current_thread().name  # ran elsewhere
    flat = [e.step for batch in received for e in batch]
    assert flat == list(range(1, 5001))  # nothing dropped, in order
    assert len(received) < 100  # ...but delivered in a few throttled batches, not 5000 signals
    assert task.outcome == "finished" and not task.is_running()


def test_errors_become_the_failed_signal(qtbot):
    task = workers.Task(_fail)
    with qtbot.waitSignal(task.failed, timeout=10000) as blocker:
        task.start()
    assert isinstance(blocker.args[0], UserError)
    assert "only one class" in str(blocker.args[0])


def test_cancel_stops_the_job_and_the_thread(qtbot):
    started = threading.Event()
    task = workers.Task(_until_cancelled, started)
    with qtbot.waitSignal(task.cancelled, timeout=10000):
        task.start()
        assert started.wait(10)
        task.cancel()
    assert task.wait(5000)
    assert workers.live_tasks() == []


def test_stop_all_ends_every_live_task(qtbot):
    tasks = []
    for _ in range(3):
        started = threading.Event()
        tasks.append((workers.Task(_until_cancelled, started).start(), started))
    for _, started in tasks:
        assert started.wait(10)
    assert len(workers.live_tasks()) == 3
    assert workers.stop_all(timeout_ms=5000)
    qtbot.waitUntil(lambda: workers.live_tasks() == [], timeout=5000)
    assert all(t.outcome == "cancelled" for t, _ in tasks)


def test_unexpected_exception_in_a_slot_reaches_the_error_dialog(qtbot, errors):
    import sys

    from cnnexplorer.ui.errors import install_excepthook

    install_excepthook()
    try:
        sys.excepthook(ZeroDivisionError, ZeroDivisionError("division by zero"), None)
    finally:
        sys.excepthook = sys.__excepthook__
    assert errors and "ZeroDivisionError" in errors[-1]


def test_garbage_is_collected_on_the_gui_thread_only(qtbot):
    import gc

    task = workers.Task(_count, 10)
    with qtbot.waitSignal(task.finished, timeout=10000):
        task.start()
    # a worker must never start a collection that could finalise Qt objects off the GUI thread
    assert not gc.isenabled()
    collector = workers._collector
    assert collector is not None and collector.timer.isActive()
    keep = [[] for _ in range(collector.threshold[0] + 10)]  # tracked containers, kept alive
    before = gc.get_count()[0]
    assert before > collector.threshold[0]
    collector.collect()
    assert gc.get_count()[0] < before
    del keep


def _echo(value, gate=None, progress=None, cancel=None):
    """Report the value, wait for the gate (if any) unless cancelled, return the value."""
    report(progress, "value", value, 1)
    if gate is not None:
        while not gate.is_set():
            check_cancel(cancel)
            gate.wait(0.01)
    return value


def test_slot_start_supersedes_the_running_task_and_its_signals_never_arrive(qtbot):
    slot = workers.TaskSlot("test")
    results, events = [], []
    slot.finished.connect(results.append)
    slot.events.connect(lambda batch: events.extend(e.step for e in batch))
    gate = threading.Event()
    first = slot.start(_echo, "old", gate)
    second = slot.start(_echo, "new")
    qtbot.waitUntil(lambda: first.outcome is not None and second.outcome is not None, timeout=10000)
    assert results == ["new"]  # the superseded task's result never reached the view
    assert "old" not in events and "new" in events
    assert first.outcome == "cancelled"
    assert slot.result == "new" and not slot.is_running()


def test_slot_request_runs_only_the_newest_inputs_after_the_current_task(qtbot):
    slot = workers.TaskSlot("test")
    results = []
    slot.finished.connect(results.append)
    gate = threading.Event()
    slot.request(_echo, 1, gate)
    slot.request(_echo, 2)  # dropped: a newer request comes before the first task ends
    slot.request(_echo, 3)
    assert slot.is_busy()
    gate.set()
    qtbot.waitUntil(lambda: not slot.is_busy(), timeout=10000)
    assert results == [1, 3]  # the running one finishes, then only the newest request runs


def test_slot_shutdown_cancels_waits_and_refuses_new_work(qtbot):
    slot = workers.TaskSlot("test")
    cancelled = []
    slot.cancelled.connect(lambda: cancelled.append(True))
    slot.start(_echo, "x", threading.Event())
    slot.request(_echo, "queued")
    assert slot.shutdown(wait=True, timeout_ms=10000)
    assert slot.start(_echo, "after") is None
    qtbot.waitUntil(lambda: cancelled == [True], timeout=10000)
    assert workers.live_tasks() == [] and not slot.is_busy()


def test_slot_forwards_failures_of_the_current_task(qtbot):
    slot = workers.TaskSlot("test")
    with qtbot.waitSignal(slot.failed, timeout=10000) as blocker:
        slot.start(_fail)
    assert isinstance(blocker.args[0], UserError)
    assert slot.outcome == "failed"


def test_a_task_deleted_with_its_view_while_running_counts_until_its_thread_stops(qtbot):
    """pytest-qt deletes a test's widgets before fixture teardown; a slot's task deleted with its tab must not
    stay "live" for ever (every later test would fail the dangling-thread check), nor be forgotten while running."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    view = QWidget()
    slot = workers.TaskSlot("doomed", parent=view)
    started = threading.Event()
    task = slot.start(_until_cancelled, started)
    assert started.wait(10)
    shiboken6.delete(view)  # the view, its slot and the task's QObject go; the thread still runs
    assert not shiboken6.isValid(task)
    assert workers.live_tasks() == [task]  # still counted: its thread runs
    assert workers.stop_all(timeout_ms=5000)
    assert workers.live_tasks() == []
