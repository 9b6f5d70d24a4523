"""Levels (change in one click or key, lowering from vertrouwelijk asks) and find-hit stepping."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefer.gui.main_window import MainWindow
from briefer.gui.navigation import find_hits
from briefer.model import Level


def _answer(choice: str, seen: list[str]) -> None:
    """Click the button whose text starts with `choice` in the question that is about to appear."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text().startswith(choice)).click()
    QTimer.singleShot(0, click)


def test_level_keys_change_the_highlight_and_lowering_from_vertrouwelijk_asks(window: MainWindow, qtbot: Any) -> None:
    ann, item = window.ws.ann, window.current_item()
    change = ann.add_highlight(item.id, "answer", 0, 20)
    hid = change.after["id"]
    window.presenter.refresh_annotations()
    insp = window.inspector
    insp.highlights.setCurrentRow(0)
    insp.highlights.setFocus()
    # text + icon for every level: the row says "Intern"
    assert "Intern" in insp.highlights.item(0).text() and not insp.highlights.item(0).icon().isNull()
    qtbot.keyClick(insp.highlights, Qt.Key.Key_V)  # one key raises it: no question
    assert ann.highlight(hid).level == Level.VERTROUWELIJK
    assert "VERTROUWELIJK" in insp.highlights.item(0).text()
    seen: list[str] = []
    insp.highlights.setCurrentRow(0)
    insp.highlights.setFocus()
    _answer("Vertrouwelijk houden", seen)
    qtbot.keyClick(insp.highlights, Qt.Key.Key_O)  # lowering asks; "keep" keeps it
    assert ann.highlight(hid).level == Level.VERTROUWELIJK
    assert "van vertrouwelijk naar openbaar" in seen[0] and "elke briefing" in seen[0]
    window.activateWindow()  # after the question: the window's keys work again once it is active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    insp.highlights.setCurrentRow(0)
    insp.highlights.setFocus()
    _answer("Verlagen", seen)
    qtbot.keyClick(insp.highlights, Qt.Key.Key_I)
    assert ann.highlight(hid).level == Level.INTERN
    assert "Kamerlidbriefing" in seen[1]
    window.act_undo.trigger()  # the level change is one undoable action
    assert ann.highlight(hid).level == Level.VERTROUWELIJK


def test_note_level_buttons_ask_before_lowering_and_new_notes_leave_the_level_to_the_core(
        window: MainWindow, qtbot: Any) -> None:
    ann, item, doc = window.ws.ann, window.current_item(), window.current_document()
    insp = window.inspector
    assert insp.note_level.level() is None  # no note yet: no level chosen, the core decides
    insp.note_edit.setPlainText("Nieuwe notitie")
    insp.flush_note()
    note = ann.note(doc.id, item.id)
    assert note is not None and insp.note_level.level() == str(note.level)
    insp.note_level.buttons["vertrouwelijk"].click()
    assert ann.note(doc.id, item.id).level == Level.VERTROUWELIJK
    seen: list[str] = []
    _answer("Vertrouwelijk houden", seen)
    insp.note_level.buttons["intern"].click()
    assert ann.note(doc.id, item.id).level == Level.VERTROUWELIJK and "notitie" in seen[0]
    assert insp.note_level.buttons["vertrouwelijk"].isChecked()  # the buttons show what is stored
    _answer("Verlagen", seen)
    insp.note_level.buttons["intern"].click()
    assert ann.note(doc.id, item.id).level == Level.INTERN


def test_find_counts_hits_and_f3_steps_through_them(window: MainWindow, qtbot: Any) -> None:
    items = window.ws.store.items(window.current_document().id)
    word = "afhankelijkheden"
    expected = find_hits(items, word)
    per_item = {h[0] for h in expected}
    assert len(expected) > len(per_item) > 1  # more hits than items: hits are what is counted
    nav = window.navigation
    nav.open_find_bar()
    qtbot.keyClicks(window.find_bar.edit, word)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return)
    assert window.find_bar.count.text().startswith(f"1 van {len(expected)}")
    assert window.current_item().id == expected[0][0]
    assert window.reader.textCursor().selectedText().lower() == word
    marked, current = window.reader.find_hits()
    assert current == 0 and len(marked) == sum(1 for h in expected if h[0] == expected[0][0])
    for step in range(1, 4):  # F3: hit by hit, across items
        nav.act_find_next.trigger()
        assert window.find_bar.count.text().startswith(f"{step + 1} van {len(expected)}")
        assert window.current_item().id == expected[step][0]
        assert window.reader.textCursor().selectedText().lower() == word
    nav.act_find_prev.trigger()  # Shift+F3 back
    assert window.find_bar.count.text().startswith(f"3 van {len(expected)}")
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text().startswith(f"2 van {len(expected)}")
    nav.find_in_document("geen-woord-dat-voorkomt")
    assert window.find_bar.count.text() == "niet gevonden"
