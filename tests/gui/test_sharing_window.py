"""The window's sharing parts: a conflict shows beside the note of its question and in a bar, the
menus reach the conflicts and the shared folder, and a sync from the menu brings a colleague's note."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMenu

from briefer.annotate import Annotations
from briefer.annotate.folder import sync_folder
from briefer.gui.sharing import conflicts_text
from briefer.importer import import_file
from briefer.store import Store


def _colleague_note(window: Any, tmp_path: Path, sample_pdf: Path, text: str) -> dict:
    """The colleague's file after they wrote `text` on question 16 (having seen our first note)."""
    ann, doc = window.ws.ann, window.current_document()
    with Store.open(tmp_path / "collega.db") as other:
        odoc = import_file(other, sample_pdf).document
        theirs = Annotations(other)
        theirs.import_json(json.loads(json.dumps(ann.export_json(doc.id))))
        theirs.set_note(odoc.id, other.item_by_number(odoc.id, 16).id, text)
        return json.loads(json.dumps(theirs.export_json(odoc.id)))


def _menu_texts(window: Any) -> list[str]:
    out = []
    for menu in window.menuBar().findChildren(QMenu):
        out += [a.text().replace("&", "") for a in menu.actions()]
    return out


def test_a_conflict_shows_beside_the_note_and_in_a_bar(window: Any, qtbot: Any, tmp_path: Path,
                                                       sample_pdf: Path) -> None:
    ann, doc = window.ws.ann, window.current_document()
    item16 = window.ws.store.item_by_number(doc.id, 16)
    ann.set_note(doc.id, item16.id, "Eerste versie")
    data = _colleague_note(window, tmp_path, sample_pdf, "Hun lezing")
    ann.set_note(doc.id, item16.id, "Onze lezing")
    report = ann.import_json(data)
    assert report.open_conflicts == 1
    window.ws.changed.emit()
    qtbot.waitUntil(lambda: window.sharing.bar.isVisibleTo(window), timeout=2000)
    assert window.sharing.bar_text.text().startswith(conflicts_text(1))
    assert "Conflicten (1)" in window.sharing.act_conflicts.text()

    other = window.ws.store.item_by_number(doc.id, 2)
    window.select_item(other.id)
    assert not window.sharing.box.isVisibleTo(window)  # only beside the note of its own question
    window.select_item(item16.id)
    assert window.sharing.box.isVisibleTo(window)
    view = window.sharing.view
    assert view.mine.toPlainText() == "Onze lezing" and view.theirs.toPlainText() == "Hun lezing"

    view.choose_theirs()  # one undoable step
    qtbot.waitUntil(lambda: not window.sharing.bar.isVisibleTo(window), timeout=2000)
    assert ann.note(doc.id, item16.id).body == "Hun lezing"
    assert not window.sharing.box.isVisibleTo(window)
    window.act_undo.trigger()  # undo brings our text back (a new change; the choice stays made)
    qtbot.waitUntil(lambda: ann.note(doc.id, item16.id).body == "Onze lezing", timeout=2000)


def test_menus_reach_conflicts_and_the_shared_folder(window: Any) -> None:
    texts = _menu_texts(window)
    for wanted in ("Conflicten…", "Gedeelde map…", "Nu synchroniseren", "Annotaties delen…"):
        assert wanted in texts, wanted


def test_sync_now_brings_a_colleagues_note_from_the_shared_folder(window: Any, qtbot: Any, tmp_path: Path,
                                                                 sample_pdf: Path) -> None:
    folder = tmp_path / "team"
    with Store.open(tmp_path / "collega.db") as other:
        odoc = import_file(other, sample_pdf).document
        theirs = Annotations(other)
        theirs.set_note(odoc.id, other.item_by_number(odoc.id, 5).id, "Notitie van de collega MARKER5")
        sync_folder(theirs, folder, author="Bram")
    assert window.sharing.folder.sync_now(folder)
    with qtbot.waitSignal(window.sharing.folder.synced, timeout=20000):
        pass
    doc = window.current_document()
    note = window.ws.ann.note(doc.id, window.ws.store.item_by_number(doc.id, 5).id)
    assert note is not None and "MARKER5" in note.body
    assert window.sharing.folder.folder() == folder.resolve() or window.sharing.folder.folder() == folder
    # the next "Nu synchroniseren" uses the remembered folder without asking
    assert window.sharing.sync_now()
    with qtbot.waitSignal(window.sharing.folder.synced, timeout=20000):
        pass
