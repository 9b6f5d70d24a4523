"""Benchmark: parse time of a large lijst van vragen en antwoorden against raw pypdf extraction.

    .venv/bin/python bench/parse_bench.py [--questions 1500] [--workers 2]

Builds PDFs itself (tests/helpers/pdfmaker.py) and prints: raw single-process pypdf extraction
time, Briefer's parse time (1 and N workers) with the ratio, and parse time per 1,000 items at
1x, 2x and 4x size (linear growth keeps that figure flat).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefer.ingest import parse_file  # noqa: E402
from tests.helpers.pdfmaker import flow_document  # noqa: E402


def build(questions: int, path: Path) -> Path:
    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    notes: dict[int, str] = {}
    for n in range(1, questions + 1):
        mark = ""
        if n % 10 == 0:
            k = len(notes) + 1
            notes[k] = f"Kamerstuk 36 410, nr. {k}."
            mark = f"^{k}"
        paras.append(f"{n}. Kunt u aangeven hoeveel middelen er in 2024 zijn besteed aan onderdeel {n} "
                     f"van de begroting, en hoe zich dat verhoudt tot de raming{mark}?")
        paras.append("Antwoord")
        paras.append(f"Aan onderdeel {n} is {n * 3} miljoen euro besteed. Dat is conform de raming in de "
                     "ontwerpbegroting; de uitputting ligt daarmee op schema. De verwachting is dat ook in "
                     "de komende jaren de uitgaven op dit niveau blijven.")
    return flow_document(paras, notes=notes, lines_per_page=47).save(path)


REPEAT = 3  # best of three: the machine is shared


def raw_extract(path: Path) -> float:
    import pypdf

    best = float("inf")
    for _ in range(REPEAT):
        t = time.perf_counter()
        reader = pypdf.PdfReader(path)
        for page in reader.pages:
            page.extract_text()
        best = min(best, time.perf_counter() - t)
    return best


def timed_parse(path: Path, workers: int | None = 1) -> tuple[float, int, int]:
    best, items, pages = float("inf"), 0, 0
    for _ in range(REPEAT):
        t = time.perf_counter()
        doc = parse_file(path, workers=workers)
        best = min(best, time.perf_counter() - t)
        items, pages = len(doc.items), doc.page_count
    return best, items, pages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--questions", type=int, default=1500)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = build(args.questions, Path(tmp) / "lijst.pdf")
        raw = raw_extract(base)
        one, items, pages = timed_parse(base, 1)
        many, _, _ = timed_parse(base, args.workers)
        auto, _, _ = timed_parse(base, None)
        print(f"document: {pages} pagina's, {items} vragen")
        print(f"raw pypdf extraction (1 process): {raw:.2f} s")
        print(f"briefer parse, 1 worker:          {one:.2f} s  (ratio {one / raw:.2f})")
        print(f"briefer parse, {args.workers} workers:         {many:.2f} s  (ratio {many / raw:.2f})")
        print(f"briefer parse, default (auto):    {auto:.2f} s  (ratio {auto / raw:.2f})")
        for factor in (1, 2, 4):
            path = build(args.questions * factor // 4, Path(tmp) / f"lijst{factor}.pdf")
            secs, n, _ = timed_parse(path, 1)
            print(f"size {factor}x ({n} items): {secs / n * 1000:.2f} s per 1.000 items")


if __name__ == "__main__":
    main()
