"""The shared text helpers: Dutch dates and months, one-line shortening, user-facing errors."""

from __future__ import annotations

import re
from datetime import date

from briefer.cli import UserError
from briefer.errors import BrieferError, is_user_facing
from briefer.model import Person
from briefer.store import DatabaseBusy, StoreError
from briefer.textutil import MONTH_NUMBERS, MONTH_PATTERN, MONTHS, dutch_date, shorten


def test_months_agree_with_each_other():
    assert len(MONTHS) == 12 and MONTH_NUMBERS["januari"] == 1 and MONTH_NUMBERS["december"] == 12
    assert all(MONTHS[MONTH_NUMBERS[m] - 1] == m for m in MONTHS)
    assert re.fullmatch(MONTH_PATTERN, "september") and not re.fullmatch(MONTH_PATTERN, "sept")


def test_dutch_date():
    assert dutch_date(date(2026, 3, 1)) == "1 maart 2026"
    assert dutch_date("2025-12-31T10:00:00") == "31 december 2025"
    assert dutch_date("na de zomer") == "na de zomer" and dutch_date(None) == "" and dutch_date("") == ""


def test_shorten_keeps_one_line_within_width():
    assert shorten("  kort\n en  goed ", 20) == "kort en goed"
    long = "woord " * 30
    out = shorten(long, 25)
    assert len(out) <= 25 and out.endswith("…") and "\n" not in out
    assert not out[:-1].endswith(" ")  # no space before the ellipsis
    assert long.startswith(out[:-1])


def test_person_label():
    assert Person("A. Kamerlid", "D66").label == "A. Kamerlid (D66)"
    assert Person("B. Lid").label == "B. Lid"


def test_store_and_cli_errors_are_user_facing():
    assert is_user_facing(DatabaseBusy("bezet")) and issubclass(StoreError, BrieferError)
    assert is_user_facing(UserError("fout"))
    assert not is_user_facing(ValueError("bug"))


def test_outline_snippet_drops_the_shared_fractie_opening():
    from briefer.textutil import outline_snippet

    assert outline_snippet("De leden van de VVD-fractie vragen of het kabinet  iets doet.") == \
        "…vragen of het kabinet iets doet."
    assert outline_snippet("Deze leden lezen dat er een brief komt.") == "…lezen dat er een brief komt."
    # a question that does not open that way is left alone
    assert outline_snippet("Japan is eerder al slachtoffer geworden.") == "Japan is eerder al slachtoffer geworden."
