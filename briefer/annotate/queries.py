"""Core (annotate): reading annotations back: per-item markers, the export bundle, filters over
items, and the search over items, notes and highlight notes (done by the store's search).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.annotate import rows as convert
from briefer.annotate.base import parse_level
from briefer.annotate.notes import NoteOps, parse_status
from briefer.model import DocumentAnnotations, FollowUpStatus, Level, StoredItem
from briefer.store.search import SearchHit
from briefer.store.search import search as store_search


@dataclass
class ItemMarkers:
    """Core (annotate): what the item list shows per item: domains, note, follow-ups, confidentiality."""

    domain_ids: list[str] = field(default_factory=list)
    has_note: bool = False
    highlights: int = 0
    followups: int = 0
    open_followups: int = 0
    confidential: bool = False


def register_search_source() -> None:
    """Kept for callers of earlier versions: the store's search includes notes and highlight
    notes itself now (briefer.store.search.search_annotations), filters and ceiling included."""


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
                     has_note: bool | None = None, ceiling: Level | str | None = None) -> list[StoredItem]:
        """Items across all documents (or one) matching every filter given.

        domain: tagged with it or holding a highlight of it; level: holding an annotation at that
        level; status: holding a follow-up with that status; has_note: an item note or highlight note;
        ceiling: only annotations at or below it count for the other filters.
        """
        return [
            convert.item(r)
            for r in self.rows.filter_item_rows(
                document_id=document_id, domain_id=domain_id, party=party,
                level=None if level is None else parse_level(level).value,
                status=None if status is None else parse_status(status).value, has_note=has_note,
                ceiling=None if ceiling is None else parse_level(ceiling).value,
            )
        ]

    def search(self, query: str, *, document_id: str | None = None, party: str | None = None,
               limit: int = 50, domain_id: str | None = None, level: Level | str | None = None,
               status: FollowUpStatus | str | None = None, has_note: bool | None = None,
               ceiling: Level | str | None = None) -> list[SearchHit]:
        """Search items, notes and highlight notes for what the user typed; best first.

        The filters are those of `filter_items`, applied inside the search over every match;
        `ceiling` leaves out every annotation above it (notes as hits, and what the filters look
        at) — see briefer.store.search.
        """
        return store_search(
            self.rows.db, query, party=party, doc_id=document_id, limit=limit, domain_id=domain_id,
            level=None if level is None else parse_level(level).value,
            status=None if status is None else parse_status(status).value, has_note=has_note,
            ceiling=None if ceiling is None else parse_level(ceiling).value)
