"""Core (annotate): sharing a document's annotations with a colleague as a versioned JSON file.

`export_json` writes the document's identity (sha256 + identifier), the annotated items (number +
uuid) and every annotation with its id and times. `import_json` merges such a file into another
database that has the same document, by id:
- a row only they have is inserted (unless it is in our trash: then it is reported);
- a row both have with the same content is left alone;
- a row both have, differently, is compared through its lineage: every exported row carries the
  digests of the versions its sender has shared or received (`history`; table
  `annotation_exchange`). Theirs is a version we already had → ours kept; ours is a version they
  had and changed → updated to theirs and reported; otherwise both changed it → a conflict: ours
  is kept and theirs reported. A level is never lowered by an import (that is a conflict too).
Nothing is overwritten silently. One transaction; the report carries the undoable Change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefer.annotate.anchoring import context, relocate
from briefer.annotate.domains import parse_colour
from briefer.annotate.errors import ExchangeError, NotFound
from briefer.model import Level, now_iso
from briefer.store.annotations import AnnotationStoreError

if TYPE_CHECKING:
    from briefer.annotate.base import AnnotationsBase
    from briefer.annotate.changes import Change, Recorder

Row = dict[str, Any]
FORMAT = "briefer-annotaties"
VERSION = 1
KIND_LABELS = {"highlights": "markering", "notes": "notitie", "followups": "vervolgactie",
               "tags": "label", "domains": "domein"}
# What a colleague's version may change in ours (anchors are re-found in our own text).
TAKE_FIELDS = {
    "highlights": ("note", "level", "domain_id"),
    "notes": ("body", "level"),
    "followups": ("kind", "text", "owner", "due", "status", "level", "highlight_id"),
}


@dataclass
class Conflict:
    """Core (annotate): a row both databases have, differently; the local one was kept."""

    kind: str  # highlights | notes | followups
    id: str
    item_number: int | None
    reason: str  # Dutch
    local: Row | None
    theirs: Row


@dataclass
class MergeReport:
    """Core (annotate): what `import_json` did."""

    document_id: str
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)  # changed only by the colleague
    identical: int = 0
    kept_local: int = 0  # changed only here since the last exchange
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # Dutch lines: what could not be placed
    domains_added: list[str] = field(default_factory=list)
    change: Change | None = None

    def lines(self) -> list[str]:
        """Dutch summary lines for the CLI and the GUI."""

        def counts(d: dict[str, int]) -> str:
            return ", ".join(f"{n} {KIND_LABELS.get(k, k)}(s)" for k, n in d.items() if n) or "niets"

        out = [f"Toegevoegd: {counts(self.inserted)}; {self.identical} al aanwezig en gelijk."]
        if self.updated:
            out.append(f"Bijgewerkt (alleen door de collega gewijzigd): {counts(self.updated)}.")
        if self.kept_local:
            out.append(f"{self.kept_local} eigen wijziging(en) behouden (de collega had de vorige versie).")
        if self.domains_added:
            out.append("Nieuwe domeinen: " + ", ".join(self.domains_added) + ".")
        for c in self.conflicts:
            where = f" bij vraag {c.item_number}" if c.item_number is not None else ""
            out.append(f"Conflict{where} ({KIND_LABELS.get(c.kind, c.kind)} {c.id[:8]}): {c.reason}")
        out.extend(self.skipped)
        return out


def digest(kind: str, row: Row, domain_names: dict[str, str]) -> str:
    """Content fingerprint of an annotation, the same in every database (domains by name)."""
    if kind == "highlights":
        content = [row["field"], " ".join(row["exact"].split()), row["note"], row["level"],
                   domain_names.get(row.get("domain_id") or "", "").lower()]
    elif kind == "notes":
        content = [row["body"], row["level"]]
    else:
        content = [row[k] for k in TAKE_FIELDS["followups"]]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


def export_json(ann: AnnotationsBase, document_id: str) -> dict[str, Any]:
    """The document's annotations as a dict; remembers the shared versions (their lineage)."""
    rows = ann.rows
    doc = rows.document_row(document_id)
    if doc is None:
        raise NotFound(f"Document {document_id} bestaat niet; kies een geïmporteerd document.")
    items = {r["id"]: r for r in rows.item_rows(document_id)}
    highlights = rows.highlight_rows_of_document(document_id)
    notes = rows.note_rows_of_document(document_id)
    followups = rows.followup_rows(document_id=document_id)
    tags = rows.tag_rows_of_document(document_id)
    used = {t["item_id"] for t in tags} | {h["item_id"] for h in highlights} | \
        {n["item_id"] for n in notes if n["item_id"]} | {f["item_id"] for f in followups}
    all_domains = rows.domain_rows()
    names = {d["id"]: d["name"] for d in all_domains}

    def num(item_id: str | None) -> int | None:
        return items[item_id]["number"] if item_id in items else None

    history: dict[str, list[str]] = {}
    with rows.transaction():
        stamp = now_iso()
        for kind, group in (("highlights", highlights), ("notes", notes), ("followups", followups)):
            for r in group:
                rows.remember_digest(r["id"], kind, digest(kind, r, names), stamp)
                history[r["id"]] = sorted(rows.known_digests(r["id"]))
    domain_ids = {t["domain_id"] for t in tags} | {h["domain_id"] for h in highlights if h["domain_id"]}
    return {
        "format": FORMAT, "version": VERSION, "exported": now_iso(),
        "document": {k: doc[k] for k in ("id", "sha256", "identifier", "kamerstuk")},
        "items": [{"id": i, "number": items[i]["number"]} for i in sorted(used, key=lambda i: items[i]["position"])],
        "domains": [
            {k: d[k] for k in ("id", "name", "colour", "key", "description")}
            for d in all_domains if d["id"] in domain_ids
        ],
        "tags": [{**t, "item_number": num(t["item_id"])} for t in tags],
        "highlights": [{**h, "item_number": num(h["item_id"]), "history": history[h["id"]]} for h in highlights],
        "notes": [{**n, "item_number": num(n["item_id"]), "history": history[n["id"]]} for n in notes],
        "followups": [{**f, "item_number": num(f["item_id"]), "history": history[f["id"]]} for f in followups],
    }


