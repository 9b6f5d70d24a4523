"""GUI: small widgets shared by the panels: lists and tables that say what to do when empty, and a
section title that folds its section away."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QTableView, QToolButton, QTreeView, QWidget

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
    """GUI: a QTreeView that shows a muted hint while its model has no rows.

    `relayout_on_resize`: rows whose height depends on the width (a delegate that wraps) are
    measured again when the view gets narrower or wider, and the current row, when it was in
    view, stays in view (also when a panel above takes height away)."""

    relayout_on_resize = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        current = self.currentIndex()
        rect = self.visualRect(current) if current.isValid() else None
        old_height = self.viewport().height() + event.oldSize().height() - event.size().height()
        was_visible = rect is not None and rect.isValid() and rect.top() >= 0 and rect.bottom() <= old_height
        super().resizeEvent(event)
        if self.relayout_on_resize and event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()
        if self.relayout_on_resize and was_visible:
            keep = QPersistentModelIndex(current)  # once the viewport has its new size
            QTimer.singleShot(0, self, lambda: keep.isValid() and self.scrollTo(QModelIndex(keep)))


class FoldTitle(QToolButton):
    """GUI: a section title that folds its section (the widgets given) away and back: click, or
    Space/Enter when focused. The arrow shows the state; the accessible name says it."""

    folded_changed = Signal(bool)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionTitle")
        self.setAutoRaise(True)
        self.setCheckable(True)
        self.setChecked(True)  # checked = open
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setArrowType(Qt.ArrowType.DownArrow)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._widgets: list[QWidget] = []
        self.toggled.connect(self._toggled)
        self.set_title(text)

    def set_title(self, text: str) -> None:
        self.setText(text)
        self._name()

    def fold(self, *widgets: QWidget) -> None:
        """The widgets this title shows and hides."""
        self._widgets.extend(widgets)

    def folded(self) -> bool:
        return not self.isChecked()

    def set_folded(self, folded: bool) -> None:
        self.setChecked(not folded)

    def _name(self) -> None:
        state = "ingeklapt" if self.folded() else "uitgeklapt"
        self.setAccessibleName(f"{self.text()} ({state})")
        self.setToolTip(f"{self.text()}: klik om {'uit' if self.folded() else 'in'} te klappen")

    @Slot(bool)
    def _toggled(self, open_: bool) -> None:
        self.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        for w in self._widgets:
            w.setVisible(open_)
        self._name()
        self.folded_changed.emit(not open_)
