"""Lijsten van vragen en antwoorden printed as a table ("Nr." | "Vraag" | "Antwoord"): the cells of
a row are read in order (number, question, answer), also where a row breaks across a page, under a
header row repeated on every page, with footnotes at the foot of the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.ingest import parse_file, parse_text
from briefer.ingest.table import header_columns
from tests.helpers.pdfmaker import PdfMaker, _wrap, table_document

_TITLE = ["Tweede Kamer der Staten-Generaal", "LIJST VAN VRAGEN EN ANTWOORDEN"]
_TAIL = " Het grootste deel ging naar gemeenten, de rest naar provincies en waterschappen die de uitvoering deden."


def _rows(count: int, numbered_question: bool = False) -> tuple[list[tuple[str, str, str]], dict[int, str]]:
    rows, notes = [], {}
    for n in range(1, count + 1):
        q = (f"Hoeveel middelen zijn in {2000 + n} voor maatregel {n} uitgegeven en welk deel ging naar "
             f"gemeenten? Kunt u dat per provincie uitsplitsen?")
        a = f"Voor maatregel {n} is in {2000 + n} ruim {n} miljoen euro uitgegeven." + _TAIL * (1 + n % 5)
        if n % 7 == 0:
            a += f" Zie de brief van {n} mei.^{n // 7}"
            notes[n // 7] = f"Kamerstuk 36 410 XVI, nr. {n}."
        rows.append((str(n), f"{n}. {q}" if numbered_question else q, a))
    return rows, notes


def _check(doc, count: int) -> None:  # type: ignore[no-untyped-def]
    assert doc.doc_type == "vragen_en_antwoorden"
    assert [it.number for it in doc.items] == list(range(1, count + 1))
    for it in doc.items:
        n = it.number
        assert it.question.startswith(f"Hoeveel middelen zijn in {2000 + n} voor maatregel {n} ")
        assert it.question.endswith("per provincie uitsplitsen?")
        assert "miljoen" not in it.question and "Antwoord" not in it.question
        assert it.answer.startswith(f"Voor maatregel {n} is in {2000 + n} ruim {n} miljoen euro uitgegeven.")
        assert it.answer.count("waterschappen") == 1 + n % 5, it.answer
        assert "uitsplitsen" not in it.answer and "Vraag" not in it.answer and "Nr." not in it.answer
        if n % 7 == 0:
            assert it.answer.endswith(f"Zie de brief van {n} mei.[^{n // 7}]")
        else:
            assert it.answer.endswith("uitvoering deden.")


def test_three_column_table_over_several_pages(tmp_path: Path) -> None:
    rows, notes = _rows(36)
    doc = parse_file(table_document(rows, title=_TITLE, notes=notes).save(tmp_path / "kst-36410-XVI-7.pdf"))
    _check(doc, 36)
    assert doc.page_count >= 4
    assert any(it.pages[0] < it.pages[1] for it in doc.items), "some row breaks across a page"
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 4, 5]
    for f in doc.footnotes:
        item = doc.items[7 * f.number - 1]
        assert f.text == f"Kamerstuk 36 410 XVI, nr. {item.number}."
        assert f.page == item.pages[1]
    assert doc.warnings == []


@pytest.mark.parametrize("header", [("Nr.", "Vraag", "Antwoord"), ("Vraag", "Antwoord")])
def test_header_row_on_the_first_page_only(tmp_path: Path, header: tuple[str, ...]) -> None:
    """Later pages run on in the first page's columns."""
    rows, notes = _rows(34, numbered_question=len(header) == 2)
    pdf = table_document(rows, header=header, title=_TITLE, notes=notes, header_every_page=False)
    doc = parse_file(pdf.save(tmp_path / "lijst.pdf"), workers=1)
    _check(doc, 34)
    assert doc.page_count >= 4


def test_text_with_wide_gaps_but_no_table_header_is_left_whole(tmp_path: Path) -> None:
    """Lines with a wide gap (a signature block, a small table in an answer) on a document without a
    table header row are not cut into cells."""
    pdf = PdfMaker()
    page = pdf.page()
    page.text(55, 790, "LIJST VAN VRAGEN EN ANTWOORDEN", size=10, style="b")
    y = 760.0
    for n in range(1, 6):
        for text in (f"{n} Wat kostte de regeling in {2020 + n}?", "Antwoord"):
            page.text(55, y, text, size=9)
            y -= 12
        for label, value in (("Uitgaven", f"{n} mln"), ("Ontvangsten", f"{n + 1} mln")):
            page.text(55, y, label, size=9)
            page.text(300, y, value, size=9)
            y -= 12
        y -= 8
    doc = parse_file(pdf.save(tmp_path / "lijst.pdf"))
    assert [it.number for it in doc.items] == [1, 2, 3, 4, 5]
    assert doc.items[1].answer == "Uitgaven 2 mln\n\nOntvangsten 3 mln" or \
        doc.items[1].answer.replace("\n\n", " ") == "Uitgaven 2 mln Ontvangsten 3 mln"


