"""GUI: the window's review actions: suggestions (panel and quiet marks), orphaned highlights,
the trash, and sharing annotations with a colleague (export/import of the exchange file).

Every change goes through the core (`Annotations`, `briefer.suggest`) and
lands on the undo stack; file dialogs collect paths, `briefer.annotate.files` reads and writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefer.gui.labels import LEVEL_LABELS, document_label, item_noun
from briefer.gui.orphans import OrphanRow, OrphansPanel
from briefer.gui.presenter import DocumentPresenter
from briefer.gui.qactions import make_action
from briefer.gui.suggestions_panel import SuggestionsPanel
from briefer.gui.theme import DEFAULT_HIGHLIGHT_HEX
from briefer.gui.trash import lookup
from briefer.gui.workspace import Workspace
from briefer.textutil import shorten

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


QUEUE_HEIGHT = 0.42  # of the window: the suggestion queue's height when it is opened


class ReviewActions(QObject):
    """GUI: suggestions (queue panel and marks), orphans, trash and annotation exchange.

    Owns act_suggest, act_trash, act_place_orphan, the sharing actions and the two panels it shows
    (`suggestions_panel`, `orphans_panel`); the window docks the panels.
    """

    def __init__(self, workspace: Workspace, presenter: DocumentPresenter, host: QWidget) -> None:
        super().__init__(host)
        self.ws, self.p, self.host = workspace, presenter, host
        self.suggestions = presenter.suggestions
        self.suggestions_panel = SuggestionsPanel(self.suggestions, presenter.item_by_number, host)
        self.suggestions_panel.open_item.connect(self._go_to_number)
        self.orphans_panel = OrphansPanel(host)
        self.orphans_panel.place_requested.connect(self.place_orphan)
        self.orphans_panel.delete_requested.connect(lambda hid: self.ws.perform(self.ws.ann.delete_highlight, hid))
        self.orphans_panel.show_requested.connect(self.show_orphan)
        self.suggestions_dock: Any = None  # set by the window once it docks the panels
        self.orphans_dock: Any = None
        self._merge_dialog: MergeReportDialog | None = None
        reader = presenter.v.reader
        reader.suggestion_accept.connect(self.suggestions.accept)
        reader.suggestion_dismiss.connect(self.suggestions.dismiss)
        presenter.item_shown.connect(self._item_shown)
        presenter.refreshed.connect(self.reload_orphans)
        presenter.document_opened.connect(lambda _d: self.reload_orphans())
        presenter.document_opened.connect(self._document_opened)
        presenter.document_closed.connect(self.reload_orphans)
        self.suggestions.updated.connect(self._update_title)
        self.act_suggest = make_action(host, "&Suggesties", self.show_suggestions, "Ctrl+Shift+S",
                                       "Voorgestelde toezeggingen, domeinen en vertrouwelijke passages nalopen")
        self.act_trash = make_action(host, "&Prullenbak…", self.show_trash,
                                     tip="Verwijderde markeringen, notities en vervolgacties terugzetten")
        self.act_place_orphan = make_action(host, "Verweesde markering hier p&laatsen", self.place_current_orphan,
                                            "Ctrl+Shift+H",
                                            "De gekozen verweesde markering op de geselecteerde tekst zetten")
        self.act_export_annotations = make_action(host, "Annotaties &delen…", self.export_annotations,
                                                  tip="De annotaties van dit document in een bestand voor een "
                                                      "collega, tot een gekozen niveau")
        self.act_import_annotations = make_action(host, "Annotaties i&mporteren…", self.import_annotations,
                                                  tip="Annotaties van een collega samenvoegen met de uwe")

    def _status(self, text: str, ms: int = 6000) -> None:
        self.p.message.emit(text, ms)

    def _go_to_number(self, number: int) -> None:
        item = self.p.item_by_number(number)
        if item is not None:
            self.p.select_item(item.id)

    # -- suggestions ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        if self.suggestions_dock is not None:
            count = len(self.suggestions.entries())
            self.suggestions_dock.setWindowTitle(f"Suggesties ({count})" if count else "Suggesties")

    @Slot(str)
    def _item_shown(self, item_id: str) -> None:
        item = self.p.v.outline_model.item(item_id)
        self.suggestions_panel.set_current_item(item.number if item else None)

    def show_suggestions(self) -> None:
        """Beeld → Suggesties: show the queue (or hide it when it is in front already), with room
        for a handful of suggestions (QUEUE_HEIGHT of the window) when its dock was lower."""
        dock = self.suggestions_dock
        if dock is None:
            return
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            dock.hide()
            return
        dock.show()
        dock.raise_()
        wanted = int(self.host.height() * QUEUE_HEIGHT)
        if dock.height() < wanted and hasattr(self.host, "resizeDocks"):
            self.host.resizeDocks([dock], [wanted], Qt.Orientation.Vertical)
        self.suggestions_panel.tree.setFocus()

    @Slot(str)
    def _document_opened(self, _doc_id: str) -> None:
        doc = self.p.current_document()
        self.suggestions_panel.noun = item_noun(doc.doc_type if doc else None)

    def accept_domain_suggestion(self, item_number: int, domain_id: str) -> bool:
        """Ticking a suggested domain accepts the suggestion (tag + decision); False when none."""
        entry = self.suggestions.domain_hints(item_number).get(domain_id)
        return entry is not None and self.suggestions.accept(entry.key)

    # -- orphans --------------------------------------------------------------------------------

    @Slot()
    def reload_orphans(self) -> None:
        rows: list[OrphanRow] = []
        doc = self.p.current_document()
        if doc is not None:
            domains = {d.id: d for d in self.p.domains()}
            for h in self.ws.query(self.ws.ann.orphans, doc.id, default=[]):
                item = self.ws.query(lookup, self.ws.store.item, h.item_id)
                where = "vraag ?" if item is None else f"vraag {item.number}"
                if item is not None and item.document_id != doc.id:
                    where += " (vorige versie)"
                domain = domains.get(h.domain_id or "")
                rows.append(OrphanRow(h, where, domain.name if domain else "",
                                      domain.colour if domain else DEFAULT_HIGHLIGHT_HEX))
        self.orphans_panel.set_rows(rows)
        if self.orphans_dock is not None:
            self.orphans_dock.setWindowTitle(f"Verweesde annotaties ({len(rows)})" if rows
                                             else "Verweesde annotaties")

    @Slot(str)
    def place_orphan(self, highlight_id: str) -> None:
        """"Hier plaatsen": attach an orphaned highlight to the text selected in the reader."""
        item = self.p.current_item()
        anchor = self.p.v.reader.selection_anchor()
        if item is None or anchor is None:
            self._status("Selecteer eerst in de tekst waar de markering hoort, en kies dan Hier plaatsen.")
            return
        field, start, end = anchor
        self.ws.perform(self.ws.ann.reattach_highlight, highlight_id, item.id, field, start, end)

    @Slot()
    def place_current_orphan(self) -> None:
        """Bewerken → Verweesde markering hier plaatsen (Ctrl+Shift+H): the one chosen in the panel."""
        hid = self.orphans_panel.current_id()
        if hid is None:
            self._status("Er is geen verweesde markering gekozen (Beeld → Verweesde annotaties).")
            return
        self.place_orphan(hid)

    @Slot(str)
    def show_orphan(self, highlight_id: str) -> None:
        hl = self.ws.query(self.ws.ann.highlight, highlight_id)
        if hl is None:
            return
        if self.p.v.outline_model.item(hl.item_id) is not None:
            self.p.select_item(hl.item_id)
        else:
            self._status("Deze markering hoorde bij een vraag die in de nieuwe versie niet meer voorkomt; zoek de "
                         "plek met Ctrl+F.")

    def import_notice(self, result: Any) -> str:
        """After importing a new version: how many highlights became orphans (and show them)."""
        report = getattr(result, "carry_over", None)
        orphaned = getattr(report, "orphaned", 0) or 0
        if not orphaned:
            return ""
        self.reload_orphans()
        if self.orphans_dock is not None:
            self.orphans_dock.show()
            self.orphans_dock.raise_()
        noun = "markering kon" if orphaned == 1 else "markeringen konden"
        return f" {orphaned} {noun} niet worden teruggevonden; zie Beeld → Verweesde annotaties."

    # -- trash ----------------------------------------------------------------------------------

    @Slot()
    def show_trash(self) -> None:
        from briefer.gui.trash import TrashDialog

        dialog = TrashDialog(self.ws, self.host)
        dialog.exec()
        self.ws.changed.disconnect(dialog.reload)
        dialog.deleteLater()

    # -- sharing --------------------------------------------------------------------------------

    def export_annotations(self, path: str | Path | None = None, ceiling: str = "intern") -> Path | None:
        """Bestand → Annotaties delen…: the open document's annotations (up to `ceiling`) to a file.

        Without `path` the share dialog asks for the ceiling and the file and shows what stays out.
        """
        from briefer.annotate.files import share_document
        from briefer.gui.share_dialog import ShareDialog

        doc = self.p.current_document()
        if doc is None:
            self.p.message.emit("Open eerst een document om de annotaties te exporteren.", 4000)
            return None
        if path is None:
            dialog = ShareDialog(self.ws, doc, self.host)
            dialog.exec()
            result = dialog.result
            dialog.deleteLater()
        else:
            result = self.ws.query(share_document, self.ws.ann, doc.id, path, ceiling=ceiling,
                                   databases=tuple(p for p in (self.ws.db_path,) if p),
                                   author=self.ws.settings.user_name)
        if result is None:
            return None
        left = (" " + " ".join(result.left_out)) if result.left_out else ""
        noun = "annotatie" if result.count == 1 else "annotaties"
        self.p.message.emit(f"{result.count} {noun} van {document_label(doc)} gedeeld naar "
                            f"{result.path}.{left}", 10000)
        return result.path

    def import_annotations(self, path: str | Path | None = None) -> Any:
        """Bestand → Annotaties importeren…: merge a colleague's file (undoable) and show the report."""
        from briefer.annotate.files import read_exchange_file
        from briefer.gui.commands import ChangeCommand

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self.host, "Annotaties importeren", "", "Annotaties (*.json)")
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
        doc = self.p.current_document()
        if doc is None or report.document_id != doc.id:
            self.p.open_document(report.document_id)
        self.ws.changed.emit()
        self.p.message.emit(f"Annotaties van {Path(path).name} samengevoegd; ongedaan maken: Ctrl+Z.",
                                     10000)
        self._merge_dialog = MergeReportDialog(report, Path(path).name, self.host)
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
