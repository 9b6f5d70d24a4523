"""The conflict view: a note changed on two sides shows both texts beside each other, and each of
"mijn versie / die van de collega / samenvoegen" settles it as one undoable step."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from briefer.annotate import Annotations
from briefer.gui.conflict_view import ConflictsDialog, ConflictView
from briefer.importer import import_file
from briefer.store import Store


@pytest.fixture
def ws(sample_db: Path, tmp_path: Path) -> Any:
    from briefer.app import open_workspace

    workspace = open_workspace(sample_db, tmp_path / "settings.json")
    yield workspace
    workspace.store.close()


def make_conflict(ws: Any, tmp_path: Path, sample_pdf: Path, mine: str = "Onze lezing",
                  theirs: str = "Hun lezing") -> tuple[Any, Any]:
    """A note on question 16 written here and, at the same time, by a colleague; then merged."""
    doc = ws.store.documents()[0]
    item = ws.store.item_by_number(doc.id, 16)
    ws.ann.set_note(doc.id, item.id, "Eerste versie")
    with Store.open(tmp_path / "collega.db") as other:
        odoc = import_file(other, sample_pdf).document
        theirs_ann = Annotations(other)
        theirs_ann.import_json(json.loads(json.dumps(ws.ann.export_json(doc.id))))
        theirs_ann.set_note(odoc.id, other.item_by_number(odoc.id, 16).id, theirs)
        data = json.loads(json.dumps(theirs_ann.export_json(odoc.id)))
    ws.ann.set_note(doc.id, item.id, mine)
    report = ws.ann.import_json(data)
    assert report.open_conflicts == 1
    return doc, item


def test_the_view_shows_both_texts_and_takes_the_colleagues(qtbot: Any, themed: Any, ws: Any, tmp_path: Path,
                                                            sample_pdf: Path) -> None:
    doc, item = make_conflict(ws, tmp_path, sample_pdf)
    view = ConflictView(ws.ann, ws.perform)
    qtbot.addWidget(view)
    [conflict] = ws.ann.conflicts(doc.id)
    view.set_conflict(conflict)
    view.show()
    qtbot.waitExposed(view)
    assert view.isVisible() and "vraag 16" in view.title.text()
    assert view.mine.toPlainText() == "Onze lezing" and view.theirs.toPlainText() == "Hun lezing"
    assert view.mine.isVisible() and view.theirs.isVisible()
    assert view.mine.mapTo(view, view.mine.rect().topLeft()).x() < view.theirs.mapTo(view, view.theirs.rect().topLeft()).x()
    assert ws.ann.note(doc.id, item.id).body == "Onze lezing"  # meanwhile: our own version
    with qtbot.waitSignal(view.resolved, timeout=2000):
        qtbot.mouseClick(view.take_theirs, Qt.MouseButton.LeftButton)
    assert ws.ann.note(doc.id, item.id).body == "Hun lezing" and ws.ann.conflicts() == []
    assert ws.undo_stack.count() == 1  # one undoable step
    ws.undo_stack.undo()
    assert ws.ann.note(doc.id, item.id).body == "Onze lezing"


def test_keep_mine_and_merge_by_hand(qtbot: Any, themed: Any, ws: Any, tmp_path: Path, sample_pdf: Path) -> None:
    doc, item = make_conflict(ws, tmp_path, sample_pdf)
    view = ConflictView(ws.ann, ws.perform)
    qtbot.addWidget(view)
    view.set_conflict(ws.ann.conflicts(doc.id)[0])
    view.show()
    qtbot.mouseClick(view.merge, Qt.MouseButton.LeftButton)
    assert view.merge_panel.isVisible()
    assert view.editor.toPlainText() == "Onze lezing\n\nHun lezing"
    view.editor.setPlainText("Onze en hun lezing")
    with qtbot.waitSignal(view.resolved, timeout=2000):
        qtbot.mouseClick(view.save_merge, Qt.MouseButton.LeftButton)
    assert ws.ann.note(doc.id, item.id).body == "Onze en hun lezing" and ws.ann.conflicts() == []
    assert not view.merge_panel.isVisible()
    # an empty merge is refused with a Dutch line and changes nothing
    view.set_conflict(None)
    assert not view.isVisible()


def test_keep_mine_settles_it_for_everyone(qtbot: Any, themed: Any, ws: Any, tmp_path: Path,
                                          sample_pdf: Path) -> None:
    doc, item = make_conflict(ws, tmp_path, sample_pdf)
    view = ConflictView(ws.ann, ws.perform)
    qtbot.addWidget(view)
    view.set_conflict(ws.ann.conflicts(doc.id)[0])
    with qtbot.waitSignal(view.resolved, timeout=2000):
        qtbot.mouseClick(view.keep_mine, Qt.MouseButton.LeftButton)
    assert ws.ann.note(doc.id, item.id).body == "Onze lezing" and ws.ann.conflicts() == []
    with Store.open(tmp_path / "collega.db") as other:
        theirs = Annotations(other)
        theirs.import_json(json.loads(json.dumps(ws.ann.export_json(doc.id))))
        odoc = other.documents()[0]
        assert theirs.conflicts() == []
        assert theirs.note(odoc.id, other.item_by_number(odoc.id, 16).id).body == "Onze lezing"


def test_the_dialog_lists_every_conflict_and_empties_when_settled(qtbot: Any, themed: Any, ws: Any,
                                                                  tmp_path: Path, sample_pdf: Path) -> None:
    doc, _item = make_conflict(ws, tmp_path, sample_pdf)
    dialog = ConflictsDialog(ws.ann, doc.id, ws.perform)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.count() == 1 and dialog.view.isVisible() and not dialog.empty.isVisible()
    assert dialog.list.item(0).text() == "Notitie bij vraag 16"
    with qtbot.waitSignal(dialog.resolved, timeout=2000):
        qtbot.mouseClick(dialog.view.take_theirs, Qt.MouseButton.LeftButton)
    assert dialog.count() == 0 and dialog.empty.isVisible() and not dialog.view.isVisible()
