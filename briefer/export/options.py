"""Core: what the user chose for a briefing (kind, selection, ceiling, template, output)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefer.errors import BrieferError
from briefer.model import Level

KINDS = ("kamerlid", "technisch")
GROUPINGS = ("party", "domain")
KIND_LABELS = {"kamerlid": "Kamerlidbriefing", "technisch": "Technische briefing"}


class ExportError(BrieferError):
    """Core: a briefing could not be made or saved; the message says why and what to do."""


@dataclass
class BriefingOptions:
    """Core: the selection and settings of one export.

    `domains` and `parties` filter items (empty: all); domains may be given by id, name or key
    digit. `ceiling` is the highest level that may appear in the file. `only_annotated` keeps only
    items with a tag, highlight, note or follow-up (after the ceiling is applied). `by` orders the
    technische briefing per party or per domain. `template` is an organisation's own .docx whose
    styles (and headers) the briefing takes; None uses `resources/template.docx`. `subject` is what
    the briefing is for ("Commissiedebat Strategische afhankelijkheden, 12 december"); empty: the
    document's title, else its type and Kamerstuk. `recipient` (Aan) and `author` (Van) head the
    briefing; an empty one is left out of the head rather than filled with a placeholder.
    """

    kind: str = "kamerlid"
    ceiling: Level = Level.INTERN
    domains: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    only_annotated: bool = True
    by: str = "party"
    template: Path | None = None
    author: str = ""
    out: Path | None = None
    recipient: str = ""  # "Aan": the Kamerlid (or the minister, for a ministry note)
    subject: str = ""  # "Onderwerp": what the briefing is for

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ExportError(f"Onbekende soort briefing '{self.kind}': kies kamerlid of technisch.")
        if self.by not in GROUPINGS:
            raise ExportError(f"Onbekende ordening '{self.by}': kies party of domain.")
        try:
            self.ceiling = Level.parse(self.ceiling)
        except ValueError as exc:
            raise ExportError(f"Ongeldig niveau: {exc}.") from None
        if self.template is not None:
            self.template = Path(self.template)
        if self.out is not None:
            self.out = Path(self.out)
        self.subject = " ".join((self.subject or "").split())
        self.recipient = " ".join((self.recipient or "").split())
        self.author = " ".join((self.author or "").split())

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]
