"""Test helper: several databases ("replicas") holding the same document, random edits on them,
exchanges of annotation files between them, and dumps of their merged state to compare.

Each replica is a real SQLite file; exchanges go through `export_json` / `import_json` with a
JSON round trip (what a file on disk carries). Dumps name annotations by their canonical entity
id, so two databases whose local row ids differ still compare equal when they hold the same.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from annot_fixtures import add_document

from briefer.annotate import Annotations
from briefer.annotate import registers as R
from briefer.annotate.entities import TEXT_FIELD, Entity, View
from briefer.errors import BrieferError
from briefer.store import Store
from briefer.store.sync import SyncStore

QUOTES = [(1, "belangrijke prioriteit"), (1, "geïnformeerd worden"), (2, "recycling"),
          (2, "vertrouwelijke technische briefing"), (2, "kritieke grondstoffen"), (3, "voedselzekerheid"),
          (3, "gewaarborgd")]
TEXTS = ["eerste", "tweede", "derde", "vierde", ""]
LEVELS = ["openbaar", "intern", "vertrouwelijk"]
FOLLOWUPS = ["Briefing aanvragen", "Motie voorbereiden", "Vraag in debat"]
DOMAIN_NAMES = ["Veiligheid", "Energie", "Klimaat", "Veiligheid en defensie"]
STATUSES = ["open", "loopt", "afgerond"]
DUES = [None, "2026-12-01", "2027-01-15"]


def make_template(folder: Path) -> Path:
    """A database with the document imported and nothing else (no replica id, no domains yet)."""
    path = folder / "template.db"
    with Store.open(path) as store:
        add_document(store)
    return path


class Replica:
    """One staffer's database."""

    def __init__(self, path: Path, name: str) -> None:
        self.name = name
        self.store = Store.open(path)
        self.ann = Annotations(self.store)
        self.doc = self.store.documents()[0]
        self.items = {i.number: i for i in self.store.items(self.doc.id)}
        self.changes: list[Any] = []

    @classmethod
    def copies(cls, template: Path, folder: Path, n: int) -> list[Replica]:
        out = []
        for k in range(n):
            path = folder / f"r{k}.db"
            shutil.copyfile(template, path)
            out.append(cls(path, f"r{k}"))
        return out

    def record(self) -> None:
        """Record edits not recorded yet (the seeded domains, before any other write)."""
        from briefer.annotate.replica import record_local_changes

        with self.store.transaction():
            record_local_changes(self.ann.rows)

    def close(self) -> None:
        self.store.close()

    def share(self) -> dict[str, Any]:
        return json.loads(json.dumps(self.ann.export_json(self.doc.id, "vertrouwelijk")))

    def take(self, data: dict[str, Any]) -> Any:
        return self.ann.import_json(data)

    # -- picking existing annotations ----------------------------------------------------------

    def highlights(self) -> list[Any]:
        return sorted(self.ann.document_highlights(self.doc.id), key=lambda h: h.id)

    def notes(self) -> list[Any]:
        return sorted(self.ann.notes(self.doc.id), key=lambda n: n.id)

    def followups(self) -> list[Any]:
        return sorted(self.ann.followups(document_id=self.doc.id), key=lambda f: f.id)

    def domains(self) -> list[Any]:
        return sorted(self.ann.domains(), key=lambda d: d.id)


def _pick(seq: list[Any], k: int) -> Any:
    return seq[k % len(seq)] if seq else None


