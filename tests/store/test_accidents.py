"""Accidents on real files (issue 11 §5): a full disk, an emptied or foreign file, a restore while
Briefer is open, a read-only database, a database known to be damaged. Each test proves that every
annotation made before the accident is still there afterwards."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefer.annotate import Annotations
from briefer.store import (
    DatabaseBusy,
    DatabaseCorrupt,
    DatabaseInUse,
    DatabaseReadOnly,
    DiskFull,
    Store,
)
from briefer.store import backup as bk
from briefer.store import files as side
from briefer.store.lock import DatabaseLock
from briefer.store.maintenance import run_maintenance
from tests.helpers import fs

REPO = Path(__file__).resolve().parents[2]
TABLES = ("documents", "items", "domains", "item_domains", "highlights", "notes", "followups")


def annotate(path: Path, make_doc) -> dict[str, list[tuple]]:
    """A database with a document and one annotation of every kind; returns its snapshot."""
    with Store.open(path) as store:
        doc = store.add_document(make_doc(), b"origineel").document
        ann = Annotations(store)
        items = {i.number: i for i in store.items(doc.id)}
        hid = ann.highlight_quote(items[3].id, "vertrouwelijke technische briefing", level="vertrouwelijk",
                                  note="Geheim aanbod").id
        ann.add_followup(items[3].id, "Briefing aanvragen", highlight_id=hid)
        ann.set_note(doc.id, items[1].id, "Let op de termijn")
        ann.set_note(doc.id, None, "Kern van het stuk")
        ann.tag_item(items[2].id, ann.domain_by_ref("2").id)
    return snapshot(path)


def snapshot(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefer", "--db", str(db), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def corrupt_index(path: Path, name: str = "items_fts_data") -> None:
    """Overwrite the root page of one table (the search index): opening still works, a check fails."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root, size = conn.execute(f"SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master "
                              f"WHERE name = '{name}'").fetchone()
    conn.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(size)))


# ------------------------------------------------------------------------------------ full disk

def test_a_full_disk_is_a_clear_message_renames_nothing_and_work_continues(tmp_path, make_doc):
    with fs.tmpfs(tmp_path / "schijf", 6 * 1024) as disk:
        db = disk / "briefer.db"
        before = annotate(db, make_doc)
        good = bk.backup(db)
        store = Store.open(db)  # the app is running when the disk fills up
        ann = Annotations(store)
        doc = store.documents()[0]
        item = store.items(doc.id)[1]
        filler = fs.fill(disk)

        with pytest.raises(DiskFull) as err:  # a change: refused, named, nothing half-written
            ann.set_note(doc.id, item.id, "Een lange notitie " * 20_000)
        assert "vol" in str(err.value) and "beschadigd" not in str(err.value) and "\n" not in str(err.value)

        # the scheduled run: the check may pass (the open window keeps SQLite's side files), the
        # backup does not fit: it says so, and nothing is called damaged
        report = run_maintenance(db, bk.BackupPolicy(after_changes=1), now=None)
        assert report.notes and all("beschadigd" not in n for n in report.notes)
        assert any("schijfruimte" in n or "vol" in n for n in report.notes)
        assert "damaged" not in side.read_status(db) and bk.backups(db) == [good]
        checked = cli(db, "check")
        assert "beschadigd" not in checked.stdout + checked.stderr
        assert checked.returncode == 0 or "vol" in one_line(checked)
        # a restore on a full disk stops before anything is renamed (the window is closed first)
        store.close()
        names = sorted(p.name for p in disk.iterdir())
        with pytest.raises(DiskFull):
            bk.restore_backup(db, good, replace_sound=True)
        assert sorted(p.name for p in disk.iterdir() if not p.name.endswith(("-wal", "-shm"))) == \
            sorted(n for n in names if not n.endswith(("-wal", "-shm")))
        store = Store.open(db)
        ann = Annotations(store)
        filler.unlink()  # space returns: the same window goes on working
        ann.set_note(doc.id, item.id, "Na het opruimen")
        assert ann.note(doc.id, item.id).body == "Na het opruimen"
        store.close()
        after = snapshot(db)
        for table in TABLES:
            if table != "notes":
                assert after[table] == before[table]
        assert {n[0] for n in before["notes"]} <= {n[0] for n in after["notes"]}
        assert bk.check_integrity(db) == []


