"""Core: text helpers for the suggestion engine: sentences with offsets, matching forms.

Everything here is a pure function over strings. Sentences keep their offsets into the item's
field so an accepted suggestion can be highlighted exactly (`Annotations.add_highlight`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Protocol

from briefer.textutil import strip_footnote_markers

# Abbreviations after which a period does not end a sentence, even before a capital.
_NON_TERMINAL = {
    "o.a", "m.b.t", "t.a.v", "d.w.z", "bijv", "bv", "i.v.m", "resp", "incl", "ca", "mr", "dr",
    "prof", "nr", "nrs", "art", "blz", "p", "pp", "vs", "e.a", "t.b.v", "m.n", "i.p.v", "d.d",
    "ir", "drs", "ing", "jr", "st", "mw", "dhr", "zgn", "z.g", "a.s", "n.a.v", "o.b.v", "i.o.m",
    "c.q", "vgl", "evt", "max", "min", "mln", "mld", "mrd", "sr", "afd", "ea",
}

_BOUNDARY = re.compile(
    r"(?P<end>[.!?…]+[»”’\"')]*)(?P<notes>(?:\[\^\d+\])*)(?P<space>\s+)(?=[«“‘\"'(\[]?[A-ZÀ-Ý0-9])"
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# A hyphen between two lower-case letters; written to start with the hyphen, so the regex engine
# jumps from hyphen to hyphen instead of testing a look-behind at every character.
_SOFT_HYPHEN = re.compile(r"-(?<=[a-zà-ÿ]-)(?=[a-zà-ÿ])")


class ItemLike(Protocol):
    """Core: what the suggestion functions need of an item (ingest `Item` and `StoredItem` fit)."""

    number: int
    numbers: list[int]
    question: str
    answer: str


@dataclass(frozen=True)
class Sentence:
    """Core: a sentence of one field of an item, with offsets into that field's text."""

    field: str
    start: int
    end: int
    text: str


# Sized for the largest documents (15,000 items, two fields each): every detector splits the same
# fields again, and a cache smaller than the document is emptied before the next detector comes.
@functools.lru_cache(maxsize=65536)
def _split(text: str, field: str) -> tuple[Sentence, ...]:
    return tuple(_sentences(text, field))


def sentences(text: str, field: str = "answer") -> list[Sentence]:
    """Split `text` into sentences; each keeps its exact offsets (footnote markers stay inside)."""
    return list(_split(text, field))


def _sentences(text: str, field: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in _BOUNDARY.finditer(text):
        end_of_punct = m.end("end")
        if m.group("end") == "." and not m.group("notes"):
            before = _WORD_BEFORE.search(text, max(0, m.start("end") - 40), m.start("end"))
            word = before.group(1).lower().rstrip(".") if before else ""
            if word in _NON_TERMINAL or (len(word) == 1 and word.isalpha()):
                continue
            # "Kamerstuk 35 982, nr. 9. Next" ends; "nr. 9" inside a sentence has no capital after.
        stop = m.end("notes") if m.group("notes") else end_of_punct
        _append(out, text, pos, stop, field)
        pos = m.end("space")
    _append(out, text, pos, len(text), field)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, field: str) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if chunk:
        out.append(Sentence(field, start + lead, start + lead + len(chunk), chunk))


def quote_of(sentence: Sentence) -> Sentence:
    """The sentence without trailing footnote markers (what a user sees quoted)."""
    text = sentence.text
    trimmed = re.sub(r"(?:\[\^\d+\])+$", "", text).rstrip()
    return Sentence(sentence.field, sentence.start, sentence.start + len(trimmed), trimmed)


@functools.lru_cache(maxsize=262144)
def match_form(text: str) -> str:
    """Lower-case text for matching: markers removed, line-break hyphens closed, spaces collapsed.

    "econo-mische" -> "economische", "vertrou-welijk" -> "vertrouwelijk"; a real hyphen between
    words ("defensie-industrie") also closes, which only helps compound matching.
    """
    if "[^" in text:
        text = strip_footnote_markers(text)
    text = text.lower().replace("\u00ad", "")
    if "-" in text:
        text = _SOFT_HYPHEN.sub("", text)
    text = text.replace("\u00a0", " ").replace("’", "'")
    return _collapse_spaces(text)


def _collapse_spaces(text: str) -> str:
    r"""`re.sub(r"\s+", " ", text)`, about ten times faster (the regex replaced every single space)."""
    if not text:
        return text
    parts = text.split()
    if not parts:
        return " "
    out = " ".join(parts)
    if text[0].isspace():
        out = " " + out
    if text[-1].isspace():
        out += " "
    return out


TOKEN = re.compile(r"[a-zà-ÿ0-9]+(?:'[a-z]+)?")


def tokens(text: str) -> list[str]:
    """Word tokens of a `match_form` text."""
    return TOKEN.findall(text)
