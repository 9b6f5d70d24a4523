"""Layouts of real published PDFs (officielebekendmakingen), rebuilt with synthetic text: margin
numbers and labels, pages of short paragraphs, bold headings that wrap, numbers heading a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.ingest import parse_file
from tests.helpers.pdfmaker import PdfMaker, _wrap, column_document


def _lijst_pdf(path: Path, *, margin_numbers: bool, label: str | None) -> Path:
    """A lijst as officielebekendmakingen prints it: numbers in the margin or above the question."""
    pdf = PdfMaker()
    page = pdf.page()
    y = 790.0
    page.text(55, y, "Tweede Kamer der Staten-Generaal", size=14, style="b")
    page.text(55, y - 50, "Nr. 8", size=10, style="b")
    page.text(221, y - 50, "LIJST VAN VRAGEN EN ANTWOORDEN", size=10, style="b")
    y -= 80
    folio = 1

    def footer() -> None:
        page.text(55, 40, "Tweede Kamer, vergaderjaar 2022–2023, 36 360 VIII, nr. 8", size=7)
        page.text(520, 40, str(folio), size=7)

    for n in range(1, 25):
        question = f"Hoeveel scholen vroegen in {2000 + n} de regeling {n} aan? Zo nee, waarom niet?"
        answer = f"Voor regeling {n} kwamen veertig aanvragen binnen. Die zijn alle beoordeeld en de helft is toegekend."
        parts = [(question, True)] + ([(label, False)] if label else []) + [(answer, False)]
        for text, first in parts:
            for i, line in enumerate(_wrap(text, 62)):
                if y < 90:
                    footer()
                    page, y, folio = pdf.page(), 790.0, folio + 1
                if first and i == 0:
                    if margin_numbers:
                        page.text(55, y, str(n), size=9)
                    else:
                        page.text(221, y, str(n), size=9)
                        y -= 12
                page.text(221, y, line, size=9)
                y -= 12
            y -= 6
        y -= 6
    footer()
    return pdf.save(path)


@pytest.mark.parametrize(("margin_numbers", "label"), [(True, None), (False, None), (False, "Antwoord:")])
def test_lijst_pdf_layouts(tmp_path: Path, margin_numbers: bool, label: str | None) -> None:
    doc = parse_file(_lijst_pdf(tmp_path / "kst-36360-VIII-8.pdf", margin_numbers=margin_numbers, label=label))
    assert [it.number for it in doc.items] == list(range(1, 25))  # also numbers heading a new page
    for it in doc.items:
        assert it.question.startswith("Hoeveel scholen") and it.question.endswith("waarom niet?")
        assert it.answer.startswith(f"Voor regeling {it.number} kwamen") and it.answer.endswith("toegekend.")


def test_nota_pdf_of_short_paragraphs_keeps_paragraph_breaks(tmp_path: Path) -> None:
    """Paragraph gaps outnumber line steps on such pages: the line distance must still be found."""
    paras: list[tuple[str, str, str | None]] = [
        ("NOTA NAAR AANLEIDING VAN HET VERSLAG", "b", "Nr. 6"), ("I ALGEMEEN", "b", None)]
    for n in range(1, 8):
        paras += [
            (f"{n}. Onderwerp nummer {n}", "b", None),
            (f"De leden van de VVD-fractie vragen hoe onderdeel {n} wordt uitgevoerd en wie daarvoor "
             "verantwoordelijk is in de regio.", "", None),
            (f"Onderdeel {n} gaat naar de Belastingdienst.", "", None),
            (f"Het lid van de BBB-fractie vraagt naar de kosten van onderdeel {n}. Kan de regering die kosten "
             "per jaar uitsplitsen?", "", None),
            (f"De kosten zijn {n} miljoen euro per jaar.", "", None),
        ]
    paras += [("De Minister van Financiën,", "", None), ("A. Jansen", "", None)]
    pdf = column_document(paras, footer="Tweede Kamer, vergaderjaar 2023–2024, 36 400, nr. 6")
    doc = parse_file(pdf.save(tmp_path / "nota.pdf"))
    assert len(doc.items) == 14
    assert [it.party for it in doc.items[:2]] == ["VVD", "BBB"]
    assert all(it.heading == f"{(i // 2) + 1}. Onderwerp nummer {(i // 2) + 1}" for i, it in enumerate(doc.items))
    assert doc.items[0].answer == "Onderdeel 1 gaat naar de Belastingdienst."
    assert doc.items[-1].answer == "De kosten zijn 7 miljoen euro per jaar."  # no signature


def test_older_kamervragen_pdf_with_margin_numbers_and_answer_labels(tmp_path: Path) -> None:
    paras: list[tuple[str, str, str | None]] = [
        ("Aanhangsel van de Handelingen", "b", None),
        ("Vragen van het lid Smit (PvdA) aan de minister van Onderwijs over het lerarentekort "
         "(ingezonden 3 maart 2011).", "", None),
        ("Antwoord van minister Van Dam (Onderwijs) (ontvangen 25 maart 2011)", "", None),
    ]
    for n in range(1, 16):
        paras += [
            (f"Hoeveel leraren werkten in {2000 + n} in regio {n}? Kunt u dit uitsplitsen naar sector en "
             "naar schooltype?", "", str(n)),
            ("Antwoord", "", None),
            ("Ja." if n % 3 == 0 else f"In regio {n} werkten ongeveer {n * 100} leraren. Een uitsplitsing "
             "is niet beschikbaar.", "", None),
        ]
    pdf = column_document(paras, footer="Tweede Kamer, vergaderjaar 2010–2011, Aanhangsel")
    doc = parse_file(pdf.save(tmp_path / "ah-tk-20102011-1234.pdf"))
    assert doc.doc_type == "kamervragen" and doc.identifier == "ah-tk-20102011-1234"
    assert [it.number for it in doc.items] == list(range(1, 16))
    for it in doc.items:
        assert it.question.startswith(f"Hoeveel leraren werkten in {2000 + it.number}")
        assert it.answer == "Ja." or it.answer.startswith(f"In regio {it.number} werkten")


def test_kamervragen_pdf_with_labels_in_the_margin(tmp_path: Path) -> None:
    """"Vraag 3" / "Antwoord 3" printed in the margin on the first line; an answer may open with a year."""
    paras: list[tuple[str, str, str | None]] = [
        ("Aanhangsel van de Handelingen", "b", None),
        ("Vragen van het lid Smit (PvdA) aan de minister van Onderwijs over het lerarentekort "
         "(ingezonden 3 maart 2024).", "", None),
        ("Antwoord van minister Van Dam (Onderwijs) (ontvangen 25 maart 2024).", "", None),
    ]
    for n in range(1, 13):
        opening = "2023 was een jaar met" if n % 2 else f"In regio {n} werkten"
        paras += [
            (f"Hoeveel leraren werkten in {2000 + n} in regio {n}? Kunt u dit uitsplitsen?", "", f"Vraag {n}"),
            (f"{opening} ongeveer {n * 100} leraren. Een uitsplitsing is niet beschikbaar.", "", f"Antwoord {n}"),
        ]
    pdf = column_document(paras, footer="Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel")
    doc = parse_file(pdf.save(tmp_path / "ah-tk-20232024-999.pdf"))
    assert [it.number for it in doc.items] == list(range(1, 13))
    for it in doc.items:
        assert it.question == f"Hoeveel leraren werkten in {2000 + it.number} in regio {it.number}? Kunt u dit uitsplitsen?"
        assert it.answer.endswith(f"ongeveer {it.number * 100} leraren. Een uitsplitsing is niet beschikbaar.")


def test_vso_pdf_with_a_long_bold_reply_heading_over_three_lines(tmp_path: Path) -> None:
    paras: list[tuple[str, str, str | None]] = [("VERSLAG VAN EEN SCHRIFTELIJK OVERLEG", "b", "Nr. 2800")]
    for party in ("VVD", "SGP"):
        paras.append((f"Vragen en opmerkingen van de leden van de {party}-fractie", "b", None))
        for k in range(3):
            paras += [
                (f"De leden van de {party}-fractie vragen naar punt {k} van de agenda. Welke positie neemt "
                 "Nederland in?", "", None),
                ("Reactie van de Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking en de Minister "
                 "van Buitenlandse Zaken", "b", None),
                (f"Nederland steunt punt {k} op hoofdlijnen en informeert uw Kamer na afloop.", "", None),
            ]
    pdf = column_document(paras, footer="Tweede Kamer, vergaderjaar 2023–2024, 21 501-02, nr. 2800")
    doc = parse_file(pdf.save(tmp_path / "vso.pdf"))
    assert [(it.number, it.party) for it in doc.items] == [
        (1, "VVD"), (2, "VVD"), (3, "VVD"), (4, "SGP"), (5, "SGP"), (6, "SGP")]
    for it in doc.items:
        assert it.answer == f"Nederland steunt punt {(it.number - 1) % 3} op hoofdlijnen en informeert uw Kamer na afloop."
    assert doc.kamerstuk == "21 501-02, nr. 2800" and doc.identifier == "kst-21501-02-2800"
