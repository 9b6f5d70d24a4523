"""Core (annotate): annotations as mergeable entities, and how they map to the annotation tables.

Every domain, tag, highlight, note and follow-up is an `Entity`: an id, its kind, the document key,
the replica that made it, and one register (`briefer.annotate.registers`) per field:

| kind      | fields (policy)                                                                       |
|-----------|---------------------------------------------------------------------------------------|
| domain    | name, colour, description (lww) · deleted (live) · alias (lww)                        |
| tag       | item, domain (lww) · present (add) · alias (lww)                                      |
| highlight | anchor, domain (lww) · note (text) · level (level) · deleted (live) · alias (lww)     |
| note      | item (lww) · body (text) · level (level) · deleted (live) · alias (lww)               |
| followup  | item, highlight, kind, owner, due, status (lww) · text (text) · level (level) · deleted (live) · alias (lww) |

`alias` merges an entity into another (same domain name, same note place, the same highlight or
follow-up made on two sides): a group of aliased entities shows as one, the *view*: the join of the
members' registers, under the id of the group's canonical member. Key digit, position and lexicon of
a domain and the `orphaned` flag of a highlight are local to each database and never shared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from briefer.annotate import registers as R
from briefer.annotate.locate import Locator, norm, place_highlight
from briefer.annotate.registers import Register

Row = dict[str, Any]

SPECS: dict[str, dict[str, str]] = {
    "domain": {"name": "lww", "colour": "lww", "description": "lww", "deleted": "live", "alias": "lww"},
    "tag": {"item": "lww", "domain": "lww", "present": "add", "alias": "lww"},
    "highlight": {"anchor": "lww", "note": "text", "level": "level", "domain": "lww",
                  "deleted": "live", "alias": "lww"},
    "note": {"item": "lww", "body": "text", "level": "level", "deleted": "live", "alias": "lww"},
    "followup": {"item": "lww", "highlight": "lww", "kind": "lww", "text": "text", "owner": "lww",
                 "due": "lww", "status": "lww", "level": "level", "deleted": "live", "alias": "lww"},
}
KINDS = tuple(SPECS)
TABLES = {"domain": "domains", "tag": "item_domains", "highlight": "highlights", "note": "notes",
          "followup": "followups"}
KIND_OF_TABLE = {t: k for k, t in TABLES.items()}
TEXT_FIELD = {"highlight": "note", "note": "body", "followup": "text"}
LEVELLED = ("highlight", "note", "followup")
# Which columns of the table row show each field (what a local edit of the field changes).
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "domain": {"name": ("name",), "colour": ("colour",), "description": ("description",)},
    "tag": {},
    "highlight": {"anchor": ("item_id", "field", "start_offset", "end_offset", "exact"), "note": ("note",),
                  "level": ("level",), "domain": ("domain_id",)},
    "note": {"item": ("document_id", "item_id"), "body": ("body",), "level": ("level",)},
    "followup": {"item": ("item_id",), "highlight": ("highlight_id",), "kind": ("kind",), "text": ("text",),
                 "owner": ("owner",), "due": ("due",), "status": ("status",), "level": ("level",)},
}


@dataclass
class Entity:
    """Core (annotate): one annotation's merge state (a row of `sync_entities`)."""

    id: str
    kind: str
    doc: str | None
    origin: str
    state: dict[str, Register] = field(default_factory=dict)
    seq: int = 0
    canon: str = ""
    slot: str | None = None
    shown: str | None = None  # JSON: the local row (id + synced columns) as last shown
    conflict: int = 0
    shared: int = 0  # local: its content has left this database before

    @classmethod
    def from_row(cls, row: Row) -> Entity:
        return cls(id=row["id"], kind=row["kind"], doc=row["doc"], origin=row["origin"],
                   state=json.loads(row["state"]), seq=row["seq"], canon=row["canon"],
                   slot=row["slot"], shown=row["shown"], conflict=row["conflict"],
                   shared=row["shared"])

    def to_row(self) -> Row:
        return {"id": self.id, "kind": self.kind, "doc": self.doc, "origin": self.origin,
                "state": json.dumps(self.state, ensure_ascii=False, separators=(",", ":")),
                "seq": self.seq, "canon": self.canon or self.id, "slot": self.slot,
                "shown": self.shown, "conflict": self.conflict, "shared": self.shared}

    def reg(self, name: str) -> Register | None:
        return self.state.get(name)

    def value(self, name: str, mine: frozenset[str] = frozenset()) -> Any:
        return R.resolve(SPECS[self.kind][name], self.state.get(name), mine)

    def alias(self) -> str | None:
        target = R.lww(self.state.get("alias"))
        return target if isinstance(target, str) and target != self.id else None

    def max_clock(self) -> int:
        return max([0, *(R.max_clock(r) for r in self.state.values())])


