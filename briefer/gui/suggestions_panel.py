"""GUI: the Suggesties panel (a dock, Beeld → Suggesties): the open document's suggestions, each
accepted with Enter or dismissed with Delete; "Alleen deze vraag" narrows it to the current item.

It lists what the `SuggestionController` holds and asks it to decide; it never computes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.search import HtmlDelegate
from briefer.gui.suggestions import Entry, SuggestionController, summary
from briefer.gui.theme import CONFIDENTIAL_RED
from briefer.gui.widgets import PlaceholderList

EMPTY = "Geen open suggesties. Briefer stelt toezeggingen, domeinen en vertrouwelijke passages voor."


class SuggestionsPanel(QWidget):
    """GUI: review the open document's suggestions (Enter: overnemen, Delete: afwijzen)."""

    open_item = Signal(int)  # item number

    def __init__(self, controller: SuggestionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._current_number: int | None = None
        self._loading = False
        self.only_item = QCheckBox("Alleen deze vraag")
        self.only_item.setToolTip("Toon alleen de suggesties bij de vraag die nu in de lezer staat")
        self.only_item.toggled.connect(lambda _on: self.reload())
        self.info = QLabel("")
        self.info.setStyleSheet("color: #5f6b7a;")
        self.list = PlaceholderList(EMPTY)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(HtmlDelegate(self.list))
        self.list.setSpacing(1)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(lambda _e: self.accept_current())
        self.list.currentItemChanged.connect(lambda cur, _p: self._selected(cur))
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.dismiss_current)
        self.accept_button = QPushButton("Overnemen (Enter)")
        self.dismiss_button = QPushButton("Afwijzen (Delete)")
        self.accept_button.clicked.connect(self.accept_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        top = QHBoxLayout()
        top.addWidget(self.info, 1)
        top.addWidget(self.only_item)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        controller.updated.connect(self.reload)
        self.reload()

    def set_current_item(self, number: int | None) -> None:
        """The reader shows another item (only relists when "Alleen deze vraag" is on)."""
        self._current_number = number
        if self.only_item.isChecked():
            self.reload()

    @Slot()
    def reload(self) -> None:
        ctrl = self.controller
        row = max(0, self.list.currentRow())
        shown = ctrl.for_item(self._current_number) if self.only_item.isChecked() and \
            self._current_number is not None else ctrl.entries()
        self._loading = True
        try:
            self.list.clear()
            for e in shown:
                self.list.addItem(self._entry(e))
            if shown:
                self.list.setCurrentRow(min(row, len(shown) - 1))
        finally:
            self._loading = False
        if not ctrl.ready and not shown:
            self.info.setText("Suggesties worden berekend…")
        elif self.only_item.isChecked():
            total = len(ctrl.entries())
            self.info.setText(f"Bij deze vraag: {len(shown)} van {total} suggesties." if shown
                              else f"Geen suggesties bij deze vraag ({total} in het document).")
        else:
            self.info.setText(summary(shown))
        enabled = bool(shown)
        self.accept_button.setEnabled(enabled)
        self.dismiss_button.setEnabled(enabled)

    @staticmethod
    def _entry(e: Entry) -> QListWidgetItem:
        head = html.escape(f"Vraag {e.item} · {e.title}")
        head = f"<b style='color:{CONFIDENTIAL_RED.name()}'>{head.upper()}</b>" if e.kind == "Vertrouwelijk" \
            else f"<span style='color:#5f6b7a'>{head}</span>"
        entry = QListWidgetItem(f"{head}<br>{html.escape(e.text)}")
        entry.setData(Qt.ItemDataRole.UserRole, e)
        entry.setToolTip(f"Vraag {e.item} · {e.title}\n{e.text}\nEnter: overnemen · Delete: afwijzen")
        return entry

    def current(self) -> Entry | None:
        return self.list.current_id()

    def _selected(self, entry: QListWidgetItem | None) -> None:
        if entry is None or self._loading:
            return
        e: Entry = entry.data(Qt.ItemDataRole.UserRole)
        if e.item != self._current_number:
            self.open_item.emit(e.item)

    @Slot()
    def accept_current(self) -> None:
        e = self.current()
        if e is not None:
            self.controller.accept(e.key)
            self.list.setFocus()

    @Slot()
    def dismiss_current(self) -> None:
        e = self.current()
        if e is not None:
            self.controller.dismiss(e.key)
            self.list.setFocus()