def apply(rep: Replica, op: tuple[Any, ...], counter: list[int]) -> None:
    """Apply one random edit; refusals (a name taken, an undo that conflicts) are part of life."""
    kind = op[0]
    ann = rep.ann
    counter[0] += 1
    try:
        change = None
        if kind == "hl_add":
            n, quote = QUOTES[op[2]]
            change = ann.highlight_quote(rep.items[n].id, quote, level=op[3])
        elif kind in ("hl_note", "hl_level", "hl_domain", "hl_del"):
            h = _pick(rep.highlights(), op[2])
            if h is None:
                return
            if kind == "hl_note":
                change = ann.update_highlight(h.id, note=op[3])
            elif kind == "hl_level":
                change = ann.update_highlight(h.id, level=op[3])
            elif kind == "hl_domain":
                d = _pick(rep.domains(), op[3]) if op[3] is not None else None
                change = ann.update_highlight(h.id, domain_id=d.id if d else None)
            else:
                change = ann.delete_highlight(h.id)
        elif kind == "note_set":
            item = rep.items[op[2]].id if op[2] else None
            change = ann.set_note(rep.doc.id, item, op[3], level=op[4])
        elif kind in ("note_level", "note_del"):
            note = _pick(rep.notes(), op[2])
            if note is None:
                return
            change = ann.set_note_level(note.id, op[3]) if kind == "note_level" else ann.delete_note(note.id)
        elif kind == "fu_add":
            change = ann.add_followup(rep.items[op[2]].id, FOLLOWUPS[op[3]], level=op[4])
        elif kind in ("fu_set", "fu_del"):
            f = _pick(rep.followups(), op[2])
            if f is None:
                return
            if kind == "fu_del":
                change = ann.delete_followup(f.id)
            else:
                name, value = op[3], op[4]
                if name == "text":
                    value = f"{value} {rep.name}-{counter[0]}"  # never equal to a made-up text
                change = ann.update_followup(f.id, **{name: value})
        elif kind in ("tag", "untag"):
            d = _pick(rep.domains(), op[3])
            if d is None:
                return
            item = rep.items[op[2]].id
            change = ann.tag_item(item, d.id) if kind == "tag" else ann.untag_item(item, d.id)
        elif kind == "dom_add":
            change = ann.add_domain(DOMAIN_NAMES[op[2]])
        elif kind == "dom_rename":
            d = _pick(rep.domains(), op[2])
            if d is None:
                return
            change = ann.rename_domain(d.id, DOMAIN_NAMES[op[3]])
        elif kind == "dom_del":
            d = _pick(rep.domains(), op[2])
            if d is None:
                return
            change = ann.delete_domain(d.id)
        elif kind == "restore":
            entry = _pick(sorted(ann.trash(), key=lambda e: e.id), op[2])
            if entry is None:
                return
            change = ann.restore(entry.id)
        elif kind == "undo":
            if rep.changes:
                ann.undo(rep.changes.pop())
            return
        if change is not None and not change.empty:
            rep.changes.append(change)
    except BrieferError:
        pass


def exchange(reps: list[Replica], src: int, dst: int) -> Any:
    if src == dst:
        return None
    return reps[dst].take(reps[src].share())


def settle(reps: list[Replica], rounds: int = 4) -> None:
    """Exchange in every direction until nothing changes any more (decisions travel too)."""
    for _ in range(rounds):
        before = [state_dump(r) for r in reps]
        for i in range(len(reps)):
            for j in range(len(reps)):
                exchange(reps, i, j)
        if [state_dump(r) for r in reps] == before and len({_key(d) for d in before}) == 1:
            return


def _key(d: Any) -> str:
    return json.dumps(d, sort_keys=True, default=str)


# -- dumps ------------------------------------------------------------------------------------------

def views(rep: Replica) -> dict[str, View]:
    groups: dict[str, list[Entity]] = {}
    for row in SyncStore(rep.store.db).all_entities():
        e = Entity.from_row(row)
        groups.setdefault(e.canon or e.id, []).append(e)
    return {c: View.of(c, sorted(ms, key=lambda e: e.id), frozenset()) for c, ms in groups.items()}


def state_dump(rep: Replica) -> dict[str, Any]:
    """Every group's resolved fields, independent of which database looks (no "mine")."""
    out: dict[str, Any] = {}
    for canon, view in views(rep).items():
        fields: dict[str, Any] = {}
        for name, reg in sorted(view.regs.items()):
            if name == "alias":
                continue
            if name == TEXT_FIELD.get(view.kind):
                fields[name] = sorted({str(s[0]) for s in R.text_versions(reg)}) or [R.lww(reg, "")]
            else:
                fields[name] = _key(view.value(name))
        out[canon] = [view.kind, view.deleted, fields]
    return out


