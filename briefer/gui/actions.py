"""GUI: the annotation actions (digits, highlight, note, Kern, follow-ups, item title, domains).

`AnnotationActions` owns its QActions and turns what the user did into one core call, run through
`Workspace.perform` so it lands on the undo stack; dialogs collect input, the core decides. It is
handed the workspace, the presenter (what is open) and the window it lives in; it never imports
the window.

Levels: a new note or follow-up is created with `level=None`, so the core decides from the
material (a note on a vertrouwelijk passage starts vertrouwelijk). Only an explicit choice of the
user passes a level.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QInputDialog, QWidget

from briefer.gui.dialogs import FollowUpDialog
from briefer.gui.labels import document_label
from briefer.gui.presenter import DocumentPresenter
from briefer.gui.qactions import make_action
from briefer.gui.workspace import Workspace
from briefer.model import FollowUpStatus, Level


class TitleCommand(QUndoCommand):
    """GUI: renaming an item in the outline (the staffer's own title), undoable."""

    def __init__(self, ws: Workspace, item_id: str, old: str | None, new: str | None) -> None:
        super().__init__("Titel van de vraag wijzigen")
        self.ws, self.item_id, self.old, self.new = ws, item_id, old, new

    def _set(self, title: str | None) -> None:
        from briefer.store.titles import set_item_title

        try:
            set_item_title(self.ws.store, self.item_id, title)
        except Exception as exc:
            self.setObsolete(True)
            self.ws.failed.emit(exc)
        self.ws.changed.emit()

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)


