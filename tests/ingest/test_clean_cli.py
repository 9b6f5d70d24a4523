"""Clean-up rules and the `briefer parse` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.cli import main
from briefer.ingest.clean import fix_diacritics, is_furniture, join_lines
from briefer.ingest.pages import Line


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["de econo-", "mische groei"], "de economische groei"),
        (["de defensie-", "industrie"], "de defensie-industrie"),
        (["alle EU-", "lidstaten"], "alle EU-lidstaten"),
        (["de Covid-19-", "pandemie"], "de Covid-19-pandemie"),
        (["wet-", "en regelgeving"], "wet- en regelgeving"),
        (["landen-", "(groepen)"], "landen-(groepen)"),
        (["https://www.example.nl/", "pad/bestand.pdf"], "https://www.example.nl/pad/bestand.pdf"),
    ],
)
def test_dehyphenation(lines: list[str], expected: str) -> None:
    assert join_lines(lines) == expected


def test_paragraphs_are_kept() -> None:
    lines = [Line("Eerste alinea", 1, para=True), Line("loopt door.", 1), Line("Tweede.", 2, para=True)]
    assert join_lines(lines) == "Eerste alinea loopt door.\n\nTweede."


def test_split_diacritics() -> None:
    assert fix_diacritics("Kostic´ en Mutluer") == "Kostić en Mutluer"
    assert fix_diacritics("ge¨ınformeerd") == "geïnformeerd" or "ï" not in fix_diacritics("ge¨ınformeerd")


def test_furniture() -> None:
    assert is_furniture("Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196 5")
    assert is_furniture("Eerste Kamer, vergaderjaar 2023-2024, 36 410, B")
    assert is_furniture("12")
    assert not is_furniture("12", bare_numbers=False)
    assert not is_furniture("De Tweede Kamer heeft gesproken.")


def test_cli_json_and_outline(sample_txt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(sample_txt), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["doc_type"] == "schriftelijk_overleg" and len(data["items"]) == 41
    assert data["items"][0]["pages"] == [1, 2]
    assert main(["parse", str(sample_txt)]) == 0
    out = capsys.readouterr().out
    assert "Verslag schriftelijk overleg" in out and "Kamerstuk:    30 821, nr. 196" in out
    assert "VVD" in out and "11" in out


def test_footer_glued_to_a_line() -> None:
    from briefer.ingest.clean import split_footer

    assert split_footer("kunnen hebben.Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196 23") == (
        "kunnen hebben.", "Tweede Kamer, vergaderjaar 2022–2023, 30 821, nr. 196 23")
    citation = "zie Tweede Kamer, vergaderjaar 2021–2022, 30 821, nr. 150"
    assert split_footer(citation) == (citation, None)
