"""Core: small text helpers every layer shares: Dutch month names and dates, footnote markers,
one-line shortening.

One place for what ingest (reading dates), suggest (resolving terms), export (writing dates) and
the CLI (listing rows) each used to spell out for themselves.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: tuple[str, ...] = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)
MONTH_NUMBERS: dict[str, int] = {name: number for number, name in enumerate(MONTHS, start=1)}
# For regular expressions: "januari|februari|...|december" (wrap it in a group yourself).
MONTH_PATTERN = "|".join(MONTHS)
ELLIPSIS = "…"
# How item text cites a footnote of its document: "[^3]" (the parse contract; see model.Footnote).
FOOTNOTE_MARKER = re.compile(r"\[\^(\d+)\]")


def strip_footnote_markers(text: str) -> str:
    """The text without its `[^N]` footnote markers."""
    return FOOTNOTE_MARKER.sub("", text)


def cited_footnotes(text: str) -> list[int]:
    """The footnote numbers `text` cites, in order of appearance (repeats kept)."""
    return [int(m.group(1)) for m in FOOTNOTE_MARKER.finditer(text)]


def dutch_date(value: date | str | None) -> str:
    """`27 november 2026`; ISO strings are parsed (other text is returned as it is); None gives ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def shorten(text: str, width: int) -> str:
    """`text` on one line (runs of white space become one space), cut to `width` characters with "…"."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + ELLIPSIS


# The opening every question of a fractie shares ("De leden van de VVD-fractie ...", "Deze leden ...").
_FRACTIE_OPENING = re.compile(
    r"^(?:(?:ook\s+)?(?:de|het)\s+(?:leden|lid)\s+van\s+de\s+\S+?(?:-fractie|\s+fractie)\s+"
    r"|deze\s+leden\s+|(?:de\s+)?leden\s+)", re.IGNORECASE)


def outline_snippet(question: str) -> str:
    """A question on one line without its shared opening, marked with "…" where it was cut:
    "De leden van de VVD-fractie vragen of ..." -> "…vragen of ..." (an outline row tells them apart)."""
    text = " ".join(question.split())
    short = _FRACTIE_OPENING.sub("", text, count=1)
    return ELLIPSIS + short if short and short != text else text
