"""Core: nota naar aanleiding van het verslag (and an Eerste Kamer memorie van antwoord).

The government's reply to the written report on a bill, by theme and fractie: each question of the
verslag is repeated, often with its number in the margin ("1", "5, 6 en 7", "Vraag 36"), then (not
always) a line "Antwoord" and the reply; several questions may share one reply (`blocks.margin`).
Without margin numbers the quoted questions are told from the replies by their wording and type
(`blocks.replies`). The signature ends the reply; a BIJLAGE after it (a table, its own notes) is
kept as headed paragraphs numbered after the last question.
"""

from __future__ import annotations

from briefer.ingest.blocks import letter
from briefer.ingest.blocks.common import PARTY_HEADING
from briefer.ingest.blocks.cover import cover_end
from briefer.ingest.blocks.margin import margin_labels, read_margin_numbered
from briefer.ingest.blocks.replies import FRACTIE, PART, THEME, read_replies
from briefer.ingest.blocks.sections import headed_items
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Extract, Line
from briefer.ingest.types.base import SURE, DocumentType, Parsed, head_text
from briefer.model import DocType, Document, Item

_TITLES = ("NOTA NAAR AANLEIDING VAN HET (?:(?:TWEEDE |DERDE )?NADER )?VERSLAG",
           # Eerste Kamer: the government's reply to the (nader) voorlopig verslag, answered like a nota
           "(?:NADERE )?MEMORIE VAN ANTWOORD")
# the title as printed (capitals, anywhere on the cover) or typed (a line of its own, any case)
_PRINTED = lazy("|".join(r"\b" + t.replace(" ", r"\s+") + r"\b" for t in _TITLES))
_TYPED = lazy(r"(?im)^\s*(?:Nr\.\s*\d+\s+|[A-Z]{1,2}\s+)?(?:"
                    + "|".join(t.replace(" ", r"\s+") for t in _TITLES) + r")\s*$")
_ANNEX = lazy(r"^(?:BIJLAGE|Bijlage)(?:\s+[0-9IVX]+)?\b")


def detect(ex: Extract) -> float:
    head = head_text(ex)
    return SURE if _PRINTED.search(head) or _TYPED.search(head) else 0.0


def _split_annex(lines: list[Line]) -> tuple[list[Line], list[Line], str | None]:
    """(the reply, a BIJLAGE after the signature, the signature)."""
    texts = [ln.text for ln in lines]
    from_ = max(0, int(len(lines) * 0.5))
    found = letter.signature_at(texts[from_:])
    if found is None:
        return lines, [], None
    at = from_ + found[0]
    rest = lines[at:]
    annex = next((i for i, ln in enumerate(rest) if _ANNEX.match(ln.text)), None)
    return lines[:at], (rest[annex:] if annex is not None else []), found[1]


def parse(ex: Extract) -> Parsed:
    body = ex.lines[cover_end(ex.lines):]
    reply, annex, _ = _split_annex(body)
    if len(margin_labels(reply)) >= 3:
        headings = [("fractie", FRACTIE), ("fractie", PARTY_HEADING), ("theme", THEME), ("theme", PART)]
        items, parties = read_margin_numbered(reply, headings)
        warnings: list[str] = []
    else:
        items, parties, warnings = read_replies(reply)
    if annex:
        top = max((n for it in items for n in it.numbers), default=0)
        extra: list[Item] = headed_items(annex, opening_line_is_text=False)
        for k, it in enumerate(extra, start=1):
            it.number, it.numbers = top + k, [top + k]
            it.heading = it.heading or "Bijlage"
        items += extra
    return Parsed(items=items, parties=parties, warnings=warnings)


def describe(doc: Document, ex: Extract, parsed: Parsed) -> None:
    _, _, doc.signed_by = _split_annex(ex.lines[cover_end(ex.lines):])


TYPE = DocumentType(DocType.NOTA_NAV_VERSLAG, detect, parse, describe=describe)
