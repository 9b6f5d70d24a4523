"""Core: a document without questions as headed paragraphs: one item per paragraph, under its heading.

A heading is a short paragraph of its own (one or two lines, no sentence end): in a file with type
information set in bold (or in italics when numbered, as subparagraphs "2.1 …" are); without type
information, numbered ("I. Algemeen deel", "2.1 Doel", "§ 3", "Artikel 5"), in capitals, or a short
capitalised line of its own ("Inleiding"). Headings that follow each other without text between
them ("I. Algemeen deel", "1. Inleiding") are kept together as one heading "I. Algemeen deel ›
1. Inleiding", so none is lost. A list item ("1. …", "- …") in a file with type information is text.
"""

from __future__ import annotations

import re

from briefer.ingest.clean import join_lines
from briefer.ingest.lazyre import lazy
from briefer.ingest.pages import Line
from briefer.model import Item

CHAIN = " › "
_NUMBERED = lazy(
    r"^(?:[IVXLC]{1,6}\.?|\d{1,2}(?:\.\d{1,2}){0,3}\.?|§\s*\d+(?:\.\d+)*\.?|[A-H]\.)\s+\S"
    r"|^(?:Artikel|ARTIKEL|Hoofdstuk|HOOFDSTUK|Paragraaf|Bijlage|BIJLAGE)\s+[0-9IVXLCA-Z]+[a-z]?\b"
)
_CAPS = lazy(r"^(?=[^a-z]*[A-Z]{3})[^a-z]{4,}$")
_LIST = lazy(r"^[•\-–—▪◦]\s")


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into paragraphs at their `para` flags."""
    out: list[list[Line]] = []
    for line in lines:
        if line.para or not out:
            out.append([])
        out[-1].append(line)
    return out


def is_heading(par: list[Line], typed: bool, body: float | None = None) -> bool:
    """Is this paragraph a heading? `typed`: the file says which lines are bold and italic; `body`:
    the text's font size (a larger one marks a heading)."""
    text = " ".join(ln.text for ln in par).strip()
    if not text or len(par) > 2 or len(text) > 130 or _LIST.match(text):
        return False
    if text.rstrip()[-1:] in ".;,:?!" and not re.fullmatch(r"[IVXLC]{1,6}\.|\d{1,2}\.", text.strip()):
        return False
    numbered = bool(_NUMBERED.match(text))
    if typed:
        if all(ln.bold for ln in par):
            return True
        if body and all(ln.size and ln.size > 1.12 * body for ln in par):
            return True
        return numbered and all(ln.italic for ln in par) and len(text.split()) <= 14
    if numbered or _CAPS.match(text):
        return len(text.split()) <= 16
    return len(text) <= 70 and len(text.split()) <= 8 and text[:1].isupper() and "," not in text


def headed_items(lines: list[Line], *, opening_line_is_text: bool = True) -> list[Item]:
    """One item per paragraph (`answer` holds its text), `heading` set from the headings above it.

    A document whose only heading-like paragraph is its first (a note's title line) reads that line
    as its first paragraph, unless `opening_line_is_text` is False (an annex opening with "BIJLAGE").
    """
    typed = any(ln.bold or ln.italic for ln in lines) and any(ln.size is not None for ln in lines) \
        or sum(1 for ln in lines if ln.bold) >= 2
    sizes = sorted(ln.size for ln in lines if ln.size)
    body = sizes[len(sizes) // 2] if sizes else None
    pars = paragraphs(lines)
    heads = [is_heading(par, typed, body) and k + 1 < len(pars) for k, par in enumerate(pars)]
    if opening_line_is_text and heads and heads[0] and sum(heads) == 1:
        heads[0] = False  # a note's one short opening line is its title, read as its first paragraph
    items: list[Item] = []
    heading: str | None = None
    chain: list[str] = []  # headings met since the last paragraph of text
    for k, par in enumerate(pars):
        if heads[k]:
            chain.append(join_lines(par, paragraphs=False))
            continue
        if chain:
            heading, chain = CHAIN.join(chain), []
        text = join_lines(par)
        if text.strip():
            items.append(Item(number=len(items) + 1, question="", answer=text, heading=heading,
                              pages=[par[0].page, par[-1].page]))
    return items


_CLOSING = lazy(r"^(?:Hoogachtend|Met\s+(?:vriendelijke|hoogachtende)\s+groet(?:en)?|Met\s+de\s+meeste\s+hoogachting)\s*,?$",
                      re.IGNORECASE)


def body_end(lines: list[Line]) -> tuple[int, str | None]:
    """Where the text ends: before the closing formula and signature near the end ("Hoogachtend,",
    "De Minister van …," and a name), and the signature as "Role, Name" (None without one)."""
    from briefer.ingest.blocks.letter import signature_at

    tail_from = max(0, len(lines) - 12)
    found = signature_at([ln.text for ln in lines[tail_from:]])
    if found is None:
        return len(lines), None
    end = tail_from + found[0]
    while end > 0 and _CLOSING.match(lines[end - 1].text.strip()):
        end -= 1
    return end, found[1]