def canon_of(rep: Replica) -> dict[str, str]:
    return {r["id"]: r["canon"] for r in SyncStore(rep.store.db).all_entities()}


def rows_dump(rep: Replica) -> dict[str, Any]:
    """The annotation tables, by canonical id, without texts that are in conflict."""
    conn = rep.store.db.conn
    canon = canon_of(rep)
    number = {i.id: i.number for i in rep.store.items(rep.doc.id)}
    conflicts = {c for c, v in views(rep).items() if v.conflicts()}

    def c(row_id: str | None) -> str | None:
        return None if row_id is None else canon.get(row_id, f"?{row_id}")

    out: dict[str, Any] = {}
    out["domains"] = sorted((c(r[0]), r[1], r[2], r[3]) for r in conn.execute(
        "SELECT id, name, colour, description FROM domains"))
    out["tags"] = sorted((number[r[0]], c(r[1])) for r in conn.execute("SELECT item_id, domain_id FROM item_domains"))
    out["highlights"] = sorted(
        (c(r[0]), number[r[1]], r[2], r[3], r[4], r[5], None if c(r[0]) in conflicts else r[6], r[7], c(r[8]), r[9])
        for r in conn.execute("SELECT id, item_id, field, start_offset, end_offset, exact, note, level, "
                              "domain_id, orphaned FROM highlights"))
    out["notes"] = sorted(
        (c(r[0]), number.get(r[1]), None if c(r[0]) in conflicts else r[2], r[3])
        for r in conn.execute("SELECT id, item_id, body, level FROM notes"))
    out["followups"] = sorted(
        (c(r[0]), number[r[1]], r[2], None if c(r[0]) in conflicts else r[3], r[4], r[5], r[6], r[7], c(r[8]))
        for r in conn.execute("SELECT id, item_id, kind, text, owner, due, status, level, highlight_id "
                              "FROM followups"))
    return out


def live_groups(rep: Replica) -> dict[str, set[str]]:
    """Canonical ids of the groups that should show as rows, per table."""
    out: dict[str, set[str]] = {"highlights": set(), "notes": set(), "followups": set(), "domains": set()}
    table = {"highlight": "highlights", "note": "notes", "followup": "followups", "domain": "domains"}
    for c, v in views(rep).items():
        if v.kind in table and not v.deleted:
            if v.kind == "note" and not any(str(x).strip() for x in R.values(v.regs.get("body"))):
                continue
            out[table[v.kind]].add(c)
    return out


def shown_groups(rep: Replica) -> dict[str, list[str | None]]:
    canon = canon_of(rep)
    conn = rep.store.db.conn
    return {t: sorted((canon.get(r[0]) for r in conn.execute(f"SELECT id FROM {t}")), key=str)
            for t in ("highlights", "notes", "followups", "domains")}


def duplicates(rep: Replica) -> list[Any]:
    """Live highlights (same item + quote) or follow-ups (same item + text) made by two databases."""
    origins = {r["id"]: r["origin"] for r in SyncStore(rep.store.db).all_entities()}
    canon = canon_of(rep)
    members: dict[str, set[str]] = {}
    for i, c in canon.items():
        members.setdefault(c, set()).add(origins[i])
    conn = rep.store.db.conn
    found = []
    for sql in ("SELECT item_id || '|' || field || '|' || lower(exact), id FROM highlights WHERE orphaned = 0",
                "SELECT item_id || '|' || lower(text), id FROM followups"):
        by_slot: dict[str, list[str]] = {}
        for slot, row_id in conn.execute(sql):
            by_slot.setdefault(slot, []).append(row_id)
        for slot, ids in by_slot.items():
            if len(ids) > 1:
                made_by = set().union(*(members.get(canon.get(i, i), {origins.get(i, '?')}) for i in ids))
                if len(made_by) > 1:
                    found.append((slot, ids))
    return found
