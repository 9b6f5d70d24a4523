-- Briefer schema 11: search that filters inside the index, at any size. Runs in one transaction.
--
-- 1. Every item gets a stable search number (`item_search.seq`, an INTEGER PRIMARY KEY that
--    VACUUM never renumbers), and the item's row in `items_fts` has that number as its rowid:
--    from a hit to its item and from an item to its index row are both one index lookup.
--    Numbers grow with each import, so a higher number is a newer item.
-- 2. `items_fts` gains a `facets` column: words that stand for what is on the item — its fractie,
--    its domain tags, the domains and levels of its highlights, the levels of its notes and
--    follow-ups, follow-up status by level, and whether it holds a note, by level (see the view
--    `item_facets`). A filtered search is then one MATCH: FTS5 intersects the user's words with
--    the filter's words inside the index, over every match, instead of ranking a window of
--    matches and filtering afterwards. User queries are confined to the text columns, so these
--    words are never found by typing them. Triggers on the annotation tables keep `facets`
--    current (only rewriting an item's index row when its facets really changed).
-- 3. `annotation_fts` (notes and highlight notes) gets the same kind of mapping
--    (`annotation_search`), so saving a note updates its index row by rowid instead of scanning
--    the whole index for its id.
-- The indexes are rebuilt from the tables here (about a minute per 100,000 items).

DROP TRIGGER IF EXISTS items_fts_insert;
DROP TRIGGER IF EXISTS items_fts_update;
DROP TRIGGER IF EXISTS documents_fts_delete;
DROP TRIGGER IF EXISTS notes_fts_insert;
DROP TRIGGER IF EXISTS notes_fts_update;
DROP TRIGGER IF EXISTS notes_fts_delete;
DROP TRIGGER IF EXISTS highlights_fts_insert;
DROP TRIGGER IF EXISTS highlights_fts_update;
DROP TRIGGER IF EXISTS highlights_fts_delete;
DROP TABLE items_fts;
DROP TABLE annotation_fts;

CREATE TABLE item_search (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,    -- = items_fts.rowid
    item_id TEXT NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE
);
INSERT INTO item_search (item_id)
    SELECT i.id FROM items AS i JOIN documents AS d ON d.id = i.document_id
    ORDER BY d.imported, d.rowid, i.position;

-- What is on an item, as words for `items_fts.facets` (briefer/store/search.py builds the
-- matching filter words the same way):
--   fp<hex of the lower-cased fractie>      the item's fractie (exact, not a word of it)
--   ft<domain>                              tagged with a domain (domain id without dashes)
--   fh<domain><level>                       a highlight in that domain at that level
--   fl<level>                               a highlight, note or follow-up at that level
--   fs<status><level>                       a follow-up with that status at that level
--   fn<level>                               a note or highlight note (not empty) at that level
CREATE VIEW item_facets (item_id, facets) AS
SELECT i.id, trim(
    ifnull('fp' || hex(lower(trim(i.party))), '')
    || ' ' || ifnull((SELECT group_concat(DISTINCT 'ft' || replace(t.domain_id, '-', ''))
                      FROM item_domains AS t WHERE t.item_id = i.id), '')
    || ' ' || ifnull((SELECT group_concat(DISTINCT 'fh' || replace(h.domain_id, '-', '') || h.level)
                      FROM highlights AS h WHERE h.item_id = i.id AND h.domain_id IS NOT NULL), '')
    || ' ' || ifnull((SELECT group_concat(DISTINCT 'fl' || x.level) FROM (
                          SELECT level FROM highlights WHERE item_id = i.id
                          UNION ALL SELECT level FROM notes WHERE item_id = i.id
                          UNION ALL SELECT level FROM followups WHERE item_id = i.id) AS x), '')
    || ' ' || ifnull((SELECT group_concat(DISTINCT 'fs' || f.status || f.level)
                      FROM followups AS f WHERE f.item_id = i.id), '')
    || ' ' || ifnull((SELECT group_concat(DISTINCT 'fn' || x.level) FROM (
                          SELECT level FROM notes WHERE item_id = i.id AND body <> ''
                          UNION ALL SELECT level FROM highlights WHERE item_id = i.id AND note <> '') AS x), '')
) FROM items AS i;

-- Full-text index over items, one row per item, rowid = item_search.seq. Diacritics folded,
-- prefix index for type-ahead; `party`, `refs` (Kamerstuk numbers, identifier) and the text are
-- what users search; `facets` and `doc` (one token per document) are only for filters.
CREATE VIRTUAL TABLE items_fts USING fts5(
    question, answer, party, refs, facets,
    item_id UNINDEXED, document_id UNINDEXED, doc,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);
INSERT INTO items_fts (rowid, question, answer, party, refs, facets, item_id, document_id, doc)
    SELECT s.seq, i.question, i.answer, ifnull(i.party, ''), d.search_refs, f.facets, i.id, i.document_id,
           'd' || replace(i.document_id, '-', '')
    FROM item_search AS s JOIN items AS i ON i.id = s.item_id
    JOIN documents AS d ON d.id = i.document_id JOIN item_facets AS f ON f.item_id = i.id;

CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO item_search (item_id) VALUES (new.id);
    INSERT INTO items_fts (rowid, question, answer, party, refs, facets, item_id, document_id, doc)
        SELECT s.seq, new.question, new.answer, ifnull(new.party, ''), d.search_refs,
               ifnull('fp' || hex(lower(trim(new.party))), ''), new.id, new.document_id,
               'd' || replace(new.document_id, '-', '')
        FROM item_search AS s, documents AS d WHERE s.item_id = new.id AND d.id = new.document_id;
END;

CREATE TRIGGER items_fts_update AFTER UPDATE OF question, answer, party ON items BEGIN
    UPDATE items_fts SET question = new.question, answer = new.answer, party = ifnull(new.party, ''),
                         facets = (SELECT facets FROM item_facets WHERE item_id = new.id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.id);
END;

CREATE TRIGGER documents_fts_refs AFTER UPDATE OF search_refs ON documents
WHEN old.search_refs IS NOT new.search_refs BEGIN
    UPDATE items_fts SET refs = new.search_refs WHERE rowid IN
        (SELECT s.seq FROM items AS i JOIN item_search AS s ON s.item_id = i.id WHERE i.document_id = new.id);
END;

CREATE TRIGGER documents_fts_delete BEFORE DELETE ON documents BEGIN
    DELETE FROM items_fts WHERE rowid IN
        (SELECT s.seq FROM items AS i JOIN item_search AS s ON s.item_id = i.id WHERE i.document_id = old.id);
END;

-- Facets follow every change of what is on an item.
CREATE TRIGGER item_domains_facets_insert AFTER INSERT ON item_domains BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
END;
CREATE TRIGGER item_domains_facets_delete AFTER DELETE ON item_domains BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = old.item_id);
END;
CREATE TRIGGER item_domains_facets_update AFTER UPDATE OF item_id, domain_id ON item_domains BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE old.item_id IS NOT new.item_id
      AND rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id);
