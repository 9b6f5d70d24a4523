"""Benchmark: search at 50,000 items (default) or 500,000 (`--items 500000`), plain and filtered,
in process and as a CLI process, each beside a bare baseline.

    .venv/bin/python bench/search_bench.py [--items 50000] [--repeat 5] [--cli-runs 7] [--cli-only]

The database comes from bench/scaledb.py (built through the core API with annotations, cached in
bench/.cache/). Printed:

1. per query class: `Store.search` (limit 50, snippets, notes and highlight notes included) —
   median, p90, max — beside "same SQL": sqlite3 running the statements Briefer runs for the
   items (the same MATCH expression, filters included; the newest 1,001 matches, ranked when
   there are no more; read 50 items' text) and nothing else, with the ratio; and "naive": `ORDER BY rank LIMIT 50` over every match,
   what one would write first (one run each);
2. every filtered query's hit count (limit 100,000) against a full scan (every item the filters
   admit, `Annotations.filter_items`, whose text matches, checked in Python): they must be equal;
3. the CLI: `briefer --db DB search QUERY` as a process, the store alone in a process (import,
   open, search) and `python -c` running the same SQL ("same SQL" above) — medians over `--cli-runs` runs,
   interleaved (targets: in process, median < 20 ms plain and < 50 ms filtered at 500,000 items;
   the CLI within 80 ms of the bare process).
The machine's load average is printed with the figures: on a shared machine they swing.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.bytecode import compile_bytecode  # noqa: E402
from bench.scaledb import database  # noqa: E402
from briefer.store import Store  # noqa: E402
from briefer.store import search as S  # noqa: E402

PLAIN: dict[str, list[str]] = {
    "common word": ["kabinet", "minister", "leden", "vragen"],
    "rare word": ["kwantum", "kunstmest", "sancties", "Taiwan"],
    "prefix (typing)": ["grondst", "geneesm", "halfgel", "leveringsz", "str"],
    "typed prefix *": ["grondstof*", "halfgeleider*", "veilig*"],
    "diacritics folded": ["geinformeerd", "GEÏNFORMEERD"],
    "two words": ["strategische autonomie", "medische hulpmiddelen", "China chips"],
    "phrase": ['"Europese Commissie"', '"verenigde staten"'],
    "party name": ["VVD", "GroenLinks-PvdA"],
    "Kamerstuk number": ["36200-101", "36 200, nr. 103"],
}


def filtered_cases(store: Store) -> list[tuple[str, str, dict[str, object]]]:
    conn = store.db.conn
    domains = [r[0] for r in conn.execute("SELECT id FROM domains ORDER BY position")]
    docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY imported, rowid")]
    cases = []
    for query in ("kabinet", "grondst", "sancties"):
        cases += [
            ("filter: domain", query, {"domain_id": domains[0]}),
            ("filter: domain + ceiling", query, {"domain_id": domains[1], "ceiling": "intern"}),
            ("filter: level", query, {"level": "vertrouwelijk"}),
            ("filter: status", query, {"status": "open"}),
            ("filter: has note", query, {"has_note": True}),
            ("filter: ceiling only", query, {"ceiling": "openbaar"}),
            ("filter: party", query, {"party": "D66"}),
            ("filter: oldest document", query, {"doc_id": docs[0]}),
            ("filter: party+status+ceiling", query, {"party": "VVD", "status": "open", "ceiling": "intern"}),
        ]
    return cases


def _filter_of(kw: dict[str, object]) -> S.SearchFilter:
    return S.SearchFilter(party=kw.get("party"), document_id=kw.get("doc_id"), domain_id=kw.get("domain_id"),
                          level=kw.get("level"), status=kw.get("status"), has_note=kw.get("has_note"),
                          ceiling=kw.get("ceiling"))


def bare_sql(query: str, kw: dict[str, object]) -> str:
    """The MATCH expression Briefer builds for this query and filter (what the bare run executes)."""
    expression = S.item_match(S.to_fts_query(query) or '""', _filter_of(kw))
    return expression or '""'


# "Naive": what one would write first — FTS5 ranks every match, 50 items' text read.
BARE = ("SELECT i.id, i.question, i.answer FROM (SELECT rowid FROM items_fts WHERE items_fts MATCH ? "
        "ORDER BY rank LIMIT 50) AS f JOIN item_search AS s ON s.seq = f.rowid JOIN items AS i ON i.id = s.item_id")
# "Same SQL": the statements Briefer runs for the items (rank the newest matches, read 50 items'
# text), without Briefer around them (no snippets, no notes, no objects).
SAME = f"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1]) if __name__ == "__main__" else None
def same(conn, expression):
    newest = conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC "
                          "LIMIT {S.RANK_CAP + 1}", (expression,)).fetchall()
    if len(newest) > {S.RANK_CAP}:
        seqs = [r[0] for r in newest[:50]]
    else:
        rows = conn.execute("SELECT {S._BM25}, rowid FROM items_fts WHERE items_fts MATCH ? "
                            "ORDER BY rowid DESC", (expression,)).fetchall()
        rows.sort(key=lambda r: r[0])
        seqs = [r[1] for r in rows[:50]]
    marks = ",".join("?" * len(seqs))
    return conn.execute("SELECT i.id, i.question, i.answer FROM item_search AS s JOIN items AS i "
                        "ON i.id = s.item_id WHERE s.seq IN (" + marks + ")", seqs).fetchall()
if conn is not None:
    print(len(same(conn, sys.argv[2])))
"""
_same_ns: dict[str, object] = {"__name__": "bench_same"}
exec(SAME, _same_ns)
same = _same_ns["same"]


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    fn()  # warm
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def full_scan_count(store: Store, query: str, kw: dict[str, object]) -> int:
    """Items the filters admit whose text matches the query, checked in Python over every item."""
    from briefer.annotate import Annotations
    from briefer.store.snippets import fold_text, phrase_pattern

    f = _filter_of(kw)
    items = Annotations(store).filter_items(document_id=f.document_id, domain_id=f.domain_id, party=f.party,
                                            level=f.level, status=f.status, has_note=f.has_note,
                                            ceiling=f.ceiling)
    patterns = [phrase_pattern([p]) for p in S.query_phrases(query)]
    refs = dict(store.db.conn.execute("SELECT id, search_refs FROM documents").fetchall())
    count = 0
    for it in items:
        columns = [fold_text(c) for c in (it.question, it.answer, it.party or "", refs[it.document_id])]
        if all(any(p is not None and p.search(c) for c in columns) for p in patterns):
            count += 1
    return count


