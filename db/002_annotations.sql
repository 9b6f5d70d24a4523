-- Briefer schema 2: annotations (domains, tags, highlights, notes, follow-ups), the trash and a
-- full-text index over notes and highlight notes. Runs in one transaction (briefer/store/db.py).
-- Every table that can carry confidential content has a level that cannot be omitted.

CREATE TABLE domains (
    id          TEXT PRIMARY KEY,                      -- UUID
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    colour      TEXT NOT NULL CHECK (colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
    key         INTEGER UNIQUE CHECK (key IS NULL OR key BETWEEN 1 AND 9),
    description TEXT NOT NULL DEFAULT '',
    lexicon     TEXT NOT NULL DEFAULT '[]',            -- JSON list of words (suggestions)
    position    INTEGER NOT NULL DEFAULT 0,
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);

CREATE TABLE item_domains (
    item_id   TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    domain_id TEXT NOT NULL REFERENCES domains(id) ON DELETE CASCADE,
    created   TEXT NOT NULL,
    PRIMARY KEY (item_id, domain_id)
);
CREATE INDEX item_domains_domain ON item_domains(domain_id);

CREATE TABLE highlights (
    id           TEXT PRIMARY KEY,                     -- UUID
    item_id      TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    field        TEXT NOT NULL CHECK (field IN ('question', 'answer')),
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL CHECK (end_offset >= start_offset),
    exact        TEXT NOT NULL CHECK (exact <> ''),
    prefix       TEXT NOT NULL DEFAULT '',
    suffix       TEXT NOT NULL DEFAULT '',
    domain_id    TEXT REFERENCES domains(id) ON DELETE SET NULL,
    note         TEXT NOT NULL DEFAULT '',
    level        TEXT NOT NULL CHECK (level IN ('openbaar', 'intern', 'vertrouwelijk')),
    orphaned     INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL
);
CREATE INDEX highlights_item ON highlights(item_id);
CREATE INDEX highlights_domain ON highlights(domain_id);

CREATE TABLE notes (
    id          TEXT PRIMARY KEY,                      -- UUID
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id     TEXT REFERENCES items(id) ON DELETE CASCADE,   -- NULL: the document note ("Kern")
    body        TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('openbaar', 'intern', 'vertrouwelijk')),
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE UNIQUE INDEX notes_target ON notes(document_id, ifnull(item_id, ''));
CREATE INDEX notes_item ON notes(item_id);

CREATE TABLE followups (
    id           TEXT PRIMARY KEY,                     -- UUID
    item_id      TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    highlight_id TEXT REFERENCES highlights(id) ON DELETE SET NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('schriftelijke vragen', 'motie', 'vraag in debat',
                                               'technische briefing aanvragen', 'toezegging bewaken',
                                               'overig')),
    text         TEXT NOT NULL CHECK (text <> ''),
    owner        TEXT NOT NULL DEFAULT '',
    due          TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status       TEXT NOT NULL CHECK (status IN ('open', 'loopt', 'afgerond')),
    level        TEXT NOT NULL CHECK (level IN ('openbaar', 'intern', 'vertrouwelijk')),
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL
);
CREATE INDEX followups_item ON followups(item_id);
CREATE INDEX followups_status ON followups(status);

-- Deleted annotations: the rows as they were (JSON), restorable until the trash is emptied.
CREATE TABLE trash (
    id          TEXT PRIMARY KEY,                      -- UUID of the trash entry
    kind        TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'followup', 'domain')),
    ref_id      TEXT NOT NULL,                         -- id of the deleted row
    document_id TEXT,
    item_id     TEXT,
    label       TEXT NOT NULL,                         -- Dutch one-line description
    rows        TEXT NOT NULL,                         -- JSON: [{"table": ..., "row": {...}}, ...]
    level       TEXT NOT NULL CHECK (level IN ('openbaar', 'intern', 'vertrouwelijk')),
    deleted     TEXT NOT NULL
);
CREATE INDEX trash_ref ON trash(ref_id);

CREATE TABLE annotation_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Full-text index over notes and highlight notes; rows point back by kind + ref_id.
CREATE VIRTUAL TABLE annotation_fts USING fts5(
    body, kind UNINDEXED, ref_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO annotation_fts (body, kind, ref_id) VALUES (new.body, 'note', new.id);
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes WHEN old.body IS NOT new.body BEGIN
    DELETE FROM annotation_fts WHERE ref_id = old.id AND kind = 'note';
    INSERT INTO annotation_fts (body, kind, ref_id) VALUES (new.body, 'note', new.id);
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    DELETE FROM annotation_fts WHERE ref_id = old.id AND kind = 'note';
END;

CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights WHEN new.note <> '' BEGIN
    INSERT INTO annotation_fts (body, kind, ref_id) VALUES (new.note, 'highlight', new.id);
END;
CREATE TRIGGER highlights_fts_update AFTER UPDATE OF note ON highlights
WHEN old.note IS NOT new.note BEGIN
    DELETE FROM annotation_fts WHERE ref_id = old.id AND kind = 'highlight';
    INSERT INTO annotation_fts (body, kind, ref_id)
        SELECT new.note, 'highlight', new.id WHERE new.note <> '';
END;
CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights WHEN old.note <> '' BEGIN
    DELETE FROM annotation_fts WHERE ref_id = old.id AND kind = 'highlight';
END;
