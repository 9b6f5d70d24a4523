"""Core (store): every SQL statement on the merge state (schema 6, `db/006_sync.sql`).

`sync_entities` holds one row per annotation with the versions of each of its fields (JSON);
`sync_dirty` the annotation rows written since their versions were recorded; `sync_items` what
identifies items of versions this database may not have; `sync_folders`, `sync_folder_files` and
`sync_replicas` the shared folders, the files read there and the colleagues seen. The meaning of
all this lives in `briefer.annotate.replica`; here are only queries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlite_utils

Row = dict[str, Any]
ENTITY_COLUMNS = ("id", "kind", "doc", "origin", "state", "seq", "canon", "slot", "shown", "conflict",
                  "shared")
CHUNK = 500


def _chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def doc_key(identifier: str | None, sha256: str) -> str:
    """The key that names a document across databases and versions (`sync_entities.doc`)."""
    ident = (identifier or "").strip().lower()
    return ident if ident else f"sha:{sha256}"


class SyncStore:
    """Core (store): SQL for entity states, dirty marks, item keys, shared folders and replicas."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.conn = db.conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def _in(self, sql: str, values: Iterable[Any], extra: Sequence[Any] = ()) -> list[Row]:
        """Run `sql` (with one `{marks}` placeholder) over `values` in chunks."""
        out: list[Row] = []
        unique = sorted(set(values), key=str)
        for part in _chunks(unique):
            marks = ", ".join("?" for _ in part)
            out += self._rows(sql.format(marks=marks), [*part, *extra])
        return out

    # -- meta -----------------------------------------------------------------------------------

    def put_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO annotation_meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

    # -- entities -------------------------------------------------------------------------------

    def entities(self, ids: Iterable[str]) -> dict[str, Row]:
        return {r["id"]: r for r in self._in("SELECT * FROM sync_entities WHERE id IN ({marks})", ids)}

    def entities_by_canon(self, canons: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM sync_entities WHERE canon IN ({marks})", canons)

    def merged_into(self, canons: Iterable[str]) -> list[str]:
        """Ids of entities merged into one of `canons` (not the canonical ones themselves)."""
        return [r["id"] for r in self._in("SELECT id FROM sync_entities WHERE canon IN ({marks}) "
                                          "AND id <> canon", canons)]

    def entities_by_slot(self, slots: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM sync_entities WHERE slot IN ({marks})", slots)

    def entities_of_docs(self, docs: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM sync_entities WHERE doc IN ({marks})", docs)

    def naming(self, entity_id: str, kinds: tuple[str, ...] = ("highlight", "tag")) -> set[str]:
        """Ids of the entities of `kinds` whose state mentions `entity_id` (e.g. as their domain)."""
        marks = ", ".join("?" for _ in kinds)
        return {r[0] for r in self.conn.execute(
            f"SELECT id FROM sync_entities WHERE kind IN ({marks}) AND instr(state, ?) > 0", (*kinds, entity_id))}

    def waiting_for(self, identifier: str | None, sha256: str) -> bool:
        """True when annotations for this document arrived but are not shown anywhere yet."""
        return self.conn.execute(
            "SELECT 1 FROM sync_entities WHERE doc = ? AND shown IS NULL AND slot IS NULL AND kind <> 'domain' "
            "LIMIT 1", (doc_key(identifier, sha256),)).fetchone() is not None

    def entities_of_kind(self, kind: str) -> list[Row]:
        return self._rows("SELECT * FROM sync_entities WHERE kind = ?", [kind])

    def entities_since(self, seq: int) -> list[Row]:
        return self._rows("SELECT * FROM sync_entities WHERE seq > ? ORDER BY seq, id", [seq])

    def conflict_entities(self) -> list[Row]:
        return self._rows("SELECT * FROM sync_entities WHERE conflict = 1 ORDER BY doc, kind, id")

    def all_entities(self) -> list[Row]:
        return self._rows("SELECT * FROM sync_entities ORDER BY id")

    def count_conflicts(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM sync_entities WHERE conflict = 1").fetchone()[0])

    def put_entity(self, row: Row) -> None:
        """Insert or replace one entity row (outside any undo record)."""
        self.conn.execute(
            f"INSERT OR REPLACE INTO sync_entities ({', '.join(ENTITY_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in ENTITY_COLUMNS)})",
            [row[c] for c in ENTITY_COLUMNS])

    def put_entities(self, rows: list[Row]) -> None:
        """Insert or replace many entity rows at once (outside any undo record)."""
        self.conn.executemany(
            f"INSERT OR REPLACE INTO sync_entities ({', '.join(ENTITY_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in ENTITY_COLUMNS)})",
            [[row[c] for c in ENTITY_COLUMNS] for row in rows])

    def mark_shared(self, ids: Iterable[str]) -> None:
        """Remember that these entities' content has left the database (a file or a folder)."""
        for part in _chunks(sorted(set(ids))):
            self.conn.execute(f"UPDATE sync_entities SET shared = 1 WHERE shared = 0 AND id IN "
                              f"({', '.join('?' for _ in part)})", list(part))

    def max_seq(self) -> int:
        return int(self.conn.execute("SELECT ifnull(max(seq), 0) FROM sync_entities").fetchone()[0])

    # -- dirty marks ----------------------------------------------------------------------------

    def dirty(self) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self.conn.execute("SELECT tbl, key FROM sync_dirty")]

    def has_dirty(self) -> bool:
        """True when rows wait for their versions (False on a schema before 6, which has none)."""
        try:
            return self.conn.execute("SELECT 1 FROM sync_dirty LIMIT 1").fetchone() is not None
        except sqlite3.OperationalError:
            return False

    def clear_dirty(self) -> None:
        self.conn.execute("DELETE FROM sync_dirty")

    # -- documents and items --------------------------------------------------------------------

    def document_rows(self) -> list[Row]:
        return self._rows(
            "SELECT id, identifier, sha256, kamerstuk, title, version_of, imported FROM documents "
            "ORDER BY imported DESC, rowid DESC")

    def item_rows_of(self, document_id: str) -> list[Row]:
        return self._rows(
            "SELECT id, document_id, number, numbers, question, answer, position FROM items "
            "WHERE document_id = ? ORDER BY position", [document_id])

    def item_by_number(self, document_id: str, number: int) -> Row | None:
        rows = self._rows(
            "SELECT id, document_id, number, numbers, question, answer, position FROM items "
            "WHERE document_id = ? AND number = ? ORDER BY position LIMIT 1", [document_id, number])
        return rows[0] if rows else None

    def items_by_ids(self, ids: Iterable[str]) -> dict[str, Row]:
        return {r["id"]: r for r in self._in(
            "SELECT id, document_id, number, numbers, question, answer, position FROM items "
            "WHERE id IN ({marks})", ids)}

    def keytexts(self, sha256: str) -> dict[int, str]:
        return {int(n): t for n, t in self.conn.execute(
            "SELECT number, keytext FROM sync_items WHERE sha256 = ?", [sha256])}

    def put_keytexts(self, rows: Iterable[tuple[str, int, str]]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO sync_items (sha256, number, keytext) VALUES (?, ?, ?)", list(rows))

    # -- annotation rows in bulk ------------------------------------------------------------------

    def rows_by_ids(self, table: str, ids: Iterable[str]) -> dict[str, Row]:
        if table not in ("highlights", "notes", "followups", "domains"):
            raise ValueError(table)
        return {r["id"]: r for r in self._in(f'SELECT * FROM "{table}" WHERE id IN ({{marks}})', ids)}

    def tag_rows_of_items(self, item_ids: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM item_domains WHERE item_id IN ({marks})", item_ids)

    def tag_rows_of_domains(self, domain_ids: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM item_domains WHERE domain_id IN ({marks})", domain_ids)

    def highlight_rows_of_domains(self, domain_ids: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM highlights WHERE domain_id IN ({marks})", domain_ids)

    def rows_of_items(self, table: str, item_ids: Iterable[str]) -> list[Row]:
        if table not in ("highlights", "followups"):
            raise ValueError(table)
        return self._in(f'SELECT * FROM "{table}" WHERE item_id IN ({{marks}})', item_ids)

    def followup_rows_of_highlights(self, highlight_ids: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM followups WHERE highlight_id IN ({marks})", highlight_ids)

    def note_at(self, document_id: str, item_id: str | None) -> Row | None:
        rows = self._rows("SELECT * FROM notes WHERE document_id = ? AND ifnull(item_id, '') = ?",
                          [document_id, item_id or ""])
        return rows[0] if rows else None

    def annotation_ids_of_document(self, document_id: str) -> dict[str, list[str]]:
        """Ids of the highlights, notes and follow-ups on a document (and its tags as item|domain)."""
        q = {
            "highlights": "SELECT h.id FROM highlights h JOIN items i ON i.id = h.item_id WHERE i.document_id = ?",
            "notes": "SELECT id FROM notes WHERE document_id = ?",
            "followups": "SELECT f.id FROM followups f JOIN items i ON i.id = f.item_id WHERE i.document_id = ?",
            "item_domains": "SELECT t.item_id || '|' || t.domain_id FROM item_domains t "
                            "JOIN items i ON i.id = t.item_id WHERE i.document_id = ?",
        }
        return {k: [r[0] for r in self.conn.execute(sql, [document_id])] for k, sql in q.items()}

    def ids_with_prefix(self, prefix: str, tables: Sequence[str] = ("highlights", "notes", "followups")
                        ) -> list[tuple[str, str]]:
        """(table, id) of every annotation whose id starts with `prefix`."""
        out: list[tuple[str, str]] = []
        pattern = prefix.replace("\\", "").replace("%", "").replace("_", "") + "%"
        for table in tables:
            if table not in ("highlights", "notes", "followups"):
                raise ValueError(table)
            out += [(table, r[0]) for r in self.conn.execute(f'SELECT id FROM "{table}" WHERE id LIKE ?',
                                                             [pattern])]
        return out

    def domains_above(self, ceiling_rank: int) -> set[str]:
        """Domain row ids used only by highlights stricter than the ceiling (no tag, no lower highlight)."""
        rank = "CASE level WHEN 'openbaar' THEN 0 WHEN 'intern' THEN 1 ELSE 2 END"
        return {r[0] for r in self.conn.execute(
            f"SELECT domain_id FROM highlights WHERE domain_id IS NOT NULL GROUP BY domain_id "
            f"HAVING min({rank}) > ? AND domain_id NOT IN (SELECT domain_id FROM item_domains)",
            [ceiling_rank])}

    def trash_of(self, ref_ids: Iterable[str]) -> list[Row]:
        return self._in("SELECT * FROM trash WHERE ref_id IN ({marks})", ref_ids)

    # -- shared folders ---------------------------------------------------------------------------

    def folder(self, folder_id: str) -> Row | None:
        rows = self._rows("SELECT * FROM sync_folders WHERE folder_id = ?", [folder_id])
        return rows[0] if rows else None

    def folders(self) -> list[Row]:
        return self._rows("SELECT * FROM sync_folders ORDER BY last_sync DESC")

    def folder_by_path(self, path: str) -> Row | None:
        rows = self._rows("SELECT * FROM sync_folders WHERE path = ?", [path])
        return rows[0] if rows else None

    def put_folder(self, folder_id: str, path: str, ceiling: str, written_seq: int, written_clock: int,
                   last_sync: str | None) -> None:
        self.conn.execute(
            "INSERT INTO sync_folders (folder_id, path, ceiling, written_seq, written_clock, last_sync) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (folder_id) DO UPDATE SET path = excluded.path, "
            "ceiling = excluded.ceiling, written_seq = excluded.written_seq, "
            "written_clock = excluded.written_clock, last_sync = excluded.last_sync",
            [folder_id, path, ceiling, written_seq, written_clock, last_sync])

    def files_read(self, folder_id: str) -> set[str]:
        return {r[0] for r in self.conn.execute(
            "SELECT name FROM sync_folder_files WHERE folder_id = ?", [folder_id])}

    def mark_read(self, folder_id: str, names: Iterable[str], stamp: str) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO sync_folder_files (folder_id, name, read) VALUES (?, ?, ?)",
            [(folder_id, n, stamp) for n in names])

    # -- replicas ---------------------------------------------------------------------------------

    def put_replica(self, replica: str, name: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO sync_replicas (replica, name, seen) VALUES (?, ?, ?) ON CONFLICT (replica) DO "
            "UPDATE SET name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END, "
            "seen = excluded.seen", [replica, name, stamp])

    def replica_names(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT replica, name FROM sync_replicas")}
