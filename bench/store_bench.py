"""Benchmark: storing a large document does not cost more when its original file is large, and
opening a big database costs what opening SQLite costs.

    .venv/bin/python bench/store_bench.py [--items 15000] [--mb 10] [--repeat 3] [--open-items 50000]

1. `Store.add_document` of a generated 15,000-item document (items, footnotes, original, FTS
   index with facets, one transaction) into a database that already holds three documents, with
   a 1 kB original and with a `--mb` MB original, beside "bare SQLite": sqlite3 inserting the same
   rows into a plain items table and a plain FTS5 table (no triggers, no original) in one
   transaction. The ratio large/small original must stay near 1 (before migration 010 the FTS
   trigger read `documents.search_refs` past the blob for every item: 2 s against 40 s).
2. Opening the cached database of bench/scaledb.py (`--open-items`) and listing its documents,
   beside `sqlite3.connect` and one query.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefer.model import DocType, Document, Footnote, Item  # noqa: E402
from briefer.store import Store  # noqa: E402

WORDS = ("kabinet minister kamer grondstoffen energie waterstof chips briefing evaluatie zomer "
         "toezegging defensie veiligheid europese commissie china export sancties leden fractie").split()


def document(n_items: int, nr: int, rng: random.Random) -> Document:
    def text(k: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(k)).capitalize() + "."

    items = [Item(n, text(25), text(60), party=rng.choice(["VVD", "D66", "SP", "CDA"]), pages=[n // 5 + 1])
             for n in range(1, n_items + 1)]
    return Document(source=f"lijst-{nr}.pdf", doc_type=DocType.VRAGEN_EN_ANTWOORDEN, identifier=f"kst-36410-{nr}",
                    kamerstuk=f"36 410, nr. {nr}", dossier="36 410", ondernummer=str(nr), title="Lijst",
                    items=items, footnotes=[Footnote(k, f"Kamerstuk 36 410, nr. {k}.", k) for k in range(1, 200)],
                    page_count=n_items // 5)


def store_time(doc: Document, original: bytes) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "b.db")
        rng = random.Random(1)
        for k in range(3):  # a database with something in it already
            store.add_document(document(300, 900 + k, rng), rng.randbytes(len(original)))
        t = time.perf_counter()
        store.add_document(doc, original)
        elapsed = time.perf_counter() - t
        store.close()
    return elapsed


def bare_time(doc: Document) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "b.db")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("CREATE TABLE items (id TEXT PRIMARY KEY, document_id TEXT, number INTEGER, party TEXT, "
                     "question TEXT, answer TEXT, position INTEGER)")
        conn.execute("CREATE VIRTUAL TABLE items_fts USING fts5(question, answer, party, "
                     "tokenize = 'unicode61 remove_diacritics 2', prefix = '3')")
        t = time.perf_counter()
        with conn:
            conn.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)",
                             [(f"i{n}", "d", it.number, it.party, it.question, it.answer, n)
                              for n, it in enumerate(doc.items)])
            conn.executemany("INSERT INTO items_fts (rowid, question, answer, party) VALUES (?, ?, ?, ?)",
                             [(n + 1, it.question, it.answer, it.party) for n, it in enumerate(doc.items)])
        elapsed = time.perf_counter() - t
        conn.close()
    return elapsed


def open_times(path: Path, repeat: int) -> tuple[list[float], list[float], list[float]]:
    ours, listing, bare = [], [], []
    for _ in range(repeat):
        t = time.perf_counter()
        store = Store.open(path)
        store.db.conn.execute("SELECT count(*) FROM documents").fetchone()
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        store.documents()
        listing.append((time.perf_counter() - t) * 1000)
        store.close()
        t = time.perf_counter()
        conn = sqlite3.connect(path)
        conn.execute("SELECT count(*) FROM documents").fetchone()
        conn.close()
        bare.append((time.perf_counter() - t) * 1000)
    return ours, listing, bare


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=15_000)
    parser.add_argument("--mb", type=float, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--open-items", type=int, default=50_000)
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.1f} on {os.cpu_count()} cores")
    rng = random.Random(16)
    doc = document(args.items, 1, rng)
    small, large = rng.randbytes(1024), rng.randbytes(int(args.mb * 1e6))
    t_small, t_large, t_bare = [], [], []
    for _ in range(args.repeat):  # interleaved, best of `repeat`
        t_small.append(store_time(doc, small))
        t_large.append(store_time(doc, large))
        t_bare.append(bare_time(doc))
    s, g, b = min(t_small), min(t_large), min(t_bare)
    print(f"store a {args.items:,}-item document: 1 kB original {s:.2f} s, {args.mb:g} MB original {g:.2f} s "
          f"(ratio {g / s:.2f}); bare SQLite (items + FTS5, no original) {b:.2f} s; ratio Briefer/bare "
          f"{s / b:.2f} (small), {g / b:.2f} (large)")

    from bench.scaledb import database

    path = database(args.open_items)
    ours, listing, bare = open_times(path, max(3, args.repeat))
    print(f"open the {args.open_items:,}-item database ({path.stat().st_size / 1e6:,.0f} MB) and run one query: "
          f"Store.open {statistics.median(ours):.1f} ms, bare sqlite3.connect {statistics.median(bare):.1f} ms; "
          f"list its documents (with item counts) {statistics.median(listing):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
