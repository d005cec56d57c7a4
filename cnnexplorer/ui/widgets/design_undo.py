"""One undoable Builder edit: the whole design before and after (designs are small)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

Apply = Callable[[dict, int], None]  # put this design (as a dict) in place and select this layer


class SpecEdit(QUndoCommand):
    """Undo and redo call ``apply(design, selected_layer)``; edits with the same ``merge_key`` (typing in one
    box) merge into one step."""

    def __init__(self, apply: Apply, before: dict, after: dict, text: str, select: int, select_before: int,
                 merge_key: str | None = None, already_applied: bool = False) -> None:
        super().__init__(text)
        self.apply, self.before, self.after = apply, before, after
        self.select, self.select_before = select, select_before
        self.merge_key = merge_key
        self._skip = already_applied

    def redo(self) -> None:
        if self._skip:  # pushed after the change was made elsewhere (e.g. File > Open)
            self._skip = False
            return
        self.apply(self.after, self.select)

    def undo(self) -> None:
        self.apply(self.before, self.select_before)

    def id(self) -> int:
        return 7 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SpecEdit) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.after = other.after
        self.select = other.select
        return True
