"""GUI: the Verweesde annotaties panel (a dock, Beeld → Verweesde annotaties): highlights that could
not be placed when a new version of the document was imported, each with its old text.

Select text in the reader and choose "Hier plaatsen" to re-attach one there
(`Annotations.reattach_highlight`), or delete it (to the trash); both are undoable. The window
hands the panel its rows and turns its signals into core calls.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from briefer.gui.theme import CONFIDENTIAL_RED, DEFAULT_HIGHLIGHT_HEX, dot_icon, lock_icon
from briefer.gui.widgets import PlaceholderList
from briefer.model import Highlight, Level
from briefer.textutil import shorten

EMPTY = "Geen verweesde markeringen: alles is na de laatste nieuwe versie teruggevonden."


@dataclass
class OrphanRow:
    """GUI: an orphaned highlight with where it was and its domain, ready to list."""

    highlight: Highlight
    where: str  # "vraag 12 (vorige versie)"
    domain_name: str = ""
    colour: str = DEFAULT_HIGHLIGHT_HEX


class OrphansPanel(QWidget):
    """GUI: lists orphaned highlights; "Hier plaatsen" and "Verwijderen" act on the selected one."""

    place_requested = Signal(str)  # highlight id: attach to the reader's selection
    delete_requested = Signal(str)  # highlight id: to the trash
    show_requested = Signal(str)  # highlight id: show where it was

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #5f6b7a;")
        self.list = PlaceholderList(EMPTY)
        self.list.setAccessibleName("Verweesde markeringen")
        self.list.setAccessibleDescription("Enter: toon waar ze stond; Delete: naar de prullenbak")
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.itemActivated.connect(lambda it: self.show_requested.emit(it.data(Qt.ItemDataRole.UserRole)))
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        self.place_button = QPushButton("Hier plaatsen")
        self.place_button.setToolTip("Selecteer eerst in de tekst waar deze markering hoort")
        self.place_button.clicked.connect(self._place_current)
        self.delete_button = QPushButton("Verwijderen (Delete)")
        self.delete_button.setToolTip("Naar de prullenbak (terug te zetten via Bewerken → Prullenbak…)")
        self.delete_button.clicked.connect(self._delete_current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.info)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.set_rows([])

    def set_rows(self, rows: list[OrphanRow]) -> None:
        current = self.current_id()
        self.list.clear()
        for r in rows:
            h = r.highlight
            quote = shorten(h.exact, 160)
            confidential = Level(h.level) == Level.VERTROUWELIJK
            details = [r.where, r.domain_name or "zonder domein"]
            if h.note:
                details.append(h.note)
            if confidential:
                details.append("VERTROUWELIJK")
            entry = QListWidgetItem(lock_icon(14) if confidential else dot_icon(r.colour),
                                    f"“{quote}”\n{' · '.join(details)}")
            entry.setData(Qt.ItemDataRole.UserRole, h.id)
            entry.setToolTip(f"Oude tekst: “{' '.join(h.exact.split())}”\nSelecteer de juiste tekst in de lezer en "
                             "kies Hier plaatsen; Delete: naar de prullenbak.")
            if confidential:
                entry.setForeground(QBrush(CONFIDENTIAL_RED))
            self.list.addItem(entry)
            if h.id == current:
                self.list.setCurrentItem(entry)
        if rows and self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.info.setText(f"{len(rows)} markering(en) konden in de nieuwe versie niet worden teruggevonden. "
                          "Selecteer in de tekst waar een markering hoort en kies Hier plaatsen." if rows else "")
        self.place_button.setEnabled(bool(rows))
        self.delete_button.setEnabled(bool(rows))

    def count(self) -> int:
        return self.list.count()

    def current_id(self) -> str | None:
        return self.list.current_id()

    @Slot()
    def _place_current(self) -> None:
        hid = self.current_id()
        if hid:
            self.place_requested.emit(hid)

    @Slot()
    def _delete_current(self) -> None:
        hid = self.current_id()
        if hid:
            self.delete_requested.emit(hid)
