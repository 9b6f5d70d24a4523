"""Benchmark: reading suggestions for a 1,500-item document (issue 6 target: < 2 s).

    .venv/bin/python bench/suggest_bench.py [--items 1500] [--repeat 3]

Builds a document of real text by repeating the 41 items of the bundled sample (renumbered, with
"Zie het antwoord op vraag N" links and footnotes kept), then prints:
- the time of `suggest_items` (pure: toezeggingen, domains, cues, references) per run;
- the time of `suggest_document` on a stored copy (reading items, lexicons and decisions too);
- how many suggestions of each kind were made.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer.ingest import parse_file  # noqa: E402
from briefer.model import Document, Footnote, Item  # noqa: E402
from briefer.paths import RESOURCES  # noqa: E402
from briefer.store import Store  # noqa: E402
from briefer.suggest import document_reference_date, suggest_document, suggest_items  # noqa: E402
from briefer.suggest import text as text_module  # noqa: E402


def clear_caches() -> None:
    """Forget memoised sentence splits and matching forms: every run starts cold."""
    text_module._split.cache_clear()
    text_module.match_form.cache_clear()


def big_document(n_items: int) -> Document:
    sample = parse_file(RESOURCES / "samples" / "kst-30821-196.txt")
    items: list[Item] = []
    footnotes: list[Footnote] = []
    for n in range(1, n_items + 1):
        src = sample.items[(n - 1) % len(sample.items)]
        # every text unique, so no cache can make the repeats free
        answer = f"{src.answer} Dit antwoord is nummer {n} van de reeks."
        if n % 40 == 0 and n > 5:
            answer += f" Zie ook het antwoord op vraag {n - 3}."
        items.append(Item(n, f"{src.question} (vraag {n})", answer, party=src.party))
    for note in sample.footnotes:
        footnotes.append(Footnote(note.number, note.text))
    return Document(
        source="bench-suggest.txt", identifier=f"bench-suggest-{n_items}", vergaderjaar=sample.vergaderjaar,
        items=items, footnotes=footnotes, doc_type=sample.doc_type,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    doc = big_document(args.items)
    ref = document_reference_date(doc, doc.items)
    pure: list[float] = []
    pure_cpu: list[float] = []
    result = None
    for _ in range(args.repeat):
        clear_caches()
        t0, c0 = time.perf_counter(), time.process_time()
        result = suggest_items(doc.items, footnotes=doc.footnotes, ref=ref)
        pure.append(time.perf_counter() - t0)
        pure_cpu.append(time.process_time() - c0)
    assert result is not None

    stored: list[float] = []
    stored_cpu: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        try:
            doc_id = store.add_document(doc, b"bench-suggest").document.id
            suggest_document(store, doc_id)  # first call seeds domains and lexicons
            for _ in range(args.repeat):
                clear_caches()
                t0, c0 = time.perf_counter(), time.process_time()
                suggest_document(store, doc_id)
                stored.append(time.perf_counter() - t0)
                stored_cpu.append(time.process_time() - c0)
        finally:
            store.close()

    counts = {k: len(v) for k, v in result.to_json().items()}
    print(f"Suggesties voor een document van {args.items} items (doel < 2 s)")
    print(f"  suggest_items (zuiver):      mediaan {statistics.median(pure):.3f} s, max {max(pure):.3f} s "
          f"(processortijd {statistics.median(pure_cpu):.3f} s)")
    print(f"  suggest_document (database): mediaan {statistics.median(stored):.3f} s, max {max(stored):.3f} s "
          f"(processortijd {statistics.median(stored_cpu):.3f} s)")
    print("  aantallen: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    ok = statistics.median(stored) < 2.0 and statistics.median(pure) < 2.0
    print("  binnen het doel" if ok else "  BOVEN HET DOEL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
