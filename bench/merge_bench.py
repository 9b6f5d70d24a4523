"""Benchmark: merging a colleague's file of 10,000 changes into a database of 10,000 annotations
(issue 15 target: < 2 s), with a bare baseline side by side.

    .venv/bin/python bench/merge_bench.py [--annotations 10000] [--changes 10000] [--repeat 3]

Builds a 1,000-item document and, in database A, `--annotations` annotations (60 % highlights
with notes, 20 % follow-ups, 10 % notes — one per item — and 10 % tags). Database B receives them (an import), then
makes `--changes` changes: highlight notes rewritten, follow-ups closed or moved, levels raised, new
highlights and follow-ups. B's file (format 2, every field with its versions) is merged into a
fresh copy of A, `--repeat` times; the best run counts.

The baseline is the least any merge must do with that file: read it (`json.loads`) and write one
row per changed annotation into a bare table in one transaction (`executemany`, same SQLite, same
synchronous=FULL). The ratio says what the merge semantics cost on top.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer.annotate import Annotations  # noqa: E402
from briefer.model import DocType, Document, Item  # noqa: E402
from briefer.store import Store  # noqa: E402

PARTIES = ["VVD", "D66", "PVV", "CDA", "GroenLinks-PvdA", "SP", "ChristenUnie", "Volt"]


def make_document(items: int) -> Document:
    return Document(
        source="bench.pdf", doc_type=DocType.VRAGEN_EN_ANTWOORDEN, identifier="kst-36410-merge",
        dossier="36 410", ondernummer="98", kamerstuk="36 410, nr. 98", title="Lijst van vragen",
        items=[Item(number=n, question=f"Kunt u aangeven hoe het staat met onderdeel {n} van de begroting?",
                    answer=" ".join(f"Zin {n}.{k}: het kabinet werkt aan onderdeel {n * 11 + k} samen met de "
                                    "betrokken partners." for k in range(10)),
                    party=PARTIES[n % len(PARTIES)], pages=[n // 3 + 1])
               for n in range(1, items + 1)],
    )


def annotate(path: Path, n: int) -> None:
    """Database A: `n` annotations, in one transaction (each still recorded with its versions)."""
    with Store.open(path) as store:
        doc = store.add_document(make_document(1000), b"merge-bench").document
        ann = Annotations(store)
        items = store.items(doc.id)
        domains = [d.id for d in ann.domains()]
        counts = {"highlight": n * 6 // 10, "followup": n * 2 // 10, "note": n // 10}
        counts["tag"] = n - sum(counts.values())
        with ann.rows.transaction():
            for k in range(counts["highlight"]):
                it = items[k % len(items)]
                ann.add_highlight(it.id, "answer", *_span(it.answer, (k // len(items)) % 10),
                                  note=f"notitie {k}", domain_id=domains[k % len(domains)])
            for k in range(counts["followup"]):
                ann.add_followup(items[k % len(items)].id, f"Actie {k}", due="2027-01-01")
            for k in range(counts["note"]):  # one note per item
                it = items[k % len(items)]
                ann.set_note(doc.id, it.id, f"Notitie bij vraag {it.number}: punt {k}")
            for k in range(counts["tag"]):  # up to four domains per item
                ann.tag_item(items[k % len(items)].id, domains[(k // len(items)) % len(domains)])


def _span(text: str, k: int) -> tuple[int, int]:
    start = text.index(f".{k}: ")
    return start + 4, start + 30


def change(path: Path, changes: int) -> None:
    """Database B: `changes` changes of every kind on what it received."""
    with Store.open(path) as store:
        ann = Annotations(store)
        doc = store.documents()[0]
        highlights = ann.document_highlights(doc.id)
        followups = ann.followups(document_id=doc.id)
        items = store.items(doc.id)
        done = 0
        with ann.rows.transaction():
            for k, h in enumerate(highlights):
                if done >= changes * 0.5:
                    break
                ann.update_highlight(h.id, note=f"herzien {k}", **({"level": "vertrouwelijk"} if k % 7 == 0 else {}))
                done += 1
            for k, f in enumerate(followups):
                if done >= changes * 0.8:
                    break
                ann.update_followup(f.id, **({"status": "afgerond"} if k % 2 else {"due": "2027-03-01"}))
                done += 1
            k = 0
            while done < changes:
                it = items[k % len(items)]
                ann.add_followup(it.id, f"Nieuwe actie {k}")
                done += 1
                k += 1


def baseline(db: Path, file: Path, rows: int) -> float:
    t = time.perf_counter()
    data = json.loads(file.read_text(encoding="utf-8"))
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY, body TEXT)")
    with conn:
        conn.executemany("INSERT OR REPLACE INTO t VALUES (?, ?)",
                         [(e["id"], json.dumps(e["f"])) for e in data["entities"][:rows]])
    conn.close()
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--annotations", type=int, default=10000)
    parser.add_argument("--changes", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="briefer-merge-"))
    a, b = tmp / "a.db", tmp / "b.db"
    t = time.perf_counter()
    annotate(a, args.annotations)
    with Store.open(a) as sa:
        doc = sa.documents()[0]
        data = Annotations(sa).export_json(doc.id, "vertrouwelijk")
        sa.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # copies start without a pending log
    shutil.copy(a, b)  # B starts as a copy: it gets its own replica id on its first write
    file_a = tmp / "a.json"
    file_a.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    change(b, args.changes)
    with Store.open(b) as sb:
        data_b = Annotations(sb).export_json(sb.documents()[0].id, "vertrouwelijk")
    file_b = tmp / "b.json"
    file_b.write_text(json.dumps(data_b, ensure_ascii=False), encoding="utf-8")
    setup = time.perf_counter() - t
    print(f"setup: {args.annotations} annotations in A, {args.changes} changes in B ({setup:.1f} s); "
          f"B's file: {len(data_b['entities'])} entities, {file_b.stat().st_size / 1e6:.1f} MB")

    from briefer.annotate.files import read_exchange_file

    merges, bases = [], []
    for run in range(args.repeat):
        target = tmp / f"a-{run}.db"
        shutil.copy(a, target)
        bases.append(baseline(tmp / f"bare-{run}.db", file_b, args.changes))
        with Store.open(target) as st:
            ann = Annotations(st)
            t = time.perf_counter()
            report = ann.import_json(read_exchange_file(file_b))
            merges.append(time.perf_counter() - t)
            if run == 0:
                print("merge report: " + " | ".join(report.lines()))
    best, base = min(merges), min(bases)
    print(f"merge (read + validate + merge + write), best of {args.repeat}: {best:.2f} s "
          f"(runs: {', '.join(f'{m:.2f}' for m in merges)})")
    print(f"bare baseline (json.loads + executemany of {args.changes} rows): {base:.2f} s")
    print(f"ratio merge / baseline: {best / base:.1f}; target < 2 s: {'met' if best < 2 else 'NOT met'}")


if __name__ == "__main__":
    main()
