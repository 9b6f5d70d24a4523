"""Benchmark: full-text search over 50,000 items (target: median query < 10 ms).

Builds a database in a temp folder with documents of 1,500 generated items each (Dutch-like text
with a Zipf word distribution, so common words hit most items), then times `Store.search` for a
mix of queries the way a user types them: common and rare words, prefixes, phrases, party names,
Kamerstuk numbers, and with party/document filters. Prints figures; not a test.

    .venv/bin/python bench/search_bench.py [--items 50000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefer.model import DocType, Document, Item  # noqa: E402
from briefer.store import Store  # noqa: E402

PARTIES = ["VVD", "D66", "PVV", "CDA", "GroenLinks-PvdA", "SP", "ChristenUnie", "Volt", "JA21", "BBB", "NSC"]
DOMAIN_WORDS = (
    "grondstoffen energie fossiele waterstof halfgeleiders chips technologie digitale kwantum "
    "geneesmiddelen medische hulpmiddelen voedselzekerheid kunstmest landbouw defensie veiligheid "
    "afhankelijkheden leveringszekerheid strategische autonomie kabinet minister staatssecretaris "
    "Kamer geïnformeerd toezegging evaluatie briefing vertrouwelijke Europese Commissie lidstaten "
    "China Verenigde Staten Japan Taiwan export import handelsbeleid sancties investeringen "
    "innovatie onderzoek subsidie regeling brief motie debat overleg verslag antwoord vraag"
).split()
FILLER = (
    "de het een en van in op te dat is voor met zijn niet aan er om ook als bij door naar dan "
    "maar over nog wel worden wordt kan zal hebben heeft deze dit die welke hoe wat waarom wanneer "
    "leden fractie vragen merken lezen graag willen weten of mening daarnaast tevens hierbij"
).split()


def _vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    letters = "abcdefghijklmnoprstuvwz"
    made = {"".join(rng.choice(letters) for _ in range(rng.randint(4, 12))) for _ in range(size)}
    return FILLER + DOMAIN_WORDS + sorted(made)


def _sentence(rng: random.Random, vocab: list[str], cum_weights: list[float], n: int) -> str:
    words = rng.choices(vocab, cum_weights=cum_weights, k=n)
    return " ".join(words).capitalize() + "."


STORE_SECONDS: list[float] = []


def build(store: Store, total: int, per_doc: int = 1500, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(vocab))))
    doc_ids: list[str] = []
    made = 0
    ondernummer = 100
    while made < total:
        count = min(per_doc, total - made)
        items = []
        for n in range(1, count + 1):
            party = PARTIES[(n * len(PARTIES)) // (count + 1)]
            question = " ".join(_sentence(rng, vocab, weights, rng.randint(12, 30)) for _ in range(3))
            answer = " ".join(_sentence(rng, vocab, weights, rng.randint(12, 30)) for _ in range(5))
            items.append(Item(n, f"De leden van de {party}-fractie vragen: {question}", answer,
                              party=party, pages=[n // 5 + 1]))
        ondernummer += 1
        doc = Document(
            source=f"bench-{ondernummer}.pdf", doc_type=DocType.VRAGEN_EN_ANTWOORDEN,
            identifier=f"kst-36200-{ondernummer}", kamerstuk=f"36 200, nr. {ondernummer}",
            dossier="36 200", ondernummer=str(ondernummer), vergaderjaar="2023–2024",
            title="Lijst van vragen en antwoorden", parties=PARTIES, items=items, page_count=count // 5,
        )
        t0 = time.perf_counter()
        doc_ids.append(store.add_document(doc, f"bench {ondernummer}".encode()).document.id)
        STORE_SECONDS.append(time.perf_counter() - t0)
        made += count
    return doc_ids


QUERIES: dict[str, list[str]] = {
    "common word": ["kabinet", "minister", "leden", "vragen"],
    "rare word": ["kwantum", "kunstmest", "sancties", "Taiwan"],
    "prefix (typing)": ["grondst", "geneesm", "halfgel", "leveringsz", "str"],
    "diacritics folded": ["geinformeerd", "GEÏNFORMEERD"],
    "two words": ["strategische autonomie", "medische hulpmiddelen", "China chips"],
    "phrase": ['"Europese Commissie"', '"verenigde staten"'],
    "party name": ["VVD", "GroenLinks-PvdA"],
    "Kamerstuk number": ["36200-101", "36 200, nr. 103"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        doc_ids = build(store, args.items)
        build_s = time.perf_counter() - t0
        size_mb = (Path(tmp) / "bench.db").stat().st_size / 1e6
        stored_s = sum(STORE_SECONDS)
        print(f"Built {args.items:,} items in {len(doc_ids)} documents in {build_s:.1f} s; "
              f"Store.add_document took {stored_s:.1f} s ({args.items / stored_s:,.0f} items/s stored "
              f"and indexed, {1000 * stored_s / len(doc_ids):.0f} ms per 1,500-item document); db {size_mb:.0f} MB")
        all_times: list[float] = []
        print(f"{'query class':<20} {'median ms':>10} {'p90 ms':>8} {'max ms':>8} {'hits':>6}")
        cases: list[tuple[str, str, dict[str, str]]] = []
        for label, queries in QUERIES.items():
            cases += [(label, q, {}) for q in queries]
        cases += [("filter: party", "kabinet", {"party": "D66"}),
                  ("filter: party", "grondst", {"party": "VVD"}),
                  ("filter: document", "kabinet", {"doc_id": doc_ids[len(doc_ids) // 2]}),
                  ("filter: document", "geneesm", {"doc_id": doc_ids[0]})]
        by_label: dict[str, list[float]] = {}
        hits_by_label: dict[str, int] = {}
        for label, query, filters in cases:
            store.search(query, **filters)  # warm
            for _ in range(args.repeat):
                t = time.perf_counter()
                hits = store.search(query, **filters)
                elapsed = (time.perf_counter() - t) * 1000
                by_label.setdefault(label, []).append(elapsed)
                all_times.append(elapsed)
            hits_by_label[label] = max(hits_by_label.get(label, 0), len(hits))
        for label, times in by_label.items():
            times.sort()
            p90 = times[int(0.9 * (len(times) - 1))]
            print(f"{label:<20} {statistics.median(times):>10.2f} {p90:>8.2f} {max(times):>8.2f} "
                  f"{hits_by_label[label]:>6}")
        all_times.sort()
        median = statistics.median(all_times)
        print(f"ALL queries: median {median:.2f} ms, p90 {all_times[int(0.9 * (len(all_times) - 1))]:.2f} ms, "
              f"max {all_times[-1]:.2f} ms over {len(all_times)} runs (limit 50 hits, snippets included)")
        print(f"target median < 10 ms: {'MET' if median < 10 else 'NOT MET'}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
