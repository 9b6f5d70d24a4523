"""Core (annotate): the merge state of one database, kept in step with the annotation tables.

One `Pass` is one write transaction's view of the state: it loads entities, writes new versions
(`write`), works out groups (aliases), renders them and writes the tables (`materialise.py`).

Recording local edits (`stamp`) happens in ONE place for every writer: triggers mark each written
annotation row in `sync_dirty` (any connection, any code path, undo and redo included), and
`AnnotationsBase._record`, `undo` and `redo` call `record_local_changes` before their transaction
commits. For each marked row the pass compares the row with the row as it was last shown and
writes a new version of exactly the fields that differ — so a revert (undo, typing the old text again) is a
new change, never mistaken for old news; a row that disappeared while its item is still here is a
deletion (a tombstone that travels); a row restored from the trash revives the annotation and then
shows what colleagues changed meanwhile.

Merging a colleague's state (`merge_records`) joins registers field by field, aliases annotations
that are the same thing (same domain name; same note place; the same highlight or follow-up made
on both sides), and re-renders what changed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.annotate import registers as R
from briefer.annotate.clock import Clock
from briefer.annotate.entities import (
    KIND_OF_TABLE,
    KINDS,
    SPECS,
    TABLES,
    Entity,
    Env,
    View,
    changed_fields,
    fields_of_row,
    render,
    shown_row,
    slot_of,
    snapshot,
    tag_place,
)
from briefer.annotate.locate import Locator
from briefer.store.sync import SyncStore

if TYPE_CHECKING:
    from briefer.annotate.changes import Recorder
    from briefer.store.annotations import AnnotationStore

Row = dict[str, Any]
TAG_NAMESPACE = uuid.UUID("6f1d2c1e-8a55-4b8e-9a0e-0b7f3c2d5e11")


def tag_id(doc: str | None, number: Any, domain: str) -> str:
    """The id of the tag "item `number` of `doc` has domain `domain`" — the same in every database."""
    return str(uuid.uuid5(TAG_NAMESPACE, f"{doc}|{number}|{domain}"))


class DirectWriter:
    """Core (annotate): writes annotation rows without recording them (recording outside an undo step)."""

    def __init__(self, rows: AnnotationStore) -> None:
        self.store = rows

    def insert(self, table: str, row: Row, *, main: bool = False) -> Row:
        self.store.insert(table, row)
        return row

    def update(self, table: str, key: Row, values: Row, *, main: bool = False) -> Row:
        self.store.update(table, key, values)
        return values

    def update_known(self, table: str, before: Row, values: Row) -> None:
        """Update a row whose whole current state the caller holds (no extra read)."""
        self.store.update(table, {"id": before["id"]}, values)

    def delete(self, table: str, key: Row, *, main: bool = False) -> Row | None:
        before = self.store.get(table, key)
        if before is not None:
            self.store.delete(table, key)
        return before


class BulkRecorder:
    """Core (annotate): a Recorder for many rows: inserts of complete rows and updates of rows the
    caller has read record their before/after states without reading each row again."""

    def __init__(self, rec: Recorder) -> None:
        self.rec = rec
        self.store = rec.store

    def insert(self, table: str, row: Row, *, main: bool = False) -> Row:
        from briefer.annotate.changes import RowChange
        from briefer.store.annotations import key_of

        if table not in FULL_ROWS or set(row) != FULL_ROWS[table]:
            return self.rec.insert(table, row, main=main)
        self.store.insert(table, row)
        self.rec.change.rows.append(RowChange(table, key_of(table, row), None, dict(row)))
        return row

    def update(self, table: str, key: Row, values: Row, *, main: bool = False) -> Row:
        return self.rec.update(table, key, values, main=main)

    def update_known(self, table: str, before: Row, values: Row) -> None:
        from briefer.annotate.changes import RowChange

        self.store.update(table, {"id": before["id"]}, values)
        self.rec.change.rows.append(RowChange(table, {"id": before["id"]}, dict(before), {**before, **values}))

    def delete(self, table: str, key: Row, *, main: bool = False) -> Row | None:
        return self.rec.delete(table, key, main=main)


FULL_ROWS = {
    "highlights": {"id", "item_id", "field", "start_offset", "end_offset", "exact", "prefix", "suffix",
                   "domain_id", "note", "level", "orphaned", "created", "updated"},
    "notes": {"id", "document_id", "item_id", "body", "level", "created", "updated"},
    "followups": {"id", "item_id", "highlight_id", "kind", "text", "owner", "due", "status", "level",
                  "created", "updated"},
    "item_domains": {"item_id", "domain_id", "created"},
}


@dataclass
class PassReport:
    """Core (annotate): what a pass did to the tables (counts per kind) and what it could not place."""

    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    pending: dict[str, int] = field(default_factory=dict)
    orphaned: int = 0
    old_version: int = 0  # shown on a superseded version: their question is gone from the newest
    domains_added: list[str] = field(default_factory=list)
    merged: dict[str, int] = field(default_factory=dict)

    def count(self, what: dict[str, int], kind: str, n: int = 1) -> None:
        what[kind] = what.get(kind, 0) + n


class Pass:
    """Core (annotate): one transaction's working set of entities, with clock and renderer.

    `rec` (a Recorder) records the table writes and the state writes, so undoing a merge restores
    both; without it (recording local edits) rows are written directly and states are not undone.
    """

    def __init__(self, rows: AnnotationStore, rec: Recorder | None = None, *,
                 record_states: bool = False) -> None:
        self.rows = rows
        self.sync = SyncStore(rows.db)
        self.clock = Clock(rows, self.sync).load()
        self.mine = self.clock.mine
        self.loc = Locator(self.sync)
        self.rec = rec
        self.record_states = record_states and rec is not None
        self.writer: Any = BulkRecorder(rec) if rec is not None else DirectWriter(rows)
        self.ents: dict[str, Entity | None] = {}
        self.before: dict[str, Row | None] = {}
        self.changed: set[str] = set()  # state changed (sent to colleagues)
        self.touched_local: set[str] = set()  # only local columns changed
        self._canon_loaded: set[str] = set()
        self._by_canon: dict[str, set[str]] = defaultdict(set)
        self.local_rows: dict[tuple[str, str], str | None] = {}
        self._rendered: dict[str, tuple[Row | None, str]] = {}
        self.env = Env(self.loc, self.canon_of, self.local_row)
        self.report = PassReport()

    # -- loading --------------------------------------------------------------------------------

    def load(self, ids: Any) -> None:
        missing = [i for i in set(ids) if i not in self.ents]
        if missing:
            found = self.sync.entities(missing)
            for i in missing:
                row = found.get(i)
                self.before[i] = row
                self.ents[i] = None if row is None else self._index(Entity.from_row(row))
        self._load_groups({e.canon for i in ids if (e := self.ents.get(i)) is not None} | set(ids))

    def _load_groups(self, canons: set[str]) -> None:
        todo = [c for c in canons if c not in self._canon_loaded]
        if not todo:
            return
        self._canon_loaded.update(todo)
        ids = [i for i in todo if i not in self.ents] + \
            [i for i in self.sync.merged_into(todo) if i not in self.ents]
        if ids:
            found = self.sync.entities(ids)
            for i in ids:
                row = found.get(i)
                self.before[i] = row
                self.ents[i] = None if row is None else self._index(Entity.from_row(row))

    def _index(self, ent: Entity) -> Entity:
        self._by_canon[ent.canon or ent.id].add(ent.id)
        return ent

    def get(self, entity_id: str) -> Entity | None:
        if entity_id not in self.ents:
            self.load([entity_id])
        return self.ents[entity_id]

    def add(self, ent: Entity) -> Entity:
        self.ents[ent.id] = self._index(ent)
        self.before.setdefault(ent.id, None)
        self.changed.add(ent.id)
        return ent

    def new_entity(self, entity_id: str, kind: str, doc: str | None) -> Entity:
        return self.add(Entity(id=entity_id, kind=kind, doc=doc, origin=self.clock.replica,
                               canon=entity_id))

    def members(self, canon: str) -> list[Entity]:
        if canon not in self._canon_loaded:
            self._load_groups({canon})
        ids = self._by_canon.get(canon, ())
        if len(ids) == 1:
            ent = self.ents.get(next(iter(ids)))
            return [] if ent is None else [ent]
        out = [e for i in ids if (e := self.ents.get(i)) is not None]
        return sorted(out, key=lambda e: e.id)

    def canon_of(self, entity_id: str) -> str:
        ent = self.get(entity_id)
        return entity_id if ent is None else (ent.canon or ent.id)

    def view(self, canon: str) -> View | None:
        members = self.members(canon)
        return View.of(canon, members, self.mine) if members else None

    def render(self, canon: str, view: View) -> tuple[Row | None, str]:
        """`entities.render` of a group, remembered until the group or what it points to changes."""
        if canon not in self._rendered:
            self._rendered[canon] = render(view, self.env)
        return self._rendered[canon]

    def forget_renders(self, canons: Any = None) -> None:
        if canons is None:
            self._rendered.clear()
        else:
            for c in canons:
                self._rendered.pop(c, None)

    # -- writing versions -----------------------------------------------------------------------

    def write(self, view_or_ent: View | Entity, name: str, value: Any) -> None:
        """A local write of one field: on the group's head, replacing every version it has seen."""
        if isinstance(view_or_ent, View):
            head = self.get(view_or_ent.id)
            seen = view_or_ent.regs.get(name)
        else:
            head, seen = view_or_ent, view_or_ent.state.get(name)
        assert head is not None
        head.state[name] = R.write(seen, value, self.clock.replica, self.clock.tick())
        if isinstance(view_or_ent, View):
            view_or_ent.regs[name] = head.state[name]
        self.changed.add(head.id)
        self._rendered.pop(head.canon or head.id, None)

    def set_alias(self, loser: str, winner: str) -> None:
        """Merge the group headed by `loser` into `winner` (a new version of its `alias`)."""
        ent = self.get(loser)
        if ent is None or ent.alias() == winner or loser == winner:
            return
        self.write(ent, "alias", winner)
        self.recanon({loser, winner})

    def recanon(self, roots: set[str]) -> set[str]:
        """Recompute the group of every entity in or under `roots`; returns the affected canons."""
        self._load_groups(set(roots))
        affected: set[str] = set()
        ids = {i for r in roots for i in self._by_canon.get(r, ())} | set(roots)
        for ent in [e for i in sorted(ids) if (e := self.ents.get(i)) is not None]:
            canon = self.resolve_canon(ent.id)
            old = ent.canon or ent.id
            affected.update({old, canon})
            if canon != ent.canon:
                self._by_canon[old].discard(ent.id)
                ent.canon = canon
                self._by_canon[canon].add(ent.id)
                self.touched_local.add(ent.id)
        self._load_groups(affected)
        self.forget_renders(affected)
        return affected

    def resolve_canon(self, entity_id: str) -> str:
        """Follow `alias` to the group's canonical id (a circle: its smallest id); never into
        another kind of annotation."""
        start = self.get(entity_id)
        path, cur = [entity_id], entity_id
        while True:
            ent = self.get(cur)
            nxt = ent.alias() if ent is not None else None
            target = self.get(nxt) if nxt is not None else None
            if nxt is None or (target is not None and start is not None and target.kind != start.kind):
                return cur
            if nxt in path:
                return min(path[path.index(nxt):])
            path.append(nxt)
            cur = nxt

    # -- local rows of groups -------------------------------------------------------------------

    def local_row(self, kind: str, canon: str | None) -> str | None:
        """Id of the local row that shows a domain or highlight group (None: not shown here)."""
        if canon is None:
            return None
        key = (kind, canon)
        if key not in self.local_rows:
            ids = [m.id for m in self.members(canon)] or [canon]
            found = self.sync.rows_by_ids(TABLES[kind], ids)
            self.local_rows[key] = canon if canon in found else (min(found) if found else None)
        return self.local_rows[key]

    # -- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Write every changed state (and local columns) back; one change counter per pass."""
        ids = sorted(self.changed | self.touched_local)
        if not ids:
            return
        seq = self.clock.next_seq() if self.changed else None
        out: list[Row] = []
        for i in ids:
            ent = self.ents.get(i)
            if ent is None:
                continue
            if i in self.changed and seq is not None:
                ent.seq = seq
            after = ent.to_row()
            before = self.before.get(i)
            if before == after:
                continue
            out.append(after)
            if self.record_states and self.rec is not None:
                from briefer.annotate.changes import RowChange

                self.rec.change.rows.append(RowChange("sync_entities", {"id": i}, before, after))
            self.before[i] = after
        self.sync.put_entities(out)
        self.changed.clear()
        self.touched_local.clear()
        self.clock.save()


