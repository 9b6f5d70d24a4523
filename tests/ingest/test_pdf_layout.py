"""Layout facts from PDFs built by the tests: markers by font size, notes, footers, page breaks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefer.ingest import parse_file, parse_text
from tests.helpers.pdfmaker import PdfMaker


def _aanhangsel(tmp_path: Path) -> Path:
    pdf = PdfMaker()
    p = pdf.page()
    y = 800.0

    def line(text: str, size: float = 9.0, x: float = 220.0) -> None:
        nonlocal y
        p.text(x, y, text, size=size)
        y -= 12

    line("Tweede Kamer der Staten-Generaal", size=20)
    line("Vergaderjaar 2023–2024 Aanhangsel van de Handelingen", size=10)
    line("Vragen van het lid Sneller (D66) aan de Minister van Justitie en Veiligheid over")
    line("quantumproof encryptie (ingezonden 16 januari 2024).")
    line("Antwoord van Minister Grapperhaus (Justitie en Veiligheid) (ontvangen 7 maart 2024).")
    line("Vraag 1")
    line("Bent u bekend met de wet van NIS2?")
    line("Antwoord 1")
    p.runs(220, y, [("Ja, zie mijn brief van 7 november 2023 ", 9, 0), ("1", 5.5, 3), (" en de richtlijn NIS2", 9, 0),
                    ("2", 5.5, 3), (" (Network and Information Security).", 9, 0)])
    y -= 12
    p.runs(220, y, [("De CO", 9, 0), ("2", 5.5, -2), ("-uitstoot daalt door betere econo-", 9, 0)])
    y -= 12
    line("mische keuzes.")
    p.runs(220, 120, [("1", 5, 2), (" Kamerstuk 26 643, nr. 1100, een noot die over twee regels", 7, 0)])
    p.runs(226, 111, [("doorloopt.", 7, 0)])
    p.runs(220, 100, [("2", 5, 2), (" Richtlijn (EU) 2022/2555.", 7, 0)])
    p.text(220, 40, "ah-tk-20232024-1178", size=7)
    p.text(220, 30, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", size=9)
    q = pdf.page()
    q.text(220, 800, "Vraag 2", size=9)
    q.text(220, 788, "Welke stappen neemt u?", size=9)
    q.text(220, 776, "Antwoord 2", size=9)
    q.text(220, 764, "Zie het antwoord op vraag 1.", size=9)
    q.text(220, 30, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2", size=9)
    return pdf.save(tmp_path / "ah-tk-20232024-1178.pdf")


def test_markers_notes_and_metadata_from_layout(tmp_path: Path) -> None:
    doc = parse_file(_aanhangsel(tmp_path))
    assert doc.doc_type == "kamervragen" and doc.page_count == 2
    one, two = doc.items
    assert "november 2023[^1] en de richtlijn NIS2[^2] (Network" in one.answer
    assert one.answer.endswith("(Network and Information Security).\n\nDe CO2-uitstoot daalt door betere economische keuzes.") \
        or one.answer.endswith("(Network and Information Security). De CO2-uitstoot daalt door betere economische keuzes.")  # a subscript is no marker
    assert one.question == "Bent u bekend met de wet van NIS2?"
    assert [(f.number, f.page) for f in doc.footnotes] == [(1, 1), (2, 1)]
    assert doc.footnotes[0].text == "Kamerstuk 26 643, nr. 1100, een noot die over twee regels doorloopt."
    assert two.pages == [2, 2] and two.refers_to == [1]
    assert "Tweede Kamer" not in one.answer + two.answer
    assert doc.identifier == "ah-tk-20232024-1178"
    assert doc.answered_by == "Minister Grapperhaus (Justitie en Veiligheid)"
    assert doc.asked_by is not None and doc.asked_by[0].name == "Sneller"
    assert doc.title == "quantumproof encryptie"


@pytest.mark.parametrize("name", ["ah-tk-20232024-1314", "ah-tk-20232024-2210"])
def test_plain_pypdf_text_of_samples(name: str, samples_dir: Path, tmp_path: Path) -> None:
    """Text as plain pypdf extraction gives it (no blank lines, markers after a space) still parses."""
    import pypdf

    reader = pypdf.PdfReader(samples_dir / f"{name}.pdf")
    doc = parse_text("\n".join(p.extract_text() for p in reader.pages), source=name)
    actual = tmp_path / "a.json"
    actual.write_text(json.dumps(doc.to_json(), ensure_ascii=False), encoding="utf-8")
    scorer = samples_dir.parent / "tools" / "score_parse.py"
    run = subprocess.run([sys.executable, str(scorer), str(samples_dir / f"{name}.expected.json"), str(actual)],
                         capture_output=True, text=True)
    assert run.stdout.strip().splitlines()[-1].startswith("score: 1.000"), run.stdout


def test_unreadable_layout_falls_back_to_plain_text(tmp_path: Path, samples_dir: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """If a page's layout cannot be read, plain extraction still gives items and notes."""
    from briefer.ingest import pdfpage

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("/Font")

    monkeypatch.setattr(pdfpage, "page_spans", broken)
    doc = parse_file(samples_dir / "ah-tk-20232024-1314.pdf")
    assert [it.numbers for it in doc.items] == [[1], [2], [3, 4, 5], [6]]
    assert [f.number for f in doc.footnotes] == [1, 2]
    assert "[^1]" in doc.items[0].question
    assert doc.page_count == 2


