"""Core: all suggestions for a document, with stable keys, as the `briefer suggest --json` contract.

`suggest_items` is pure (items, footnotes, a reference date, lexicons -> `Suggestions`);
`suggest_document` reads a stored document, its domains' lexicons and the user's decisions, and
leaves out what was accepted or dismissed before.

Keys are stable over runs: `toezegging:<item>:<hash of the sentence>`, `domein:<item>:<domain id
or name>`, `vertrouwelijk:<item>:<hash>`, `verwijzing:<item>:<target item>`,
`kamerstuk:<item>:<dossiers>:<nr>`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from briefer.model import DocType, Footnote
from briefer.suggest.confidential import find_confidential
from briefer.suggest.dates import reference_date
from briefer.suggest.domains import Lexicon, suggest_domains
from briefer.suggest.references import KamerstukRef, find_item_links, find_kamerstuk_refs
from briefer.suggest.text import ItemLike, match_form
from briefer.suggest.toezeggingen import find_toezeggingen

KINDS = ("toezegging", "domein", "vertrouwelijk", "verwijzing", "kamerstuk")


def sentence_hash(text: str) -> str:
    return hashlib.sha1(match_form(text).strip().encode("utf-8")).hexdigest()[:8]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", match_form(text)).strip("-")


@dataclass(frozen=True)
class ToezeggingSuggestion:
    """Core: a commitment sentence; accepting makes a "toezegging bewaken" follow-up."""

    key: str
    item: int
    sentence: str
    field: str
    start: int
    end: int
    due: str | None

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "sentence": self.sentence, "due": self.due}


@dataclass(frozen=True)
class DomainOption:
    """Core: one suggested domain of an item (score in [0, 1), evidence words)."""

    key: str
    name: str
    score: float
    evidence: list[str]
    domain_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "score": self.score, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class DomainSuggestion:
    """Core: the domains suggested for one item, best first."""

    item: int
    domains: list[DomainOption]

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "domains": [d.to_json() for d in self.domains]}


@dataclass(frozen=True)
class ConfidentialSuggestion:
    """Core: a confidentiality cue; accepting makes a `vertrouwelijk` follow-up."""

    key: str
    item: int
    sentence: str
    field: str
    start: int
    end: int
    briefing: bool

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "sentence": self.sentence}


@dataclass(frozen=True)
class ReferenceSuggestion:
    """Core: an answer pointing to another item ("Zie het antwoord op vraag 30")."""

    key: str
    item: int
    refers_to_item: int

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "refers_to_item": self.refers_to_item}


@dataclass(frozen=True)
class KamerstukSuggestion:
    """Core: a Kamerstuk cited by an item (in its text or a footnote), structured."""

    key: str
    ref: KamerstukRef

    @property
    def item(self) -> int:
        return self.ref.item

    def to_json(self) -> dict[str, Any]:
        return self.ref.to_json()


@dataclass
class Suggestions:
    """Core: every suggestion for one document, in document order (deterministic)."""

    toezeggingen: list[ToezeggingSuggestion] = field(default_factory=list)
    domains: list[DomainSuggestion] = field(default_factory=list)
    confidential: list[ConfidentialSuggestion] = field(default_factory=list)
    references: list[ReferenceSuggestion] = field(default_factory=list)
    kamerstuk_references: list[KamerstukSuggestion] = field(default_factory=list)
    reference_date: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract of `briefer suggest DOC --json` (issue 6)."""
        return {
            "toezeggingen": [s.to_json() for s in self.toezeggingen],
            "domains": [s.to_json() for s in self.domains],
            "confidential": [s.to_json() for s in self.confidential],
            "references": [s.to_json() for s in self.references],
            "kamerstuk_references": [s.to_json() for s in self.kamerstuk_references],
        }

    def keys(self) -> list[str]:
        """Every suggestion key, in listing order."""
        out = [s.key for s in self.toezeggingen]
        out += [d.key for s in self.domains for d in s.domains]
        out += [s.key for s in self.confidential]
        out += [s.key for s in self.references]
        out += [s.key for s in self.kamerstuk_references]
        return out

    def find(self, key: str) -> Any | None:
        """The suggestion (or DomainOption, with its item) with this key, if present."""
        for group in (self.toezeggingen, self.confidential, self.references, self.kamerstuk_references):
            for s in group:
                if s.key == key:
                    return s
        for ds in self.domains:
            for d in ds.domains:
                if d.key == key:
                    return ds.item, d
        return None

    def for_item(self, number: int) -> Suggestions:
        """Only the suggestions of one item (for the reader's side panel)."""
        return Suggestions(
            [s for s in self.toezeggingen if s.item == number],
            [s for s in self.domains if s.item == number],
            [s for s in self.confidential if s.item == number],
            [s for s in self.references if s.item == number],
            [s for s in self.kamerstuk_references if s.item == number],
            self.reference_date,
        )

    def without(self, keys: Iterable[str]) -> Suggestions:
        """A copy without the suggestions whose key is in `keys` (decided ones)."""
        drop = set(keys)
        domains = []
        for ds in self.domains:
            kept = [d for d in ds.domains if d.key not in drop]
            if kept:
                domains.append(DomainSuggestion(ds.item, kept))
        return Suggestions(
            [s for s in self.toezeggingen if s.key not in drop],
            domains,
            [s for s in self.confidential if s.key not in drop],
            [s for s in self.references if s.key not in drop],
            [s for s in self.kamerstuk_references if s.key not in drop],
            self.reference_date,
        )

    def count(self) -> int:
        return len(self.keys())


