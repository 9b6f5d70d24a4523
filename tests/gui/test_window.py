"""The main window over a database holding the sample: keys, inspector, search, export."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from briefer.gui.main_window import MainWindow
from briefer.model import Level


def test_opens_newest_document_and_j_k_move_through_items(window: MainWindow, qtbot: Any) -> None:
    items = window.ws.store.items(window.current_document().id)
    assert window.current_item().id == items[0].id
    qtbot.keyClick(window.reader, Qt.Key.Key_J)
    qtbot.keyClick(window.reader, Qt.Key.Key_J)
    assert window.current_item().id == items[2].id
    qtbot.keyClick(window.reader, Qt.Key.Key_K)
    assert window.current_item().id == items[1].id
    # the reader shows that item's question and answer text
    shown = window.reader.document().toPlainText()
    assert items[1].answer[:40] in shown


def test_digit_without_selection_toggles_the_item_tag(window: MainWindow, qtbot: Any) -> None:
    item = window.current_item()
    ann = window.ws.ann
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    d2 = ann.domain_by_ref("2")
    assert [d.id for d in ann.item_domains(item.id)] == [d2.id]
    # the inspector's checklist follows the core
    checked = [window.inspector.domains.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(window.inspector.domains.count())
               if window.inspector.domains.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == [d2.id]
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert ann.item_domains(item.id) == []


def test_inspector_checkbox_tags_and_undo_untags(window: MainWindow) -> None:
    item = window.current_item()
    entry = window.inspector.domains.item(2)
    entry.setCheckState(Qt.CheckState.Checked)
    domain_id = entry.data(Qt.ItemDataRole.UserRole)
    assert [d.id for d in window.ws.ann.item_domains(item.id)] == [domain_id]
    window.act_undo.trigger()
    assert window.ws.ann.item_domains(item.id) == []


def test_note_level_and_preview(window: MainWindow, qtbot: Any) -> None:
    item, doc = window.current_item(), window.current_document()
    insp = window.inspector
    insp.note_edit.setPlainText("**Let op:** zie *antwoord*")
    insp.flush_note()
    assert window.ws.ann.note(doc.id, item.id).level != Level.VERTROUWELIJK
    insp.note_level.buttons[str(Level.VERTROUWELIJK)].click()  # one click raises it (no question)
    assert insp.note_level.buttons[str(Level.VERTROUWELIJK)].isChecked()
    note = window.ws.ann.note(doc.id, item.id)
    assert note.body == "**Let op:** zie *antwoord*" and note.level == Level.VERTROUWELIJK
    assert insp.note_badge.isVisibleTo(insp)
    assert window.outline_model.markers(item.id).confidential
    insp.note_tabs.setCurrentWidget(insp.note_preview)
    assert "<b>Let op:</b>" in insp.note_preview.toHtml() or "font-weight:700" in insp.note_preview.toHtml()
    assert "**" not in insp.note_preview.toPlainText()


def test_find_in_document_jumps_to_the_next_item_with_the_text(window: MainWindow) -> None:
    items = window.ws.store.items(window.current_document().id)
    word = "vertrouwelijke technische briefing"
    expected = [it.id for it in items if word in it.question.lower() or word in it.answer.lower()]
    assert expected
    window.navigation.open_find_bar()
    window.navigation.find_in_document(word)
    assert window.current_item().id == expected[0]
    assert window.reader.textCursor().selectedText().lower() == word


def test_search_dialog_opens_the_hit(window: MainWindow, qtbot: Any) -> None:
    from briefer.gui.search import HitRole, SearchDialog

    dialog = SearchDialog(window.ws, window, current_document=window.current_document().id)
    qtbot.addWidget(dialog)
    dialog.open_requested.connect(window.navigation.open_search_result)
    dialog.query.setText("lithium")
    dialog.run_search()
    assert dialog.results.count() > 0
    request = dialog.results.item(0).data(HitRole)
    target = window.ws.store.item(request.item_id)
    assert "lithium" in (target.question + target.answer).lower()
    dialog._activate(dialog.results.item(0))
    assert window.current_item().id == request.item_id
    assert "lithium" in window.reader.textCursor().selectedText().lower()
    # a filter narrows the hits to items carrying that domain
    d1 = window.ws.ann.domain_by_ref("1")
    window.ws.ann.tag_item(request.item_id, d1.id)
    dialog.domain.setCurrentIndex(dialog.domain.findData(d1.id))
    dialog.run_search()
    ids = {dialog.results.item(i).data(HitRole).item_id for i in range(dialog.results.count())}
    assert ids == {request.item_id}


def test_export_dialog_writes_docx_on_a_worker_and_lists_what_is_left_out(window: MainWindow, tmp_path: Path,
                                                                           qtbot: Any) -> None:
    import threading

    from briefer.gui.export_dialog import ExportDialog

    ann, item, doc = window.ws.ann, window.current_item(), window.current_document()
    ann.tag_item(item.id, ann.domain_by_ref("1").id)
    ann.add_followup(item.id, "Geheime afspraak nagaan", level=Level.VERTROUWELIJK)
    opened: list[Path] = []
    dialog = ExportDialog(window.ws, doc, window, opener=lambda p: opened.append(p) or True)
    qtbot.addWidget(dialog)
    dialog.out.setText(str(tmp_path / "uit"))  # a folder that does not exist yet
    dialog.author.setText("Sanne")
    dialog.kind.setCurrentIndex(dialog.kind.findData("technisch"))
    dialog.update_left_out()
    assert dialog.left_out.toPlainText().strip()  # the confidential follow-up stays out under 'intern'
    dialog.export()
    assert dialog.busy() and not dialog.buttons.isEnabled()  # the GUI thread is free while it writes
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=10000)
    assert dialog._worker is None and not dialog.busy()
    path = dialog.result_path
    assert path.exists() and path.parent == tmp_path / "uit" and "Technische briefing" in path.name
    assert opened == [path]  # "open after export" handed the file to the desktop
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
    assert "Geheime afspraak" not in body
    s = window.ws.settings
    assert (s.user_name, s.export_kind, s.export_dir) == ("Sanne", "technisch", str(tmp_path / "uit"))
    # the next dialog starts from those choices
    again = ExportDialog(window.ws, doc, window, opener=lambda p: True)
    qtbot.addWidget(again)
    assert again.kind.currentData() == "technisch" and again.out.text() == str(tmp_path / "uit")
    assert dialog.worker_thread_ident not in (None, threading.get_ident())


def test_export_to_a_folder_that_cannot_be_made_says_so_in_dutch(window: MainWindow, tmp_path: Path,
                                                                  qtbot: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from briefer.gui.export_dialog import ExportDialog

    blocker = tmp_path / "geen-map.txt"
    blocker.write_text("x")
    dialog = ExportDialog(window.ws, window.current_document(), window, opener=lambda p: True)
    qtbot.addWidget(dialog)
    dialog.out.setText(str(blocker / "uit"))  # a folder inside a file: it cannot be made
    shown: list[tuple[QMessageBox.Icon, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append((box.icon(), box.text()))
            box.accept()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    dialog.export()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    icon, text = shown[0]
    assert icon == QMessageBox.Icon.Warning  # a named, expected problem, not "er ging iets onverwachts mis"
    assert str(blocker / "uit") in text and "kies een andere map" in text
    assert not dialog.busy() and dialog.result_path is None
    assert list(tmp_path.glob("**/*.docx")) == []


def test_export_never_remembers_a_confidential_ceiling(window: MainWindow, tmp_path: Path, qtbot: Any) -> None:
    from briefer.gui.export_dialog import ExportDialog

    dialog = ExportDialog(window.ws, window.current_document(), window, opener=lambda p: True)
    qtbot.addWidget(dialog)
    dialog.ceiling.setCurrentIndex(dialog.ceiling.findData(str(Level.VERTROUWELIJK)))
    dialog.open_after.setChecked(False)
    dialog.out.setText(str(tmp_path / "b.docx"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=10000)
    assert dialog.result_path == tmp_path / "b.docx"
    assert window.ws.settings.export_ceiling == "intern" and window.ws.settings.export_open_after is False
    again = ExportDialog(window.ws, window.current_document(), window)
    qtbot.addWidget(again)
    assert again.ceiling.currentData() == "intern" and not again.open_after.isChecked()


def test_search_filters_apply_to_every_match_not_the_first_200(window: MainWindow, qtbot: Any) -> None:
    """Ctrl+K with a domain filter finds a tagged item even when 250 newer items match the word too;
    a vertrouwelijk note hit is marked in words (also for a screen reader)."""
    from briefer.gui.search import HitRole, SearchDialog
    from briefer.model import DocType, Document, Item

    store, ann = window.ws.store, window.ws.ann
    old = store.add_document(Document(
        source="kst-1-1.pdf", doc_type=DocType.SCHRIFTELIJK_OVERLEG, identifier="kst-1-1", kamerstuk="1, nr. 1",
        title="Oud verslag", items=[Item(1, "Vraag over zeewier?", "Het zeewierbeleid blijft.", party="VVD")],
        page_count=1), b"oud").document
    store.add_document(Document(
        source="kst-1-2.pdf", doc_type=DocType.SCHRIFTELIJK_OVERLEG, identifier="kst-1-2", kamerstuk="1, nr. 2",
        title="Nieuw verslag", items=[Item(n, f"Vraag {n} over zeewier?", "Het zeewierbeleid.", party="D66")
                                      for n in range(1, 251)], page_count=10), b"nieuw")
    [target] = store.items(old.id)
    d1 = ann.domain_by_ref("1")
    ann.tag_item(target.id, d1.id)
    ann.set_note(old.id, target.id, "zeewier is gevoelig", level="vertrouwelijk")
    dialog = SearchDialog(window.ws, window, current_document=window.current_document().id)
    qtbot.addWidget(dialog)
    dialog.this_doc.setChecked(False)
    dialog.query.setText("zeewier")
    dialog.domain.setCurrentIndex(dialog.domain.findData(d1.id))
    dialog.run_search()
    hits = [dialog.results.item(i) for i in range(dialog.results.count())]
    assert hits and {h.data(HitRole).item_id for h in hits} == {target.id}
    note_hits = [h for h in hits if "gevoelig" in h.data(Qt.ItemDataRole.AccessibleTextRole)]
    assert note_hits and all("VERTROUWELIJK" in h.text() for h in note_hits)
    assert all(h.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Vertrouwelijk.") for h in note_hits)


def test_reparse_as_another_type_keeps_the_annotations_and_the_place(window: MainWindow, qtbot: Any) -> None:
    """Bestand → Opnieuw inlezen als: a new version of the other type, annotations carried over;
    the menu checks the current type."""
    doc = window.current_document()
    item16 = window.ws.store.item_by_number(doc.id, 16)
    window.select_item(item16.id)
    window.ws.ann.set_note(doc.id, item16.id, "Onze lezing blijft")
    window.reparse.ask = False
    window.reparse.menu.aboutToShow.emit()
    checked = [a.text() for a in window.reparse.menu.actions() if a.isChecked()]
    assert len(checked) == 1 and "schriftelijk overleg" in checked[0].lower()
    result = window.reparse.reparse("other")
    assert result is not None
    new = window.current_document()
    assert new.id != doc.id and new.doc_type == "other"
    assert window.ws.store.versions(new.id)[0].id == doc.id  # the old version stays in the history
    notes = [n.body for n in window.ws.ann.bundle(new.id).notes]
    assert "Onze lezing blijft" in notes
    assert window.reparse.reparse("other") is None  # already that type: nothing happens


def test_copy_as_text_keeps_vertrouwelijk_off_the_clipboard_unless_chosen(window: MainWindow, qtbot: Any) -> None:
    from PySide6.QtWidgets import QApplication

    ann, doc, item = window.ws.ann, window.current_document(), window.current_item()
    ann.set_note(doc.id, item.id, "Onze lezing KLEMNOT")
    ann.add_followup(item.id, "Navragen KLEMFUP", level=Level.VERTROUWELIJK)
    window.clip.ask = False
    window.clip.act_copy.trigger()
    text = QApplication.clipboard().text()
    assert "KLEMNOT" in text and "KLEMFUP" not in text and "VERTROUWELIJK" not in text
    assert "1 vervolgactie" in window.statusBar().currentMessage()
    assert not QApplication.clipboard().mimeData().hasHtml()
    window.clip.act_copy_confidential.trigger()
    text = QApplication.clipboard().text()
    assert "KLEMFUP" in text
    assert text.splitlines()[0].startswith("VERTROUWELIJK") and text.rstrip().splitlines()[-1].startswith("VERTROUWELIJK")


def test_a_followup_from_the_overview_opens_its_document_at_its_item(window: MainWindow, qtbot: Any) -> None:
    """The overview lists follow-ups of every document: opening one goes to its document and item."""
    from briefer.model import DocType, Document, Item

    store, ann = window.ws.store, window.ws.ann
    first = window.current_document()
    other = store.add_document(Document(
        source="kst-2-1.pdf", doc_type=DocType.SCHRIFTELIJK_OVERLEG, identifier="kst-2-1", kamerstuk="2, nr. 1",
        title="Ander verslag", items=[Item(n, f"Vraag {n}?", "Antwoord.", party="VVD") for n in (1, 2, 3)],
        page_count=1), b"ander").document
    target = store.item_by_number(other.id, 3)
    fid = ann.add_followup(target.id, "Navragen bij de minister").id
    window.navigation.open_followup(other.id, fid)
    assert window.current_document().id == other.id and window.current_item().id == target.id
    item16 = store.item_by_number(first.id, 16)
    fid16 = ann.add_followup(item16.id, "Ook dit").id
    window.navigation.open_followup(first.id, fid16)
    assert window.current_document().id == first.id and window.current_item().id == item16.id
    assert window.presenter.show_followup(first.id, "bestaat-niet") is None
