"""Core (annotate): conflicts — a note, highlight note or follow-up text changed on two sides.

Both versions stay in the merge state until a person picks one (`take="mine"` or `"theirs"`) or
writes a merged text (`text=...`); meanwhile each database shows its own version and lists the
conflict. Resolving is a new version that has seen both, so it settles the conflict everywhere it
travels. Other fields never conflict: they take the later edit (levels: the stricter one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefer.annotate import registers as R
from briefer.annotate.entities import TABLES, TEXT_FIELD, View, shown_row
from briefer.annotate.errors import AnnotationError, NotFound
from briefer.annotate.exchange import PLURAL, Conflict
from briefer.store.sync import SyncStore

if TYPE_CHECKING:
    from briefer.annotate.base import AnnotationsBase
    from briefer.annotate.changes import Change

Row = dict[str, Any]
COLUMN = {"highlight": "note", "note": "body", "followup": "text"}
WHAT = {"highlight": "de notitie bij deze markering", "note": "deze notitie", "followup": "deze vervolgactie"}


def _views(ann: AnnotationsBase, canons: set[str]) -> list[View]:
    from briefer.annotate.clock import Clock
    from briefer.annotate.entities import Entity

    sync = SyncStore(ann.rows.db)
    mine = Clock(ann.rows, sync).peek().mine
    rows = sync.entities_by_canon(canons)
    groups: dict[str, list[Entity]] = {}
    for r in rows:
        groups.setdefault(r["canon"], []).append(Entity.from_row(r))
    return [View.of(c, sorted(ms, key=lambda e: e.id), mine) for c, ms in sorted(groups.items())]


def _conflict(ann: AnnotationsBase, view: View, names: dict[str, str]) -> Conflict | None:
    name = TEXT_FIELD.get(view.kind)
    if name is None or view.deleted:
        return None
    versions = R.text_versions(view.regs.get(name))
    if len(versions) < 2:
        return None
    sync = SyncStore(ann.rows.db)
    head = next((m for m in view.members if m.id == view.id), view.members[0])
    shown = shown_row(view.kind, head.shown)
    table = TABLES[view.kind]
    row = None
    if shown is not None:
        row = sync.rows_by_ids(table, [shown["id"]]).get(shown["id"])
    mine_v = next((s for s in versions if s[1] in view.mine), None)
    theirs_v = next((s for s in versions if s[1] not in view.mine), None) or versions[0]
    column = COLUMN[view.kind]
    local = dict(row) if row else {column: mine_v[0] if mine_v else ""}
    theirs = {**local, column: theirs_v[0]}
    item_number = None
    document_id = None
    if row is not None:
        item_id = row.get("item_id")
        if item_id:
            item = ann.rows.item_row(item_id)
            if item is not None:
                item_number, document_id = item["number"], item["document_id"]
        else:
            document_id = row.get("document_id")
    who = names.get(theirs_v[1]) or "de collega"
    reason = (f"{WHAT[view.kind][0].upper()}{WHAT[view.kind][1:]} is aan twee kanten gewijzigd; hier staat "
              f"{'uw versie' if mine_v else 'de nieuwste versie'}, die van {who} is bewaard. Kies er een "
              "(of voeg ze samen).")
    return Conflict(kind=PLURAL[view.kind], id=view.id, item_number=item_number, reason=reason,
                    local=local, theirs=theirs, column=column, document_id=document_id,
                    versions=[(str(s[0]), s[1], "mijn versie" if s[1] in view.mine else
                               (names.get(s[1]) or "collega")) for s in versions])


def conflicts_of(ann: AnnotationsBase, canons: set[str]) -> list[Conflict]:
    """The open conflicts among the groups `canons`."""
    sync = SyncStore(ann.rows.db)
    names = sync.replica_names()
    wanted = {r["canon"] for r in sync.conflict_entities() if r["canon"] in canons or r["id"] in canons}
    out = [c for v in _views(ann, wanted) if (c := _conflict(ann, v, names)) is not None]
    return out


def list_conflicts(ann: AnnotationsBase, document_id: str | None = None) -> list[Conflict]:
    """Every open conflict (of one document, when given), by document and item."""
    sync = SyncStore(ann.rows.db)
    names = sync.replica_names()
    canons = {r["canon"] for r in sync.conflict_entities()}
    out = [c for v in _views(ann, canons) if (c := _conflict(ann, v, names)) is not None]
    if document_id is not None:
        out = [c for c in out if c.document_id == document_id]
    return sorted(out, key=lambda c: (c.document_id or "", c.item_number or 0, c.kind, c.id))


def find_conflict(ann: AnnotationsBase, ref: str) -> Conflict:
    """A conflict by (the start of) its annotation id."""
    ref = ref.strip()
    matches = [c for c in list_conflicts(ann) if c.id.startswith(ref) or
               (c.local and str(c.local.get("id", "")).startswith(ref))] if ref else []
    if len(matches) != 1:
        raise NotFound(
            f"Conflict '{ref}' {'niet gevonden' if not matches else 'is niet eenduidig'}; "
            "'briefer annotations conflicts' toont de open conflicten.")
    return matches[0]


def resolve_conflict(ann: AnnotationsBase, ref: str, *, take: str | None = None,
                     text: str | None = None) -> Change:
    """Settle a conflict with "mine", "theirs" or a merged `text` (one undoable step)."""
    from briefer.annotate.materialise import materialise
    from briefer.annotate.replica import Pass

    conflict = find_conflict(ann, ref)
    if (take is None) == (text is None):
        raise AnnotationError("Kies één versie (mine of theirs) of geef een samengevoegde tekst.")
    if text is not None:
        value = text
        if not value.strip():
            raise AnnotationError("Een samengevoegde tekst mag niet leeg zijn.")
    elif take == "mine":
        value = str((conflict.local or {}).get(conflict.column, ""))
        mine = [v for v in conflict.versions if v[2] == "mijn versie"]
        if mine:
            value = mine[0][0]
    elif take == "theirs":
        value = str(conflict.theirs.get(conflict.column, ""))
    else:
        raise AnnotationError(f"Onbekende keuze '{take}': kies mine (mijn versie) of theirs (die van de collega).")
    kind = {v: k for k, v in PLURAL.items()}[conflict.kind]
    with ann._record("Conflict oplossen", TABLES[kind]) as rec:
        p = Pass(ann.rows, rec)
        canon = p.canon_of(conflict.id)
        view = p.view(canon)
        if view is None:
            raise NotFound("Dit conflict bestaat niet meer; misschien is het al opgelost.")
        p.write(view, TEXT_FIELD[kind], value)
        materialise(p, {canon})
        p.save()
        SyncStore(ann.rows.db).clear_dirty()
    return rec.change