def test_two_column_table_number_leads_the_question(tmp_path: Path) -> None:
    rows, notes = _rows(32, numbered_question=True)
    pdf = table_document(rows, header=("Vraag", "Antwoord"), title=_TITLE, notes=notes)
    doc = parse_file(pdf.save(tmp_path / "lijst.pdf"))
    _check(doc, 32)
    assert any(it.pages[0] < it.pages[1] for it in doc.items)


def test_rows_with_paragraphs_and_a_numbered_list_in_the_answer(tmp_path: Path) -> None:
    rows, _ = _rows(30)
    rows[4] = (rows[4][0], rows[4][1], "1. Eerst de gemeenten. 2. Dan de provincies en 3. de rest.")
    doc = parse_file(table_document(rows, title=_TITLE).save(tmp_path / "lijst.pdf"))
    assert [it.number for it in doc.items] == list(range(1, 31))
    assert doc.items[4].answer == "1. Eerst de gemeenten. 2. Dan de provincies en 3. de rest."


@pytest.mark.parametrize(
    ("texts", "roles"),
    [
        ([("Nr.", 55), ("Vraag", 80), ("Antwoord", 318)], ["nr", "vraag", "antwoord"]),
        ([("Antwoord", 318), ("Vraag", 55)], ["vraag", "antwoord"]),
        ([("Nr.", 55), ("Vraag en  antwoord", 90)], ["nr", "beide"]),
        ([("Vraag", 55), ("Toelichting", 318)], None),
        ([("Vraag", 55), ("Vraag", 318)], None),
        ([("Vraag 12", 55), ("Antwoord", 318)], None),
    ],
)
def test_header_row_recognition(texts: list[tuple[str, float]], roles: list[str] | None) -> None:
    found = header_columns(texts, 700.0)
    assert (None if found is None else [r for r, _ in found.cells]) == roles


def test_plain_text_of_a_table_read_row_by_row_still_gives_a_document() -> None:
    """A text extraction of a table interleaves the columns line by line: without positions the
    cells cannot be told apart, but the import still gives the numbered rows, with their text."""
    lines = ["LIJST VAN VRAGEN EN ANTWOORDEN", "Nr. Vraag Antwoord"]
    for n in range(1, 31):
        lines += [f"{n} Hoeveel kost maatregel {n}? Maatregel {n} kost {n} miljoen", "Kunt u dat toelichten? euro per jaar."]
    doc = parse_text("\n".join(lines))
    assert doc.items
    text = " ".join(it.question + " " + it.answer for it in doc.items)
    assert all(f"Maatregel {n} kost {n} miljoen" in text for n in range(1, 31))


@pytest.mark.parametrize("label", [None, "Antwoord"])
def test_number_column_beside_question_and_answer_under_each_other(tmp_path: Path, label: str | None) -> None:
    """Header "Nr." | "Vraag en antwoord" on every page; the number in the narrow column, the question
    and then the answer below it in the wide column."""
    pdf = PdfMaker()
    state = {"page": None, "y": 0.0}

    def new_page() -> None:
        if state["page"] is not None:
            state["page"].text(55, 30, "Tweede Kamer, vergaderjaar 2023–2024, 36 410 XVI, nr. 7", size=7)
        state["page"] = pdf.page()
        state["y"] = 790.0
        if len(pdf.pages) == 1:
            state["page"].text(55, 790, "LIJST VAN VRAGEN EN ANTWOORDEN", size=10, style="b")
            state["y"] = 760.0
        state["page"].text(55, state["y"], "Nr.", size=9, style="b")
        state["page"].text(90, state["y"], "Vraag en antwoord", size=9, style="b")
        state["y"] -= 18

    new_page()
    rows, _ = _rows(30)
    for number, question, answer in rows:
        answer = answer.replace("^", "")
        for k, (text, _) in enumerate([(question, 0), *([(label, 0)] if label else []), (answer, 0)]):
            for i, line in enumerate(_wrap(text, 80)):
                if state["y"] < 70:
                    new_page()
                if k == 0 and i == 0:
                    state["page"].text(55, state["y"], number, size=9)
                state["page"].text(90, state["y"], line, size=9)
                state["y"] -= 11.5
            state["y"] -= 5
        state["y"] -= 6
    state["page"].text(55, 30, "Tweede Kamer, vergaderjaar 2023–2024, 36 410 XVI, nr. 7", size=7)
    doc = parse_file(pdf.save(tmp_path / "lijst.pdf"))
    assert [it.number for it in doc.items] == list(range(1, 31))
    for it in doc.items:
        assert it.question.endswith("per provincie uitsplitsen?") and "Vraag en antwoord" not in it.question
        assert it.answer.startswith(f"Voor maatregel {it.number} is")
        assert it.answer.count("waterschappen") == 1 + it.number % 5
        assert "Vraag en antwoord" not in it.answer and "Nr." not in it.answer


def test_table_parsing_grows_linearly(tmp_path: Path) -> None:
    import time

    def timed(count: int) -> float:
        rows, notes = _rows(count)
        path = table_document(rows, title=_TITLE, notes=notes).save(tmp_path / f"t{count}.pdf")
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            doc = parse_file(path, workers=1)
            best = min(best, time.perf_counter() - start)
        assert len(doc.items) == count
        return best

    small, large = timed(40), timed(160)
    assert large < 4 * small * 2.5 + 0.05, (small, large)
