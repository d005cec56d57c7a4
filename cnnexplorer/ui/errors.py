"""The one error path of the interface.

Core and ml code raise :class:`~cnnexplorer.core.errors.UserError` with a
sentence for the user; anything else is a bug. Both reach
:meth:`ErrorReporter.report` — from a failed :class:`~cnnexplorer.ui.workers.Task`,
from ``sys.excepthook`` (exceptions raised in slots), or called directly — and
become one non-blocking dialog: the message, and for bugs the traceback behind
"Show Details…" with a "Copy details" button. A burst of errors while a dialog
is open updates that dialog instead of stacking new ones. The app keeps running.
"""
from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cnnexplorer.core.errors import UserError

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> tuple[str, str]:
    """(message for the user, technical details) of an exception."""
    if isinstance(exc, UserError):
        return str(exc), ""
    details = getattr(exc, "formatted_traceback", None) or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    message = (QCoreApplication.translate("ErrorReporter", "Something went wrong: %1")
               .replace("%1", f"{exc.__class__.__name__}: {exc}").strip())
    return message, details


class ErrorReporter(QObject):
    """Shows errors to the user; one instance per application."""

    reported = Signal(str, str)  # message, details (tests and the log listen)

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._box: QMessageBox | None = None
        self._extra = 0
        self.history: list[str] = []

    @Slot(object)
    def report(self, error: BaseException | str, title: str = "") -> None:
        if isinstance(error, BaseException):
            message, details = describe(error)
        else:
            message, details = str(error), ""
        if details:
            log.error("%s\n%s", message, details)
        self.history.append(message)
        self.reported.emit(message, details)
        self.show_dialog(title or "CNN Explorer", message, details)

    def show_dialog(self, title: str, message: str, details: str) -> None:
        """Open (or update) the error dialog. Tests replace this with a recorder."""
        if self._box is not None and self._box.isVisible():
            self._extra += 1
            self._box.setInformativeText(self.tr("%n more problem(s) happened since; see the log.", "", self._extra))
            return
        box = QMessageBox(self._parent_widget())
        box.setIcon(QMessageBox.Icon.Warning if not details else QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(message)
        if details:
            box.setDetailedText(details)
            copy = box.addButton(self.tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
            copy.clicked.connect(lambda: QApplication.clipboard().setText(f"{message}\n\n{details}"))
        box.addButton(QMessageBox.StandardButton.Close)
        box.finished.connect(self._on_closed)
        self._box, self._extra = box, 0
        box.open()

    @Slot()
    def _on_closed(self) -> None:
        self._box = None


_reporter: ErrorReporter | None = None


def reporter() -> ErrorReporter:
    """The application's reporter (created on first use)."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter()
    return _reporter


def install_excepthook() -> None:
    """Route exceptions that escape slots and callbacks to the reporter instead of aborting."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc is not None and not getattr(exc, "formatted_traceback", None):
            exc.formatted_traceback = "".join(traceback.format_exception(exc_type, exc, tb))
        reporter().report(exc)

    sys.excepthook = hook
