"""Core: plain dataclasses shared by every layer (ingest, store, annotate, suggest, export, gui).

Nothing here touches a database, a file or Qt. Ingest produces a `Document`; the store keeps it and
hands back `StoredDocument` rows with ids; the annotation layer works on `Highlight`, `Note`,
`FollowUp` and `Domain`; export receives a `DocumentAnnotations` bundle and a ceiling `Level`.

The vocabularies (`DocType`, `Level`, `FollowUpKind`, `FollowUpStatus`, ...) and the records a
database read hands back (`StoredDocument`, `StoredItem`, `Footnote`, `Person`) live in
`briefer.records` and are re-exported here: import them from here, except in the store and the
CLI's reading commands, which import `briefer.records` so they start without the rest.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from briefer.records import (
    DEFAULT_LEVEL,
    DOC_TYPE_LABELS,
    PARAGRAPH_TYPES,
    DocType,
    FollowUpKind,
    FollowUpStatus,
    Footnote,
    Level,
    Person,
    StoredDocument,
    StoredItem,
    doc_type_label,
    document_name,
    has_questions,
    new_id,
    now_iso,
    people_label,
)

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from typing import Any

__all__ = [
    "DEFAULT_LEVEL", "DOC_TYPE_LABELS", "PARAGRAPH_TYPES", "DocType", "Document", "DocumentAnnotations", "Domain",
    "document_name", "FollowUp", "FollowUpKind", "FollowUpStatus", "Footnote", "Highlight", "Item", "Level", "Note", "Person",
    "StoredDocument", "StoredItem", "doc_type_label", "has_questions", "new_id", "now_iso", "people_label",
]


# --------------------------------------------------------------------------------------------
# Parsed documents (ingest -> store)
# --------------------------------------------------------------------------------------------


@dataclass
class Item:
    """Core: one answer with the question block it answers.

    `number` is the first question number, `numbers` every question the answer covers.
    `pages` holds the first and last page (1-based, as printed/PDF order) the item spans.
    `refers_to` lists item numbers this answer points to ("Zie het antwoord op vraag 30").
    For an unrecognised document each paragraph becomes an item with an empty question.
    """

    number: int
    question: str
    answer: str
    party: str | None = None
    numbers: list[int] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    refers_to: list[int] = field(default_factory=list)
    heading: str | None = None  # theme/section heading (nota, lijst) where the document has one

    def __post_init__(self) -> None:
        if not self.numbers:
            self.numbers = [self.number]


@dataclass
class Document:
    """Core: a parsed parliamentary document, ready to be stored (no ids yet)."""

    source: str
    doc_type: str = DocType.ONBEKEND
    identifier: str | None = None
    kamerstuk: str | None = None
    dossier: str | None = None
    ondernummer: str | None = None
    vergaderjaar: str | None = None
    title: str | None = None
    committee: str | None = None
    date: str | None = None  # ISO date of the document itself where given
    parties: list[str] = field(default_factory=list)
    asked_by: list[Person] | None = None
    answered_by: str | None = None
    date_sent: str | None = None
    date_received: str | None = None
    footnotes: list[Footnote] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    page_count: int = 0
    kenmerk: str | None = None  # the sender's reference ("Ons kenmerk", "Kenmerk": "DGBI-O / 89581779")
    tk_reference: str | None = None  # the Tweede Kamer's zaak number the document answers ("2024Z11859")
    addressee: str | None = None  # "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"
    signed_by: str | None = None  # the signature: "De Minister van Economische Zaken, M.A.M. Adriaansens"
    type_confidence: float = 1.0  # how sure the type detection was (0–1); 1.0 when the user chose the type
    type_chosen: bool = False  # the user chose the type (import --type, reparse)

    @property
    def type_label(self) -> str:
        """The Dutch name of the document's type."""
        return doc_type_label(self.doc_type)

    def to_json(self) -> dict[str, Any]:
        """The parse contract of `briefer parse FILE --json`."""
        return {
            "source": self.source,
            "doc_type": str(self.doc_type),
            "identifier": self.identifier,
            "kamerstuk": self.kamerstuk,
            "dossier": self.dossier,
            "ondernummer": self.ondernummer,
            "vergaderjaar": self.vergaderjaar,
            "title": self.title,
            "committee": self.committee,
            "date": self.date,
            "parties": list(self.parties),
            "asked_by": None if self.asked_by is None else [asdict(p) for p in self.asked_by],
            "answered_by": self.answered_by,
            "date_sent": self.date_sent,
            "date_received": self.date_received,
            "kenmerk": self.kenmerk,
            "tk_reference": self.tk_reference,
            "addressee": self.addressee,
            "signed_by": self.signed_by,
            "type_confidence": self.type_confidence,
            "type_chosen": self.type_chosen,
            "page_count": self.page_count,
            "footnotes": [asdict(f) for f in self.footnotes],
            "items": [
                {
                    "number": it.number,
                    "numbers": list(it.numbers),
                    "party": it.party,
                    "heading": it.heading,
                    "question": it.question,
                    "answer": it.answer,
                    "pages": list(it.pages),
                    "refers_to": list(it.refers_to),
                }
                for it in self.items
            ],
            "warnings": list(self.warnings),
        }

    @property
    def display_name(self) -> str:
        return document_name(self.kamerstuk, self.identifier, self.tk_reference, self.kenmerk, self.source)


# --------------------------------------------------------------------------------------------
# Annotations (annotate <-> store <-> export)
# --------------------------------------------------------------------------------------------


@dataclass
class Domain:
    """Core: a priority domain (prioritair terrein) with colour (#rrggbb) and keyboard digit."""

    id: str
    name: str
    colour: str
    key: int | None = None
    description: str = ""
    position: int = 0


@dataclass
class Highlight:
    """Core: a passage of an item's question or answer.

    Anchored by offsets (`start`, `end` into the field's text) *and* by quote (`exact` with
    `prefix`/`suffix` context, as the W3C TextQuoteSelector), so it can be re-found when the text
    moves. `orphaned` is set when a new document version no longer contains the passage.
    """

    id: str
    item_id: str
    field: str  # "question" | "answer"
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    domain_id: str | None = None
    note: str = ""
    level: Level = DEFAULT_LEVEL
    orphaned: bool = False
    created: str = ""
    updated: str = ""


@dataclass
class Note:
    """Core: a Markdown note on an item, or on a document (item_id None: the "Kern")."""

    id: str
    document_id: str
    item_id: str | None
    body: str
    level: Level = DEFAULT_LEVEL
    created: str = ""
    updated: str = ""


@dataclass
class FollowUp:
    """Core: a vervolgactie on an item (optionally on one of its highlights)."""

    id: str
    item_id: str
    text: str
    kind: FollowUpKind = FollowUpKind.OVERIG
    owner: str = ""
    due: str | None = None  # ISO date
    status: FollowUpStatus = FollowUpStatus.OPEN
    level: Level = DEFAULT_LEVEL
    highlight_id: str | None = None
    created: str = ""
    updated: str = ""


@dataclass
class DocumentAnnotations:
    """Core: everything export needs about one document: its items and every annotation.

    The store fills it (`Annotations.bundle(doc_id)`); export filters it by a ceiling. Tests
    may build one directly.
    """

    document: StoredDocument
    items: list[StoredItem]
    footnotes: list[Footnote]
    domains: list[Domain]
    item_domains: dict[str, list[str]]  # item_id -> [domain_id, ...] in taxonomy order
    highlights: list[Highlight]
    notes: list[Note]  # item notes and the document note (item_id None)
    followups: list[FollowUp]
