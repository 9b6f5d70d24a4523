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


class PlaceholderList(QListWidget):
    """GUI: a QListWidget that shows a muted hint (`placeholder`) while it has no entries."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.placeholder:
            _paint_placeholder(self, self.placeholder)


class PlaceholderTable(QTableView):
    """GUI: a QTableView that shows a muted hint while its model has no rows."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model: Any = self.model()
        if model is not None and model.rowCount() == 0 and self.placeholder:
            _paint_placeholder(self, self.placeholder)


class PlaceholderTree(QTreeView):
    """GUI: a QTreeView that shows a muted hint while its model has no rows."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.placeholder = placeholder

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model: Any = self.model()
        if model is not None and model.rowCount() == 0 and self.placeholder:
            _paint_placeholder(self, self.placeholder)
