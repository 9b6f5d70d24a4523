"""Core: recognise the document family and hand the lines to its parser.

Families: verslag schriftelijk overleg (vso), antwoorden op Kamervragen (kamervragen), lijst van
vragen en antwoorden (lijst), nota naar aanleiding van het verslag (nota). A document that fits
none becomes paragraphs with a warning (fallback).
"""

from __future__ import annotations

import re
from pathlib import Path

from briefer.ingest import metadata
from briefer.ingest.clean import join_lines
from briefer.ingest.pages import Extract, Line
from briefer.ingest.structure import fallback, kamervragen, lijst, nota, vso
from briefer.model import DocType, Document, Footnote
from briefer.textutil import cited_footnotes

_AANHANGSEL = re.compile(
    r"Aanhangsel\s+van\s+de\s+Handelingen|Vragen\s+gesteld\s+door\s+de\s+leden\s+der\s+Kamer"
    r"|\bah-(?:tk|ek)-\d{8}-\d+\b|\bvergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s*Aanhangsel\b"
)

# weaker: the opening sentence of Kamervragen, when no title says otherwise
_ASKED = re.compile(r"^Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s[^\n]{0,400}?\(ingezonden\s", re.M)
_TITLES = [
    ("VERSLAG VAN EEN (?:NADER )?SCHRIFTELIJK OVERLEG", DocType.SCHRIFTELIJK_OVERLEG),
    ("LIJST VAN VRAGEN EN ANTWOORDEN", DocType.VRAGEN_EN_ANTWOORDEN),
    ("NOTA NAAR AANLEIDING VAN HET (?:(?:TWEEDE |DERDE )?NADER )?VERSLAG", DocType.NOTA_NAV_VERSLAG),
    # Eerste Kamer: the government's reply to the (nader) voorlopig verslag, answered like a nota
    ("(?:NADERE )?MEMORIE VAN ANTWOORD", DocType.NOTA_NAV_VERSLAG),
]
# the title as printed (capitals, anywhere on the cover) or typed (a line of its own, any case); an
# Eerste Kamer title follows its letter ondernummer ("C MEMORIE VAN ANTWOORD")
_TITLE_PATTERNS = [
    (re.compile(r"\b" + t.replace(" ", r"\s+") + r"\b"), kind) for t, kind in _TITLES
] + [
    (re.compile(r"(?im)^\s*(?:Nr\.\s*\d+\s+|[A-Z]{1,2}\s+)?" + t.replace(" ", r"\s+") + r"\s*$"), kind)
    for t, kind in _TITLES
]


def detect(ex: Extract) -> str:
    """The document type, from its title words first and its headings second."""
    head = "\n".join(ln.text for ln in ex.lines[:120]) + "\n" + "\n".join(ex.header[:10])
    if _AANHANGSEL.search(head):
        return DocType.KAMERVRAGEN
    for pattern, kind in _TITLE_PATTERNS:
        if pattern.search(head):
            return kind
    if _ASKED.search(head):
        return DocType.KAMERVRAGEN
    if vso.looks_like(ex.lines):
        return DocType.SCHRIFTELIJK_OVERLEG
    if kamervragen.looks_like(ex.lines):
        return DocType.KAMERVRAGEN
    if lijst.looks_like(ex.lines):
        return DocType.VRAGEN_EN_ANTWOORDEN
    return DocType.ONBEKEND


