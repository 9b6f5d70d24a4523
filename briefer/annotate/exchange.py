"""Core (annotate): sharing annotations with colleagues as files of versioned states (format 2).

`export_json` gives the states (`briefer.annotate.entities`) of a document's annotations: every
field with its versions, deletions as tombstones, merged duplicates with their alias. A ceiling
(default `intern`) keeps out everything stricter: such an annotation is left out entirely, or —
when colleagues already know it (it was shared before, or they edited it) — travels as its level
and deletion flag only, so a raise to vertrouwelijk reaches them without its content.
`import_json` validates a file (`briefer.annotate.schema`) and merges it (`merge.merge_records`)
in one transaction whose Change undoes it completely. The format is documented in docs/API.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.annotate import registers as R
from briefer.annotate.entities import LEVELLED, Entity, View
from briefer.annotate.errors import ExchangeError, NotFound
from briefer.annotate.locate import doc_key, key_text
from briefer.annotate.merge import merge_records
from briefer.annotate.replica import Pass, record_local_changes
from briefer.model import Level, now_iso
from briefer.store.sync import SyncStore

if TYPE_CHECKING:
    from briefer.annotate.base import AnnotationsBase
    from briefer.annotate.changes import Change

Row = dict[str, Any]
FORMAT = "briefer-annotaties"
VERSION = 2
PLURAL = {"domain": "domains", "tag": "tags", "highlight": "highlights", "note": "notes",
          "followup": "followups"}
KIND_LABELS = {"highlights": "markering", "notes": "notitie", "followups": "vervolgactie",
               "tags": "label", "domains": "domein"}
NOUNS = {"highlight": ("markering", "markeringen"), "note": ("notitie", "notities"),
         "followup": ("vervolgactie", "vervolgacties")}


@dataclass
class Conflict:
    """Core (annotate): an annotation whose text was changed on two sides; both versions are kept.

    `local` and `theirs` are row-like dicts (the text field differs); `versions` every version as
    (text, replica, name) — more than two when three databases edited it at once.
    """

    kind: str  # highlights | notes | followups
    id: str
    item_number: int | None
    reason: str  # Dutch
    local: Row | None
    theirs: Row
    column: str = ""  # the text column that differs (note, body, text)
    document_id: str | None = None
    versions: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class MergeReport:
    """Core (annotate): what `import_json` (or a shared-folder sync) did."""

    document_id: str | None
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)  # changed by what came in
    removed: dict[str, int] = field(default_factory=dict)  # deleted by a colleague (in the trash)
    identical: int = 0
    kept_local: int = 0  # kept for compatibility: a merge no longer "keeps" one side
    carried: int = 0  # moved from a superseded version to the current one
    unified: int = 0  # the same annotation made on two sides, now one
    domains_merged: int = 0  # domains with the same name on two sides, now one
    orphaned: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    open_conflicts: int = 0  # in the whole database after the merge
    skipped: list[str] = field(default_factory=list)  # Dutch lines
    domains_added: list[str] = field(default_factory=list)
    change: Change | None = None

    def lines(self) -> list[str]:
        """Dutch summary lines for the CLI and the GUI."""

        def counts(d: dict[str, int]) -> str:
            return ", ".join(f"{n} {KIND_LABELS.get(k, k)}(s)" for k, n in d.items() if n) or "niets"

        out = [f"Toegevoegd: {counts(self.inserted)}; {self.identical} al aanwezig en gelijk."]
        if self.updated:
            out.append(f"Bijgewerkt met wijzigingen van de collega: {counts(self.updated)}.")
        if self.removed:
            out.append(f"Verwijderd door de collega (staat in de prullenbak): {counts(self.removed)}.")
        if self.carried:
            out.append(f"{self.carried} annotatie(s) van een eerdere versie overgezet naar de nieuwste versie.")
        if self.unified:
            out.append(f"{self.unified} dubbele annotatie(s) (aan beide kanten gemaakt) samengevoegd.")
        if self.domains_merged:
            out.append(f"{self.domains_merged} domein(en) met dezelfde naam als hier samengevoegd.")
        if self.orphaned:
            out.append(f"{self.orphaned} markering(en) niet teruggevonden in de tekst: zie Verweesde annotaties.")
        if self.domains_added:
            out.append("Nieuwe domeinen: " + ", ".join(self.domains_added) + ".")
        for c in self.conflicts:
            where = f" bij vraag {c.item_number}" if c.item_number is not None else ""
            out.append(f"Conflict{where} ({KIND_LABELS.get(c.kind, c.kind)} {c.id[:8]}): {c.reason}")
        out.extend(self.skipped)
        if self.open_conflicts:
            out.append(f"{self.open_conflicts} conflict(en) open: kies per conflict een versie met "
                       "'briefer annotations conflicts'.")
        return out


# -- reading the state (no writes) ---------------------------------------------------------------

class Snapshot:
    """Core (annotate): the states of some documents' annotations, grouped, read without writing."""

    def __init__(self, sync: SyncStore, doc_keys: set[str], mine: frozenset[str],
                 ids: set[str] | None = None) -> None:
        self.sync = sync
        self.mine = mine
        rows = sync.entities_of_docs(doc_keys) if doc_keys else []
        if ids:
            rows += list(sync.entities(ids).values())
        self.entities = {r["id"]: Entity.from_row(r) for r in rows}
        canons = {e.canon for e in self.entities.values()}
        for r in sync.entities_by_canon(canons - set(self.entities)):
            self.entities.setdefault(r["id"], Entity.from_row(r))
        self.groups: dict[str, list[Entity]] = defaultdict(list)
        for e in self.entities.values():
            self.groups[e.canon or e.id].append(e)

    def view(self, canon: str) -> View:
        return View.of(canon, sorted(self.groups[canon], key=lambda e: e.id), self.mine)

    def add_all_domains(self) -> None:
        for r in self.sync.entities_of_kind("domain"):
            if r["id"] not in self.entities:
                e = Entity.from_row(r)
                self.entities[e.id] = e
                self.groups[e.canon or e.id].append(e)

    def canon(self, entity_id: str) -> str:
        e = self.entities.get(entity_id)
        return entity_id if e is None else (e.canon or e.id)


