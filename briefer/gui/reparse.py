"""GUI: Bestand → Opnieuw inlezen als — read the open document again as another type.

Type detection can be wrong (a nota read as a letter, a letter as "other"). The menu lists every
registered type, the current one checked; choosing another asks once, then re-parses the stored
original as a new version (`briefer.importer.reparse_document`, the same call as `briefer reparse`),
carries the annotations over and opens the new version at the same question number. Nothing is
lost: annotations that cannot be placed become verweesd (shown), and the old version stays in the
library's version history. It runs on the GUI thread with a wait cursor: a re-parse reads no file
and takes about as long as opening the document's original (well under a few seconds for the
documents staffers receive); a worker would need its own connection for one write transaction.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from briefer.gui.labels import document_label
from briefer.model import doc_type_label


class ReparseActions(QObject):
    """GUI: the "Opnieuw inlezen als" menu over `importer.reparse_document`."""

    def __init__(self, workspace: Any, presenter: Any, host: QWidget, *, ask: bool = True) -> None:
        super().__init__(host)
        self.ws = workspace
        self.p = presenter
        self.host = host
        self.ask = ask  # tests switch the question off
        self.menu = QMenu("Opnieuw &inlezen als", host)
        self.menu.setToolTip("Het document opnieuw lezen als een ander soort stuk; annotaties gaan mee")
        self.menu.aboutToShow.connect(self._fill)
        self._group = QActionGroup(self.menu)

    def _fill(self) -> None:
        from briefer.ingest.types import type_names

        self.menu.clear()
        doc = self.p.current_document()
        for name in type_names():
            act = self.menu.addAction(doc_type_label(name))
            act.setCheckable(True)
            act.setChecked(doc is not None and doc.doc_type == name)
            act.setEnabled(doc is not None)
            self._group.addAction(act)
            act.triggered.connect(lambda _=False, n=name: self.reparse(n))

    @Slot()
    def reparse(self, doc_type: str) -> Any:
        """Re-parse the open document as `doc_type`; returns the ImportResult (None when not done)."""
        from briefer.importer import reparse_document

        doc = self.p.current_document()
        if doc is None:
            self.p.message.emit("Open eerst een document om het opnieuw in te lezen.", 4000)
            return None
        if doc.doc_type == doc_type:
            self.p.message.emit(f"{document_label(doc)} is al gelezen als {doc_type_label(doc_type).lower()}.",
                                4000)
            return None
        if self.ask:
            answer = QMessageBox.question(
                self.host, "Opnieuw inlezen",
                f"{document_label(doc)} opnieuw inlezen als {doc_type_label(doc_type).lower()}?\n\n"
                "Er komt een nieuwe versie; uw annotaties gaan mee. Wat niet terug te vinden is, blijft "
                "bewaard als verweesde annotatie.")
            if answer != QMessageBox.StandardButton.Yes:
                return None
        item = self.p.current_item()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.ws.query(reparse_document, self.ws.store, doc.id, doc_type)
        finally:
            QApplication.restoreOverrideCursor()
        if result is None:
            return None  # the error was shown
        new = result.document
        self.p.reload_library()
        target = None
        if item is not None:
            target = next((i.id for i in self.ws.store.items(new.id) if i.number == item.number), None)
        self.p.open_document(new.id, target)
        self.ws.changed.emit()
        report = result.carry_over
        orphaned = getattr(report, "orphaned", 0) or 0
        extra = f" {orphaned} markering(en) niet teruggevonden (verweesd)." if orphaned else ""
        self.p.message.emit(f"Opnieuw ingelezen als {doc_type_label(new.doc_type).lower()}: "
                            f"{new.item_count or len(self.p.items())} onderdelen.{extra}", 10000)
        return result