def build(ex: Extract, source: str, path: Path | None = None) -> Document:
    """A `Document` with metadata, items, footnotes and warnings."""
    _member_list_apart(ex)
    doc = Document(source=source, page_count=ex.page_count, footnotes=list(ex.footnotes))
    kind = detect(ex)
    doc.doc_type = kind
    warnings: list[str] = []
    items = []
    parties: list[str] = []
    start = len(ex.lines)
    cover = 0 if kind == DocType.KAMERVRAGEN else cover_end(ex.lines)
    body = ex.lines[cover:]  # a Kamerstuk's cover block (title, intro, signatures) holds no questions
    if kind == DocType.SCHRIFTELIJK_OVERLEG:
        items, parties, warnings = vso.parse(body)
    elif kind == DocType.KAMERVRAGEN:
        items, start, warnings = kamervragen.parse(ex.lines)
    elif kind == DocType.VRAGEN_EN_ANTWOORDEN:
        items, start, warnings = lijst.parse(body)
        start += cover
    elif kind == DocType.NOTA_NAV_VERSLAG:
        items, parties, warnings = nota.parse(body)
    head_lines = ex.lines[: min(start, 80)] if kind == DocType.KAMERVRAGEN else ex.lines[:80]
    head = "\n".join(ln.text for ln in head_lines)
    metadata.fill(doc, head, ex.header, path)
    if kind == DocType.KAMERVRAGEN:
        extra = ""
        if "Antwoord van" not in head:  # older layout: the answer line follows the questions
            for i, ln in enumerate(ex.lines[:2000]):
                if re.match(r"^(?:Antwoord|Mededeling)\s+van\s", ln.text):
                    extra = "\n".join(x.text for x in ex.lines[i:i + 3])
                    break
        metadata.fill_kamervragen(doc, head + "\n" + extra)
    if not items:
        if kind != DocType.ONBEKEND:
            warnings.append("De vragen en antwoorden zijn niet herkend; het document is als alinea's ingelezen.")
        else:
            warnings.append("Documenttype niet herkend; het document is als alinea's ingelezen.")
        items = fallback.paragraphs(ex.lines)
    doc.items = items
    doc.parties = parties or doc.parties
    cover_text = " ".join(ln.text for ln in ex.lines[:cover])
    doc.warnings = warnings + _footnote_warnings(doc, cover_text)
    if doc.source and doc.identifier is None and re.fullmatch(r"ah-(?:tk|ek)-\d{8}-\d+", doc.source):
        doc.identifier = doc.source
    return doc


_MEMBERS = re.compile(r"^(?:(\d{1,2})\s+)?Samenstelling\s*:")


def _member_list_apart(ex: Extract) -> None:
    """The cover note listing the committee's members, when a reader left it in the text: make it
    the note it is, so its names and parties never reach an item or the fractie list."""
    for i, ln in enumerate(ex.lines[:400]):
        if ln.page > 2:
            return
        m = _MEMBERS.match(ln.text)
        if not m:
            continue
        end = i + 1
        while end < len(ex.lines) and end - i < 20 and ex.lines[end].page == ln.page and (
            "(" in ex.lines[end].text or not ex.lines[end - 1].text.rstrip().endswith(".")
            or ex.lines[end].text[:1].islower()
        ):
            end += 1
        text = join_lines([x.text for x in ex.lines[i:end]], paragraphs=False)
        del ex.lines[i:end]
        if i < len(ex.lines):
            ex.lines[i].para = True
        numbers = {f.number for f in ex.footnotes}
        number = int(m.group(1)) if m.group(1) else 1
        if number not in numbers:
            text = text[m.end(1):].strip() if m.group(1) else text
            ex.footnotes.insert(sum(1 for n in numbers if n < number), Footnote(number, text, ln.page))
        return


# the last lines of a Kamerstuk's cover: the clerk's signature, or the sentence before the questions
_CLERK = re.compile(
    r"^(?:De\s+)?(?:[Aa]djunct-|[Pp]lv\.\s+|[Ww]aarnemend\s+)?[Gg]riffier\s+van\s+de\s+(?:vaste\s+)?commissie\s*,\s*(.*)$"
)
_PRINTED = re.compile(r"\b(?:hierna|hieronder)\s+afgedrukt\.?$")
_NAME = re.compile(r"^[A-Z][\w’'. -]{1,40}$")


def cover_end(lines: list[Line]) -> int:
    """Index of the first line after a Kamerstuk's cover block on its first pages, 0 without one.

    The cover ends with the clerk's signature ("De griffier van de commissie," and a name, on one
    line or two) or, without signatures, with "Vragen en antwoorden zijn hierna afgedrukt."
    """
    end = 0
    for i, ln in enumerate(lines[:100]):
        if ln.page > 2:
            break
        m = _CLERK.match(ln.text)
        if m and len(ln.text) < 90:
            end = i + 1
            if not m.group(1).strip() and i + 1 < len(lines) and _NAME.match(lines[i + 1].text):
                end = i + 2
            break
        if _PRINTED.search(ln.text):
            end = i + 1
    return end


def _footnote_warnings(doc: Document, cover: str = "") -> list[str]:
    out: list[str] = []
    numbers = [f.number for f in doc.footnotes]
    if numbers and numbers != list(range(1, len(numbers) + 1)):
        out.append("De voetnoten zijn niet doorlopend genummerd; controleer ze.")
    seen = {n for it in doc.items for n in cited_footnotes(it.question + " " + it.answer)}
    seen |= set(cited_footnotes(cover))  # the committee's note on the cover
    missing = [n for n in numbers if n not in seen]
    if missing:
        out.append("Voetnootverwijzing niet gevonden in de tekst voor voetnoot " + ", ".join(map(str, missing[:10])) + ".")
    return out
