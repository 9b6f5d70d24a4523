"""GUI: the core objects one window works with, and the undo stack over their changes.

`Workspace.perform(fn, ...)` runs one annotation operation of the core, pushes its Change onto
the QUndoStack and announces the change; errors are passed on to the window (`failed`), never
swallowed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefer.annotate import LevelLowering, LoweringNotice
from briefer.gui.commands import ChangeCommand
from briefer.settings import Settings


class Workspace(QObject):
    """GUI: store + annotations + settings + database path, and the undo stack of their changes."""

    changed = Signal()  # annotations changed (an action, an undo or a redo)
    failed = Signal(object)  # an exception the window must show

    def __init__(self, store: Any, ann: Any, settings: Settings, db_path: Path | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.ann = ann
        self.settings = settings
        self.db_path = db_path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.confirm_lowering: Callable[[LoweringNotice], bool] = _ask_lowering

    def perform(self, fn: Callable[..., Any], *args: Any, merge_key: str | None = None,
                **kwargs: Any) -> Any | None:
        """Run `fn(*args, **kwargs)` (a mutating core call returning a Change) as an undoable action.

        Returns the Change, or None when the core refused (the error is emitted on `failed`).
        """
        try:
            try:
                change = fn(*args, **kwargs)
            except LevelLowering as refused:  # only an explicit act lowers a level: ask
                change = self._after_asking(refused.notice, fn, args, kwargs)
                if change is None:
                    return None
        except Exception as exc:
            self.failed.emit(exc)
            return None
        if change is not None and not getattr(change, "empty", False):
            self.undo_stack.push(ChangeCommand(
                self.ann, change, on_applied=self.changed.emit, on_error=self.failed.emit,
                merge_key=merge_key,
            ))
        self.changed.emit()
        return change

    def _after_asking(self, notice: LoweringNotice, fn: Callable[..., Any], args: tuple[Any, ...],
                      kwargs: dict[str, Any]) -> Any | None:
        if self.confirm_lowering(notice):
            return fn(*args, **{**kwargs, "allow_lower": True})
        if notice.id is None and "level" in kwargs:  # a new annotation: keep it at vertrouwelijk
            return fn(*args, **{**kwargs, "level": notice.old})
        return None

    def query(self, fn: Callable[..., Any], *args: Any, default: Any = None, **kwargs: Any) -> Any:
        """Run a read-only core call; on failure emit `failed` and return `default`."""
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            self.failed.emit(exc)
            return default


def _ask_lowering(notice: LoweringNotice) -> bool:
    from briefer.gui.lowering import ask_lowering

    return ask_lowering(notice)