def _known_elsewhere(entities: list[Entity], mine: frozenset[str]) -> bool:
    for e in entities:
        if e.origin not in mine:
            return True
        for reg in e.state.values():
            if any(r not in mine for r in reg[1]):
                return True
    return False


def _record_of(e: Entity, only: tuple[str, ...] | None = None) -> Row:
    f = e.state if only is None else {k: v for k, v in e.state.items() if k in only}
    return {"id": e.id, "kind": e.kind, "doc": e.doc, "origin": e.origin, "f": f}


@dataclass
class Selection:
    """Core (annotate): the records within a ceiling, and what was left out (counts, item numbers)."""

    records: list[Row]
    full: set[str]  # ids whose content is in the records
    left_out: dict[str, int]
    left_out_items: list[int]
    confidential: bool
    refs: set[tuple[str, int]]
    count: int


def select_records(snap: Snapshot, ceiling: Level, item_number: Any, *, only: set[str] | None = None,
                   hidden: set[str] | None = None, also_hidden: set[str] | None = None) -> Selection:
    """Every entity of `snap` (or only those in `only`) as a record, within `ceiling` (see the
    module docstring); `hidden`: domain ids to keep out (default: those only stricter material in
    `snap` uses, plus `also_hidden` — those only stricter material anywhere in the database uses,
    `SyncStore.domains_above`, so a domain named after another document's confidential matter stays
    out too)."""
    records: list[Row] = []
    full: set[str] = set()
    left: dict[str, int] = defaultdict(int)
    left_items: set[int] = set()
    refs: set[tuple[str, int]] = set()
    domains: set[str] = set()
    hidden_domains: set[str] = set()
    confidential = False
    count = 0
    for canon in sorted(snap.groups):
        view = snap.view(canon)
        members = sorted(snap.groups[canon], key=lambda e: e.id)
        if view.kind == "domain":
            continue
        if view.kind in LEVELLED and not Level(view.level).rank <= ceiling.rank:
            if not view.deleted:
                left[view.kind] += 1
                n = item_number(view)
                if n is not None:
                    left_items.add(n)
                hidden_domains.update(v for v in R.values(view.regs.get("domain")) if isinstance(v, str))
            if _known_elsewhere(members, snap.mine) or any(m.shared for m in members):
                records += [_record_of(m, ("level", "deleted", "alias")) for m in members
                            if only is None or m.id in only]
            continue
        if not view.deleted:
            count += 1
            confidential = confidential or view.level == Level.VERTROUWELIJK.value
        for m in members:
            if only is not None and m.id not in only:
                continue
            records.append(_record_of(m))
            full.add(m.id)
            for name in ("anchor", "item"):
                for value in R.values(m.state.get(name)):
                    if isinstance(value, dict) and isinstance(value.get("sha"), str) and \
                            isinstance(value.get("n"), int):
                        refs.add((value["sha"], value["n"]))
            for value in R.values(m.state.get("domain")):
                if isinstance(value, str):
                    domains.add(value)
    # The taxonomy travels whole, except a domain only confidential material uses (its name may
    # say what the material is about).
    if only is None:
        snap.add_all_domains()
    if hidden is None:
        used = {snap.canon(d) for d in domains}
        hidden = ({snap.canon(d) for d in hidden_domains} - used) | {snap.canon(d) for d in also_hidden or ()}
    else:
        hidden = {snap.canon(d) for d in hidden}
    for canon in sorted(c for c, ms in snap.groups.items() if ms and ms[0].kind == "domain"):
        if canon in hidden:
            continue
        for m in sorted(snap.groups[canon], key=lambda e: e.id):
            if only is None or m.id in only:
                records.append(_record_of(m))
                full.add(m.id)
    return Selection(records, full, dict(left), sorted(left_items), confidential, refs, count)