# -- recording local edits -------------------------------------------------------------------------

def record_local_changes(rows: AnnotationStore, rec: Recorder | None = None) -> None:
    """Turn every annotation row written since the last recording into new versions.

    Call inside the write transaction that made the rows (the undo step, when `rec` is given,
    also records the row updates this may cause, e.g. a restored note showing a colleague's text).
    """
    sync = SyncStore(rows.db)
    if not sync.has_dirty():
        return
    from briefer.annotate.materialise import materialise

    p = Pass(rows, rec)
    marks: dict[str, set[str]] = defaultdict(set)
    for tbl, key in sync.dirty():
        marks[tbl].add(key)
    affected: set[str] = set()  # groups to render again (revived ones, tags)
    for kind in ("domain", "highlight", "note", "followup"):
        if marks.get(TABLES[kind]):
            affected |= _stamp_kind(p, kind, marks[TABLES[kind]])
    if marks.get("item_domains"):
        affected |= _stamp_tags(p, marks["item_domains"])
    materialise(p, affected)
    p.save()
    sync.clear_dirty()


def _doc_of_row(p: Pass, kind: str, row: Row) -> str | None:
    if kind == "domain":
        return None
    if kind == "note":
        return p.loc.key_of(row["document_id"])
    item = p.loc.item(row["item_id"])
    return None if item is None else p.loc.key_of(item["document_id"])


