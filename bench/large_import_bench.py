"""Benchmark: the ingest side of a 3,000-page lijst van vragen en antwoorden, against bare pypdf.

    .venv/bin/python bench/large_import_bench.py [--pages 3000] [--repeat 3]

Builds (once, cached in the temp folder) a PDF of about 3,000 pages: a lijst with numbered questions
and "Antwoord" headings, a footnote every tenth question (so note numbers pass 1,000 and question
numbers pass 10,000), running footer and folio. Times, interleaved, best of --repeat:

- raw pypdf `extract_text()` of every page in one process (the baseline);
- Briefer's ingest side, `briefer.ingest.parse_file(path, workers=None)`: a file this large is read
  by two processes when two cores are free, by one when they are busy (target ≤ 1.3 × the baseline);
- the same with one and with two processes forced, for comparison;
- the whole import (`import_file` into a fresh database: parse + store + FTS index), whose store
  share belongs to the store (issue 16 moves large columns out of the hot rows).
Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefer.importer import import_file  # noqa: E402
from briefer.ingest import parse_file  # noqa: E402
from briefer.store import Store  # noqa: E402
from tests.helpers.pdfmaker import flow_document  # noqa: E402


def build(pages: int, path: Path) -> Path:
    if path.exists():
        return path
    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN", "Vastgesteld 2 november 2023"]
    notes: dict[int, str] = {}
    n = 0
    while len(paras) < pages * 19.4:  # about 19 paragraphs a page
        n += 1
        mark = ""
        if n % 10 == 0:
            k = len(notes) + 1
            notes[k] = f"Kamerstuk 36 410 XIII, nr. {k}."
            mark = f"^{k}"
        paras += [f"{n}. Kunt u aangeven hoeveel middelen er in 2024 zijn besteed aan onderdeel {n}{mark}?",
                  "Antwoord", f"Aan onderdeel {n} is {n * 3} miljoen euro besteed, conform de raming."]
    return flow_document(paras, notes=notes, lines_per_page=47,
                         footer="Tweede Kamer, vergaderjaar 2023–2024, 36 410 XIII, nr. 9").save(path)


def raw_extract(path: Path) -> float:
    import pypdf

    t = time.perf_counter()
    for page in pypdf.PdfReader(path).pages:
        page.extract_text()
    return time.perf_counter() - t


def timed(fn) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cache = Path(tempfile.gettempdir()) / "briefer-bench"
    cache.mkdir(exist_ok=True)
    path = build(args.pages, cache / f"lijst-{args.pages}.pdf")
    raws, autos, ones, twos, fulls = [], [], [], [], []
    doc = None
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            raws.append(raw_extract(path))
            t, doc = timed(lambda: parse_file(path, workers=None))
            autos.append(t)
            ones.append(timed(lambda: parse_file(path, workers=1))[0])
            twos.append(timed(lambda: parse_file(path, workers=2))[0])

            def full(r: int = r) -> object:
                with Store.open(Path(tmp) / f"full{r}.db") as store:
                    return import_file(store, path, workers=None)

            fulls.append(timed(full)[0])
    raw, auto, one, two, whole = min(raws), min(autos), min(ones), min(twos), min(fulls)
    from briefer.ingest.pdf import workers_for

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    assert doc is not None
    print(f"document: {doc.page_count} pages, {len(doc.items)} items, {len(doc.footnotes)} footnotes, "
          f"{path.stat().st_size / 1e6:.1f} MB; best of {args.repeat}, interleaved")
    print(f"raw pypdf extraction, 1 process:        {raw:6.2f} s")
    print(f"load average {load:.1f} on {os.cpu_count()} cores: automatic choice {workers_for(doc.page_count)} "
          "process(es)")
    print(f"Briefer ingest (parse_file, automatic): {auto:6.2f} s  ratio {auto / raw:.2f}"
          f"  (target ≤ 1.30: {'MET' if auto / raw <= 1.3 else 'NOT MET'})")
    print(f"Briefer ingest, 1 process:              {one:6.2f} s  ratio {one / raw:.2f}")
    print(f"Briefer ingest, 2 processes:            {two:6.2f} s  ratio {two / raw:.2f}")
    print(f"whole import (parse + store + index):   {whole:6.2f} s  ratio {whole / raw:.2f}  "
          f"(store share {whole - auto:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
