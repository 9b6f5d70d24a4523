"""GUI: undo as QUndoCommands over the core's Change objects.

The core applies an operation and returns a `Change`; the command is pushed afterwards, so its
first `redo()` (called by QUndoStack.push) does nothing. Later undo/redo call `Annotations.undo`
/ `Annotations.redo`. Consecutive edits of one note merge into one command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

NOTE_MERGE_ID = 4201


class UndoCapable(Protocol):
    """GUI: what a command needs of the core (Annotations.undo / redo)."""

    def undo(self, change: Any) -> Any: ...

    def redo(self, change: Any) -> Any: ...


class ChangeCommand(QUndoCommand):
    """GUI: one user action; holds the core Change(s) it made and replays them through the core."""

    def __init__(self, ann: UndoCapable, change: Any, *, on_applied: Callable[[], None],
                 on_error: Callable[[BaseException], None], merge_key: str | None = None) -> None:
        super().__init__(str(getattr(change, "label", "Wijziging")))
        self._ann = ann
        self._changes: list[Any] = [change]
        self._first = True
        self._on_applied = on_applied
        self._on_error = on_error
        self.merge_key = merge_key

    @property
    def changes(self) -> list[Any]:
        return list(self._changes)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        try:
            for change in self._changes:
                self._ann.redo(change)
        except Exception as exc:  # shown to the user by the window; never silent
            self.setObsolete(True)
            self._on_error(exc)
        self._on_applied()

    def undo(self) -> None:
        try:
            for change in reversed(self._changes):
                self._ann.undo(change)
        except Exception as exc:
            self.setObsolete(True)
            self._on_error(exc)
        self._on_applied()

    def id(self) -> int:
        return NOTE_MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other.merge_key != self.merge_key or not self.merge_key:
            return False
        self._changes.extend(other._changes)
        return True
