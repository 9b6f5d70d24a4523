"""Core (annotate): `Annotations`, the one entry point of the annotation layer (see docs/API.md).

The operations live in mixins by subject (domains, highlights, notes and follow-ups, queries);
this class adds version carry-over, sharing (files of versioned states, `exchange`) and conflicts,
and registers the annotation search source with the store's search.
"""

from __future__ import annotations

from typing import Any

from briefer.annotate import exchange, levels, versions
from briefer.annotate.base import HasDb, parse_level
from briefer.annotate.changes import Change
from briefer.annotate.exchange import Conflict, MergeReport
from briefer.annotate.queries import QueryOps, register_search_source
from briefer.annotate.versions import CarryOverReport
from briefer.model import Level


class Annotations(QueryOps):
    """Core (annotate): highlights, notes, domains, follow-ups, trash, undo, versions, sharing.

    Every mutating call is one transaction and returns a `Change` that `undo`/`redo` replay.
    """

    def __init__(self, store: HasDb) -> None:
        super().__init__(store)
        register_search_source()

    def default_level(self, item_id: str | None) -> Level:
        """The level a new annotation on this item starts at when no level is given (the app
        preselects it): vertrouwelijk on a vertrouwelijk item, else intern; item_id None (the
        Kern) -> intern. See `briefer.annotate.levels` for what makes an item vertrouwelijk."""
        return levels.material_level(self.rows, item_id)

    def describe_lowering(self, kind: str, row_id: str, level: Level | str) -> levels.LoweringNotice | None:
        """What setting a highlight / note / follow-up (`kind`) to `level` would let out, in Dutch,
        for the app's confirmation dialog; None when it is no lowering. `notice.needs_confirmation`:
        the call is refused (LevelLowering) without `allow_lower=True`."""
        table = {"highlight": "highlights", "note": "notes", "followup": "followups"}.get(kind)
        if table is None:
            raise levels.AnnotationError(f"Onbekende soort '{kind}': kies highlight, note of followup.")
        row = self._row(table, row_id, levels.KIND_LABELS[kind].capitalize())
        return levels.describe_row_lowering(self.rows, kind, row, parse_level(level))

    def carry_over(self, old_document_id: str, new_document_id: str) -> CarryOverReport:
        """Move the annotations of a document to its new version (report.change undoes it)."""
        return versions.carry_over(self, old_document_id, new_document_id)

    def export_json(self, document_id: str, ceiling: Level | str = Level.INTERN, *,
                    author: str = "") -> dict[str, Any]:
        """A document's annotations within `ceiling`, as a JSON-ready dict (format 2, docs/API.md)."""
        return exchange.export_json(self, document_id, ceiling, author=author)

    def import_json(self, data: dict[str, Any]) -> MergeReport:
        """Merge a colleague's file into this database (one undoable step; see MergeReport)."""
        return exchange.import_json(self, data)

    def place_pending(self, document_id: str) -> int:
        """Show colleagues' annotations that arrived before this document was imported; returns how
        many are shown now (call after importing a document; merges and syncs do it themselves)."""
        from briefer.annotate.locate import Locator, doc_key
        from briefer.annotate.merge import place_pending
        from briefer.annotate.replica import Pass, record_local_changes
        from briefer.store.sync import SyncStore

        with self.rows.transaction():
            record_local_changes(self.rows)
            p = Pass(self.rows)
            loc = Locator(SyncStore(self.rows.db))
            keys = {doc_key(d["identifier"], d["sha256"]) for d in loc.versions_of_key(loc.key_of(document_id))}
            place_pending(p, keys)
            p.save()
            SyncStore(self.rows.db).clear_dirty()
        return sum(p.report.inserted.values())

    def conflicts(self, document_id: str | None = None) -> list[Conflict]:
        """Texts changed on two sides that wait for a choice (of one document, when given)."""
        from briefer.annotate.conflicts import list_conflicts

        return list_conflicts(self, document_id)

    def resolve_conflict(self, ref: str, *, take: str | None = None, text: str | None = None) -> Change:
        """Settle a conflict: take="mine" | "theirs", or a merged `text` (undoable)."""
        from briefer.annotate.conflicts import resolve_conflict

        return resolve_conflict(self, ref, take=take, text=text)
