"""Core: a letter (Kamerbrief), as the Kamerstuk print or as the ministry sends it.

The print: "Nr. 496 BRIEF VAN DE MINISTER VAN …", the addressee, "Den Haag, 28 januari 2025", the
text, the signature. The ministry's own PDF or Word file (Rijkshuisstijl): the return address and
the right-hand column (ministry, Datum, Kenmerk, Bijlage(n), "Pagina N van M") are furniture
(`briefer.ingest.pdfcolumn`); the addressee, "Datum", "Betreft" and "Geachte voorzitter," form the
head. The text in between becomes headed paragraphs (numbered or bold headings); the head gives
date, kenmerk, TK reference, addressee and subject, the closing lines the signature.
"""

from __future__ import annotations

import re

from briefer.ingest.blocks import letter
from briefer.ingest.blocks.labelled import labels
from briefer.ingest.blocks.sections import body_end, headed_items
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract, Line
from briefer.ingest.types.base import SURE, DocumentType, Parsed, head_text, read_letterhead
from briefer.model import DocType, Document

_PRINTED = lazy(r"(?m)^(?:Nr\.\s*\d+\s+)?BRIEF\s+VAN\s+(?:DE|HET|DEN)\s+[A-Z]")
_SALUTATION = lazy(r"^Geachte\s+(?:[Vv]oorzitter|heer|mevrouw|leden|[Mm]inister|[Ss]taatssecretaris|\w+)\b.*,?\s*$")
_SUBJECT = lazy(r"^(?:Betreft|Onderwerp)\b", re.IGNORECASE)
_PLACE_DATE = lazy(r"^(?:Den\s+Haag|[’']s-Gravenhage)\s*,?\s+\d{1,2}\s+\w+\s+\d{4}\s*$", re.IGNORECASE)
_TO_MINISTER = lazy(r"^Aan\s+(?:de|het)\s+(?:[Mm]inister|[Ss]taatssecretaris|[Ss]ecretaris-[Gg]eneraal|[Dd]irecteur)")
_PRINT_TITLE = lazy(r"^(?:Nr\.\s*\d+\s+)?(BRIEF\s+VAN\s+.*)$")


def detect(ex: Extract) -> float:
    head = head_text(ex, 60)
    questions = labels(ex.lines)
    answered = questions[0] >= 2 and questions[1] >= 1  # a letter answering numbered questions reads as such
    if _PRINTED.search(head):
        return SURE if not answered else 0.7
    lines = [ln.text for ln in ex.lines[:80]]
    if any(_SALUTATION.match(t) for t in lines):
        return 0.85 if not answered else 0.7
    letterhead = lines + ex.header[:60]
    addressee = letter.read_head(letterhead).addressee or ""
    if _TO_MINISTER.match(addressee):
        return 0.0  # a note to the minister (beslisnota), not a letter
    if any(_SUBJECT.match(t) for t in letterhead) and (addressee or any("Retouradres" in t for t in letterhead)):
        return 0.8 if not answered else 0.65
    return 0.0


def head_end(lines: list[Line]) -> int:
    """Index of the letter's first line of text (after the salutation, the date line or the subject)."""
    window = lines[:80]
    for i, ln in enumerate(window):
        if _SALUTATION.match(ln.text):
            return i + 1
    for i, ln in enumerate(window):
        if _PLACE_DATE.match(ln.text.strip()):
            return i + 1
    for i, ln in enumerate(window):
        if _SUBJECT.match(ln.text):
            j = i + 1
            while j < len(window) and not window[j].para:
                j += 1  # the subject runs on over the lines of its paragraph
            return j if window[i].text.split(maxsplit=1)[1:] else min(j + 1, len(window))
    for i, ln in enumerate(window[:20]):
        if _PRINT_TITLE.match(ln.text):
            j = i + 1
            while j < len(window) and not window[j].para:
                j += 1
            return j
    return 0


def parse(ex: Extract) -> Parsed:
    start = head_end(ex.lines)
    end, _ = body_end(ex.lines)
    items = headed_items(ex.lines[start:max(end, start + 1)])
    return Parsed(items=items, head_end=start)


def describe(doc: Document, ex: Extract, parsed: Parsed) -> None:
    head, facts = read_letterhead(doc, ex, parsed.head_end or 0)
    doc.date = facts.date or doc.date  # the letter's own date before the print's
    if facts.subject:
        doc.title = facts.subject
    else:
        printed = next((m.group(1) for t in head[:20] if (m := _PRINT_TITLE.match(t))), None)
        if printed and doc.title is None:
            doc.title = printed.capitalize()


TYPE = DocumentType(DocType.BRIEF, detect, parse, questions=False, describe=describe)
