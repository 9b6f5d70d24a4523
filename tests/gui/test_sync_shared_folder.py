"""Gedeelde map…: the dialog creates a folder with a ceiling, syncs on a worker thread, shows what
happened, remembers the folder for the next start, and says so quietly when the folder is offline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from briefer.annotate import Annotations
from briefer.annotate.folder import MANIFEST, sync_folder
from briefer.gui.shared_folder import SharedFolderController, SharedFolderDialog
from briefer.importer import import_file
from briefer.store import Store


@pytest.fixture
def ws(sample_db: Path, tmp_path: Path) -> Any:
    from briefer.app import open_workspace

    workspace = open_workspace(sample_db, tmp_path / "settings.json")
    workspace.settings.user_name = "Anna"
    yield workspace
    workspace.store.close()


def test_dialog_creates_the_folder_with_a_ceiling_and_syncs(qtbot: Any, themed: Any, ws: Any, tmp_path: Path,
                                                          sample_pdf: Path) -> None:
    doc = ws.store.documents()[0]
    ws.ann.set_note(doc.id, ws.store.item_by_number(doc.id, 16).id, "Van Anna")
    controller = SharedFolderController(ws)
    dialog = SharedFolderDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    folder = tmp_path / "gedeeld"
    dialog.path.setText(str(folder))
    assert dialog.ceiling.isEnabled() and dialog.ceiling.currentData() == "intern"
    assert "krijgt plafond intern" in dialog.ceiling_note.text()
    with qtbot.waitSignal(controller.synced, timeout=10000):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    assert "Gedeelde map gemaakt" in dialog.report.toPlainText()
    assert json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["ceiling"] == "intern"
    assert not dialog.ceiling.isEnabled() and "vastgelegd" in dialog.ceiling_note.text()
    # a colleague reads it, adds something, and the next start brings it in
    with Store.open(tmp_path / "collega.db") as other:
        odoc = import_file(other, sample_pdf).document
        theirs = Annotations(other)
        sync_folder(theirs, folder, author="Bram")
        theirs.add_followup(other.item_by_number(odoc.id, 16).id, "Van Bram")
        sync_folder(theirs, folder, author="Bram")
    changed: list[int] = []
    ws.changed.connect(lambda: changed.append(1))
    fresh = SharedFolderController(ws)
    assert fresh.folder() == folder.resolve()
    with qtbot.waitSignal(fresh.synced, timeout=10000) as blocker:
        assert fresh.sync_on_start()
    assert "Bram" in "\n".join(blocker.args[0].lines()) and changed
    assert [f.text for f in ws.ann.followups(document_id=doc.id)] == ["Van Bram"]


def test_offline_is_said_quietly_and_nothing_changes(qtbot: Any, themed: Any, ws: Any, tmp_path: Path) -> None:
    folder = tmp_path / "schijf" / "gedeeld"
    folder.parent.mkdir()
    controller = SharedFolderController(ws)
    with qtbot.waitSignal(controller.synced, timeout=10000):
        controller.sync_now(folder)
    folder.parent.rename(tmp_path / "weg")
    dialog = SharedFolderDialog(controller)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(controller.offline, timeout=10000) as blocker:
        assert dialog.sync()
    assert "niet bereikbaar" in blocker.args[0] and "niet bereikbaar" in dialog.report.toPlainText()
    assert dialog.sync_button.isEnabled() and not controller.busy()


def test_an_existing_folder_shows_its_fixed_ceiling(qtbot: Any, themed: Any, ws: Any, tmp_path: Path) -> None:
    folder = tmp_path / "vertrouwelijk"
    sync_folder(ws.ann, folder, ceiling="vertrouwelijk", databases=(ws.db_path,))
    dialog = SharedFolderDialog(SharedFolderController(ws))
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "nieuw"))
    dialog.ceiling.setCurrentIndex(dialog.ceiling.findData("vertrouwelijk"))
    assert "VERTROUWELIJK in hun naam" in dialog.ceiling_note.text()
    dialog.path.setText(str(folder))
    assert not dialog.ceiling.isEnabled() and dialog.ceiling.currentData() == "vertrouwelijk"
