"""Property tests (hypothesis): random edits on two or three databases, files exchanged in random
orders, always end in the same annotations — and a merge never loses a change nobody overwrote,
never lowers a level by a concurrent edit, and never leaves the same work twice.

Real SQLite files, real exports and imports (JSON round trips). `HYPOTHESIS_PROFILE=thorough`
runs many more examples than the default suite does.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from replicas import (
    DOMAIN_NAMES,
    DUES,
    FOLLOWUPS,
    LEVELS,
    QUOTES,
    STATUSES,
    TEXTS,
    Replica,
    apply,
    duplicates,
    exchange,
    live_groups,
    make_template,
    rows_dump,
    settle,
    shown_groups,
    state_dump,
)

# The default run (./dev test, CI) draws the same examples every time (derandomize): a red CI means a
# change broke something, never an unlucky draw. HYPOTHESIS_PROFILE=thorough explores new ones (400
# examples, random); it found the two merge bugs fixed on 2026-12-04 (a domain joined after its
# highlights were placed; the oracle's texts made two follow-ups "the same work").
settings.register_profile("default", max_examples=25, deadline=None, stateful_step_count=25,
                          suppress_health_check=list(HealthCheck), derandomize=True)
settings.register_profile("thorough", max_examples=400, deadline=None, stateful_step_count=40,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

_TEMPLATE: dict[str, Path] = {}
REAL_WALL = __import__("briefer.annotate.clock", fromlist=["wall"]).wall
REAL_REPLICA_ID = __import__("briefer.annotate.clock", fromlist=["wall"]).new_replica_id
REAL_UUID4 = uuid.uuid4


def template() -> Path:
    """The database every replica starts as (made with real ids, never from a replayed stream)."""
    if "path" not in _TEMPLATE:
        patched, uuid.uuid4 = uuid.uuid4, REAL_UUID4  # type: ignore[assignment]
        try:
            _TEMPLATE["path"] = make_template(Path(tempfile.mkdtemp(prefix="briefer-prop-")))
        finally:
            uuid.uuid4 = patched  # type: ignore[assignment]
    return _TEMPLATE["path"]


def fake_wall_clock(seed: int = 0) -> None:
    """A wall clock that replays exactly (hypothesis can shrink examples) but, like real computers,
    gives equal readings and readings that run behind (`seed` decides how)."""
    import random

    from briefer.annotate import clock

    rnd = random.Random(seed)
    ids = random.Random(seed + 1)
    uuid.uuid4 = lambda: uuid.UUID(int=ids.getrandbits(128), version=4)  # type: ignore[assignment]
    clock.new_replica_id = lambda: f"{ids.getrandbits(64):016x}"  # type: ignore[assignment]
    ticks = iter(range(1_700_000_000_000, 1_800_000_000_000, 3))

    def wall() -> int:
        return (next(ticks) // 9 * 9 + (rnd.randrange(-30, 30) if seed else 0)) << clock.SHIFT

    clock.wall = wall  # type: ignore[assignment]


def real_wall_clock() -> None:
    from briefer.annotate import clock

    clock.wall = REAL_WALL  # type: ignore[assignment]
    clock.new_replica_id = REAL_REPLICA_ID  # type: ignore[assignment]
    uuid.uuid4 = REAL_UUID4  # type: ignore[assignment]


def ops(n: int) -> st.SearchStrategy[tuple[Any, ...]]:
    r = st.integers(0, n - 1)
    k = st.integers(0, 7)
    item = st.integers(1, 3)
    return st.one_of(
        st.tuples(st.just("hl_add"), r, st.integers(0, len(QUOTES) - 1), st.sampled_from(LEVELS)),
        st.tuples(st.just("hl_note"), r, k, st.sampled_from(TEXTS)),
        st.tuples(st.just("hl_level"), r, k, st.sampled_from(LEVELS)),
        st.tuples(st.just("hl_domain"), r, k, st.one_of(st.none(), k)),
        st.tuples(st.just("hl_del"), r, k),
        st.tuples(st.just("note_set"), r, st.one_of(st.none(), item), st.sampled_from(TEXTS),
                  st.one_of(st.none(), st.sampled_from(LEVELS))),
        st.tuples(st.just("note_level"), r, k, st.sampled_from(LEVELS)),
        st.tuples(st.just("note_del"), r, k),
        st.tuples(st.just("fu_add"), r, item, st.integers(0, len(FOLLOWUPS) - 1), st.sampled_from(LEVELS)),
        st.tuples(st.just("fu_set"), r, k, st.just("status"), st.sampled_from(STATUSES)),
        st.tuples(st.just("fu_set"), r, k, st.just("due"), st.sampled_from(DUES)),
        st.tuples(st.just("fu_set"), r, k, st.just("owner"), st.sampled_from(["", "Sanne", "Joris"])),
        st.tuples(st.just("fu_set"), r, k, st.just("text"), st.sampled_from(TEXTS[:4])),
        st.tuples(st.just("fu_set"), r, k, st.just("level"), st.sampled_from(LEVELS)),
        st.tuples(st.just("fu_del"), r, k),
        st.tuples(st.just("tag"), r, item, k),
        st.tuples(st.just("untag"), r, item, k),
        st.tuples(st.just("dom_add"), r, st.integers(0, len(DOMAIN_NAMES) - 1)),
        st.tuples(st.just("dom_rename"), r, k, st.integers(0, len(DOMAIN_NAMES) - 1)),
        st.tuples(st.just("dom_del"), r, k),
        st.tuples(st.just("restore"), r, k),
        st.tuples(st.just("undo"), r),
        st.tuples(st.just("sync"), r, r),
        st.tuples(st.just("sync"), r, r),
    )


class Staffers(RuleBasedStateMachine):
    """Two or three staffers editing and swapping files in any order."""

    def __init__(self) -> None:
        super().__init__()
        fake_wall_clock()
        self.folder = Path(tempfile.mkdtemp(prefix="briefer-prop-"))
        self.reps: list[Replica] = []
        self.counter = [0]

    @initialize(n=st.integers(2, 3), seed=st.integers(0, 1000))
    def start(self, n: int, seed: int) -> None:
        fake_wall_clock(seed)
        self.reps = Replica.copies(template(), self.folder, n)

    @precondition(lambda self: bool(self.reps))
    @rule(data=st.data())
    def step(self, data: st.DataObject) -> None:
        op = data.draw(ops(len(self.reps)))
        if op[0] == "sync":
            exchange(self.reps, op[1], op[2])
        else:
            apply(self.reps[op[1]], op, self.counter)

    @precondition(lambda self: bool(self.reps))
    @invariant()
    def tables_show_the_state(self) -> None:
        for rep in self.reps:
            rep.record()
            live, shown = live_groups(rep), shown_groups(rep)
            for table in live:
                assert sorted(live[table], key=str) == shown[table], (rep.name, table)

    def teardown(self) -> None:
        try:
            if self.reps:
                settle(self.reps)
                states = [state_dump(r) for r in self.reps]
                for s in states[1:]:
                    assert s == states[0], "the databases did not converge"
                rows = [rows_dump(r) for r in self.reps]
                for r in rows[1:]:
                    assert r == rows[0], "the tables differ although the states agree"
                for rep in self.reps:
                    assert duplicates(rep) == [], "the same work is there twice"
                    assert rep.store.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        finally:
            for rep in self.reps:
                rep.close()
            real_wall_clock()


TestStaffersConverge = Staffers.TestCase


@pytest.fixture(autouse=True)
def _cleanup_template() -> Any:
    yield


def test_a_domain_that_joins_another_later_is_shown_on_highlights_placed_before():
    """Found by the property test: a highlight placed where its domain was not known yet showed no
    domain, and kept showing none after that domain arrived and joined the local one of the same
    name — the states agreed, the tables did not."""
    from replicas import Replica, apply, rows_dump, settle, state_dump

    fake_wall_clock(0)
    reps = Replica.copies(template(), Path(tempfile.mkdtemp(prefix="briefer-dom-")), 3)
    try:
        counter = [0]
        for op in [("hl_add", 0, 0, "openbaar")] * 4 + [("hl_domain", 0, 0, 0)] + [("hl_add", 0, 0, "openbaar")] * 3:
            apply(reps[0], op, counter)
        settle(reps)
        assert len({str(state_dump(r)) for r in reps}) == 1
        rows = [rows_dump(r) for r in reps]
        assert rows[1] == rows[0] and rows[2] == rows[0]
        assert any(h[8] is not None for h in rows[2]["highlights"])  # the domain is shown everywhere
    finally:
        for rep in reps:
            rep.close()
        real_wall_clock()
