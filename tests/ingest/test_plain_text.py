"""Text as plain pypdf extraction gives it: no blank lines between paragraphs, notes and footers
inline. The tests lay out their own documents as PDFs, extract them page by page joined with a
newline, and check that `parse_text` recovers the paragraphs, items and footnotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefer.ingest import parse_file, parse_text
from tests.helpers.pdfmaker import flow_document

WORDS = ("netbeheerders", "aansluiting", "wachttijd", "provincies", "investeringen", "vergunningen",
         "capaciteit", "regio", "bedrijven", "onderzoek", "uitvoering", "Kamer", "kabinet", "plannen")


def plain(pdf_path: Path) -> str:
    """What `PdfReader(f).pages[i].extract_text()` joined with newlines gives."""
    return "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)


def letters(text: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]", "", re.sub(r"\[\^\d+\]|\^\d+", "", text).lower())


def sentence(seed: int, words: int) -> str:
    picked = [WORDS[(seed * 7 + k * 3) % len(WORDS)] for k in range(words)]
    return "Over de " + " ".join(picked) + " is veel gezegd."


def _vso(seed: int) -> tuple[list[str | tuple[str, float]], dict[int, str], list[dict]]:
    """Fractie headings, question paragraphs at the margin, numbered answers indented 40 pt."""
    paragraphs: list[str | tuple[str, float]] = []
    notes: dict[int, str] = {}
    expected: list[dict] = []
    n = 0
    for party in ("VVD", "GroenLinks-PvdA", "NSC", "BBB"):
        paragraphs.append(f"Vragen en opmerkingen van de leden van de {party}-fractie")
        for _ in range(3):
            n += 1
            length = 4 + (n * 5 + seed) % 17  # vary where the last line of each paragraph ends
            question = (f"De leden van de {party}-fractie lezen dat {sentence(n + seed, length)} "
                        f"Kan het kabinet toelichten hoe het dat voor regio {n} aanpakt?")
            if (n + seed) % 3 == 0:  # questions that end without a question mark
                question = f"De leden van de {party}-fractie vragen een toelichting. {sentence(n, length)}"
            answer = [sentence(n * 3 + seed, 6 + (n * 11 + seed) % 23)]
            if n % 4 == 1:
                notes[len(notes) + 1] = f"Kamerstuk 29 023, nr. {400 + n}."
                answer[0] = answer[0][:-1] + f", zie de brief.^{len(notes)}"
            if n % 3 == 2:  # an answer of two paragraphs
                answer.append(f"Daarnaast {sentence(n + 40, 5 + n % 9).lower()}")
            paragraphs.append(question)
            paragraphs.append(f"{n}. Antwoord van het kabinet:")
            paragraphs.extend((a, 40.0) for a in answer)
            expected.append({"number": n, "party": party, "question": question, "answer": " ".join(answer),
                             "notes": [int(x) for x in re.findall(r"\^(\d+)", " ".join(answer))]})
    return paragraphs, notes, expected


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_vso_without_blank_lines(tmp_path: Path, seed: int) -> None:
    paragraphs, notes, expected = _vso(seed)
    pdf = flow_document(paragraphs, notes=notes, lines_per_page=40).save(tmp_path / "kst-29023-9.pdf")
    text = plain(pdf)
    assert "\n\n" not in text.strip()  # really no blank lines
    doc = parse_text(text, source="kst-29023-9")
    assert doc.doc_type == "schriftelijk_overleg"
    assert doc.parties == ["VVD", "GroenLinks-PvdA", "NSC", "BBB"]
    assert [it.number for it in doc.items] == [e["number"] for e in expected]
    for it, e in zip(doc.items, expected, strict=True):
        assert it.party == e["party"]
        assert letters(it.question) == letters(e["question"]), it.number
        assert letters(it.answer) == letters(e["answer"]), it.number
        assert [int(x) for x in re.findall(r"\[\^(\d+)\]", it.answer)] == e["notes"]
        assert "Tweede Kamer, vergaderjaar" not in it.question + it.answer
    assert [(f.number, f.text) for f in doc.footnotes] == sorted(notes.items())
    # the answer's second paragraph stays a paragraph of its own
    two = next(it for it in doc.items if it.number == 2)
    assert "\n\n" in two.answer and two.answer.split("\n\n")[1].startswith("Daarnaast")


def test_blank_line_text_is_read_as_before(tmp_path: Path) -> None:
    """With blank lines between paragraphs the blank lines decide, not the line widths."""
    paragraphs, notes, expected = _vso(0)
    text = plain(flow_document(paragraphs, notes=notes).save(tmp_path / "x.pdf"))
    lines = text.splitlines()
    with_blanks = []
    for ln in lines:  # a blank line before each paragraph start we know of
        if ln.startswith(("De leden", "Vragen en", "Daarnaast")) or re.match(r"^\d+\. Antwoord", ln):
            with_blanks.append("")
        with_blanks.append(ln)
    doc = parse_text("\n".join(with_blanks))
    assert [letters(it.answer) for it in doc.items] == [letters(e["answer"]) for e in expected]


def test_kamervragen_without_blank_lines(tmp_path: Path) -> None:
    paragraphs: list[str | tuple[str, float]] = [
        "Vragen van het lid Bikker (ChristenUnie) aan de Minister van Landbouw over de mestcrisis "
        "(ingezonden 3 april 2024).",
        "Antwoord van Minister Adema (Landbouw, Natuur en Voedselkwaliteit) (ontvangen 2 mei 2024).",
    ]
    for n in range(1, 8):
        paragraphs += [f"Vraag {n}", f"{sentence(n, 4 + n * 3)[:-1]}?", f"Antwoord {n}",
                       sentence(n + 20, 5 + n * 4), f"Ook {sentence(n + 9, 3 + n).lower()}"]
    pdf = flow_document(paragraphs, footer="Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel",
                        lines_per_page=30).save(tmp_path / "ah-tk-20232024-99.pdf")
    doc = parse_text(plain(pdf), source="ah-tk-20232024-99")
    assert doc.doc_type == "kamervragen" and [it.number for it in doc.items] == list(range(1, 8))
    for n, it in enumerate(doc.items, start=1):
        assert letters(it.question) == letters(f"{sentence(n, 4 + n * 3)[:-1]}?")
        assert it.answer.split("\n\n") == [sentence(n + 20, 5 + n * 4), f"Ook {sentence(n + 9, 3 + n).lower()}"]


def test_note_glued_to_the_last_body_line() -> None:
    """pypdf may put a page's first note on the line of the page's last body line."""
    text = "\n".join([
        "Vragen en opmerkingen van de leden van de CDA-fractie",
        "De leden van de CDA-fractie vragen of het kabinet de brief kan toelichten?",
        "1. Antwoord van het kabinet:",
        "Het kabinet verwijst naar de brief over de voortgang.1 Over de",
        "uitvoering wordt uw Kamer voor het einde van dit jaar geïnformeerd.1 Kamerstuk 36 200, nr. 7.",
        "Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196",
        "2",
        "De leden van de CDA-fractie vragen verder of dit ook voor gemeenten geldt?",
        "2. Antwoord van het kabinet:",
        "Ja, dat geldt ook voor gemeenten.",
    ])
    doc = parse_text(text)
    assert [(f.number, f.text, f.page) for f in doc.footnotes] == [(1, "Kamerstuk 36 200, nr. 7.", 1)]
    first, second = doc.items
    assert first.answer.endswith("geïnformeerd.") and "[^1]" in first.answer
    assert "Kamerstuk 36 200" not in first.answer
    assert second.question.startswith("De leden van de CDA-fractie vragen verder")


def test_date_line_is_no_note_and_code_marker_is_found() -> None:
    """"8 november jl." at a line start is text; a marker after "NIS2" ("NIS24") is note 4's."""
    body = [
        "Vragen en opmerkingen van de leden van de D66-fractie",
        "De leden van de D66-fractie vragen naar de richtlijnen en de brief van",
        "8 november jl. over de regels?",
        "1. Antwoord van het kabinet:",
        "De brief1 en de notitie2 gaan daarop in, net als de richtlijn3 en",
        "8 november jl. schreef het kabinet dat ook NIS24 van belang is voor de",
        "uitvoering van het beleid.",
    ]
    notes = ["4 Richtlijn (EU) 2022/2555.", "3 Richtlijn (EU) 2022/2557.", "2 Kamerstuk 26 643, nr. 9.",
             "1 Kamerstuk 26 643, nr. 8."]  # drawn bottom-up: last note first
    text = "\n".join(body + notes + ["Tweede Kamer, vergaderjaar 2022–2023, 26 643, nr. 10", "2"])
    doc = parse_text(text)
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 4]
    assert doc.footnotes[3].text == "Richtlijn (EU) 2022/2555."
    (item,) = doc.items
    assert "8 november jl. over de regels?" in item.question
    assert "8 november jl. schreef" in item.answer and "NIS2[^4]" in item.answer
    assert [int(x) for x in re.findall(r"\[\^(\d+)\]", item.answer)] == [1, 2, 3, 4]