def _stamp_kind(p: Pass, kind: str, ids: set[str]) -> set[str]:
    """New versions for rows of one table; returns the groups to re-render (revived ones)."""
    table = TABLES[kind]
    rows = p.sync.rows_by_ids(table, ids)
    p.load(ids)
    p.loc.prefetch_items({r["item_id"] for r in rows.values() if r.get("item_id")})
    revived: set[str] = set()
    for row_id in sorted(ids):
        row, ent = rows.get(row_id), p.get(row_id)
        if ent is None:
            if row is None:
                continue  # made and removed before it was recorded
            ent = p.new_entity(row_id, kind, _doc_of_row(p, kind, row))
            for name, value in fields_of_row(kind, row, p.env).items():
                p.write(ent, name, value)
            p.write(ent, "deleted", False)
            _shown(p, ent, kind, row)
            continue
        canon = ent.canon or ent.id
        view = p.view(canon)
        assert view is not None
        head = p.get(view.id)
        assert head is not None
        shown = shown_row(kind, head.shown)
        if row is None:
            if shown is None or shown["id"] != row_id:
                continue  # this row did not show the annotation (already gone, or shown by another)
            if not _place_exists(p, kind, shown):
                _shown(p, head, kind, None)  # its document or item went: not a deletion
                continue
            p.write(view, "deleted", True)
            _shown(p, head, kind, None)
            continue
        if shown is None and view.deleted:
            p.write(view, "deleted", False)  # restored: revive, then show what changed meanwhile
            revived.add(canon)
            continue
        if shown is not None and shown["id"] != row_id and p.sync.rows_by_ids(table, [shown["id"]]):
            revived.add(canon)  # a second row of one annotation (an undo brought it back): merge them
        changed = changed_fields(kind, row, shown)
        if changed:
            values = fields_of_row(kind, row, p.env)
            for name in changed:
                if not _consequence(p, kind, name, row, shown):
                    p.write(view, name, values[name])
        _shown(p, head, kind, row)
    return revived