def test_large_pdf_uses_a_pool_and_reports_every_page(tmp_path: Path) -> None:
    from tests.helpers.pdfmaker import flow_document

    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    for n in range(1, 181):
        paras += [f"{n}. Wat is de stand van zaken bij project {n}^{n}?", "Antwoord",
                  f"Project {n} ligt op schema en wordt in {2024 + n % 3} afgerond."]
    path = flow_document(paras, notes={n: f"Kamerstuk 36 410, nr. {n}." for n in range(1, 181)},
                         lines_per_page=8).save(tmp_path / "groot.pdf")
    seen: list[tuple[int, int]] = []
    auto = parse_file(path, progress=lambda d, t: seen.append((d, t)), workers=2)
    single = parse_file(path, workers=1)
    assert auto.page_count >= 100
    assert seen == [(i, auto.page_count) for i in range(1, auto.page_count + 1)]
    assert auto.to_json() == single.to_json()
    assert [it.number for it in auto.items] == list(range(1, 181))
    assert all(f"[^{it.number}]" in it.question for it in auto.items)
    assert len(auto.footnotes) == 180 and not auto.warnings


def test_small_pdf_is_read_without_a_process_pool(sample_pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool costs more than it saves on a small file: the 24-page sample is read in-process."""
    from briefer.ingest import pdf, pdfpool

    started: list[int] = []

    def recorder(workers: int, path: Path) -> None:
        started.append(workers)
        raise OSError("no processes in this test")

    monkeypatch.setattr(pdfpool, "executor", recorder)
    doc = parse_file(sample_pdf)  # workers=None: decided by size
    assert doc.page_count == 24 and len(doc.items) == 41
    assert started == []
    assert pdf.workers_for(24, load=0.0) == 1
    assert pdf.workers_for(3000, load=0.0) == (2 if (os.cpu_count() or 1) >= 2 else 1)
    assert pdf.workers_for(3000, load=float(os.cpu_count() or 1)) == 1  # busy cores: one process
    parse_file(sample_pdf, workers=2)  # asked for explicitly, a pool is tried
    assert started == [2]


def test_margin_labels_on_the_text_line(tmp_path: Path) -> None:
    """"Vraag 1" in the margin on the same baseline as the question, drawn after it."""
    pdf = PdfMaker()
    p = pdf.page()
    p.text(70, 800, "Vragen van het lid Dassen (Volt) aan de Minister van Financiën over de euro (ingezonden 1 mei 2024).")
    p.text(150, 770, "Klopt het bericht over de euro?")
    p.text(70, 770, "Vraag 1")
    p.text(150, 755, "Ja, dat klopt.")
    p.text(70, 755, "Antwoord 1")
    doc = parse_file(pdf.save(tmp_path / "marge.pdf"))
    assert [(it.number, it.question, it.answer) for it in doc.items] == [
        (1, "Klopt het bericht over de euro?", "Ja, dat klopt.")]
