"""What makes the window livable: Dutch Qt texts, status messages, keyboard paths, empty states,
documents read as paragraphs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from briefer.gui.main_window import MainWindow


def test_qt_standard_buttons_are_dutch(qapp: Any) -> None:
    from briefer.gui.theme import install_translations

    assert install_translations(qapp)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Open
                           | QDialogButtonBox.StandardButton.Close)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Annuleren", "Openen", "Sluiten"}
    box.deleteLater()


def test_status_bar_says_what_was_saved_and_undone(window: MainWindow, qtbot: Any) -> None:
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    message = window.statusBar().currentMessage()
    assert "opgeslagen" in message and "Ctrl+Z" in message
    label = window.ws.undo_stack.command(0).text()
    assert label and label in message
    assert window.saved_label.text().startswith("Alle wijzigingen opgeslagen")
    window.act_undo.trigger()
    assert window.statusBar().currentMessage().startswith(f"Ongedaan gemaakt: {label}")
    # the location of the reader is not lost under the messages
    assert "vraag 1" in window.location_label.text()


def test_j_and_k_work_from_outline_and_reader_but_type_in_the_note(window: MainWindow, qtbot: Any) -> None:
    items = window.outline_model.items()
    window.outline.setFocus()
    qtbot.keyClick(window.outline, Qt.Key.Key_J)
    assert window.current_item().id == items[1].id
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_J)
    qtbot.keyClick(window.reader, Qt.Key.Key_K)
    assert window.current_item().id == items[1].id
    window.inspector.note_edit.setFocus()
    qtbot.keyClicks(window.inspector.note_edit, "jk")
    assert window.current_item().id == items[1].id
    assert window.inspector.note_edit.toPlainText() == "jk"


def test_focus_keys_and_tab_order(window: MainWindow, qtbot: Any) -> None:
    window.focus_library()
    assert QApplication.focusWidget() is window.library
    qtbot.keyClick(window.library, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.outline
    qtbot.keyClick(window.outline, Qt.Key.Key_Tab)  # the hidden find bar is skipped
    assert QApplication.focusWidget() is window.reader
    window.focus_inspector()
    assert QApplication.focusWidget() is window.inspector.domains
    window.ws.ann.add_followup(window.current_item().id, "Motie voorbereiden")
    window.presenter.refresh_annotations()
    window.focus_followups()
    table = window.followups_panel.table
    assert QApplication.focusWidget() is table and table.currentIndex().isValid()
    # Enter on the row opens its question
    window.navigation.go_to_number(5)
    table.activated.emit(table.currentIndex())
    assert window.current_item().number == 1


def test_empty_states_and_delete_key_in_the_inspector(window: MainWindow, qtbot: Any) -> None:
    from briefer.gui.followups_panel import NO_FOLLOWUPS

    insp, panel = window.inspector, window.followups_panel
    assert insp.highlights.count() == 0 and "Nog geen markeringen" in insp.highlights.placeholder
    assert insp.followups.count() == 0 and "Nog geen vervolgacties" in insp.followups.placeholder
    assert panel.model.rowCount() == 0 and panel.table.placeholder == NO_FOLLOWUPS
    item = window.current_item()
    quote = " ".join(item.answer.split()[:4])
    window.ws.perform(window.ws.ann.highlight_quote, item.id, quote, field="answer")
    assert insp.highlights.count() == 1
    insp.highlights.setCurrentRow(0)
    insp.highlights.setFocus()
    qtbot.keyClick(insp.highlights, Qt.Key.Key_Delete)
    assert window.ws.ann.highlights(item.id) == []
    window.act_undo.trigger()
    assert len(window.ws.ann.highlights(item.id)) == 1
    # one document: the overview needs no Document column
    window.ws.ann.add_followup(item.id, "Toezegging bewaken")
    window.presenter.refresh_annotations()
    assert panel.table.isColumnHidden(6)
    assert panel.model.index(0, 0).data() == "Open"


def test_search_dialog_arrow_keys_move_through_results(window: MainWindow, qtbot: Any) -> None:
    from briefer.gui.search import SearchDialog

    dialog = SearchDialog(window.ws, window, current_document=window.current_document().id)
    qtbot.addWidget(dialog)
    dialog.query.setText("grondstoffen")
    dialog.run_search()
    assert dialog.results.count() > 2 and dialog.results.currentRow() == 0
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.results.currentRow() == 2
    qtbot.keyClick(dialog.query, Qt.Key.Key_Up)
    assert dialog.results.currentRow() == 1


def test_an_unrecognised_document_reads_as_paragraphs(qtbot: Any, themed: Any, tmp_path: Path) -> None:
    from briefer.app import open_workspace
    from briefer.importer import import_file
    from briefer.store import Store

    text = tmp_path / "memo.txt"
    text.write_text("Een losse notitie\n\nDit is een alinea zonder vragen.\n", encoding="utf-8")
    db = tmp_path / "memo.db"
    with Store.open(db) as store:
        import_file(store, text)
    ws = open_workspace(db, tmp_path / "settings.json")
    win = MainWindow(ws, show_progress=False)
    qtbot.addWidget(win)
    shown = win.reader.document().toPlainText()
    assert shown.startswith("Alinea 1") and "Antwoord" not in shown
    assert "Een losse notitie" in shown.splitlines()[1]  # the paragraph has a line of its own
    assert win.outline_model.index(0, 0).data().startswith("Alinea's")
    assert win.inspector.header.text() == "Alinea 1"
    assert win.windowTitle() == "memo.txt — Briefer"
    win.close()
    ws.store.close()


def test_enter_in_the_outline_reads_and_del_in_the_library_asks_first(window: MainWindow, qtbot: Any,
                                                                      monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    window.focus_outline()
    qtbot.keyClick(window.outline, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.reader
    asked: list[str] = []

    def no(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    window.focus_library()
    qtbot.keyClick(window.library, Qt.Key.Key_Delete)
    assert asked and "verwijderen" in asked[0]
    assert len(window.ws.store.documents()) == 1  # "Nee" keeps it
