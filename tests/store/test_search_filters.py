"""Filtered search returns exactly what a scan of every item returns (issue 16), and the level
ceiling leaves out what is above it (issue 11).

A generated database (documents, items, and random annotations of every kind, level and status made
through the core API) is searched with random queries and filters; the expected result is computed
here by scanning every item and annotation in Python — tokens matched as the index tokenizes, the
filters read from the annotation tables — and ranked with FTS5's bm25 over *all* matches of the
text alone. The search must return the same items and notes, in the same order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.annotate import Annotations
from briefer.model import DocType, Document, Item
from briefer.store import Store
from briefer.store import search as S
from briefer.store.snippets import tokens

WORDS = ("kabinet minister kamer grondstoffen grondstof energie waterstof chips halfgeleiders briefing "
         "evaluatie zomer geïnformeerd toezegging defensie veiligheid europese commissie China Taiwan "
         "export sancties leden fractie vragen antwoord water wind zon").split()
PARTIES = ["VVD", "D66", "CDA", "ChristenUnie", "CU", "GroenLinks-PvdA", "PvdA", "SP"]
LEVELS = ["openbaar", "intern", "vertrouwelijk"]
STATUSES = ["open", "loopt", "afgerond"]
QUERIES = ["kabinet", "grondst", "grondstof*", "grondstof", "geinformeerd", "europese commissie",
           '"europese commissie"', "water", "wa", "zon wind", "china", "briefing", "vragen kamer",
           "chips*", "energ"]


@dataclass
class Generated:
    store: Store
    doc_ids: list[str]
    domain_ids: list[str]
    items: dict[str, dict[str, object]] = field(default_factory=dict)


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def _build(path: Path) -> Generated:
    rng = random.Random(16)
    store = Store.open(path)
    ann = Annotations(store)
    gen = Generated(store, [], [d.id for d in ann.domains()])
    for d in range(6):
        items = [Item(n, _text(rng, rng.randint(4, 14)), _text(rng, rng.randint(6, 20)),
                      party=rng.choice(PARTIES + [None])) for n in range(1, 121)]
        doc = Document(source=f"gen-{d}.pdf", doc_type=DocType.SCHRIFTELIJK_OVERLEG, identifier=f"kst-36{d}00-1",
                       kamerstuk=f"36 {d}00, nr. 1", dossier=f"36 {d}00", ondernummer="1",
                       title="Gegenereerd", items=items, page_count=1)
        doc_id = store.add_document(doc, f"origineel {d}".encode()).document.id
        gen.doc_ids.append(doc_id)
        for it in rng.sample(store.items(doc_id), 45):
            for _ in range(rng.randint(1, 3)):
                roll = rng.random()
                if roll < 0.25:
                    ann.toggle_tag(it.id, rng.choice(gen.domain_ids))
                elif roll < 0.5:
                    start = rng.randrange(0, max(1, len(it.answer) - 10))
                    ann.add_highlight(it.id, "answer", start, start + 8, level=rng.choice(LEVELS), allow_lower=True,
                                      domain_id=rng.choice(gen.domain_ids + [None]),
                                      note=_text(rng, 3) if rng.random() < 0.5 else "")
                elif roll < 0.75:
                    ann.set_note(doc_id, it.id, _text(rng, 5), level=rng.choice(LEVELS), allow_lower=True)
                else:
                    ann.add_followup(it.id, _text(rng, 3), status=rng.choice(STATUSES), level=rng.choice(LEVELS), allow_lower=True)
        ann.set_note(doc_id, None, _text(rng, 6), level=rng.choice(LEVELS), allow_lower=True)  # a document note ("Kern")
    # some changes after the fact: the facets must follow updates and deletions too
    conn = store.db.conn
    for (hl_id,) in conn.execute("SELECT id FROM highlights ORDER BY id LIMIT 20").fetchall():
        ann.update_highlight(hl_id, level=rng.choice(LEVELS), allow_lower=True, note=rng.choice(["", _text(rng, 2)]))
    for (hl_id,) in conn.execute("SELECT id FROM highlights ORDER BY id DESC LIMIT 5").fetchall():
        ann.delete_highlight(hl_id)
    for (fu_id,) in conn.execute("SELECT id FROM followups ORDER BY id LIMIT 10").fetchall():
        ann.update_followup(fu_id, status=rng.choice(STATUSES), level=rng.choice(LEVELS), allow_lower=True)
    for (note_id,) in conn.execute("SELECT id FROM notes WHERE item_id IS NOT NULL ORDER BY id LIMIT 5").fetchall():
        ann.delete_note(note_id)
    ann.merge_domains(gen.domain_ids[3], gen.domain_ids[2])
    gen.domain_ids = [d.id for d in ann.domains()]
    return gen


@pytest.fixture(scope="module")
def gen(tmp_path_factory) -> Generated:
    g = _build(tmp_path_factory.mktemp("filters") / "gen.db")
    yield g
    g.store.close()


# ------------------------------------------------------------------------------ the full scan

def _words(text: str | None) -> list[str]:
    return [t[2] for t in tokens(text or "")]


def _phrase_in(words: list[str], phrase: S.Phrase) -> bool:
    n = len(phrase.words)
    for i in range(len(words) - n + 1):
        head_ok = words[i: i + n - 1] == phrase.words[:-1]
        last = words[i + n - 1]
        if head_ok and (last.startswith(phrase.words[-1]) if phrase.prefix else last == phrase.words[-1]):
            return True
    return False


def _text_matches(columns: list[str | None], phrases: list[S.Phrase]) -> bool:
    folded = [_words(c) for c in columns]
    return all(any(_phrase_in(w, p) for w in folded) for p in phrases)


def _rows(store: Store, sql: str) -> list[dict[str, object]]:
    cur = store.db.conn.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _passes(item_id: str, f: S.SearchFilter, t: dict[str, list[dict[str, object]]]) -> bool:
    """The annotation filters, read straight from the tables."""
    allowed = f.levels()
    hls = [h for h in t["highlights"] if h["item_id"] == item_id]
    notes = [n for n in t["notes"] if n["item_id"] == item_id]
    fus = [x for x in t["followups"] if x["item_id"] == item_id]
    if f.domain_id is not None:
        tagged = any(x["item_id"] == item_id and x["domain_id"] == f.domain_id for x in t["item_domains"])
        if not tagged and not any(h["domain_id"] == f.domain_id and h["level"] in allowed for h in hls):
            return False
    if f.level is not None:
        if f.level not in allowed or not any(a["level"] == f.level for a in hls + notes + fus):
            return False
    if f.status is not None and not any(x["status"] == f.status and x["level"] in allowed for x in fus):
        return False
    if f.has_note is not None:
        noted = any(n["body"] and n["level"] in allowed for n in notes) or \
            any(h["note"] and h["level"] in allowed for h in hls)
        if noted != f.has_note:
            return False
    return True


def full_scan(store: Store, query: str, f: S.SearchFilter) -> tuple[list[str], set[str]]:
    """(item ids in rank order, annotation ids) a search for `query` within `f` must return."""
    phrases = S.query_phrases(query)
    t = {name: _rows(store, f"SELECT * FROM {name}") for name in ("item_domains", "highlights", "notes", "followups")}
    refs = {r["id"]: r["search_refs"] for r in _rows(store, "SELECT id, search_refs FROM documents")}
    items = {r["id"]: r for r in _rows(store, "SELECT i.*, s.seq FROM items i JOIN item_search s ON s.item_id = i.id")}
    names = {n.casefold() for n in S.party_names(f.party)} if f.party is not None else None

    def item_ok(it: dict[str, object] | None) -> bool:
        if it is None:
            return not f.on_annotations and names is None
        if f.document_id is not None and it["document_id"] != f.document_id:
            return False
        if names is not None and str(it["party"] or "").casefold() not in names:
            return False
        return _passes(str(it["id"]), f, t)

    matched = [it for it in items.values()
               if _text_matches([it["question"], it["answer"], it["party"], refs[it["document_id"]]], phrases)
               and item_ok(it)]
    # bm25 of the text alone, over every match: the filters must not change a rank
    match = S.to_fts_query(query)
    rank = dict(store.db.conn.execute(
        f"SELECT rowid, {S._BM25} FROM items_fts WHERE items_fts MATCH ?",
        (f"{{question answer party refs}} : ({match})",)).fetchall())
    newest_first = sorted(matched, key=lambda it: -int(it["seq"]))
    ranked = sorted(newest_first, key=lambda it: rank[it["seq"]])
    notes: set[str] = set()
    for n in t["notes"]:
        it = items.get(n["item_id"]) if n["item_id"] else None
        doc = it["document_id"] if it else n["document_id"]
        if (_text_matches([n["body"]], phrases) and n["level"] in f.levels() and item_ok(it)
                and (f.document_id is None or doc == f.document_id)):
            notes.add(str(n["id"]))
    for h in t["highlights"]:
        if h["note"] and _text_matches([h["note"]], phrases) and h["level"] in f.levels() \
                and item_ok(items[h["item_id"]]):
            notes.add(str(h["id"]))
    return [str(it["id"]) for it in ranked], notes


# ------------------------------------------------------------------------------ the tests

def filters(gen: Generated) -> st.SearchStrategy[S.SearchFilter]:
    return st.builds(
        S.SearchFilter,
        party=st.sampled_from([None, None, "VVD", "cu", "GroenLinks-PvdA", "pvda", "Volt"]),
        document_id=st.sampled_from([None, None, *gen.doc_ids[:3]]),
        domain_id=st.sampled_from([None, None, *gen.domain_ids]),
        level=st.sampled_from([None, None, None, *LEVELS]),
        status=st.sampled_from([None, None, *STATUSES]),
        has_note=st.sampled_from([None, None, True, False]),
        ceiling=st.sampled_from([None, *LEVELS]),
    )


def test_filtered_search_equals_a_full_scan(gen):
    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(query=st.sampled_from(QUERIES), f=filters(gen))
    def check(query: str, f: S.SearchFilter) -> None:
        hits = S.search(gen.store.db, query, filters=f, limit=100_000)
        items = [h.item_id for h in hits if h.kind == "item"]
        notes = {h.ref_id for h in hits if h.kind == "annotation"}
        expected_items, expected_notes = full_scan(gen.store, query, f)
        assert items == expected_items
        assert notes == expected_notes
        assert all(h.level in f.levels() for h in hits if h.kind == "annotation")

    check()


def test_the_scan_finds_plenty(gen):
    """The random filters above are not vacuous: the generated data gives every kind of match."""
    some = S.SearchFilter(domain_id=gen.domain_ids[0], ceiling="intern")
    assert len(full_scan(gen.store, "kabinet", some)[0]) >= 10
    assert len(full_scan(gen.store, "water", S.SearchFilter(status="open"))[0]) >= 5
    assert full_scan(gen.store, "kabinet", S.SearchFilter(has_note=True))[1]


def test_many_matches_come_newest_first_as_in_a_full_scan(gen, monkeypatch):
    """Above max(RANK_CAP, limit) matches (after filtering) a search lists the newest first; up to
    it, every match is ranked. A filter never narrows anything before it is applied."""
    monkeypatch.setattr(S, "RANK_CAP", 8)
    for query, f in [("kabinet", S.SearchFilter(domain_id=gen.domain_ids[0])),
                     ("water", S.SearchFilter(has_note=False, party="VVD")),
                     ("grondst", S.SearchFilter(ceiling="intern", status="open")),
                     ("kabinet", S.SearchFilter())]:
        expected, _ = full_scan(gen.store, query, f)
        assert len(expected) > 8, query
        match = S.to_fts_query(query)
        got = [h.item_id for h in S.search_items(gen.store.db, match, f, 5, match_text=query)]
        assert got == _newest(gen.store, expected, 5)
        many = [h.item_id for h in S.search_items(gen.store.db, match, f, 100_000)]
        assert many == expected  # asking for more hits than there are matches ranks every match
        fitting = [h.item_id for h in S.search_items(gen.store.db, match, f, len(expected))]
        assert fitting == expected


def _newest(store: Store, item_ids: list[str], n: int) -> list[str]:
    seq = dict(store.db.conn.execute("SELECT item_id, seq FROM item_search").fetchall())
    return sorted(item_ids, key=lambda i: -seq[i])[:n]


def test_facets_follow_every_change(gen):
    """What the index holds about each item equals what the annotation tables say."""
    stale = gen.store.db.conn.execute(
        "SELECT count(*) FROM items_fts f JOIN item_search s ON s.seq = f.rowid "
        "JOIN item_facets v ON v.item_id = s.item_id WHERE f.facets IS NOT v.facets").fetchone()[0]
    assert stale == 0
    assert gen.store.db.conn.execute("SELECT count(*) FROM items_fts").fetchone()[0] == 6 * 120


def test_old_window_bug_is_gone(tmp_path):
    """Issue 16's case: 60 documents, tags only in the three oldest: every tagged match is found."""
    store = Store.open(tmp_path / "zestig.db")
    ann = Annotations(store)
    domain = ann.domains()[0].id
    tagged = []
    for d in range(60):
        items = [Item(n, f"Vraag {n} aan het kabinet.", "Het kabinet antwoordt.", party="SP") for n in range(1, 41)]
        doc = Document(source=f"d{d}.pdf", doc_type=DocType.SCHRIFTELIJK_OVERLEG, identifier=f"kst-1-{d}",
                       title="x", items=items, page_count=1)
        doc_id = store.add_document(doc, f"{d}".encode()).document.id
        if d < 3:
            for it in store.items(doc_id)[:5]:
                ann.tag_item(it.id, domain)
                tagged.append(it.id)
    hits = store.search("kabinet", domain_id=domain, limit=1000)
    assert sorted(h.item_id for h in hits) == sorted(tagged)  # 15 of 2,400 matches, all found
    store.close()


