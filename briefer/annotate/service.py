"""Core (annotate): `Annotations`, the one entry point of the annotation layer (see docs/API.md).

The operations live in mixins by subject (domains, highlights, notes and follow-ups, queries);
this class adds version carry-over and the JSON exchange, and registers the annotation search
source with the store's search.
"""

from __future__ import annotations

from typing import Any

from briefer.annotate import exchange, versions
from briefer.annotate.base import HasDb
from briefer.annotate.exchange import MergeReport
from briefer.annotate.queries import QueryOps, register_search_source
from briefer.annotate.versions import CarryOverReport


class Annotations(QueryOps):
    """Core (annotate): highlights, notes, domains, follow-ups, trash, undo, versions, exchange.

    Every mutating call is one transaction and returns a `Change` that `undo`/`redo` replay.
    """

    def __init__(self, store: HasDb) -> None:
        super().__init__(store)
        register_search_source()

    def carry_over(self, old_document_id: str, new_document_id: str) -> CarryOverReport:
        """Move the annotations of a document to its new version (report.change undoes it)."""
        return versions.carry_over(self, old_document_id, new_document_id)

    def export_json(self, document_id: str) -> dict[str, Any]:
        """The annotations of a document as a versioned, JSON-serialisable dict."""
        return exchange.export_json(self, document_id)

    def import_json(self, data: dict[str, Any]) -> MergeReport:
        """Merge a colleague's export into this database; conflicts keep the local row."""
        return exchange.import_json(self, data)
