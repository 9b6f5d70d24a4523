"""Core: lijst van vragen en antwoorden (feitelijke vragen): hundreds or thousands of numbered questions.

Layouts: "Vraag N" ... "Antwoord N" or "Antwoord op vraag N:" (`blocks.labelled`, also when the
answer has no label at all); "N. Vraagtekst ..." or the number alone on a line (in the margin or
above the question), then "Antwoord" and the answer (`blocks.numbered`). A lijst printed as a table
("Nr." | "Vraag" | "Antwoord") reaches this parser already in reading order, with an "Antwoord"
heading per row (see `briefer.ingest.table`). The cover block (title, committee, signatures) is
skipped.
"""

from __future__ import annotations

from briefer.ingest.blocks import numbered
from briefer.ingest.blocks.cover import cover_end
from briefer.ingest.blocks.labelled import ANTWOORD, labels, parse_labelled
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract
from briefer.ingest.types.base import POSSIBLE, SURE, DocumentType, Parsed, head_text
from briefer.model import DocType

_PRINTED = lazy(r"\bLIJST\s+VAN\s+VRAGEN\s+EN\s+ANTWOORDEN\b")
_TYPED = lazy(r"(?im)^\s*(?:Nr\.\s*\d+\s+)?Lijst\s+van\s+vragen\s+en\s+antwoorden\s*$")


def detect(ex: Extract) -> float:
    head = head_text(ex)
    if _PRINTED.search(head) or _TYPED.search(head):
        return SURE
    return POSSIBLE + 0.05 if numbered.answer_headings(ex.lines) >= 3 else 0.0


def parse(ex: Extract) -> Parsed:
    cover = cover_end(ex.lines)
    body = ex.lines[cover:]
    vraag, _ = labels(body)
    if vraag >= 2 or (vraag == 1 and any(ANTWOORD.match(ln.text) for ln in body)):
        items, _, warnings = parse_labelled(body)
    else:
        items, _, warnings = numbered.parse(body)
    return Parsed(items=items, warnings=warnings)


TYPE = DocumentType(DocType.VRAGEN_EN_ANTWOORDEN, detect, parse)
