"""Core: full-text search over imported items (SQLite FTS5), with a hook for other indexes.

The index (`items_fts`, db/001_documents.sql) holds one row per item: question, answer, party
and `refs` (the Kamerstuk numbers and identifier as words). Its tokenizer folds diacritics, so
"geinformeerd" finds "geïnformeerd".

A user's query is never passed to FTS5 as-is: `to_fts_query` quotes every term (so `-`, `:`,
`OR`, `NEAR` or a stray quote cannot break or change the query), keeps "quoted phrases" together
and makes each word (not numbers) a prefix, so "grondst" finds "grondstoffen". All terms must
match (AND).

Snippets mark each hit as «hit» (`MARK_OPEN`/`MARK_CLOSE`) and shorten with "…". Guillemets
that are part of the document text (Kamerstukken quote with « ») appear as “ ” in snippets, so
« » in a snippet always mean a hit. Snippets are built in Python (briefer.store.snippets) from
the same folded tokens the index uses; FTS5 only ranks. Ranking is bm25 over all matches, or over
the newest `RANK_CAP` matches for a term found in more items than that (keeps queries < 10 ms).

Other indexes (the annotation layer's notes) join in through `register_source(name, fn)`:
`fn(db, match, party, doc_id, limit) -> list[SearchHit]` receives the already-safe FTS5 MATCH
expression; `search()` merges every source's hits by `rank` (FTS5 bm25: lower is better).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import sqlite_utils

from briefer.store.snippets import Phrase, find_hits, make_snippet, phrase_pattern, tokens

MARK_OPEN = "«"
MARK_CLOSE = "»"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16



@dataclass
class SearchHit:
    """Core: one search result: an item (or an annotation on one) with a marked snippet.

    `field` is "question" or "answer" for item hits; other sources use their own ("note",
    "highlight"). `rank` is the FTS5 bm25 rank (lower is better); `kind` names the source.
    """

    document_id: str
    item_id: str | None
    item_number: int | None
    party: str | None
    field: str
    snippet: str
    rank: float = 0.0
    kind: str = "item"
    ref_id: str | None = None


SearchSource = Callable[[sqlite_utils.Database, str, str | None, str | None, int], list[SearchHit]]
_SOURCES: dict[str, SearchSource] = {}


def register_source(name: str, source: SearchSource) -> None:
    """Add (or replace) a search source merged into `search()` results."""
    _SOURCES[name] = source


def unregister_source(name: str) -> None:
    _SOURCES.pop(name, None)


def sources() -> dict[str, SearchSource]:
    return dict(_SOURCES)


_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_QUOTED = re.compile(r'("[^"]*"?)')
# A dossier number written with a space ("30 821", "36 410") is one term, not two numbers.
_SPACED_NUMBER = re.compile(r'(?<![\w"])(\d{1,3}) (\d{3})(?=[\s,.;:]|$)')


def _group_numbers(text: str) -> str:
    parts = _QUOTED.split(text)
    return "".join(p if p.startswith('"') else _SPACED_NUMBER.sub(r'"\1 \2"', p) for p in parts)


def query_terms(text: str) -> list[tuple[str, bool]]:
    """The user's query as (term, is_phrase) pairs; terms without a letter or digit are dropped.

    "Quoted text" is a phrase; so is a number written with a space ("30 821").
    """
    terms: list[tuple[str, bool]] = []
    for match in _TERM.finditer(_group_numbers(text or "")):
        phrase, word = match.group(1), match.group(2)
        term = (phrase if phrase is not None else word or "").strip()
        if any(ch.isalnum() for ch in term):
            terms.append((term, phrase is not None))
    return terms


def _wants_prefix(term: str, is_phrase: bool) -> bool:
    words = [w for w in re.split(r"\W+", term) if w]
    last = words[-1] if words else ""
    return not is_phrase and len(last) >= 2 and not last.isdigit() and term[-1].isalnum()


def query_phrases(text: str) -> list[Phrase]:
    """The query as the index reads it: folded tokens per term, the last one a prefix where wanted."""
    phrases = []
    for term, is_phrase in query_terms(text):
        words = [t[2] for t in tokens(term)]
        if words:
            phrases.append(Phrase(words, _wants_prefix(term, is_phrase)))
    return phrases


def to_fts_query(text: str, *, prefix: bool = True) -> str | None:
    """A safe FTS5 MATCH expression for what the user typed, or None when nothing is searchable.

    Every term is quoted ("" escapes a quote); words of two or more characters get a `*` (prefix
    search) unless `prefix` is False, numbers stay exact ("30821" must not find "308210").
    """
    parts: list[str] = []
    for term, is_phrase in query_terms(text):
        quoted = '"' + term.replace('"', '""') + '"'
        parts.append(quoted + ("*" if prefix and _wants_prefix(term, is_phrase) else ""))
    return " ".join(parts) if parts else None


# Names documents use for the same fractie (DOMAIN.md); a party filter accepts each of them.
PARTY_ALIASES: list[tuple[str, ...]] = [
    ("CU", "ChristenUnie"),
    ("PvdD", "Partij voor de Dieren"),
    ("GroenLinks-PvdA", "GL-PvdA", "GL/PvdA"),
]


def party_names(party: str) -> list[str]:
    """`party` and the other names of the same fractie."""
    wanted = party.strip().casefold()
    for group in PARTY_ALIASES:
        if wanted in (name.casefold() for name in group):
            return list(group)
    return [party.strip()]


def doc_token(doc_id: str) -> str:
    """The indexed token that stands for a document in `items_fts.doc`."""
    return "d" + doc_id.replace("-", "").lower()


# Column weights for bm25: question, answer, party, refs, item_id, document_id, doc.
_BM25 = "bm25(items_fts, 1.0, 1.0, 0.5, 0.5, 0.0, 0.0, 0.0)"
# At most this many matches (newest first) are ranked; a term found in more items than this
# (think "kabinet") is ranked within its newest RANK_CAP matches, which keeps every query fast.
RANK_CAP = 2000


def search_items(db: sqlite_utils.Database, match: str, party: str | None = None,
                 doc_id: str | None = None, limit: int = 50, *,
                 match_text: str | None = None) -> list[SearchHit]:
    """Item hits for an FTS5 MATCH expression (see `to_fts_query`), best first.

    The user's expression is confined to the text columns; the party and document filters are
    index lookups in the same MATCH (the party is then checked exactly, case-insensitively).
    """
    parts = [f"{{question answer party refs}} : ({match})"]
    names = party_names(party) if party is not None else []
    if party is not None:
        alternatives = [q for q in (to_fts_query(f'"{n}"', prefix=False) for n in names) if q]
        if not alternatives:
            return []
        parts.append(f"party : ({' OR '.join(alternatives)})")
    if doc_id is not None:
        parts.append(f'doc : "{doc_token(doc_id)}"')
    expression = " AND ".join(parts)
    candidates = db.conn.execute(
        f"SELECT rowid, {_BM25} FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
        (expression, RANK_CAP),
    ).fetchall()
    candidates.sort(key=lambda row: row[1])
    wanted_parties = {n.casefold() for n in names}
    pattern = phrase_pattern(query_phrases(match_text)) if match_text is not None else None
    hits: list[SearchHit] = []
    batch = max(limit, 1)
    for offset in range(0, len(candidates), batch):
        chunk = candidates[offset: offset + batch]
        rows = _item_rows(db, [rowid for rowid, _ in chunk])
        for rowid, rank in chunk:
            row = rows.get(rowid)
            if row is None:
                continue
            item_id, document_id, number, item_party, question, answer = row
            if wanted_parties and (item_party or "").casefold() not in wanted_parties:
                continue
            field, snippet = _snippet(question, answer, pattern)
            hits.append(SearchHit(document_id, item_id, number, item_party, field, snippet, rank=float(rank)))
            if len(hits) >= limit:
                return hits
    return hits


def _item_rows(db: sqlite_utils.Database, rowids: list[int]) -> dict[int, tuple]:  # type: ignore[type-arg]
    if not rowids:
        return {}
    marks = ",".join("?" * len(rowids))
    found = db.conn.execute(
        f"""SELECT f.rowid, i.id, i.document_id, i.number, i.party, i.question, i.answer
            FROM items_fts AS f JOIN items AS i ON i.id = f.item_id WHERE f.rowid IN ({marks})""",
        rowids,
    ).fetchall()
    return {row[0]: row[1:] for row in found}


def _snippet(question: str, answer: str, pattern: re.Pattern[str] | None) -> tuple[str, str]:
    """The field holding most hits ("question" on a tie) and its marked snippet."""
    q_hits = find_hits(question, pattern)
    a_hits = find_hits(answer, pattern)
    if len(a_hits) > len(q_hits) or (not question and answer):
        return "answer", make_snippet(answer, a_hits, SNIPPET_TOKENS, MARK_OPEN, MARK_CLOSE, ELLIPSIS)
    return "question", make_snippet(question, q_hits, SNIPPET_TOKENS, MARK_OPEN, MARK_CLOSE, ELLIPSIS)


def search(db: sqlite_utils.Database, query: str, *, party: str | None = None,
           doc_id: str | None = None, limit: int = 50, include_sources: bool = True) -> list[SearchHit]:
    """Search items (and every registered source) for what the user typed; best first."""
    match = to_fts_query(query)
    if match is None:
        return []
    hits = search_items(db, match, party, doc_id, limit, match_text=query)
    if include_sources and _SOURCES:
        for source in list(_SOURCES.values()):
            hits.extend(source(db, match, party, doc_id, limit))
        hits.sort(key=lambda h: h.rank)
    return hits[:limit]