def left_out_lines(sel: Selection, ceiling: Level) -> list[str]:
    """What the ceiling kept out, in Dutch (counts and item numbers only, never content)."""
    if not sel.left_out:
        return []
    parts = [f"{n} {NOUNS[k][0] if n == 1 else NOUNS[k][1]}" for k, n in sorted(sel.left_out.items())]
    where = ""
    if sel.left_out_items:
        nums = ", ".join(str(n) for n in sel.left_out_items[:20])
        where = f" (vraag {nums}{', …' if len(sel.left_out_items) > 20 else ''})"
    return [f"Niet gedeeld, boven het plafond {ceiling.value}: {', '.join(parts)}{where}."]


def item_texts(sync: SyncStore, refs: set[tuple[str, int]]) -> dict[str, dict[str, str]]:
    """The key texts of the items `refs` names, for a receiver that lacks that version."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    docs = {d["sha256"]: d for d in sync.document_rows()}
    by_doc: dict[str, dict[int, Row]] = {}
    for sha, n in sorted(refs):
        doc = docs.get(sha)
        if doc is not None:
            if doc["id"] not in by_doc:
                by_doc[doc["id"]] = {int(i["number"]): i for i in sync.item_rows_of(doc["id"])}
            item = by_doc[doc["id"]].get(n)
            if item is not None:
                out[sha][str(n)] = key_text(item)
        else:
            text = sync.keytexts(sha).get(n)
            if text is not None:
                out[sha][str(n)] = text
    return dict(out)


def header(pass_clock: Any, ceiling: Level, confidential: bool, author: str, scope: str) -> Row:
    return {
        "format": FORMAT, "version": VERSION, "scope": scope, "exported": now_iso(),
        "replica": pass_clock.replica, "author": author, "ceiling": ceiling.value,
        "vertrouwelijk": confidential, "rubricering": "VERTROUWELIJK" if confidential else ceiling.value.upper(),
    }


# -- export / import -----------------------------------------------------------------------------

def _document_info(d: Row) -> Row:
    return {"key": doc_key(d["identifier"], d["sha256"]), "identifier": d["identifier"],
            "sha256": d["sha256"], "kamerstuk": d["kamerstuk"], "title": d["title"]}


def export_json(ann: AnnotationsBase, document_id: str, ceiling: Level | str = Level.INTERN,
                *, author: str = "") -> dict[str, Any]:
    """The annotations of a document (all its versions) within `ceiling`, as a format-2 dict."""
    from briefer.annotate.locate import Locator

    lvl = Level.parse(ceiling)
    rows = ann.rows
    if rows.document_row(document_id) is None:
        raise NotFound(f"Document {document_id} bestaat niet; kies een geïmporteerd document.")
    sync = SyncStore(rows.db)
    with rows.transaction():
        record_local_changes(rows)  # writes only when edits are still unrecorded
        p = Pass(rows)
        loc = Locator(sync)
        versions = loc.versions_of_key(loc.key_of(document_id))
        snap = Snapshot(sync, {doc_key(d["identifier"], d["sha256"]) for d in versions}, p.mine)
        sel = select_records(snap, lvl, lambda view: _item_number(sync, view),
                             also_hidden=sync.domains_above(lvl.rank))
        sync.mark_shared(sel.full)
        p.save()
    data = header(p.clock, lvl, sel.confidential, author, "document")
    doc = rows.document_row(document_id)
    assert doc is not None
    full = {d["id"]: d for d in sync.document_rows()}
    data["document"] = _document_info(full[document_id])
    data["documents"] = [_document_info(full[d["id"]]) for d in versions]
    data["items"] = item_texts(sync, sel.refs)
    data["entities"] = sel.records
    data["left_out"] = left_out_lines(sel, lvl)
    data["count"] = sel.count
    return data


def _item_number(sync: SyncStore, view: View) -> int | None:
    for name in ("anchor", "item"):
        value = R.lww(view.regs.get(name))
        if isinstance(value, dict) and isinstance(value.get("n"), int):
            return int(value["n"])
    return None


def import_json(ann: AnnotationsBase, data: dict[str, Any]) -> MergeReport:
    """Merge a colleague's file (a dict as read by `files.read_exchange_file`) into this database."""
    from briefer.annotate import schema

    data = schema.validate(data)
    sync = SyncStore(ann.rows.db)
    docs = {d["sha256"]: d for d in sync.document_rows()}
    keys = {doc_key(d["identifier"], d["sha256"]) for d in docs.values()}
    named = data.get("documents") or ([data["document"]] if data.get("document") else [])
    main = data.get("document") or (named[0] if named else None)
    if main is not None and main["sha256"] not in docs and main["key"] not in keys and \
            not any(d["sha256"] in docs or d["key"] in keys for d in named):
        name = main.get("kamerstuk") or main.get("identifier") or main["sha256"][:12]
        raise ExchangeError(
            f"Het document van deze annotaties ({name}) staat niet in deze database; importeer het eerst.")
    schema.check_offsets(data, sync)
    with ann._record("Annotaties van collega importeren", "highlights") as rec:
        report = merge_data(ann, data, rec)
    report.change = rec.change
    if main is not None:
        local = docs.get(main["sha256"]) or next(
            (d for d in sync.document_rows() if doc_key(d["identifier"], d["sha256"]) == main["key"]), None)
        if local is not None:
            from briefer.annotate.locate import Locator

            report.document_id = Locator(sync).current(local["id"])["id"]
    return report


