"""Core (annotate): who this database is (its replica id) and its hybrid logical clock.

A clock value is an integer: milliseconds since the epoch shifted left 16 bits, plus a counter.
`tick()` gives a value above both the wall clock and every value this database has issued or
seen, so a later edit always has a higher clock, also when a colleague's computer runs fast.

The replica id is bound to the database file (device, inode and path): a copied, moved or restored
database gets a fresh id on its first write, so two databases never issue the same version. Earlier ids of this
database are remembered: "mine" in a conflict means any of them.
"""

from __future__ import annotations

import json
import os
import secrets
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefer.store.annotations import AnnotationStore
    from briefer.store.sync import SyncStore

CLOCK_KEY = "sync_clock"
REPLICA_KEY = "sync_replica"
HOME_KEY = "sync_replica_home"
MINE_KEY = "sync_replicas_mine"
SEQ_KEY = "sync_seq"
SHIFT = 16
MAX_AHEAD_MS = 24 * 3600 * 1000


def wall() -> int:
    return int(time.time() * 1000) << SHIFT


def clock_ms(clock: int) -> int:
    return clock >> SHIFT


def new_replica_id() -> str:
    return secrets.token_hex(8)


def _home(path: str | None) -> str:
    """Where this database file lives: a copy, a restored backup or a moved file is somewhere else."""
    if not path:
        return "geheugen"
    try:
        st = os.stat(path)
        real = os.path.realpath(path)
    except OSError:
        return "?"
    return f"{st.st_dev}:{st.st_ino}:{real}"


class Clock:
    """Core (annotate): replica id, hybrid logical clock and change counter of one database.

    Read inside a write transaction (`load`), advanced in memory, written back with `save`.
    """

    def __init__(self, rows: AnnotationStore, sync: SyncStore) -> None:
        self.rows = rows
        self.sync = sync
        self.replica = ""
        self.mine: frozenset[str] = frozenset()
        self.last = 0
        self.seq = 0
        self._seq_used = False

    def load(self) -> Clock:
        """Read the current values (creating the replica id when needed); call inside a transaction."""
        meta = self.rows.meta
        home = _home(self.rows.path)
        replica = meta(REPLICA_KEY)
        mine = set(json.loads(meta(MINE_KEY) or "[]"))
        if not replica or meta(HOME_KEY) != home:
            replica = new_replica_id()
            self._put(REPLICA_KEY, replica)
            self._put(HOME_KEY, home)
        mine.add(replica)
        if mine != set(json.loads(meta(MINE_KEY) or "[]")):
            self._put(MINE_KEY, json.dumps(sorted(mine)))
        self.replica, self.mine = replica, frozenset(mine)
        self.last = int(meta(CLOCK_KEY) or 0)
        self.seq = int(meta(SEQ_KEY) or 0)
        self._seq_used = False
        return self

    def peek(self) -> Clock:
        """Read without writing anything (for read-only commands): no replica id is created."""
        meta = self.rows.meta
        self.replica = meta(REPLICA_KEY) or ""
        self.mine = frozenset(json.loads(meta(MINE_KEY) or "[]"))
        self.last = int(meta(CLOCK_KEY) or 0)
        self.seq = int(meta(SEQ_KEY) or 0)
        return self

    def tick(self) -> int:
        self.last = max(wall(), self.last + 1)
        return self.last

    def observe(self, clock: int) -> None:
        """Remember a clock value seen in a colleague's file: later ticks go above it (but never more
        than a day ahead of this computer's clock: a wrong clock elsewhere cannot run ours away)."""
        clock = min(clock, wall() + (MAX_AHEAD_MS << SHIFT))
        if clock > self.last:
            self.last = clock

    def next_seq(self) -> int:
        """The change counter of this transaction (one value per transaction)."""
        if not self._seq_used:
            self.seq += 1
            self._seq_used = True
        return self.seq

    def save(self) -> None:
        self._put(CLOCK_KEY, str(self.last))
        self._put(SEQ_KEY, str(self.seq))
        self._seq_used = False

    def _put(self, key: str, value: str) -> None:
        self.sync.put_meta(key, value)
