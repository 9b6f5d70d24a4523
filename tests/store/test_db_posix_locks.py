"""The app's connection keeps SQLite's locks while other code checks the same file (POSIX: closing
any descriptor of a file drops all of this process's advisory locks on it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.store import Store
from briefer.store.db import held_here, preflight

CLOSE_ELSEWHERE = ("import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
                   "c.execute('SELECT count(*) FROM sqlite_master').fetchone()\nc.close()\n")


@pytest.mark.skipif(os.name != "posix", reason="POSIX advisory locks")
def test_a_second_open_in_this_process_does_not_let_another_process_delete_the_wal_index(tmp_path: Path) -> None:
    db = tmp_path / "briefer.db"
    store = Store.open(db)
    try:
        assert held_here(db) and store.documents() == []
        with Store.open(db) as worker:  # what an import or backup thread does: preflight, connect
            worker.documents()
        preflight(db)
        # another process (the suggestion helper, the CLI) closes its connection: it is not the last
        subprocess.run([sys.executable, "-c", CLOSE_ELSEWHERE, str(db)], check=True, timeout=30)
        assert db.with_name(db.name + "-shm").exists()
        assert store.documents() == []  # was: sqlite3.DatabaseError: file is not a database
    finally:
        store.close()
    assert not held_here(db)
