"""Core (annotate): turning stored rows (dicts) into the shared dataclasses and back."""

from __future__ import annotations

import json
from typing import Any

from briefer.model import Domain, FollowUp, FollowUpKind, FollowUpStatus, Highlight, Level, Note, StoredItem

Row = dict[str, Any]


def domain(row: Row) -> Domain:
    return Domain(id=row["id"], name=row["name"], colour=row["colour"], key=row["key"],
                  description=row["description"], position=row["position"])


def highlight(row: Row) -> Highlight:
    return Highlight(
        id=row["id"], item_id=row["item_id"], field=row["field"], start=row["start_offset"],
        end=row["end_offset"], exact=row["exact"], prefix=row["prefix"], suffix=row["suffix"],
        domain_id=row["domain_id"], note=row["note"], level=Level(row["level"]),
        orphaned=bool(row["orphaned"]), created=row["created"], updated=row["updated"],
    )


def note(row: Row) -> Note:
    return Note(id=row["id"], document_id=row["document_id"], item_id=row["item_id"], body=row["body"],
                level=Level(row["level"]), created=row["created"], updated=row["updated"])


def followup(row: Row) -> FollowUp:
    return FollowUp(
        id=row["id"], item_id=row["item_id"], text=row["text"], kind=FollowUpKind(row["kind"]),
        owner=row["owner"], due=row["due"], status=FollowUpStatus(row["status"]),
        level=Level(row["level"]), highlight_id=row["highlight_id"], created=row["created"],
        updated=row["updated"],
    )


def item(row: Row) -> StoredItem:
    return StoredItem(
        id=row["id"], document_id=row["document_id"], number=row["number"],
        numbers=json.loads(row["numbers"]), party=row["party"], question=row["question"],
        answer=row["answer"], page_first=row["page_first"], page_last=row["page_last"],
        position=row["position"], refers_to=json.loads(row.get("refers_to") or "[]"),
        heading=row.get("heading"),
    )
