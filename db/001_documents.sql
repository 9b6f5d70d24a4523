-- Briefer schema 1: imported documents, their items and footnotes, and the full-text index over
-- items. Every migration file runs in one transaction (briefer/store/db.py). Never edit a shipped
-- file: add a new numbered one.

CREATE TABLE documents (
    id            TEXT PRIMARY KEY,             -- UUID
    identifier    TEXT,                         -- kst-30821-196, ah-tk-20232024-1314
    doc_type      TEXT NOT NULL,
    title         TEXT,
    kamerstuk     TEXT,                         -- "30 821, nr. 196"
    dossier       TEXT,
    ondernummer   TEXT,
    vergaderjaar  TEXT,
    committee     TEXT,
    date          TEXT,
    answered_by   TEXT,
    date_sent     TEXT,
    date_received TEXT,
    asked_by      TEXT,                         -- JSON list of {name, party} or NULL
    parties       TEXT NOT NULL DEFAULT '[]',   -- JSON list in document order
    warnings      TEXT NOT NULL DEFAULT '[]',   -- JSON list of Dutch warnings from the parser
    source        TEXT NOT NULL,                -- original file name (no directory)
    sha256        TEXT NOT NULL UNIQUE,
    original      BLOB,                         -- copy of the original file
    page_count    INTEGER NOT NULL DEFAULT 0,
    version_of    TEXT REFERENCES documents(id) ON DELETE SET NULL,
    search_refs   TEXT NOT NULL DEFAULT '',     -- Kamerstuk numbers/identifier as words, for FTS
    imported      TEXT NOT NULL,
    updated       TEXT NOT NULL
);
CREATE INDEX documents_identifier ON documents(identifier);
CREATE INDEX documents_kamerstuk ON documents(dossier, ondernummer);
CREATE INDEX documents_version_of ON documents(version_of);
CREATE INDEX documents_imported ON documents(imported);

CREATE TABLE items (
    id          TEXT PRIMARY KEY,               -- UUID
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    numbers     TEXT NOT NULL,                  -- JSON list of ints
    party       TEXT,
    heading     TEXT,
    question    TEXT NOT NULL DEFAULT '',
    answer      TEXT NOT NULL DEFAULT '',
    page_first  INTEGER,
    page_last   INTEGER,
    refers_to   TEXT NOT NULL DEFAULT '[]',     -- JSON list of item numbers
    position    INTEGER NOT NULL
);
CREATE INDEX items_document ON items(document_id, position);
CREATE INDEX items_number ON items(document_id, number);

CREATE TABLE footnotes (
    id          TEXT PRIMARY KEY,               -- UUID
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    text        TEXT NOT NULL,
    page        INTEGER,
    UNIQUE (document_id, number)
);

-- Full-text index over items, one row per item. Suited to Dutch: diacritics folded
-- ("geinformeerd" finds "geïnformeerd"), prefix indexes for type-ahead search. `party` makes
-- party names findable, `refs` the Kamerstuk numbers ("30821", "30 821", "30821-196") and the
-- identifier. `doc` holds one token per document ('d' + the id's hex digits) so a document filter
-- is an index lookup; user queries are limited to the first four columns, so they never match it.
-- Rows point back by item_id/document_id (UNINDEXED), never by rowid: VACUUM may renumber the
-- rowids of `items`.
CREATE VIRTUAL TABLE items_fts USING fts5(
    question, answer, party, refs,
    item_id UNINDEXED, document_id UNINDEXED, doc,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);

-- Kept in sync by triggers. Items are written once at import and leave only with their document,
-- so the index is cleared per document (one pass) rather than per item.
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (question, answer, party, refs, item_id, document_id, doc)
        SELECT new.question, new.answer, ifnull(new.party, ''), d.search_refs, new.id, new.document_id,
               'd' || replace(new.document_id, '-', '')
        FROM documents AS d WHERE d.id = new.document_id;
END;

CREATE TRIGGER items_fts_update AFTER UPDATE OF question, answer, party ON items BEGIN
    DELETE FROM items_fts WHERE rowid IN
        (SELECT rowid FROM items_fts WHERE items_fts MATCH 'doc : "d' || replace(old.document_id, '-', '') || '"'
         AND item_id = old.id);
    INSERT INTO items_fts (question, answer, party, refs, item_id, document_id, doc)
        SELECT new.question, new.answer, ifnull(new.party, ''), d.search_refs, new.id, new.document_id,
               'd' || replace(new.document_id, '-', '')
        FROM documents AS d WHERE d.id = new.document_id;
END;

CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
    DELETE FROM items_fts WHERE rowid IN
        (SELECT rowid FROM items_fts WHERE items_fts MATCH 'doc : "d' || replace(old.id, '-', '') || '"');
END;
