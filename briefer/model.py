"""Core: plain dataclasses shared by every layer (ingest, store, annotate, suggest, export, gui).

Nothing here touches a database, a file or Qt. Ingest produces a `Document`; the store keeps it and
hands back `StoredDocument` rows with ids; the annotation layer works on `Highlight`, `Note`,
`FollowUp` and `Domain`; export receives a `DocumentAnnotations` bundle and a ceiling `Level`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from typing import Any


def new_id() -> str:
    """A fresh UUID4 string: every row a user (or an import) makes gets one."""
    import uuid  # here, not at the top: reading commands never pay for it (CLI start-up)

    return str(uuid.uuid4())


def now_iso() -> str:
    """UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class DocType(StrEnum):
    """Core: the kinds of parliamentary documents Briefer recognises."""

    SCHRIFTELIJK_OVERLEG = "schriftelijk_overleg"
    KAMERVRAGEN = "kamervragen"
    VRAGEN_EN_ANTWOORDEN = "vragen_en_antwoorden"
    NOTA_NAV_VERSLAG = "nota_naar_aanleiding_van_verslag"
    BRIEF = "brief"  # a letter: Kamerbrief as printed or as the ministry sends it
    OTHER = "other"  # headed paragraphs: memorie van toelichting, Raad van State advice, notes
    ONBEKEND = "onbekend"  # documents stored before types without questions were recognised


DOC_TYPE_LABELS: dict[str, str] = {
    DocType.SCHRIFTELIJK_OVERLEG: "Verslag schriftelijk overleg",
    DocType.KAMERVRAGEN: "Antwoorden op Kamervragen",
    DocType.VRAGEN_EN_ANTWOORDEN: "Lijst van vragen en antwoorden",
    DocType.NOTA_NAV_VERSLAG: "Nota naar aanleiding van het verslag",
    DocType.BRIEF: "Brief",
    DocType.OTHER: "Ander document (kopjes en alinea's)",
    DocType.ONBEKEND: "Onbekend documenttype",
}
# types read as headed paragraphs rather than questions and answers
PARAGRAPH_TYPES = frozenset({DocType.BRIEF, DocType.OTHER, DocType.ONBEKEND})


class Level(StrEnum):
    """Core: confidentiality level of an annotation; ordered, exports use one as a ceiling."""

    OPENBAAR = "openbaar"
    INTERN = "intern"
    VERTROUWELIJK = "vertrouwelijk"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]

    def allows(self, other: Level | str) -> bool:
        """True when material at level `other` may appear under this ceiling."""
        return Level(other).rank <= self.rank

    @classmethod
    def parse(cls, value: str | Level | None) -> Level:
        """Parse a level; refuses None and unknown values (an annotation always has a level)."""
        if value is None:
            raise ValueError("niveau ontbreekt")
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            raise ValueError(
                f"onbekend niveau {value!r}: kies openbaar, intern of vertrouwelijk"
            ) from None


def has_questions(doc_type: str | None) -> bool:
    """True for types read as questions and answers; False for letters and other headed paragraphs."""
    return str(doc_type or DocType.ONBEKEND) not in PARAGRAPH_TYPES


def doc_type_label(doc_type: str) -> str:
    """The Dutch name of a document type ("Verslag schriftelijk overleg"); unknown types as they are."""
    return DOC_TYPE_LABELS.get(doc_type, doc_type)


_LEVEL_RANK = {Level.OPENBAAR: 0, Level.INTERN: 1, Level.VERTROUWELIJK: 2}
DEFAULT_LEVEL = Level.INTERN


class FollowUpKind(StrEnum):
    """Core: what a vervolgactie is."""

    SCHRIFTELIJKE_VRAGEN = "schriftelijke vragen"
    MOTIE = "motie"
    VRAAG_IN_DEBAT = "vraag in debat"
    TECHNISCHE_BRIEFING = "technische briefing aanvragen"
    TOEZEGGING = "toezegging bewaken"
    OVERIG = "overig"


class FollowUpStatus(StrEnum):
    """Core: progress of a vervolgactie."""

    OPEN = "open"
    LOOPT = "loopt"
    AFGEROND = "afgerond"


# --------------------------------------------------------------------------------------------
# Parsed documents (ingest -> store)
# --------------------------------------------------------------------------------------------


@dataclass
class Footnote:
    """Core: a footnote of the source document; markers in text read `[^N]`."""

    number: int
    text: str
    page: int | None = None


@dataclass
class Person:
    """Core: a member who asked (Kamervragen)."""

    name: str
    party: str | None = None

    @property
    def label(self) -> str:
        """The member as people write them: "Name (Party)", or the name alone without a party."""
        return f"{self.name} ({self.party})" if self.party else self.name


def people_label(people: list[Person] | None) -> str:
    """Who asked, on one line: "Mutluer (GroenLinks-PvdA), Kostić (PvdD)"."""
    return ", ".join(p.label for p in people or [])


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
        if self.kamerstuk:
            return f"Kamerstuk {self.kamerstuk}"
        return self.identifier or self.source


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
class StoredItem:
    """Core: an item as stored, with its UUID and position, for annotation and display."""

    id: str
    document_id: str
    number: int
    numbers: list[int]
    party: str | None
    question: str
    answer: str
    page_first: int | None
    page_last: int | None
    position: int
    refers_to: list[int] = field(default_factory=list)
    heading: str | None = None

    def text(self, field_name: str) -> str:
        if field_name not in ("question", "answer"):
            raise ValueError(f"onbekend veld {field_name!r}")
        return getattr(self, field_name)

    @property
    def pages_label(self) -> str:
        if self.page_first is None:
            return ""
        if self.page_last in (None, self.page_first):
            return f"p. {self.page_first}"
        return f"p. {self.page_first}–{self.page_last}"


@dataclass
class StoredDocument:
    """Core: a document row as stored (metadata only; items are fetched separately)."""

    id: str
    identifier: str | None
    doc_type: str
    title: str | None
    kamerstuk: str | None
    dossier: str | None
    ondernummer: str | None
    vergaderjaar: str | None
    source: str
    sha256: str
    imported: str
    item_count: int = 0
    date: str | None = None
    committee: str | None = None
    answered_by: str | None = None
    date_sent: str | None = None
    date_received: str | None = None
    asked_by: list[Person] | None = None
    parties: list[str] = field(default_factory=list)
    version_of: str | None = None
    original_path: str | None = None
    page_count: int = 0
    warnings: list[str] = field(default_factory=list)
    kenmerk: str | None = None
    tk_reference: str | None = None
    addressee: str | None = None
    signed_by: str | None = None
    type_confidence: float | None = None  # None for documents stored before detection gave one
    type_chosen: bool = False

    @property
    def display_name(self) -> str:
        if self.kamerstuk:
            return f"Kamerstuk {self.kamerstuk}"
        return self.identifier or self.source

    @property
    def subject(self) -> str:
        """What the document is about, as a heading: its title ("Vragen over het bericht …" for
        Kamervragen, whose titles continue "Vragen over"), else its type ("Verslag schriftelijk overleg")."""
        title = " ".join((self.title or "").split())
        if not title:
            return DOC_TYPE_LABELS.get(self.doc_type, "")
        if self.doc_type == DocType.KAMERVRAGEN and title[:1].islower():
            return f"Vragen over {title}"
        return title[:1].upper() + title[1:]

    @property
    def short_ref(self) -> str:
        """File-name friendly reference: `30821-196` or the identifier."""
        if self.dossier and self.ondernummer:
            return f"{self.dossier.replace(' ', '')}-{self.ondernummer}"
        return self.identifier or self.id[:8]


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