def merge_data(ann: AnnotationsBase, data: dict[str, Any], rec: Any) -> MergeReport:
    """Merge validated `data` inside the caller's transaction (`rec` records it for undo)."""
    rows = ann.rows
    sync = SyncStore(rows.db)
    record_local_changes(rows)
    p = Pass(rows, rec, record_states=rec is not None)
    sync.put_keytexts((sha, int(n), text) for sha, texts in (data.get("items") or {}).items()
                      for n, text in texts.items())
    if data.get("replica"):
        sync.put_replica(data["replica"], str(data.get("author") or ""), now_iso())
    outcome = merge_records(p, data.get("entities") or [])
    p.save()
    sync.clear_dirty()
    report = MergeReport(document_id=None)
    r = p.report
    report.inserted = {PLURAL[k]: n for k, n in r.inserted.items()}
    report.updated = {PLURAL[k]: n for k, n in r.updated.items()}
    report.removed = {PLURAL[k]: n for k, n in r.removed.items()}
    report.identical = outcome.identical
    report.carried = outcome.carried
    report.unified = sum(n for k, n in outcome.unified.items() if k != "domain")
    report.domains_merged = outcome.unified.get("domain", 0)
    report.orphaned = r.orphaned
    report.domains_added = list(r.domains_added)
    pending = sum(r.pending.values())
    if pending:
        report.skipped.append(
            f"{pending} annotatie(s) nog niet geplaatst: hun document of vraag staat (nog) niet in deze "
            "database; ze zijn bewaard en verschijnen zodra het document is geïmporteerd.")
    if r.old_version:
        report.skipped.append(
            f"{r.old_version} annotatie(s) horen bij vragen die in de nieuwste versie van het document niet "
            "meer voorkomen; ze staan bij de vorige versie (markeringen als verweesd).")
    if outcome.wrong_kind:
        report.skipped.append(f"{len(outcome.wrong_kind)} annotatie(s) overgeslagen: hun id hoort hier bij "
                              "iets anders.")
    from briefer.annotate.conflicts import conflicts_of

    report.conflicts = conflicts_of(ann, outcome.canons)
    report.open_conflicts = sync.count_conflicts()
    return report
