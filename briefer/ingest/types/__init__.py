"""Core: the registry of document types: recognise the type, hand the lines to its parser.

Each type lives in its own module (`vso`, `kamervragen`, `lijst`, `nota`, `brief`, `other`) and
offers a detector (how sure, 0–1) and a parser (`base.DocumentType`). `detect` asks every type and
takes the surest (earlier types win a tie); `build` parses with the detected type or with the one
the user chose, fills the metadata, and reads a document whose questions were not found as
paragraphs, with a warning. Type modules never import each other: what they share lives in
`briefer.ingest.blocks`.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.ingest import metadata
from briefer.ingest.blocks.cover import cover_end, member_list_apart
from briefer.ingest.blocks.fallback import paragraphs
from briefer.ingest.errors import UnknownType
from briefer.ingest.pages import Extract
from briefer.ingest.types import brief, kamervragen, lijst, nota, other, vso
from briefer.ingest.types.base import DocumentType, Parsed
from briefer.model import Document
from briefer.textutil import cited_footnotes

TYPES: tuple[DocumentType, ...] = (kamervragen.TYPE, vso.TYPE, lijst.TYPE, nota.TYPE, brief.TYPE, other.TYPE)
_BY_NAME = {t.name: t for t in TYPES}
UNSURE = 0.6  # below this the import says the type is a guess and how to choose another


def type_names() -> list[str]:
    """The names a user may choose (`briefer import --type ...`), in registry order."""
    return [str(t.name) for t in TYPES]


def by_name(name: str) -> DocumentType:
    """The registered type called `name` (UnknownType, a Dutch error, when there is none)."""
    found = _BY_NAME.get(str(name).strip().lower())
    if found is None:
        raise UnknownType(name, type_names())
    return found


def detect(ex: Extract) -> tuple[DocumentType, float]:
    """The surest type for this extract and how sure it is (0–1)."""
    best, score = TYPES[-1], -1.0
    for kind in TYPES:
        found = kind.detect(ex)
        if found > score:
            best, score = kind, found
    return best, max(score, 0.0)


def build(ex: Extract, source: str, path: Path | None = None, doc_type: str | None = None) -> Document:
    """A `Document` with metadata, items, footnotes and warnings; `doc_type` forces a type."""
    member_list_apart(ex)
    doc = Document(source=source, page_count=ex.page_count, footnotes=list(ex.footnotes))
    if doc_type is not None:
        kind, confidence = by_name(doc_type), 1.0
        doc.type_chosen = True
    else:
        kind, confidence = detect(ex)
    doc.doc_type = kind.name
    doc.type_confidence = round(confidence, 2)
    parsed = kind.parse(ex)
    head = "\n".join(ln.text for ln in ex.lines[:80])
    metadata.fill(doc, head, ex.header, path)
    if kind.describe is not None:
        kind.describe(doc, ex, parsed)
    warnings = list(parsed.warnings)
    if not parsed.items:
        if kind.questions:
            warnings.append("De vragen en antwoorden zijn niet herkend; het document is als alinea's ingelezen.")
        parsed = Parsed(items=paragraphs(ex.lines), parties=parsed.parties)
    doc.items = parsed.items
    doc.parties = parsed.parties or doc.parties
    if doc_type is None and confidence < UNSURE:
        warnings.append(
            f"Het documenttype is onzeker ({doc.type_label}); kies zo nodig een ander type "
            "(briefer import --type … of 'Opnieuw inlezen als…')."
        )
    cover = " ".join(ln.text for ln in ex.lines[:cover_end(ex.lines)])
    doc.warnings = warnings + _footnote_warnings(doc, cover)
    if doc.source and doc.identifier is None and re.fullmatch(r"ah-(?:tk|ek)-\d{8}-\d+", doc.source):
        doc.identifier = doc.source
    return doc


def _footnote_warnings(doc: Document, cover: str = "") -> list[str]:
    out: list[str] = []
    numbers = [f.number for f in doc.footnotes]
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        out.append("De voetnoten zijn niet doorlopend genummerd; controleer ze.")
    seen = {n for it in doc.items for n in cited_footnotes((it.heading or "") + " " + it.question + " " + it.answer)}
    seen |= set(cited_footnotes(cover))  # the committee's note on the cover
    missing = [n for n in numbers if n not in seen]
    if missing:
        out.append("Voetnootverwijzing niet gevonden in de tekst voor voetnoot " + ", ".join(map(str, missing[:10])) + ".")
    return out
