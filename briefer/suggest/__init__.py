"""Core: reading assistance — toezeggingen, domains, confidentiality cues, references. Offline.

Pure functions over item texts (no model, no network, deterministic), a `Suggestions` bundle whose
`to_json()` is the `briefer suggest DOC --json` contract, and accept/dismiss through the
annotation layer. See docs/API.md, "suggest".
"""

from __future__ import annotations

from briefer.suggest.actions import (
    AcceptResult,
    SuggestionAlreadyAccepted,
    SuggestionNotFound,
    accept,
    decided,
    dismiss,
    restore,
    undo_accept,
)
from briefer.suggest.confidential import find_confidential, is_confidential_cue
from briefer.suggest.core import (
    ConfidentialSuggestion,
    DomainOption,
    DomainSuggestion,
    KamerstukSuggestion,
    ReferenceSuggestion,
    Suggestions,
    ToezeggingSuggestion,
    document_reference_date,
    suggest_items,
)
from briefer.suggest.dates import reference_date, resolve_due
from briefer.suggest.domains import (
    DomainScore,
    Lexicon,
    LexiconError,
    LexiconTerm,
    default_lexicons,
    suggest_domains,
)
from briefer.suggest.references import find_item_links, find_kamerstuk_refs, parse_kamerstukken
from briefer.suggest.stored import (
    add_lexicon_term,
    lexicon_terms,
    remove_lexicon_term,
    reset_lexicon,
    seed_lexicons,
    set_lexicon_terms,
    suggest_document,
)
from briefer.suggest.toezeggingen import find_toezeggingen, is_toezegging

__all__ = [
    "AcceptResult",
    "ConfidentialSuggestion",
    "DomainOption",
    "DomainScore",
    "DomainSuggestion",
    "KamerstukSuggestion",
    "Lexicon",
    "LexiconError",
    "LexiconTerm",
    "ReferenceSuggestion",
    "SuggestionAlreadyAccepted",
    "SuggestionNotFound",
    "Suggestions",
    "ToezeggingSuggestion",
    "accept",
    "add_lexicon_term",
    "decided",
    "default_lexicons",
    "dismiss",
    "document_reference_date",
    "find_confidential",
    "find_item_links",
    "find_kamerstuk_refs",
    "find_toezeggingen",
    "is_confidential_cue",
    "is_toezegging",
    "lexicon_terms",
    "parse_kamerstukken",
    "reference_date",
    "remove_lexicon_term",
    "reset_lexicon",
    "resolve_due",
    "restore",
    "seed_lexicons",
    "set_lexicon_terms",
    "suggest_document",
    "suggest_domains",
    "suggest_items",
    "undo_accept",
]
