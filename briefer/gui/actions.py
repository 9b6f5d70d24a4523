"""GUI: the window's annotation actions (digits, highlight, note, follow-ups, search, domains).

A mixin of `MainWindow`: each action turns what the user did into one core call, run through
`Workspace.perform` so it lands on the undo stack; dialogs collect input, the core decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QInputDialog, QMessageBox

from briefer.gui.dialogs import FollowUpDialog, ShortcutsDialog
from briefer.gui.labels import document_label
from briefer.model import FollowUpStatus, Level

if TYPE_CHECKING:
    from briefer.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class AnnotationActions(_Base):
    """GUI: annotation, search and domain actions of the main window (mixin; files: `briefer.gui.files`)."""

    # -- domains and highlights ------------------------------------------------------------------

    @Slot(int)
    def tag_with_digit(self, digit: int) -> None:
        """1–9: highlight the selection with that domain, or (no selection) toggle the item's tag."""
        item = self.current_item()
        if item is None:
            return
        domain = self.domain_by_key(digit)
        if domain is None:
            self.statusBar().showMessage(f"Geen domein onder toets {digit}; zie het Domeinen-paneel.", 5000)
            return
        anchor = self.reader.selection_anchor()
        if anchor is not None:
            field, start, end = anchor
            self.ws.perform(self.ws.ann.add_highlight, item.id, field, start, end, domain_id=domain.id)
        else:
            tagged = {d.id for d in self.ws.query(self.ws.ann.item_domains, item.id, default=[])}
            if domain.id in tagged:
                self.ws.perform(self.ws.ann.untag_item, item.id, domain.id)
            else:
                self.ws.perform(self.ws.ann.tag_item, item.id, domain.id)

    @Slot(object)
    def highlight_selection(self, domain_id: str | None = None) -> None:
        item = self.current_item()
        anchor = self.reader.selection_anchor()
        if item is None or anchor is None:
            self.statusBar().showMessage("Selecteer eerst een passage in de tekst.", 4000)
            return
        field, start, end = anchor
        self.ws.perform(self.ws.ann.add_highlight, item.id, field, start, end, domain_id=domain_id)

    @Slot(str, bool)
    def toggle_domain(self, domain_id: str, checked: bool) -> None:
        item = self.current_item()
        if item is None:
            return
        if checked:
            if self.accept_domain_suggestion(item.number, domain_id):
                return  # tagged through the suggestion, which is then decided too
            self.ws.perform(self.ws.ann.tag_item, item.id, domain_id)
        else:
            self.ws.perform(self.ws.ann.untag_item, item.id, domain_id)

    @Slot(str)
    def show_highlight(self, highlight_id: str) -> None:
        hl = next((h for h in self.ws.query(self.ws.ann.highlights, self._item_id, default=[])
                   if h.id == highlight_id), None) if self._item_id else None
        if hl is not None:
            self.tabs.setCurrentIndex(0)
            self.reader.select_range(hl.field, hl.start, hl.end)

    @Slot(str)
    def delete_highlight(self, highlight_id: str) -> None:
        self.ws.perform(self.ws.ann.delete_highlight, highlight_id)

    @Slot(str, str)
    def set_highlight_level(self, highlight_id: str, level: str) -> None:
        self.ws.perform(self.ws.ann.update_highlight, highlight_id, level=Level(level))

    @Slot(str, object)
    def set_highlight_domain(self, highlight_id: str, domain_id: str | None) -> None:
        self.ws.perform(self.ws.ann.update_highlight, highlight_id, domain_id=domain_id)

    @Slot(str)
    def edit_highlight_note(self, highlight_id: str) -> None:
        hl = next((h for h in self.ws.query(self.ws.ann.highlights, self._item_id, default=[])
                   if h.id == highlight_id), None) if self._item_id else None
        if hl is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Notitie bij markering", f"“{hl.exact[:80]}”", hl.note)
        if ok and text != hl.note:
            self.ws.perform(self.ws.ann.update_highlight, highlight_id, note=text)

    # -- notes ----------------------------------------------------------------------------------

    @Slot()
    def new_note(self) -> None:
        if self.current_item() is None:
            return
        self.inspector_dock.show()
        self.inspector.focus_note()

    @Slot(str, str, str)
    def save_note(self, item_id: str, body: str, level: str) -> None:
        item = self.outline_model.item(item_id)
        if item is None:
            return
        note = self.ws.query(self.ws.ann.note, item.document_id, item_id)
        chosen: Level | None = Level(level)
        if (note is None and chosen == Level.INTERN) or (note is not None and chosen == note.level):
            chosen = None  # the untouched default (or unchanged level): the core decides / keeps it
        self.ws.perform(self.ws.ann.set_note, item.document_id, item_id, body, level=chosen,
                        merge_key=f"note:{item_id}")

    @Slot()
    def edit_kern(self) -> None:
        """The document note ("Kern"), edited in a dialog and saved as one undoable change."""
        doc = self._doc
        if doc is None:
            return
        from briefer.gui.dialogs import KernDialog

        note = self.ws.query(self.ws.ann.note, doc.id, None)
        dialog = KernDialog(self, title=document_label(doc), body=note.body if note else "",
                            level=str(note.level) if note else str(Level.INTERN))
        if dialog.exec():
            body, level = dialog.body.toPlainText(), Level(dialog.level.currentData())
            if note is None or body != note.body or level != note.level:
                self.ws.perform(self.ws.ann.set_note, doc.id, None, body, level=level)

    # -- follow-ups -----------------------------------------------------------------------------

    @Slot()
    def new_followup(self) -> None:
        item = self.current_item()
        if item is None:
            return
        highlights = self.ws.query(self.ws.ann.highlights, item.id, default=[])
        anchor = self.reader.selection_anchor()
        preselect = None
        if anchor is not None:
            preselect = next((h.id for h in highlights if (h.field, h.start, h.end) == anchor), None)
        dialog = FollowUpDialog(self, highlights=highlights, highlight_id=preselect,
                                default_owner=self.ws.settings.user_name)
        if dialog.exec():
            values = dialog.values()
            if values.get("level") == Level.INTERN:
                values["level"] = None  # the dialog's default: the material decides (vertrouwelijk item)
            self.ws.perform(self.ws.ann.add_followup, item.id, **values)

    @Slot(str)
    def edit_followup(self, followup_id: str) -> None:
        fu = next((f for f in self.ws.query(self.ws.ann.followups, item_id=self._item_id, default=[])
                   if f.id == followup_id), None) if self._item_id else None
        if fu is None:
            return
        highlights = self.ws.query(self.ws.ann.highlights, fu.item_id, default=[])
        dialog = FollowUpDialog(self, followup=fu, highlights=highlights)
        if dialog.exec():
            values = dialog.values()
            changed = {k: v for k, v in values.items() if getattr(fu, k) != v}
            if changed:
                self.ws.perform(self.ws.ann.update_followup, followup_id, **changed)

    @Slot(str, str)
    def set_followup_status(self, followup_id: str, status: str) -> None:
        self.ws.perform(self.ws.ann.update_followup, followup_id, status=FollowUpStatus(status))

    @Slot(str, str)
    def _edit_followup_from_overview(self, doc_id: str, followup_id: str) -> None:
        self.open_followup(doc_id, followup_id)
        self.edit_followup(followup_id)

    @Slot(str)
    def delete_followup(self, followup_id: str) -> None:
        self.ws.perform(self.ws.ann.delete_followup, followup_id)

    # -- search, domains, help --------------------------------------------------------------------

    @Slot()
    def search_everything(self) -> None:
        from briefer.gui.search import SearchDialog

        dialog = SearchDialog(self.ws, self, current_document=self._doc.id if self._doc else None)
        dialog.open_requested.connect(self.open_search_result)
        self._search_dialog = dialog
        dialog.show()
        dialog.query.setFocus()

    @Slot()
    def open_find_bar(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.find_bar.open_bar()

    @Slot()
    def manage_domains(self) -> None:
        from briefer.gui.domains_dialog import DomainsDialog

        DomainsDialog(self.ws, self).exec()

    @Slot()
    def set_user_name(self) -> None:
        name, ok = QInputDialog.getText(self, "Uw naam", "Naam in geëxporteerde briefings (Van):",
                                        text=self.ws.settings.user_name)
        if ok:
            self.ws.settings.user_name = name.strip()

    @Slot()
    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self, "Over Briefer",
                          "<b>Briefer</b><br>Kamerstukken lezen, annoteren en briefings maken.<br>"
                          f"Database: {self.ws.db_path}")
