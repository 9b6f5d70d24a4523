"""GUI: the window's review actions: suggestions (panel and quiet marks), orphaned highlights,
the trash, and sharing annotations with a colleague (export/import of the exchange file).

A mixin of `MainWindow`. Every change goes through the core (`Annotations`, `briefer.suggest`) and
lands on the undo stack; file dialogs collect paths, `briefer.annotate.files` reads and writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QTextBrowser, QVBoxLayout

from briefer.gui.labels import LEVEL_LABELS, document_label
from briefer.gui.models import Markers
from briefer.gui.orphans import OrphanRow, OrphansPanel
from briefer.gui.suggestions import SuggestionController
from briefer.gui.suggestions_panel import SuggestionsPanel
from briefer.gui.theme import DEFAULT_HIGHLIGHT_HEX
from briefer.gui.trash import lookup
from briefer.textutil import shorten

if TYPE_CHECKING:
    from briefer.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object

CONFLICT_FIELDS = {"highlights": ("exact", "note", "level"), "notes": ("body", "level"),
                   "followups": ("text", "status", "owner", "due", "level")}
FIELD_NAMES = {"exact": "tekst", "note": "notitie", "level": "niveau", "body": "tekst", "text": "tekst",
               "status": "status", "owner": "eigenaar", "due": "termijn"}


def describe_row(kind: str, row: dict[str, Any] | None) -> str:
    """A conflicting annotation in one line ("tekst: … · niveau: intern")."""
    if row is None:
        return "(verwijderd)"
    parts = []
    for name in CONFLICT_FIELDS.get(kind, ()):
        value = row.get(name)
        if value in (None, ""):
            continue
        value = LEVEL_LABELS.get(value, value) if name == "level" else str(value)
        parts.append(f"{FIELD_NAMES[name]}: {shorten(value, 120)}")
    return " · ".join(parts) or "(leeg)"


def merge_report_html(report: Any) -> str:
    """The merge report in Dutch: the summary lines, then each conflict with both versions."""
    import html

    out = ["<p>" + "<br>".join(html.escape(line) for line in report.lines()
                               if not line.startswith("Conflict")) + "</p>"]
    if report.conflicts:
        out.append(f"<p><b>{len(report.conflicts)} conflict(en): uw versie is behouden.</b> De versie van "
                   "de collega staat eronder; neem over wat u wilt.</p><ul>")
        for c in report.conflicts:
            where = f"vraag {c.item_number}: " if c.item_number is not None else ""
            out.append(f"<li>{html.escape(where + c.reason)}<br><span style='color:#5f6b7a'>Hier (behouden): "
                       f"{html.escape(describe_row(c.kind, c.local))}<br>Collega: "
                       f"{html.escape(describe_row(c.kind, c.theirs))}</span></li>")
        out.append("</ul>")
    return "".join(out)


class ReviewActions(_Base):
    """GUI: suggestions, orphans, trash and annotation exchange for the main window (mixin)."""

    def _build_review_docks(self) -> None:
        self.suggestions = SuggestionController(self.ws, self)
        self.suggestions.updated.connect(self._on_suggestions_updated)
        self.suggestions_panel = SuggestionsPanel(self.suggestions, self)
        self.suggestions_panel.open_item.connect(self.go_to_number)
        self.suggestions_dock = self._dock("Suggesties", "suggestionsDock", self.suggestions_panel,
                                           Qt.DockWidgetArea.BottomDockWidgetArea)
        self.orphans_panel = OrphansPanel(self)
        self.orphans_panel.place_requested.connect(self.place_orphan)
        self.orphans_panel.delete_requested.connect(self.delete_highlight)
        self.orphans_panel.show_requested.connect(self.show_orphan)
        self.orphans_dock = self._dock("Verweesde annotaties", "orphansDock", self.orphans_panel,
                                       Qt.DockWidgetArea.BottomDockWidgetArea)
        for dock in (self.suggestions_dock, self.orphans_dock):
            self.tabifyDockWidget(self.followups_dock, dock)
            dock.hide()
        self.followups_dock.raise_()
        self.reader.suggestion_accept.connect(self.suggestions.accept)
        self.reader.suggestion_dismiss.connect(self.suggestions.dismiss)
        self.item_shown.connect(self._review_item_shown)

    # -- suggestions ----------------------------------------------------------------------------

    def suggestion_markers(self, markers: dict[str, Markers]) -> dict[str, Markers]:
        """Add the quiet ◆ (with tooltip lines) to the outline markers of items with open suggestions."""
        numbers = self.suggestions.item_numbers()
        if not numbers:
            return markers
        out = dict(markers)
        for item in self.outline_model.items():
            if item.number in numbers:
                base = out.get(item.id, Markers())
                tips = tuple(e.tip for e in self.suggestions.for_item(item.number))
                out[item.id] = Markers(base.colours, base.has_note, base.followups, base.confidential, tips)
        return out

    @Slot()
    def _on_suggestions_updated(self) -> None:
        """New suggestions: swap the ◆ marks (no core queries) and redraw the item only if its own changed."""
        if self._doc is None or self.suggestions.doc_id != self._doc.id:
            return
        plain = {item_id: Markers(m.colours, m.has_note, m.followups, m.confidential)
                 for item_id, m in self.outline_model.all_markers().items()}
        self.outline_model.set_markers(self.suggestion_markers(plain))
        item = self.current_item()
        if item is not None:
            shown = ([e.key for e in self.reader.suggestions_shown()], self.inspector.domain_hint_ids())
            wanted = ([e.key for e in self.suggestions.sentence_marks(item.number)],
                      {d for d in self.suggestions.domain_hints(item.number)} - self.inspector.checked_domain_ids())
            if shown != wanted:
                self.show_item(item.id, keep_scroll=True)
        count = len(self.suggestions.entries())
        self.suggestions_dock.setWindowTitle(f"Suggesties ({count})" if count else "Suggesties")

    @Slot(str)
    def _review_item_shown(self, item_id: str) -> None:
        item = self.outline_model.item(item_id)
        self.suggestions_panel.set_current_item(item.number if item else None)

    def show_suggestions(self) -> None:
        """Beeld → Suggesties: show the panel (or hide it when it is in front already)."""
        if self.suggestions_dock.isVisible() and not self.suggestions_dock.visibleRegion().isEmpty():
            self.suggestions_dock.hide()
            return
        self.suggestions_dock.show()
        self.suggestions_dock.raise_()
        self.suggestions_panel.list.setFocus()

    def accept_domain_suggestion(self, item_number: int, domain_id: str) -> bool:
        """Ticking a suggested domain accepts the suggestion (tag + decision); False when none."""
        entry = self.suggestions.domain_hints(item_number).get(domain_id)
        return entry is not None and self.suggestions.accept(entry.key)

    # -- orphans --------------------------------------------------------------------------------

    def reload_orphans(self) -> None:
        rows: list[OrphanRow] = []
        if self._doc is not None:
            domains = {d.id: d for d in self._domains}
            for h in self.ws.query(self.ws.ann.orphans, self._doc.id, default=[]):
                item = self.ws.query(lookup, self.ws.store.item, h.item_id)
                where = "vraag ?" if item is None else f"vraag {item.number}"
                if item is not None and item.document_id != self._doc.id:
                    where += " (vorige versie)"
                domain = domains.get(h.domain_id or "")
                rows.append(OrphanRow(h, where, domain.name if domain else "",
                                      domain.colour if domain else DEFAULT_HIGHLIGHT_HEX))
        self.orphans_panel.set_rows(rows)
        self.orphans_dock.setWindowTitle(f"Verweesde annotaties ({len(rows)})" if rows else "Verweesde annotaties")

    @Slot(str)
    def place_orphan(self, highlight_id: str) -> None:
        """"Hier plaatsen": attach an orphaned highlight to the text selected in the reader."""
        item = self.current_item()
        anchor = self.reader.selection_anchor()
        if item is None or anchor is None:
            self.statusBar().showMessage("Selecteer eerst in de tekst waar de markering hoort, en kies dan "
                                         "Hier plaatsen.", 6000)
            return
        field, start, end = anchor
        self.ws.perform(self.ws.ann.reattach_highlight, highlight_id, item.id, field, start, end)

    @Slot()
    def place_current_orphan(self) -> None:
        """Bewerken → Verweesde markering hier plaatsen (Ctrl+Shift+H): the one chosen in the panel."""
        hid = self.orphans_panel.current_id()
        if hid is None:
            self.statusBar().showMessage("Er is geen verweesde markering gekozen (Beeld → Verweesde annotaties).",
                                         6000)
            return
        self.place_orphan(hid)

    @Slot(str)
    def show_orphan(self, highlight_id: str) -> None:
        hl = self.ws.query(self.ws.ann.highlight, highlight_id)
        if hl is None:
            return
        if self.outline_model.item(hl.item_id) is not None:
            self.select_item(hl.item_id)
        else:
            self.statusBar().showMessage("Deze markering hoorde bij een vraag die in de nieuwe versie niet meer "
                                         "voorkomt; zoek de plek met Ctrl+F.", 6000)

    def import_notice(self, result: Any) -> str:
        """After importing a new version: how many highlights became orphans (and show them)."""
        report = getattr(result, "carry_over", None)
        orphaned = getattr(report, "orphaned", 0) or 0
        if not orphaned:
            return ""
        self.reload_orphans()
        self.orphans_dock.show()
        self.orphans_dock.raise_()
        noun = "markering kon" if orphaned == 1 else "markeringen konden"
        return f" {orphaned} {noun} niet worden teruggevonden; zie Beeld → Verweesde annotaties."

    # -- trash ----------------------------------------------------------------------------------

    @Slot()
    def show_trash(self) -> None:
        from briefer.gui.trash import TrashDialog

        dialog = TrashDialog(self.ws, self)
        dialog.exec()
        self.ws.changed.disconnect(dialog.reload)
        dialog.deleteLater()

    # -- sharing --------------------------------------------------------------------------------

    def export_annotations(self, path: str | Path | None = None, ceiling: str = "intern") -> Path | None:
        """Bestand → Annotaties exporteren…: the open document's annotations (up to `ceiling`) to a file."""
        from briefer.annotate.files import share_document

        doc = self._doc
        if doc is None:
            self.statusBar().showMessage("Open eerst een document om de annotaties te exporteren.", 4000)
            return None
        overwrite = False
        if path is None:
            suggested = Path(self.ws.settings.export_dir or Path.home()) / f"{doc.identifier} annotaties.json"
            chosen, _ = QFileDialog.getSaveFileName(self, "Annotaties exporteren", str(suggested),
                                                    "Annotaties (*.json)")
            if not chosen:
                return None
            path, overwrite = chosen, True  # the file dialog asked before replacing
        result = self.ws.query(share_document, self.ws.ann, doc.id, path, ceiling=ceiling, overwrite=overwrite,
                               databases=tuple(p for p in (self.ws.db_path,) if p),
                               author=self.ws.settings.user_name)
        if result is None:
            return None
        left = (" " + " ".join(result.left_out)) if result.left_out else ""
        self.statusBar().showMessage(f"{result.count} annotaties van {document_label(doc)} gedeeld naar "
                                     f"{result.path}.{left}", 10000)
        return result.path

    def import_annotations(self, path: str | Path | None = None) -> Any:
        """Bestand → Annotaties importeren…: merge a colleague's file (undoable) and show the report."""
        from briefer.annotate.files import read_exchange_file
        from briefer.gui.commands import ChangeCommand

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Annotaties importeren", "", "Annotaties (*.json)")
            if not chosen:
                return None
            path = chosen
        data = self.ws.query(read_exchange_file, path)
        if data is None:
            return None
        report = self.ws.query(self.ws.ann.import_json, data)
        if report is None:
            return None
        change = report.change
        if change is not None and not change.empty:
            self.ws.undo_stack.push(ChangeCommand(self.ws.ann, change, on_applied=self.ws.changed.emit,
                                                  on_error=self.ws.failed.emit))
        if self._doc is None or report.document_id != self._doc.id:
            self.open_document(report.document_id)
        self.ws.changed.emit()
        self.statusBar().showMessage(f"Annotaties van {Path(path).name} samengevoegd; ongedaan maken: Ctrl+Z.",
                                     10000)
        self._merge_dialog = MergeReportDialog(report, Path(path).name, self)
        self._merge_dialog.open()
        return report


class MergeReportDialog(QDialog):
    """GUI: what importing a colleague's annotations did (Dutch), conflicts with both versions."""

    def __init__(self, report: Any, name: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Annotaties samengevoegd — {name}")
        self.resize(620, 380)
        self.text = QTextBrowser()
        self.text.setHtml(merge_report_html(report))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Samengevoegd op id; niets is stilzwijgend overschreven. Ongedaan maken: Ctrl+Z."))
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