def test_opening_on_a_full_disk_never_calls_the_database_damaged(tmp_path, make_doc):
    with fs.tmpfs(tmp_path / "schijf", 4 * 1024) as disk:
        db = disk / "briefer.db"
        before = annotate(db, make_doc)
        filler = fs.fill(disk)
        try:  # SQLite must make its side files: that fits, or it is a clear DiskFull
            with Store.open(db) as store:
                assert len(store.documents()) == 1
        except DiskFull as exc:
            assert "vol" in str(exc)
        for args in (["list"], ["check"], ["note", "latest", "--text", "Erbij " * 15_000]):
            proc = cli(db, *args)
            assert "beschadigd" not in proc.stdout + proc.stderr and "Traceback" not in proc.stderr
            if proc.returncode:
                assert "vol" in one_line(proc)
        assert "damaged" not in side.read_status(db)
        filler.unlink()
        with Store.open(db) as store:
            assert len(store.documents()) == 1
        assert snapshot(db) == before


# ------------------------------------------------------------------------------------ emptied / foreign files

def test_a_zero_byte_database_with_backups_is_damaged_and_the_backups_stay(tmp_path, make_doc):
    db = tmp_path / "briefer.db"
    before = annotate(db, make_doc)
    good = bk.backup(db)
    kept = {p: p.read_bytes() for p in bk.backups(db)}
    db.write_bytes(b"")  # a crash or a full disk left an empty file
    for side_file in side.side_files(db):
        side_file.unlink(missing_ok=True)

    with pytest.raises(DatabaseCorrupt):
        Store.open(db)
    line = one_line(cli(db, "list"))
    assert "leeg" in line and "restore" in line and good.name in line
    one_line(cli(db, "note", "latest", "--text", "x"))
    one_line(cli(db, "backup", "--keep", "1"))
    with pytest.raises(DatabaseCorrupt) as err:
        run_maintenance(db)
    assert err.value.backup == good
    assert {p: p.read_bytes() for p in bk.backups(db)} == kept  # nothing rotated out
    assert db.read_bytes() == b""  # and the empty file was not turned into a new database

    restored = cli(db, "restore")
    assert restored.returncode == 0, restored.stderr
    assert snapshot(db) == before


def test_a_zero_byte_file_without_backups_is_a_new_database(tmp_path):
    db = tmp_path / "nieuw.db"
    db.write_bytes(b"")
    with Store.open(db) as store:
        assert store.documents() == []


def test_a_foreign_or_garbage_file_is_refused_and_left_as_it_was(tmp_path, make_doc):
    foreign = tmp_path / "ander.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE boodschappen (wat TEXT)")
    conn.execute("INSERT INTO boodschappen VALUES ('melk')")
    conn.commit()
    conn.close()
    garbage = tmp_path / "rommel.db"
    garbage.write_bytes(b"Dit is een Word-document, geen database." * 100)
    for path in (foreign, garbage):
        original = path.read_bytes()
        with pytest.raises(DatabaseCorrupt) as err:
            Store.open(path)
        assert "geen Briefer-database" in str(err.value)
        line = one_line(cli(path, "import", str(REPO / "resources/samples/kst-30821-196.txt")))
        assert "geen Briefer-database" in line
        assert path.read_bytes() == original


# ------------------------------------------------------------------------------------ restore and the lock

