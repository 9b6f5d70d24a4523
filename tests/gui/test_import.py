"""Importing from the window: worker thread, Dutch error dialogs, drag-and-drop, cancel, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QPushButton

from briefer.app import open_workspace
from briefer.gui.main_window import MainWindow


@pytest.fixture
def captured(monkeypatch: Any) -> list[tuple[str, str]]:
    """Dialogs shown through QMessageBox.warning/critical, as (kind, text)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(("warning", text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(("critical", text)))
    return shown


@pytest.fixture
def empty_window(qtbot: Any, themed: Any, tmp_path: Path) -> MainWindow:
    ws = open_workspace(tmp_path / "briefer.db", tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=False)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    ws.store.close()


def test_bad_import_shows_the_dutch_message(empty_window: MainWindow, qtbot: Any, tmp_path: Path,
                                            captured: list[tuple[str, str]]) -> None:
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"dit is geen pdf\n" * 20)
    with qtbot.waitSignal(empty_window.imports.failed, timeout=20000):
        empty_window.import_files([bad])
    assert len(captured) == 1
    kind, text = captured[0]
    assert kind == "warning"  # an expected failure, not a crash
    assert "kapot.pdf" in text and "Traceback" not in text
    assert empty_window.library_model.rowCount() == 0  # nothing was stored
    assert empty_window.ws.store.documents() == []


def test_missing_file_names_it(empty_window: MainWindow, qtbot: Any, tmp_path: Path,
                               captured: list[tuple[str, str]]) -> None:
    with qtbot.waitSignal(empty_window.imports.failed, timeout=20000):
        empty_window.import_files([tmp_path / "bestaat-niet.pdf"])
    assert "bestaat-niet.pdf" in captured[0][1] and "bestaat niet" in captured[0][1]


def test_drop_imports_and_opens(empty_window: MainWindow, qtbot: Any, sample_pdf: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_pdf)), QUrl.fromLocalFile("/tmp/notities.odt")])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    assert MainWindow._dropped_files(event) == [str(sample_pdf)]  # unsupported types are ignored
    with qtbot.waitSignal(empty_window.import_finished, timeout=30000) as blocker:
        empty_window.dropEvent(event)
    result = blocker.args[0]
    assert result.created
    assert empty_window.current_document().id == result.document.id
    assert len(empty_window.outline_model.items()) == len(empty_window.ws.store.items(result.document.id))
    assert empty_window.ws.settings.recent_files[0] == str(sample_pdf.resolve())


def test_cancelled_import_stores_nothing(empty_window: MainWindow, qtbot: Any, sample_pdf: Path) -> None:
    ctrl = empty_window.imports
    with qtbot.waitSignal(ctrl.cancelled, timeout=30000) as blocker:
        empty_window.import_files([sample_pdf])
        ctrl.cancel()
    assert blocker.args[0] == sample_pdf.name
    assert empty_window.ws.store.documents() == []
    assert not ctrl.busy()


def test_progress_dialog_cancel_button_stops_the_import(qtbot: Any, themed: Any, tmp_path: Path,
                                                        sample_pdf: Path) -> None:
    ws = open_workspace(tmp_path / "briefer.db", tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=True)
    qtbot.addWidget(window)
    window.show()
    ctrl = window.imports
    with qtbot.waitSignal(ctrl.cancelled, timeout=30000):
        window.import_files([sample_pdf])
        dialog = ctrl._dialog
        assert dialog is not None and dialog.labelText().startswith(sample_pdf.name)
        button = dialog.findChild(QPushButton)
        assert button.text() == "Annuleren"
        button.click()
    assert ws.store.documents() == []
    assert ctrl._dialog is None  # closed again
    window.close()
    ws.store.close()


def test_import_shortens_the_gil_switch_interval_only_while_it_runs(empty_window: MainWindow, qtbot: Any,
                                                                     sample_pdf: Path) -> None:
    import sys

    from briefer.gui.importing import IMPORT_SWITCH_INTERVAL

    before = sys.getswitchinterval()
    seen: list[float] = []
    empty_window.imports.imported.connect(lambda _r: seen.append(sys.getswitchinterval()))
    with qtbot.waitSignal(empty_window.imports.idle, timeout=20000):
        empty_window.import_files([sample_pdf])
        assert sys.getswitchinterval() == IMPORT_SWITCH_INTERVAL  # the GUI thread gets its turns
    assert seen == [IMPORT_SWITCH_INTERVAL]
    assert sys.getswitchinterval() == before
    # the welcome text gave way to the imported document
    assert empty_window.current_document() is not None
    assert "Welkom" not in empty_window.reader.document().toPlainText()