@dataclass
class View:
    """Core (annotate): a group of aliased entities seen as one annotation."""

    id: str  # the canonical member
    kind: str
    doc: str | None
    origin: str
    regs: dict[str, Register]
    members: list[Entity]
    mine: frozenset[str] = frozenset()

    @classmethod
    def of(cls, canon: str, members: list[Entity], mine: frozenset[str]) -> View:
        if len(members) == 1:  # the view's fields are the entity's own (writes go to both)
            head = members[0]
            return cls(canon, head.kind, head.doc, head.origin, head.state, members, mine)
        head = next((m for m in members if m.id == canon), members[0])
        members = [m for m in members if m.kind == head.kind]
        if len(members) == 1:
            regs = dict(head.state)
        else:
            names = {n for m in members for n in m.state if n != "alias"}
            regs = {n: R.join([m.state.get(n) for m in members]) for n in names}
        return cls(canon, head.kind, head.doc, head.origin, regs, members, mine)

    def value(self, name: str) -> Any:
        return R.resolve(SPECS[self.kind][name], self.regs.get(name), self.mine)

    @property
    def deleted(self) -> bool:
        if self.kind == "tag":
            return not R.present(self.regs.get("present"))
        return R.deleted(self.regs.get("deleted"))

    @property
    def level(self) -> str:
        return R.level(self.regs.get("level"))

    def conflicts(self) -> list[str]:
        """The text fields that hold two versions (at most one per kind)."""
        name = TEXT_FIELD.get(self.kind)
        return [name] if name and R.in_conflict(self.regs.get(name)) else []


class Env:
    """Core (annotate): what rendering needs of this database: places, and local rows of groups.

    `domain_row(entity_id)` / `highlight_row(entity_id)` give the id of the local row that shows the
    group of that entity (None when it is not shown here, e.g. deleted); `entity_of(table, row_id)`
    the canonical entity behind a local row.
    """

    def __init__(self, loc: Locator, canon_of: Any, local_row: Any) -> None:
        self.loc = loc
        self._canon_of = canon_of
        self._local_row = local_row

    def canon(self, entity_id: str | None) -> str | None:
        return None if entity_id is None else self._canon_of(entity_id)

    def domain_row(self, entity_id: str | None) -> str | None:
        return None if entity_id is None else self._local_row("domain", self.canon(entity_id))

    def highlight_row(self, entity_id: str | None) -> str | None:
        return None if entity_id is None else self._local_row("highlight", self.canon(entity_id))


# -- rendering: view -> the row this database should hold ---------------------------------------

def render(view: View, env: Env) -> tuple[Row | None, str]:
    """The table row `view` should be here (without id/created/updated), and why when None:
    "deleted", "pending" (its document or item is not here) or "empty"."""
    if view.deleted:
        return None, "deleted"
    kind = view.kind
    if kind == "domain":
        name = view.value("name")
        if not isinstance(name, str) or not name.strip():
            return None, "empty"
        return {"name": name, "colour": view.value("colour") or "#7f8c8d",
                "description": view.value("description") or ""}, ""
    if kind == "tag":
        place, why = tag_place(view, env)
        return (None, why) if place is None else ({"item_id": place[0], "domain_id": place[1]}, "")
    if kind == "highlight":
        anchor = view.value("anchor")
        spot = env.loc.spot(view.doc, anchor) if isinstance(anchor, dict) else None
        if spot is None or spot.item is None:
            return None, "pending"
        row = place_highlight(anchor, spot.item, spot.how)
        row.update(note=view.value("note") or "", level=view.level,
                   domain_id=env.domain_row(view.value("domain")))
        return row, ""
    if kind == "note":
        spot = env.loc.spot(view.doc, view.value("item"))
        body = view.value("body")
        if spot is None:
            return None, "pending"
        if not isinstance(body, str) or not body.strip():
            return None, "empty"
        return {"document_id": spot.document_id, "item_id": spot.item["id"] if spot.item else None,
                "body": body, "level": view.level}, ""
    spot = env.loc.spot(view.doc, view.value("item"))
    if spot is None or spot.item is None:
        return None, "pending"
    text = view.value("text")
    if not isinstance(text, str) or not text.strip():
        text = next((v for v in R.values(view.regs.get("text")) if isinstance(v, str) and v.strip()), "")
        if not text:
            return None, "empty"
    return {"item_id": spot.item["id"], "highlight_id": env.highlight_row(view.value("highlight")),
            "kind": view.value("kind") or "overig", "text": text, "owner": view.value("owner") or "",
            "due": view.value("due"), "status": view.value("status") or "open", "level": view.level}, ""