def cli_times(db: Path, query: str, runs: int) -> tuple[list[float], list[float], list[float]]:
    """Process wall times: the CLI, the store alone (import, open, search), bare sqlite3."""
    briefer = [sys.executable, "-m", "briefer", "--db", str(db), "search", query]
    core = [sys.executable, "-c",
            "import sys; from briefer.store import Store; s = Store.open(sys.argv[1]); "
            "print(len(s.search(sys.argv[2])))", str(db), query]
    bare = [sys.executable, "-c", SAME, str(db), bare_sql(query, {})]
    ours: list[float] = []
    store_only: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        for cmd, out in ((briefer, ours), (core, store_only), (bare, theirs)):
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, cwd=REPO)
            out.append((time.perf_counter() - t) * 1000)
    return ours, store_only, theirs


def in_process(store: Store, bare: sqlite3.Connection, repeat: int) -> None:
    """Parts 1 and 2: every query class in process beside the same SQL, and the filters against a full scan."""
    print(f"{'query class':<28} {'median':>8} {'p90':>8} {'max':>8} {'same SQL':>9} {'ratio':>6} "
          f"{'naive':>8}  (ms)")
    groups: dict[str, list[tuple[str, dict[str, object]]]] = {}
    for label, queries in PLAIN.items():
        groups.setdefault(label, []).extend((q, {}) for q in queries)
    for label, query, kw in filtered_cases(store):
        groups.setdefault(label, []).append((query, kw))
    plain_all: list[float] = []
    filtered_all: list[float] = []
    for label, cases in groups.items():
        ours: list[float] = []
        theirs: list[float] = []
        naive: list[float] = []
        for query, kw in cases:
            ours += timed(lambda q=query, k=kw: store.search(q, **k), repeat)  # type: ignore[misc]
            theirs += timed(lambda q=query, k=kw: same(bare, bare_sql(q, k)), repeat)  # type: ignore[operator]
            naive += timed(lambda q=query, k=kw: bare.execute(BARE, (bare_sql(q, k),)).fetchall(), 1)
        (filtered_all if kw else plain_all).extend(ours)
        ours.sort()
        med, bmed = statistics.median(ours), statistics.median(theirs)
        print(f"{label:<28} {med:>8.1f} {ours[int(0.9 * (len(ours) - 1))]:>8.1f} {max(ours):>8.1f} "
              f"{bmed:>9.1f} {med / bmed:>6.2f} {statistics.median(naive):>8.1f}")
    pm, fm = statistics.median(plain_all), statistics.median(filtered_all)
    print(f"ALL plain: median {pm:.1f} ms (target < 20); ALL filtered: median {fm:.1f} ms (target < 50)")

    print("filtered hits = full scan (limit 100,000):")
    checked = [c for c in filtered_cases(store) if c[1] == "sancties"]
    for label, query, kw in checked:
        hits = store.search(query, limit=100_000, **kw)
        got = len({h.item_id for h in hits if h.kind == "item"})
        want = full_scan_count(store, query, kw)
        print(f"  {label:<28} {query!r}: {got:>6} hits, full scan {want:>6}  {'OK' if got == want else 'DIFFERENT'}")


def main() -> int:
    compile_bytecode()  # figures of an installed Briefer, not of a stale-.pyc checkout
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cli-runs", type=int, default=7)
    parser.add_argument("--cli-only", action="store_true", help="only the processes (part 3)")
    args = parser.parse_args()
    path = database(args.items)
    store = Store.open(path)  # migrates a database built by an older Briefer, once
    bare = sqlite3.connect(path)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    items = store.db.conn.execute("SELECT count(*) FROM items").fetchone()[0]
    print(f"search over {items:,} items ({path.stat().st_size / 1e6:,.0f} MB); load average {load:.1f} "
          f"on {os.cpu_count()} cores")
    if not args.cli_only:
        in_process(store, bare, args.repeat)
    for query in ("kabinet", "sancties"):
        ours, store_only, theirs = cli_times(path, query, args.cli_runs)
        om, sm, tm = statistics.median(ours), statistics.median(store_only), statistics.median(theirs)
        print(f"CLI `briefer search {query}`: median {om:.0f} ms; the store alone in a process (import, open, "
              f"search) {sm:.0f} ms; bare python -c with the same SQLite query {tm:.0f} ms; difference "
              f"CLI {om - tm:.0f} ms (ratio {om / tm:.2f}), store {sm - tm:.0f} ms (ratio {sm / tm:.2f}) "
              f"(target: difference < 80)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average at the end: {load:.1f}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
