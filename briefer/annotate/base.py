"""Core (annotate): the shared machinery of `Annotations`: transactions that record a `Change`,
undo/redo, the trash, level parsing, and seeding the default domains on first open.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from briefer import paths
from briefer.annotate.changes import Change, Recorder, redo_change, undo_change
from briefer.annotate.errors import AnnotationError, NotFound
from briefer.annotate.replica import record_local_changes
from briefer.model import Level, new_id, now_iso
from briefer.store.annotations import AnnotationStore, Row
from briefer.store.db import Database, is_read_only

DEFAULT_DOMAINS_FILE = paths.RESOURCES / "domains.json"
SEEDED_FLAG = "default_domains_seeded"


class HasDb(Protocol):
    """Core (annotate): anything with an open `Database` as `.db` (the store's `Store`)."""

    db: Database


@dataclass
class TrashEntry:
    """Core (annotate): a deleted annotation waiting in the trash."""

    id: str
    kind: str  # highlight | note | followup | domain
    ref_id: str
    document_id: str | None
    item_id: str | None
    label: str
    level: Level
    deleted: str


def parse_level(value: Level | str | None) -> Level:
    """Level.parse with the annotation layer's error type (an annotation always has a level)."""
    try:
        return Level.parse(value)
    except ValueError as exc:
        raise AnnotationError(f"Ongeldig niveau: {exc}.") from None


def load_default_domains(path: Any = None) -> list[dict[str, Any]]:
    data = json.loads((path or DEFAULT_DOMAINS_FILE).read_text(encoding="utf-8"))
    return list(data["domains"])


class AnnotationsBase:
    """Core (annotate): transactions, undo/redo and the trash shared by every annotation operation."""

    def __init__(self, store: HasDb) -> None:
        self.store = store
        self.rows = AnnotationStore(store.db)
        self._seed_default_domains()

    # -- recording ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _record(self, label: str, table: str) -> Iterator[Recorder]:
        """One transaction whose row writes are recorded; read `rec.change` afterwards.

        Before it commits, every annotation row written gets its new versions (the one central
        place where versions are recorded: `briefer.annotate.replica.record_local_changes`).
        """
        rec = Recorder(self.rows, label, table)
        with self.rows.transaction():
            yield rec
            record_local_changes(self.rows, rec)

    def undo(self, change: Change) -> Change:
        """Revert `change` (one transaction). Raises UndoConflict when its rows changed since.

        The reverted values are new versions for colleagues: an undo is a change like any other.
        """
        with self.rows.transaction(defer_foreign_keys=True):
            undo_change(self.rows, change)
            record_local_changes(self.rows)
        return change

    def redo(self, change: Change) -> Change:
        """Re-apply an undone `change` (one transaction)."""
        with self.rows.transaction(defer_foreign_keys=True):
            redo_change(self.rows, change)
            record_local_changes(self.rows)
        return change

    # -- lookups --------------------------------------------------------------------------------

    def _item_row(self, item_id: str) -> Row:
        row = self.rows.item_row(item_id)
        if row is None:
            raise NotFound(f"Item {item_id} bestaat niet (meer); kies een item uit de lijst.")
        return row

    def _row(self, table: str, row_id: str, what: str) -> Row:
        row = self.rows.get(table, {"id": row_id})
        if row is None:
            raise NotFound(f"{what} {row_id} bestaat niet (meer); misschien is die al verwijderd.")
        return row

    # -- trash ----------------------------------------------------------------------------------

    def _to_trash(self, rec: Recorder, *, kind: str, ref_id: str, label: str, level: str,
                  payload: list[Row], document_id: str | None, item_id: str | None) -> None:
        rec.insert("trash", {
            "id": new_id(), "kind": kind, "ref_id": ref_id, "document_id": document_id,
            "item_id": item_id, "label": label, "rows": json.dumps(payload, ensure_ascii=False),
            "level": level, "deleted": now_iso(),
        })

    def trash(self) -> list[TrashEntry]:
        """What was deleted, newest first."""
        return [
            TrashEntry(id=r["id"], kind=r["kind"], ref_id=r["ref_id"], document_id=r["document_id"],
                       item_id=r["item_id"], label=r["label"], level=Level(r["level"]),
                       deleted=r["deleted"])
            for r in self.rows.trash_rows()
        ]

    def restore(self, trash_id: str) -> Change:
        """Bring a deleted annotation back from the trash (one transaction, undoable)."""
        entry = self.rows.get("trash", {"id": trash_id})
        if entry is None:
            raise NotFound(f"{trash_id} staat niet (meer) in de prullenbak; kies een regel uit de prullenbak.")
        payload: list[Row] = json.loads(entry["rows"])
        table = {"domain": "domains", "highlight": "highlights", "note": "notes",
                 "followup": "followups"}[entry["kind"]]
        with self._record(f"Terugzetten: {entry['label']}", table) as rec:
            for part in payload:
                self._restore_part(rec, part)
            rec.delete("trash", {"id": trash_id})
        return rec.change

    def _restore_part(self, rec: Recorder, part: Row) -> None:
        table, row, mode = part["table"], dict(part["row"]), part.get("mode", "insert")
        if mode == "relink":
            # Re-attach a surviving row to the restored one (e.g. a highlight's domain).
            current = self.rows.get(table, {"id": row["id"]})
            column = part["column"]
            if current is not None and current[column] is None:
                rec.update(table, {"id": row["id"]}, {column: row[column]})
            return
        if table in ("highlights", "followups", "item_domains") or (table == "notes" and row["item_id"]):
            if self.rows.item_row(row["item_id"]) is None:
                if table == "item_domains":
                    return
                raise NotFound(
                    "Terugzetten kan niet: de vraag waar dit bij hoorde bestaat niet meer (document "
                    "verwijderd?); het blijft in de prullenbak bewaard."
                )
        if table == "followups" and row.get("highlight_id") and \
                self.rows.get("highlights", {"id": row["highlight_id"]}) is None:
            row["highlight_id"] = None
        if table == "highlights" and row.get("domain_id") and \
                self.rows.get("domains", {"id": row["domain_id"]}) is None:
            row["domain_id"] = None
        if table == "notes" and self.rows.note_row(row["document_id"], row["item_id"]) is not None:
            raise AnnotationError(
                "Terugzetten kan niet: er staat al een nieuwere notitie op die plek; "
                "kopieer de tekst met de hand."
            )
        if table == "domains":
            if self.rows.domain_by_name(row["name"]) is not None:
                raise AnnotationError(
                    f"Terugzetten kan niet: er is al een domein '{row['name']}'; hernoem dat eerst."
                )
            if row["key"] is not None and row["key"] in self.rows.used_keys():
                row["key"] = None
        if table == "item_domains" and self.rows.get(table, {"item_id": row["item_id"],
                                                             "domain_id": row["domain_id"]}):
            return
        if table != "item_domains" and self.rows.get(table, {"id": row["id"]}) is not None:
            raise AnnotationError("Terugzetten kan niet: dit staat al in de database.")
        rec.insert(table, row, main=table == rec.change.table)

    # -- seeding --------------------------------------------------------------------------------

    def _seed_default_domains(self) -> None:
        """On first open, fill the taxonomy with the shipped defaults (once; deletions stick).
        A read-only database is left as it is."""
        if self.rows.meta(SEEDED_FLAG) is not None or is_read_only(self.rows.db):
            return
        with self.rows.transaction():
            if self.rows.meta(SEEDED_FLAG) is not None:  # another process was first
                return
            if not self.rows.domain_rows():
                stamp = now_iso()
                for position, d in enumerate(load_default_domains()):
                    self.rows.insert("domains", {
                        "id": new_id(), "name": d["name"], "colour": d["colour"].lower(),
                        "key": d.get("key"), "description": d.get("description", ""),
                        "lexicon": json.dumps(d.get("lexicon", []), ensure_ascii=False),
                        "position": position, "created": stamp, "updated": stamp,
                    })
            self.rows.insert("annotation_meta", {"key": SEEDED_FLAG, "value": now_iso()})