def test_facets_stay_right_when_only_what_they_are_made_of_changes(tmp_path, sample_pdf):
    """Schema 21 skips the facet update when an update leaves its inputs alone (a rewritten note);
    every change that does matter (note emptied or filled, level, domain, status, item) still counts."""
    from briefer.annotate import Annotations
    from briefer.importer import import_file

    def stale(store: Store) -> int:
        return store.db.conn.execute(
            "SELECT count(*) FROM items_fts f JOIN item_search s ON s.seq = f.rowid "
            "JOIN item_facets v ON v.item_id = s.item_id WHERE f.facets IS NOT v.facets").fetchone()[0]

    with Store.open(tmp_path / "f.db") as store:
        doc = import_file(store, sample_pdf).document
        ann = Annotations(store)
        i16, i2 = store.item_by_number(doc.id, 16), store.item_by_number(doc.id, 2)
        d1, d2 = ann.domain_by_ref("1").id, ann.domain_by_ref("2").id
        hid = ann.highlight_quote(i16.id, "vertrouwelijke technische briefing").id
        steps = [lambda: ann.update_highlight(hid, note="eerste"), lambda: ann.update_highlight(hid, note="tweede"),
                 lambda: ann.update_highlight(hid, note=""), lambda: ann.update_highlight(hid, domain_id=d1),
                 lambda: ann.update_highlight(hid, domain_id=d2), lambda: ann.update_highlight(hid, level="openbaar"),
                 lambda: ann.set_note(doc.id, i2.id, "notitie"), lambda: ann.set_note(doc.id, i2.id, "andere"),
                 lambda: ann.set_note(doc.id, i2.id, "")]
        fid = ann.add_followup(i2.id, "Navragen").id
        steps += [lambda: ann.update_followup(fid, status="afgerond"), lambda: ann.update_followup(fid, text="Nog eens"),
                  lambda: ann.update_followup(fid, level="vertrouwelijk")]
        for step in steps:
            step()
            assert stale(store) == 0
        moved = store.db.conn.execute("UPDATE highlights SET item_id = ? WHERE id = ?", (i2.id, hid))
        assert moved.rowcount == 1 and stale(store) == 0
