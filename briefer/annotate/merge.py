"""Core (annotate): merging a colleague's annotation states into this database.

`merge_records` is the one merge for both ways in: a shared annotation file and the files of a
shared folder. It runs inside one pass (one transaction) and:
1. records this database's own pending edits first (so nothing local is mistaken for theirs);
2. joins every incoming register into ours, field by field (`registers.merge`): commutative,
   associative and idempotent, so the order files arrive in never matters;
3. carries what a colleague placed on a version that is superseded here forward to the current
   version, as a re-import would (a new version of its anchor, which travels back);
4. recognises annotations that are the same thing and merges them (a new version of `alias`): a
   domain with the same name, a note on the same place, and — when made on two sides — the same
   highlight (same item, same quote) or the same follow-up (same item, same text);
5. renders what changed into the tables (`materialise`).
Steps 3 and 4 are decisions every database takes the same way, and they are recorded as changes,
so every database ends with the same annotations.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.annotate import registers as R
from briefer.annotate.entities import Entity, slot_of, tag_place
from briefer.annotate.locate import norm, place_highlight
from briefer.annotate.materialise import materialise
from briefer.annotate.replica import kinds_of

if TYPE_CHECKING:
    from briefer.annotate.replica import Pass

Row = dict[str, Any]


@dataclass
class MergeOutcome:
    """Core (annotate): what merging records did to the state (the table effects are in `p.report`)."""

    new: set[str] = field(default_factory=set)
    changed: set[str] = field(default_factory=set)
    identical: int = 0
    carried: int = 0
    unified: dict[str, int] = field(default_factory=dict)
    wrong_kind: list[str] = field(default_factory=list)
    canons: set[str] = field(default_factory=set)


def merge_records(p: Pass, records: list[dict[str, Any]]) -> MergeOutcome:
    """Join `records` (validated entity records) into the state and the tables."""
    out = MergeOutcome()
    p.load([r["id"] for r in records])
    alias_changed: set[str] = set()
    for rec in records:
        ent = p.get(rec["id"])
        if ent is None:
            ent = p.add(Entity(id=rec["id"], kind=rec["kind"], doc=rec.get("doc"), origin=rec["origin"],
                               canon=rec["id"]))
            out.new.add(ent.id)
        elif ent.kind != rec["kind"]:
            out.wrong_kind.append(rec["id"])
            continue
        changed = ent.id in out.new
        for name, reg in rec["f"].items():
            old = ent.state.get(name)
            merged = R.merge(old, reg)
            p.clock.observe(R.max_clock(reg))
            if merged != old:
                ent.state[name] = merged
                changed = True
                if name == "alias":
                    alias_changed.add(ent.id)
        if ent.doc is None and rec.get("doc"):
            ent.doc = rec["doc"]
            changed = True
        if changed:
            p.changed.add(ent.id)
            out.changed.add(ent.id)
        else:
            out.identical += 1
    canons = p.recanon(alias_changed | out.new) if (alias_changed or out.new) else set()
    canons |= {p.canon_of(i) for i in out.changed}
    place(p, canons, out)
    return out


def place(p: Pass, canons: set[str], out: MergeOutcome) -> None:
    """Steps 3–5 for the groups `canons`: carry forward, recognise the same, render."""
    out.carried += carry_forward(p, canons)
    unified = unify(p, canons, out.unified)
    canons |= unified
    canons |= _users_of_domains(p, unified | {p.canon_of(i) for i in out.new})
    out.canons |= {c for c in canons if p.members(c)}
    materialise(p, out.canons)


def _users_of_domains(p: Pass, canons: set[str]) -> set[str]:
    """Highlights and tags that name a member of these domain groups: a domain that arrives or joins
    another (the same name on two sides) changes the row they are shown with, so they are rendered
    again — else a highlight placed before its domain was known here keeps showing no domain."""
    members = {m.id for c in canons for m in p.members(c) if m.kind == "domain"}
    if not members:
        return set()
    ids: set[str] = set()
    for member in sorted(members):
        ids |= p.sync.naming(member)
    if not ids:
        return set()
    p.load(sorted(ids))
    return {p.canon_of(i) for i in ids}


def place_pending(p: Pass, doc_keys: set[str]) -> MergeOutcome:
    """Show what waited for a document that is now here (annotations received before it was)."""
    out = MergeOutcome()
    rows = [r for r in p.sync.entities_of_docs(doc_keys) if r["shown"] is None and r["slot"] is None]
    p.load([r["id"] for r in rows])
    place(p, {p.canon_of(r["id"]) for r in rows}, out)
    return out


# -- carrying forward to the current version -----------------------------------------------------

def carry_forward(p: Pass, canons: set[str]) -> int:
    """Move groups placed on a superseded version to the current one (a new version of the place)."""
    carried = 0
    for c in sorted(canons):
        view = p.view(c)
        if view is None or view.deleted or view.kind == "domain":
            continue
        name = "anchor" if view.kind == "highlight" else "item"
        ref = view.value(name)
        spot = p.loc.spot(view.doc, ref)
        if spot is None or spot.how != "superseded":
            continue
        if view.kind == "highlight":
            assert spot.forward is not None
            placed = place_highlight(ref, spot.forward, "moved")
            new_ref: dict[str, Any] = {
                **p.loc.ref_of_item(spot.forward), "f": placed["field"], "s": placed["start_offset"],
                "e": placed["end_offset"], "x": placed["exact"], "p": placed["prefix"], "q": placed["suffix"]}
        elif spot.forward is None:
            assert spot.forward_document_id is not None
            new_ref = p.loc.ref_of_document(spot.forward_document_id)
        else:
            new_ref = p.loc.ref_of_item(spot.forward)
        p.write(view, name, new_ref)
        carried += 1
    return carried


# -- recognising the same annotation -------------------------------------------------------------

def unify(p: Pass, canons: set[str], counts: dict[str, int]) -> set[str]:
    """Alias groups that are the same thing; returns every group touched."""
    touched: set[str] = set()
    groups = kinds_of(p, canons)
    pairs: list[tuple[str, list[str]]] = []
    pairs += [("domain", g) for g in _same_domains(p)]
    pairs += [("note", g) for g in _same_place(p, groups["note"])]
    pairs += [("tag", g) for g in _same_tags(p, groups["tag"])]
    for kind in ("highlight", "followup"):
        pairs += [(kind, g) for g in _same_work(p, kind, groups[kind])]
    for kind, group in pairs:
        winner = min(group)
        for loser in group:
            if loser != winner:
                head = p.view(loser)
                if head is not None:
                    p.set_alias(head.id, winner)
                    counts[kind] = counts.get(kind, 0) + 1
        touched |= p.recanon(set(group))
    return touched


def _live_rendered(p: Pass, canons: set[str]) -> dict[str, Row]:
    out: dict[str, Row] = {}
    for c in sorted(canons):
        view = p.view(c)
        if view is None or view.deleted:
            continue
        row, _why = p.render(c, view)
        if row is not None:
            out[c] = row
    return out


def _groups_by(slots: dict[str, list[str]]) -> list[list[str]]:
    return [sorted(set(v)) for v in slots.values() if len(set(v)) > 1]


def _same_domains(p: Pass) -> list[list[str]]:
    """Live domains with the same name (case and spaces ignored); the taxonomy is small."""
    rows = p.sync.entities_of_kind("domain")
    p.load([r["id"] for r in rows])
    canons = {p.canon_of(r["id"]) for r in rows}
    canons |= {e.canon or e.id for e in p.ents.values() if e is not None and e.kind == "domain"}
    by_name: dict[str, list[str]] = defaultdict(list)
    for c, row in _live_rendered(p, canons).items():
        by_name[norm(row["name"])].append(c)
    return _groups_by(by_name)


def _same_place(p: Pass, canons: set[str]) -> list[list[str]]:
    """Notes on the same place (one note per item and document)."""
    by_slot: dict[str, list[str]] = defaultdict(list)
    for c, row in _live_rendered(p, canons).items():
        slot = slot_of("note", row)
        by_slot[slot].append(c)
        other = p.sync.note_at(row["document_id"], row["item_id"])
        if other is not None:
            by_slot[slot].append(p.canon_of(other["id"]))
    return _groups_by(by_slot)


def _same_tags(p: Pass, canons: set[str]) -> list[list[str]]:
    by_slot: dict[str, list[str]] = defaultdict(list)
    for c in sorted(canons):
        view = p.view(c)
        if view is None:
            continue
        place, _why = tag_place(view, p.env)
        if place is None:
            continue
        slot = f"tag|{place[0]}|{place[1]}"
        by_slot[slot].append(c)
        for other in p.sync.entities_by_slot([slot]):
            by_slot[slot].append(p.canon_of(other["id"]))
    return _groups_by(by_slot)


def _origins(p: Pass, canon: str) -> set[str]:
    return {m.origin for m in p.members(canon)}


def _same_work(p: Pass, kind: str, canons: set[str]) -> list[list[str]]:
    """The same highlight (item + quote) or follow-up (item + text) made in two databases."""
    if not canons:
        return []
    rendered = _live_rendered(p, canons)
    by_slot: dict[str, list[str]] = defaultdict(list)
    for c, row in rendered.items():
        if kind == "highlight" and row.get("orphaned"):
            continue
        by_slot[slot_of(kind, row)].append(c)
    table = "highlights" if kind == "highlight" else "followups"
    items = {row["item_id"] for row in rendered.values()}
    for local in p.sync.rows_of_items(table, items) if items else []:
        if kind == "highlight" and local.get("orphaned"):
            continue
        slot = slot_of(kind, local)
        if slot in by_slot:
            by_slot[slot].append(p.canon_of(local["id"]))
    groups = []
    for members in _groups_by(by_slot):
        # only work done on two sides: members must come from more than one database
        origins = [_origins(p, c) for c in members]
        if len(set().union(*origins)) > 1:
            groups.append(members)
    return groups
