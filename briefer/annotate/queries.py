"""Core (annotate): reading annotations back: per-item markers, the export bundle, filters over
items, and full-text search over notes and highlight notes (merged into the store's search).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from briefer.annotate import rows as convert
from briefer.annotate.base import parse_level
from briefer.annotate.notes import NoteOps, parse_status
from briefer.model import DocumentAnnotations, FollowUpStatus, Level, StoredItem
from briefer.store.annotations import AnnotationStore
from briefer.store.search import SearchHit, register_source
from briefer.store.search import search as store_search

SEARCH_SOURCE = "annotations"


@dataclass
class ItemMarkers:
    """Core (annotate): what the item list shows per item: domains, note, follow-ups, confidentiality."""

    domain_ids: list[str] = field(default_factory=list)
    has_note: bool = False
    highlights: int = 0
    followups: int = 0
    open_followups: int = 0
    confidential: bool = False


def annotation_hits(db: sqlite_utils.Database, match: str, party: str | None,
                    doc_id: str | None, limit: int) -> list[SearchHit]:
    """Search source for `briefer.store.search`: notes and highlight notes matching `match`."""
    hits = []
    for r in AnnotationStore(db).search_rows(match, document_id=doc_id, party=party, limit=limit):
        if r["document_id"] is None:
            continue
        kind = "highlight" if r["kind"] == "highlight" else ("note" if r["item_id"] else "document_note")
        hits.append(SearchHit(
            document_id=r["document_id"], item_id=r["item_id"], item_number=r["item_number"],
            party=r["party"], field=kind, snippet=r["snippet"], rank=float(r["rank"]),
            kind="annotation", ref_id=r["ref_id"],
        ))
    return hits


def register_search_source() -> None:
    """Make the store's search include annotations (idempotent)."""
    register_source(SEARCH_SOURCE, annotation_hits)


class QueryOps(NoteOps):
    """Core (annotate): markers, bundle, filters and search."""

    def item_markers(self, document_id: str) -> dict[str, ItemMarkers]:
        """Per item id of the document (only items with something on them)."""
        return {item_id: ItemMarkers(**values) for item_id, values in self.rows.marker_rows(document_id).items()}

    def bundle(self, document_id: str) -> DocumentAnnotations:
        """Everything export needs about one document (requires the store's `Store`)."""
        store = self.store
        tags: dict[str, list[str]] = {}
        for t in self.rows.tag_rows_of_document(document_id):
            tags.setdefault(t["item_id"], []).append(t["domain_id"])
        return DocumentAnnotations(
            document=store.document(document_id),  # type: ignore[attr-defined]
            items=store.items(document_id),  # type: ignore[attr-defined]
            footnotes=store.footnotes(document_id),  # type: ignore[attr-defined]
            domains=self.domains(),
            item_domains=tags,
            highlights=self.document_highlights(document_id),
            notes=self.notes(document_id),
            followups=self.followups(document_id=document_id),
        )

    def filter_items(self, *, document_id: str | None = None, domain_id: str | None = None,
                     party: str | None = None, level: Level | str | None = None,
                     status: FollowUpStatus | str | None = None,
                     has_note: bool | None = None) -> list[StoredItem]:
        """Items across all documents (or one) matching every filter given.

        domain: tagged with it or holding a highlight of it; level: holding an annotation at that
        level; status: holding a follow-up with that status; has_note: an item note or highlight note.
        """
        return [
            convert.item(r)
            for r in self.rows.filter_item_rows(
                document_id=document_id, domain_id=domain_id, party=party,
                level=None if level is None else parse_level(level).value,
                status=None if status is None else parse_status(status).value, has_note=has_note,
            )
        ]

    def search(self, query: str, *, document_id: str | None = None, party: str | None = None,
               limit: int = 50) -> list[SearchHit]:
        """Search items, notes and highlight notes for what the user typed; best first.

        (`Annotations.__init__` has registered the notes as a source of the store's search.)
        """
        return store_search(self.rows.db, query, party=party, doc_id=document_id, limit=limit)
