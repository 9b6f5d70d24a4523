"""GUI: moving around: next/previous item, item numbers, find in the document (hit by hit), the
search dialog, focus keys (Ctrl+0–4) and the reader's font size.

`NavigationActions` owns these QActions; it only selects and shows, it changes nothing. Find in
the document counts hits, not items: every occurrence in every question and answer, in document
order; F3 / Shift+F3 (and Enter / Shift+Enter in the find field) step through them, and the
reader marks the current hit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QWidget

from briefer.gui.presenter import DocumentPresenter
from briefer.gui.qactions import make_action
from briefer.gui.reader import FIELDS
from briefer.gui.search import FindBar
from briefer.gui.workspace import Workspace
from briefer.model import StoredItem


def find_hits(items: list[StoredItem], text: str) -> list[tuple[str, str, int, int]]:
    """Every occurrence of `text` (case-insensitive) as (item id, field, start, end), in document order."""
    needle = text.casefold()
    if not needle.strip():
        return []
    hits = []
    for item in items:
        for name in FIELDS:
            hay = item.text(name).casefold()
            start = hay.find(needle)
            while start >= 0:
                hits.append((item.id, name, start, start + len(needle)))
                start = hay.find(needle, start + max(1, len(needle)))
    return hits


class NavigationActions(QObject):
    """GUI: navigation, find and focus actions of the window."""

    def __init__(self, workspace: Workspace, presenter: DocumentPresenter, host: QWidget, find_bar: FindBar,
                 focus_targets: dict[str, Callable[[], Any]]) -> None:
        super().__init__(host)
        self.ws, self.p, self.host, self.find_bar = workspace, presenter, host, find_bar
        self._hits: list[tuple[str, str, int, int]] = []
        self._hit = -1
        self._needle = ""
        self.act_next = make_action(host, "&Volgende vraag", self.next_item, "J")
        self.act_prev = make_action(host, "V&orige vraag", self.previous_item, "K")
        self.act_number = make_action(host, "Vraag nummer…", self.ask_number, "Ctrl+G")
        self.act_find = make_action(host, "&Zoeken in document…", self.open_find_bar, "Ctrl+F")
        self.act_find_next = make_action(host, "Volgende treffer", lambda: self.find_step(False),
                                         QKeySequence.StandardKey.FindNext)
        self.act_find_prev = make_action(host, "Vorige treffer", lambda: self.find_step(True),
                                         QKeySequence.StandardKey.FindPrevious)
        self.act_search = make_action(host, "Zoeken in &alles…", self.search_everything, "Ctrl+K")
        self.act_source = make_action(host, "&Bron (PDF) tonen", self.show_source, "Ctrl+B")
        self.act_text = make_action(host, "&Tekst tonen", self.focus_reader, "Ctrl+2")
        self.act_bigger = make_action(host, "Grotere letters", lambda: self.set_reader_font_size(
            self.ws.settings.reader_font_size + 1), QKeySequence.StandardKey.ZoomIn)
        self.act_smaller = make_action(host, "Kleinere letters", lambda: self.set_reader_font_size(
            self.ws.settings.reader_font_size - 1), QKeySequence.StandardKey.ZoomOut)
        self.focus_actions = [
            make_action(host, "Naar de documenten", focus_targets["library"], "Ctrl+0"),
            make_action(host, "Naar het overzicht", focus_targets["outline"], "Ctrl+1"),
            self.act_text,
            make_action(host, "Naar de inspector", focus_targets["inspector"], "Ctrl+3"),
            make_action(host, "Naar de vervolgacties", focus_targets["followups"], "Ctrl+4"),
        ]
        find_bar.find_requested.connect(self.find_in_document)
        find_bar.closed.connect(self._find_closed)
        presenter.v.reader.item_link_activated.connect(self.go_to_number)
        presenter.v.outline.activated.connect(lambda _index: self.focus_reader())  # Enter: read the item
        presenter.document_opened.connect(lambda _doc_id: self._reset_find())
        self._search_dialog: Any = None

    # -- items ----------------------------------------------------------------------------------

    @Slot()
    def next_item(self) -> None:
        self._step(1)

    @Slot()
    def previous_item(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        ids = [it.id for it in self.p.items()]
        if not ids:
            return
        here = self.p.current_item_id()
        pos = ids.index(here) if here in ids else -delta
        self.p.select_item(ids[max(0, min(len(ids) - 1, pos + delta))])

    @Slot(int)
    def go_to_number(self, number: int) -> None:
        item = self.p.item_by_number(number)
        if item is None:
            self.p.message.emit(f"Vraag {number} staat niet in dit document.", 5000)
            return
        self.p.select_item(item.id)

    @Slot()
    def ask_number(self) -> None:
        number, ok = QInputDialog.getInt(self.host, "Ga naar vraag", "Vraagnummer:", 1, 1, 100000)
        if ok:
            self.go_to_number(number)

    @Slot(str, str)
    def open_followup(self, doc_id: str, followup_id: str) -> None:
        self.p.show_followup(doc_id, followup_id)

    def open_search_result(self, request: Any) -> None:
        doc = self.p.current_document()
        if doc is None or doc.id != request.document_id:
            self.p.open_document(request.document_id, request.item_id)
        else:
            self.p.select_item(request.item_id)
        self.p.v.tabs.setCurrentIndex(0)
        if request.term:
            self.p.v.reader.find_in_item(request.term)
        self.p.v.reader.setFocus()

    # -- find in the document -------------------------------------------------------------------

    @Slot()
    def open_find_bar(self) -> None:
        self.p.v.tabs.setCurrentIndex(0)
        self.find_bar.open_bar()

    def _reset_find(self) -> None:
        self._hits, self._hit, self._needle = [], -1, ""
        self.find_bar.set_count("")

    @Slot()
    def _find_closed(self) -> None:
        self.p.v.reader.set_find_hits([], -1)
        self.p.v.reader.setFocus()

    def hits(self) -> list[tuple[str, str, int, int]]:
        return list(self._hits)

    def current_hit(self) -> int:
        return self._hit

    @Slot(str, bool)
    def find_in_document(self, text: str, backwards: bool = False) -> None:
        """The next (or previous) hit of `text` after the current one, wrapping around."""
        if not text.strip():
            self._reset_find()
            return
        if text != self._needle:
            self._needle = text
            self._hits = find_hits(self.p.items(), text)
            self._hit = -1
            if self._hits:  # start at the first hit at or after the item being read
                order = [it.id for it in self.p.items()]
                here = order.index(self.p.current_item_id()) if self.p.current_item_id() in order else 0
                first = next((i for i, h in enumerate(self._hits) if order.index(h[0]) >= here), 0)
                self._hit = first - 1 if not backwards else first
        if not self._hits:
            self.find_bar.set_count("niet gevonden")
            return
        self._hit = (self._hit + (-1 if backwards else 1)) % len(self._hits)
        self._show_hit()

    def find_step(self, backwards: bool) -> None:
        """F3 / Shift+F3: the next or previous hit of what the find bar holds."""
        text = self.find_bar.edit.text()
        if not text.strip():
            self.open_find_bar()
            return
        self.find_in_document(text, backwards)

    def _show_hit(self) -> None:
        item_id, _field, _start, _end = self._hits[self._hit]
        if self.p.current_item_id() != item_id:
            self.p.select_item(item_id)
        self.p.v.tabs.setCurrentIndex(0)
        in_item = [(f, s, e) for i, f, s, e in self._hits if i == item_id]
        first = next(n for n, h in enumerate(self._hits) if h[0] == item_id)
        self.p.v.reader.set_find_hits(in_item, self._hit - first)
        items_with = len({h[0] for h in self._hits})
        self.find_bar.set_count(f"{self._hit + 1} van {len(self._hits)}"
                                + (f" (in {items_with} vragen)" if items_with > 1 else ""))

    # -- search everything ------------------------------------------------------------------------

    @Slot()
    def search_everything(self) -> None:
        from briefer.gui.search import SearchDialog

        doc = self.p.current_document()
        dialog = SearchDialog(self.ws, self.host, current_document=doc.id if doc else None)
        dialog.open_requested.connect(self.open_search_result)
        self._search_dialog = dialog
        dialog.show()
        dialog.query.setFocus()

    # -- view -----------------------------------------------------------------------------------

    def set_reader_font_size(self, size: int) -> None:
        size = max(8, min(24, size))
        self.ws.settings.reader_font_size = size
        self.p.v.reader.set_font_size(size)
        if self.p.current_item_id():
            self.p.show_item(self.p.current_item_id(), keep_scroll=True)

    def focus_reader(self) -> None:
        self.p.v.tabs.setCurrentIndex(0)
        self.p.v.reader.setFocus()

    def show_source(self) -> None:
        self.p.v.tabs.setCurrentWidget(self.p.v.source)
