-- Briefer schema 6: a merge that converges (issue 15). Every annotation (domain, tag, highlight,
-- note, follow-up) is an entity whose fields each carry their own versions: a multi-value register
-- of (value, replica, clock) siblings plus the versions its writer had seen (a version vector).
-- Two databases that have seen the same changes hold the same states, whatever the order.
-- The annotation tables stay what every other layer reads; briefer/annotate/replica.py keeps them
-- and these states in step. Runs in one transaction (briefer/store/db.py).

CREATE TABLE sync_entities (
    id       TEXT PRIMARY KEY,                 -- the annotation's id (tags: derived from item + domain)
    kind     TEXT NOT NULL CHECK (kind IN ('domain', 'tag', 'highlight', 'note', 'followup')),
    doc      TEXT,                             -- document key: lower(identifier) or 'sha:<sha256>'
    origin   TEXT NOT NULL,                    -- the replica that created it
    state    TEXT NOT NULL,                    -- JSON {field: [[[value, replica, clock], ...], {replica: clock}]}
    seq      INTEGER NOT NULL,                 -- local change counter when the state last changed
    canon    TEXT NOT NULL,                    -- local: the entity it is merged into (itself when none)
    slot     TEXT,                             -- local: where it is materialised (collision checks)
    shown    TEXT,                             -- local: JSON of the row as last shown (what a local edit changes)
    conflict INTEGER NOT NULL DEFAULT 0,       -- local: 1 when a text field holds two versions
    shared   INTEGER NOT NULL DEFAULT 0        -- local: 1 once its content left in a file or folder
);
CREATE INDEX sync_entities_doc ON sync_entities(doc, kind);
CREATE INDEX sync_entities_seq ON sync_entities(seq);
CREATE INDEX sync_entities_canon ON sync_entities(canon);
CREATE INDEX sync_entities_slot ON sync_entities(slot);
CREATE INDEX sync_entities_conflict ON sync_entities(conflict) WHERE conflict = 1;

-- Rows of the annotation tables written since their versions were last recorded. Filled by the
-- triggers below on every connection (no Python needed), emptied by the version recording.
CREATE TABLE sync_dirty (
    tbl TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (tbl, key)
) WITHOUT ROWID;

-- What identifies an item of a version this database may not have (for re-anchoring).
CREATE TABLE sync_items (
    sha256  TEXT NOT NULL,
    number  INTEGER NOT NULL,
    keytext TEXT NOT NULL,
    PRIMARY KEY (sha256, number)
) WITHOUT ROWID;

-- Shared folders this database synchronises with, and the files of others it has read.
CREATE TABLE sync_folders (
    folder_id   TEXT PRIMARY KEY,
    path        TEXT NOT NULL,
    ceiling     TEXT NOT NULL CHECK (ceiling IN ('openbaar', 'intern', 'vertrouwelijk')),
    written_seq   INTEGER NOT NULL DEFAULT 0,  -- change counter at the last file written
    written_clock INTEGER NOT NULL DEFAULT 0,  -- this database's clock then (its own edits after it go next)
    last_sync     TEXT
);
CREATE TABLE sync_folder_files (
    folder_id TEXT NOT NULL,
    name      TEXT NOT NULL,
    read      TEXT NOT NULL,
    PRIMARY KEY (folder_id, name)
) WITHOUT ROWID;

-- Colleagues' replicas seen in files, with the name they gave (for "de versie van Sanne").
CREATE TABLE sync_replicas (
    replica TEXT PRIMARY KEY,
    name    TEXT NOT NULL DEFAULT '',
    seen    TEXT NOT NULL
);

CREATE TRIGGER sync_highlights_ins AFTER INSERT ON highlights BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('highlights', new.id);
END;
CREATE TRIGGER sync_highlights_upd AFTER UPDATE ON highlights BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('highlights', new.id);
    INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'highlights', old.id WHERE old.id <> new.id;
END;
CREATE TRIGGER sync_highlights_del AFTER DELETE ON highlights BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('highlights', old.id);
END;

CREATE TRIGGER sync_notes_ins AFTER INSERT ON notes BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('notes', new.id);
END;
CREATE TRIGGER sync_notes_upd AFTER UPDATE ON notes BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('notes', new.id);
    INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'notes', old.id WHERE old.id <> new.id;
END;
CREATE TRIGGER sync_notes_del AFTER DELETE ON notes BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('notes', old.id);
END;

CREATE TRIGGER sync_followups_ins AFTER INSERT ON followups BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('followups', new.id);
END;
CREATE TRIGGER sync_followups_upd AFTER UPDATE ON followups BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('followups', new.id);
    INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'followups', old.id WHERE old.id <> new.id;
END;
CREATE TRIGGER sync_followups_del AFTER DELETE ON followups BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('followups', old.id);
END;

CREATE TRIGGER sync_domains_ins AFTER INSERT ON domains BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('domains', new.id);
END;
CREATE TRIGGER sync_domains_upd AFTER UPDATE OF id, name, colour, description ON domains BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('domains', new.id);
    INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'domains', old.id WHERE old.id <> new.id;
END;
CREATE TRIGGER sync_domains_del AFTER DELETE ON domains BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('domains', old.id);
END;

CREATE TRIGGER sync_tags_ins AFTER INSERT ON item_domains BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('item_domains', new.item_id || '|' || new.domain_id);
END;
CREATE TRIGGER sync_tags_del AFTER DELETE ON item_domains BEGIN
    INSERT OR IGNORE INTO sync_dirty (tbl, key) VALUES ('item_domains', old.item_id || '|' || old.domain_id);
END;

-- Annotations made before this schema get their first versions at the next recording.
INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'domains', id FROM domains;
INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'highlights', id FROM highlights;
INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'notes', id FROM notes;
INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'followups', id FROM followups;
INSERT OR IGNORE INTO sync_dirty (tbl, key) SELECT 'item_domains', item_id || '|' || domain_id FROM item_domains;
