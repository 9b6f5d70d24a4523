"""The composition root: `python -m briefer.app` on a fresh database, and on a damaged one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from briefer import app as app_module
from briefer.gui.main_window import MainWindow
from briefer.settings import Settings
from briefer.store import Store


def _close_when(predicate: Any, timeout_ms: int = 30000) -> list[MainWindow]:
    """Poll until a MainWindow satisfies `predicate`, then close it and leave the event loop."""
    seen: list[MainWindow] = []
    timer = QTimer()
    timer.setInterval(50)
    waited = [0]

    def poll() -> None:
        waited[0] += 50
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        ready = [w for w in windows if predicate(w)]
        if ready or waited[0] > timeout_ms:
            timer.stop()
            for w in ready:
                seen.append(w)
                w.close()  # the last window closing ends main()'s event loop
            if not ready:
                QApplication.instance().quit()

    timer.timeout.connect(poll)
    timer.start()
    _close_when.timer = timer  # type: ignore[attr-defined]  # keep it alive during exec()
    return seen


def _run_main(argv: list[str]) -> int:
    code = app_module.main(argv)
    QApplication.removePostedEvents(None, QEvent.Type.Quit)  # leave no quit for the next test's loop
    return code


def test_main_first_start_imports_and_shows_the_sample(qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    db, settings = tmp_path / "briefer.db", tmp_path / "settings.json"
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: (_ for _ in ()).throw(AssertionError(a)))
    seen = _close_when(lambda w: w.current_document() is not None and w.current_item() is not None)
    assert _run_main(["--db", str(db), "--settings", str(settings), "--sample"]) == 0
    assert len(seen) == 1
    with Store.open(db) as store:
        docs = store.documents()
        assert [d.kamerstuk for d in docs] == ["30 821, nr. 196"]
    # the session was saved: the next start reopens the same document
    saved = Settings.load(settings)
    assert saved.last_document == docs[0].id and saved.last_item and saved.window_geometry
    # --sample on a database that has it already does not import it again
    seen = _close_when(lambda w: w.current_document() is not None)
    assert _run_main(["--db", str(db), "--settings", str(settings), "--sample"]) == 0
    with Store.open(db) as store:
        assert len(store.documents()) == 1


def test_main_refuses_a_damaged_database_with_a_dutch_message(qapp: Any, tmp_path: Path, monkeypatch: Any) -> None:
    db = tmp_path / "briefer.db"
    db.write_bytes(b"dit is geen database" * 200)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: shown.append(text))
    assert _run_main(["--db", str(db), "--settings", str(tmp_path / "s.json")]) == 1
    assert len(shown) == 1 and str(db) in shown[0] and "beschadigd" in shown[0]
    assert db.read_bytes().startswith(b"dit is geen database")  # left as it was


def test_main_imports_and_opens_files_given_on_the_command_line(qapp: Any, tmp_path: Path, monkeypatch: Any,
                                                                 sample_pdf: Path) -> None:
    """`briefer-app FILE …` (also "Open with" on an already configured app): every file, in order."""
    from tests.gui.test_import import kamervragen_text

    db, settings = tmp_path / "briefer.db", tmp_path / "settings.json"
    with Store.open(db) as store:  # an app already in use: the sample is there
        from briefer.importer import import_file

        import_file(store, sample_pdf)
    second = kamervragen_text(tmp_path / "zon.txt", "zonnepanelen")
    third = kamervragen_text(tmp_path / "wind.txt", "windparken op zee")
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: (_ for _ in ()).throw(AssertionError(a)))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: (_ for _ in ()).throw(AssertionError(a)))
    seen = _close_when(lambda w: len(w.ws.store.documents()) == 3 and not w.imports.busy()
                       and w.current_document() is not None)
    assert _run_main(["--db", str(db), "--settings", str(settings), str(second), str(third)]) == 0
    assert len(seen) == 1
    window = seen[0]
    assert window.current_document().source.endswith("zon.txt")  # the first file given is opened
    with Store.open(db) as store:
        sources = sorted(Path(d.source).name for d in store.documents())
    assert sources == ["kst-30821-196.pdf", "wind.txt", "zon.txt"]