END;
CREATE TRIGGER highlights_facets_insert AFTER INSERT ON highlights BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
END;
CREATE TRIGGER highlights_facets_delete AFTER DELETE ON highlights BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = old.item_id);
END;
CREATE TRIGGER highlights_facets_update AFTER UPDATE OF item_id, domain_id, level, note ON highlights BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE old.item_id IS NOT new.item_id
      AND rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id);
END;
CREATE TRIGGER notes_facets_insert AFTER INSERT ON notes WHEN new.item_id IS NOT NULL BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
END;
CREATE TRIGGER notes_facets_delete AFTER DELETE ON notes WHEN old.item_id IS NOT NULL BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = old.item_id);
END;
CREATE TRIGGER notes_facets_update AFTER UPDATE OF item_id, body, level ON notes BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE old.item_id IS NOT new.item_id
      AND rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id);
END;
CREATE TRIGGER followups_facets_insert AFTER INSERT ON followups BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
END;
CREATE TRIGGER followups_facets_delete AFTER DELETE ON followups BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = old.item_id);
END;
CREATE TRIGGER followups_facets_update AFTER UPDATE OF item_id, status, level ON followups BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE old.item_id IS NOT new.item_id
      AND rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id);
END;

-- Notes and highlight notes: rowid of `annotation_fts` = annotation_search.seq.
CREATE TABLE annotation_search (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,     -- = annotation_fts.rowid
    kind   TEXT NOT NULL CHECK (kind IN ('note', 'highlight')),
    ref_id TEXT NOT NULL,                         -- notes.id or highlights.id
    UNIQUE (ref_id, kind)
);
INSERT INTO annotation_search (kind, ref_id)
    SELECT 'note', id FROM notes UNION ALL SELECT 'highlight', id FROM highlights WHERE note <> '';

