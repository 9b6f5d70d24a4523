"""Start-up (issue 16) and the database's accidents in the app (issue 11 §5): the window paints before
any check or backup; damage found afterwards stops writing, shows the banner and offers the backup;
a read-only database opens read-only with a banner."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from briefer import app as app_module
from briefer.annotate import Annotations
from briefer.store import DatabaseCorrupt, DatabaseReadOnly, Store
from briefer.store import backup as bk
from briefer.store import files as side
from tests.helpers import fs

TABLES = ("documents", "highlights", "notes", "followups", "item_domains")


def _annotate(db: Path) -> None:
    with Store.open(db) as store:
        ann = Annotations(store)
        doc = store.documents()[0]
        item = store.item_by_number(doc.id, 16)
        hid = ann.highlight_quote(item.id, "vertrouwelijke technische briefing", level="vertrouwelijk",
                                  note="Aanbod").id
        ann.add_followup(item.id, "Briefing aanvragen", highlight_id=hid)
        ann.set_note(doc.id, None, "Kern")


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def _corrupt_search_index(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'items_fts_data'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size)))


class _FirstPaint(QObject):
    """Records, at the first paint of any part of `window`, which backups exist."""

    def __init__(self, window: QWidget, db: Path) -> None:
        super().__init__()
        self.window, self.db = window, db
        self.backups_then: list[Path] | None = None
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and obj.window() is self.window \
                and self.backups_then is None:
            self.backups_then = bk.backups(self.db)
            QApplication.instance().removeEventFilter(self)
        return False


def _start(db: Path, tmp_path: Path, qtbot: Any) -> tuple[Any, Any, _FirstPaint]:
    window = app_module.open_for_start(db, settings_path=tmp_path / "settings.json")
    assert window is not None
    probe = _FirstPaint(window, db)
    window.show()
    session = app_module.StartupSession(window, db, settings_path=tmp_path / "settings.json")
    return window, session, probe


def _close(session: Any) -> None:
    if session.maintenance is not None:
        session.maintenance.wait()
    session.window.shutdown()
    session.window.ws.store.close()
    session.window.hide()
    session.window.deleteLater()


def test_the_window_paints_before_the_check_and_the_backup(themed: Any, qtbot: Any, sample_db: Path,
                                                             tmp_path: Path) -> None:
    window, session, probe = _start(sample_db, tmp_path, qtbot)
    qtbot.waitUntil(lambda: session.report is not None, timeout=30000)
    assert probe.backups_then == []  # painted first ...
    report = session.report
    assert report.checked == "full" and report.created_backup  # ... then checked and backed up
    assert bk.backups(sample_db) == [report.backup]
    assert not window.database_banner.isVisibleTo(window)
    # the half-hourly run while the window stays open: nothing due, nothing done ...
    session._run(window, after_paint=False)
    qtbot.waitUntil(lambda: session.maintenance.done, timeout=30000)
    assert session.report is not report and not session.report.created_backup
    # ... until enough changes were made
    window.ws.settings.backup_after_changes = 2
    doc = window.ws.store.documents()[0]
    window.ws.perform(window.ws.ann.set_note, doc.id, None, "Kern")
    window.ws.perform(window.ws.ann.set_note, doc.id, None, "Kern, aangevuld")
    session._run(window, after_paint=False)
    qtbot.waitUntil(lambda: session.maintenance.done, timeout=30000)
    assert session.report.created_backup and len(bk.backups(sample_db)) == 2
    _close(session)


def test_damage_found_after_start_stops_writing_and_offers_the_backup(themed: Any, qtbot: Any, sample_db: Path,
                                                                      tmp_path: Path, monkeypatch: Any) -> None:
    _annotate(sample_db)
    before = _snapshot(sample_db)
    good = bk.backup(sample_db)
    _corrupt_search_index(sample_db)
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: pytest.fail(f"unexpected error: {a}"))
    window, session, _probe = _start(sample_db, tmp_path, qtbot)
    qtbot.waitUntil(lambda: session.damage is not None, timeout=30000)

    banner = window.database_banner
    assert banner.kind == "damaged" and banner.isVisibleTo(window) and banner.restore_button.isVisible()
    assert good.name in banner.label.text()
    # the user declined the backup for now: nothing more is written into the damaged file
    failures: list[BaseException] = []
    window.ws.failed.disconnect()
    window.ws.failed.connect(failures.append)
    damaged = sample_db.read_bytes()
    doc = window.ws.store.documents()[0]
    assert window.ws.perform(window.ws.ann.set_note, doc.id, None, "Nog even doorwerken") is None
    assert isinstance(failures[0], DatabaseCorrupt) and "beschadigd" in str(failures[0])
    assert sample_db.read_bytes() == damaged

    banner.restore_button.click()  # now yes: restored, and a new window over the restored file
    qtbot.waitUntil(lambda: session.window is not window, timeout=10000)
    assert not window.isVisible() and session.window.isVisible()
    assert "damaged" not in side.read_status(sample_db)
    assert bk.check_integrity(sample_db) == []
    assert _snapshot(sample_db) == before
    assert not session.window.database_banner.isVisibleTo(session.window)
    qtbot.waitUntil(lambda: session.report is not None, timeout=30000)
    _close(session)


def test_a_read_only_database_opens_read_only_with_a_banner(themed: Any, qtbot: Any, tmp_path: Path,
                                                          sample_txt: Path) -> None:
    from briefer.importer import import_file

    with fs.tmpfs(tmp_path / "stick", 8 * 1024) as stick:
        db = stick / "briefer.db"
        with Store.open(db) as store:
            import_file(store, sample_txt)
        _annotate(db)
        before = _snapshot(db)
        fs.set_read_only(stick)
        try:
            window, session, _probe = _start(db, tmp_path, qtbot)
            banner = window.database_banner
            assert banner.kind == "read_only" and "Alleen lezen" in banner.label.text()
            assert session.maintenance is None  # nothing to back up from here
            qtbot.waitUntil(lambda: window.current_document() is not None, timeout=10000)
            failures: list[BaseException] = []
            window.ws.failed.disconnect()
            window.ws.failed.connect(failures.append)
            doc = window.current_document()
            window.ws.perform(window.ws.ann.set_note, doc.id, None, "Nieuw")
            assert isinstance(failures[0], DatabaseReadOnly) and "alleen-lezen" in str(failures[0])
            _close(session)
        finally:
            fs.set_read_only(stick, False)
        assert _snapshot(db) == before