def _shown(p: Pass, head: Entity, kind: str, row: Row | None) -> None:
    """Remember the row as shown now (local columns only)."""
    shown = None if row is None else snapshot(kind, row)
    slot = None if row is None else slot_of(kind, row)
    view = p.view(head.canon or head.id)
    conflict = int(bool(view and view.conflicts())) if row is not None else 0
    if (head.shown, head.slot, head.conflict) != (shown, slot, conflict):
        head.shown, head.slot, head.conflict = shown, slot, conflict
        p.touched_local.add(head.id)


def _place_exists(p: Pass, kind: str, shown: Row) -> bool:
    if kind == "domain":
        return True
    if kind == "note":
        if shown.get("item_id"):
            return p.loc.item(shown["item_id"]) is not None
        return shown.get("document_id") in p.loc.by_id
    return p.loc.item(shown["item_id"]) is not None


def _consequence(p: Pass, kind: str, name: str, row: Row, shown: Row | None) -> bool:
    """True when a reference was cleared because its target went (deleted domain or highlight)."""
    if shown is None:
        return False
    if kind == "highlight" and name == "domain" and row["domain_id"] is None and shown.get("domain_id"):
        return not p.sync.rows_by_ids("domains", [shown["domain_id"]])
    if kind == "followup" and name == "highlight" and row["highlight_id"] is None and shown.get("highlight_id"):
        return not p.sync.rows_by_ids("highlights", [shown["highlight_id"]])
    return False


