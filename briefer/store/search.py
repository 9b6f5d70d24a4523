"""Core: full-text search over items, notes and highlight notes (SQLite FTS5), with filters.

The item index (`items_fts`, db/011_search_layout.sql) holds one row per item: question, answer,
party and `refs` (the Kamerstuk numbers and identifier as words) are what a user searches; its
rowid is the item's `item_search.seq`. Its tokenizer folds diacritics, so "geinformeerd" finds
"geïnformeerd". Notes and highlight notes have their own index (`annotation_fts`).

A user's query is never passed to FTS5 as-is: `to_fts_query` quotes every term (so `-`, `:`,
`OR`, `NEAR` or a stray quote cannot break or change the query), keeps "quoted phrases" together
and makes each word (not numbers) a prefix, so "grondst" finds "grondstoffen". A `*` the user
types at the end of a term asks for a prefix explicitly (`grondstof*`, `"europese comm"*`, also
after a number: `3082*`). All terms must match (AND).

Filters (`SearchFilter`: fractie, document, domain, level, follow-up status, note, ceiling) are
part of the same MATCH: every item's row carries words for what is on it (`facets`, kept current
by triggers), so FTS5 intersects the user's words with the filter's inside the index, over every
match — a filtered search finds exactly what a scan of all items would.

Ranking: bm25, best first, when a search (after filtering) has at most `max(RANK_CAP, limit)`
matches; equal ranks newest first. A search with more matches lists them newest first (newest =
imported last), notes and highlight notes (ranked) before them: bm25 must read every match of every
term to weigh it (25 ms for a common word in half a million items), and relevance among thousands
of matches of a common word says little. No match is ever dropped below the number asked for.

Level ceiling: with `ceiling` set, annotations above it do not exist for the search — notes and
highlight notes above it are never hits, and the domain, level, status and note filters look only
at annotations within it. Item text itself is the document's own (public) text and stays
findable. `briefer search --level L` is this ceiling: a search made to prepare a document at
level L shows nothing that may not go into it.

Snippets mark each hit as «hit» (`MARK_OPEN`/`MARK_CLOSE`) and shorten with "…". Guillemets
that are part of the text appear as “ ” in snippets, so « » in a snippet always mean a hit.
Snippets are built in Python (briefer.store.snippets) from the same folded tokens the index uses.

Other indexes can join in through `register_source(name, fn)`:
`fn(db, match, filters, limit) -> list[SearchHit]` receives the already-safe FTS5 MATCH
expression; `search()` merges every source's hits by `rank` (bm25: lower is better).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefer.store.snippets import Phrase, find_hits, make_snippet, phrase_pattern, tokens

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from typing import Any

    from briefer.store.db import Database

MARK_OPEN = "«"
MARK_CLOSE = "»"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
LEVELS = ("openbaar", "intern", "vertrouwelijk")  # ordered: a ceiling admits its own and lower levels


@dataclass
class SearchHit:
    """Core: one search result: an item (or an annotation on one) with a marked snippet.

    `field` is "question" or "answer" for item hits; annotation hits use "note", "highlight" or
    "document_note". `rank` is the bm25 rank (lower is better); `kind` names the source
    ("item", "annotation"); `ref_id` is the annotation's id; `level` the annotation's level
    (None for the document's own text).
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
    level: str | None = None


@dataclass(frozen=True)
class SearchFilter:
    """Core: what a search is limited to; every field None means "any".

    party: the item's fractie (any of its names, see `party_names`); document_id: one document;
    domain_id: items tagged with the domain or holding a highlight in it; level: items holding a
    highlight, note or follow-up at exactly this level; status: items with a follow-up of this
    status; has_note: items with (True) or without (False) a note or highlight note; ceiling:
    annotations above this level are left out everywhere (see the module doc).
    """

    party: str | None = None
    document_id: str | None = None
    domain_id: str | None = None
    level: str | None = None
    status: str | None = None
    has_note: bool | None = None
    ceiling: str | None = None

    @property
    def on_annotations(self) -> bool:
        """Whether a filter looks at what is on items (so only item-bound hits can match)."""
        return any(v is not None for v in (self.domain_id, self.level, self.status, self.has_note))

    def levels(self) -> tuple[str, ...]:
        """The levels an annotation may have to count: up to the ceiling, or all."""
        if self.ceiling is None:
            return LEVELS
        return LEVELS[: LEVELS.index(level_value(self.ceiling)) + 1]


def level_value(level: Any) -> str:
    """"intern" for "intern", Level.INTERN or " Intern "; ValueError for anything else."""
    text = str(getattr(level, "value", level)).strip().lower()
    if text not in LEVELS:
        raise ValueError(f"unknown level {level!r}")
    return text


SearchSource = Callable[["Database", str, SearchFilter, int], list[SearchHit]]
_SOURCES: dict[str, SearchSource] = {}


def register_source(name: str, source: SearchSource) -> None:
    """Add (or replace) a search source merged into `search()` results."""
    _SOURCES[name] = source


def unregister_source(name: str) -> None:
    _SOURCES.pop(name, None)


def sources() -> dict[str, SearchSource]:
    return dict(_SOURCES)


# A quoted phrase (optionally with a `*` right after its closing quote) or a bare word.
_TERM = re.compile(r'"([^"]*)("\*?)?|(\S+)')
_QUOTED = re.compile(r'("[^"]*"?)')
# A dossier number written with a space ("30 821", "36 410") is one term, not two numbers.
_SPACED_NUMBER = re.compile(r'(?<![\w"])(\d{1,3}) (\d{3})(?=[\s,.;:]|$)')


def _group_numbers(text: str) -> str:
    parts = _QUOTED.split(text)
    return "".join(p if p.startswith('"') else _SPACED_NUMBER.sub(r'"\1 \2"', p) for p in parts)


@dataclass(frozen=True)
class QueryTerm:
    """Core: one term of a query: its text, whether it was "quoted", whether it ends in `*`."""

    text: str
    phrase: bool = False
    star: bool = False

    def prefix(self) -> bool:
        """Whether the last word is matched as a prefix.

        A typed `*` asks for it (the word must then have two characters or more); otherwise every
        unquoted word of two or more characters is a prefix, numbers never ("30821" must not find
        "308210").
        """
        words = [w for w in re.split(r"\W+", self.text) if w]
        last = words[-1] if words else ""
        if self.star:
            return len(last) >= 2
        return not self.phrase and len(last) >= 2 and not last.isdigit() and self.text[-1].isalnum()


def parse_query(text: str) -> list[QueryTerm]:
    """The user's query as terms; terms without a letter or digit are dropped.

    "Quoted text" is a phrase; so is a number written with a space ("30 821"). A `*` at the end of
    a word or right after a closing quote marks a prefix.
    """
    terms: list[QueryTerm] = []
    for match in _TERM.finditer(_group_numbers(text or "")):
        phrase, close, word = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            term, star = phrase.strip(), bool(close and close.endswith("*"))
        else:
            term = (word or "").strip()
            star = term.endswith("*")
            term = term.rstrip("*")
        if any(ch.isalnum() for ch in term):
            terms.append(QueryTerm(term, phrase is not None, star))
    return terms


def query_terms(text: str) -> list[tuple[str, bool]]:
    """The user's query as (term, is_phrase) pairs (see `parse_query`)."""
    return [(t.text, t.phrase) for t in parse_query(text)]


def query_phrases(text: str) -> list[Phrase]:
    """The query as the index reads it: folded tokens per term, the last one a prefix where wanted."""
    phrases = []
    for term in parse_query(text):
        words = [t[2] for t in tokens(term.text)]
        if words:
            phrases.append(Phrase(words, term.prefix()))
    return phrases


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def to_fts_query(text: str, *, prefix: bool = True) -> str | None:
    """A safe FTS5 MATCH expression for what the user typed, or None when nothing is searchable.

    Every term is quoted ("" escapes a quote); a term gets a `*` (prefix search) as
    `QueryTerm.prefix` says, unless `prefix` is False.
    """
    parts = [_quote(t.text) + ("*" if prefix and t.prefix() else "") for t in parse_query(text)]
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


# ---------------------------------------------------------------------------------------- facets
# The words of `items_fts.facets`, built here exactly as the view `item_facets` builds them.

def _id_word(ident: str) -> str:
    return ident.replace("-", "").lower()


def party_facet(party: str) -> str:
    """`fp` + hex of the fractie's UTF-8 bytes, lower-cased as SQLite's lower() does (ASCII only)."""
    text = party.strip(" ")
    lowered = "".join(ch.lower() if ch.isascii() else ch for ch in text)
    return "fp" + lowered.encode("utf-8").hex()


def _any(words: list[str]) -> str:
    return "facets : (" + " OR ".join(_quote(w) for w in words) + ")"


def filter_expression(f: SearchFilter) -> tuple[list[str], list[str]] | None:
    """The MATCH clauses a filter adds: (required, excluded); None when nothing can match."""
    levels = f.levels()
    required: list[str] = []
    excluded: list[str] = []
    if f.party is not None:
        names = [n for n in party_names(f.party) if n.strip()]
        if not names:
            return None
        required.append(_any([party_facet(n) for n in names]))
    if f.document_id is not None:
        required.append(f"doc : {_quote(doc_token(f.document_id))}")
    if f.domain_id is not None:
        domain = _id_word(f.domain_id)
        required.append(_any([f"ft{domain}"] + [f"fh{domain}{lv}" for lv in levels]))
    if f.level is not None:
        wanted = level_value(f.level)
        if wanted not in levels:
            return None
        required.append(_any([f"fl{wanted}"]))
    if f.status is not None:
        required.append(_any([f"fs{str(getattr(f.status, 'value', f.status)).strip().lower()}{lv}"
                              for lv in levels]))
    if f.has_note is not None:
        (required if f.has_note else excluded).append(_any([f"fn{lv}" for lv in levels]))
    return required, excluded


# ---------------------------------------------------------------------------------------- items

# Column weights for bm25: question, answer, party, refs, facets, item_id, document_id, doc.
_BM25 = "bm25(items_fts, 1.0, 1.0, 0.5, 0.5, 0.0, 0.0, 0.0, 0.0)"
# Up to this many matches a search is ranked by relevance; beyond it newest first (module doc).
RANK_CAP = 1000


def item_match(match: str, f: SearchFilter) -> str | None:
    """The full MATCH expression for item hits: the user's words in the text columns, and the filter."""
    clauses = filter_expression(f)
    if clauses is None:
        return None
    required, excluded = clauses
    expression = " AND ".join([f"{{question answer party refs}} : ({match})", *required])
    if excluded:
        expression = f"({expression}) NOT ({' OR '.join(excluded)})"
    return expression


def rank_items(db: Database, match: str, filters: SearchFilter | None = None,
               limit: int = 50) -> list[tuple[float, int]]:
    """(rank, item search number) of the best `limit` item matches, best first (no text read).

    Up to `max(RANK_CAP, limit)` matches: ranked by bm25 (ties: newest first). More matches: the
    newest first, rank 0.0 — bm25 reads every match of every term to weigh it (25 ms for a word in
    half a million items), and relevance among thousands of matches of a common word says little.
    """
    f = filters or SearchFilter()
    expression = item_match(match, f)
    if expression is None or limit <= 0:
        return []
    window = max(RANK_CAP, limit)
    conn = db.conn
    ranked_sql = f"SELECT {_BM25}, rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
    if f.on_annotations:
        # an annotation filter leaves few matches as a rule: rank them in the same pass
        rows = conn.execute(ranked_sql, (expression, window + 1)).fetchall()
        if len(rows) > window:
            return [(0.0, seq) for _, seq in rows[:limit]]
    else:
        # a plain word often matches thousands of items: see that first, without weighing them
        newest = conn.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC LIMIT ?",
                              (expression, window + 1)).fetchall()
        if len(newest) > window:
            return [(0.0, seq) for (seq,) in newest[:limit]]
        rows = conn.execute(ranked_sql, (expression, window + 1)).fetchall() if newest else []
    rows.sort(key=lambda row: row[0])  # stable: equal ranks stay newest first
    return rows[:limit]