CREATE VIRTUAL TABLE annotation_fts USING fts5(
    body, kind UNINDEXED, ref_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO annotation_fts (rowid, body, kind, ref_id)
    SELECT s.seq, n.body, 'note', n.id FROM annotation_search AS s JOIN notes AS n ON n.id = s.ref_id
    WHERE s.kind = 'note';
INSERT INTO annotation_fts (rowid, body, kind, ref_id)
    SELECT s.seq, h.note, 'highlight', h.id FROM annotation_search AS s JOIN highlights AS h ON h.id = s.ref_id
    WHERE s.kind = 'highlight';

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO annotation_search (kind, ref_id) VALUES ('note', new.id);
    INSERT INTO annotation_fts (rowid, body, kind, ref_id)
        SELECT seq, new.body, 'note', new.id FROM annotation_search WHERE ref_id = new.id AND kind = 'note';
END;
CREATE TRIGGER notes_fts_update AFTER UPDATE OF body ON notes WHEN old.body IS NOT new.body BEGIN
    UPDATE annotation_fts SET body = new.body
    WHERE rowid = (SELECT seq FROM annotation_search WHERE ref_id = new.id AND kind = 'note');
END;
CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    DELETE FROM annotation_fts
    WHERE rowid = (SELECT seq FROM annotation_search WHERE ref_id = old.id AND kind = 'note');
    DELETE FROM annotation_search WHERE ref_id = old.id AND kind = 'note';
END;

CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights WHEN new.note <> '' BEGIN
    INSERT INTO annotation_search (kind, ref_id) VALUES ('highlight', new.id);
    INSERT INTO annotation_fts (rowid, body, kind, ref_id)
        SELECT seq, new.note, 'highlight', new.id FROM annotation_search
        WHERE ref_id = new.id AND kind = 'highlight';
END;
CREATE TRIGGER highlights_fts_update AFTER UPDATE OF note ON highlights
WHEN old.note IS NOT new.note BEGIN
    DELETE FROM annotation_fts
    WHERE rowid = (SELECT seq FROM annotation_search WHERE ref_id = old.id AND kind = 'highlight');
    DELETE FROM annotation_search WHERE ref_id = old.id AND kind = 'highlight';
    INSERT INTO annotation_search (kind, ref_id) SELECT 'highlight', new.id WHERE new.note <> '';
    INSERT INTO annotation_fts (rowid, body, kind, ref_id)
        SELECT seq, new.note, 'highlight', new.id FROM annotation_search
        WHERE ref_id = new.id AND kind = 'highlight';
END;
CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights WHEN old.note <> '' BEGIN
    DELETE FROM annotation_fts
    WHERE rowid = (SELECT seq FROM annotation_search WHERE ref_id = old.id AND kind = 'highlight');
    DELETE FROM annotation_search WHERE ref_id = old.id AND kind = 'highlight';
END;
