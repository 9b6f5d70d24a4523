"""The shared real samples score 1.000 with the project's scorer (../shared/tools/score_parse.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.ingest import parse_file

SAMPLES = ["kst-30821-196.pdf", "kst-30821-196.txt", "ah-tk-20232024-1178.pdf",
           "ah-tk-20232024-1314.pdf", "ah-tk-20232024-2210.pdf", "kst-36450-3.pdf",
           "beslisnota-ez-werkprogramma-atr-2025.pdf", "kv-docx-eerdmans-me-arnhem.docx",
           "kv-docx-lahlah-chakor-boa.docx", "kv-docx-mutluer-wolvega.docx"]


def test_every_shared_sample_is_listed(samples_dir: Path) -> None:
    """A sample added to ../shared/samples (beside its .expected.json) is scored here too."""
    found = sorted(p.name for p in samples_dir.iterdir()
                   if p.suffix in (".pdf", ".txt", ".docx") and (samples_dir / (p.stem + ".expected.json")).exists())
    assert sorted(SAMPLES) == found


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_scores_perfectly(name: str, samples_dir: Path, tmp_path: Path) -> None:
    scorer = samples_dir.parent / "tools" / "score_parse.py"
    if not scorer.exists():
        pytest.skip("score_parse.py missing")
    expected = samples_dir / (Path(name).stem + ".expected.json")
    actual = tmp_path / "actual.json"
    actual.write_text(json.dumps(parse_file(samples_dir / name).to_json(), ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(scorer), str(expected), str(actual), "--min", "1.0"],
                         capture_output=True, text=True)
    summary = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout
    assert summary.startswith("score: 1.000"), run.stdout
    assert "section texts" in summary or ";" not in summary, run.stdout  # no document field wrong


def test_sample_pdf_pages_and_progress(sample_pdf: Path) -> None:
    seen: list[tuple[int, int]] = []
    doc = parse_file(sample_pdf, progress=lambda d, t: seen.append((d, t)))
    assert doc.page_count == 24
    assert seen == [(i, 24) for i in range(1, 25)]
    first, last = doc.items[0], doc.items[-1]
    assert first.pages == [1, 2]
    assert last.pages[1] == 24
    assert all(it.pages[0] <= it.pages[1] for it in doc.items)
    assert [f.number for f in doc.footnotes] == list(range(1, 25))
    # answer 39 refers to answer 30
    assert doc.items[38].refers_to == [30]


def test_pdf_and_text_agree(sample_pdf: Path, sample_txt: Path) -> None:
    a, b = parse_file(sample_pdf), parse_file(sample_txt)
    assert [i.number for i in a.items] == [i.number for i in b.items]
    assert [i.party for i in a.items] == [i.party for i in b.items]
    assert a.kamerstuk == b.kamerstuk == "30 821, nr. 196"


def test_workers_give_same_result(sample_pdf: Path) -> None:
    seen: list[int] = []
    one = parse_file(sample_pdf)
    two = parse_file(sample_pdf, progress=lambda d, t: seen.append(d), workers=2)
    assert one.to_json() == two.to_json()
    assert seen == list(range(1, 25))
