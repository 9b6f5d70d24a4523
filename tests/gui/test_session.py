"""The scripted session: start on a fresh database, annotate by keyboard, undo/redo, restart.

Everything is checked in the core (the database), not in widget text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from briefer.app import create_window
from briefer.gui.dialogs import FollowUpDialog
from briefer.gui.main_window import MainWindow
from briefer.model import FollowUpKind, Level

QUOTE = "vertrouwelijke technische briefing"


def start(qtbot: Any, db: Path, settings: Path, *, expect_import: bool) -> MainWindow:
    window = create_window(db, settings_path=settings, show_progress=False)
    qtbot.addWidget(window)
    if expect_import:
        with qtbot.waitSignal(window.import_finished, timeout=30000):
            window.show()
    else:
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def press(qtbot: Any, widget: Any, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)
    QApplication.processEvents()


def fill_followup_dialog() -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FollowUpDialog), dialog
    dialog.text.setPlainText("Technische briefing aanvragen")
    dialog.kind.setCurrentIndex(dialog.kind.findData(str(FollowUpKind.TECHNISCHE_BRIEFING)))
    dialog.owner.setText("Sanne")
    dialog.level.setCurrentIndex(dialog.level.findData(str(Level.VERTROUWELIJK)))
    assert dialog.level_warning.isVisibleTo(dialog)  # confidential is unmistakable while choosing it
    dialog.accept()


def test_scripted_session(qtbot: Any, themed: Any, tmp_path: Path) -> None:
    db, settings = tmp_path / "briefer.db", tmp_path / "settings.json"
    window = start(qtbot, db, settings, expect_import=True)
    ws = window.ws
    doc = window.current_document()
    assert doc is not None and doc.kamerstuk == "30 821, nr. 196"  # the sample, imported on first start
    assert window.outline_model.rowCount() > 0

    # go to question 16 and select a passage in the reader
    window.navigation.go_to_number(16)
    item = window.current_item()
    assert item is not None and 16 in item.numbers
    assert window.reader.find_in_item(QUOTE)
    field, start_, end = window.reader.selection_anchor()
    assert item.text(field)[start_:end].lower() == QUOTE

    # press 1: a highlight with domain 1 exists in the core
    press(qtbot, window.reader, Qt.Key.Key_1)
    d1 = ws.ann.domain_by_ref("1")
    hls = ws.ann.highlights(item.id)
    assert [(h.field, h.start, h.end, h.domain_id) for h in hls] == [(field, start_, end, d1.id)]
    assert window.outline_model.markers(item.id).colours == [d1.colour]

    # N opens the note; type and it is saved without a Save button
    window.reader.setFocus()
    press(qtbot, window.reader, Qt.Key.Key_N)
    assert window.inspector.note_edit.hasFocus()
    qtbot.keyClicks(window.inspector.note_edit, "Briefing aanvragen voor het debat")
    qtbot.waitUntil(lambda: ws.ann.note(doc.id, item.id) is not None, timeout=3000)
    assert ws.ann.note(doc.id, item.id).body == "Briefing aanvragen voor het debat"

    # F: a confidential follow-up through the dialog
    window.reader.setFocus()
    QTimer.singleShot(0, fill_followup_dialog)
    press(qtbot, window.reader, Qt.Key.Key_F)
    fus = ws.ann.followups(item_id=item.id)
    assert [(f.text, f.level, f.owner) for f in fus] == [("Technische briefing aanvragen", Level.VERTROUWELIJK, "Sanne")]
    assert window.outline_model.markers(item.id).confidential
    assert window.inspector.followups_badge.isVisibleTo(window.inspector)

    # undo names the action, and reverts it in the core; redo re-applies it
    label = ws.undo_stack.undoText()  # the core's Change.label
    assert "Vervolgactie" in label and window.act_undo.text() == f"Ongedaan maken {label}"
    window.act_undo.trigger()
    assert ws.ann.followups(item_id=item.id) == []
    assert not window.outline_model.markers(item.id).confidential
    window.act_undo.trigger()  # the note
    assert ws.ann.note(doc.id, item.id) is None
    window.act_redo.trigger()
    assert ws.ann.note(doc.id, item.id).body == "Briefing aanvragen voor het debat"
    window.act_redo.trigger()
    assert [f.text for f in ws.ann.followups(item_id=item.id)] == ["Technische briefing aanvragen"]
    assert len(ws.ann.highlights(item.id)) == 1

    window.close()
    ws.store.close()

    # a new window on the same database: everything is still there, same document and item
    again = start(qtbot, db, settings, expect_import=False)
    ann = again.ws.ann
    assert again.current_document().id == doc.id
    assert again.current_item().id == item.id
    assert [h.domain_id for h in ann.highlights(item.id)] == [d1.id]
    assert ann.note(doc.id, item.id).body == "Briefing aanvragen voor het debat"
    assert [f.level for f in ann.followups(item_id=item.id)] == [Level.VERTROUWELIJK]
    assert again.outline_model.markers(item.id).confidential
    assert again.followups_panel.model.rowCount() == 1
    again.close()
    again.ws.store.close()
