"""Benchmark: annotation writes, loading and version carry-over (issue 3 targets).

    .venv/bin/python bench/annotate_bench.py [--items 1500] [--writes 500] [--highlights 1000]

Works on a real database file (WAL) in a temp folder and prints:
- the median (and p95) time to commit one annotation (target < 5 ms), per operation kind;
- the time to load all annotations of a 1,500-item document: `bundle` (what export needs, items
  included) and `item_markers` (the item list) (target < 50 ms);
- the time to carry 1,000 highlights over to a new version of the document (target < 1 s), with
  a mix of unchanged, shifted, reworded and vanished passages.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer.annotate import Annotations  # noqa: E402
from briefer.model import DocType, Document, Item  # noqa: E402
from briefer.store import Store  # noqa: E402

PARTIES = ["VVD", "D66", "PVV", "CDA", "GroenLinks-PvdA", "SP", "ChristenUnie", "Volt"]


def answer_text(n: int, variant: int = 0) -> str:
    sentences = []
    for k in range(8):
        verb = "werkte" if variant and k == 3 else "werkt"
        sentences.append(f"Zin {n}.{k}: het kabinet {verb} aan onderdeel {n * 11 + k} van de begroting "
                         "samen met de betrokken partners.")
    if variant and n % 10 == 0:
        sentences[5] = "Deze zin is in de nieuwe versie helemaal herschreven."
    text = " ".join(sentences)
    return ("Vooraf: een inleidende zin. " + text) if variant and n % 2 else text


def make_document(items: int, variant: int = 0) -> Document:
    return Document(
        source="bench.pdf", doc_type=DocType.VRAGEN_EN_ANTWOORDEN, identifier="kst-36410-bench",
        dossier="36 410", ondernummer="99", kamerstuk="36 410, nr. 99", title="Lijst van vragen",
        items=[Item(number=n, question=f"Kunt u aangeven hoe het staat met onderdeel {n} van de begroting?",
                    answer=answer_text(n, variant), party=PARTIES[n % len(PARTIES)], pages=[n // 3 + 1])
               for n in range(1, items + 1)],
    )


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"median {statistics.median(values):6.2f} ms   p95 {p95:6.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1500)
    parser.add_argument("--writes", type=int, default=500)
    parser.add_argument("--highlights", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        mode = store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        doc = store.add_document(make_document(args.items), b"v1" + hashlib.sha256(b"1").digest()).document
        items = store.items(doc.id)
        ann = Annotations(store)
        domains = [d.id for d in ann.domains()]
        print(f"Database: {store.path} (journal_mode={mode}), {len(items)} items")

        # 1. commit time of one annotation, per kind
        print(f"\n1. Commit one annotation ({args.writes} each, one transaction per call; target < 5 ms)")
        counter = iter(range(10**9))

        def item() -> object:
            return items[next(counter) % len(items)]

        kinds: dict[str, Callable[[], object]] = {
            "highlight (offsets)": lambda: ann.add_highlight(item().id, "answer", 0, 20, note="notitie"),
            "highlight (quote)": lambda: (lambda it: ann.highlight_quote(
                it.id, f"Zin {it.number}.2: het kabinet"))(item()),
            "tag item": lambda: (lambda it: ann.tag_item(it.id, domains[it.number % len(domains)]))(item()),
            "item note": lambda: (lambda it: ann.set_note(doc.id, it.id, f"Notitie bij {it.number}"))(item()),
            "follow-up": lambda: ann.add_followup(item().id, "Schriftelijke vragen stellen", kind="motie"),
        }
        all_times: list[float] = []
        for name, fn in kinds.items():
            t = timed(fn, args.writes)
            all_times += t
            print(f"   {name:<22} {ms(t)}")
        print(f"   {'all kinds':<22} {ms(all_times)}")
        # The store runs with synchronous=FULL (every commit fsynced: power-loss safe); for
        # comparison, the cost with NORMAL (safe against a killed process only):
        store.db.conn.execute("PRAGMA synchronous = NORMAL")
        t = timed(kinds["highlight (offsets)"], max(50, args.writes // 5))
        print(f"   {'highlight, sync=NORMAL':<22} {ms(t)}")
        store.db.conn.execute("PRAGMA synchronous = FULL")

        # 2. load all annotations of the document (now about 5 per item)
        n_hl = store.db.conn.execute("SELECT count(*) FROM highlights").fetchone()[0]
        print(f"\n2. Load all annotations of a {len(items)}-item document "
              f"({n_hl} highlights, plus tags, notes, follow-ups; target < 50 ms)")
        print(f"   bundle (items + annotations) {ms(timed(lambda: ann.bundle(doc.id), 20))}")
        print(f"   item_markers                 {ms(timed(lambda: ann.item_markers(doc.id), 20))}")
        print(f"   highlights of document       {ms(timed(lambda: ann.document_highlights(doc.id), 20))}")

        # 3. carry highlights to a new version
        store2 = Store.open(Path(tmp) / "carry.db")
        ann2 = Annotations(store2)
        per_item = 5
        n_items = max(1, args.highlights // per_item)
        old = store2.add_document(make_document(n_items), b"old").document
        for it in store2.items(old.id):
            for k in range(per_item):
                ann2.highlight_quote(it.id, f"Zin {it.number}.{k + 1}: het kabinet werkt aan onderdeel")
        new = store2.add_document(make_document(n_items, variant=1), b"new").document
        t = time.perf_counter()
        report = ann2.carry_over(old.id, new.id)
        elapsed = (time.perf_counter() - t) * 1000
        print(f"\n3. Carry {report.moved + report.orphaned} highlights over to a new version (target < 1 s)")
        print(f"   {elapsed:.0f} ms — {report}")
        store2.close()
        store.close()


if __name__ == "__main__":
    main()
