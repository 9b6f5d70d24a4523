"""GUI: moving around the window: next/previous item, item numbers, search results, find in the
document, follow-ups, focus keys (Ctrl+0–4) and the reader's font size.

A mixin of `MainWindow`, like `briefer.gui.actions`; it only selects and shows, it changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Slot

from briefer.gui.models import IdRole

if TYPE_CHECKING:
    from briefer.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class NavigationActions(_Base):
    """GUI: navigation and focus actions of the main window (mixin)."""

    # -- navigation -----------------------------------------------------------------------------

    def _library_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(IdRole)
        if doc_id and (self._doc is None or self._doc.id != doc_id):
            self.open_document(doc_id)

    @Slot()
    def next_item(self) -> None:
        self._step(1)

    @Slot()
    def previous_item(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        items = self.outline_model.items()
        if not items:
            return
        ids = [it.id for it in items]
        pos = ids.index(self._item_id) if self._item_id in ids else -delta
        pos = max(0, min(len(ids) - 1, pos + delta))
        self.select_item(ids[pos])

    @Slot(int)
    def go_to_number(self, number: int) -> None:
        for it in self.outline_model.items():
            if number in (it.numbers or [it.number]):
                self.select_item(it.id)
                return
        self.statusBar().showMessage(f"Vraag {number} staat niet in dit document.", 5000)

    @Slot(str, str)
    def open_followup(self, doc_id: str, followup_id: str) -> None:
        fu = next((f for f in self.ws.query(self.ws.ann.followups, document_id=doc_id, default=[])
                   if f.id == followup_id), None)
        if fu is None:
            return
        if self._doc is None or self._doc.id != doc_id:
            self.open_document(doc_id, fu.item_id)
        else:
            self.select_item(fu.item_id)

    def open_search_result(self, request: Any) -> None:
        if self._doc is None or self._doc.id != request.document_id:
            self.open_document(request.document_id, request.item_id)
        else:
            self.select_item(request.item_id)
        self.tabs.setCurrentIndex(0)
        if request.term:
            self.reader.find_in_item(request.term)
        self.reader.setFocus()

    @Slot(str, bool)
    def find_in_document(self, text: str, backwards: bool = False) -> None:
        from briefer.gui.search import matching_items

        if not text.strip():
            return
        found = matching_items(self.outline_model.items(), text)
        if not found:
            self.find_bar.count.setText("niet gevonden")
            return
        ids = [it.id for it in self.outline_model.items()]
        here = ids.index(self._item_id) if self._item_id in ids else -1
        order = [ids.index(it.id) for it in found]
        if backwards:
            before = [p for p in order if p < here]
            target = before[-1] if before else order[-1]
        else:
            after = [p for p in order if p > here]
            target = after[0] if after else order[0]
        self.select_item(ids[target])
        self.tabs.setCurrentIndex(0)
        self.reader.find_in_item(text)
        self.find_bar.count.setText(f"{order.index(target) + 1} van {len(order)} vragen")

    # -- view -----------------------------------------------------------------------------------

    def set_reader_font_size(self, size: int) -> None:
        size = max(8, min(24, size))
        self.ws.settings.reader_font_size = size
        self.reader.set_font_size(size)
        if self._item_id:
            self.show_item(self._item_id, keep_scroll=True)

    def focus_outline(self) -> None:
        self.left_dock.show()
        self.outline.setFocus()

    def focus_reader(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.reader.setFocus()

    def focus_inspector(self) -> None:
        self.inspector_dock.show()
        self.inspector.domains.setFocus()
        if self.inspector.domains.currentRow() < 0 and self.inspector.domains.count():
            self.inspector.domains.setCurrentRow(0)

    def focus_library(self) -> None:
        self.left_dock.show()
        self.library.setFocus()

    def focus_followups(self) -> None:
        self.followups_dock.show()
        self.followups_panel.table.setFocus()
        table = self.followups_panel.table
        if not table.currentIndex().isValid() and table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 1))

    def show_source(self) -> None:
        self.tabs.setCurrentWidget(self.source)
