"""Core: suggestions for stored documents, and the domain lexicons kept in the database.

The lexicon of a domain lives in the `lexicon` column of `domains` (a JSON list of words or
{"term", "weight", "match"} objects). A domain whose lexicon is empty is filled once from the
bundled file that fits its name (resources/lexicons/); after that the user's edits stand.
"""

from __future__ import annotations

import json
from typing import Any

from briefer.model import Domain
from briefer.store.suggestions import SuggestionStore
from briefer.suggest.core import Suggestions, document_reference_date, suggest_items
from briefer.suggest.domains import (
    BARE_WORD_WEIGHT,
    Lexicon,
    LexiconError,
    LexiconTerm,
    default_lexicon_for,
    default_lexicons,
    make_term,
    parse_terms,
)
from briefer.suggest.text import match_form


def _suggestion_store(store: Any) -> SuggestionStore:
    return SuggestionStore(store.db)


def _seed_domains(store: Any) -> None:
    """Let the annotation layer put its default domains in place (once; a user's deletions stick)."""
    from briefer.annotate import Annotations

    Annotations(store)


def seed_lexicons(store: Any) -> int:
    """Fill empty, never-seeded domain lexicons from the bundled files; returns how many.

    Runs before every suggestion of a document: when every domain is seeded (the usual case) it
    reads no files and takes no write lock.
    """
    rows = _suggestion_store(store)
    if all(row.seeded for row in rows.domain_lexicons()):
        return 0
    defaults = default_lexicons()
    filled = 0
    with rows.transaction():
        for row in rows.domain_lexicons():
            if row.seeded:
                continue
            if parse_terms(row.lexicon):
                rows.mark_seeded(row.id)
                continue
            lexicon = default_lexicon_for(row.name, defaults)
            if lexicon is None:
                rows.mark_seeded(row.id)
                continue
            rows.set_lexicon(row.id, _dump(lexicon.terms))
            filled += 1
    return filled


def _dump(terms: list[LexiconTerm]) -> str:
    return json.dumps([t.to_json() for t in terms], ensure_ascii=False)


def stored_lexicons(store: Any, domains: list[Domain] | None = None) -> tuple[list[Lexicon], dict[str, str]]:
    """The lexicons of the stored domains (or of `domains`), seeding first; with name -> id.

    Without a domains table (annotation layer absent) the bundled lexicons are used.
    """
    rows = _suggestion_store(store)
    if not rows.has_domains_table():
        return default_lexicons(), {}
    if not rows.domain_lexicons():
        _seed_domains(store)
    seed_lexicons(store)
    by_id = {r.id: r for r in rows.domain_lexicons()}
    wanted = [d.id for d in domains] if domains is not None else list(by_id)
    lexicons: list[Lexicon] = []
    ids: dict[str, str] = {}
    for domain_id in wanted:
        row = by_id.get(domain_id)
        if row is None:
            continue
        lexicons.append(Lexicon(row.name, parse_terms(row.lexicon)))
        ids[row.name] = row.id
    return lexicons, ids


def suggest_document(store: Any, document_id: str, domains: list[Domain] | None = None, *,
                     include_decided: bool = False) -> Suggestions:
    """All suggestions for a stored document, without those accepted or dismissed before.

    `domains` (e.g. `Annotations.domains()`) limits the domain suggestions to those domains; by
    default every stored domain counts.
    """
    document = store.document(document_id)
    items = store.items(document_id)
    footnotes = store.footnotes(document_id)
    lexicons, ids = stored_lexicons(store, domains)
    ref = document_reference_date(document, items)
    result = suggest_items(items, footnotes=footnotes, ref=ref, lexicons=lexicons, domain_ids=ids,
                           title=getattr(document, "title", None), doc_type=getattr(document, "doc_type", None))
    if include_decided:
        return result
    done = set(_suggestion_store(store).decisions(document_id))
    return result.without(done | done_by_hand(store, document_id, items, result))


def done_by_hand(store: Any, document_id: str, items: list[Any], result: Suggestions) -> set[str]:
    """Keys of suggestions the user already carried out without accepting them: a domain the item is
    tagged with, or a toezegging/confidentiality sentence a highlight on that item already covers."""
    from briefer.annotate import Annotations

    ann = Annotations(store)
    by_number = {it.number: it.id for it in items}
    tagged = {item_id: set(m.domain_ids) for item_id, m in ann.item_markers(document_id).items()}
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for h in ann.document_highlights(document_id):
        if not h.orphaned:
            spans.setdefault((h.item_id, h.field), []).append((h.start, h.end))
    keys = {option.key for ds in result.domains for option in ds.domains
            if option.domain_id and option.domain_id in tagged.get(by_number.get(ds.item, ""), set())}
    for s in [*result.toezeggingen, *result.confidential]:
        covered = spans.get((by_number.get(s.item, ""), s.field), [])
        if any(start < s.end and s.start < end for start, end in covered):
            keys.add(s.key)
    return keys


# -- editing lexicons ---------------------------------------------------------------------------


def lexicon_terms(store: Any, domain_id: str) -> list[LexiconTerm]:
    """The terms of a stored domain's lexicon (seeded from the defaults when still empty)."""
    seed_lexicons(store)
    row = _suggestion_store(store).domain_lexicon(domain_id)
    if row is None:
        raise LexiconError(f"Het domein {domain_id} bestaat niet (meer); kies een bestaand domein.")
    return parse_terms(row.lexicon)


def set_lexicon_terms(store: Any, domain_id: str, terms: list[LexiconTerm | str | dict[str, Any]]) -> list[LexiconTerm]:
    """Replace a domain's lexicon."""
    parsed = [t if isinstance(t, LexiconTerm) else make_term(t) for t in terms]
    _suggestion_store(store).set_lexicon(domain_id, _dump(parsed))
    return parsed


def add_lexicon_term(store: Any, domain_id: str, word: str, *, weight: float | None = None,
                     match: str | None = None) -> list[LexiconTerm]:
    """Add a word (or replace its weight/match) in a domain's lexicon; returns the new lexicon."""
    raw: dict[str, Any] = {"term": word}
    if weight is not None:
        raw["weight"] = weight
    if match is not None:
        raw["match"] = match
    term = make_term(raw)
    if not term.term:
        raise LexiconError("Geef een woord om aan het lexicon toe te voegen.")
    if weight is None:
        term = LexiconTerm(term.term, BARE_WORD_WEIGHT, term.match)
    terms = [t for t in lexicon_terms(store, domain_id) if t.term != term.term]
    terms.append(term)
    return set_lexicon_terms(store, domain_id, terms)


def remove_lexicon_term(store: Any, domain_id: str, word: str) -> list[LexiconTerm]:
    """Remove a word from a domain's lexicon; LexiconError when it is not in it."""
    wanted = match_form(word).strip()
    terms = lexicon_terms(store, domain_id)
    kept = [t for t in terms if t.term != wanted]
    if len(kept) == len(terms):
        raise LexiconError(f"Het woord '{word}' staat niet in het lexicon; kijk met 'briefer lexicon DOMEIN'.")
    return set_lexicon_terms(store, domain_id, kept)


def reset_lexicon(store: Any, domain_id: str, name: str) -> list[LexiconTerm]:
    """Put the bundled lexicon that fits the domain's name back (empty when none fits)."""
    lexicon = default_lexicon_for(name)
    return set_lexicon_terms(store, domain_id, list(lexicon.terms) if lexicon else [])
