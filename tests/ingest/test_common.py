"""Number lists, party names and cross-references as the parsers read them."""

from __future__ import annotations

import pytest

from briefer.ingest.structure.common import parse_numbers, party_in, refers_to, reports_question


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
