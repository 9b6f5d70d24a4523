"""One Briefer per user and database: a second start hands its files to the running window."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QApplication

from briefer.app import open_workspace
from briefer.gui.main_window import MainWindow
from briefer.gui.single_instance import InstanceServer, server_name
from tests.gui.test_app import _close_when, _run_main
from tests.gui.test_import import kamervragen_text

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def _second_start(db: Path, *files: Path) -> subprocess.Popen:
    """`briefer-app --db DB FILE …` as the desktop starts it, in its own process."""
    return subprocess.Popen([sys.executable, "-m", "briefer.app", "--db", str(db), *map(str, files)],
                            cwd=REPO, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _window(qtbot: Any, db: Path, tmp_path: Path) -> tuple[MainWindow, InstanceServer]:
    ws = open_workspace(db, tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=False)
    qtbot.addWidget(window)
    server = InstanceServer(db)
    assert server.listen()
    server.attach(window)
    window.show()
    qtbot.waitExposed(window)
    return window, server


def test_the_channel_is_named_per_database_whatever_the_spelling(tmp_path: Path, monkeypatch: Any) -> None:
    db = tmp_path / "a" / "briefer.db"
    db.parent.mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a")
    monkeypatch.chdir(tmp_path)
    name = server_name(db)
    assert name == server_name(Path("a/briefer.db")) == server_name(tmp_path / "link" / "briefer.db")
    assert name != server_name(tmp_path / "ander.db")
    assert len(str(Path(QDir.tempPath()) / name)) < 100  # fits a Unix socket path


def test_open_with_while_briefer_runs_goes_to_the_running_window(qtbot: Any, themed: Any, sample_db: Path,
                                                                tmp_path: Path) -> None:
    window, server = _window(qtbot, sample_db, tmp_path)
    window.showMinimized()
    new = kamervragen_text(tmp_path / "stikstof.txt", "stikstof")
    started = time.monotonic()
    second = _second_start(sample_db, new)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
    _out, err = second.communicate()
    assert second.returncode == 0, err
    assert [line for line in err.splitlines() if "propagateSizeHints" not in line] == []
    qtbot.waitUntil(lambda: window.current_document() is not None
                    and window.current_document().source.endswith("stikstof.txt"), timeout=30000)
    assert time.monotonic() - started < 30
    assert not window.isMinimized() and window.isVisible()  # it came to the front
    assert len(window.ws.store.documents()) == 2
    window.close()
    assert not server.is_listening()  # a start after the close runs on its own
    window.ws.store.close()


def test_a_running_briefer_that_does_not_answer_is_passed_by_within_a_second(qtbot: Any, tmp_path: Path) -> None:
    db = tmp_path / "briefer.db"
    mute = QLocalServer()  # takes the connection, never answers (a hung Briefer)
    assert mute.listen(server_name(db))
    probe = ("import sys, time\nfrom pathlib import Path\nfrom PySide6.QtCore import QCoreApplication\n"
             "from briefer.gui.single_instance import send_to_running\napp = QCoreApplication([])\n"
             "t = time.monotonic()\nok = send_to_running(Path(sys.argv[1]), [Path('x.pdf')])\n"
             "print(ok, round(time.monotonic() - t, 2))\n")
    child = subprocess.Popen([sys.executable, "-c", probe, str(db)], cwd=REPO, env=ENV,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=15000)
    out, err = child.communicate()
    answered, seconds = out.split()
    assert answered == "False" and 0.9 <= float(seconds) < 2.0, (out, err)
    mute.close()


def test_a_socket_left_by_a_crashed_briefer_does_not_block_the_next(qapp: Any, tmp_path: Path) -> None:
    db = tmp_path / "briefer.db"
    stale = Path(QDir.tempPath()) / server_name(db)
    stale.write_text("")  # what a killed Briefer leaves behind on Linux and macOS
    server = InstanceServer(db)
    try:
        assert server.listen() and server.is_listening()
    finally:
        server.close()


def test_files_opened_from_finder_while_running_are_imported_as_one_batch(qtbot: Any, themed: Any,
                                                                          sample_db: Path, tmp_path: Path) -> None:
    """macOS delivers a multi-file "Open" in Finder as one QFileOpenEvent per file."""
    window, server = _window(qtbot, sample_db, tmp_path)
    first = kamervragen_text(tmp_path / "eerste.txt", "windenergie")
    second = kamervragen_text(tmp_path / "tweede.txt", "zonne-energie")
    with qtbot.waitSignal(window.files.batch_finished, timeout=30000) as blocker:
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(first)))
        QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(QUrl.fromLocalFile(str(second))))
    summary = blocker.args[0]
    assert [Path(r.document.source).name for r in summary.imported] == ["eerste.txt", "tweede.txt"]
    assert window.current_document().source.endswith("eerste.txt")
    window.close()
    window.ws.store.close()


def test_main_hands_files_to_the_briefer_already_running_on_the_database(qapp: Any, tmp_path: Path,
                                                                         sample_pdf: Path) -> None:
    """Both ends through `briefer.app.main`: the running app takes the file, the second start exits."""
    from briefer.importer import import_file
    from briefer.store import Store

    db = tmp_path / "briefer.db"
    with Store.open(db) as store:
        import_file(store, sample_pdf)
    new = kamervragen_text(tmp_path / "water.txt", "drinkwater")
    second: list[subprocess.Popen] = []

    def start_second() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].current_document() is not None and not second:
            second.append(_second_start(db, new))

    timer = QTimer()
    timer.timeout.connect(start_second)
    timer.start(100)
    seen = _close_when(lambda w: bool(second) and second[0].poll() is not None and w.current_document() is not None
                       and w.current_document().source.endswith("water.txt"))
    assert _run_main(["--db", str(db), "--settings", str(tmp_path / "s.json")]) == 0
    timer.stop()
    assert len(seen) == 1 and second and second[0].wait(5) == 0
    with Store.open(db) as store:
        assert sorted(Path(d.source).name for d in store.documents()) == ["kst-30821-196.pdf", "water.txt"]