def _item_hits_by_seq(db: Database, ranked: list[tuple[float, int]],
                      match_text: str | None) -> list[tuple[int, SearchHit]]:
    rows = _item_rows(db, [seq for _, seq in ranked])
    pattern = phrase_pattern(query_phrases(match_text)) if match_text is not None else None
    out: list[tuple[int, SearchHit]] = []
    for rank, seq in ranked:
        row = rows.get(seq)
        if row is None:
            continue
        item_id, document_id, number, item_party, question, answer = row
        field, snippet = _snippet(question, answer, pattern)
        out.append((seq, SearchHit(document_id, item_id, number, item_party, field, snippet, rank=float(rank))))
    return out


def item_hits(db: Database, ranked: list[tuple[float, int]], match_text: str | None) -> list[SearchHit]:
    """Hits with marked snippets for ranked item matches (see `rank_items`), in the same order."""
    return [hit for _, hit in _item_hits_by_seq(db, ranked, match_text)]


def search_items(db: Database, match: str, filters: SearchFilter | None = None, limit: int = 50, *,
                 match_text: str | None = None) -> list[SearchHit]:
    """Item hits for an FTS5 MATCH expression (see `to_fts_query`) and a filter, best first."""
    return item_hits(db, rank_items(db, match, filters, limit), match_text)


