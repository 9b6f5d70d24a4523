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


# ------------------------------------------------------------------ writers at once (the name is claimed)

WRITERS = 12


def _at_once(target, on_exists, rounds=3):
    """WRITERS threads write `target` at the same instant, `rounds` times (refusing: a new name
    `name-R.ext` each round); per write its payload and what came of it (the path written, or the
    TargetExists raised)."""
    import threading

    results: list[tuple[bytes, object]] = []
    lock = threading.Lock()
    for r in range(rounds):
        barrier = threading.Barrier(WRITERS)

        def write(n: int, r: int = r, barrier: threading.Barrier = barrier) -> None:
            payload = f"round {r} writer {n} ".encode() * 200
            name = target if on_exists == "number" else target.with_name(f"{target.stem}-{r}{target.suffix}")
            barrier.wait()
            try:
                outcome: object = write_private(name, payload, on_exists=on_exists)
            except TargetExists as exc:
                outcome = exc
            with lock:
                results.append((payload, outcome))

        threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return results


def _check_numbered(folder, results):
    written = [outcome for _, outcome in results]
    assert all(isinstance(p, os.PathLike) for p in written), written
    assert len(set(written)) == len(written), "two writers got the same name"
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)  # nothing else, no .tmp
    for payload, path in results:
        assert path.read_bytes() == payload, f"{path.name} holds another writer's data"
        if os.name == "posix":
            assert _mode(path) == 0o600


def test_writers_at_once_each_get_their_own_numbered_name(tmp_path):
    results = _at_once(tmp_path / "briefing.docx", "number")
    assert len(results) == 3 * WRITERS
    _check_numbered(tmp_path, results)
    assert {p.name for _, p in results} >= {"briefing.docx", f"briefing ({3 * WRITERS}).docx"}


def test_writers_at_once_refused_but_one_and_the_winner_is_kept(tmp_path):
    results = _at_once(tmp_path / "briefing.docx", "refuse", rounds=5)
    won = [(payload, outcome) for payload, outcome in results if not isinstance(outcome, TargetExists)]
    assert sorted(p.name for _, p in won) == [f"briefing-{r}.docx" for r in range(5)]  # one per name
    for payload, path in won:
        assert path.read_bytes() == payload, f"{path.name} holds another writer's data"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"briefing-{r}.docx" for r in range(5)]


def test_without_hard_links_the_name_is_claimed_exclusively(tmp_path, monkeypatch):
    """A file system without hard links (FAT: EPERM) falls back to O_CREAT|O_EXCL, with the same guarantees."""
    import errno

    def no_links(src, dst, *args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(safefile.os, "link", no_links)
    results = _at_once(tmp_path / "briefing.docx", "number")
    _check_numbered(tmp_path, results)
    target = tmp_path / "kept.docx"
    target.write_bytes(b"earlier work")
    with pytest.raises(TargetExists):
        write_private(target, b"new")
    assert target.read_bytes() == b"earlier work"


_PROCESS_WRITER = """
import os, sys, time
from briefer.safefile import TargetExists, write_private
target, go, n, mode = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
while not os.path.exists(go):
    time.sleep(0.0005)
for r in range(4):
    payload = f"process {n} write {r} ".encode() * 500
    name = target if mode == "number" else target.replace(".docx", f"-{r}.docx")
    try:
        print(write_private(name, payload, on_exists=mode), flush=True)
    except TargetExists:
        print("REFUSED", flush=True)
"""


@pytest.mark.parametrize("mode", ["number", "refuse"])
def test_processes_at_once_lose_no_write_and_overwrite_nothing(tmp_path, mode):
    import subprocess
    import sys

    out = tmp_path / "out"
    out.mkdir()
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", _PROCESS_WRITER, str(out / "briefing.docx"), str(go), str(n),
                               mode], stdout=subprocess.PIPE, text=True) for n in range(6)]
    go.write_bytes(b"")
    lines = []
    for n, proc in enumerate(procs):
        stdout, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        lines += [(n, r, line) for r, line in enumerate(stdout.split("\n")[:4])]
    written = [(n, r, line) for n, r, line in lines if line != "REFUSED"]
    assert len({line for _, _, line in written}) == len(written), "two writers got the same name"
    assert sorted(p.name for p in out.iterdir()) == sorted(os.path.basename(line) for _, _, line in written)
    for n, r, line in written:
        assert open(line, "rb").read() == f"process {n} write {r} ".encode() * 500
    assert len(written) == (24 if mode == "number" else 4)  # refusing: one winner per name