def kind_of(key: str) -> str:
    kind = key.split(":", 1)[0]
    if kind not in KINDS:
        raise ValueError(f"unknown suggestion key {key!r}")
    return kind


def suggest_items(items: list[ItemLike], *, footnotes: Iterable[Footnote] = (), ref: date | None = None,
                  lexicons: list[Lexicon] | None = None,
                  domain_ids: dict[str, str] | None = None, title: str | None = None,
                  doc_type: str | None = None) -> Suggestions:
    """All suggestions for a list of items (pure: no database).

    `ref` is the date relative terms are read against (see `dates.reference_date`); `lexicons`
    the domains to suggest (default: the bundled ones); `domain_ids` maps a lexicon's name to the
    id of its stored domain, which then makes up the domain suggestion's key. `title` and
    `doc_type` (the document's) give the domain suggestions the document's theme (see
    `domains.suggest_domains`): Kamervragen are about the one matter in their title.
    """
    from briefer.suggest.domains import default_lexicons

    items = list(items)
    lexicons = default_lexicons() if lexicons is None else lexicons
    domain_ids = domain_ids or {}
    out = Suggestions(reference_date=ref.isoformat() if ref else None)
    for hit in find_toezeggingen(items, ref):
        s = hit.sentence
        out.toezeggingen.append(ToezeggingSuggestion(
            f"toezegging:{hit.item}:{sentence_hash(s.text)}", hit.item, s.text, s.field, s.start, s.end,
            hit.due.isoformat() if hit.due else None,
        ))
    single = str(doc_type or "") == DocType.KAMERVRAGEN
    for number, scores in suggest_domains(items, lexicons, subject=title, single_subject=single):
        options = []
        for score in scores:
            domain_id = domain_ids.get(score.name)
            options.append(DomainOption(
                f"domein:{number}:{domain_id or slug(score.name)}", score.name, score.score,
                score.evidence, domain_id,
            ))
        out.domains.append(DomainSuggestion(number, options))
    for hit in find_confidential(items):
        s = hit.sentence
        out.confidential.append(ConfidentialSuggestion(
            f"vertrouwelijk:{hit.item}:{sentence_hash(s.text)}", hit.item, s.text, s.field, s.start, s.end,
            hit.briefing,
        ))
    for link in find_item_links(items):
        out.references.append(ReferenceSuggestion(
            f"verwijzing:{link.item}:{link.refers_to_item}", link.item, link.refers_to_item
        ))
    for ref_ in find_kamerstuk_refs(items, footnotes):
        dossiers = "+".join(d.replace(" ", "") for d in ref_.dossiers)
        out.kamerstuk_references.append(KamerstukSuggestion(f"kamerstuk:{ref_.item}:{dossiers}:{ref_.nr}", ref_))
    return out


def document_reference_date(document: Any, items: list[ItemLike]) -> date | None:
    """The reference date for a stored or parsed document (its date, else from its vergaderjaar)."""
    doc_date = (getattr(document, "date", None) or getattr(document, "date_received", None)
                or getattr(document, "date_sent", None))
    texts = [f"{it.question}\n{it.answer}" for it in items]
    return reference_date(doc_date, getattr(document, "vergaderjaar", None), texts)