def _local_document(ann: AnnotationsBase, data: dict[str, Any]) -> tuple[str, list[str]]:
    doc = data.get("document") or {}
    found = ann.rows.documents_by_sha256(str(doc.get("sha256", "")))
    if found:
        return found[0]["id"], []
    if doc.get("identifier"):
        found = ann.rows.documents_by_identifier(doc["identifier"])
        if found:
            return found[0]["id"], [
                f"Let op: het bestand hoort bij een andere versie van {doc['identifier']}; "
                "vragen zijn op nummer gekoppeld."
            ]
    name = doc.get("kamerstuk") or doc.get("identifier") or str(doc.get("sha256", "?"))[:12]
    raise ExchangeError(
        f"Het document van deze annotaties ({name}) staat niet in deze database; importeer het eerst."
    )


def _check_format(data: Any) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError("Dit is geen Briefer-annotatiebestand; kies een bestand gemaakt met 'annotations export'.")
    if not isinstance(data.get("version"), int) or data["version"] > VERSION:
        raise ExchangeError(
            f"Dit annotatiebestand heeft versie {data.get('version')}; werk Briefer bij om het te lezen."
        )


class _Merger:
    def __init__(self, ann: AnnotationsBase, rec: Recorder, report: MergeReport, doc_id: str,
                 their_domains: list[Row]) -> None:
        self.ann, self.rec, self.rows, self.report = ann, rec, ann.rows, report
        self.doc_id = doc_id
        self.items: dict[int, Row] = {}
        for r in self.rows.item_rows(doc_id):
            for n in json.loads(r["numbers"]) or [r["number"]]:
                self.items.setdefault(int(n), r)
            self.items[r["number"]] = r
        self.domain_map: dict[str, str] = {}
        self.trashed = self.rows.trashed_ids()
        self.their_names = {d["id"]: d["name"] for d in their_domains}
        self.stamp = now_iso()

    def local_names(self) -> dict[str, str]:
        return {d["id"]: d["name"] for d in self.rows.domain_rows()}

    def item(self, theirs: Row, what: str) -> Row | None:
        n = theirs.get("item_number")
        item = None if n is None else self.items.get(int(n))
        if item is None and n is not None:
            self.report.skipped.append(f"Vraag {n} bestaat niet in dit document; een {what} is overgeslagen.")
        return item

    def count(self, counter: dict[str, int], kind: str) -> None:
        counter[kind] = counter.get(kind, 0) + 1

    def remember(self, kind: str, ref_id: str, digests: set[str]) -> None:
        """Add versions to the lineage of an annotation (recorded: an undone import forgets them)."""
        for value in sorted(digests - self.rows.known_digests(ref_id)):
            self.rec.insert("annotation_exchange", {"ref_id": ref_id, "digest": value, "kind": kind,
                                                    "updated": self.stamp})

    def lineage(self, theirs: Row, their_digest: str) -> set[str]:
        return {str(d) for d in theirs.get("history") or []} | {their_digest}

    # -- domains and tags -----------------------------------------------------------------------

    def domains(self, domains: list[Row]) -> None:
        for d in domains:
            if self.rows.get("domains", {"id": d["id"]}) is not None:
                self.domain_map[d["id"]] = d["id"]
                continue
            if d["id"] in self.trashed:
                self.report.skipped.append(
                    f"Domein '{d['name']}' is hier verwijderd (prullenbak); labels ermee zijn overgeslagen."
                )
                continue
            local = self.rows.domain_by_name(d["name"])
            if local is not None:
                self.domain_map[d["id"]] = local["id"]
                continue
            key = d.get("key") if d.get("key") not in self.rows.used_keys() else None
            self.rec.insert("domains", {
                "id": d["id"], "name": d["name"], "colour": parse_colour(d["colour"]), "key": key,
                "description": d.get("description", ""), "lexicon": "[]",
                "position": self.rows.next_domain_position(), "created": self.stamp, "updated": self.stamp,
            })
            self.domain_map[d["id"]] = d["id"]
            self.report.domains_added.append(d["name"])

    def tags(self, tags: list[Row]) -> None:
        for t in tags:
            item = self.item(t, "label")
            domain_id = self.domain_map.get(t["domain_id"])
            if item is None or domain_id is None:
                continue
            key = {"item_id": item["id"], "domain_id": domain_id}
            if self.rows.get("item_domains", key) is None:
                self.rec.insert("item_domains", {**key, "created": t.get("created") or self.stamp})
                self.count(self.report.inserted, "tags")
            else:
                self.report.identical += 1

    # -- rows both sides have -------------------------------------------------------------------

    def merge_existing(self, kind: str, local: Row, theirs: Row) -> None:
        """`theirs` has local domain ids already; decide identical / keep ours / take theirs / conflict."""
        names = self.local_names()
        ours_d, theirs_d = digest(kind, local, names), digest(kind, theirs, names)
        if ours_d == theirs_d:
            self.report.identical += 1
            self.remember(kind, local["id"], self.lineage(theirs, theirs_d))
            return
        if theirs_d in self.rows.known_digests(local["id"]):
            self.report.kept_local += 1  # theirs is a version we already had
            return
        lowered = Level(theirs["level"]).rank < Level(local["level"]).rank
        anchor_moved = kind == "highlights" and \
            (local["field"], " ".join(local["exact"].split())) != (theirs["field"], " ".join(theirs["exact"].split()))
        they_had_ours = ours_d in self.lineage(theirs, theirs_d)
        if they_had_ours and not lowered and not anchor_moved:
            values = {k: theirs[k] for k in TAKE_FIELDS[kind]}
            if kind == "followups" and values["highlight_id"] and \
                    self.rows.get("highlights", {"id": values["highlight_id"]}) is None:
                values["highlight_id"] = None
            self.rec.update(kind, {"id": local["id"]}, {**values, "updated": theirs.get("updated") or self.stamp})
            self.remember(kind, local["id"], self.lineage(theirs, theirs_d))
            self.count(self.report.updated, kind)
            return
        differs = [k for k in TAKE_FIELDS[kind] if local.get(k) != theirs.get(k)]
        if anchor_moved:
            differs.insert(0, "tekst")
        if lowered:
            reason = (f"de collega verlaagde het niveau ({local['level']} → {theirs['level']}); "
                      "de eigen versie is gehouden.")
        else:
            reason = f"aan beide kanten gewijzigd ({', '.join(differs)}); de eigen versie is gehouden."
        self.report.conflicts.append(Conflict(kind, theirs["id"], theirs.get("item_number"), reason, local, theirs))

    def deleted_here(self, kind: str, theirs: Row) -> bool:
        if theirs["id"] in self.trashed:
            self.report.conflicts.append(Conflict(
                kind, theirs["id"], theirs.get("item_number"),
                "hier verwijderd (staat in de prullenbak); niet opnieuw toegevoegd.", None, theirs))
            return True
        return False

    # -- per kind -------------------------------------------------------------------------------

    def highlights(self, highlights: list[Row]) -> None:
        for h in highlights:
            theirs = {**h, "domain_id": self.domain_map.get(h["domain_id"]) if h.get("domain_id") else None}
            Level.parse(theirs["level"])
            local = self.rows.get("highlights", {"id": h["id"]})
            if local is not None:
                self.merge_existing("highlights", local, theirs)
                continue
            if self.deleted_here("highlights", theirs):
                continue
            item = self.item(h, "markering")
            if item is None:
                continue
            text = item[h["field"]] or ""
            placed = relocate(text, h["exact"], h.get("prefix", ""), h.get("suffix", ""),
                              h["start_offset"], h["end_offset"])
            row = {k: theirs[k] for k in ("id", "field", "exact", "prefix", "suffix", "domain_id",
                                          "note", "level", "created", "updated")}
            row.update(item_id=item["id"], start_offset=h["start_offset"], end_offset=h["end_offset"],
                       orphaned=1)
            if placed is not None:
                prefix, suffix = context(text, placed.start, placed.end)
                row.update(start_offset=placed.start, end_offset=placed.end,
                           exact=text[placed.start:placed.end], prefix=prefix, suffix=suffix, orphaned=0)
            self.rec.insert("highlights", row)
            self.remember("highlights", row["id"], self.lineage(h, digest("highlights", theirs, self.local_names())))
            self.count(self.report.inserted, "highlights")

    def notes(self, notes: list[Row]) -> None:
        for n in notes:
            Level.parse(n["level"])
            local = self.rows.get("notes", {"id": n["id"]})
            if local is not None:
                self.merge_existing("notes", local, n)
                continue
            item = None
            if n.get("item_id") is not None:
                item = self.item(n, "notitie")
                if item is None:
                    continue
            same_place = self.rows.note_row(self.doc_id, item["id"] if item else None)
            if same_place is not None:
                # Both wrote a note on the same item (different ids): no common base.
                names = self.local_names()
                if digest("notes", same_place, names) == digest("notes", n, names):
                    self.report.identical += 1
                else:
                    self.report.conflicts.append(Conflict(
                        "notes", n["id"], n.get("item_number"),
                        "beide kanten schreven hier een notitie; de eigen notitie is gehouden.", same_place, n))
                continue
            if self.deleted_here("notes", n):
                continue
            self.rec.insert("notes", {
                "id": n["id"], "document_id": self.doc_id, "item_id": item["id"] if item else None,
                "body": n["body"], "level": Level.parse(n["level"]).value,
                "created": n["created"], "updated": n["updated"],
            })
            self.remember("notes", n["id"], self.lineage(n, digest("notes", n, {})))
            self.count(self.report.inserted, "notes")

    def followups(self, followups: list[Row]) -> None:
        for f in followups:
            Level.parse(f["level"])
            local = self.rows.get("followups", {"id": f["id"]})
            if local is not None:
                self.merge_existing("followups", local, f)
                continue
            if self.deleted_here("followups", f):
                continue
            item = self.item(f, "vervolgactie")
            if item is None:
                continue
            hl = f.get("highlight_id")
            if hl and self.rows.get("highlights", {"id": hl}) is None:
                hl = None
            row = {
                "id": f["id"], "item_id": item["id"], "highlight_id": hl, "kind": f["kind"],
                "text": f["text"], "owner": f.get("owner", ""), "due": f.get("due"),
                "status": f["status"], "level": Level.parse(f["level"]).value,
                "created": f["created"], "updated": f["updated"],
            }
            self.rec.insert("followups", row)
            self.remember("followups", f["id"], self.lineage(f, digest("followups", f, {})))
            self.count(self.report.inserted, "followups")


def import_json(ann: AnnotationsBase, data: dict[str, Any]) -> MergeReport:
    """Merge an exported annotations file into this database (see module docstring)."""
    _check_format(data)
    doc_id, warnings = _local_document(ann, data)
    report = MergeReport(document_id=doc_id, skipped=list(warnings))
    try:
        with ann._record("Annotaties van collega importeren", "highlights") as rec:
            merger = _Merger(ann, rec, report, doc_id, list(data.get("domains", [])))
            merger.domains(list(data.get("domains", [])))
            merger.tags(list(data.get("tags", [])))
            merger.highlights(list(data.get("highlights", [])))
            merger.notes(list(data.get("notes", [])))
            merger.followups(list(data.get("followups", [])))
    except (KeyError, TypeError, ValueError, AnnotationStoreError) as exc:
        raise ExchangeError(
            f"Het annotatiebestand is onvolledig of beschadigd ({exc}); er is niets geïmporteerd."
        ) from exc
    report.change = rec.change
    return report
