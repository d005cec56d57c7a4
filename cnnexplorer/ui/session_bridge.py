"""Qt face of the Qt-free :class:`~cnnexplorer.core.session.Session`."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from cnnexplorer.core.session import Session


class SessionBridge(QObject):
    """Re-emits session changes as ``changed(field)`` so widgets can connect slots to them.

    Session fields are only assigned on the GUI thread (workers hand results
    back through signals first), so observers run on the GUI thread.
    """

    changed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._unsubscribe = session.subscribe(self.changed.emit)

    def detach(self) -> None:
        self._unsubscribe()
