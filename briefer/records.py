"""Core: the vocabularies every layer shares (document types, levels, follow-up kinds and statuses)
and the records a database read hands back (`StoredDocument`, `StoredItem`, `Footnote`, `Person`).

Split from `briefer.model`, which re-exports all of it: a reading command (`briefer search`, `list`,
`show`) imports only this, not the dataclasses of parsing and annotating (each dataclass costs about
half a millisecond to create at start-up; see briefer.cli). Import from `briefer.model` anywhere
else; the store and the CLI's reading path import from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


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
# Records
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


def document_name(kamerstuk: str | None, identifier: str | None, tk_reference: str | None,
                  kenmerk: str | None, source: str) -> str:
    """How a document is named everywhere (library, CLI, briefings): "Kamerstuk 30 821, nr. 196", the
    official identifier ("ah-tk-20232024-1178"), the Kamer's reference ("2024Z11859"), the ministry's
    "Kenmerk 5401166" — and only when a document carries none of these, its file name."""
    if kamerstuk:
        return f"Kamerstuk {kamerstuk}"
    if identifier:
        return identifier
    if tk_reference:
        return tk_reference
    if kenmerk:
        return f"Kenmerk {kenmerk}"
    return source


def people_label(people: list[Person] | None) -> str:
    """Who asked, on one line: "Mutluer (GroenLinks-PvdA), Kostić (PvdD)"."""
    return ", ".join(p.label for p in people or [])


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
        return document_name(self.kamerstuk, self.identifier, self.tk_reference, self.kenmerk, self.source)

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
        """File-name friendly reference: `30821-196`, the identifier or the Kamer's reference, else
        `kenmerk-5401166`, else the start of the id."""
        if self.dossier and self.ondernummer:
            return f"{self.dossier.replace(' ', '')}-{self.ondernummer}"
        if self.identifier or self.tk_reference:
            return str(self.identifier or self.tk_reference)
        if self.kenmerk:
            clean = "-".join("".join(c if c.isalnum() else " " for c in self.kenmerk).split())
            if clean:
                return f"kenmerk-{clean}"
        return self.id[:8]
