"""GUI: levels of annotations: how they look (text + colour + icon), how they change, and the question
asked before a level drops below vertrouwelijk.

`LevelActions` owns the level keys (O openbaar, I intern, V vertrouwelijk). They act on the
annotation the user is at: the highlight or follow-up chosen in the inspector or the follow-ups
overview, the highlight under the reader's cursor, else the item's note. Every change goes through
the core as one undoable action. Lowering from vertrouwelijk asks first (`confirm_lowering`); the
words of that question are made in one function, `lowering_text`, which adds the core's account
(`Annotations.describe_lowering`) of what else would then appear in lower documents. Once the user
agreed, the core call carries `allow_lower=True`; `Workspace.perform` asks (once) only for a
lowering that did not come through here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from briefer.gui.levels_widget import LEVEL_KEYS, LevelSelector, level_text
from briefer.gui.presenter import DocumentPresenter
from briefer.gui.qactions import make_action
from briefer.gui.theme import level_icon
from briefer.gui.workspace import Workspace
from briefer.model import Level

KIND_NOUNS = {"highlight": "markering", "note": "notitie", "followup": "vervolgactie"}


def lowers_confidential(old: Level | str, new: Level | str) -> bool:
    return Level(old) == Level.VERTROUWELIJK and Level(new).rank < Level(old).rank


def lowering_text(ws: Workspace, kind: str, ref_id: str, old: Level, new: Level, label: str) -> str:
    """The question before a level drops from vertrouwelijk: what it is, and where it may then appear.

    One place for these words; the core's account of what goes along (notes, follow-ups) is added.
    """
    noun = KIND_NOUNS.get(kind, "annotatie")
    where = {
        Level.INTERN: "de gewone Kamerlidbriefing en technische briefing (plafond intern) en in annotatiebestanden "
                      "die u met collega's deelt",
        Level.OPENBAAR: "elke briefing en elk gedeeld annotatiebestand, ook openbare",
    }.get(new, "briefings met een lager plafond")
    quote = f"\n\n“{' '.join(label.split())[:160]}”" if label.strip() else ""
    notice = ws.query(ws.ann.describe_lowering, kind, ref_id, new) if ref_id else None
    core = f"\n\n{notice.text}" if notice is not None and notice.text else ""  # what goes along with it
    return (f"U verlaagt het niveau van deze {noun} van vertrouwelijk naar {level_text(new).lower()}.{quote}\n\n"
            f"Daarna kan de {noun} verschijnen in {where}.{core}\n\n"
            "Alleen doen als de inhoud niet (meer) vertrouwelijk is.")


def confirm_lowering(parent: QWidget | None, ws: Workspace, kind: str, ref_id: str, old: Level | str,
                     new: Level | str, label: str = "") -> bool:
    """True when the change may go ahead: it does not lower from vertrouwelijk, or the user agreed."""
    if not lowers_confidential(old, new):
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Niveau verlagen")
    box.setText(lowering_text(ws, kind, ref_id, Level(old), Level(new), label))
    lower = box.addButton(f"Verlagen naar {level_text(new).lower()}", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Vertrouwelijk houden", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAccessibleName("Niveau verlagen bevestigen")
    box.exec()
    return box.clickedButton() is lower


@dataclass
class Target:
    """GUI: the annotation the level keys act on."""

    kind: str  # highlight | note | followup
    id: str
    level: Level
    label: str


class LevelActions(QObject):
    """GUI: change the level of the annotation at hand (keys O, I, V; the inspector's level buttons)."""

    def __init__(self, workspace: Workspace, presenter: DocumentPresenter, host: QWidget,
                 followups_table: Any = None) -> None:
        super().__init__(host)
        self.ws, self.p, self.host = workspace, presenter, host
        self.followups_table = followups_table
        self.actions = {level: make_action(host, f"Niveau: {level_text(level).lower()}",
                                           lambda lv=level: self.set_level_here(lv), LEVEL_KEYS[level],
                                           "Niveau van de gekozen markering, vervolgactie of notitie")
                        for level in Level}
        for level, act in self.actions.items():
            act.setIcon(level_icon(str(level)))
        insp = presenter.v.inspector
        insp.highlight_level.connect(lambda hid, lv: self.set_level("highlight", hid, Level(lv)))
        insp.followup_level.connect(lambda fid, lv: self.set_level("followup", fid, Level(lv)))
        insp.note_level_requested.connect(lambda nid, lv: self.set_level("note", nid, Level(lv)))
        presenter.v.followups.level_requested.connect(lambda fid, lv: self.set_level("followup", fid, Level(lv)))

    # -- what the keys act on ---------------------------------------------------------------------

    def target(self) -> Target | None:
        insp = self.p.v.inspector
        focus = self.host.focusWidget() if hasattr(self.host, "focusWidget") else None
        item = self.p.current_item()
        if focus is insp.followups and insp.followups.current_id():
            return self._followup(insp.followups.current_id())
        table = self.followups_table
        if table is not None and focus is table and table.currentIndex().isValid():
            from briefer.gui.models import IdRole

            return self._followup(table.currentIndex().siblingAtColumn(0).data(IdRole))
        if focus is insp.highlights and insp.highlights.current_id():
            return self._highlight(insp.highlights.current_id())
        if item is None:
            return None
        reader = self.p.v.reader
        under = reader.highlight_at_cursor()
        if under is not None:
            return Target("highlight", under.id, Level(under.level), under.exact)
        doc = self.p.current_document()
        note = self.ws.query(self.ws.ann.note, doc.id, item.id) if doc else None
        if note is not None:
            return Target("note", note.id, Level(note.level), note.body)
        return None

    def _highlight(self, hid: str) -> Target | None:
        hl = self.ws.query(self.ws.ann.highlight, hid)
        return Target("highlight", hl.id, Level(hl.level), hl.exact) if hl is not None else None

    def _followup(self, fid: str) -> Target | None:
        fu = next((f for f in self.ws.query(self.ws.ann.followups, default=[]) if f.id == fid), None)
        return Target("followup", fu.id, Level(fu.level), fu.text) if fu is not None else None

    @Slot()
    def set_level_here(self, level: Level) -> bool:
        target = self.target()
        if target is None:
            self.p.message.emit("Kies eerst een markering, vervolgactie of notitie om het niveau van te wijzigen.",
                                5000)
            return False
        return self.set_level(target.kind, target.id, level, target)

    def set_level(self, kind: str, ref_id: str, level: Level, target: Target | None = None) -> bool:
        """Set the level of one annotation (asking first when it drops from vertrouwelijk)."""
        if target is None:
            target = {"highlight": self._highlight, "followup": self._followup}.get(kind, lambda _i: None)(ref_id)
            if target is None and kind == "note":
                target = self._note(ref_id)
        if target is None or target.level == level:
            return False
        if not confirm_lowering(self.host, self.ws, kind, ref_id, target.level, level, target.label):
            self.p.message.emit(f"Niveau niet gewijzigd: de {KIND_NOUNS[kind]} blijft vertrouwelijk.", 5000)
            self.p.refresh_annotations()  # the buttons show the level as it is
            return False
        ann = self.ws.ann
        asked = {"allow_lower": True} if lowers_confidential(target.level, level) else {}  # the user agreed
        if kind == "highlight":
            done = self.ws.perform(ann.update_highlight, ref_id, level=level, **asked)
        elif kind == "followup":
            done = self.ws.perform(ann.update_followup, ref_id, level=level, **asked)
        else:
            done = self.ws.perform(ann.set_note_level, ref_id, level, **asked)
        if done is not None:
            self.p.message.emit(f"Niveau van de {KIND_NOUNS[kind]}: {level_text(level).lower()}.", 5000)
        return done is not None

    def _note(self, note_id: str) -> Target | None:
        doc, item = self.p.current_document(), self.p.current_item()
        if doc is None:
            return None
        for item_id in ((item.id,) if item else ()) + (None,):
            note = self.ws.query(self.ws.ann.note, doc.id, item_id)
            if note is not None and note.id == note_id:
                return Target("note", note.id, Level(note.level), note.body)
        return None


__all__ = ["LEVEL_KEYS", "LevelActions", "LevelSelector", "confirm_lowering", "level_text", "lowering_text"]