@pytest.mark.parametrize("name", ["kst-30821-196", "ah-tk-20232024-1178", "ah-tk-20232024-1314",
                                  "ah-tk-20232024-2210"])
def test_sample_pdfs_extracted_plainly_still_parse(samples_dir: Path, name: str) -> None:
    """The real sample PDFs, extracted plainly, give the same items as the PDFs themselves."""
    pdf = samples_dir / f"{name}.pdf"
    if not pdf.exists():
        pytest.skip("samples missing")
    from_text = parse_text(plain(pdf), source=name)
    from_pdf = parse_file(pdf)
    assert [(it.number, it.party) for it in from_text.items] == [(it.number, it.party) for it in from_pdf.items]
    for a, b in zip(from_text.items, from_pdf.items, strict=True):
        assert letters(a.question) == letters(b.question), (name, a.number)
        assert letters(a.answer) == letters(b.answer), (name, a.number)
        assert re.findall(r"\[\^\d+\]", a.answer) == re.findall(r"\[\^\d+\]", b.answer), (name, a.number)
    assert [f.number for f in from_text.footnotes] == [f.number for f in from_pdf.footnotes]


@pytest.mark.parametrize("seed", [0, 1])
def test_nota_without_blank_lines(tmp_path: Path, seed: int) -> None:
    """A nota: questions and replies in one column; the reply opens with "De regering ..."."""
    from tests.helpers.pdfmaker import kamerstuk_document

    body: list[tuple[str, str, str | None]] = [
        ("I. ALGEMEEN", "b", None),
        ("De regering dankt de leden voor hun inbreng en gaat hieronder op de vragen in.", "", None)]
    expected = []
    for i, party in enumerate(["VVD", "CDA", "SP", "D66", "PVV", "BBB"]):
        question = (f"De leden van de {party}-fractie lezen dat {sentence(i + seed, 5 + i * 3)} Zij vragen of de "
                    "regering kan aangeven hoe dit uitpakt voor huurders met een laag inkomen.")
        replies = [f"De regering {sentence(i + 7 + seed, 8 + i * 2).lower()}",
                   f"Daarnaast geldt dat {sentence(i + 3, 4 + i + seed).lower()}"]
        body += [(question, "i", None)] + [(r, "", None) for r in replies]
        expected.append((party, question, replies))
    path = kamerstuk_document(body, dossier="36 501", nr="6", kind="NOTA NAAR AANLEIDING VAN HET VERSLAG",
                              vastgesteld=None, dossier_title="Wijziging van de Wet op de huurtoeslag",
                              intro=["Ontvangen 4 maart 2024"]).save(tmp_path / "nota.pdf")
    doc = parse_text(plain(path), source="kst-36501-6")
    assert doc.doc_type == "nota_naar_aanleiding_van_verslag" and doc.warnings == []
    assert [(it.party, letters(it.question), letters(it.answer)) for it in doc.items] == [
        (party, letters(question), letters(" ".join(replies))) for party, question, replies in expected]


