"""GUI: the main window: library and outline on the left, reader (and source PDF) in the centre,
inspector on the right, follow-ups overview at the bottom.

The window only calls the core through the Workspace (store, annotations) and keeps no data of
its own beyond which document and item are open. Mixins carry the actions: annotation in
`briefer.gui.actions`, import, export and the session in `briefer.gui.files`, moving around in
`briefer.gui.navigation`, suggestions, orphans, trash and sharing in `briefer.gui.review`; menus
are built in `briefer.gui.menus`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from briefer.gui.actions import AnnotationActions
from briefer.gui.delegates import LibraryDelegate, OutlineDelegate
from briefer.gui.dialogs import show_error
from briefer.gui.files import FileActions
from briefer.gui.followup_models import FollowUpRow
from briefer.gui.followups_panel import FollowUpsPanel
from briefer.gui.importing import ImportController
from briefer.gui.inspector import Inspector
from briefer.gui.kern_panel import KernPanel
from briefer.gui.labels import asked_by_label, document_label, is_paragraphs, item_noun
from briefer.gui.menus import build_menus
from briefer.gui.models import (
    IdRole,
    LibraryModel,
    Markers,
    OutlineModel,
    item_label,
    markers_from_core,
)
from briefer.gui.navigation import NavigationActions
from briefer.gui.reader import ReaderView
from briefer.gui.review import ReviewActions
from briefer.gui.search import FindBar
from briefer.gui.source_view import SourceView
from briefer.gui.widgets import PlaceholderTree
from briefer.gui.workspace import Workspace
from briefer.model import Domain, Footnote, StoredDocument, StoredItem

FOLLOWUPS_TITLE = "Vervolgacties en toezeggingen (alle documenten)"
EMPTY_LIBRARY = "Nog geen documenten.\nImporteer een Kamerstuk met Ctrl+O of sleep een bestand hierheen."


class MainWindow(ReviewActions, NavigationActions, AnnotationActions, FileActions, QMainWindow):
    """GUI: the staffer's workspace over one database."""

    document_opened = Signal(str)  # document id
    item_shown = Signal(str)  # item id
    import_finished = Signal(object)  # ImportResult (after the window has opened it)

    def __init__(self, workspace: Workspace, *, restore: bool = True, show_progress: bool = True) -> None:
        super().__init__()
        self.ws = workspace
        self.setWindowTitle("Briefer")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self._doc: StoredDocument | None = None
        self._item_id: str | None = None
        self._domains: list[Domain] = []
        self._footnotes: dict[int, Footnote] = {}
        self._build_central()
        self._build_docks()
        self._build_review_docks()
        self.imports = ImportController(workspace.db_path or Path(), self, show_progress=show_progress)
        self.imports.imported.connect(self._on_imported)
        self.imports.failed.connect(self._on_import_failed)
        self.imports.cancelled.connect(
            lambda name: self.statusBar().showMessage(f"Import van {name} afgebroken; er is niets opgeslagen.", 8000))
        self._open_after_import = True
        build_menus(self)
        self.ws.changed.connect(self.refresh_annotations)
        self.ws.failed.connect(self.show_error)
        self.location_label = QLabel("")  # where the reader is; hidden while a message shows
        self.location_label.setObjectName("location")
        self.statusBar().addWidget(self.location_label, 1)
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("saved")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._undo_index = self.ws.undo_stack.index()
        self.ws.undo_stack.indexChanged.connect(self._on_undo_index)
        self.resize(1440, 900)
        self._set_tab_order()
        self.reload_domains()
        self.reload_library()
        self.reload_followups()
        if restore:
            self.restore_session()

    # -- layout ---------------------------------------------------------------------------------

    def _build_central(self) -> None:
        self.reader = ReaderView(self, font_size=self.ws.settings.reader_font_size)
        self.reader.highlight_requested.connect(self.highlight_selection)
        self.reader.followup_requested.connect(self.new_followup)
        self.reader.item_link_activated.connect(self.go_to_number)
        self.find_bar = FindBar(self)
        self.find_bar.find_requested.connect(self.find_in_document)
        self.find_bar.closed.connect(self.reader.setFocus)
        text_tab = QWidget()
        layout = QVBoxLayout(text_tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.reader)
        self.source = SourceView(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(text_tab, "Tekst")
        self.tabs.addTab(self.source, "Bron (PDF)")
        self.setCentralWidget(self.tabs)

    def _build_docks(self) -> None:
        self.library_model = LibraryModel(self)
        self.library = PlaceholderTree(EMPTY_LIBRARY)
        self.library.setModel(self.library_model)
        self.library.setRootIsDecorated(False)
        self.library.setUniformRowHeights(True)
        self.library.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # one column, two lines per document (name; type · date · count) drawn by the delegate
        self.library.setHeaderHidden(True)
        for col in (1, 2, 3):
            self.library.setColumnHidden(col, True)
        self.library.setItemDelegate(LibraryDelegate(self.library))
        self.library.setAlternatingRowColors(False)
        self.library.activated.connect(self._library_activated)
        self.library.clicked.connect(self._library_activated)

        self.outline_model = OutlineModel(self)
        self.outline = PlaceholderTree("Open een document om zijn vragen te zien.")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(True)
        self.outline.setItemDelegate(OutlineDelegate(self.outline))
        self.outline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outline.selectionModel().currentChanged.connect(self._outline_current_changed)
        self.outline.activated.connect(lambda _index: self.focus_reader())  # Enter: read the item
        delete_doc = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.library)
        delete_doc.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_doc.activated.connect(lambda: self.delete_document())

        self.kern = KernPanel()
        self.kern.setVisible(False)  # shown with a document
        self.kern.edit_requested.connect(self.edit_kern)
        outline_box = QWidget()
        outline_layout = QVBoxLayout(outline_box)
        outline_layout.setContentsMargins(0, 0, 0, 0)
        outline_layout.setSpacing(0)
        outline_layout.addWidget(self.kern)
        outline_layout.addWidget(self._titled("Overzicht", self.outline), 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self._titled("Documenten", self.library))
        left.addWidget(outline_box)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 4)
        left.setSizes([180, 620])
        self.left_splitter = left
        self._library_sized_by_user = False
        left.splitterMoved.connect(self._on_left_splitter_moved)
        self.left_dock = self._dock("Bibliotheek", "libraryDock", left, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.inspector = Inspector(self)
        self.inspector.domain_toggled.connect(self.toggle_domain)
        self.inspector.note_edited.connect(self.save_note)
        self.inspector.highlight_activated.connect(self.show_highlight)
        self.inspector.highlight_delete.connect(self.delete_highlight)
        self.inspector.highlight_level.connect(self.set_highlight_level)
        self.inspector.highlight_domain.connect(self.set_highlight_domain)
        self.inspector.highlight_note.connect(self.edit_highlight_note)
        self.inspector.followup_add.connect(self.new_followup)
        self.inspector.followup_edit.connect(self.edit_followup)
        self.inspector.followup_delete.connect(self.delete_followup)
        self.inspector_dock = self._dock("Inspector", "inspectorDock", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)

        self.followups_panel = FollowUpsPanel(self)
        self.followups_panel.open_followup.connect(self.open_followup)
        self.followups_panel.edit_followup.connect(self._edit_followup_from_overview)
        self.followups_panel.status_requested.connect(self.set_followup_status)
        self.followups_dock = self._dock(FOLLOWUPS_TITLE, "followupsDock",
                                         self.followups_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        # side panels run the full height; the overview sits under the reader only
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.left_dock, self.inspector_dock], [370, 390], Qt.Orientation.Horizontal)
        self.resizeDocks([self.followups_dock], [190], Qt.Orientation.Vertical)

    @Slot(int, int)
    def _on_left_splitter_moved(self, _pos: int, _index: int) -> None:
        self._library_sized_by_user = True

    def _fit_library(self) -> None:
        """Give the documents list room for its rows (two to five), until the user drags the divider."""
        if self._library_sized_by_user:
            return
        rows = min(5, max(2, self.library_model.rowCount()))
        row_height = self.library.sizeHintForRow(0) if self.library_model.rowCount() else 40
        want = rows * max(row_height, 36) + 2 * self.library.frameWidth() + 34  # + the section title
        total = sum(self.left_splitter.sizes()) or 800
        self.left_splitter.setSizes([want, max(200, total - want)])

    def _set_tab_order(self) -> None:
        """Tab walks the window left to right: documents, outline, reader, inspector, overview."""
        insp, fup = self.inspector, self.followups_panel
        chain: list[QWidget] = [
            self.library, self.outline, self.find_bar.edit, self.reader, insp.domains, insp.note_level,
            insp.note_edit, insp.highlights, insp.followups, insp.add_followup_button, insp.edit_followup_button,
            insp.delete_followup_button, fup.filter, fup.status, fup.level, fup.overdue, fup.table,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        label = QLabel(title)
        label.setObjectName("sectionTitle")
        layout.addWidget(label)
        layout.addWidget(widget)
        return box

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    @Slot(int)
    def _on_undo_index(self, index: int) -> None:
        """Say what an action, undo or redo did, and that it is saved (there is no Save button)."""
        stack = self.ws.undo_stack
        if not Shiboken.isValid(stack) or not Shiboken.isValid(self.statusBar()):
            return  # the stack empties itself while the workspace is being destroyed
        previous, self._undo_index = self._undo_index, index
        if index < previous and stack.command(index) is not None:
            self.statusBar().showMessage(f"Ongedaan gemaakt: {stack.command(index).text()}. "
                                         "Opnieuw: Ctrl+Shift+Z.", 6000)
        elif index > previous and stack.command(index - 1) is not None:
            self.statusBar().showMessage(f"{stack.command(index - 1).text()}: opgeslagen. "
                                         "Ongedaan maken: Ctrl+Z.", 6000)
        self.saved_label.setText(f"Alle wijzigingen opgeslagen ({datetime.now():%H:%M})")

    def notify(self, message: str, ms: int = 6000) -> None:
        """A temporary status bar message (shown once the window is up when it is not yet)."""
        if self.isVisible():
            self.statusBar().showMessage(message, ms)
        else:
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(message, ms))

    # -- errors ---------------------------------------------------------------------------------

    @Slot(object)
    def show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- loading --------------------------------------------------------------------------------

    def current_document(self) -> StoredDocument | None:
        return self._doc

    def current_item(self) -> StoredItem | None:
        return self.outline_model.item(self._item_id) if self._item_id else None

    def reload_domains(self) -> None:
        self._domains = self.ws.query(self.ws.ann.domains, default=[])

    def domain_by_key(self, key: int) -> Domain | None:
        return next((d for d in self._domains if d.key == key), None)

    def reload_library(self) -> None:
        docs = self.ws.query(self.ws.store.documents, default=[])
        self.library_model.set_documents(docs)
        self._fit_library()
        if self._doc is not None:
            row = self.library_model.row_of(self._doc.id)
            if row >= 0:
                self.library.setCurrentIndex(self.library_model.index(row, 0))

    def _markers(self, doc_id: str) -> dict[str, Markers]:
        core = self.ws.query(self.ws.ann.item_markers, doc_id, default={})
        by_item: dict[str, list[str]] = {}
        for h in self.ws.query(self.ws.ann.document_highlights, doc_id, default=[]):
            if h.domain_id and not h.orphaned:
                by_item.setdefault(h.item_id, []).append(h.domain_id)
        domains = {d.id: d for d in self._domains}
        return self.suggestion_markers(
            {item_id: markers_from_core(m, domains, by_item.get(item_id)) for item_id, m in core.items()})

    def open_document(self, doc_id: str, item_id: str | None = None) -> bool:
        """Show a document's outline and select `item_id` (default: its first item)."""
        self.inspector.flush_note()
        doc = self.ws.query(self.ws.store.document, doc_id)
        if doc is None:
            return False
        items = self.ws.query(self.ws.store.items, doc_id, default=[])
        self._doc = doc
        self._item_id = None
        self._footnotes = {f.number: f for f in self.ws.query(self.ws.store.footnotes, doc_id, default=[])}
        self.outline_model.set_items(items, self._markers(doc_id), doc_type=doc.doc_type,
                                     group_label=asked_by_label(doc))
        self.kern.show_note(self.ws.query(self.ws.ann.note, doc_id, None))
        self.kern.setVisible(True)
        self.suggestions.load(doc_id)  # once per open, on a worker; the marks follow when ready
        self.reload_orphans()
        self.outline.expandAll()
        row = self.library_model.row_of(doc_id)
        if row >= 0:
            self.library.selectionModel().setCurrentIndex(
                self.library_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.library.scrollTo(self.library_model.index(row, 0))
        self.setWindowTitle(f"{document_label(doc)} — Briefer")
        self.ws.settings.last_document = doc_id
        if doc.warnings:
            self.notify(f"Let op: {doc.warnings[0]}", 10000)
        self.document_opened.emit(doc_id)
        if items:
            target = item_id if item_id and self.outline_model.item(item_id) else items[0].id
            self.select_item(target)
        else:
            self.reader.show_placeholder("In dit document zijn geen vragen of alinea's gevonden. Bekijk het "
                                         "origineel onder Bron (PDF), Ctrl+B.")
            self._show_inspector(None)
        return True

    def select_item(self, item_id: str) -> None:
        """Select an item in the outline (which shows it in the reader and the inspector)."""
        index = self.outline_model.index_of(item_id)
        if not index.isValid():
            return
        if self._item_id == item_id:
            self.show_item(item_id)
        self.outline.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.outline.scrollTo(index)

    @Slot(QModelIndex, QModelIndex)
    def _outline_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item_id = current.data(IdRole)
        if item_id:
            self.show_item(item_id)

    def show_item(self, item_id: str, *, keep_scroll: bool = False) -> None:
        item = self.outline_model.item(item_id)
        if item is None or self._doc is None:
            return
        if item_id != self._item_id:
            self.inspector.flush_note()
        self._item_id = item_id
        highlights = self.ws.query(self.ws.ann.highlights, item_id, default=[])
        markers = self.outline_model.markers(item_id)
        paragraphs = is_paragraphs(self._doc.doc_type)
        self.inspector.noun = item_noun(self._doc.doc_type)
        self.reader.show_item(item, footnotes=self._footnotes, highlights=highlights, domains=self._domains,
                              confidential=markers.confidential, keep_scroll=keep_scroll, paragraphs=paragraphs,
                              suggestions=self.suggestions.sentence_marks(item.number))
        self._show_inspector(item, highlights)
        self.source.set_source(self._doc.id, self._fetch_original, item.page_first)
        self.ws.settings.last_item = item_id
        self.location_label.setText(
            f"{document_label(self._doc)} · {item_noun(self._doc.doc_type).lower()} {item_label(item)}"
            + (f" · {item.party}" if item.party else "") + (f" · {item.pages_label}" if item.pages_label else ""))
        self.item_shown.emit(item_id)

    def _fetch_original(self, doc_id: str) -> bytes | None:
        return self.ws.query(self.ws.store.original, doc_id)

    def _show_inspector(self, item: StoredItem | None, highlights: list[Any] | None = None) -> None:
        if item is None or self._doc is None:
            self.inspector.show_item(None, domains=self._domains, item_domain_ids=[], note=None,
                                     highlights=[], followups=[])
            return
        tags = self.ws.query(self.ws.ann.item_domains, item.id, default=[])
        note = self.ws.query(self.ws.ann.note, self._doc.id, item.id)
        followups = self.ws.query(self.ws.ann.followups, item_id=item.id, default=[])
        if highlights is None:
            highlights = self.ws.query(self.ws.ann.highlights, item.id, default=[])
        self.inspector.show_item(item, domains=self._domains, item_domain_ids=[d.id for d in tags], note=note,
                                 highlights=highlights, followups=followups,
                                 suggested_domains=self.suggestions.domain_hints(item.number))

    @Slot()
    def refresh_annotations(self) -> None:
        """After any change (action, undo, redo): domains, markers, current item, follow-ups overview."""
        self.reload_domains()
        self.reader.set_domains(self._domains)
        if self._doc is not None:
            self.outline_model.set_markers(self._markers(self._doc.id))
            self.kern.show_note(self.ws.query(self.ws.ann.note, self._doc.id, None))
            if self._item_id:
                self.show_item(self._item_id, keep_scroll=True)
        self.reload_orphans()
        self.reload_followups()

    def reload_followups(self) -> None:
        fus = self.ws.query(self.ws.ann.followups, default=[])
        docs: dict[str, StoredDocument] = {d.id: d for d in self.ws.query(self.ws.store.documents, default=[])}
        items: dict[str, StoredItem] = {}
        rows = []
        for fu in fus:
            if fu.item_id not in items:
                # the open document's items are in the outline already; others are fetched once each
                item = self.outline_model.item(fu.item_id) or self.ws.query(self.ws.store.item, fu.item_id)
                if item is None:
                    continue
                items[fu.item_id] = item
            item = items[fu.item_id]
            doc = docs.get(item.document_id)
            rows.append(FollowUpRow(fu, item.document_id, doc.short_ref if doc else "", item_label(item)))
        self.followups_panel.set_rows(rows)
        open_count, overdue = self.followups_panel.model.open_and_overdue()
        title = FOLLOWUPS_TITLE
        if rows:
            title += f" — {open_count} open" + (f", {overdue} verlopen" if overdue else "")
        self.followups_dock.setWindowTitle(title)

    # -- closing --------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_session()
        self.imports.wait()
        self.suggestions.wait()
        event.accept()
