"""GUI: small widgets shared by the panels: lists and tables that say what to do when empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QTableView, QTreeView, QWidget

from briefer.gui.theme import MUTED


def _paint_placeholder(view: QAbstractItemView, text: str) -> None:
    painter = QPainter(view.viewport())
    painter.setPen(MUTED)
    rect = view.viewport().rect().adjusted(12, 8, -12, -8)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)
    painter.end()


class _Placeholder:
    """GUI: mixin for an item view that paints a muted hint (`placeholder`) while it is empty.

    Put it before the Qt view class: `class PlaceholderTable(_Placeholder, QTableView)`.
    """

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)  # type: ignore[call-arg]  # the Qt view class next in the MRO
        self.placeholder = placeholder

    def _is_empty(self) -> bool:
        model: Any = self.model()  # type: ignore[attr-defined]
        return model is not None and model.rowCount() == 0

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # type: ignore[misc]
        if self.placeholder and self._is_empty():
            _paint_placeholder(self, self.placeholder)  # type: ignore[arg-type]


class PlaceholderList(_Placeholder, QListWidget):
    """GUI: a QListWidget that shows a muted hint (`placeholder`) while it has no entries."""

    def _is_empty(self) -> bool:
        return self.count() == 0

    def current_id(self) -> Any:
        """What the current entry keeps in Qt.UserRole (an id), or None without a current entry."""
        entry = self.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None


class PlaceholderTable(_Placeholder, QTableView):
    """GUI: a QTableView that shows a muted hint while its model has no rows."""


class PlaceholderTree(_Placeholder, QTreeView):
    """GUI: a QTreeView that shows a muted hint while its model has no rows."""
