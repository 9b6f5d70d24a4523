"""Benchmark databases: 50,000 and 500,000 items with annotations, built through the core API, cached.

    .venv/bin/python bench/scaledb.py [--items 50000] [--rebuild]

Imported by the other benchmarks (`database(items)` returns the cached file's path, building it
when missing); run on its own it builds (or finds) one database and prints how long the build
took and what it holds. Databases live in `bench/.cache/` (gitignored), named by size and by
`BUILD_VERSION`, written under a temporary name and renamed when complete, so an interrupted
build is never mistaken for a finished one.

Text: documents of 1,500 generated items (Dutch-like words with a Zipf distribution, so common
words such as "kabinet" occur in many items), each
stored with `Store.add_document` and a 2 kB stand-in for the original file. Annotations, through
`Annotations` in one transaction per document, on about 5 % of the items of every document (old
and new alike, so a filter has matches far outside any "newest N" window): domain tags, highlights
(with a domain, a level and sometimes a note), item notes at every level, and follow-ups with
every status and level. A fixed seed makes every build identical.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CACHE = Path(os.environ.get("BRIEFER_BENCH_CACHE", REPO / "bench" / ".cache"))
BUILD_VERSION = 1
PER_DOC = 1500
LEVELS = ["openbaar", "intern", "intern", "intern", "vertrouwelijk"]
STATUSES = ["open", "open", "loopt", "afgerond"]
KINDS = ["schriftelijke vragen", "motie", "vraag in debat", "toezegging bewaken", "overig"]
_WORDS = re.compile(r"\w+")


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


def cache_path(items: int) -> Path:
    return CACHE / f"scale-{items}-v{BUILD_VERSION}.db"


def database(items: int, *, rebuild: bool = False, quiet: bool = False) -> Path:
    """The cached benchmark database with `items` items (built now when missing)."""
    path = cache_path(items)
    if path.exists() and not rebuild:
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    t0 = time.perf_counter()
    stats = build(partial, items, quiet=quiet)
    conn = sqlite3.connect(partial)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    Path(f"{partial}-wal").unlink(missing_ok=True)
    Path(f"{partial}-shm").unlink(missing_ok=True)
    partial.rename(path)
    if not quiet:
        print(f"built {path.name}: {items:,} items in {time.perf_counter() - t0:.0f} s "
              f"({stats}); {path.stat().st_size / 1e6:,.0f} MB", flush=True)
    return path


def _span(rng: random.Random, text: str) -> tuple[int, int] | None:
    """A run of 2–6 words of `text` as (start, end)."""
    words = list(_WORDS.finditer(text))
    if len(words) < 8:
        return None
    first = rng.randrange(0, len(words) - 7)
    last = first + rng.randint(1, 5)
    return words[first].start(), words[last].end()


def annotate(ann: object, store: object, doc_id: str, rng: random.Random, domain_ids: list[str],
             vocab: list[str], weights: list[float], counts: dict[str, int]) -> None:
    """About 5 % of a document's items get annotations of every kind, level and status."""
    items = store.items(doc_id)  # type: ignore[attr-defined]
    chosen = rng.sample(items, k=max(1, len(items) * 5 // 100))
    for it in chosen:
        roll = rng.random()
        if roll < 0.45 or rng.random() < 0.2:
            ann.tag_item(it.id, rng.choice(domain_ids))  # type: ignore[attr-defined]
            counts["tags"] += 1
        if 0.3 <= roll < 0.6:
            span = _span(rng, it.answer)
            if span:
                note = _sentence(rng, vocab, weights, rng.randint(4, 10)) if rng.random() < 0.5 else ""
                ann.add_highlight(it.id, "answer", *span,  # type: ignore[attr-defined]
                                  domain_id=rng.choice(domain_ids) if rng.random() < 0.7 else None,
                                  note=note, level=rng.choice(LEVELS), allow_lower=True)
                counts["highlights"] += 1
        if 0.5 <= roll < 0.8:
            body = " ".join(_sentence(rng, vocab, weights, rng.randint(6, 14)) for _ in range(2))
            ann.set_note(doc_id, it.id, body, level=rng.choice(LEVELS), allow_lower=True)  # type: ignore[attr-defined]
            counts["notes"] += 1
        if roll >= 0.75:
            ann.add_followup(it.id, _sentence(rng, vocab, weights, 6),  # type: ignore[attr-defined]
                             kind=rng.choice(KINDS), status=rng.choice(STATUSES),
                             level=rng.choice(LEVELS), allow_lower=True, due=f"2026-{rng.randint(1, 12):02d}-15")
            counts["followups"] += 1


def build(path: Path, total: int, *, seed: int = 7, quiet: bool = False) -> str:
    """Build the database at `path` (new file); returns a one-line summary of what it holds."""
    import itertools

    from briefer.annotate import Annotations
    from briefer.model import DocType, Document, Item
    from briefer.store import Store

    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(vocab))))
    counts = {"documents": 0, "tags": 0, "highlights": 0, "notes": 0, "followups": 0}
    store = Store.open(path)
    ann = Annotations(store)
    domain_ids = [d.id for d in ann.domains()]
    made, ondernummer, t0 = 0, 100, time.perf_counter()
    while made < total:
        count = min(PER_DOC, total - made)
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
        original = f"%PDF-bench {ondernummer}\n".encode() + rng.randbytes(2048)
        doc_id = store.add_document(doc, original).document.id
        with store.transaction():
            annotate(ann, store, doc_id, rng, domain_ids, vocab, weights, counts)
        counts["documents"] += 1
        made += count
        if not quiet and counts["documents"] % 20 == 0:
            print(f"  {made:,} items, {time.perf_counter() - t0:.0f} s", flush=True)
    store.close()
    return ", ".join(f"{n:,} {k}" for k, n in counts.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=50_000)
    parser.add_argument("--rebuild", action="store_true", help="build again even when cached")
    args = parser.parse_args()
    path = database(args.items, rebuild=args.rebuild)
    print(f"{path}: {path.stat().st_size / 1e6:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