HOLDER = r"""
import sys, time
from briefer.store import Store
store = Store.open(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


def test_restore_waits_for_every_briefer_process_and_a_crash_releases_the_lock(tmp_path, make_doc):
    db = tmp_path / "briefer.db"
    before = annotate(db, make_doc)
    good = bk.backup(db)
    corrupt_index(db)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseInUse) as err:
            bk.restore_backup(db, good)
        assert "sluit Briefer" in str(err.value)
        line = one_line(cli(db, "restore"))
        assert "geopend" in line
        assert bk.check_integrity(db) != []  # still the damaged file: nothing was replaced
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: the operating system drops the lock
        holder.wait()
    done = cli(db, "restore")
    assert done.returncode == 0, done.stderr
    assert ".beschadigd-" in done.stdout
    assert snapshot(db) == before


def test_nobody_opens_the_database_while_a_restore_replaces_it(tmp_path, make_doc):
    db = tmp_path / "briefer.db"
    annotate(db, make_doc)
    with DatabaseLock.exclusive(db) as lock:
        assert lock is not None and lock.held
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as err:
            _open_with_timeout(db, 0.3)
        assert time.monotonic() - started >= 0.3
        assert "teruggezet" in str(err.value)
    with Store.open(db) as store:
        assert store.documents()


def _open_with_timeout(db: Path, timeout: float):
    from briefer.store.db import open_database

    return open_database(db, lock_timeout=timeout)


def test_restore_asks_before_replacing_a_sound_database_in_the_cli(tmp_path, make_doc):
    db = tmp_path / "briefer.db"
    before = annotate(db, make_doc)
    bk.backup(db)
    with Store.open(db) as store:
        Annotations(store).set_note(store.documents()[0].id, None, "Later werk")
    after_work = snapshot(db)
    line = one_line(cli(db, "restore"))
    assert "in orde" in line and "--force" in line
    assert snapshot(db) == after_work
    forced = cli(db, "restore", "--force")
    assert forced.returncode == 0 and ".voor-herstel-" in forced.stdout
    assert snapshot(db) == before
    kept = Path(forced.stdout.split("bewaard als ")[1].rstrip(".\n"))
    assert snapshot(kept) == after_work  # the replaced database is kept whole


# ------------------------------------------------------------------------------------ read-only

def test_a_read_only_database_is_read_and_refuses_changes_in_one_line(tmp_path, make_doc):
    with fs.tmpfs(tmp_path / "stick", 4 * 1024) as stick:
        db = stick / "briefer.db"
        before = annotate(db, make_doc)
        fs.set_read_only(stick)
        try:
            with pytest.raises(DatabaseReadOnly):
                Store.open(db)
            with Store.open(db, read_only=True) as store:
                ann = Annotations(store)
                doc = store.documents()[0]
                assert ann.note(doc.id, None).body == "Kern van het stuk"
                with pytest.raises(DatabaseReadOnly) as err:
                    ann.set_note(doc.id, None, "Nieuw")
                assert "alleen-lezen" in str(err.value) and "\n" not in str(err.value)
            listing = cli(db, "list")
            assert listing.returncode == 0 and "30 821, nr. 196" in listing.stdout, listing.stderr
            line = one_line(cli(db, "note", "latest", "--text", "Nieuw"))
            assert "alleen-lezen" in line
            one_line(cli(db, "backup"))
        finally:
            fs.set_read_only(stick, False)
        assert snapshot(db) == before


# ------------------------------------------------------------------------------------ known damage

def test_the_cli_refuses_to_write_into_a_database_it_knows_is_damaged(tmp_path, make_doc):
    db = tmp_path / "briefer.db"
    before = annotate(db, make_doc)
    good = bk.backup(db)
    corrupt_index(db)
    damaged = db.read_bytes()
    line = one_line(cli(db, "check"))
    assert "beschadigd" in line and "restore" in line and good.name in line
    line = one_line(cli(db, "note", "latest", "--text", "Schrijven in een kapot bestand"))
    assert "beschadigd" in line and "restore" in line
    assert db.read_bytes() == damaged
    restored = cli(db, "restore")  # a damaged database is replaced without --force
    assert restored.returncode == 0, restored.stderr
    assert snapshot(db) == before
    assert cli(db, "note", "latest", "--text", "Weer aan het werk").returncode == 0
    assert cli(db, "check").returncode == 0


# ------------------------------------------------------------------------------------ private files

def _mode(path: Path) -> int:
    return os.stat(path).st_mode & 0o777


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_every_file_briefer_keeps_is_private(_isolated_home, make_doc, monkeypatch):
    from briefer import paths
    from briefer.settings import Settings

    home = _isolated_home / "nieuw"  # a data folder Briefer creates itself
    monkeypatch.setenv("BRIEFER_HOME", str(home))
    db = paths.default_db_path()
    store = Store.open(db)
    store.add_document(make_doc(), b"x")
    Annotations(store).set_note(store.documents()[0].id, None, "Kern")
    bk.backup(db)
    side.write_status(db, {"quick_check": "2026-01-01T00:00:00+00:00"})
    settings = Settings.load()
    settings.user_name = "Sanne"
    settings.save()
    files = [db, *[p for p in side.side_files(db) if p.exists()], *paths.backup_dir(db).iterdir(),
             home / "settings.json"]
    assert db.with_name(db.name + "-wal").exists()
    assert {p.name: _mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert _mode(home) == 0o700 and _mode(paths.backup_dir(db)) == 0o700
    store.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_files_an_older_briefer_left_readable_are_tightened_on_open(tmp_path, make_doc):
    folder = tmp_path / "projecten"  # a folder the user chose: left as it is
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    db = folder / "briefer.db"
    annotate(db, make_doc)
    old = bk.backup(db)
    for p in (db, old, side.lock_path(db)):
        os.chmod(p, 0o644)
    os.chmod(side.backup_dir(db), 0o755)
    with Store.open(db):
        assert _mode(db) == 0o600 and _mode(old) == 0o600 and _mode(side.lock_path(db)) == 0o600
        assert _mode(side.backup_dir(db)) == 0o700
        assert _mode(db.with_name(db.name + "-wal")) == 0o600
    assert _mode(folder) == 0o755
    bk.backup(db)
    aside = bk.restore_backup(db, old, replace_sound=True)
    assert _mode(aside) == 0o600 and _mode(db) == 0o600
