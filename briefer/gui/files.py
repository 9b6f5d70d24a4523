"""GUI: the file actions: importing (menu, recent files, drag-and-drop, the command line, the sample),
exporting a briefing and removing a document.

`FileActions` owns these QActions and the `ImportController` (a queue on a worker thread). Every
chosen or dropped file is imported in order; a batch ends with a summary (imported, already
present, refused with the reason). The first document a batch imports is opened; the rest wait
in the library, so the staffer can start reading at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefer.errors import BrieferError
from briefer.gui.importing import BatchSummary, ImportController
from briefer.gui.labels import document_label, item_noun
from briefer.gui.presenter import DocumentPresenter
from briefer.gui.qactions import make_action
from briefer.gui.workspace import Workspace
from briefer.ingest import SUPPORTED_SUFFIXES

FILE_FILTER = "Kamerstukken (*.pdf *.txt *.docx);;Alle bestanden (*)"


def supported_files(mime: QMimeData) -> list[str]:
    """The local files of a drag that Briefer can import, in the order they were dragged."""
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls()
            if u.isLocalFile() and Path(u.toLocalFile()).suffix.lower() in SUPPORTED_SUFFIXES]


class ImportSummaryDialog(QDialog):
    """GUI: the end of a batch: what was imported, what was there already, what was refused and why."""

    def __init__(self, summary: BatchSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Importeren klaar")
        self.setAccessibleName("Samenvatting van het importeren")
        self.resize(620, 320)
        import html

        self.text = QTextBrowser()
        self.text.setAccessibleName("Wat er is geïmporteerd")
        self.text.setHtml("<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in summary.lines()) + "</ul>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary.short()))
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class FileActions(QObject):
    """GUI: import, export and document removal; owns act_import, act_export, act_delete_doc."""

    import_finished = Signal(object)  # ImportResult, after the window has shown it
    batch_finished = Signal(object)  # BatchSummary, after the summary was shown

    def __init__(self, workspace: Workspace, presenter: DocumentPresenter, host: QWidget, *,
                 show_progress: bool = True) -> None:
        super().__init__(host)
        self.ws, self.p, self.host = workspace, presenter, host
        self.imports = ImportController(workspace.db_path or Path(), host, show_progress=show_progress)
        self.imports.imported.connect(self._on_imported)
        self.imports.batch_finished.connect(self._on_batch_finished)
        self._opened_in_batch = False
        self._open_after_import = True
        self.summary_dialog: ImportSummaryDialog | None = None
        self.act_import = make_action(host, "&Importeren…", self.import_dialog, "Ctrl+O",
                                      "Een of meer Kamerstukken (PDF, tekst of Word) importeren")
        self.recent_menu = QMenu("Recente bestanden", host)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.act_export = make_action(host, "Briefing &exporteren…", self.export_briefing, "Ctrl+E")
        self.act_delete_doc = make_action(host, "Document verwijderen…", self.delete_document)
        self.act_sample = make_action(host, "&Voorbeelddocument openen", self.open_sample)

    # -- importing ------------------------------------------------------------------------------

    @Slot()
    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self.host, "Documenten importeren", "", FILE_FILTER)
        if files:
            self.import_files(files)

    def import_recent(self, path: str) -> None:
        self.import_files([path])

    def import_files(self, files: list[str | Path], *, open_result: bool = True, remember: bool = True) -> None:
        """Import files in order on a worker thread; the first new one is opened (when asked)."""
        if self.ws.db_path is None:
            self.ws.failed.emit(BrieferError("Importeren kan alleen met een database op schijf; start Briefer "
                                             "met een databasebestand (--db)."))
            return
        if remember:
            for f in files:
                self.ws.settings.add_recent_file(str(f))
        if not self.imports.busy():
            self._opened_in_batch = False
        self._open_after_import = open_result
        self.imports.enqueue(list(files))

    def drop(self, mime: QMimeData) -> bool:
        """Files dropped on the window: import the supported ones; False when there were none."""
        files = supported_files(mime)
        if files:
            self.import_files(files)
        return bool(files)

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
        doc = self.p.current_document()
        if existing is None:
            QTimer.singleShot(0, lambda: self.import_files([sample], remember=False))
        elif doc is None or doc.id != existing.id:
            self.p.open_document(existing.id)

    @Slot(object)
    def _on_imported(self, result: Any) -> None:
        doc = result.document
        self.p.reload_library()
        if self._open_after_import and not self._opened_in_batch:
            self.p.open_document(doc.id)
            self._opened_in_batch = True
        if result.created:
            msg = (f"Geïmporteerd: {document_label(doc)} ({doc.item_count or len(self.p.items())} "
                   f"{item_noun(doc.doc_type, plural=True).lower()}).")
        else:
            msg = f"{document_label(doc)} was al geïmporteerd; het bestaande document staat in de bibliotheek."
        if result.warnings:
            msg += f" Let op: {len(result.warnings)} waarschuwing(en) bij het inlezen."
        waiting = getattr(result, "placed_pending", 0)
        if waiting:
            msg += (" 1 annotatie van een collega staat er nu bij." if waiting == 1
                    else f" {waiting} annotaties van collega's staan er nu bij.")
        msg += self.import_notice(result)
        self.p.message.emit(msg, 10000)
        self.import_finished.emit(result)

    def import_notice(self, result: Any) -> str:
        """Extra words after an import (the review actions say how many highlights became orphans)."""
        return ""

    @Slot(object)
    def _on_batch_finished(self, summary: BatchSummary) -> None:
        """One file that worked: the status bar said it. One refused file: its message. Else the summary."""
        if summary.total == 1 and not summary.cancelled:
            if summary.errors:
                self.ws.failed.emit(summary.errors[0])
        elif summary.total == 1 and summary.cancelled:
            self.p.message.emit(f"Import van {summary.skipped[0]} afgebroken; er is niets opgeslagen.", 8000)
        else:
            self.p.message.emit(summary.short(), 10000)
            self.summary_dialog = ImportSummaryDialog(summary, self.host)
            self.summary_dialog.open()
        self.batch_finished.emit(summary)

    def _fill_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.ws.settings.recent_files
        if not files:
            empty = menu.addAction("(nog geen)")
            empty.setEnabled(False)
            return
        for path in files:
            act = menu.addAction(Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.import_recent(p))

    # -- export and removal ---------------------------------------------------------------------

    @Slot()
    def export_briefing(self) -> None:
        doc = self.p.current_document()
        if doc is None:
            self.p.message.emit("Open eerst een document om te exporteren.", 4000)
            return
        try:
            from briefer.gui.export_dialog import ExportDialog

            dialog = ExportDialog(self.ws, doc, self.host)
        except Exception as exc:
            self.ws.failed.emit(exc)
            return
        dialog.exported.connect(lambda path: self.p.message.emit(f"Briefing opgeslagen als {path}", 15000))
        dialog.exec()

    @Slot()
    def delete_document(self) -> None:
        doc = self.p.current_document()
        if doc is None:
            return
        answer = QMessageBox.question(
            self.host, "Document verwijderen",
            f"{document_label(doc)} en alle annotaties erbij verwijderen? Dit kan niet ongedaan worden gemaakt.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ws.store.delete_document(doc.id)
        except Exception as exc:
            self.ws.failed.emit(exc)
            return
        self.p.close_document("Document verwijderd.")
        self.p.reload_library()
        self.p.reload_followups()
        if self.p.v.library_model.rowCount():
            self.p.open_document(self.p.v.library_model.document_at(0).id)
