"""Core (annotate): writing what the merge state renders into the annotation tables.

For each group of entities the pass renders one row (`entities.render`) and brings the table in
line: insert it, update the columns that differ, or remove it. Removing an annotation a colleague
deleted puts it in the trash (restorable, and restoring it revives it for everyone); an annotation
that cannot be placed here (its document or item is not in this database) is only hidden and
reported. When two entities merged into one, the surviving row takes over what pointed at the
other (follow-ups of a highlight, tags and highlights of a domain). Writes go through the pass's
writer: a Recorder inside an undo step, else directly.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from briefer.annotate import registers as R
from briefer.annotate.clock import clock_ms
from briefer.annotate.entities import TABLES, View, slot_of, snapshot, tag_place
from briefer.model import new_id, now_iso
from briefer.textutil import shorten

if TYPE_CHECKING:
    from briefer.annotate.replica import Pass

Row = dict[str, Any]
LABELS = {"highlight": "Markering", "note": "Notitie", "followup": "Vervolgactie", "domain": "Domein"}
BY_COLLEAGUE = " (verwijderd door een collega)"


def _created(view: View) -> str:
    clocks = [s[2] for reg in view.regs.values() if reg for s in reg[0]]
    ms = clock_ms(min(clocks)) if clocks else 0
    if ms <= 0:
        return now_iso()
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")


def materialise(p: Pass, canons: set[str]) -> None:
    """Bring the tables in line with the groups `canons` (and what depends on them)."""
    from briefer.annotate.replica import kinds_of

    if not canons:
        return
    groups = kinds_of(p, canons)
    before = dict(p.local_rows)
    shown_domains = _domains(p, groups["domain"])
    if any(p.local_rows.get(k) != before.get(k, p.local_rows.get(k)) for k in p.local_rows) or shown_domains:
        p.forget_renders()  # highlights and tags show their domain's local row, which changed
    if shown_domains:
        extra = _dependents(p, ("highlight", "tag"), "domain", shown_domains)
        for kind, ids in kinds_of(p, extra).items():
            groups[kind] |= ids
    shown_highlights = _rows(p, "highlight", groups["highlight"])
    if groups["highlight"]:
        p.forget_renders(groups["followup"])  # follow-ups show their highlight's local row
    if shown_highlights:
        groups["followup"] |= _dependents(p, ("followup",), "highlight", shown_highlights)
    _rows(p, "note", groups["note"])
    _rows(p, "followup", groups["followup"])
    _tags(p, groups["tag"])


def _dependents(p: Pass, kinds: tuple[str, ...], name: str, targets: set[str]) -> set[str]:
    """Groups of `kinds` whose field `name` points into one of the groups `targets`."""
    out: set[str] = set()
    for kind in kinds:
        for row in p.sync.entities_of_kind(kind):
            state = json.loads(row["state"])
            value = R.lww(state.get(name))
            if isinstance(value, str) and (value in targets or p.canon_of(value) in targets):
                out.add(row["canon"])
    return out


def _finish(p: Pass, view: View, kind: str, desired: Row | None, keep_id: str | None = None,
            slot: str | None = None) -> None:
    """Remember where and how the group is shown now (local columns of its head)."""
    head = p.get(view.id)
    if head is None:
        return
    new_slot = slot if slot is not None else (None if desired is None else slot_of(kind, desired))
    conflict = int(bool(view.conflicts())) if desired is not None else 0
    shown = None if desired is None or kind == "tag" else snapshot(kind, {**desired, "id": keep_id})
    if (head.slot, head.conflict, head.shown) != (new_slot, conflict, shown):
        head.slot, head.conflict, head.shown = new_slot, conflict, shown
        p.touched_local.add(head.id)


# -- highlights, notes, follow-ups ---------------------------------------------------------------

def _rows(p: Pass, kind: str, canons: set[str]) -> set[str]:
    """Materialise groups of one kind; returns the groups whose row was newly shown."""
    table = TABLES[kind]
    views = {c: v for c in sorted(canons) if (v := p.view(c)) is not None}
    ids = {m.id for v in views.values() for m in v.members}
    rows = p.sync.rows_by_ids(table, ids) if ids else {}
    trash: dict[str, list[Row]] = {}
    for t in p.sync.trash_of(ids) if ids else []:
        trash.setdefault(t["ref_id"], []).append(t)
    if kind == "followup":
        targets = {R.lww(v.regs.get("highlight")) for v in views.values()} - {None}
        for target in targets:
            p.local_row("highlight", p.canon_of(target))
    shown: set[str] = set()
    stamp = now_iso()
    for c, view in views.items():
        desired, why = p.render(c, view)
        mine = sorted((rows[m.id] for m in view.members if m.id in rows), key=lambda r: r["id"])
        keep = rows.get(view.id) or (mine[0] if mine else None)
        if desired is None:
            for row in mine:
                _remove(p, kind, row, why)
            p.local_rows[(kind, c)] = None
            if why == "pending":
                p.report.count(p.report.pending, kind)
            _finish(p, view, kind, None)
            continue
        if kind == "note":
            other = p.sync.note_at(desired["document_id"], desired["item_id"])
            if other is not None and other["id"] not in {m.id for m in view.members}:
                p.report.count(p.report.pending, kind)  # another note holds the place (not merged)
                _finish(p, view, kind, None)
                continue
        if keep is None:
            p.writer.insert(TABLES[kind], {"id": view.id, **desired, "created": _created(view),
                                           "updated": stamp})
            keep_id = view.id
            p.report.count(p.report.inserted, kind)
            shown.add(c)
        elif keep["id"] != view.id:
            # merged into another annotation: the row takes the group's id, the same everywhere
            row = {**keep, **desired, "id": view.id, "updated": stamp}
            if kind == "note":
                p.writer.delete(table, {"id": keep["id"]})
                p.writer.insert(table, row)
            else:
                p.writer.insert(table, row)
                _repoint(p, kind, keep["id"], view.id)
                p.writer.delete(table, {"id": keep["id"]})
            keep_id = view.id
            mine = [r for r in mine if r["id"] != keep["id"]]
            p.report.count(p.report.merged, kind)
        else:
            keep_id = keep["id"]
            diff = {k: v for k, v in desired.items() if keep.get(k) != v}
            if diff:
                p.writer.update_known(table, keep, {**diff, "updated": stamp})
                p.report.count(p.report.updated, kind)
        if kind == "highlight" and desired.get("orphaned") and (keep is None or not keep.get("orphaned")):
            p.report.orphaned += 1
        if keep is None or keep.get("item_id") != desired.get("item_id"):
            _count_old_version(p, desired)
        for row in mine:
            if row["id"] != keep_id:
                _repoint(p, kind, row["id"], keep_id)
                p.writer.delete(table, {"id": row["id"]})
                p.report.count(p.report.merged, kind)
        for m in view.members:
            for t in trash.get(m.id, []):
                p.writer.delete("trash", {"id": t["id"]})
        p.local_rows[(kind, c)] = keep_id
        _finish(p, view, kind, desired, keep_id)
    return shown


def _count_old_version(p: Pass, desired: Row) -> None:
    item = p.loc.item(desired["item_id"]) if desired.get("item_id") else None
    doc = item["document_id"] if item else desired.get("document_id")
    if doc and doc in p.loc.by_id and p.loc.current(doc)["id"] != doc:
        p.report.old_version += 1


def _repoint(p: Pass, kind: str, old_id: str, new_id_: str) -> None:
    if kind == "highlight":
        for fu in p.sync.followup_rows_of_highlights([old_id]):
            p.writer.update("followups", {"id": fu["id"]}, {"highlight_id": new_id_})


def _trash(p: Pass, kind: str, ref_id: str, label: str, level: str, payload: list[Row],
           document_id: str | None, item_id: str | None) -> None:
    p.writer.insert("trash", {
        "id": new_id(), "kind": kind, "ref_id": ref_id, "document_id": document_id, "item_id": item_id,
        "label": label + BY_COLLEAGUE, "rows": json.dumps(payload, ensure_ascii=False), "level": level,
        "deleted": now_iso(),
    })


def _remove(p: Pass, kind: str, row: Row, why: str) -> None:
    table = TABLES[kind]
    payload: list[Row] = [{"table": table, "row": row}]
    if kind == "highlight":
        for fu in p.sync.followup_rows_of_highlights([row["id"]]):
            p.writer.update("followups", {"id": fu["id"]}, {"highlight_id": None})
            payload.append({"table": "followups", "mode": "relink", "column": "highlight_id",
                            "row": {"id": fu["id"], "highlight_id": row["id"]}})
    if why == "deleted":
        item = p.loc.item(row["item_id"]) if row.get("item_id") else None
        document_id = row.get("document_id") or (item["document_id"] if item else None)
        text = row.get("exact") or row.get("body") or row.get("text") or ""
        if kind == "note" and row.get("item_id") is None:
            label = f"Kern '{shorten(text, 40)}'"
        else:
            label = f"{LABELS[kind]} '{shorten(text, 40)}'"
        _trash(p, kind, row["id"], label, row["level"], payload, document_id, row.get("item_id"))
    p.writer.delete(table, {"id": row["id"]})
    p.report.count(p.report.removed, kind)


# -- domains -------------------------------------------------------------------------------------

def _domains(p: Pass, canons: set[str]) -> set[str]:
    """Materialise domain groups; returns the groups whose row was newly shown."""
    views = {c: v for c in sorted(canons) if (v := p.view(c)) is not None}
    if not views:
        return set()
    ids = {m.id for v in views.values() for m in v.members}
    rows = p.sync.rows_by_ids("domains", ids)
    plan: list[tuple[str, View, Row | None, list[Row], Row | None]] = []
    for c, view in views.items():
        desired, why = p.render(c, view)
        mine = sorted((rows[m.id] for m in view.members if m.id in rows), key=lambda r: r["id"])
        keep = rows.get(view.id) or (mine[0] if mine else None)
        if desired is None:
            for row in mine:
                _remove_domain(p, row, why)
            p.local_rows[("domain", c)] = None
            _finish(p, view, "domain", None)
            continue
        plan.append((c, view, desired, mine, keep))
    # names move in two steps, so a swap of two names never trips the unique index
    for _c, _view, desired, _mine, keep in plan:
        if keep is not None and desired is not None and keep["name"] != desired["name"]:
            p.writer.update("domains", {"id": keep["id"]}, {"name": f"\x01{keep['id']}"})
            keep["name"] = f"\x01{keep['id']}"
    for _c, _view, _desired, mine, keep in plan:
        for row in mine:
            if keep is not None and row["id"] != keep["id"]:
                _move_domain(p, row["id"], keep["id"])
                p.writer.delete("domains", {"id": row["id"]})
                p.report.count(p.report.merged, "domain")
    shown: set[str] = set()
    stamp = now_iso()
    for c, view, desired, _mine, keep in plan:
        assert desired is not None
        if keep is None:
            used = p.rows.used_keys()
            key = next((k for k in range(1, 10) if k not in used), None)
            p.writer.insert("domains", {"id": view.id, **desired, "key": key, "lexicon": "[]",
                                        "position": p.rows.next_domain_position(),
                                        "created": _created(view), "updated": stamp})
            keep_id = view.id
            p.report.count(p.report.inserted, "domain")
            p.report.domains_added.append(desired["name"])
            shown.add(c)
        else:
            keep_id = keep["id"]
            diff = {k: v for k, v in desired.items() if keep.get(k) != v}
            if diff:
                p.writer.update("domains", {"id": keep_id}, {**diff, "updated": stamp})
                p.report.count(p.report.updated, "domain")
        p.local_rows[("domain", c)] = keep_id
        _finish(p, view, "domain", desired, keep_id)
    return shown


def _move_domain(p: Pass, old_id: str, new_id_: str) -> None:
    for tag in p.sync.tag_rows_of_domains([old_id]):
        p.writer.delete("item_domains", {"item_id": tag["item_id"], "domain_id": old_id})
        if p.rows.get("item_domains", {"item_id": tag["item_id"], "domain_id": new_id_}) is None:
            p.writer.insert("item_domains", {"item_id": tag["item_id"], "domain_id": new_id_,
                                             "created": tag["created"]})
    for hl in p.sync.highlight_rows_of_domains([old_id]):
        p.writer.update("highlights", {"id": hl["id"]}, {"domain_id": new_id_})


def _remove_domain(p: Pass, row: Row, why: str) -> None:
    payload: list[Row] = [{"table": "domains", "row": row}]
    for tag in p.sync.tag_rows_of_domains([row["id"]]):
        p.writer.delete("item_domains", {"item_id": tag["item_id"], "domain_id": row["id"]})
        payload.append({"table": "item_domains", "row": tag})
    for hl in p.sync.highlight_rows_of_domains([row["id"]]):
        p.writer.update("highlights", {"id": hl["id"]}, {"domain_id": None})
        payload.append({"table": "highlights", "mode": "relink", "column": "domain_id",
                        "row": {"id": hl["id"], "domain_id": row["id"]}})
    if why == "deleted":
        _trash(p, "domain", row["id"], f"Domein '{row['name']}'", "openbaar", payload, None, None)
    p.writer.delete("domains", {"id": row["id"]})
    p.report.count(p.report.removed, "domain")


# -- tags ----------------------------------------------------------------------------------------

def _tags(p: Pass, canons: set[str]) -> None:
    for c in sorted(canons):
        view = p.view(c)
        if view is None:
            continue
        place, _why = tag_place(view, p.env)
        head = p.get(view.id)
        old_slot = head.slot if head is not None else None
        new_slot = None if place is None else f"tag|{place[0]}|{place[1]}"
        if place is not None and not view.deleted:
            key = {"item_id": place[0], "domain_id": place[1]}
            if p.rows.get("item_domains", key) is None:
                p.writer.insert("item_domains", {**key, "created": _created(view)})
                p.report.count(p.report.inserted, "tag")
        for slot in {old_slot, new_slot} - {None}:
            assert slot is not None
            if slot == new_slot and not view.deleted:
                continue
            _, item_id, domain_id = slot.split("|", 2)
            key = {"item_id": item_id, "domain_id": domain_id}
            if p.rows.get("item_domains", key) is not None and not _claimed(p, slot, view):
                p.writer.delete("item_domains", key)
                p.report.count(p.report.removed, "tag")
        _finish(p, view, "tag", None, slot=new_slot)


def _claimed(p: Pass, slot: str, view: View) -> bool:
    """True when another present tag group shows at `slot` (then its row stays)."""
    members = {m.id for m in view.members}
    for row in p.sync.entities_by_slot([slot]):
        if row["id"] in members or row["canon"] in members:
            continue
        other = p.view(row["canon"])
        if other is not None and not other.deleted and tag_place(other, p.env)[0] is not None:
            return True
    return False
