"""The export dialog (Ctrl+E): Onderwerp, Aan and Van, the outline with its estimated length next to
the "left out" list, and the rules for an existing file; real windows, real files."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from briefer.model import FollowUpKind, Level
from briefer.textutil import dutch_date

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from export_helpers import audit  # noqa: E402


@pytest.fixture
def dialog(window: Any, qtbot: Any, tmp_path: Path) -> Any:
    from briefer.gui.export_dialog import ExportDialog

    ann, doc = window.ws.ann, window.current_document()
    item = window.current_item()
    ann.tag_item(item.id, ann.domain_by_ref("1").id)
    ann.set_note(doc.id, item.id, "Doorvragen op **doelen**.")
    ann.add_followup(item.id, "Motie: doelen vastleggen", kind=FollowUpKind.MOTIE)
    ann.add_followup(item.id, "Geheime afspraak nagaan", level=Level.VERTROUWELIJK)
    dlg = ExportDialog(window.ws, doc, window, opener=lambda p: True)
    qtbot.addWidget(dlg)
    dlg.open_after.setChecked(False)
    qtbot.waitUntil(dlg.preview_ready, timeout=15000)
    yield dlg
    dlg.reject()


def _answer_question(qtbot: Any, button: Any) -> list[str]:
    """Answer the next modal question box with `button`; returns the texts it showed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    shown: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    return shown


def test_outline_and_estimated_length_sit_next_to_what_is_left_out(dialog: Any, qtbot: Any) -> None:
    assert dialog.outline.parent() is dialog.left_out.parent()  # side by side in the dialog
    text = dialog.outline.toPlainText()
    assert "• Kop: Datum, Onderwerp, Stuk, Rubricering" in text
    assert "• Grondstoffen en (fossiele) energie: 1 antwoord (1 uitgewerkt)" in text
    assert "• Voor het debat: moties voorbereiden (1)" in text
    assert dialog.pages == 1 and dialog.outline_title.text() == "&Inhoud (ongeveer 1 pagina):"
    assert "vervolgactie boven het niveau intern" in dialog.left_out.toPlainText()
    # another kind: the outline follows
    dialog.kind.setCurrentIndex(dialog.kind.findData("technisch"))
    qtbot.waitUntil(lambda: dialog.preview_ready() and "Titelpagina" in dialog.outline.toPlainText(), timeout=15000)
    assert dialog.pages is not None and dialog.pages >= 2
    # the head follows Aan and Van
    dialog.kind.setCurrentIndex(dialog.kind.findData("kamerlid"))
    dialog.recipient.setText("Jeanet van Dijk")
    dialog.author.setText("Sanne")
    qtbot.waitUntil(lambda: dialog.preview_ready() and "Kop: Aan, Van," in dialog.outline.toPlainText(),
                    timeout=15000)


def test_subject_to_and_from_reach_the_briefing(dialog: Any, qtbot: Any, tmp_path: Path) -> None:
    assert dialog.subject.placeholderText() == "Verslag schriftelijk overleg, Kamerstuk 30 821, nr. 196"
    dialog.subject.setText("Commissiedebat Strategische afhankelijkheden, 12 december")
    dialog.recipient.setText("Jeanet van Dijk")
    dialog.author.setText("Sanne de Vries")
    dialog.out.setText(str(tmp_path / "k.docx"))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=15000)
    document = docx.Document(str(dialog.result_path))
    head = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert head["Onderwerp"] == "Commissiedebat Strategische afhankelijkheden, 12 december"
    assert head["Aan"] == "Jeanet van Dijk" and head["Van"] == "Sanne de Vries"
    from datetime import date

    assert head["Datum"] == dutch_date(date.today())
    audit(dialog.result_path)
    with zipfile.ZipFile(dialog.result_path) as z:
        assert "Geheime afspraak" not in z.read("word/document.xml").decode()


def test_a_typed_existing_file_is_replaced_only_after_asking(dialog: Any, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    target = tmp_path / "bestaat.docx"
    target.write_bytes(b"eerdere briefing")
    dialog.out.setText(str(target))
    shown = _answer_question(qtbot, QMessageBox.StandardButton.No)
    dialog.export()
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert "bestaat.docx bestaat al" in shown[0]
    assert not dialog.busy() and dialog.result_path is None and target.read_bytes() == b"eerdere briefing"
    shown = _answer_question(qtbot, QMessageBox.StandardButton.Yes)
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=15000)
    assert shown and dialog.result_path == target and target.read_bytes()[:2] == b"PK"


def test_the_save_dialogs_own_confirmation_counts(dialog: Any, qtbot: Any, tmp_path: Path,
                                                   monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "gekozen.docx"
    target.write_bytes(b"oud")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog._browse_out()
    assert dialog.out.text() == str(target)
    dialog.export()  # no second question: the save dialog asked before returning an existing file
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=15000)
    assert dialog.result_path == target and target.read_bytes()[:2] == b"PK"


def test_a_folder_gets_the_default_name_numbered(dialog: Any, qtbot: Any, tmp_path: Path) -> None:
    from briefer.gui.export_dialog import ExportDialog

    folder = tmp_path / "uit"
    dialog.out.setText(str(folder))
    dialog.export()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=15000)
    first = dialog.result_path
    again = ExportDialog(dialog.ws, dialog.document, None, opener=lambda p: True)
    qtbot.addWidget(again)
    again.open_after.setChecked(False)
    again.out.setText(str(folder))
    again.export()
    qtbot.waitUntil(lambda: again.result_path is not None, timeout=15000)
    assert again.result_path != first and again.result_path.name == first.stem + " (2).docx"
    assert first.exists()


def test_the_open_database_is_refused(dialog: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    db = dialog.ws.db_path
    before = db.read_bytes()
    dialog.out.setText(str(db.with_name(db.name + "-wal")))
    shown = _answer_question(qtbot, QMessageBox.StandardButton.Ok)
    dialog.export()
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert "database van Briefer" in shown[0]
    assert dialog.result_path is None and db.read_bytes() == before
