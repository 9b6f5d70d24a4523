-- Briefer schema 1: imported documents, their items and footnotes.
-- Every migration file runs in one transaction (briefer/store/db.py). Never edit a shipped file:
-- add a new numbered one.

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
    imported      TEXT NOT NULL,
    updated       TEXT NOT NULL
);
CREATE INDEX documents_identifier ON documents(identifier);
CREATE INDEX documents_kamerstuk ON documents(dossier, ondernummer);

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

CREATE TABLE footnotes (
    id          TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    text        TEXT NOT NULL,
    page        INTEGER,
    UNIQUE (document_id, number)
);
