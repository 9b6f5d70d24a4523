"""Core: briefer.safefile — every file that leaves Briefer is atomic, private and never overwrites by surprise."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from briefer import safefile
from briefer.safefile import ProtectedTarget, TargetExists, WriteFailed, write_private


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _leftovers(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".~briefer-")]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_written_file_is_private_even_with_a_lax_umask(tmp_path):
    old = os.umask(0)
    try:
        out = write_private(tmp_path / "a.docx", b"data")
    finally:
        os.umask(old)
    assert out.read_bytes() == b"data"
    assert _mode(out) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_created_folder_is_private(tmp_path):
    out = write_private(tmp_path / "new" / "deeper" / "a.json", b"{}", create_dir=True)
    assert _mode(out.parent) == 0o700
    assert out.read_bytes() == b"{}"


def test_existing_file_is_refused_and_kept(tmp_path):
    target = tmp_path / "briefing.docx"
    target.write_bytes(b"earlier work")
    with pytest.raises(TargetExists) as info:
        write_private(target, b"new")
    assert "--force" in str(info.value)
    assert target.read_bytes() == b"earlier work"
    assert _leftovers(tmp_path) == []


def test_overwrite_replaces_and_number_picks_a_free_name(tmp_path):
    target = tmp_path / "b.docx"
    target.write_bytes(b"old")
    assert write_private(target, b"new", overwrite=True) == target
    assert target.read_bytes() == b"new"
    second = write_private(target, b"third", on_exists="number")
    assert second.name == "b (2).docx" and second.read_bytes() == b"third"
    assert target.read_bytes() == b"new"


def _make_db(path):
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    return conn


@pytest.mark.parametrize("name", ["briefer.db", "briefer.db-wal", "briefer.db-shm", "backups/briefer-1.db"])
def test_database_and_its_files_are_refused_even_with_overwrite(tmp_path, name):
    db = tmp_path / "briefer.db"
    conn = _make_db(db)
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / "briefer-1.db").write_bytes(db.read_bytes())
    target = tmp_path / name
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(ProtectedTarget):
        write_private(target, b"{}", overwrite=True, databases=[db])
    after = target.read_bytes() if target.exists() else None
    assert before == after
    assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
    conn.close()


def test_any_sqlite_file_is_refused_whatever_its_name(tmp_path):
    other = tmp_path / "colleague.json"
    _make_db(other).close()
    with pytest.raises(ProtectedTarget):
        write_private(other, b"{}", overwrite=True)
    assert other.read_bytes().startswith(safefile.SQLITE_MAGIC)


def test_database_reached_through_a_symlink_is_refused(tmp_path):
    db = tmp_path / "briefer.db"
    db.write_bytes(b"")  # an empty database file has no magic: protection comes from the name
    link = tmp_path / "looks-harmless.docx"
    link.symlink_to(db)
    with pytest.raises(ProtectedTarget):
        write_private(link, b"x", overwrite=True, databases=[db])


def test_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(safefile.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_private(tmp_path / "a.docx", b"data")
    assert _leftovers(tmp_path) == []
    assert not (tmp_path / "a.docx").exists()


def test_full_disk_is_a_dutch_message_and_leaves_nothing(tmp_path, monkeypatch):
    import errno

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safefile.os, "fsync", full)
    with pytest.raises(WriteFailed, match="schijf is vol"):
        write_private(tmp_path / "a.docx", b"data")
    assert _leftovers(tmp_path) == []


def test_missing_folder_and_directory_target_are_named(tmp_path):
    with pytest.raises(WriteFailed, match="bestaat niet"):
        write_private(tmp_path / "nope" / "a.docx", b"x")
    with pytest.raises(WriteFailed, match="is een map"):
        write_private(tmp_path, b"x")
