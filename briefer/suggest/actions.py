"""Core: accepting and dismissing suggestions (one keystroke each in the desktop app).

Accepting works through the annotation layer (`briefer.annotate.Annotations`), in one
transaction together with the stored decision:

* a toezegging: the sentence is highlighted and a follow-up of kind "toezegging bewaken" is
  created on it, with the due date the text allows; both start where the material is
  (vertrouwelijk on a vertrouwelijk item, else intern: `briefer.annotate.levels`);
* a domain: the item is tagged with it;
* a confidentiality cue: the sentence is highlighted and a follow-up is created, both at level
  `vertrouwelijk` (nothing it creates is lower), the follow-up of kind "technische briefing
  aanvragen" when the cue is about a briefing, else "overig";
* a reference or Kamerstuk citation: only the decision is kept (they are links, not annotations).

A dismissed suggestion is stored as such and not suggested again; `restore` brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefer.errors import BrieferError
from briefer.model import FollowUpKind, Level
from briefer.store.suggestions import SuggestionStore
from briefer.suggest.core import (
    ConfidentialSuggestion,
    DomainOption,
    KamerstukSuggestion,
    ReferenceSuggestion,
    Suggestions,
    ToezeggingSuggestion,
    kind_of,
)
from briefer.suggest.stored import suggest_document
from briefer.textutil import shorten

FOLLOWUP_TEXT_LIMIT = 400


class SuggestionNotFound(BrieferError):
    """Core: a suggestion key that the document does not (or no longer) produce."""


class SuggestionAlreadyAccepted(BrieferError):
    """Core: accepting a suggestion a second time (it would duplicate the annotations)."""


@dataclass
class AcceptResult:
    """Core: what accepting one suggestion did; `changes` are the annotation layer's Changes."""

    key: str
    kind: str
    changes: list[Any] = field(default_factory=list)

    @property
    def label(self) -> str:
        return {
            "toezegging": "Toezegging overnemen",
            "domein": "Domeinsuggestie overnemen",
            "vertrouwelijk": "Vertrouwelijke vervolgactie overnemen",
            "verwijzing": "Verwijzing overnemen",
            "kamerstuk": "Kamerstukverwijzing overnemen",
        }[self.kind]


def _find(store: Any, document_id: str, key: str, suggestions: Suggestions | None) -> Any:
    try:
        kind_of(key)
    except ValueError:
        raise SuggestionNotFound(
            f"'{key}' is geen suggestiesleutel; kopieer de sleutel uit 'briefer suggest DOC'."
        ) from None
    if suggestions is None or suggestions.find(key) is None:
        suggestions = suggest_document(store, document_id, include_decided=True)
    found = suggestions.find(key)
    if found is None:
        raise SuggestionNotFound(
            f"De suggestie {key} bestaat niet (meer) in dit document; vraag de lijst opnieuw op met "
            "'briefer suggest DOC'."
        )
    return found


def _short(text: str) -> str:
    return shorten(text, FOLLOWUP_TEXT_LIMIT)


def accept(store: Any, annotations: Any, document_id: str, key: str, *,
           suggestions: Suggestions | None = None) -> AcceptResult:
    """Accept a suggestion: annotate as the module doc says and remember the decision."""
    found = _find(store, document_id, key, suggestions)
    decisions = SuggestionStore(store.db)
    kind = kind_of(key)
    earlier = decisions.decisions(document_id).get(key)
    if earlier is not None and earlier.decision == "accepted":
        raise SuggestionAlreadyAccepted(
            f"De suggestie {key} is al overgenomen; zie de vervolgacties en markeringen van vraag "
            f"{earlier.item_number}."
        )
    result = AcceptResult(key, kind)
    with decisions.transaction():
        if isinstance(found, ToezeggingSuggestion):
            item = store.item_by_number(document_id, found.item)
            hl = annotations.add_highlight(item.id, found.field, found.start, found.end, note="Toezegging")
            fu = annotations.add_followup(
                item.id, _short(found.sentence), kind=FollowUpKind.TOEZEGGING, due=found.due,
                highlight_id=hl.id,
            )
            result.changes += [hl, fu]
            detail, number = found.sentence, found.item
        elif isinstance(found, ConfidentialSuggestion):
            item = store.item_by_number(document_id, found.item)
            hl = annotations.add_highlight(item.id, found.field, found.start, found.end,
                                           note="Vertrouwelijk", level=Level.VERTROUWELIJK)
            kind_fu = FollowUpKind.TECHNISCHE_BRIEFING if found.briefing else FollowUpKind.OVERIG
            fu = annotations.add_followup(item.id, _short(found.sentence), kind=kind_fu,
                                          level=Level.VERTROUWELIJK, highlight_id=hl.id)
            result.changes += [hl, fu]
            detail, number = found.sentence, found.item
        elif isinstance(found, tuple):
            number, option = found
            assert isinstance(option, DomainOption)
            item = store.item_by_number(document_id, number)
            domain_id = option.domain_id or annotations.domain_by_ref(option.name).id
            result.changes.append(annotations.tag_item(item.id, domain_id))
            detail = option.name
        elif isinstance(found, ReferenceSuggestion):
            detail, number = f"vraag {found.refers_to_item}", found.item
        else:
            assert isinstance(found, KamerstukSuggestion)
            detail, number = found.ref.text, found.item
        decisions.decide(document_id, key, kind=kind, item_number=number, decision="accepted", detail=detail)
    return result


def dismiss(store: Any, document_id: str, key: str, *, suggestions: Suggestions | None = None) -> None:
    """Dismiss a suggestion for good (until `restore`)."""
    found = _find(store, document_id, key, suggestions)
    if isinstance(found, tuple):
        number, detail = found[0], found[1].name
    else:
        number = found.item
        detail = getattr(found, "sentence", None) or getattr(getattr(found, "ref", None), "text", "") or key
    SuggestionStore(store.db).decide(document_id, key, kind=kind_of(key), item_number=number,
                                     decision="dismissed", detail=detail)


def restore(store: Any, document_id: str, key: str) -> bool:
    """Forget the decision on a suggestion so it is suggested again; True when there was one."""
    return SuggestionStore(store.db).forget(document_id, key)


def undo_accept(store: Any, annotations: Any, document_id: str, result: AcceptResult) -> None:
    """Revert an accept: undo its annotation changes (newest first) and forget the decision."""
    decisions = SuggestionStore(store.db)
    with decisions.transaction():
        for change in reversed(result.changes):
            if not getattr(change, "empty", False):
                annotations.undo(change)
        decisions.forget(document_id, result.key)


def decided(store: Any, document_id: str) -> dict[str, str]:
    """Key -> "accepted" | "dismissed" for a document."""
    return {k: d.decision for k, d in SuggestionStore(store.db).decisions(document_id).items()}
