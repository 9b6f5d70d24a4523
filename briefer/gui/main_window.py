"""GUI: the main window: library and outline on the left, reader (and source PDF) in the centre,
inspector on the right, follow-ups overview at the bottom.

The window only calls the core through the Workspace (store, annotations) and keeps no data of
its own beyond which document and item are open. Annotation actions live in
`briefer.gui.actions` (a mixin), menus in `briefer.gui.menus`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.actions import AnnotationActions
from briefer.gui.delegates import OutlineDelegate
from briefer.gui.dialogs import show_error
from briefer.gui.followups_panel import FollowUpsPanel
from briefer.gui.importing import SUPPORTED_SUFFIXES, ImportController
from briefer.gui.inspector import Inspector
from briefer.gui.menus import build_menus
from briefer.gui.models import (
    FollowUpRow,
    IdRole,
    LibraryModel,
    Markers,
    OutlineModel,
    item_label,
    markers_from_core,
)
from briefer.gui.reader import ReaderView
from briefer.gui.search import FindBar
from briefer.gui.source_view import SourceView
from briefer.gui.workspace import Workspace
from briefer.model import Domain, Footnote, StoredDocument, StoredItem


class MainWindow(AnnotationActions, QMainWindow):
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
        self.imports = ImportController(workspace.db_path or Path(), self, show_progress=show_progress)
        self.imports.imported.connect(self._on_imported)
        self.imports.failed.connect(self._on_import_failed)
        self.imports.cancelled.connect(
            lambda name: self.statusBar().showMessage(f"Import van {name} afgebroken; er is niets opgeslagen.", 8000))
        self._open_after_import = True
        build_menus(self)
        self.ws.changed.connect(self.refresh_annotations)
        self.ws.failed.connect(self.show_error)
        self.saved_label = QLabel("")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.ws.undo_stack.indexChanged.connect(self._on_undo_index)
        self.resize(1440, 900)
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
        self.library = QTreeView()
        self.library.setModel(self.library_model)
        self.library.setRootIsDecorated(False)
        self.library.setUniformRowHeights(True)
        self.library.setAlternatingRowColors(True)
        self.library.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.library.header().setStretchLastSection(False)
        self.library.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.library.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.library.setColumnHidden(1, True)
        self.library.activated.connect(self._library_activated)
        self.library.clicked.connect(self._library_activated)

        self.outline_model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(True)
        self.outline.setItemDelegate(OutlineDelegate(self.outline))
        self.outline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outline.selectionModel().currentChanged.connect(self._outline_current_changed)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self._titled("Documenten", self.library))
        left.addWidget(self._titled("Overzicht", self.outline))
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 4)
        left.setSizes([160, 640])
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
        self.followups_dock = self._dock("Vervolgacties en toezeggingen (alle documenten)", "followupsDock",
                                         self.followups_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        # side panels run the full height; the overview sits under the reader only
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.resizeDocks([self.left_dock, self.inspector_dock], [340, 380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.followups_dock], [190], Qt.Orientation.Vertical)

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
    def _on_undo_index(self, _index: int) -> None:
        self.saved_label.setText("Alle wijzigingen opgeslagen")

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
        return {item_id: markers_from_core(m, domains, by_item.get(item_id)) for item_id, m in core.items()}

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
        self.outline_model.set_items(items, self._markers(doc_id))
        self.outline.expandAll()
        row = self.library_model.row_of(doc_id)
        if row >= 0:
            self.library.selectionModel().setCurrentIndex(
                self.library_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.setWindowTitle(f"{doc.display_name} — Briefer")
        self.ws.settings.last_document = doc_id
        self.document_opened.emit(doc_id)
        if items:
            target = item_id if item_id and self.outline_model.item(item_id) else items[0].id
            self.select_item(target)
        else:
            self.reader.show_placeholder("Dit document bevat geen vragen.")
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
        self.reader.show_item(item, footnotes=self._footnotes, highlights=highlights, domains=self._domains,
                              confidential=markers.confidential, keep_scroll=keep_scroll)
        self._show_inspector(item, highlights)
        self.source.set_source(self._doc.id, self._fetch_original, item.page_first)
        self.ws.settings.last_item = item_id
        self.statusBar().showMessage(
            f"{self._doc.display_name} · vraag {item_label(item)}"
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
                                 highlights=highlights, followups=followups)

    @Slot()
    def refresh_annotations(self) -> None:
        """After any change (action, undo, redo): domains, markers, current item, follow-ups overview."""
        self.reload_domains()
        self.reader.set_domains(self._domains)
        if self._doc is not None:
            self.outline_model.set_markers(self._markers(self._doc.id))
            if self._item_id:
                self.show_item(self._item_id, keep_scroll=True)
        self.reload_followups()

    def reload_followups(self) -> None:
        fus = self.ws.query(self.ws.ann.followups, default=[])
        docs: dict[str, StoredDocument] = {d.id: d for d in self.ws.query(self.ws.store.documents, default=[])}
        items: dict[str, StoredItem] = {}
        rows = []
        for fu in fus:
            if fu.item_id not in items:
                item = self.ws.query(self.ws.store.item, fu.item_id)
                if item is None:
                    continue
                items[fu.item_id] = item
            item = items[fu.item_id]
            doc = docs.get(item.document_id)
            rows.append(FollowUpRow(fu, item.document_id, doc.short_ref if doc else "", item_label(item)))
        self.followups_panel.set_rows(rows)

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

    # -- importing ------------------------------------------------------------------------------

    def import_files(self, files: list[str | Path], *, open_result: bool = True) -> None:
        """Import files on a worker thread; each success opens the document (when asked)."""
        if self.ws.db_path is None:
            self.show_error(RuntimeError("importeren vereist een database op schijf"))
            return
        self._open_after_import = open_result
        self.imports.enqueue(list(files))

    @Slot(object)
    def _on_imported(self, result: Any) -> None:
        doc = result.document
        self.reload_library()
        if self._open_after_import:
            self.open_document(doc.id)
        if result.created:
            msg = f"Geïmporteerd: {doc.display_name} ({doc.item_count or len(self.outline_model.items())} vragen)."
        else:
            msg = f"{doc.display_name} was al geïmporteerd; het bestaande document is geopend."
        if result.warnings:
            msg += f" Let op: {len(result.warnings)} waarschuwing(en) bij het inlezen."
        self.statusBar().showMessage(msg, 10000)
        self.import_finished.emit(result)

    @Slot(object)
    def _on_import_failed(self, exc: BaseException) -> None:
        self.show_error(exc)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._dropped_files(event)
        if files:
            event.acceptProposedAction()
            for f in files:
                self.ws.settings.add_recent_file(f)
            self.import_files(files)

    @staticmethod
    def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls()
                if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in SUPPORTED_SUFFIXES]

    # -- session --------------------------------------------------------------------------------

    def restore_session(self) -> None:
        """Window geometry and panels, then the last document and item (or the newest document)."""
        s = self.ws.settings
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))
        doc_id = s.last_document
        if doc_id and self.library_model.row_of(doc_id) < 0:
            doc_id = None
        if doc_id is None and self.library_model.rowCount() > 0:
            doc_id = self.library_model.document_at(0).id
        if doc_id:
            self.open_document(doc_id, s.last_item)

    def save_session(self) -> None:
        self.inspector.flush_note()
        s = self.ws.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        s.window_state = bytes(self.saveState().toBase64().data()).decode()
        s.last_document = self._doc.id if self._doc else None
        s.last_item = self._item_id
        try:
            s.save()
        except Exception as exc:
            self.show_error(exc)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_session()
        self.imports.wait()
        event.accept()

    # -- view -----------------------------------------------------------------------------------

    def set_reader_font_size(self, size: int) -> None:
        size = max(8, min(24, size))
        self.ws.settings.reader_font_size = size
        self.reader._font_size = size
        if self._item_id:
            self.show_item(self._item_id, keep_scroll=True)

    def confidential_count(self) -> int:
        """Items of the open document carrying confidential annotations (status bar, tests)."""
        return sum(1 for it in self.outline_model.items() if self.outline_model.markers(it.id).confidential)

    def focus_outline(self) -> None:
        self.outline.setFocus()

    def focus_reader(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.reader.setFocus()

    def focus_inspector(self) -> None:
        self.inspector.domains.setFocus()

    def show_source(self) -> None:
        self.tabs.setCurrentWidget(self.source)
