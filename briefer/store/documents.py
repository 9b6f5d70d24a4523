"""Core: the document store: imported documents, their items and footnotes, over SQLite.

The only code that writes `documents`, `items` and `footnotes`. Every write runs in one
transaction (`Store.transaction()`), so an import is all or nothing, and disk-full or corruption
errors surface as `DiskFull` / `DatabaseCorrupt` with a Dutch message.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from briefer.errors import BrieferError
from briefer.records import Footnote, Person, StoredDocument, StoredItem, new_id, now_iso
from briefer.store import search as _search
from briefer.store.db import Database, guarded, open_database, write_transaction
from briefer.store.search import SearchHit

TYPE_CHECKING = False  # typing stays unimported at run time: CLI start-up (briefer.cli)
if TYPE_CHECKING:
    from typing import Any

    from briefer.model import Document


class DocumentNotFound(BrieferError):
    """Core: no document matches the reference the user gave."""

    def __init__(self, ref: str, *, store_empty: bool = False) -> None:
        if store_empty:
            message = (f"Document '{ref}' niet gevonden: er zijn nog geen documenten; importeer er een "
                       "met 'briefer import BESTAND'.")
        else:
            message = (f"Document '{ref}' niet gevonden; geef een id, kenmerk (ah-tk-…), Kamerstuk "
                       "(30821-196) of 'latest' — 'briefer list' toont wat er is.")
        super().__init__(message)
        self.ref = ref


class ItemNotFound(BrieferError):
    """Core: the document has no item with that number (or id)."""

    def __init__(self, ref: str, document: str | None = None) -> None:
        where = f" in {document}" if document else ""
        super().__init__(
            f"Vraag {ref} niet gevonden{where}; 'briefer show DOC' toont de nummers."
        )
        self.ref = ref


@dataclass
class ImportResult:
    """Core: what an import did: the stored document, whether it was new, and its predecessor.

    `created` is False when the same file (sha256) was already stored; `document` is then the
    existing one. `previous` is the earlier version of the same Kamerstuk this one supersedes
    (its id is `document.version_of`). `carry_over` holds the annotation layer's report when the
    importer moved annotations from `previous`.
    """

    document: StoredDocument
    created: bool
    previous: StoredDocument | None = None
    carry_over: Any = None
    placed_pending: int = 0  # colleagues' annotations that waited for this document, shown now
    items_per_party: list[tuple[str, int]] = field(default_factory=list)

    @property
    def warnings(self) -> list[str]:
        return list(self.document.warnings)


_DOC_COLUMNS = (
    "id, identifier, doc_type, title, kamerstuk, dossier, ondernummer, vergaderjaar, committee, date, "
    "answered_by, date_sent, date_received, asked_by, parties, warnings, source, sha256, page_count, "
    "version_of, imported, kenmerk, tk_reference, addressee, signed_by, type_confidence, type_chosen"
)
_META = ("kenmerk", "tk_reference", "addressee", "signed_by", "type_confidence", "type_chosen")  # db/014
_DOC_COLUMNS_D = ", ".join("d." + c.strip() for c in _DOC_COLUMNS.split(","))  # aliased as `d`
# before db/014 (a store opened on an older schema without migrating): NULL for the metadata columns
_DOC_COLUMNS_OLD = ", ".join(c if c.strip() not in {f"d.{m}" for m in ("kenmerk", "tk_reference", "addressee",
                             "signed_by", "type_confidence")} else "NULL"
                             for c in _DOC_COLUMNS_D.split(", ")).replace("d.type_chosen", "0")
_ITEM_COLUMNS = (
    "id, document_id, number, numbers, party, heading, question, answer, page_first, page_last, "
    "refers_to, position"
)
_KAMERSTUK_REF = re.compile(r"^(?:kamerstuk\s+)?(?P<dossier>\d[\w -]*?)\s*(?:,?\s*nr\.?\s*|[-/])\s*(?P<nr>\d+)$",
                            re.IGNORECASE)
_LATEST = {"latest", "laatste", "nieuwste"}


def sha256_hex(data: bytes) -> str:
    import hashlib  # only when importing: reading and searching never pay for OpenSSL's load

    return hashlib.sha256(data).hexdigest()


def search_refs(doc: Document) -> str:
    """Words under which every item of `doc` is findable: Kamerstuk numbers, identifier, askers."""
    words: list[str] = []
    if doc.identifier:
        words.append(doc.identifier)
    if doc.kamerstuk:
        words.append(doc.kamerstuk)
    if doc.dossier:
        compact = doc.dossier.replace(" ", "")
        words += [doc.dossier, compact]
        if doc.ondernummer:
            words.append(f"{compact}-{doc.ondernummer}")
    if doc.ondernummer:
        words.append(f"nr. {doc.ondernummer}")
    words += [doc.tk_reference or "", doc.kenmerk or ""]  # "2024Z11859", the ministry's reference
    for person in doc.asked_by or []:  # Kamervragen: the members who asked, and their parties
        words += [person.name, person.party or ""]
    return " ".join(w for w in words if w)


def _json_list(value: str | None) -> list[Any]:
    return json.loads(value) if value else []


def _doc_from_row(row: sqlite3.Row | tuple[Any, ...], item_count: int = 0) -> StoredDocument:
    (doc_id, identifier, doc_type, title, kamerstuk, dossier, ondernummer, vergaderjaar, committee,
     date, answered_by, date_sent, date_received, asked_by, parties, warnings, source, sha256,
     page_count, version_of, imported) = row[:21]
    meta = dict(zip(_META, row[21:27], strict=True))
    meta["type_chosen"] = bool(meta["type_chosen"])
    people = None
    if asked_by is not None:
        people = [Person(p.get("name", ""), p.get("party")) for p in json.loads(asked_by)]
    return StoredDocument(
        id=doc_id, identifier=identifier, doc_type=doc_type, title=title, kamerstuk=kamerstuk,
        dossier=dossier, ondernummer=ondernummer, vergaderjaar=vergaderjaar, source=source,
        sha256=sha256, imported=imported, item_count=item_count, date=date, committee=committee,
        answered_by=answered_by, date_sent=date_sent, date_received=date_received, asked_by=people,
        parties=_json_list(parties), version_of=version_of, page_count=page_count or 0,
        warnings=_json_list(warnings), **meta,
    )


def _item_from_row(row: tuple[Any, ...]) -> StoredItem:
    (item_id, document_id, number, numbers, party, heading, question, answer, page_first, page_last,
     refers_to, position) = row
    return StoredItem(
        id=item_id, document_id=document_id, number=number, numbers=_json_list(numbers), party=party,
        question=question, answer=answer, page_first=page_first, page_last=page_last,
        position=position, refers_to=_json_list(refers_to), heading=heading,
    )


class Store:
    """Core: the document store over one sqlite-utils Database (see docs/API.md, "store")."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: str | Path | None, *, read_only: bool = False) -> Store:
        """Open (creating and migrating) the database at `path`; None opens one in memory.
        `read_only`: read a database that cannot be written; every write raises DatabaseReadOnly."""
        db = open_database(path, read_only=read_only)
        return cls(db, Path(path) if path is not None else None)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One write transaction (a savepoint when nested; see `write_transaction`); disk-full,
        busy and corruption errors become named StoreErrors."""
        with write_transaction(self.db, self.path):
            yield self.db

    # ---------------------------------------------------------------------------- writing

    def add_document(self, doc: Document, original: bytes, *, source_name: str | None = None,
                     previous: StoredDocument | None = None) -> ImportResult:
        """Store a parsed document with its original file, in one transaction.

        `source_name` is the original file name to keep (default: the name in `doc.source`).
        The same file (sha256) again returns the stored document with `created=False`. Another
        file of the same Kamerstuk (identifier, or dossier + ondernummer) becomes a new document
        whose `version_of` is the newest earlier version (or `previous`, when given: a re-parse).
        """
        digest = sha256_hex(original)
        with self.transaction():
            existing = self.find_by_sha256(digest)
            if existing is not None:
                return ImportResult(existing, created=False,
                                    items_per_party=self.items_per_party(existing.id))
            previous = previous or self.previous_version(doc)
            doc_id = new_id()
            now = now_iso()
            warnings = list(doc.warnings)
            footnotes: dict[int, Footnote] = {}
            for note in doc.footnotes:
                if note.number in footnotes:
                    warnings.append(f"Voetnoot {note.number} komt meer dan eens voor; de eerste is bewaard.")
                    continue
                footnotes[note.number] = note
            self.db.conn.execute(
                """INSERT INTO documents (id, identifier, doc_type, title, kamerstuk, dossier,
                       ondernummer, vergaderjaar, committee, date, answered_by, date_sent,
                       date_received, asked_by, parties, warnings, source, sha256,
                       page_count, version_of, search_refs, imported, updated)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    doc_id, doc.identifier, str(doc.doc_type), doc.title, doc.kamerstuk, doc.dossier,
                    doc.ondernummer, doc.vergaderjaar, doc.committee, doc.date, doc.answered_by,
                    doc.date_sent, doc.date_received,
                    None if doc.asked_by is None else json.dumps(
                        [{"name": p.name, "party": p.party} for p in doc.asked_by], ensure_ascii=False),
                    json.dumps(list(doc.parties), ensure_ascii=False),
                    json.dumps(warnings, ensure_ascii=False),
                    source_name or (Path(doc.source).name if doc.source else "onbekend"),
                    digest, doc.page_count or 0,
                    previous.id if previous else None, search_refs(doc), now, now,
                ),
            )
            # the original goes to its own table: no item insert ever reads past a blob
            self.db.conn.execute("INSERT INTO document_originals (document_id, data) VALUES (?, ?)",
                                 (doc_id, original))
            self.db.conn.executemany(
                f"INSERT INTO items ({_ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        new_id(), doc_id, item.number, json.dumps(list(item.numbers or [item.number])),
                        item.party, item.heading, item.question or "", item.answer or "",
                        min(item.pages) if item.pages else None,
                        max(item.pages) if item.pages else None,
                        json.dumps(list(item.refers_to)), position,
                    )
                    for position, item in enumerate(doc.items)
                ],
            )
            self.db.conn.executemany(
                "INSERT INTO footnotes (id, document_id, number, text, page) VALUES (?, ?, ?, ?, ?)",
                [(new_id(), doc_id, n.number, n.text, n.page) for n in footnotes.values()],
            )
            if self._has_meta():
                self.db.conn.execute(
                    f"UPDATE documents SET {', '.join(c + ' = ?' for c in _META)} WHERE id = ?",
                    (doc.kenmerk, doc.tk_reference, doc.addressee, doc.signed_by, doc.type_confidence,
                     int(doc.type_chosen), doc_id),
                )
            stored = self.document(doc_id)
            return ImportResult(stored, created=True, previous=previous,
                                items_per_party=self.items_per_party(doc_id))

    def _has_meta(self) -> bool:
        """Whether the schema has the metadata columns of db/014 (a store opened without migrating may not)."""
        if getattr(self, "_meta_columns", None) is None:
            cols = {r[1] for r in self.db.conn.execute("PRAGMA table_info(documents)")}
            self._meta_columns = all(c in cols for c in _META)
        return bool(self._meta_columns)

    def supersede(self, doc_id: str) -> StoredDocument:
        """Free a document's file (sha256) for a re-parse of the same file: the old row keeps its
        original under "<sha256>~<id>", so the same file imported again finds the re-parse."""
        doc = self.document(doc_id)
        with self.transaction():
            self.db.conn.execute("UPDATE documents SET sha256 = sha256 || '~' || id WHERE id = ? "
                                 "AND instr(sha256, '~') = 0", (doc_id,))
        return doc

    def delete_document(self, doc_id: str, *, backup_first: bool = True) -> None:
        """Delete a document with its items, footnotes (and, by cascade, their annotations).

        For a database file, a rotating backup (briefer.store.backup) is made first, so annotations
        deleted with the document can still be recovered from it.
        """
        self.document(doc_id)
        if backup_first and self.path is not None and self.path.exists():
            from briefer.store.backup import backup

            backup(self.path)
        with self.transaction():
            self.document(doc_id)
            self.db.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    # ---------------------------------------------------------------------------- reading documents

    def _documents(self, where: str = "", params: tuple[Any, ...] = (),
                   limit: int | None = None) -> list[StoredDocument]:
        # Items are numbered 0..n-1 by position at import and leave only with their document, so
        # the highest position + 1 is the count: one index seek instead of counting every item
        # (counting took 60-170 ms for 334 documents of 500,000 items).
        columns = _DOC_COLUMNS_D if self._has_meta() else _DOC_COLUMNS_OLD
        sql = (
            f"SELECT {columns}, "
            "ifnull((SELECT max(i.position) FROM items AS i WHERE i.document_id = d.id) + 1, 0) "
            f"FROM documents AS d {where} ORDER BY d.imported DESC, d.rowid DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self.db.conn.execute(sql, params).fetchall()
        return [_doc_from_row(row, row[27]) for row in rows]

    def documents(self) -> list[StoredDocument]:
        """Every document, newest import first, with its item count."""
        return self._documents()

    def document(self, doc_id: str) -> StoredDocument:
        found = self._documents("WHERE d.id = ?", (doc_id,))
        if not found:
            raise DocumentNotFound(doc_id)
        return found[0]

    def find_by_sha256(self, digest: str) -> StoredDocument | None:
        found = self._documents("WHERE d.sha256 = ?", (digest,))
        return found[0] if found else None

    def previous_version(self, doc: Document) -> StoredDocument | None:
        """The newest stored document of the same Kamerstuk (identifier or dossier + ondernummer)."""
        clauses, params = [], []
        if doc.identifier:
            clauses.append("d.identifier = ? COLLATE NOCASE")
            params.append(doc.identifier)
        if doc.dossier and doc.ondernummer:
            clauses.append("(replace(d.dossier, ' ', '') = ? AND d.ondernummer = ?)")
            params += [doc.dossier.replace(" ", ""), doc.ondernummer]
        if not clauses:
            return None
        found = self._documents(f"WHERE {' OR '.join(clauses)}", tuple(params), limit=1)
        return found[0] if found else None

    def versions(self, doc_id: str) -> list[StoredDocument]:
        """The version chain `doc_id` belongs to, oldest first."""
        chain = [self.document(doc_id)]
        while chain[0].version_of:
            try:
                chain.insert(0, self.document(chain[0].version_of))
            except DocumentNotFound:
                break
        while True:
            newer = self._documents("WHERE d.version_of = ?", (chain[-1].id,))
            if not newer:
                return chain
            chain.append(newer[-1])

    def resolve(self, ref: str) -> StoredDocument:
        """A document by id (or unique id prefix), identifier, Kamerstuk ("30821-196") or "latest".

        Identifier and Kamerstuk give the newest version.
        """
        text = (ref or "").strip()
        if self.db.conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None:
            raise DocumentNotFound(ref, store_empty=True)
        if not text:
            raise DocumentNotFound(ref)
        if text.lower() in _LATEST:
            return self._documents(limit=1)[0]
        found = self._documents("WHERE d.id = ?", (text,))
        if not found:
            found = self._documents("WHERE d.identifier = ? COLLATE NOCASE", (text,), limit=1)
        if not found:
            match = _KAMERSTUK_REF.match(text)
            if match:
                found = self._documents(
                    "WHERE replace(d.dossier, ' ', '') = ? AND d.ondernummer = ?",
                    (match["dossier"].replace(" ", ""), match["nr"]), limit=1,
                )
        if not found and len(text) >= 4 and re.fullmatch(r"[0-9a-fA-F-]+", text):
            candidates = self._documents("WHERE d.id LIKE ?", (text.lower() + "%",))
            if len(candidates) == 1:
                found = candidates
        if not found:
            raise DocumentNotFound(ref)
        return found[0]

    def original(self, doc_id: str) -> bytes | None:
        """The bytes of the original file, as imported (None when none was kept)."""
        row = self.db.conn.execute(
            "SELECT d.id, o.data FROM documents AS d LEFT JOIN document_originals AS o ON o.document_id = d.id "
            "WHERE d.id = ?", (doc_id,)).fetchone()
        if row is None:
            raise DocumentNotFound(doc_id)
        return None if row[1] is None else bytes(row[1])

    # ---------------------------------------------------------------------------- items, footnotes

    def items(self, doc_id: str) -> list[StoredItem]:
        """The items of a document in document order."""
        rows = self.db.conn.execute(
            f"SELECT {_ITEM_COLUMNS} FROM items WHERE document_id = ? ORDER BY position", (doc_id,)
        ).fetchall()
        if not rows:
            self.document(doc_id)  # unknown document -> DocumentNotFound; else it has no items
        return [_item_from_row(r) for r in rows]

    def item(self, item_id: str) -> StoredItem:
        row = self.db.conn.execute(f"SELECT {_ITEM_COLUMNS} FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise ItemNotFound(item_id)
        return _item_from_row(row)

    def item_by_number(self, doc_id: str, number: int | str) -> StoredItem:
        """The item answering question `number` (its first number or any of its numbers)."""
        try:
            wanted = int(str(number).strip())
        except ValueError:
            raise ItemNotFound(str(number)) from None
        row = self.db.conn.execute(
            f"""SELECT {_ITEM_COLUMNS} FROM items WHERE document_id = ? AND (number = ? OR EXISTS
                    (SELECT 1 FROM json_each(items.numbers) WHERE json_each.value = ?))
                ORDER BY number <> ?, position LIMIT 1""",
            (doc_id, wanted, wanted, wanted),
        ).fetchone()
        if row is None:
            raise ItemNotFound(str(number), self.document(doc_id).display_name)
        return _item_from_row(row)

    def items_per_party(self, doc_id: str) -> list[tuple[str, int]]:
        """(party, item count) in order of first appearance; items without a party count as "—"."""
        rows = self.db.conn.execute(
            """SELECT ifnull(party, '—'), count(*), min(position) FROM items WHERE document_id = ?
               GROUP BY ifnull(party, '—') ORDER BY min(position)""",
            (doc_id,),
        ).fetchall()
        return [(party, count) for party, count, _ in rows]

    def footnotes(self, doc_id: str) -> list[Footnote]:
        rows = self.db.conn.execute(
            "SELECT number, text, page FROM footnotes WHERE document_id = ? ORDER BY number", (doc_id,)
        ).fetchall()
        return [Footnote(number, text, page) for number, text, page in rows]

    # ---------------------------------------------------------------------------- search

    def rebuild_search_index(self) -> int:
        """Rebuild the full-text indexes (items with their facets, notes) from the tables; returns
        the item rows indexed. Every item keeps its search number (`item_search.seq`)."""
        conn = self.db.conn
        with self.transaction():
            conn.execute("INSERT INTO item_search (item_id) SELECT i.id FROM items AS i "
                         "WHERE NOT EXISTS (SELECT 1 FROM item_search AS s WHERE s.item_id = i.id)")
            conn.execute("DELETE FROM items_fts")
            conn.execute(
                """INSERT INTO items_fts (rowid, question, answer, party, refs, facets, item_id, document_id, doc)
                   SELECT s.seq, i.question, i.answer, ifnull(i.party, ''), d.search_refs, f.facets, i.id,
                          i.document_id, 'd' || replace(i.document_id, '-', '')
                   FROM item_search AS s JOIN items AS i ON i.id = s.item_id
                   JOIN documents AS d ON d.id = i.document_id JOIN item_facets AS f ON f.item_id = i.id"""
            )
            conn.execute("INSERT INTO annotation_search (kind, ref_id) SELECT 'note', n.id FROM notes AS n "
                         "WHERE NOT EXISTS (SELECT 1 FROM annotation_search AS s WHERE s.ref_id = n.id "
                         "AND s.kind = 'note')")
            conn.execute("INSERT INTO annotation_search (kind, ref_id) SELECT 'highlight', h.id "
                         "FROM highlights AS h WHERE h.note <> '' AND NOT EXISTS (SELECT 1 FROM "
                         "annotation_search AS s WHERE s.ref_id = h.id AND s.kind = 'highlight')")
            conn.execute("DELETE FROM annotation_fts")
            conn.execute(
                """INSERT INTO annotation_fts (rowid, body, kind, ref_id)
                   SELECT s.seq, ifnull(n.body, h.note), s.kind, s.ref_id FROM annotation_search AS s
                   LEFT JOIN notes AS n ON s.kind = 'note' AND n.id = s.ref_id
                   LEFT JOIN highlights AS h ON s.kind = 'highlight' AND h.id = s.ref_id
                   WHERE n.id IS NOT NULL OR h.note <> ''"""
            )
            return int(conn.execute("SELECT count(*) FROM items_fts").fetchone()[0])

    def search(self, query: str, *, party: str | None = None, doc_id: str | None = None,
               limit: int = 50, domain_id: str | None = None, level: Any = None, status: Any = None,
               has_note: bool | None = None, ceiling: Any = None) -> list[SearchHit]:
        """Full-text search over items, notes and highlight notes (see briefer.store.search): the
        filters and the level ceiling apply inside the search; best first, snippets mark hits «…»."""
        with guarded(self.path):
            return _search.search(self.db, query, party=party, doc_id=doc_id, limit=limit,
                                  domain_id=domain_id, level=level, status=status, has_note=has_note,
                                  ceiling=ceiling)