def tag_place(view: View, env: Env) -> tuple[tuple[str, str] | None, str]:
    """(item id, domain row id) where a tag group would be, present or not; else why not."""
    spot = env.loc.spot(view.doc, view.value("item"))
    if spot is None or spot.item is None:
        return None, "pending"
    domain = env.domain_row(view.value("domain"))
    if domain is None:
        return None, "deleted"
    return (spot.item["id"], domain), ""


def slot_of(kind: str, row: Row) -> str:
    """Where a rendered row sits, for spotting two annotations that are the same thing."""
    if kind == "domain":
        return "domain|" + norm(row["name"])
    if kind == "tag":
        return f"tag|{row['item_id']}|{row['domain_id']}"
    if kind == "note":
        return f"note|{row['document_id']}|{row['item_id'] or ''}"
    if kind == "highlight":
        return f"highlight|{row['item_id']}|{row['field']}|{norm(row['exact'])}"
    return f"followup|{row['item_id']}|{norm(row['text'])}"


# -- recording: a local row -> field values ------------------------------------------------------

def fields_of_row(kind: str, row: Row, env: Env) -> dict[str, Any]:
    """The field values a local row shows (what a local edit writes)."""
    loc = env.loc
    if kind == "domain":
        return {"name": row["name"], "colour": row["colour"], "description": row["description"] or ""}
    if kind == "tag":
        item = loc.item(row["item_id"])
        return {"item": loc.ref_of_item(item) if item else None,
                "domain": env.canon(row["domain_id"]), "present": True}
    if kind == "note":
        if row["item_id"] is None:
            ref = loc.ref_of_document(row["document_id"])
        else:
            item = loc.item(row["item_id"])
            ref = loc.ref_of_item(item) if item else None
        return {"item": ref, "body": row["body"], "level": row["level"]}
    item = loc.item(row["item_id"])
    ref = loc.ref_of_item(item) if item else None
    if kind == "highlight":
        anchor = None if ref is None else {
            **ref, "f": row["field"], "s": row["start_offset"], "e": row["end_offset"], "x": row["exact"],
            "p": row["prefix"], "q": row["suffix"]}
        return {"anchor": anchor, "note": row["note"] or "", "level": row["level"],
                "domain": env.canon(row["domain_id"]) if row["domain_id"] else None}
    return {"item": ref, "highlight": env.canon(row["highlight_id"]) if row["highlight_id"] else None,
            "kind": row["kind"], "text": row["text"], "owner": row["owner"] or "", "due": row["due"],
            "status": row["status"], "level": row["level"]}


def changed_fields(kind: str, row: Row, shown: Row | None) -> list[str]:
    """Fields whose columns differ between the local row and the row as last shown."""
    if shown is None:
        return list(COLUMNS[kind])
    return [f for f, cols in COLUMNS[kind].items() if any(row.get(c) != shown.get(c) for c in cols)]


SHOWN = {kind: ("id", *sorted({c for group in cols.values() for c in group})) for kind, cols in COLUMNS.items()}


def snapshot(kind: str, row: Row) -> str:
    """What `Entity.shown` keeps of a row: its id and the columns that show fields (a JSON list)."""
    return json.dumps([row.get(c) for c in SHOWN[kind]], ensure_ascii=False, separators=(",", ":"))


def shown_row(kind: str, shown: str | None) -> Row | None:
    """`snapshot` read back as a dict."""
    return None if shown is None else dict(zip(SHOWN[kind], json.loads(shown), strict=True))
