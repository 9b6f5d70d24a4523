"""Number lists, party names and cross-references as the parsers read them."""

from __future__ import annotations

import pytest

from briefer.ingest.blocks.common import parse_numbers, party_in, refers_to, reports_question


@pytest.mark.parametrize(("text", "expected"), [
    ("3, 4 en 5", [3, 4, 5]), ("5 en 6", [5, 6]), ("2 t/m 4", [2, 3, 4]), ("7", [7]), ("1, 1 en 2", [1, 2]),
])
def test_parse_numbers(text: str, expected: list[int]) -> None:
    assert parse_numbers(text) == expected


@pytest.mark.parametrize(("text", "party"), [
    ("Vragen en opmerkingen van de leden van de VVD-fractie", "VVD"),
    ("De leden van de fractie van de SGP vragen", "SGP"),
    ("Het lid Omtzigt van de NSC-fractie vraagt", "NSC"),
    ("De leden van de GroenLinks-PvdA-fractie", "GroenLinks-PvdA"),
    ("de leden van de fracties van GroenLinks en PvdA", "GroenLinks-PvdA"),
    ("De leden van de ChristenUnie-fractie", "ChristenUnie"),
    ("Het kabinet antwoordt.", None),
])
def test_party_in(text: str, party: str | None) -> None:
    assert party_in(text) == party


def test_refers_to() -> None:
    assert refers_to("Zie het antwoord op vraag 30.", [39]) == [30]
    assert refers_to("Ik verwijs naar mijn antwoord op de vragen 2 en 3.", [4]) == [2, 3]
    assert refers_to("Zie de beantwoording bij vraag 5.", [5]) == []
    assert refers_to("Het antwoord is ja.", [1]) == []


def test_reports_question() -> None:
    assert reports_question("De leden van de D66-fractie vragen of dat klopt.")
    assert reports_question("Ook vragen deze leden hoe dat zit.")
    assert not reports_question("De regering dankt de leden van de D66-fractie voor hun vragen.")
    assert not reports_question("Het kabinet deelt de zorg.")


def _lines(*texts: str, bold: int = 0) -> list:
    from briefer.ingest.pages import Line

    return [Line(t, 1, bold=i < bold) for i, t in enumerate(texts)]


@pytest.mark.parametrize(("texts", "expected"), [
    (("Deelt u die mening? Zo", "nee, waarom niet?", "Ik deel die mening niet."), 2),  # the next sentence asks too
    (("Kunt u de kosten noemen? Zo ja, welke? (blz. 5)", "De kosten staan in tabel 2."), 1),  # page reference
    (("Kent u het bericht «Geen water»?[^4]", "Ja."), 1),  # footnote marker after the question mark
    (("Hoeveel kost het", "project?", "Veel.", "Meer dan gedacht?"), 2),
    (("Graag een overzicht van de kosten.", "Dat overzicht volgt."), None),  # no question mark at all
])
def test_question_end(texts: tuple[str, ...], expected: int | None) -> None:
    from briefer.ingest.blocks.common import question_end

    assert question_end(_lines(*texts)) == expected


def test_question_end_prefers_a_change_from_bold_to_upright() -> None:
    from briefer.ingest.blocks.common import question_end

    assert question_end(_lines("Graag een overzicht", "van de kosten.", "Dat overzicht volgt.", bold=2)) == 2


@pytest.mark.parametrize(("answer", "expected"), [
    ("Zie antwoord 2.", [2]),
    ("Zie ook het antwoord op 5, 6 en 7.", [5, 6, 7]),
    ("Zie het antwoord van 2023 op de motie.", []),  # a year
    ("Zie het antwoord van 12,5 procent.", []),  # a decimal
])
def test_refers_to_without_the_word_vraag(answer: str, expected: list[int]) -> None:
    assert refers_to(answer, [1]) == expected
