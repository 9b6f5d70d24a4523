"""Core (annotate): `Annotations`, the one entry point of the annotation layer (see docs/API.md).

The operations live in mixins by subject (domains, highlights, notes and follow-ups, queries);
this class adds version carry-over and the JSON exchange, and registers the annotation search
source with the store's search.
"""

from __future__ import annotations

from typing import Any

from briefer.annotate import exchange, levels, versions
from briefer.annotate.base import HasDb, parse_level
from briefer.annotate.exchange import MergeReport
from briefer.annotate.queries import QueryOps, register_search_source
from briefer.annotate.versions import CarryOverReport
from briefer.model import Level


class Annotations(QueryOps):
    """Core (annotate): highlights, notes, domains, follow-ups, trash, undo, versions, exchange.

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

    def export_json(self, document_id: str) -> dict[str, Any]:
        """The annotations of a document as a versioned, JSON-serialisable dict."""
        return exchange.export_json(self, document_id)

    def import_json(self, data: dict[str, Any]) -> MergeReport:
        """Merge a colleague's export into this database; conflicts keep the local row."""
        return exchange.import_json(self, data)
