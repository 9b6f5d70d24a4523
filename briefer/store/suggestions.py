"""Core (store): the SQL of the suggestion layer — decisions on suggestions, domain lexicons.

Tables from db/003_suggestions.sql (`suggestion_decisions`, `suggestion_lexicon_seeded`) and the
`lexicon` column of `domains` (db/002_annotations.sql). `briefer.suggest` decides what the rows
mean; nothing here knows about sentences or scores.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

from briefer.records import now_iso
from briefer.store.db import Database, StoreError, database_path, write_transaction

DECISIONS = ("accepted", "dismissed")


class SuggestionStoreError(StoreError):
    """Core (store): a suggestion write the database refused, in Dutch."""


@dataclass(frozen=True)
class Decision:
    """Core (store): what the user decided about one suggestion of a document."""

    document_id: str
    key: str
    kind: str
    item_number: int | None
    decision: str
    detail: str
    created: str


@dataclass(frozen=True)
class DomainLexiconRow:
    """Core (store): a domain with its lexicon as stored (JSON text)."""

    id: str
    name: str
    lexicon: str
    seeded: bool


class SuggestionStore:
    """Core (store): SQL for suggestion decisions and domain lexicons."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn = db.conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic transaction (a savepoint when nested; see `write_transaction`); a full disk
        becomes `DiskFull`, a refused constraint `SuggestionStoreError`."""
        with write_transaction(self.db, database_path(self.db), refused=SuggestionStoreError):
            yield

    # -- decisions ------------------------------------------------------------------------------

    def decisions(self, document_id: str) -> dict[str, Decision]:
        rows = self.conn.execute(
            "SELECT document_id, key, kind, item_number, decision, detail, created "
            "FROM suggestion_decisions WHERE document_id = ? ORDER BY key",
            (document_id,),
        ).fetchall()
        return {r[1]: Decision(*r) for r in rows}

    def decide(self, document_id: str, key: str, *, kind: str, item_number: int | None,
               decision: str, detail: str = "") -> None:
        if decision not in DECISIONS:
            raise ValueError(f"unknown decision {decision!r}")
        with self.transaction():
            self.conn.execute(
                "INSERT INTO suggestion_decisions (document_id, key, kind, item_number, decision, detail, created) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, key) DO UPDATE SET "
                "decision = excluded.decision, detail = excluded.detail, created = excluded.created",
                (document_id, key, kind, item_number, decision, detail, now_iso()),
            )

    def copy_dismissals(self, old_document_id: str, new_document_id: str) -> int:
        """Carry the dismissals of one version to the next (same key: same item, same sentence or
        domain); accepted ones need no copy, their annotations move with the version. Returns the count."""
        with self.transaction():
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO suggestion_decisions "
                "(document_id, key, kind, item_number, decision, detail, created) "
                "SELECT ?, key, kind, item_number, decision, detail, created FROM suggestion_decisions "
                "WHERE document_id = ? AND decision = 'dismissed'",
                (new_document_id, old_document_id),
            )
        return cur.rowcount

    def forget(self, document_id: str, key: str) -> bool:
        """Remove a decision (the suggestion returns); True when there was one."""
        with self.transaction():
            cur = self.conn.execute(
                "DELETE FROM suggestion_decisions WHERE document_id = ? AND key = ?", (document_id, key)
            )
        return cur.rowcount > 0

    # -- lexicons -------------------------------------------------------------------------------

    def has_domains_table(self) -> bool:
        return "domains" in self.db.table_names()

    def domain_lexicons(self) -> list[DomainLexiconRow]:
        """Every domain in taxonomy order with its lexicon and whether it was seeded."""
        if not self.has_domains_table():
            return []
        rows = self.conn.execute(
            "SELECT d.id, d.name, d.lexicon, s.domain_id IS NOT NULL FROM domains d "
            "LEFT JOIN suggestion_lexicon_seeded s ON s.domain_id = d.id ORDER BY d.position, d.name"
        ).fetchall()
        return [DomainLexiconRow(r[0], r[1], r[2] or "[]", bool(r[3])) for r in rows]

    def domain_lexicon(self, domain_id: str) -> DomainLexiconRow | None:
        for row in self.domain_lexicons():
            if row.id == domain_id:
                return row
        return None

    def set_lexicon(self, domain_id: str, lexicon_json: str) -> None:
        """Write a domain's lexicon; it then counts as seeded (the defaults never overwrite it)."""
        with self.transaction():
            cur = self.conn.execute(
                "UPDATE domains SET lexicon = ?, updated = ? WHERE id = ?", (lexicon_json, now_iso(), domain_id)
            )
            if cur.rowcount == 0:
                raise SuggestionStoreError(f"Het domein {domain_id} bestaat niet (meer); kies een bestaand domein.")
            self.mark_seeded(domain_id)

    def mark_seeded(self, domain_id: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO suggestion_lexicon_seeded (domain_id, seeded) VALUES (?, ?)",
                (domain_id, now_iso()),
            )
