"""What every tab shares: the session, the error reporter, and a way to run alone."""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from cnnexplorer.core.session import Session
from cnnexplorer.ui.errors import reporter
from cnnexplorer.ui.session_bridge import SessionBridge
from cnnexplorer.ui.workers import TaskSlot


class Tab(QWidget):
    """Base class of the main window's tabs.

    ``self.session`` is the shared state; ``self.bridge.changed(field)`` tells
    when another tab changed it. ``report_error`` is the one way to show a
    problem. ``prepare_screenshot`` is called by ``cnnexplorer gui
    --screenshot`` before the picture is taken, to put the tab in a state
    worth showing (load a sample, select a layer...).
    """

    key = ""
    title = ""

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.session: Session = bridge.session

    def report_error(self, error: BaseException | str) -> None:
        reporter().report(error)

    def prepare_screenshot(self) -> None:
        """Override to reach a representative state synchronously."""

    def ask(self, title: str, text: str, default_yes: bool = False) -> bool:
        """A Yes/No question (a training running elsewhere, work that closing would lose); tests replace it."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
        return QMessageBox.question(self, title, text, buttons, default) == QMessageBox.StandardButton.Yes

    def select_view(self, name: str) -> None:
        """Show one of the tab's views or pages by name (a lesson's "Show it"); tabs with views override it."""

    def confirm_close(self) -> bool:
        """Asked by the main window before it closes; a tab with work worth keeping asks the user.

        Return False to keep the window open. The default closes without asking.
        """
        return True

    def task_slots(self) -> list[TaskSlot]:
        """Every background-task slot this tab owns (children of the tab)."""
        return self.findChildren(TaskSlot)

    def shutdown(self, wait: bool = True) -> bool:
        """Cancel this tab's work and (by default) wait for it; the window calls it on close, tests after use.

        Override to save state, then call ``super().shutdown(wait)``. True if every task stopped in time.
        """
        return all([slot.shutdown(wait=wait) for slot in self.task_slots()])


def run_standalone(tab_class: type[Tab]) -> int:
    """Open one tab in its own window with a fresh session (``python -m cnnexplorer.ui.tabs.NAME``)."""
    from cnnexplorer.ui.bootstrap import create_application  # not ui.app: a tab sits below the window

    app = create_application(sys.argv[:1])
    bridge = SessionBridge(Session())
    tab = tab_class(bridge)
    tab.setWindowTitle(f"CNN Explorer — {tab_class.title or tab_class.__name__}")
    tab.resize(1100, 750)
    tab.show()
    return app.exec()
