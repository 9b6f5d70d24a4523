"""Importing from the window: worker thread, Dutch error dialogs, drag-and-drop, cancel, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox, QPushButton

from briefer.app import open_workspace
from briefer.gui.files import supported_files
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


def kamervragen_text(path: Path, subject: str, n: int = 3) -> Path:
    """A small Kamervragen text file (a real import, no parser shortcut)."""
    parts = [f"Vragen van het lid Jansen (VVD) aan de minister van Economische Zaken over {subject}.", ""]
    for i in range(1, n + 1):
        parts += [f"Vraag {i}", f"Bent u bekend met het bericht over {subject}, deel {i}?", "",
                  f"Antwoord {i}", f"Ja, het kabinet kent het bericht over {subject} (deel {i}).", ""]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def test_drop_imports_every_file_in_order_and_opens_the_first(empty_window: MainWindow, qtbot: Any,
                                                              sample_pdf: Path, tmp_path: Path,
                                                              captured: list[tuple[str, str]]) -> None:
    second = kamervragen_text(tmp_path / "waterstof.txt", "waterstof")
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"dit is geen pdf\n" * 20)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_pdf)), QUrl.fromLocalFile("/tmp/notities.odt"),
                  QUrl.fromLocalFile(str(bad)), QUrl.fromLocalFile(str(second))])
    assert supported_files(mime) == [str(sample_pdf), str(bad), str(second)]  # unsupported types are ignored
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(empty_window.files.batch_finished, timeout=60000) as blocker:
        empty_window.dropEvent(event)
    summary = blocker.args[0]
    assert [r.document.source.endswith(n) for r, n in zip(summary.imported, ("kst-30821-196.pdf", "waterstof.txt"),
                                                           strict=True)] == [True, True]
    assert [name for name, _reason in summary.refused] == ["kapot.pdf"]
    assert "kapot.pdf" in summary.refused[0][1] and not summary.cancelled
    docs = empty_window.ws.store.documents()
    assert len(docs) == 2 and empty_window.library_model.rowCount() == 2
    # the first document is open; the summary names all three outcomes, the refusal with its reason
    assert empty_window.current_document().id == summary.imported[0].document.id
    dialog = empty_window.files.summary_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.toPlainText()
    assert "Geïmporteerd (2)" in text and "Geweigerd: kapot.pdf" in text
    assert captured == []  # one summary, not an error box per file
    assert empty_window.ws.settings.recent_files[0] == str(second.resolve())


def test_import_dialog_path_imports_all_chosen_files_and_reports_already_present(
        empty_window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    files = [str(kamervragen_text(tmp_path / f"v{i}.txt", s)) for i, s in enumerate(("zon", "wind", "kernenergie"))]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (files, ""))
    with qtbot.waitSignal(empty_window.files.batch_finished, timeout=60000) as blocker:
        empty_window.files.act_import.trigger()
    assert len(blocker.args[0].imported) == 3
    assert len(empty_window.ws.store.documents()) == 3
    with qtbot.waitSignal(empty_window.files.batch_finished, timeout=60000) as blocker:
        empty_window.files.act_import.trigger()  # the same three again
    again = blocker.args[0]
    assert again.imported == [] and len(again.present) == 3
    assert "Al aanwezig (3)" in "\n".join(again.lines())
    assert len(empty_window.ws.store.documents()) == 3


def test_cancel_stops_after_the_current_file_and_says_so(empty_window: MainWindow, qtbot: Any, tmp_path: Path,
                                                         sample_pdf: Path) -> None:
    rest = [kamervragen_text(tmp_path / f"r{i}.txt", f"onderwerp {i}") for i in range(2)]
    ctrl = empty_window.imports
    with qtbot.waitSignal(empty_window.files.batch_finished, timeout=60000) as blocker:
        empty_window.import_files([sample_pdf, *rest])
        ctrl.cancel()  # while the first file is being imported
    summary = blocker.args[0]
    assert summary.cancelled
    assert len(summary.imported) == 1  # the current file was finished, not thrown away
    assert summary.skipped == ["r0.txt", "r1.txt"]
    assert any("Afgebroken" in line and "r0.txt" in line for line in summary.lines())
    assert len(empty_window.ws.store.documents()) == 1
    assert "niet gestart" in empty_window.statusBar().currentMessage()
    assert not ctrl.busy()


def test_progress_dialog_is_one_for_the_batch_and_its_button_stops_after_the_file(
        qtbot: Any, themed: Any, tmp_path: Path, sample_pdf: Path) -> None:
    ws = open_workspace(tmp_path / "briefer.db", tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=True)
    qtbot.addWidget(window)
    window.show()
    ctrl = window.imports
    second = kamervragen_text(tmp_path / "b.txt", "batterijen")
    with qtbot.waitSignal(window.files.batch_finished, timeout=60000) as blocker:
        window.import_files([sample_pdf, second])
        dialog = ctrl._dialog
        assert dialog is not None and dialog.labelText().startswith(f"Bestand 1 van 2: {sample_pdf.name}")
        button = dialog.findChild(QPushButton)
        assert button.text() == "Stoppen na dit bestand"
        button.click()
    summary = blocker.args[0]
    assert summary.cancelled and len(summary.imported) == 1 and summary.skipped == ["b.txt"]
    assert ctrl._dialog is None  # closed again, without cancelling anything further
    window.close()
    ws.store.close()


def test_a_second_batch_after_the_dialog_closed_imports_every_file(qtbot: Any, themed: Any, tmp_path: Path) -> None:
    """Closing the first batch's progress dialog must not empty the next batch's queue."""
    ws = open_workspace(tmp_path / "briefer.db", tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=True)
    qtbot.addWidget(window)
    window.show()
    for batch in (["a", "b"], ["c", "d", "e"]):
        files = [kamervragen_text(tmp_path / f"{n}.txt", f"onderwerp {n}") for n in batch]
        with qtbot.waitSignal(window.files.batch_finished, timeout=60000) as blocker:
            window.import_files(files)
        assert len(blocker.args[0].imported) == len(batch) and not blocker.args[0].cancelled
    assert len(ws.store.documents()) == 5
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
