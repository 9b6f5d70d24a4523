"""Closing the window while workers run ends the process cleanly and loses nothing committed.

The first start imports the sample on a worker thread. Closing the window at the wrong moment
used to leave work running past the window: an import queued before the close started after it
(Qt aborted: "QThread: Destroyed while thread is still running"), a result arriving after the close
opened the document in the closed window and started a suggestions thread, and the progress
dialog's show timer could put a dialog up after the close, which cancels Qt's pending quit (a
process without a window). The app is run here from its entry point in a child process, closed at
three moments, with a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from briefer.app import open_workspace
from briefer.gui import threads
from briefer.gui.main_window import MainWindow
from briefer.store import Store
from briefer.store.backup import check_integrity

REPO = Path(__file__).resolve().parents[2]

# The child process: `python -m briefer.app` (its main()) with an event filter that closes the
# main window at the moment under test, as a staffer's click on ✕ would arrive.
DRIVER = r'''
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from briefer import app as app_module
from briefer.gui.files import FileActions
from briefer.gui.main_window import MainWindow

mode = sys.argv[1]
if mode == "queued":  # the close is already waiting when the first-start import is queued
    _open_sample = FileActions.open_sample
    def open_sample(self):
        QTimer.singleShot(0, self.host.close)
        _open_sample(self)
    FileActions.open_sample = open_sample

class Closer(QObject):
    done = False
    def eventFilter(self, obj, ev):
        if not self.done and ev.type() == QEvent.Type.Paint and mode == "paint" and isinstance(obj, MainWindow):
            self.done = True
            QTimer.singleShot(0, obj.close)
        if not self.done and ev.type() == QEvent.Type.Show and mode == "progress" \
                and isinstance(obj, QProgressDialog):
            self.done = True  # mid-import: the progress dialog processes events in setValue
            QTimer.singleShot(0, obj.parentWidget().close)
        return False

app = QApplication(sys.argv[:1])
closer = Closer()
app.installEventFilter(closer)
sys.exit(app_module.main(sys.argv[2:]))
'''


@pytest.mark.parametrize("moment", ["queued", "paint", "progress"])
def test_closing_on_first_start_ends_the_process_and_keeps_the_database_sound(tmp_path: Path, moment: str) -> None:
    db = tmp_path / "briefer.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFER_HOME": str(tmp_path / "home")}
    try:
        run = subprocess.run([sys.executable, "-c", DRIVER, moment, "--db", str(db), "--settings",
                              str(tmp_path / "settings.json")], cwd=REPO, env=env, capture_output=True,
                             text=True, timeout=90)
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the process did not end after the window closed ({moment}): {exc.stderr!r}")
    noise = [line for line in run.stderr.splitlines() if "propagateSizeHints" not in line]
    assert run.returncode == 0, f"{moment}: exit {run.returncode}\n" + "\n".join(noise)
    assert not [line for line in noise if "QThread" in line or "Traceback" in line or "Error" in line], noise
    assert check_integrity(db) == []
    with Store.open(db) as store:
        docs = store.documents()
        # the import was stopped (nothing stored) or had committed (all of it stored): never half
        assert [len(store.items(d.id)) for d in docs] in ([], [41])


def _empty_window(qtbot: Any, tmp_path: Path) -> MainWindow:
    ws = open_workspace(tmp_path / "briefer.db", tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _visible_dialogs() -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_an_import_queued_before_the_close_never_starts(qtbot: Any, themed: Any, tmp_path: Path) -> None:
    window = _empty_window(qtbot, tmp_path)
    window.open_sample()  # the first start's import, queued for the event loop
    window.close()
    qtbot.wait(700)  # past the progress dialog's minimum duration (400 ms)
    try:
        assert not window.imports.busy() and threads.running() == []
        assert _visible_dialogs() == []  # a dialog shown now would cancel the application's quit
        assert window.ws.store.documents() == []
        window.import_files([tmp_path / "anders.pdf"])  # e.g. "Open with" arriving late: refused quietly
        assert not window.imports.busy()
    finally:
        threads.wait_all()
        window.ws.store.close()


def test_closing_mid_import_inside_a_progress_tick_stops_cleanly(qtbot: Any, themed: Any, tmp_path: Path,
                                                                sample_pdf: Path) -> None:
    """The shown progress dialog is modal: its setValue processes events, so the close runs inside
    `_on_progress`; the batch must not be touched after it (once: AttributeError on `_dialog`)."""
    window = _empty_window(qtbot, tmp_path)
    ctrl = window.imports
    seen: list[str] = []
    ctrl.imported.connect(lambda r: seen.append("imported"))
    ctrl.batch_finished.connect(lambda s: seen.append("batch"))

    def close_when_shown() -> None:
        if ctrl._dialog is not None and ctrl._dialog.isVisible():
            poll.stop()
            window.close()

    poll = QTimer()
    poll.timeout.connect(close_when_shown)
    poll.start(5)
    window.import_files([sample_pdf])
    assert ctrl._dialog is not None
    ctrl._dialog.setMinimumDuration(0)  # shown at the first progress tick, however fast the machine
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    qtbot.wait(300)  # results still queued are delivered now, to a closed window
    try:
        assert ctrl.closed and not ctrl.busy() and threads.running() == []
        assert _visible_dialogs() == []
        assert seen == []  # nothing is opened or summarised in a closed window
        assert window.current_document() is None
        assert window.suggestions._threads == []
        docs = window.ws.store.documents()  # cancelled (nothing) or committed (all 41 items)
        assert [len(window.ws.store.items(d.id)) for d in docs] in ([], [41])
    finally:
        threads.wait_all()
        window.ws.store.close()


def test_closing_while_suggestions_compute_waits_and_drops_them(qtbot: Any, themed: Any, sample_db: Path,
                                                               tmp_path: Path) -> None:
    ws = open_workspace(sample_db, tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=False)
    qtbot.addWidget(window)
    window.show()
    ctrl = window.suggestions
    qtbot.waitUntil(lambda: bool(ctrl._threads), timeout=5000)  # the open document's computation runs
    window.close()
    assert ctrl._threads == [] and threads.running() == []
    ctrl.refresh()  # asked again after the close: nothing starts
    qtbot.wait(300)
    assert ctrl._threads == [] and not ctrl._start_timer.isActive()
    ws.store.close()


def test_closing_while_a_briefing_is_written_finishes_the_file(qtbot: Any, themed: Any, sample_db: Path,
                                                               tmp_path: Path) -> None:
    """The export dialog refuses to close while it writes; the window closing waits for the file,
    which is complete (Word opens it) and is the only file in its folder (no temporary left)."""
    import shutil
    import zipfile

    from briefer.gui.export_dialog import ExportDialog

    ws = open_workspace(sample_db, tmp_path / "settings.json")
    window = MainWindow(ws, show_progress=False)
    qtbot.addWidget(window)
    window.show()
    ws.ann.tag_item(window.current_item().id, ws.ann.domain_by_ref("1").id)
    dialog = ExportDialog(ws, window.current_document(), window, opener=lambda _p: True)
    (tmp_path / "uit").mkdir()
    dialog.out.setText(str(tmp_path / "uit" / "briefing.docx"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("technisch"))
    dialog.open_after.setChecked(False)
    dialog.show()
    dialog.export()
    assert dialog.busy()
    window.close()  # what a quit of the application does too
    assert threads.running() == []
    ws.store.close()
    assert [p.name for p in (tmp_path / "uit").iterdir()] == ["briefing.docx"]
    with zipfile.ZipFile(tmp_path / "uit" / "briefing.docx") as z:
        assert z.testzip() is None and "word/document.xml" in z.namelist()
    audit = shutil.which("openxml-audit") or str(Path(sys.executable).parent / "openxml-audit")
    checked = subprocess.run([audit, "-f", "microsoft365", str(tmp_path / "uit" / "briefing.docx")],
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
