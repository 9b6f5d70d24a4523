"""Annotaties delen…: the ceiling choice and live "left out" list, the confidential file name, and
never replacing a file without asking."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from briefer.gui.share_dialog import ShareDialog


@pytest.fixture
def ws(sample_db: Path, tmp_path: Path) -> Any:
    from briefer.app import open_workspace

    workspace = open_workspace(sample_db, tmp_path / "settings.json")
    workspace.settings.export_dir = str(tmp_path)
    yield workspace
    workspace.store.close()


def test_ceiling_and_left_out_list_follow_the_choice(qtbot: Any, themed: Any, ws: Any, tmp_path: Path) -> None:
    doc = ws.store.documents()[0]
    item = ws.store.item_by_number(doc.id, 16)
    ws.ann.set_note(doc.id, item.id, "Gewoon")
    ws.ann.add_followup(item.id, "GEHEIM-MERKTEKEN", level="vertrouwelijk")
    dialog = ShareDialog(ws, doc)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen_ceiling() == "intern" and not dialog.ceiling_warning.isVisible()
    assert dialog.left_out.toPlainText() == "Niet gedeeld, boven het plafond intern: 1 vervolgactie (vraag 16)."
    assert dialog.count.text() == "1 annotatie(s) gaan mee."
    with qtbot.waitSignal(dialog.shared, timeout=2000) as blocker:
        dialog.share()
    result = blocker.args[0]
    assert result.path.name.endswith("annotaties.json") and "GEHEIM" not in result.path.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(result.path).st_mode) == 0o600

    again = ShareDialog(ws, doc)
    qtbot.addWidget(again)
    again.show()
    again.ceiling.setCurrentIndex(again.ceiling.findData("vertrouwelijk"))
    assert again.ceiling_warning.isVisible() and again.left_out.toPlainText() == ""
    assert again.final_name.text().endswith("annotaties VERTROUWELIJK.json")
    with qtbot.waitSignal(again.shared, timeout=2000) as blocker:
        again.share()
    secret = blocker.args[0].path
    assert secret.name.endswith(" VERTROUWELIJK.json")
    assert json.loads(secret.read_text(encoding="utf-8"))["rubricering"] == "VERTROUWELIJK"


def test_an_existing_file_is_replaced_only_when_the_user_agrees(qtbot: Any, themed: Any, ws: Any,
                                                                 monkeypatch: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    doc = ws.store.documents()[0]
    ws.ann.set_note(doc.id, None, "Kern")
    target = tmp_path / "bestaat.json"
    target.write_text("van iemand anders", encoding="utf-8")
    dialog = ShareDialog(ws, doc)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(target))
    answers = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert dialog.share() is None and target.read_text(encoding="utf-8") == "van iemand anders"
    answers.append(QMessageBox.StandardButton.Yes)
    assert dialog.share() is not None and json.loads(target.read_text(encoding="utf-8"))["version"] == 2
    dialog.path.setText(str(ws.db_path))  # never the database, whatever the user says
    answers.append(QMessageBox.StandardButton.Yes)
    assert dialog.share() is None and "database" in dialog.message.text()