def _item_rows(db: Database, seqs: list[int]) -> dict[int, tuple[Any, ...]]:
    if not seqs:
        return {}
    marks = ",".join("?" * len(seqs))
    found = db.conn.execute(
        f"""SELECT s.seq, i.id, i.document_id, i.number, i.party, i.question, i.answer
            FROM item_search AS s JOIN items AS i ON i.id = s.item_id WHERE s.seq IN ({marks})""",
        seqs,
    ).fetchall()
    return {row[0]: row[1:] for row in found}


def _snippet(question: str, answer: str, pattern: re.Pattern[str] | None) -> tuple[str, str]:
    """The field holding most hits ("question" on a tie) and its marked snippet."""
    q_hits = find_hits(question, pattern)
    a_hits = find_hits(answer, pattern)
    if len(a_hits) > len(q_hits) or (not question and answer):
        return "answer", snippet_of(answer, a_hits)
    return "question", snippet_of(question, q_hits)


def snippet_of(text: str, hits: list[tuple[int, int]]) -> str:
    return make_snippet(text, hits, SNIPPET_TOKENS, MARK_OPEN, MARK_CLOSE, ELLIPSIS)


# ---------------------------------------------------------------------------------------- notes

def annotation_rows(db: Database, match: str, filters: SearchFilter | None = None,
                    limit: int = 50) -> list[dict[str, Any]]:
    """Notes and highlight notes matching `match` within the filter and its ceiling, best first."""
    from briefer.store.annotations import AnnotationStore

    if limit <= 0:
        return []
    rows = AnnotationStore(db).search_rows(match, filters or SearchFilter(), limit=limit)
    return [r for r in rows if r["document_id"] is not None]


