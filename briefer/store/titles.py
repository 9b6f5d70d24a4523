"""Core (store): the staffer's own titles for items (what the outline calls a question).

A title is the staffer's words for what was asked ("Rol AIVD en MIVD"); without one the outline
uses the key phrase `briefer.subject.question_subject` draws from the question. Titles stay in
the app (outline, reader): no briefing or shared file carries them, so they have no level.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from briefer.store.db import write_transaction
from briefer.store.documents import ItemNotFound

MAX_TITLE = 200


def item_titles(store: Any, document_id: str) -> dict[str, str]:
    """item id -> the staffer's title, for the items of one document that have one."""
    rows = store.db.conn.execute(
        "SELECT t.item_id, t.title FROM item_titles t JOIN items i ON i.id = t.item_id "
        "WHERE i.document_id = ?", (document_id,)).fetchall()
    return {item_id: title for item_id, title in rows}


def item_title(store: Any, item_id: str) -> str | None:
    row = store.db.conn.execute("SELECT title FROM item_titles WHERE item_id = ?", (item_id,)).fetchone()
    return row[0] if row else None


def set_item_title(store: Any, item_id: str, title: str | None) -> str | None:
    """Store `title` for the item (one line, at most MAX_TITLE characters); empty or None removes it.

    Returns the title as stored (None when removed). Raises ItemNotFound for an unknown item.
    """
    clean = " ".join((title or "").split())[:MAX_TITLE]
    conn = store.db.conn
    if conn.execute("SELECT 1 FROM items WHERE id = ?", (item_id,)).fetchone() is None:
        raise ItemNotFound(item_id)
    with write_transaction(store.db, getattr(store, "path", None)):
        if not clean:
            conn.execute("DELETE FROM item_titles WHERE item_id = ?", (item_id,))
            return None
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        conn.execute("INSERT INTO item_titles (item_id, title, updated) VALUES (?, ?, ?) "
                     "ON CONFLICT(item_id) DO UPDATE SET title = excluded.title, updated = excluded.updated",
                     (item_id, clean, stamp))
    return clean


def copy_titles(store: Any, pairs: list[tuple[str, str]]) -> None:
    """Give each new item the old item's title (pairs of (old item id, new item id)); a title the new
    item already has is kept. Used when annotations move to a new version of a document."""
    if pairs:
        with write_transaction(store.db, getattr(store, "path", None)):
            store.db.conn.executemany(
                "INSERT OR IGNORE INTO item_titles (item_id, title, updated) "
                "SELECT ?, title, updated FROM item_titles WHERE item_id = ?", [(new, old) for old, new in pairs])
