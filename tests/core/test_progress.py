import threading

import pytest

from cnnexplorer.core.progress import Cancelled, Progress, check_cancel, report


def test_check_cancel_raises_only_when_asked():
    event = threading.Event()
    check_cancel(event)
    check_cancel(None)
    event.set()
    with pytest.raises(Cancelled):
        check_cancel(event)


def test_report_builds_progress_and_tolerates_no_listener():
    seen = []
    report(seen.append, "batch", 3, 10, "training", metrics={"loss": 0.5})
    report(None, "batch", 4, 10)
    assert seen == [Progress("batch", 3, 10, "training", {"loss": 0.5})]
    assert seen[0].fraction == pytest.approx(0.3)