def annotation_hit(row: dict[str, Any], pattern: re.Pattern[str] | None) -> SearchHit:
    """The hit for one row of `annotation_rows`, its snippet marked."""
    kind = "highlight" if row["kind"] == "highlight" else ("note" if row["item_id"] else "document_note")
    return SearchHit(
        document_id=row["document_id"], item_id=row["item_id"], item_number=row["item_number"],
        party=row["party"], field=kind, snippet=snippet_of(row["body"], find_hits(row["body"], pattern)),
        rank=float(row["rank"]), kind="annotation", ref_id=row["ref_id"], level=row["level"],
    )


def search_annotations(db: Database, match: str, filters: SearchFilter | None = None, limit: int = 50, *,
                       match_text: str | None = None) -> list[SearchHit]:
    """Notes and highlight notes matching `match`, within the filter and its ceiling; best first."""
    pattern = phrase_pattern(query_phrases(match_text)) if match_text is not None else None
    return [annotation_hit(r, pattern) for r in annotation_rows(db, match, filters, limit)]


def search(db: Database, query: str, *, party: str | None = None, doc_id: str | None = None,
           limit: int = 50, include_sources: bool = True, domain_id: str | None = None,
           level: Any = None, status: Any = None, has_note: bool | None = None,
           ceiling: Any = None, filters: SearchFilter | None = None) -> list[SearchHit]:
    """Search items, notes and highlight notes (and every registered source) for what the user
    typed, within the filters; best first, at most `limit` hits.

    Filters come as keywords or as one `SearchFilter` (`filters`, which then wins).
    """
    match = to_fts_query(query)
    if match is None:
        return []
    f = filters or SearchFilter(
        party=party, document_id=doc_id, domain_id=domain_id,
        level=None if level is None else level_value(level),
        status=None if status is None else str(getattr(status, "value", status)),
        has_note=has_note, ceiling=None if ceiling is None else level_value(ceiling),
    )
    # Rank items and notes first, then read text and build snippets only for the hits kept.
    ranked: list[tuple[float, int, Any]] = [(rank, 0, seq) for rank, seq in rank_items(db, match, f, limit)]
    if include_sources:
        ranked += [(float(r["rank"]), 1, r) for r in annotation_rows(db, match, f, limit)]
        ranked.sort(key=lambda entry: entry[0])  # stable: items before notes on equal rank
    kept = ranked[:limit]
    by_seq = {hit_seq: hit for hit_seq, hit in _item_hits_by_seq(
        db, [(rank, payload) for rank, source, payload in kept if source == 0], query)}
    pattern = phrase_pattern(query_phrases(query))
    hits = [annotation_hit(payload, pattern) if source == 1 else by_seq[payload]
            for _, source, payload in kept if source == 1 or payload in by_seq]
    if include_sources and _SOURCES:
        for source_fn in list(_SOURCES.values()):
            hits.extend(source_fn(db, match, f, limit))
        hits.sort(key=lambda h: h.rank)
    return hits[:limit]