def test_wrapped_fractie_headings_without_blank_lines() -> None:
    text = "\n".join([
        "Vragen en opmerkingen van de leden van de VVD-fractie",
        "De leden van de VVD-fractie vragen of het kabinet de brief over de netcapaciteit kan",
        "toelichten?",
        "1. Antwoord van het kabinet:",
        "Het kabinet licht de brief graag toe. Netbeheerders werken aan uitbreiding van",
        "het net in alle regio's.",
        "Vragen en opmerkingen van de leden van de GroenLinks-PvdA-",
        "fractie",
        "De leden van de GroenLinks-PvdA-fractie vragen hoe lang bedrijven moeten wachten",
        "op een aansluiting. Kan het kabinet dat toelichten?",
        "2. Antwoord van het kabinet:",
        "Gemiddeld twee jaar.",
        "Vragen en opmerkingen van de leden van de fractie van de",
        "ChristenUnie",
        "De leden van de ChristenUnie-fractie vragen wat gemeenten kunnen doen?",
        "3. Antwoord van het kabinet:",
        "Gemeenten kunnen meedenken.",
    ])
    doc = parse_text(text)
    assert doc.parties == ["VVD", "GroenLinks-PvdA", "ChristenUnie"]
    assert [(it.number, it.party) for it in doc.items] == [(1, "VVD"), (2, "GroenLinks-PvdA"), (3, "ChristenUnie")]
    assert all(it.question.startswith("De leden van de") for it in doc.items)
    assert doc.items[0].answer.endswith("in alle regio's.")


@pytest.mark.parametrize(("margin_numbers", "label"), [(True, None), (False, None), (False, "Antwoord:")])
def test_lijst_layouts_extracted_plainly(tmp_path: Path, margin_numbers: bool, label: str | None) -> None:
    """A lijst whose title in capitals runs straight into question 1 (no blank line, no stop)."""
    from tests.ingest.test_real_layouts_pdf import _lijst_pdf

    path = _lijst_pdf(tmp_path / "kst-36360-VIII-8.pdf", margin_numbers=margin_numbers, label=label)
    doc = parse_text(plain(path), source=path.stem)
    assert [it.number for it in doc.items] == list(range(1, 25))
    for it in doc.items:
        assert it.question.startswith(f"Hoeveel scholen vroegen in {2000 + it.number} ")
        assert it.answer.startswith(f"Voor regeling {it.number} kwamen") and it.answer.endswith("toegekend.")