def _stamp_tags(p: Pass, keys: set[str]) -> set[str]:
    affected: set[str] = set()
    pairs = [tuple(k.split("|", 1)) for k in sorted(keys)]
    p.loc.prefetch_items({i for i, _ in pairs})
    present = {(r["item_id"], r["domain_id"]) for r in p.sync.tag_rows_of_items({i for i, _ in pairs})}
    by_slot: dict[str, list[str]] = defaultdict(list)
    for r in p.sync.entities_by_slot([f"tag|{i}|{d}" for i, d in pairs]):
        by_slot[r["slot"]].append(r["id"])
    for item_id, domain_row in pairs:
        item = p.loc.item(item_id)
        if item is None:
            continue  # the item is gone (document deleted): not an untag
        slot = f"tag|{item_id}|{domain_row}"
        doc = p.loc.key_of(item["document_id"])
        domain = p.canon_of(domain_row)
        natural = tag_id(doc, item["number"], domain)
        candidates = [*by_slot.get(slot, []), natural]
        p.load(candidates)
        view = None
        for cand in candidates:
            ent = p.get(cand)
            v = None if ent is None else p.view(ent.canon or ent.id)
            if v is not None and tag_place(v, p.env)[0] == (item_id, domain_row):
                view = v
                break
        if (item_id, domain_row) in present:
            if view is None:
                ent = p.new_entity(natural, "tag", doc) if p.get(natural) is None else p.get(natural)
                assert ent is not None
                for name, value in fields_of_row("tag", {"item_id": item_id, "domain_id": domain_row},
                                                 p.env).items():
                    p.write(ent, name, value)
                affected.add(p.canon_of(ent.id))
            elif view.deleted:
                p.write(view, "present", True)
                affected.add(p.canon_of(view.id))
        elif view is not None and not view.deleted:
            if p.env.domain_row(view.value("domain")) is None:
                continue  # the domain is gone: its tags go with it, they are not untagged
            p.write(view, "present", False)
            affected.add(p.canon_of(view.id))
    return affected


def kinds_of(p: Pass, canons: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {k: set() for k in KINDS}
    for c in canons:
        members = p.members(c)
        if members:
            out[members[0].kind].add(c)
    return out


__all__ = ["KIND_OF_TABLE", "SPECS", "Pass", "PassReport", "record_local_changes", "tag_id"]
