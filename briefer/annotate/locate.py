"""Core (annotate): where a shared annotation belongs in this database.

An annotation names its document by a *document key* (the identifier, lower case, else the file's
sha256) and its item by the version it was placed on (`sha`) and the item's number there:
- a version this database has: that item (`Spot.how` "same"); when that version has a newer one
  here, the spot also names the matching item there (`forward`, found as the version carry-over
  finds it: `versions.match_items`) — a merge then carries a colleague's annotation forward, so it
  never stays invisible on a superseded version; an item without a counterpart stays where it is,
  as after a re-import ("old": highlights there are orphans);
- a version this database never had: the current version's item matched by number and question
  text (each shared file carries the question text of the items it names, kept in `sync_items`);
- a document this database does not have: not placed (kept, and placed once it is imported).
Highlights are then re-anchored in the item's text as the carry-over does (offsets, else quote and
context, else approximately); what cannot be found is an orphan (verweesd), never dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from briefer.annotate.anchoring import context, find_quote, relocate
from briefer.annotate.versions import match_items
from briefer.store.sync import SyncStore, doc_key

Row = dict[str, Any]
KEYTEXT_MAX = 2000
SINGLE_LOOKUPS = 8


def key_text(item: Row) -> str:
    """What identifies an item's content (its question, else its answer), normalised."""
    text = " ".join((item.get("question") or "").split()).lower() or \
        " ".join((item.get("answer") or "").split()).lower()
    return text[:KEYTEXT_MAX]


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).lower()


@dataclass
class Spot:
    """Core (annotate): the local place of an annotation: document, item (None: document note).

    `how`: "same" (its own version, the current one), "superseded" (its own version, which has a
    newer one here: `forward` is the matching item there, or the newer document for a document
    note), "old" (its own, superseded version, and the newer one has no such item: it stays, as
    after a re-import) or "moved" (a version this database never had: placed on the current one).
    """

    document_id: str
    item: Row | None
    how: str
    forward: Row | None = None
    forward_document_id: str | None = None


