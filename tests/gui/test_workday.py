"""What a staffer ran into in a working session: keys acting on what was just made, the reader
keeping its place, the suggestion queue not pulling the reader along, its words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from briefer.gui.main_window import MainWindow
from briefer.gui.suggestions import Entry, summary
from briefer.gui.suggestions_panel import context_html
from briefer.model import Level


def _select(window: MainWindow, phrase: str) -> None:
    cursor = window.reader.document().find(phrase)
    assert not cursor.isNull(), phrase
    window.reader.setTextCursor(cursor)
    window.reader.setFocus()


def test_h_then_v_makes_the_new_highlight_confidential(window: MainWindow, qtbot: Any) -> None:
    """Select, H, V: the level key acts on the highlight just made (once: "Kies eerst een markering")."""
    item = window.current_item()
    phrase = " ".join(item.answer.split()[2:7])
    _select(window, phrase)
    qtbot.keyClick(window.reader, Qt.Key.Key_H)
    highlights = window.ws.ann.highlights(item.id)
    assert len(highlights) == 1 and not window.reader.textCursor().hasSelection()
    qtbot.keyClick(window.reader, Qt.Key.Key_V)
    assert window.ws.ann.highlight(highlights[0].id).level == Level.VERTROUWELIJK
    # no selection is left: 1 tags the question instead of marking the same words again
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    assert len(window.ws.ann.highlights(item.id)) == 1
    assert [d.key for d in window.ws.ann.item_domains(item.id)] == [1]


def test_the_reader_keeps_its_cursor_when_the_item_is_redrawn(window: MainWindow, qtbot: Any) -> None:
    """Every change redraws the item; the cursor stays where the staffer put it."""
    item = window.current_item()
    hid = window.ws.ann.add_highlight(item.id, "answer", 0, 25).after["id"]
    window.presenter.refresh_annotations()
    window.reader.place_cursor("answer", 5)  # inside the highlight
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_2)  # tags the question: the item is drawn again
    assert window.reader.highlight_at_cursor() is not None
    qtbot.keyClick(window.reader, Qt.Key.Key_O)
    assert window.ws.ann.highlight(hid).level == Level.OPENBAAR


def test_opening_a_document_while_the_queue_has_focus_keeps_the_reader_at_its_start(
        window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    from tests.gui.test_import import kamervragen_text

    vso = window.current_document()
    qtbot.waitUntil(lambda: window.suggestions.ready and bool(window.suggestions.entries()), timeout=20000)
    window.review.show_suggestions()
    panel = window.review.suggestions_panel
    dock = window.review.suggestions_dock
    qtbot.waitUntil(lambda: dock.height() >= 0.4 * window.height() - 20, timeout=2000)  # room for a few
    with qtbot.waitSignal(window.files.batch_finished, timeout=30000):
        window.import_files([kamervragen_text(tmp_path / "kv.txt", "netcongestie", n=6)])
    other = window.current_document()
    assert other.id != vso.id
    window.open_document(vso.id)
    first = window.current_item()
    panel.tree.setFocus()
    window.open_document(other.id)
    qtbot.waitUntil(lambda: window.suggestions.ready and window.suggestions.doc_id == other.id, timeout=20000)
    qtbot.wait(50)
    assert window.current_item().number == 1  # not the item of the first suggestion in the queue
    window.open_document(vso.id)
    qtbot.waitUntil(lambda: window.suggestions.ready and window.suggestions.doc_id == vso.id, timeout=20000)
    assert window.current_item().id == first.id
    # walking the queue does move the reader
    panel.tree.setFocus()
    panel.next_suggestion()
    assert window.current_item().number == panel.current().item


def test_the_queue_speaks_of_alineas_and_counts_in_dutch() -> None:
    entry = Entry("toezegging:212:x", "Toezegging", 212, "Het kabinet zal de Kamer informeren.")
    assert summary([entry]) == "1 suggestie: 1 toezegging"
    assert summary([entry, entry]).startswith("2 suggesties: 2 toezeggingen")
    assert "Alinea 212" in context_html(entry, None, "Alinea")
