"""Levels follow the material in the app (issue 11 §1): what the user makes on a vertrouwelijk
question starts vertrouwelijk, and lowering asks first (Workspace.confirm_lowering)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from briefer.gui.dialogs import FollowUpDialog
from briefer.model import Level


def test_a_follow_up_left_at_the_dialogs_default_follows_the_material(window: Any, core: Any) -> None:
    _store, _ann, doc = core
    ws = window.ws
    item = ws.store.item_by_number(doc.id, 16)
    ws.perform(ws.ann.highlight_quote, item.id, "vertrouwelijke technische briefing", level=Level.VERTROUWELIJK)
    window.navigation.go_to_number(16)
    asked: list[str] = []
    ws.confirm_lowering = lambda notice: asked.append(notice.question) or False

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FollowUpDialog)
        dialog.text.setPlainText("Briefing aanvragen")
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.annotations.new_followup()
    [fu] = ws.ann.followups(item_id=item.id)
    assert fu.level is Level.VERTROUWELIJK and asked == []
    other = ws.store.item_by_number(doc.id, 1)
    window.navigation.go_to_number(1)
    QTimer.singleShot(0, fill)
    window.annotations.new_followup()
    assert [f.level for f in ws.ann.followups(item_id=other.id)] == [Level.INTERN]


def test_lowering_asks_and_no_keeps_what_was_typed_at_vertrouwelijk(window: Any, core: Any) -> None:
    _store, _ann, doc = core
    ws = window.ws
    item = ws.store.item_by_number(doc.id, 16)
    hid = ws.perform(ws.ann.highlight_quote, item.id, "vertrouwelijke technische briefing",
                     level=Level.VERTROUWELIJK).id
    asked: list[str] = []

    def answer(value: bool):
        def confirm(notice):
            asked.append(notice.question)
            return value
        return confirm

    ws.confirm_lowering = answer(False)
    made = ws.perform(ws.ann.add_followup, item.id, "Briefing aanvragen", level=Level.INTERN)
    assert made.after["level"] == "vertrouwelijk"  # kept, not lost
    assert "Vraag 16 bevat vertrouwelijk materiaal" in asked[-1]
    assert ws.perform(ws.ann.update_highlight, hid, level=Level.INTERN) is None
    assert ws.ann.highlight(hid).level is Level.VERTROUWELIJK
    assert asked[-1].startswith("Deze markering verschijnt dan ook in briefings")
    ws.confirm_lowering = answer(True)
    ws.perform(ws.ann.update_highlight, hid, level=Level.INTERN)
    assert ws.ann.highlight(hid).level is Level.INTERN
    ws.undo_stack.undo()  # undo is the user's own act: no question
    assert ws.ann.highlight(hid).level is Level.VERTROUWELIJK and len(asked) == 3
    # a new note typed on the vertrouwelijk item starts vertrouwelijk without a question
    window.annotations.save_note(item.id, "Wat de minister zei", None)  # level untouched in the inspector
    assert ws.ann.note(doc.id, item.id).level is Level.VERTROUWELIJK and len(asked) == 3
