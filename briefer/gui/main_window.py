"""GUI: the main window: library and outline on the left, reader (and source PDF) in the centre,
inspector on the right, follow-ups overview (with the suggestion queue and orphans as tabs) below.

The window builds the panels and composes the parts that do the work: the `DocumentPresenter`
(what is open, shown in the panels) and the action controllers — `FileActions`, `AnnotationActions`,
`LevelActions`, `NavigationActions`, `ReviewActions` — each owning its QActions and handed what it
needs. The menus place those actions (`briefer.gui.menus`). Nothing here imports back.

Hooks for new parts: `add_banner(widget)` puts a bar above the reader (a read-only or sync
banner); `add_panel(title, name, widget)` docks a panel (a conflict view) as a tab beside the
follow-ups overview, with a Beeld menu entry.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
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

from briefer.gui import threads
from briefer.gui.actions import AnnotationActions
from briefer.gui.clipboard import ClipActions
from briefer.gui.delegates import LibraryDelegate, OutlineDelegate
from briefer.gui.dialogs import show_error
from briefer.gui.files import FileActions, supported_files
from briefer.gui.followups_panel import FollowUpsPanel
from briefer.gui.inspector import Inspector
from briefer.gui.kern_panel import KernPanel
from briefer.gui.labels import document_header
from briefer.gui.levels import LevelActions
from briefer.gui.menus import build_menus
from briefer.gui.models import LibraryModel, OutlineModel
from briefer.gui.navigation import NavigationActions
from briefer.gui.presenter import DocumentPresenter, Views
from briefer.gui.reader import ReaderView
from briefer.gui.reparse import ReparseActions
from briefer.gui.review import ReviewActions
from briefer.gui.search import FindBar
from briefer.gui.sharing import SharingActions
from briefer.gui.source_view import SourceView
from briefer.gui.suggestions import SuggestionController
from briefer.gui.widgets import PlaceholderTree
from briefer.gui.workspace import Workspace
from briefer.model import StoredDocument, StoredItem

FOLLOWUPS_TITLE = "Vervolgacties en toezeggingen (alle documenten)"
EMPTY_LIBRARY = "Nog geen documenten.\nImporteer een Kamerstuk met Ctrl+O of sleep een bestand hierheen."
WELCOME = ("Welkom bij Briefer. Importeer een Kamerstuk met Ctrl+O (Bestand → Importeren…), of sleep een "
           "PDF-, Word- of tekstbestand naar dit venster. Help → Voorbeelddocument openen toont een "
           "voorbeeld om mee te oefenen.")
MIN_SIDE = 220  # side panels never get narrower (they collapse instead: Beeld menu)


class MainWindow(QMainWindow):
    """GUI: the staffer's workspace over one database; composes the presenter and the controllers."""

    closing = Signal()  # the window is closing: its workers are being ended (hook for channels, panels)

    def __init__(self, workspace: Workspace, *, restore: bool = True, show_progress: bool = True) -> None:
        super().__init__()
        self.ws = workspace
        self.setWindowTitle("Briefer")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.setAccessibleName("Briefer")
        self._shut_down = False
        self._build_panels()
        self.suggestions = SuggestionController(workspace, self)
        self.presenter = DocumentPresenter(workspace, Views(
            self.library, self.library_model, self.outline, self.outline_model, self.reader, self.tabs,
            self.source, self.inspector, self.kern, self.followups_panel), self.suggestions, self)
        p = self.presenter
        self.files = FileActions(workspace, p, self, show_progress=show_progress)
        self.annotations = AnnotationActions(workspace, p, self)
        self.levels = LevelActions(workspace, p, self, followups_table=self.followups_panel.table)
        self.navigation = NavigationActions(workspace, p, self, self.find_bar, {
            "library": self.focus_library, "outline": self.focus_outline, "inspector": self.focus_inspector,
            "followups": self.focus_followups})
        self.review = ReviewActions(workspace, p, self)
        self._build_docks()
        self.sharing = SharingActions(workspace, p, self, self.inspector)
        self.reparse = ReparseActions(workspace, p, self)
        self.clip = ClipActions(workspace, p, self)
        self.annotations.accept_domain_suggestion = self.review.accept_domain_suggestion
        self.annotations.reveal_inspector = self.inspector_dock.show
        self.files.import_notice = self.review.import_notice  # type: ignore[method-assign]
        self.followups_panel.open_followup.connect(self.navigation.open_followup)
        self.imports = self.files.imports
        self.import_finished = self.files.import_finished
        build_menus(self)
        p.message.connect(self.notify)
        p.location_changed.connect(lambda text: self.location_label.setText(text))
        p.title_changed.connect(self.setWindowTitle)
        p.followups_title.connect(self.followups_dock.setWindowTitle)
        p.document_opened.connect(self._show_document_header)
        p.document_closed.connect(lambda: self.doc_header.setVisible(False))
        self.ws.changed.connect(p.refresh_annotations)
        self.ws.failed.connect(self.show_error)
        self.location_label = QLabel("")  # where the reader is; hidden while a message shows
        self.location_label.setObjectName("location")
        self.statusBar().addWidget(self.location_label, 1)
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("saved")
        self.statusBar().addPermanentWidget(self.saved_label)
        self._undo_index = self.ws.undo_stack.index()
        self.ws.undo_stack.indexChanged.connect(self._on_undo_index)
        self.resize(1366, 768)
        self._set_tab_order()
        p.reload_domains()
        p.reload_library()
        p.reload_followups()
        if restore:
            self.restore_session()

    # -- the window's parts ----------------------------------------------------------------------

    def current_document(self) -> StoredDocument | None:
        return self.presenter.current_document()

    def current_item(self) -> StoredItem | None:
        return self.presenter.current_item()

    def select_item(self, item_id: str) -> None:
        self.presenter.select_item(item_id)

    def open_document(self, doc_id: str, item_id: str | None = None) -> bool:
        return self.presenter.open_document(doc_id, item_id)

    def import_files(self, files: list[Any], *, open_result: bool = True) -> None:
        self.files.import_files(files, open_result=open_result)

    def open_sample(self) -> None:
        self.files.open_sample()

    # -- layout ---------------------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.reader = ReaderView(self, font_size=self.ws.settings.reader_font_size)
        self.find_bar = FindBar(self)
        self.doc_header = QLabel("")
        self.doc_header.setObjectName("muted")
        self.doc_header.setWordWrap(True)
        self.doc_header.setContentsMargins(12, 6, 12, 2)
        self.doc_header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.doc_header.setAccessibleName("Over dit document")
        self.doc_header.setVisible(False)
        text_tab = QWidget()
        layout = QVBoxLayout(text_tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner_area = QVBoxLayout()
        self.banner_area.setSpacing(0)
        layout.addLayout(self.banner_area)
        layout.addWidget(self.doc_header)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.reader, 1)
        self.source = SourceView(self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(text_tab, "Tekst")
        self.tabs.addTab(self.source, "Bron (PDF)")
        self.tabs.setAccessibleName("Tekst of bron")
        self.setCentralWidget(self.tabs)

        self.library_model = LibraryModel(self)
        self.library = PlaceholderTree(EMPTY_LIBRARY)
        self.library.setModel(self.library_model)
        self.library.setRootIsDecorated(False)
        self.library.setUniformRowHeights(True)
        self.library.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.library.setHeaderHidden(True)  # one column, two lines per document, drawn by the delegate
        for col in (1, 2, 3):
            self.library.setColumnHidden(col, True)
        self.library.setItemDelegate(LibraryDelegate(self.library))
        self.library.setAccessibleName("Documenten")
        self.library.setAccessibleDescription("De geïmporteerde documenten; Enter opent, Delete verwijdert")

        self.outline_model = OutlineModel(self)
        self.outline = PlaceholderTree("Open een document om zijn vragen te zien.")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(False)  # a subject takes a second line when it needs one
        self.outline.relayout_on_resize = True
        self.outline.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # rows differ in height
        self.outline.setItemDelegate(OutlineDelegate(self.outline))
        self.outline.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.outline.setAccessibleName("Overzicht van de vragen")
        self.outline.setAccessibleDescription("Per fractie de vragen met hun onderwerp; F2 geeft een vraag uw eigen titel")
        self.kern = KernPanel()
        self.kern.setVisible(False)  # shown with a document
        self.inspector = Inspector(self)
        self.followups_panel = FollowUpsPanel(self)

    def _build_docks(self) -> None:
        delete_doc = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.library)
        delete_doc.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_doc.activated.connect(self.files.delete_document)
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
        left.setSizes([96, 600])  # the documents list grows when the staffer drags the divider (remembered)
        left.setObjectName("leftSplitter")
        self.left_splitter = left
        self.left_dock = self._dock("Bibliotheek", "libraryDock", left, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._dock("Inspector", "inspectorDock", self.inspector,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.followups_dock = self._dock(FOLLOWUPS_TITLE, "followupsDock", self.followups_panel,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.suggestions_dock = self.add_panel("Suggesties", "suggestionsDock", self.review.suggestions_panel)
        self.orphans_dock = self.add_panel("Verweesde annotaties", "orphansDock", self.review.orphans_panel)
        self.review.suggestions_dock, self.review.orphans_dock = self.suggestions_dock, self.orphans_dock
        self.followups_dock.raise_()
        # side panels run the full height; the overview sits under the reader only
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        for dock in (self.left_dock, self.inspector_dock):
            dock.widget().setMinimumWidth(MIN_SIDE)
        self.resizeDocks([self.left_dock, self.inspector_dock], [300, 330], Qt.Orientation.Horizontal)
        self.resizeDocks([self.followups_dock], [200], Qt.Orientation.Vertical)

    def add_panel(self, title: str, name: str, widget: QWidget, *, hidden: bool = True) -> QDockWidget:
        """Dock `widget` as a tab beside the follow-ups overview (hook for new panels, e.g. a conflict
        view); its show/hide action is `dock.toggleViewAction()` (the Beeld menu lists every panel)."""
        dock = self._dock(title, name, widget, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.followups_dock, dock)
        if hidden:
            dock.hide()
        return dock

    def add_banner(self, widget: QWidget) -> None:
        """Show `widget` as a bar above the reader (hook for banners: read-only database, sync)."""
        self.banner_area.addWidget(widget)

    def _set_tab_order(self) -> None:
        """Tab walks the regions left to right: documents, outline, reader, inspector, overview."""
        insp, fup = self.inspector, self.followups_panel
        chain: list[QWidget] = [
            self.library, self.outline, self.find_bar.edit, self.reader, insp.domains_title, insp.domains,
            insp.note_title, *insp.note_level.buttons.values(), insp.note_edit, insp.highlights_title,
            insp.highlights, insp.followups_title, insp.followups, insp.add_followup_button, insp.edit_followup_button, insp.delete_followup_button,
            fup.filter, fup.status, fup.level, fup.overdue, fup.table,
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
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget)
        return box

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    @Slot(str)
    def _show_document_header(self, _doc_id: str) -> None:
        doc = self.presenter.current_document()
        lines = document_header(doc) if doc is not None else []
        self.doc_header.setText("\n".join(lines))
        self.doc_header.setVisible(bool(lines))

    # -- focus ----------------------------------------------------------------------------------

    def focus_outline(self) -> None:
        self.left_dock.show()
        self.outline.setFocus()

    def focus_library(self) -> None:
        self.left_dock.show()
        self.library.setFocus()

    def focus_inspector(self) -> None:
        self.inspector_dock.show()
        self.inspector.domains.setFocus()
        if self.inspector.domains.currentRow() < 0 and self.inspector.domains.count():
            self.inspector.domains.setCurrentRow(0)

    def focus_followups(self) -> None:
        self.followups_dock.show()
        self.followups_dock.raise_()
        table = self.followups_panel.table
        table.setFocus()
        if not table.currentIndex().isValid() and table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 1))

    # -- messages -------------------------------------------------------------------------------

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

    @Slot(str, int)
    def notify(self, message: str, ms: int = 6000) -> None:
        """A temporary status bar message (shown once the window is up when it is not yet)."""
        if self.isVisible():
            self.statusBar().showMessage(message, ms)
        else:
            QTimer.singleShot(0, lambda: self.statusBar().showMessage(message, ms))

    @Slot(object)
    def show_error(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- drag and drop --------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if supported_files(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.files.drop(event.mimeData()):
            event.acceptProposedAction()

    # -- session --------------------------------------------------------------------------------

    def restore_session(self) -> None:
        """Window geometry, panels and their sizes, then the last document and item (or the newest)."""
        s = self.ws.settings
        if s.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(s.window_geometry.encode()))
        if s.window_state:
            self.restoreState(QByteArray.fromBase64(s.window_state.encode()))
        if s.left_splitter:
            self.left_splitter.restoreState(QByteArray.fromBase64(s.left_splitter.encode()))
        doc_id = s.last_document
        model = self.library_model
        if doc_id and model.row_of(doc_id) < 0:
            doc_id = None
        if doc_id is None and model.rowCount() > 0:
            doc_id = model.document_at(0).id
        if doc_id:
            self.presenter.open_document(doc_id, s.last_item)
        else:
            self.reader.show_placeholder(WELCOME)
            self.presenter.show_inspector(None)

    def save_session(self) -> None:
        self.inspector.flush_note()
        s = self.ws.settings
        s.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
        s.window_state = bytes(self.saveState().toBase64().data()).decode()
        s.left_splitter = bytes(self.left_splitter.saveState().toBase64().data()).decode()
        doc = self.presenter.current_document()
        s.last_document = doc.id if doc else None
        s.last_item = self.presenter.current_item_id()
        try:
            s.save()
        except Exception as exc:
            self.show_error(exc)

    def shutdown(self) -> None:
        """The window closes (or the application quits): save the session and the note being typed,
        then end every worker — the import queue, the suggestions and any other worker thread (an
        export being written is finished) — so the process can end. Idempotent.

        Nothing started by this window may outlive it: a queued import that began after the close,
        or a result that opened a document in the closed window, kept threads running past
        `QApplication.exec()` (Qt then aborts) or showed a dialog that cancelled Qt's pending quit
        (a process without a window)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.closing.emit()
        self.save_session()
        self.imports.shutdown()
        self.suggestions.shutdown()
        self.sharing.shutdown()
        threads.wait_all()

    @property
    def shut_down(self) -> bool:
        """True once the window has closed (or started to): it takes no new work."""
        return self._shut_down

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        event.accept()
