"""The trash, orphaned highlights after a new version, and sharing annotations with a colleague."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from briefer.annotate import Annotations
from briefer.annotate.files import read_exchange_file, write_exchange_file
from briefer.gui.labels import document_label
from briefer.gui.main_window import MainWindow
from briefer.gui.review import merge_report_html
from briefer.gui.trash import TrashDialog
from briefer.importer import import_file
from briefer.model import Level
from briefer.store import Store

NEW_VERSION = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2022–2023
30 821 Nationale Omgevingsvisie
Nr. 196 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG

Vragen en opmerkingen van de leden van de VVD-fractie

De leden van de VVD-fractie vragen hoe het kabinet de afhankelijkheid van China wil verminderen.

1. Antwoord van het kabinet:
Het kabinet zet in op diversificatie van leveranciers en op recycling.
"""


def test_trash_lists_deleted_annotations_and_restores_undoably(window: MainWindow, qtbot: Any) -> None:
    ann = window.ws.ann
    item = window.current_item()
    hid = ann.add_highlight(item.id, "answer", 0, 20, level=Level.VERTROUWELIJK).id
    window.presenter.refresh_annotations()
    window.annotations.delete_highlight(hid)
    dialog = TrashDialog(window.ws, window)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == len(ann.trash()) == 1
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts[0].startswith("Markering") and texts[2] == "1" and texts[4] == "VERTROUWELIJK"
    assert texts[1] == document_label(window.current_document())
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert ann.highlight(hid).item_id == item.id and ann.trash() == []
    assert model.rowCount() == 0 and "leeg" in dialog.info.text()
    window.act_undo.trigger()  # restoring is undoable: back in the trash
    assert [e.ref_id for e in ann.trash()] == [hid] and model.rowCount() == 1


def test_orphans_after_a_new_version_are_announced_placed_and_deleted(
        window: MainWindow, qtbot: Any, tmp_path: Path) -> None:
    ann = window.ws.ann
    old_doc = window.current_document()
    item = window.current_item()
    end = item.answer.index(" ", 40)
    hid = ann.add_highlight(item.id, "answer", 0, end, note="belangrijk").id
    new_file = tmp_path / "kst-30821-196.txt"
    new_file.write_text(NEW_VERSION, encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=15000):
        window.import_files([new_file])
    assert window.current_document().id != old_doc.id
    assert "1 markering kon niet worden teruggevonden" in window.statusBar().currentMessage()
    assert window.orphans_dock.isVisible() and window.review.orphans_panel.count() == 1
    assert ann.highlight(hid).exact in window.review.orphans_panel.list.item(0).text()
    # "Hier plaatsen": select the right words in the new version
    new_item = window.current_item()
    start = new_item.answer.index("recycling")
    window.reader.select_range("answer", start, start + len("recycling"))
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    hl = ann.highlight(hid)
    assert (hl.item_id, hl.exact, hl.orphaned, hl.note) == (new_item.id, "recycling", False, "belangrijk")
    assert window.review.orphans_panel.count() == 0
    window.act_undo.trigger()
    assert ann.highlight(hid).orphaned and window.review.orphans_panel.count() == 1
    # or delete it: to the trash
    window.review.orphans_panel.list.setCurrentRow(0)
    window.review.orphans_panel.list.setFocus()
    qtbot.keyClick(window.review.orphans_panel.list, Qt.Key.Key_Delete)
    assert [e.ref_id for e in ann.trash()] == [hid] and window.review.orphans_panel.count() == 0


def test_place_without_selection_says_what_to_do(window: MainWindow) -> None:
    window.reader.setTextCursor(window.reader.cursorForPosition(window.reader.rect().topLeft()))
    window.review.place_orphan("does-not-matter")
    assert "Selecteer eerst" in window.statusBar().currentMessage()


def test_share_annotations_with_a_colleague(window: MainWindow, qtbot: Any, tmp_path: Path, sample_pdf: Path) -> None:
    ann = window.ws.ann
    doc = window.current_document()
    item = window.current_item()
    ann.set_note(doc.id, item.id, "Onze lezing")
    written = window.review.export_annotations(tmp_path / "deel" / "annotaties.json")
    assert written is not None and any(e["kind"] == "note" for e in read_exchange_file(written)["entities"])
    assert "gedeeld naar" in window.statusBar().currentMessage()
    # the colleague imports it, changes the note, adds a follow-up and sends it back
    with Store.open(tmp_path / "collega.db") as theirs_store:
        theirs_doc = import_file(theirs_store, sample_pdf).document
        theirs = Annotations(theirs_store)
        theirs.import_json(read_exchange_file(written))
        their_item = theirs_store.item_by_number(theirs_doc.id, item.number)
        theirs.set_note(theirs_doc.id, their_item.id, "Hun lezing")
        theirs.add_followup(their_item.id, "Vraag stellen in het debat")
        back = write_exchange_file(theirs.export_json(theirs_doc.id), tmp_path / "terug.json")
    ann.set_note(doc.id, item.id, "Onze nieuwe lezing")  # changed here too: a conflict
    before = len(ann.followups(item_id=item.id))
    report = window.review.import_annotations(back)
    assert report is not None
    assert len(ann.followups(item_id=item.id)) == before + 1
    assert ann.note(doc.id, item.id).body == "Onze nieuwe lezing"  # ours kept
    assert report.conflicts
    shown = window.review._merge_dialog.text.toPlainText()
    assert "Toegevoegd" in shown and "Hun lezing" in shown and "behouden" in shown
    assert "Hun lezing" in merge_report_html(report)
    window.review._merge_dialog.close()
    window.act_undo.trigger()  # the whole merge is one undoable step
    assert len(ann.followups(item_id=item.id)) == before


def test_import_of_a_broken_file_names_it(window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr("briefer.gui.main_window.show_error", lambda _parent, exc: shown.append(str(exc)))
    bad = tmp_path / "kapot.json"
    bad.write_text("{", encoding="utf-8")
    assert window.review.import_annotations(bad) is None
    assert shown and "kapot.json" in shown[0]


def test_trash_opens_from_the_edit_menu(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    ann = window.ws.ann
    item = window.current_item()
    ann.delete_followup(ann.add_followup(item.id, "Terug te halen").id)
    seen: list[str] = []

    def restore_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TrashDialog)
        seen.append(dialog.windowTitle())
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        dialog.reject()

    QTimer.singleShot(100, restore_and_close)
    window.review.act_trash.trigger()
    assert seen == ["Prullenbak"]
    assert [f.text for f in ann.followups(item_id=item.id)] == ["Terug te halen"] and ann.trash() == []
