"""Markers glued after punctuation, several markers in one raised run, and numbers of any length:
question numbers from 10,000 and footnote numbers from 1,000 up (issues 12 and 16)."""

from __future__ import annotations

import time
from pathlib import Path

from briefer.ingest import parse_file, parse_text
from tests.helpers.pdfmaker import PdfMaker, flow_document

HEAD = ("Vragen van het lid Dobbe (SP) aan de Minister van Volksgezondheid over de ziekenhuisnota "
        "(ingezonden 2 mei 2024).")


def test_markers_glued_after_a_question_mark_in_a_print(tmp_path: Path) -> None:
    """An SDU print: "…ziekenhuisnota»»?1, 2" with "1, 2" one small raised run, notes at the foot."""
    pdf = PdfMaker()
    p = pdf.page()
    p.text(70, 790, "Aanhangsel van de Handelingen", size=10)
    p.text(70, 770, HEAD[:88], size=10)
    p.text(70, 757, HEAD[88:], size=10)
    p.text(70, 730, "Vraag 1", size=10, style="b")
    p.runs(70, 715, [("Kent u het bericht «Minister: geen geld voor «de ziekenhuisnota»»?", 10, 0), ("1, 2", 6, 3.5)])
    p.text(70, 695, "Antwoord 1", size=10, style="b")
    p.runs(70, 680, [("Ja.", 10, 0), ("3", 6, 3.5), (" Ik ken het bericht.", 10, 0)])
    for n, (y, text) in enumerate([(90, "NOS, 1 mei 2024."), (80, "Trouw, 2 mei 2024."), (70, "Kamerstuk 31 016, nr. 9.")], 1):
        p.runs(70, y, [(str(n), 5, 2.5), (" " + text, 7, 0)])
    p.text(70, 40, "ah-tk-20232024-2500", size=7)
    doc = parse_file(pdf.save(tmp_path / "ah-tk-20232024-2500.pdf"))
    item = doc.items[0]
    assert item.question == "Kent u het bericht «Minister: geen geld voor «de ziekenhuisnota»»?[^1][^2]"
    assert item.answer == "Ja.[^3] Ik ken het bericht."
    assert [f.text for f in doc.footnotes] == ["NOS, 1 mei 2024.", "Trouw, 2 mei 2024.", "Kamerstuk 31 016, nr. 9."]
    assert not doc.warnings


def test_markers_glued_after_a_question_mark_in_text() -> None:
    text = "\n".join([
        "Aanhangsel van de Handelingen", HEAD, "Vraag 1",
        "Kent u het bericht «Minister: geen geld voor «de ziekenhuisnota»»?1, 2", "Antwoord 1", "Ja.", "",
        "1 NOS, 1 mei 2024.", "2 Trouw, 2 mei 2024.",
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1",
    ])
    doc = parse_text(text, source="ah-tk-20232024-2500")
    assert doc.items[0].question.endswith("ziekenhuisnota»»?[^1][^2]")
    assert [f.number for f in doc.footnotes] == [1, 2]


def test_question_numbers_past_ten_thousand() -> None:
    parts = []
    for n in range(1, 10_006):
        parts += [f"Vraag {n}", f"Hoeveel kost onderdeel {n}?", f"Antwoord {n}", f"Onderdeel {n} kost {n} euro."]
    started = time.perf_counter()
    doc = parse_text("LIJST VAN VRAGEN EN ANTWOORDEN\n" + "\n".join(parts))
    elapsed = time.perf_counter() - started
    assert len(doc.items) == 10_005
    assert doc.items[-1].numbers == [10_005] and doc.items[-1].answer == "Onderdeel 10005 kost 10005 euro."
    assert doc.items[9_999].question == "Hoeveel kost onderdeel 10000?"
    assert elapsed < 30  # linear: about a second on a quiet machine


def test_numbered_lijst_past_ten_thousand_without_labels() -> None:
    parts = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    for n in range(1, 10_003):
        parts += [f"{n}. Wat is de stand van project {n}?", "Antwoord", f"Project {n} ligt op schema."]
    doc = parse_text("\n".join(parts))
    assert [it.number for it in doc.items[-3:]] == [10_000, 10_001, 10_002]
    assert doc.items[-1].question == "Wat is de stand van project 10002?"


def test_footnote_numbers_past_a_thousand(tmp_path: Path) -> None:
    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    notes = {}
    for n in range(1, 1006):
        paras += [f"{n}. Kunt u bron {n} noemen^{n}?", "Antwoord", f"Bron {n} is openbaar."]
        notes[n] = f"Kamerstuk 36 410, nr. {n}."
    doc = parse_file(flow_document(paras, notes=notes, lines_per_page=36).save(tmp_path / "noten.pdf"))
    assert [f.number for f in doc.footnotes] == list(range(1, 1006))
    assert doc.footnotes[-1].text == "Kamerstuk 36 410, nr. 1005."
    assert doc.items[999].question == "Kunt u bron 1000 noemen[^1000]?"
    assert doc.items[-1].question == "Kunt u bron 1005 noemen[^1005]?"
    assert not any("Voetnoot" in w for w in doc.warnings)
