"""Core: what every document-type module offers the registry: a detector and a parser.

A type module defines `TYPE = DocumentType(name, detect, parse, ...)`. `detect(ex)` returns how
sure it is that the extract is of its type (0 = not at all, 1 = its title says so); `parse(ex)`
returns the items, parties and warnings, and where the document's head (the text metadata is read
from) ends. Type modules import building blocks (`briefer.ingest.blocks`) and this module only,
never each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefer.ingest.pages import Extract
from briefer.model import Document, Item

if TYPE_CHECKING:
    from briefer.ingest.blocks.letter import LetterFacts

SURE = 0.95  # the document's title names the type
LIKELY = 0.75  # its structure is typical of the type
POSSIBLE = 0.5  # some signs of the type
WEAK = 0.2  # hardly any sign; still better than nothing


@dataclass
class Parsed:
    """Core: a type parser's result."""

    items: list[Item] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    head_end: int | None = None  # index of the first body line after the head; None: the first 80 lines


@dataclass(frozen=True)
class DocumentType:
    """Core: one document type behind the registry: its name (a `DocType`), detector and parser.

    `questions` says whether the type is read as questions and answers (False: headed paragraphs);
    `describe(doc, ex, parsed)`, when given, fills the type's own metadata after the common fields.
    """

    name: str
    detect: Callable[[Extract], float]
    parse: Callable[[Extract], Parsed]
    questions: bool = True
    describe: Callable[[Document, Extract, Parsed], None] | None = None


def head_text(ex: Extract, lines: int = 120) -> str:
    """The first lines of the body and of the furniture: where titles and signals stand."""
    return "\n".join(ln.text for ln in ex.lines[:lines]) + "\n" + "\n".join(ex.header[:10])


def read_letterhead(doc: Document, ex: Extract, start: int) -> tuple[list[str], LetterFacts]:
    """What a letter or note says about itself, from its head (`ex.lines[:start]`) and letterhead:
    sets kenmerk, TK reference, addressee and signatory on `doc`; returns the head's lines and the
    facts (date and subject: each type decides how they weigh against the print)."""
    from briefer.ingest.blocks import letter
    from briefer.ingest.blocks.sections import body_end

    head = [ln.text for ln in ex.lines[:start]]
    facts = letter.read_head(head + ex.header)
    doc.kenmerk = facts.kenmerk
    doc.tk_reference = facts.tk_reference
    doc.addressee = facts.addressee
    _, doc.signed_by = body_end(ex.lines)
    return head, facts
