"""Never crash, always something: odd inputs give a Document (perhaps with warnings), in linear time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefer.ingest import IngestError, parse_file, parse_text
from briefer.model import Document
from tests.helpers.pdfmaker import PdfMaker, flow_document

_LIJST = "LIJST VAN VRAGEN EN ANTWOORDEN\n" + "\n".join(
    f"{n}. Hoeveel financiële regelingen telde gemeente {n}?\nAntwoord\nGemeente {n} telde er twaalf."
    for n in range(1, 13)
)


def _check(doc: Document, items: int | None = None) -> None:
    assert isinstance(doc, Document)
    if items is not None:
        assert [it.number for it in doc.items] == list(range(1, items + 1))
    for it in doc.items:
        for text in (it.question, it.answer):
            assert not any(c in text for c in "\u00ad\u200b\u200e\u200f\ufeff\ufb01\x00\r\t")


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t.replace("\n", "\r\n"),
        lambda t: t.replace("\n", "\r"),
        lambda t: t.replace("\n", "\r\n", 15).replace("\n", "\r", 10),
        lambda t: t.replace(" ", "\t"),
        lambda t: t.replace(" ", "\u00a0"),
        lambda t: t.replace("regelingen", "rege\u00adlin\u00adgen"),
        lambda t: t.replace("fi", "\ufb01"),
        lambda t: t.replace(" ", " \u200b"),
        lambda t: "\ufeff\u200f" + t.replace("\n", "\u200e\n"),
        lambda t: t.replace("\n", "\x00\n"),
    ],
    ids=["crlf", "cr", "mixed-endings", "tabs", "nbsp", "soft-hyphen", "ligature", "zero-width", "rtl-marks", "nul"],
)
def test_odd_characters_leave_the_structure_and_the_text_clean(variant) -> None:  # type: ignore[no-untyped-def]
    doc = parse_text(variant(_LIJST))
    _check(doc, 12)
    assert doc.items[4].question == "Hoeveel financiële regelingen telde gemeente 5?"
    assert doc.items[4].answer == "Gemeente 5 telde er twaalf."


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t\n\r\n",
        "Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196 3",
        "woord " * 60_000,
        "x" * 200_000,
        "\n".join(f"{n}. regel {n}" for n in range(1, 5001)),
        "NOTA NAAR AANLEIDING VAN HET VERSLAG\n1. Inleiding\nDe leden van de VVD-fractie vragen waarom?\n",
        "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\nI Vragen en opmerkingen vanuit de fracties\n",
        "LIJST VAN VRAGEN EN ANTWOORDEN\n1. Wat?\nAntwoord\n",
        "Vraag 1\n\nVraag 2\n",
        "\ud800 losse helft " * 10,
    ],
    ids=["empty", "blank", "only-footer", "giant-paragraph", "long-line", "5000-numbered", "nota-no-answer",
         "vso-no-questions", "lijst-empty-answer", "kamervragen-no-text", "lone-surrogate"],
)
def test_odd_texts_give_a_document(text: str) -> None:
    doc = parse_text(text)
    _check(doc)
    if text.strip() and not text.startswith("Tweede Kamer"):
        assert doc.items, "some text was given: something must come out"
    for it in doc.items:
        (it.question + it.answer).encode("utf-8")  # storable and exportable


def test_kamervragen_with_a_missing_answer_warns() -> None:
    text = ("Vragen van het lid Jansen (VVD) aan de minister van Financiën (ingezonden 1 maart 2024).\n"
            "Vraag 1\nKlopt het dat de regeling stopt?\nVraag 2\nWeet u hoeveel mensen dat raakt?\n"
            "Vraag 3\nWilt u de Kamer informeren?\nAntwoord 1\nJa.\nAntwoord 3\nDat doe ik in mei.\n")
    doc = parse_text(text)
    assert doc.doc_type == "kamervragen"
    assert [it.numbers for it in doc.items] == [[1], [3]]
    assert any("2" in w for w in doc.warnings)


def _timed(text: str) -> float:
    start = time.perf_counter()
    parse_text(text)
    return time.perf_counter() - start


def test_numbered_lines_parse_in_linear_time() -> None:
    def doc(n: int) -> str:
        return "LIJST VAN VRAGEN EN ANTWOORDEN\n" + "\n".join(
            f"{k}. Waarom stijgt post {k}?\nAntwoord\nDe post stijgt door loonkosten." for k in range(1, n + 1))

    _timed(doc(200))  # warm up
    small, large = min(_timed(doc(1000)) for _ in range(2)), min(_timed(doc(4000)) for _ in range(2))
    assert large < 4 * small * 2.5 + 0.05, (small, large)
    assert len(parse_text(doc(5000)).items) == 5000


# ---- PDF ----


def test_pdf_with_empty_pages_and_a_footer_only_page(tmp_path: Path) -> None:
    pdf = PdfMaker()
    pdf.page()  # empty
    p = pdf.page()
    p.text(70, 30, "Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196", size=7.5)
    p.text(520, 30, "2", size=7.5)
    p = pdf.page()
    y = 780.0
    for line in _LIJST.splitlines():
        p.text(70, y, line, size=10)
        y -= 14
    pdf.page()
    doc = parse_file(pdf.save(tmp_path / "leeg.pdf"))
    _check(doc, 12)
    assert doc.page_count == 4 and doc.items[0].pages[0] == 3


def test_pdf_of_only_empty_pages_is_a_named_error(tmp_path: Path) -> None:
    pdf = PdfMaker()
    pdf.page()
    pdf.page()
    with pytest.raises(IngestError) as info:
        parse_file(pdf.save(tmp_path / "leeg.pdf"))
    assert "leeg.pdf" in str(info.value)


def test_pdf_giant_paragraph_and_many_numbered_lines(tmp_path: Path) -> None:
    giant = " ".join(f"woord{k}" for k in range(6000))
    numbered = [f"{k}. Regel {k} van de opsomming." for k in range(1, 400)]
    doc = parse_file(flow_document([giant, *numbered], lines_per_page=60).save(tmp_path / "groot.pdf"))
    _check(doc)
    text = " ".join(it.question + " " + it.answer for it in doc.items)
    assert "woord5999" in text and "Regel 399 van de opsomming." in text


def test_damaged_pdf_bytes_give_a_document_or_a_named_error(tmp_path: Path) -> None:
    """Bytes flipped or cut anywhere in a valid (uncompressed) PDF: never another exception."""
    import random

    paras: list[str | tuple[str, float]] = ["LIJST VAN VRAGEN EN ANTWOORDEN"]
    for n in range(1, 9):
        paras += [f"{n}. Hoeveel kost regeling {n}?^{n}", "Antwoord", f"Regeling {n} kost {n} miljoen euro."]
    raws = [flow_document(paras, notes={n: f"Noot {n}." for n in range(1, 9)}, compress=c).to_bytes()
            for c in (False, True)]
    rng = random.Random(20261127)
    outcomes = {"document": 0, "error": 0}
    for k in range(80):
        raw = raws[k % 2]
        data = bytearray(raw)
        if k % 4 < 2:
            data = data[: rng.randrange(20, len(data))]
        else:
            for _ in range(rng.randrange(1, 30)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        path = tmp_path / f"kapot{k}.pdf"
        path.write_bytes(bytes(data))
        try:
            doc = parse_file(path, workers=1)
        except IngestError as exc:
            assert path.name in str(exc)
            outcomes["error"] += 1
        else:
            _check(doc)
            outcomes["document"] += 1
    assert outcomes["document"] > 0


def test_kamervragen_pdf_with_a_missing_answer(tmp_path: Path) -> None:
    paras: list[str | tuple[str, float]] = [
        "Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de regeling (ingezonden 1 maart 2024).",
        "Vraag 1", "Klopt het dat de regeling stopt?", "Vraag 2", "Hoeveel mensen raakt dat?",
        "Vraag 3", "Wilt u de Kamer informeren?",
        "Antwoord van Minister Van Rij (Financiën) (ontvangen 20 maart 2024).",
        "Antwoord 1", "Ja, per 1 januari 2025.", "Antwoord 3", "Dat doe ik voor de zomer.",
    ]
    doc = parse_file(flow_document(paras, footer=None).save(tmp_path / "ah-tk-20232024-1200.pdf"))
    assert doc.doc_type == "kamervragen"
    assert [(it.numbers, it.answer) for it in doc.items] == [([1], "Ja, per 1 januari 2025."),
                                                             ([3], "Dat doe ik voor de zomer.")]
    assert any("Vraag 2" in w for w in doc.warnings)


def test_pdf_declaring_an_absurd_xref_size_is_a_corrupt_file(tmp_path: Path) -> None:
    """pypdf refuses such a file with its own LimitReachedError: the user sees the Dutch CorruptFile."""
    import re

    from briefer.ingest import CorruptFile

    raw = re.sub(rb"xref\n0 \d+", b"xref\n0 1010000000000", flow_document(["Een regel."]).to_bytes())
    path = tmp_path / "groot.pdf"
    path.write_bytes(raw)
    with pytest.raises(CorruptFile) as info:
        parse_file(path)
    assert "groot.pdf" in str(info.value)


def test_pdf_line_far_wider_than_the_page(tmp_path: Path) -> None:
    pdf = PdfMaker()
    page = pdf.page()
    page.text(70, 780, "Inleiding", size=10)
    page.text(70, 765, " ".join(f"woord{k}" for k in range(800)), size=10)  # one text run, miles wide
    page.text(70, 750, "Slot.", size=10)
    doc = parse_file(pdf.save(tmp_path / "breed.pdf"))
    _check(doc)
    text = " ".join(it.question + " " + it.answer for it in doc.items)
    assert "woord0" in text and "woord799" in text and "Slot." in text
