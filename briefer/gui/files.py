"""GUI: the window's file actions: importing (menu, recent files, drag-and-drop, the sample),
exporting a briefing, removing a document, and saving and restoring the session.

A mixin of `MainWindow`, like `briefer.gui.actions`: imports run on a worker thread through the
window's `ImportController`; the core decides, dialogs only collect input.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QTimer, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from briefer.errors import BrieferError
from briefer.gui.labels import document_label, item_noun
from briefer.ingest import SUPPORTED_SUFFIXES

if TYPE_CHECKING:
    from briefer.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

WELCOME = ("Welkom bij Briefer. Importeer een Kamerstuk met Ctrl+O (Bestand → Importeren…), of sleep een "
           "PDF-, Word- of tekstbestand naar dit venster. Help → Voorbeelddocument openen toont een "
           "voorbeeld om mee te oefenen.")


class FileActions(_Base):
    """GUI: import, export, document removal and session actions of the main window (mixin)."""

    # -- importing ------------------------------------------------------------------------------

    @Slot()
    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Document importeren", "", "Kamerstukken (*.pdf *.txt *.docx);;Alle bestanden (*)")
        if files:
            for f in files:
                self.ws.settings.add_recent_file(f)
            self.import_files(files)

    def import_recent(self, path: str) -> None:
        self.ws.settings.add_recent_file(path)
        self.import_files([path])

    @Slot()
    def open_sample(self) -> None:
        """Help → Voorbeelddocument (and the first start): the bundled Kamerstuk, opened at once when
        stored, else imported first (on the worker thread, once the event loop runs)."""
        from briefer import paths
        from briefer.store.documents import sha256_hex

        sample = paths.SAMPLE_DOCUMENT
        try:
            existing = self.ws.store.find_by_sha256(sha256_hex(sample.read_bytes()))
        except OSError:
            existing = None  # the import names the missing file in its error
        if existing is None:
            QTimer.singleShot(0, lambda: self.import_files([sample]))
        elif self._doc is None or self._doc.id != existing.id:
            self.open_document(existing.id)

    def import_files(self, files: list[str | Path], *, open_result: bool = True) -> None:
        """Import files on a worker thread; each success opens the document (when asked)."""
        if self.ws.db_path is None:
            self.show_error(BrieferError("Importeren kan alleen met een database op schijf; start Briefer "
                                         "met een databasebestand (--db)."))
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
            msg = (f"Geïmporteerd: {document_label(doc)} ({doc.item_count or len(self.outline_model.items())} "
                   f"{item_noun(doc.doc_type, plural=True).lower()}).")
        else:
            msg = f"{document_label(doc)} was al geïmporteerd; het bestaande document is geopend."
        if result.warnings:
            msg += f" Let op: {len(result.warnings)} waarschuwing(en) bij het inlezen."
        msg += self.import_notice(result)
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

    # -- export and removal ---------------------------------------------------------------------

    @Slot()
    def export_briefing(self) -> None:
        if self._doc is None:
            self.statusBar().showMessage("Open eerst een document om te exporteren.", 4000)
            return
        try:
            from briefer.gui.export_dialog import ExportDialog

            dialog = ExportDialog(self.ws, self._doc, self)
        except Exception as exc:
            self.show_error(exc)
            return
        dialog.exported.connect(
            lambda path: self.statusBar().showMessage(f"Briefing opgeslagen als {path}", 15000))
        dialog.exec()

    @Slot()
    def delete_document(self) -> None:
        doc = self._doc
        if doc is None:
            return
        answer = QMessageBox.question(
            self, "Document verwijderen",
            f"{document_label(doc)} en alle annotaties erbij verwijderen? Dit kan niet ongedaan worden gemaakt.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ws.store.delete_document(doc.id)
        except Exception as exc:
            self.show_error(exc)
            return
        self._doc = None
        self._item_id = None
        self.ws.undo_stack.clear()
        self.outline_model.set_items([])
        self.suggestions.load(None)
        self.reload_orphans()
        self.kern.show_note(None)
        self.kern.setVisible(False)
        self.setWindowTitle("Briefer")
        self.reader.show_placeholder("Document verwijderd.")
        self._show_inspector(None)
        self.reload_library()
        self.reload_followups()
        if self.library_model.rowCount():
            self.open_document(self.library_model.document_at(0).id)

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
        else:
            self.reader.show_placeholder(WELCOME)
            self._show_inspector(None)

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
