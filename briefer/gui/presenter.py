"""GUI: what the window shows: the open document and item, and the panels that display them.

`DocumentPresenter` is the one place that knows which document and item are open. It fills the
library, the outline, the reader, the inspector, the Kern and the follow-ups overview from the
core (through the Workspace) and tells the rest of the window through signals. The action
controllers (`briefer.gui.actions`, `files`, `levels`, `navigation`, `review`) are handed the
presenter; it imports none of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Signal, Slot
from PySide6.QtWidgets import QTabWidget, QTreeView

from briefer.gui.followup_models import FollowUpRow
from briefer.gui.followups_panel import FollowUpsPanel
from briefer.gui.inspector import Inspector
from briefer.gui.kern_panel import KernPanel
from briefer.gui.labels import asked_by_label, document_label, is_paragraphs, item_noun
from briefer.gui.models import IdRole, LibraryModel, Markers, OutlineModel, item_label, markers_from_core
from briefer.gui.reader import ReaderView
from briefer.gui.source_view import SourceView
from briefer.gui.suggestions import SuggestionController
from briefer.gui.workspace import Workspace
from briefer.model import Domain, Footnote, StoredDocument, StoredItem


@dataclass
class Views:
    """GUI: the widgets the presenter fills (built by the window)."""

    library: QTreeView
    library_model: LibraryModel
    outline: QTreeView
    outline_model: OutlineModel
    reader: ReaderView
    tabs: QTabWidget
    source: SourceView
    inspector: Inspector
    kern: KernPanel
    followups: FollowUpsPanel


class DocumentPresenter(QObject):
    """GUI: the open document and item, shown in the window's panels."""

    document_opened = Signal(str)  # document id
    document_closed = Signal()
    item_shown = Signal(str)  # item id
    refreshed = Signal()  # annotations were shown again after a change
    message = Signal(str, int)  # status bar text, milliseconds
    location_changed = Signal(str)  # "Kamerstuk … · vraag 16 · D66 · p. 13"
    title_changed = Signal(str)  # the window title
    followups_title = Signal(str)  # the overview's dock title

    def __init__(self, workspace: Workspace, views: Views, suggestions: SuggestionController,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.v = views
        self.suggestions = suggestions
        self._doc: StoredDocument | None = None
        self._item_id: str | None = None
        self._domains: list[Domain] = []
        self._footnotes: dict[int, Footnote] = {}
        self._numbered: tuple[list[StoredItem] | None, dict[int, StoredItem]] = (None, {})  # item_by_number
        views.outline.selectionModel().currentChanged.connect(self._outline_current_changed)
        views.library.activated.connect(self._library_activated)
        views.library.clicked.connect(self._library_activated)
        suggestions.updated.connect(self._on_suggestions_updated)
        views.outline_model.tips_for = self.suggestion_tips

    # -- state ----------------------------------------------------------------------------------

    def current_document(self) -> StoredDocument | None:
        return self._doc

    def current_item(self) -> StoredItem | None:
        return self.v.outline_model.item(self._item_id) if self._item_id else None

    def current_item_id(self) -> str | None:
        return self._item_id

    def items(self) -> list[StoredItem]:
        return self.v.outline_model.items()

    def domains(self) -> list[Domain]:
        return list(self._domains)

    def domain_by_key(self, key: int) -> Domain | None:
        return next((d for d in self._domains if d.key == key), None)

    def item_by_number(self, number: int) -> StoredItem | None:
        items = self.items()
        if self._numbered[0] is not items:  # another document (or list): index it once, not per look-up
            index: dict[int, StoredItem] = {}
            for it in items:
                for n in it.numbers or [it.number]:
                    index.setdefault(n, it)
            self._numbered = (items, index)
        return self._numbered[1].get(number)

    # -- loading --------------------------------------------------------------------------------

    def reload_domains(self) -> None:
        self._domains = self.ws.query(self.ws.ann.domains, default=[])
        self.v.reader.set_domains(self._domains)

    def reload_library(self) -> None:
        docs = self.ws.query(self.ws.store.documents, default=[])
        self.v.library_model.set_documents(docs)
        if self._doc is not None:
            row = self.v.library_model.row_of(self._doc.id)
            if row >= 0:
                self.v.library.setCurrentIndex(self.v.library_model.index(row, 0))

    def _titles(self, doc_id: str) -> dict[str, str]:
        from briefer.store.titles import item_titles

        return self.ws.query(item_titles, self.ws.store, doc_id, default={})

    def markers(self, doc_id: str) -> dict[str, Markers]:
        core = self.ws.query(self.ws.ann.item_markers, doc_id, default={})
        by_item: dict[str, list[str]] = {}
        for h in self.ws.query(self.ws.ann.document_highlights, doc_id, default=[]):
            if h.domain_id and not h.orphaned:
                by_item.setdefault(h.item_id, []).append(h.domain_id)
        domains = {d.id: d for d in self._domains}
        return {item_id: markers_from_core(m, domains, by_item.get(item_id)) for item_id, m in core.items()}

    def suggestion_tips(self, item: StoredItem) -> tuple[str, ...]:
        """The open suggestions of an item, one tooltip line each (asked by the outline when a row's
        tooltip or markers are read: never computed for 15,000 items when suggestions arrive)."""
        if self._doc is None or self.suggestions.doc_id != self._doc.id or item.document_id != self._doc.id:
            return ()
        return tuple(e.tip for e in self.suggestions.for_item(item.number))

    def open_document(self, doc_id: str, item_id: str | None = None) -> bool:
        """Show a document's outline and select `item_id` (default: its first item)."""
        self.v.inspector.flush_note()
        doc = self.ws.query(self.ws.store.document, doc_id)
        if doc is None:
            return False
        items = self.ws.query(self.ws.store.items, doc_id, default=[])
        self._doc = doc
        self._item_id = None
        self._footnotes = {f.number: f for f in self.ws.query(self.ws.store.footnotes, doc_id, default=[])}
        self.v.outline_model.set_items(items, self.markers(doc_id), doc_type=doc.doc_type,
                                       group_label=asked_by_label(doc), titles=self._titles(doc_id))
        self.v.kern.show_note(self.ws.query(self.ws.ann.note, doc_id, None))
        self.v.kern.setVisible(True)
        self.v.reader.set_document(doc)
        self.suggestions.load(doc_id)  # once per open, on a worker; the marks follow when ready
        self.v.outline.expandAll()
        row = self.v.library_model.row_of(doc_id)
        if row >= 0:
            self.v.library.selectionModel().setCurrentIndex(
                self.v.library_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.v.library.scrollTo(self.v.library_model.index(row, 0))
        self.title_changed.emit(f"{document_label(doc)} — Briefer")
        self.ws.settings.last_document = doc_id
        if doc.warnings:
            self.message.emit(f"Let op: {doc.warnings[0]}", 10000)
        self.document_opened.emit(doc_id)
        if items:
            target = item_id if item_id and self.v.outline_model.item(item_id) else items[0].id
            self.select_item(target)
        else:
            self.v.reader.show_placeholder("In dit document zijn geen vragen of alinea's gevonden. Bekijk het "
                                           "origineel onder Bron (PDF), Ctrl+B.")
            self.show_inspector(None)
        return True

    def close_document(self, placeholder: str) -> None:
        """Nothing open any more (the document was removed)."""
        self._doc = None
        self._item_id = None
        self.ws.undo_stack.clear()
        self.v.outline_model.set_items([])
        self.suggestions.load(None)
        self.v.kern.show_note(None)
        self.v.kern.setVisible(False)
        self.v.reader.set_document(None)
        self.title_changed.emit("Briefer")
        self.v.reader.show_placeholder(placeholder)
        self.show_inspector(None)
        self.document_closed.emit()

    def show_followup(self, doc_id: str, followup_id: str) -> Any:
        """Open the document (when another is open) at the item of a follow-up; returns the FollowUp
        (None when it no longer exists)."""
        fu = next((f for f in self.ws.query(self.ws.ann.followups, document_id=doc_id, default=[])
                   if f.id == followup_id), None)
        if fu is None:
            return None
        doc = self.current_document()
        if doc is None or doc.id != doc_id:
            self.open_document(doc_id, fu.item_id)
        else:
            self.select_item(fu.item_id)
        return fu

    def select_item(self, item_id: str) -> None:
        """Select an item in the outline (which shows it in the reader and the inspector)."""
        index = self.v.outline_model.index_of(item_id)
        if not index.isValid():
            return
        if self._item_id == item_id:
            self.show_item(item_id)
        self.v.outline.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.v.outline.scrollTo(index)

    @Slot(QModelIndex, QModelIndex)
    def _outline_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(IdRole)
        if item_id:
            self.show_item(item_id)

    def _library_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(IdRole)
        if doc_id and (self._doc is None or self._doc.id != doc_id):
            self.open_document(doc_id)

    def show_item(self, item_id: str, *, keep_scroll: bool = False) -> None:
        item = self.v.outline_model.item(item_id)
        if item is None or self._doc is None:
            return
        if item_id != self._item_id:
            self.v.inspector.flush_note()
        self._item_id = item_id
        highlights = self.ws.query(self.ws.ann.highlights, item_id, default=[])
        markers = self.v.outline_model.markers(item_id)
        self.v.inspector.noun = item_noun(self._doc.doc_type)
        self.v.reader.show_item(item, footnotes=self._footnotes, highlights=highlights, domains=self._domains,
                                confidential=markers.confidential, keep_scroll=keep_scroll,
                                paragraphs=is_paragraphs(self._doc.doc_type),
                                suggestions=self.suggestions.sentence_marks(item.number),
                                title=self._reader_title(item))
        self.show_inspector(item, highlights)
        self.v.source.set_source(self._doc.id, self._fetch_original, item.page_first)
        self.ws.settings.last_item = item_id
        self.location_changed.emit(
            f"{document_label(self._doc)} · {item_noun(self._doc.doc_type).lower()} {item_label(item)}"
            + (f" · {item.party}" if item.party else "") + (f" · {item.pages_label}" if item.pages_label else ""))
        self.item_shown.emit(item_id)

    def _reader_title(self, item: StoredItem) -> str:
        """The line under the item's number: the staffer's title, else (for questions) the key phrase."""
        model = self.v.outline_model
        if self._doc is not None and is_paragraphs(self._doc.doc_type):
            return model.user_title(item.id) or ""
        return model.title(item.id)

    def _fetch_original(self, doc_id: str) -> bytes | None:
        return self.ws.query(self.ws.store.original, doc_id)

    def show_inspector(self, item: StoredItem | None, highlights: list[Any] | None = None) -> None:
        if item is None or self._doc is None:
            self.v.inspector.show_item(None, domains=self._domains, item_domain_ids=[], note=None,
                                       highlights=[], followups=[])
            return
        tags = self.ws.query(self.ws.ann.item_domains, item.id, default=[])
        note = self.ws.query(self.ws.ann.note, self._doc.id, item.id)
        followups = self.ws.query(self.ws.ann.followups, item_id=item.id, default=[])
        if highlights is None:
            highlights = self.ws.query(self.ws.ann.highlights, item.id, default=[])
        self.v.inspector.show_item(item, domains=self._domains, item_domain_ids=[d.id for d in tags], note=note,
                                   highlights=highlights, followups=followups,
                                   suggested_domains=self.suggestions.domain_hints(item.number))

    @Slot()
    def refresh_annotations(self) -> None:
        """After any change (action, undo, redo): domains, markers, current item, follow-ups overview."""
        self.reload_domains()
        if self._doc is not None:
            self.v.outline_model.set_titles(self._titles(self._doc.id))
            self.v.outline_model.set_markers(self.markers(self._doc.id))
            self._keep_current_in_outline()
            self.v.kern.show_note(self.ws.query(self.ws.ann.note, self._doc.id, None))
            if self._item_id:
                self.show_item(self._item_id, keep_scroll=True)
        self.reload_followups()
        self.refreshed.emit()

    def _keep_current_in_outline(self) -> None:
        """A row grows a line when its markers need the room: keep the current question whole in view."""
        current = self.v.outline.currentIndex()
        if current.isValid():
            self.v.outline.scrollTo(current)

    def reload_followups(self) -> None:
        fus = self.ws.query(self.ws.ann.followups, default=[])
        docs: dict[str, StoredDocument] = {d.id: d for d in self.ws.query(self.ws.store.documents, default=[])}
        items: dict[str, StoredItem] = {}
        rows = []
        for fu in fus:
            if fu.item_id not in items:
                # the open document's items are in the outline already; others are fetched once each
                item = self.v.outline_model.item(fu.item_id) or self.ws.query(self.ws.store.item, fu.item_id)
                if item is None:
                    continue
                items[fu.item_id] = item
            item = items[fu.item_id]
            doc = docs.get(item.document_id)
            rows.append(FollowUpRow(fu, item.document_id, doc.short_ref if doc else "", item_label(item)))
        self.v.followups.set_rows(rows)
        open_count, overdue = self.v.followups.model.open_and_overdue()
        title = "Vervolgacties en toezeggingen (alle documenten)"
        if rows:
            title += f" — {open_count} open" + (f", {overdue} verlopen" if overdue else "")
        self.followups_title.emit(title)

    # -- suggestions ----------------------------------------------------------------------------

    @Slot()
    def _on_suggestions_updated(self) -> None:
        """New suggestions: swap the outline marks (no core queries); redraw the item only if its own changed."""
        if self._doc is None or self.suggestions.doc_id != self._doc.id:
            return
        # the outline draws no suggestion marks (its tooltips ask `suggestion_tips` when shown), so
        # only the item on screen may need drawing again
        item = self.current_item()
        if item is not None:
            shown = ([e.key for e in self.v.reader.suggestions_shown()], self.v.inspector.domain_hint_ids())
            wanted = ([e.key for e in self.suggestions.sentence_marks(item.number)],
                      set(self.suggestions.domain_hints(item.number)) - self.v.inspector.checked_domain_ids())
            if shown != wanted:
                self.show_item(item.id, keep_scroll=True)
