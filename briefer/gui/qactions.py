"""GUI: making a QAction the way every controller does (text, key, tooltip naming the key).

A controller owns its actions; `make_action` creates one on the window (`host`), so its shortcut
works wherever the focus is in that window, and connects it to a plain callable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(host: QWidget, text: str, slot: Callable[[], Any],
                shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None, tip: str = "",
                shortcuts: list[str] | None = None) -> QAction:
    """A window-wide action: `text` (with & mnemonic), its key(s), a status tip; the tooltip names the key."""
    act = QAction(text, host)
    keys = [QKeySequence(shortcut)] if shortcut is not None else []
    keys += [QKeySequence(s) for s in shortcuts or []]
    if keys:
        act.setShortcuts(keys)
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    if tip:
        act.setStatusTip(tip)
    plain = text.replace("&", "").rstrip("…")
    if keys:
        act.setToolTip(f"{plain} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})")
    act.triggered.connect(lambda _checked=False: slot())
    host.addAction(act)
    return act