class Locator:
    """Core (annotate): resolves document keys and item references to local documents and items.

    Built per merge or recording pass; caches documents, items and version mappings.
    """

    def __init__(self, sync: SyncStore) -> None:
        self.sync = sync
        docs = sync.document_rows()
        self.by_id: dict[str, Row] = {d["id"]: d for d in docs}
        self.by_sha: dict[str, Row] = {d["sha256"]: d for d in docs}
        self.by_key: dict[str, list[Row]] = {}
        self.children: dict[str, list[Row]] = {}
        for d in docs:  # newest first
            self.by_key.setdefault(doc_key(d["identifier"], d["sha256"]), []).append(d)
            if d["version_of"]:
                self.children.setdefault(d["version_of"], []).append(d)
        self._items: dict[str, list[Row]] = {}
        self._numbers: dict[str, dict[int, Row]] = {}
        self._maps: dict[tuple[str, str], dict[int, Row]] = {}
        self._current: dict[str, Row] = {}
        self._by_item_id: dict[str, Row | None] = {}
        self._single: dict[str, int] = {}

    # -- documents ------------------------------------------------------------------------------

    def key_of(self, document_id: str) -> str:
        d = self.by_id[document_id]
        return doc_key(d["identifier"], d["sha256"])

    def current(self, document_id: str) -> Row:
        """The newest version in the chain `document_id` belongs to."""
        if document_id in self._current:
            return self._current[document_id]
        doc, seen = self.by_id[document_id], {document_id}
        while self.children.get(doc["id"]):
            newer = self.children[doc["id"]][0]
            if newer["id"] in seen:
                break
            seen.add(newer["id"])
            doc = newer
        self._current[document_id] = doc
        return doc

    def versions_of_key(self, key: str) -> list[Row]:
        """Every local document the key (or any version linked to it) names."""
        found = {d["id"]: d for d in self.by_key.get(key, [])}
        todo = list(found)
        while todo:
            d = self.by_id[todo.pop()]
            for linked in [self.by_id.get(d["version_of"] or ""), *self.children.get(d["id"], [])]:
                if linked is not None and linked["id"] not in found:
                    found[linked["id"]] = linked
                    todo.append(linked["id"])
        return list(found.values())

    # -- items ----------------------------------------------------------------------------------

    def items(self, document_id: str) -> list[Row]:
        if document_id not in self._items:
            rows = self.sync.item_rows_of(document_id)
            self._items[document_id] = rows
            numbers: dict[int, Row] = {}
            for r in rows:
                numbers.setdefault(int(r["number"]), r)
            for r in rows:
                for n in json.loads(r["numbers"] or "[]"):
                    numbers.setdefault(int(n), r)
            self._numbers[document_id] = numbers
        return self._items[document_id]

    def item(self, item_id: str) -> Row | None:
        """An item row by id (cached)."""
        if item_id not in self._by_item_id:
            self._by_item_id.update(self.sync.items_by_ids([item_id]))
            self._by_item_id.setdefault(item_id, None)
        return self._by_item_id[item_id]

    def prefetch_items(self, item_ids: set[str]) -> None:
        missing = [i for i in item_ids if i not in self._by_item_id]
        if missing:
            found = self.sync.items_by_ids(missing)
            for i in missing:
                self._by_item_id[i] = found.get(i)

    def item_by_number(self, document_id: str, number: int) -> Row | None:
        """The item with that number (or one of its numbers); a few look-ups are single queries,
        many load the whole document once."""
        if document_id not in self._numbers:
            self._single[document_id] = self._single.get(document_id, 0) + 1
            if self._single[document_id] <= SINGLE_LOOKUPS:
                row = self.sync.item_by_number(document_id, int(number))
                if row is not None:
                    return row
        self.items(document_id)
        return self._numbers[document_id].get(int(number))

    def ref_of_item(self, item: Row) -> dict[str, Any]:
        doc = self.by_id[item["document_id"]]
        return {"sha": doc["sha256"], "n": int(item["number"])}

    def ref_of_document(self, document_id: str) -> dict[str, Any]:
        return {"sha": self.by_id[document_id]["sha256"], "n": None}

    def _mapping(self, source: str, old_items: list[Row], current_id: str) -> dict[int, Row]:
        """Item number on an earlier (or foreign) version -> item of the current version."""
        key = (source, current_id)
        if key not in self._maps:
            pairs = match_items(old_items, self.items(current_id))
            self._maps[key] = {int(o["number"]): pairs[o["id"]] for o in old_items if o["id"] in pairs}
        return self._maps[key]

    def spot(self, key: str | None, ref: dict[str, Any] | None) -> Spot | None:
        """The local place of an item reference, or None when this database cannot place it."""
        if not key or not isinstance(ref, dict):
            return None
        sha, number = ref.get("sha"), ref.get("n")
        own = self.by_sha.get(sha) if isinstance(sha, str) else None
        if own is not None:
            current = self.current(own["id"])
            superseded = own["id"] != current["id"]
            if number is None:
                if not superseded:
                    return Spot(own["id"], None, "same")
                return Spot(own["id"], None, "superseded", None, current["id"])
            item = self.item_by_number(own["id"], number)
            if item is None:
                return None
            if not superseded:
                return Spot(own["id"], item, "same")
            forward = self._mapping(own["id"], self.items(own["id"]), current["id"]).get(int(number))
            if forward is None:
                return Spot(own["id"], item, "old")
            return Spot(own["id"], item, "superseded", forward, current["id"])
        base = next(iter(self.by_key.get(key, [])), None)
        if base is None:
            return None
        current = self.current(base["id"])
        if number is None:
            return Spot(current["id"], None, "moved")
        texts = self.sync.keytexts(str(sha))
        texts.setdefault(int(number), "")
        synthetic = [{"id": f"{sha}:{n}", "number": n, "question": t, "answer": ""}
                     for n, t in sorted(texts.items())]
        mapped = self._mapping(f"sha:{sha}", synthetic, current["id"]).get(int(number))
        return None if mapped is None else Spot(current["id"], mapped, "moved")


def place_highlight(anchor: dict[str, Any], item: Row, how: str) -> Row:
    """Columns of a highlight placed in `item` (re-anchored when its text moved; else orphaned).

    `how` is the Spot's: on an item left behind on an old version ("old") it is an orphan there,
    as the carry-over leaves it."""
    field = anchor["f"]
    start, end, exact = int(anchor["s"]), int(anchor["e"]), str(anchor["x"])
    prefix, suffix = str(anchor.get("p", "")), str(anchor.get("q", ""))
    text = item.get(field) or ""
    if how == "old":
        placed: tuple[str, int, int] | None = None
    elif how in ("same", "superseded") and 0 <= start < end <= len(text) and text[start:end] == exact:
        placed = (field, start, end)
    else:
        p = relocate(text, exact, prefix, suffix, start, end)
        placed = (field, p.start, p.end) if p is not None else None
        if placed is None:
            other = "answer" if field == "question" else "question"
            spans = find_quote(item.get(other) or "", exact)
            if len(spans) == 1:
                placed = (other, spans[0][0], spans[0][1])
    if placed is None:
        return {"item_id": item["id"], "field": field, "start_offset": start, "end_offset": end,
                "exact": exact, "prefix": prefix, "suffix": suffix, "orphaned": 1}
    f, s, e = placed
    t = item.get(f) or ""
    before, after = context(t, s, e)
    return {"item_id": item["id"], "field": f, "start_offset": s, "end_offset": e, "exact": t[s:e],
            "prefix": before, "suffix": after, "orphaned": 0}
