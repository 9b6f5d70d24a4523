"""Core (store): every SQL statement on the annotation tables.

Rows go in and come out as plain dicts keyed by column name; `briefer.annotate` turns them into
dataclasses and decides what a change means. Row-level writes (`get`, `insert`, `update`, `delete`,
`put`) are what the undo machinery replays; queries below them serve listing, filters and search.
Writes happen only inside `transaction()`, which maps a full disk to `DiskFull`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from briefer.store.db import Database, StoreError, database_path, write_transaction
from briefer.store.search import SearchFilter, party_names

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from typing import Any

Row = dict[str, "Any"]

# Primary-key columns of every table the annotation layer writes.
TABLE_KEYS: dict[str, tuple[str, ...]] = {
    "domains": ("id",),
    "item_domains": ("item_id", "domain_id"),
    "highlights": ("id",),
    "notes": ("id",),
    "followups": ("id",),
    "trash": ("id",),
    "annotation_meta": ("key",),
    "annotation_exchange": ("ref_id", "digest"),
    "sync_entities": ("id",),  # merge state (schema 6): an undone import restores it too
}

HIGHLIGHT_COLUMNS = (
    "id, item_id, field, start_offset, end_offset, exact, prefix, suffix, domain_id, note, level, "
    "orphaned, created, updated"
)
_HIGHLIGHT_COLUMNS_H = ", ".join("h." + c.strip() for c in HIGHLIGHT_COLUMNS.split(","))  # aliased as `h`


class AnnotationStoreError(StoreError):
    """Core (store): an annotation write the database refused (constraint), in Dutch."""


def item_filter(alias: str, *, domain_id: str | None = None, level: str | None = None,
                status: str | None = None, has_note: bool | None = None, ceiling: str | None = None,
                per_row: bool = False) -> tuple[list[str], list[Any]] | None:
    """SQL conditions on the items table (as `alias`) for the annotation filters; None when
    nothing can match (a level above the ceiling).

    domain: tagged with it, or a highlight in it; level: a highlight, note or follow-up at exactly
    that level; status: a follow-up with that status; has_note: a non-empty item note or highlight
    note (False: none). With a ceiling, only annotations at or below it count.

    By default each condition starts from the annotation table it names (`id IN (SELECT item_id
    ...)`, indexes of db/012): right when many items are tested. `per_row` tests each row with
    index lookups on its item instead (`EXISTS (... WHERE item_id = id)`): right for a few rows,
    such as the notes a search found.
    """
    levels = SearchFilter(ceiling=ceiling).levels()
    among = f"({', '.join('?' for _ in levels)})"
    clauses: list[str] = []
    params: list[Any] = []

    def holds(parts: list[tuple[str, list[Any]]]) -> str:
        """`alias` is one of the items the parts select (each part: table and condition)."""
        if per_row:
            return "(" + " OR ".join(f"EXISTS (SELECT 1 FROM {table} WHERE item_id = {alias}.id AND {cond})"
                                     for table, cond in [(t, c) for (t, c), _ in parts]) + ")"
        return f"{alias}.id IN (" + " UNION ".join(
            f"SELECT item_id FROM {table} WHERE {cond}" for (table, cond), _ in parts) + ")"

    def add(parts: list[tuple[tuple[str, str], list[Any]]], negate: bool = False) -> None:
        clauses.append(("NOT " if negate else "") + holds(parts))  # type: ignore[arg-type]
        for _, values in parts:
            params.extend(values)

    if domain_id is not None:
        add([(("item_domains", "domain_id = ?"), [domain_id]),
             (("highlights", f"domain_id = ? AND level IN {among}"), [domain_id, *levels])])
    if level is not None:
        if level not in levels:
            return None
        add([(("highlights", "level = ?"), [level]),
             (("notes", "level = ? AND item_id IS NOT NULL"), [level]),
             (("followups", "level = ?"), [level])])
    if status is not None:
        add([(("followups", f"status = ? AND level IN {among}"), [status, *levels])])
    if has_note is not None:
        add([(("notes", f"body <> '' AND item_id IS NOT NULL AND level IN {among}"), list(levels)),
             (("highlights", f"note <> '' AND level IN {among}"), list(levels))], negate=not has_note)
    return clauses, params


def _check_table(table: str) -> tuple[str, ...]:
    try:
        return TABLE_KEYS[table]
    except KeyError:
        raise ValueError(f"not an annotation table: {table!r}") from None


def key_of(table: str, row: Row) -> Row:
    """The primary-key part of a row."""
    return {k: row[k] for k in _check_table(table)}


def _where(key: Row) -> tuple[str, list[Any]]:
    cols = sorted(key)
    return " AND ".join(f'"{c}" = ?' for c in cols), [key[c] for c in cols]


class AnnotationStore:
    """Core (store): SQL for domains, tags, highlights, notes, follow-ups, trash and their FTS index."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.conn = db.conn
        self.path = database_path(db)

    # -- transactions ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self, *, defer_foreign_keys: bool = False) -> Iterator[None]:
        """One atomic transaction (a savepoint when nested; see `write_transaction`); a full disk
        becomes `DiskFull`, a refused constraint `AnnotationStoreError`."""
        with write_transaction(self.db, self.path, defer_foreign_keys=defer_foreign_keys,
                               refused=AnnotationStoreError):
            yield

    # -- row level ------------------------------------------------------------------------------

    def get(self, table: str, key: Row) -> Row | None:
        _check_table(table)
        where, params = _where(key)
        cur = self.conn.execute(f'SELECT * FROM "{table}" WHERE {where}', params)
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def insert(self, table: str, row: Row) -> None:
        _check_table(table)
        cols = list(row)
        names = ", ".join('"' + c + '"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        self.conn.execute(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})',
            [row[c] for c in cols],
        )

    def update(self, table: str, key: Row, values: Row) -> None:
        _check_table(table)
        if not values:
            return
        where, params = _where(key)
        sets = ", ".join(f'"{c}" = ?' for c in values)
        self.conn.execute(
            f'UPDATE "{table}" SET {sets} WHERE {where}', [*values.values(), *params]
        )

    def delete(self, table: str, key: Row) -> None:
        _check_table(table)
        where, params = _where(key)
        self.conn.execute(f'DELETE FROM "{table}" WHERE {where}', params)

    def put(self, table: str, key: Row, row: Row | None) -> None:
        """Bring one row to a given state: absent (None) or exactly `row`."""
        current = self.get(table, key)
        if row is None:
            if current is not None:
                self.delete(table, key)
        elif current is None:
            self.insert(table, row)
        else:
            changed = {c: v for c, v in row.items() if current.get(c) != v}
            self.update(table, key, changed)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cur = self.conn.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    # -- meta -----------------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM annotation_meta WHERE key = ?", [key]).fetchone()
        return None if row is None else row[0]

    def remember_digest(self, ref_id: str, kind: str, digest: str, stamp: str) -> None:
        """Note one version of an annotation as shared (export), outside any undo record."""
        self.conn.execute(
            "INSERT OR IGNORE INTO annotation_exchange (ref_id, digest, kind, updated) VALUES (?, ?, ?, ?)",
            [ref_id, digest, kind, stamp],
        )

    def known_digests(self, ref_id: str) -> set[str]:
        """Every version of an annotation this database has shared or received."""
        return {r[0] for r in self.conn.execute(
            "SELECT digest FROM annotation_exchange WHERE ref_id = ?", [ref_id])}

    # -- items and documents (read only) ------------------------------------------------------

    def item_row(self, item_id: str) -> Row | None:
        rows = self._rows("SELECT * FROM items WHERE id = ?", [item_id])
        return rows[0] if rows else None

    def item_rows(self, document_id: str) -> list[Row]:
        return self._rows("SELECT * FROM items WHERE document_id = ? ORDER BY position", [document_id])

    def document_row(self, document_id: str) -> Row | None:
        rows = self._rows(
            "SELECT id, identifier, sha256, kamerstuk, dossier, ondernummer, version_of "
            "FROM documents WHERE id = ?",
            [document_id],
        )
        return rows[0] if rows else None

    def documents_by_sha256(self, sha256: str) -> list[Row]:
        return self._rows("SELECT id, identifier, sha256 FROM documents WHERE sha256 = ?", [sha256])

    def documents_by_identifier(self, identifier: str) -> list[Row]:
        return self._rows(
            "SELECT id, identifier, sha256 FROM documents WHERE identifier = ? ORDER BY imported DESC",
            [identifier],
        )

    # -- domains --------------------------------------------------------------------------------

    def domain_rows(self) -> list[Row]:
        return self._rows("SELECT * FROM domains ORDER BY position, name")

    def domain_by_name(self, name: str) -> Row | None:
        rows = self._rows("SELECT * FROM domains WHERE name = ? COLLATE NOCASE", [name])
        return rows[0] if rows else None

    def domain_by_key(self, key: int) -> Row | None:
        rows = self._rows("SELECT * FROM domains WHERE key = ?", [key])
        return rows[0] if rows else None

    def next_domain_position(self) -> int:
        return int(self.conn.execute("SELECT ifnull(max(position), -1) + 1 FROM domains").fetchone()[0])

    def used_keys(self) -> set[int]:
        return {r[0] for r in self.conn.execute("SELECT key FROM domains WHERE key IS NOT NULL")}

    def tags_of_domain(self, domain_id: str) -> list[Row]:
        return self._rows("SELECT * FROM item_domains WHERE domain_id = ? ORDER BY item_id", [domain_id])

    def highlights_of_domain(self, domain_id: str) -> list[Row]:
        return self._rows(
            f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE domain_id = ? ORDER BY id", [domain_id]
        )

    def item_domain_ids(self, item_id: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT d.id FROM item_domains t JOIN domains d ON d.id = t.domain_id "
                "WHERE t.item_id = ? ORDER BY d.position, d.name",
                [item_id],
            )
        ]

    def tag_rows_of_document(self, document_id: str) -> list[Row]:
        return self._rows(
            "SELECT t.* FROM item_domains t JOIN items i ON i.id = t.item_id "
            "JOIN domains d ON d.id = t.domain_id WHERE i.document_id = ? "
            "ORDER BY i.position, d.position, d.name",
            [document_id],
        )

    # -- highlights -----------------------------------------------------------------------------

    def highlight_rows(self, item_id: str) -> list[Row]:
        return self._rows(
            f"SELECT {HIGHLIGHT_COLUMNS} FROM highlights WHERE item_id = ? "
            "ORDER BY field DESC, start_offset, end_offset, created",
            [item_id],
        )

    def highlight_rows_of_document(self, document_id: str) -> list[Row]:
        return self._rows(
            f"SELECT {_HIGHLIGHT_COLUMNS_H} "
            "FROM highlights h JOIN items i ON i.id = h.item_id WHERE i.document_id = ? "
            "ORDER BY i.position, h.field DESC, h.start_offset, h.end_offset",
            [document_id],
        )

    def orphan_rows(self, document_ids: Sequence[str]) -> list[Row]:
        marks = ", ".join("?" for _ in document_ids)
        return self._rows(
            f"SELECT {_HIGHLIGHT_COLUMNS_H} "
            f"FROM highlights h JOIN items i ON i.id = h.item_id "
            f"WHERE h.orphaned = 1 AND i.document_id IN ({marks}) ORDER BY i.position, h.start_offset",
            list(document_ids),
        )

    # -- notes ----------------------------------------------------------------------------------

    def note_row(self, document_id: str, item_id: str | None) -> Row | None:
        rows = self._rows(
            "SELECT * FROM notes WHERE document_id = ? AND ifnull(item_id, '') = ?",
            [document_id, item_id or ""],
        )
        return rows[0] if rows else None

    def note_rows_of_document(self, document_id: str) -> list[Row]:
        return self._rows(
            "SELECT n.* FROM notes n LEFT JOIN items i ON i.id = n.item_id "
            "WHERE n.document_id = ? ORDER BY i.position IS NOT NULL, i.position",
            [document_id],
        )

    def note_rows_of_item(self, item_id: str) -> list[Row]:
        return self._rows("SELECT * FROM notes WHERE item_id = ?", [item_id])

    # -- follow-ups -----------------------------------------------------------------------------

    def followup_rows(self, *, document_id: str | None = None, item_id: str | None = None,
                      status: str | None = None, level: str | None = None,
                      highlight_id: str | None = None) -> list[Row]:
        given = {column: value for column, value in (
            ("i.document_id", document_id), ("f.item_id", item_id), ("f.status", status),
            ("f.level", level), ("f.highlight_id", highlight_id)) if value is not None}
        where = ("WHERE " + " AND ".join(f"{column} = ?" for column in given)) if given else ""
        return self._rows(
            "SELECT f.* FROM followups f JOIN items i ON i.id = f.item_id "
            "JOIN documents d ON d.id = i.document_id "
            f"{where} ORDER BY f.due IS NULL, f.due, d.imported DESC, i.position, f.created",
            list(given.values()),
        )

    # -- trash ----------------------------------------------------------------------------------

    def trash_rows(self) -> list[Row]:
        return self._rows("SELECT * FROM trash ORDER BY deleted DESC")

    def trashed_ids(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT ref_id FROM trash")}

    # -- markers, filters, search ---------------------------------------------------------------

    def marker_rows(self, document_id: str) -> dict[str, Row]:
        """Per item of a document: counts of highlights/follow-ups, note flag, confidentiality."""
        out: dict[str, Row] = {}
        for item_id, n_hl, conf_hl in self.conn.execute(
            "SELECT h.item_id, count(*), sum(h.level = 'vertrouwelijk') FROM highlights h "
            "JOIN items i ON i.id = h.item_id WHERE i.document_id = ? GROUP BY h.item_id",
            [document_id],
        ):
            out.setdefault(item_id, {})
            out[item_id].update(highlights=n_hl, confidential=bool(conf_hl))
        for item_id, n_open, n_all, conf in self.conn.execute(
            "SELECT f.item_id, sum(f.status <> 'afgerond'), count(*), sum(f.level = 'vertrouwelijk') "
            "FROM followups f JOIN items i ON i.id = f.item_id WHERE i.document_id = ? "
            "GROUP BY f.item_id",
            [document_id],
        ):
            r = out.setdefault(item_id, {})
            r.update(open_followups=n_open, followups=n_all,
                     confidential=bool(conf) or r.get("confidential", False))
        for item_id, level in self.conn.execute(
            "SELECT item_id, level FROM notes WHERE document_id = ? AND item_id IS NOT NULL "
            "AND body <> ''",
            [document_id],
        ):
            r = out.setdefault(item_id, {})
            r["has_note"] = True
            r["confidential"] = r.get("confidential", False) or level == "vertrouwelijk"
        for item_id, domain_id in self.conn.execute(
            "SELECT t.item_id, t.domain_id FROM item_domains t JOIN items i ON i.id = t.item_id "
            "JOIN domains d ON d.id = t.domain_id WHERE i.document_id = ? "
            "ORDER BY d.position, d.name",
            [document_id],
        ):
            out.setdefault(item_id, {}).setdefault("domain_ids", []).append(domain_id)
        return out

    def filter_item_rows(self, *, document_id: str | None = None, domain_id: str | None = None,
                         party: str | None = None, level: str | None = None,
                         status: str | None = None, has_note: bool | None = None,
                         ceiling: str | None = None) -> list[Row]:
        """Items matching every filter given (see `item_filter`), newest document first."""
        clauses: list[str] = []
        params: list[Any] = []
        if document_id is not None:
            clauses.append("i.document_id = ?")
            params.append(document_id)
        if party is not None:
            names = party_names(party)
            clauses.append(f"i.party COLLATE NOCASE IN ({', '.join('?' for _ in names)})")
            params += names
        found = item_filter("i", domain_id=domain_id, level=level, status=status, has_note=has_note,
                            ceiling=ceiling)
        if found is None:
            return []
        clauses += found[0]
        params += found[1]
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        return self._rows(
            "SELECT i.* FROM items i JOIN documents d ON d.id = i.document_id "
            f"{where} ORDER BY d.imported DESC, d.rowid DESC, i.position",  # as Store.documents()
            params,
        )

    def search_rows(self, match: str, filters: SearchFilter, *, limit: int = 50) -> list[Row]:
        """Notes and highlight notes matching an FTS5 expression, best first, with their level,
        body, item and document; only those within the filter's ceiling, on items that pass its
        filters (a document note passes no item filter)."""
        levels = filters.levels()
        clauses = ["annotation_fts MATCH ?",
                   f"ifnull(n.level, h.level) IN ({', '.join('?' for _ in levels)})"]
        params: list[Any] = [match, *levels]
        if filters.document_id is not None:
            clauses.append("ifnull(n.document_id, i.document_id) = ?")
            params.append(filters.document_id)
        if filters.party is not None:
            names = party_names(filters.party)
            clauses.append(f"i.party COLLATE NOCASE IN ({', '.join('?' for _ in names)})")
            params += names
        found = item_filter("i", domain_id=filters.domain_id, level=filters.level, status=filters.status,
                            has_note=filters.has_note, ceiling=filters.ceiling, per_row=True)
        if found is None:
            return []
        clauses += found[0]
        params += found[1]
        return self._rows(
            "SELECT f.kind, f.ref_id, f.rank AS rank, f.body AS body, "
            "ifnull(n.level, h.level) AS level, "
            "ifnull(n.document_id, i.document_id) AS document_id, "
            "i.id AS item_id, i.number AS item_number, i.party AS party "
            "FROM annotation_fts f "
            "LEFT JOIN notes n ON f.kind = 'note' AND n.id = f.ref_id "
            "LEFT JOIN highlights h ON f.kind = 'highlight' AND h.id = f.ref_id "
            "LEFT JOIN items i ON i.id = ifnull(h.item_id, n.item_id) "
            f"WHERE {' AND '.join(clauses)} ORDER BY f.rank, f.rowid DESC LIMIT ?",
            [*params, limit],
        )
