"""Core: any other document (memorie van toelichting, advies Raad van State en nader rapport, a
ministry's nota, notities): headed paragraphs with their footnotes, and a warning that no questions
were found.

A Kamerstuk's title block ("36 450 …", "Nr. 3 MEMORIE VAN TOELICHTING") and a note's head
("Aan de Minister van …", its title, "TER ONDERTEKENING", the paraph route) are metadata, not text;
so is the signature at the end. The letterhead column (Datum, Kenmerk) gives the date and reference.
"""

from __future__ import annotations

from briefer.ingest.blocks.labelled import labels
from briefer.ingest.blocks.sections import body_end, headed_items, is_heading, paragraphs
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract, Line
from briefer.ingest.types.base import POSSIBLE, WEAK, DocumentType, Parsed, head_text, read_letterhead
from briefer.model import DocType, Document

_TITLES = lazy(
    r"\b(?:MEMORIE\s+VAN\s+TOELICHTING|ADVIES\s+(?:AFDELING\s+ADVISERING\s+)?RAAD\s+VAN\s+STATE|NADER\s+RAPPORT"
    r"|VOORSTEL\s+VAN\s+WET|NOTA\s+VAN\s+WIJZIGING|VERSLAG(?!\s+VAN\s+EEN\s+(?:NADER\s+)?SCHRIFTELIJK))\b"
)
_NR_TITLE = lazy(r"^(?:Nr\.|NR\.)\s*\d+\s+[A-Z]")
_ACTION = lazy(r"\s*\bTER\s+(?:ONDERTEKENING|BESLUITVORMING|BESLISSING|INFORMATIE|ADVISERING|KENNISNAME|"
                     r"BESPREKING|AKKOORD)\b.*$")
_ADDRESSED = lazy(r"^Aan\s+(?:de|het)\s+\S")


def detect(ex: Extract) -> float:
    if _TITLES.search(head_text(ex)):
        return 0.9
    asked, answered = labels(ex.lines)
    if answered >= 2 or (asked and answered):
        return WEAK  # labelled questions and answers: another type's
    typed = any(ln.size is not None for ln in ex.lines[:50])
    headings = sum(1 for par in paragraphs(ex.lines[:400]) if is_heading(par, typed))
    return POSSIBLE + 0.1 if headings >= 2 else WEAK


def head_end(lines: list[Line]) -> int:
    """Index of the first line of text: after a Kamerstuk's title block or a note's head."""
    for i, ln in enumerate(lines[:20]):
        if ln.page == 1 and _NR_TITLE.match(ln.text):
            return i + 1
    pars = paragraphs(lines[:200])
    if not pars or not any(_ADDRESSED.match(p[0].text) for p in pars[:3]):
        return 0
    typed = any(ln.size is not None for ln in lines[:50])
    at = 0
    for k, par in enumerate(pars):
        if k and not is_heading(par, typed) and is_heading(pars[k - 1], typed):
            back = k - 1  # the note's first section heading: its head ends before it
            return at - len(pars[back])
        at += len(par)
    return 0


def parse(ex: Extract) -> Parsed:
    start = head_end(ex.lines)
    end, _ = body_end(ex.lines)
    items = headed_items(ex.lines[start:max(end, start + 1)])
    return Parsed(items=items, head_end=start,
                  warnings=["Geen vragen gevonden: het document is als kopjes met alinea's ingelezen."])


def describe(doc: Document, ex: Extract, parsed: Parsed) -> None:
    """A note's date, reference, addressee and title from its head and letterhead; the signature."""
    start = parsed.head_end or 0
    head, facts = read_letterhead(doc, ex, start)
    doc.date = doc.date or facts.date
    if facts.subject:
        doc.title = facts.subject
    elif doc.title is None and head:
        title = next((" ".join(ln.text for ln in par) for par in paragraphs(ex.lines[:start])
                      if not _ADDRESSED.match(par[0].text)), None)
        if title:
            doc.title = _ACTION.sub("", title).strip() or None


TYPE = DocumentType(DocType.OTHER, detect, parse, questions=False, describe=describe)