class AnnotationActions(QObject):
    """GUI: annotation actions of the window; owns act_highlight, digits, note, follow-up, Kern, title."""

    def __init__(self, workspace: Workspace, presenter: DocumentPresenter, host: QWidget) -> None:
        super().__init__(host)
        self.ws, self.p, self.host = workspace, presenter, host
        v = presenter.v
        self.act_highlight = make_action(host, "Selectie &markeren", lambda: self.highlight_selection(None), "H")
        self.digit_actions: list[QAction] = [
            make_action(host, f"Domein {d}", lambda d=d: self.tag_with_digit(d), str(d)) for d in range(1, 10)]
        self.act_domains = make_action(host, "Domeinen &beheren…", self.manage_domains)
        self.act_note = make_action(host, "&Notitie schrijven", self.new_note, "N")
        self.act_followup = make_action(host, "&Vervolgactie toevoegen…", self.new_followup, "F")
        self.act_kern = make_action(host, "&Kern van het document…", self.edit_kern, "Ctrl+Shift+N")
        self.act_title = make_action(host, "&Titel van de vraag…", self.edit_title, "F2",
                                     "Uw eigen titel voor deze vraag in het overzicht")
        self.act_user = make_action(host, "Uw naam voor briefings…", self.set_user_name)
        v.reader.highlight_requested.connect(self.highlight_selection)
        v.reader.followup_requested.connect(self.new_followup)
        insp = v.inspector
        insp.domain_toggled.connect(self.toggle_domain)
        insp.note_edited.connect(self.save_note)
        insp.highlight_activated.connect(self.show_highlight)
        insp.highlight_delete.connect(self.delete_highlight)
        insp.highlight_domain.connect(self.set_highlight_domain)
        insp.highlight_note.connect(self.edit_highlight_note)
        insp.followup_add.connect(self.new_followup)
        insp.followup_edit.connect(self.edit_followup)
        insp.followup_delete.connect(self.delete_followup)
        v.kern.edit_requested.connect(self.edit_kern)
        v.followups.edit_followup.connect(self._edit_followup_from_overview)
        v.followups.status_requested.connect(self.set_followup_status)
        self.accept_domain_suggestion: Any = lambda _number, _domain_id: False  # set by the review actions
        self.reveal_inspector: Any = lambda: None  # set by the window: show the inspector's dock

    def _status(self, text: str, ms: int = 5000) -> None:
        self.p.message.emit(text, ms)

    # -- domains and highlights ------------------------------------------------------------------

    @Slot(int)
    def tag_with_digit(self, digit: int) -> None:
        """1–9: highlight the selection with that domain, or (no selection) toggle the item's tag."""
        item = self.p.current_item()
        if item is None:
            return
        domain = self.p.domain_by_key(digit)
        if domain is None:
            self._status(f"Geen domein onder toets {digit}; zie Bewerken → Taggen met domein.")
            return
        anchor = self.p.v.reader.selection_anchor()
        if anchor is not None:
            self._highlight_anchor(item.id, anchor, domain.id)
            return
        tagged = {d.id for d in self.ws.query(self.ws.ann.item_domains, item.id, default=[])}
        if domain.id in tagged:
            self.ws.perform(self.ws.ann.untag_item, item.id, domain.id)
        else:
            self.ws.perform(self.ws.ann.tag_item, item.id, domain.id)

    @Slot(object)
    def highlight_selection(self, domain_id: str | None = None) -> None:
        item = self.p.current_item()
        anchor = self.p.v.reader.selection_anchor()
        if item is None or anchor is None:
            self._status("Selecteer eerst een passage in de tekst.", 4000)
            return
        self._highlight_anchor(item.id, anchor, domain_id)

    def _highlight_anchor(self, item_id: str, anchor: tuple[str, int, int], domain_id: str | None) -> None:
        """Mark the selection; the cursor then rests inside the new highlight (no selection left), so
        O, I, V set its level at once and 1–9 tag the question instead of marking the text again."""
        field, start, end = anchor
        if self.ws.perform(self.ws.ann.add_highlight, item_id, field, start, end, domain_id=domain_id) is not None:
            self.p.v.reader.place_cursor(field, start)

    @Slot(str, bool)
    def toggle_domain(self, domain_id: str, checked: bool) -> None:
        item = self.p.current_item()
        if item is None:
            return
        if checked:
            if self.accept_domain_suggestion(item.number, domain_id):
                return  # tagged through the suggestion, which is then decided too
            self.ws.perform(self.ws.ann.tag_item, item.id, domain_id)
        else:
            self.ws.perform(self.ws.ann.untag_item, item.id, domain_id)

    def _highlight(self, highlight_id: str) -> Any:
        item_id = self.p.current_item_id()
        if not item_id:
            return None
        return next((h for h in self.ws.query(self.ws.ann.highlights, item_id, default=[]) if h.id == highlight_id),
                    None)

    @Slot(str)
    def show_highlight(self, highlight_id: str) -> None:
        hl = self._highlight(highlight_id)
        if hl is not None:
            self.p.v.tabs.setCurrentIndex(0)
            self.p.v.reader.select_range(hl.field, hl.start, hl.end)

    @Slot(str)
    def delete_highlight(self, highlight_id: str) -> None:
        self.ws.perform(self.ws.ann.delete_highlight, highlight_id)

    @Slot(str, object)
    def set_highlight_domain(self, highlight_id: str, domain_id: str | None) -> None:
        self.ws.perform(self.ws.ann.update_highlight, highlight_id, domain_id=domain_id)

    @Slot(str)
    def edit_highlight_note(self, highlight_id: str) -> None:
        hl = self._highlight(highlight_id)
        if hl is None:
            return
        text, ok = QInputDialog.getMultiLineText(self.host, "Notitie bij markering", f"“{hl.exact[:80]}”", hl.note)
        if ok and text != hl.note:
            self.ws.perform(self.ws.ann.update_highlight, highlight_id, note=text)

    # -- notes ----------------------------------------------------------------------------------

    @Slot()
    def new_note(self) -> None:
        if self.p.current_item() is None:
            return
        self.reveal_inspector()
        self.p.v.inspector.focus_note()

    @Slot(str, str, object)
    def save_note(self, item_id: str, body: str, level: str | None) -> None:
        """The inspector's note; `level` None: the user did not choose one (the core keeps or decides it)."""
        item = self.p.v.outline_model.item(item_id)
        if item is None:
            return
        self.ws.perform(self.ws.ann.set_note, item.document_id, item_id, body,
                        level=None if level is None else Level(level), merge_key=f"note:{item_id}")

    @Slot()
    def edit_kern(self) -> None:
        """The document note ("Kern"), edited in a dialog and saved as one undoable change."""
        doc = self.p.current_document()
        if doc is None:
            return
        from briefer.gui.dialogs import KernDialog

        note = self.ws.query(self.ws.ann.note, doc.id, None)
        dialog = KernDialog(self.host, title=document_label(doc), body=note.body if note else "",
                            level=str(note.level) if note else None)
        if not dialog.exec():
            return
        body, level = dialog.body.toPlainText(), dialog.level.currentData()
        if note is not None and body == note.body and (level is None or level == note.level):
            return
        if level is None:
            self.ws.perform(self.ws.ann.set_note, doc.id, None, body)
        else:
            self.ws.perform(self.ws.ann.set_note, doc.id, None, body, level=Level(level))

    @Slot()
    def edit_title(self) -> None:
        """F2: the staffer's own title for the current item in the outline (empty: the key phrase again)."""
        item = self.p.current_item()
        if item is None:
            return
        model = self.p.v.outline_model
        old = model.user_title(item.id)
        text, ok = QInputDialog.getText(
            self.host, "Titel van de vraag",
            f"Uw titel voor vraag {item.number} in het overzicht (leeg: Briefers eigen samenvatting "
            f"“{model.subject(item.id)}”):", text=old or "")
        new = " ".join(text.split()) or None
        if ok and new != old:
            self.ws.undo_stack.push(TitleCommand(self.ws, item.id, old, new))

    # -- follow-ups -----------------------------------------------------------------------------

    @Slot()
    def new_followup(self) -> None:
        item = self.p.current_item()
        if item is None:
            return
        highlights = self.ws.query(self.ws.ann.highlights, item.id, default=[])
        anchor = self.p.v.reader.selection_anchor()
        preselect = None
        if anchor is not None:
            preselect = next((h.id for h in highlights if (h.field, h.start, h.end) == anchor), None)
        dialog = FollowUpDialog(self.host, highlights=highlights, highlight_id=preselect,
                                default_owner=self.ws.settings.user_name)
        if dialog.exec():
            values = dialog.values()
            self.ws.perform(self.ws.ann.add_followup, item.id, **values)  # level None: the core decides

    @Slot(str)
    def edit_followup(self, followup_id: str) -> None:
        item_id = self.p.current_item_id()
        fu = next((f for f in self.ws.query(self.ws.ann.followups, item_id=item_id, default=[])
                   if f.id == followup_id), None) if item_id else None
        if fu is None:
            return
        from briefer.gui.levels import confirm_lowering, lowers_confidential

        highlights = self.ws.query(self.ws.ann.highlights, fu.item_id, default=[])
        dialog = FollowUpDialog(self.host, followup=fu, highlights=highlights)
        if not dialog.exec():
            return
        values = dialog.values()
        changed = {k: v for k, v in values.items() if getattr(fu, k) != v}
        if "level" in changed:
            if not confirm_lowering(self.host, self.ws, "followup", followup_id,
                                    Level(fu.level), Level(changed["level"]), fu.text):
                changed.pop("level")
            elif lowers_confidential(fu.level, changed["level"]):
                changed["allow_lower"] = True  # the user agreed: the core must not ask again
        if changed:
            self.ws.perform(self.ws.ann.update_followup, followup_id, **changed)

    @Slot(str, str)
    def set_followup_status(self, followup_id: str, status: str) -> None:
        self.ws.perform(self.ws.ann.update_followup, followup_id, status=FollowUpStatus(status))

    @Slot(str, str)
    def _edit_followup_from_overview(self, doc_id: str, followup_id: str) -> None:
        if self.p.show_followup(doc_id, followup_id) is not None:
            self.edit_followup(followup_id)

    @Slot(str)
    def delete_followup(self, followup_id: str) -> None:
        self.ws.perform(self.ws.ann.delete_followup, followup_id)

    # -- domains, user ----------------------------------------------------------------------------

    @Slot()
    def manage_domains(self) -> None:
        from briefer.gui.domains_dialog import DomainsDialog

        DomainsDialog(self.ws, self.host).exec()

    @Slot()
    def set_user_name(self) -> None:
        name, ok = QInputDialog.getText(self.host, "Uw naam", "Naam in geëxporteerde briefings (Van):",
                                        text=self.ws.settings.user_name)
        if ok:
            self.ws.settings.user_name = name.strip()
