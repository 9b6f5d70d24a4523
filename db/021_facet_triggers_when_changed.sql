-- Briefer schema 21: an item's filter words (items_fts.facets, schema 11) are recomputed only when
-- an update changes what they are made of. Schema 11 recomputed them on every update naming one of
-- the columns, e.g. each rewritten highlight note (0.3 ms each: the item_facets view runs five
-- subqueries), which made a colleague's file of 10,000 changes several seconds slower to merge.
-- A note's text matters only as empty or not (fn<level>); its words are in annotation_fts.
DROP TRIGGER IF EXISTS highlights_facets_update;
DROP TRIGGER IF EXISTS notes_facets_update;
DROP TRIGGER IF EXISTS followups_facets_update;

CREATE TRIGGER highlights_facets_update AFTER UPDATE OF item_id, domain_id, level, note ON highlights
WHEN old.item_id IS NOT new.item_id OR old.domain_id IS NOT new.domain_id OR old.level IS NOT new.level
     OR (old.note <> '') IS NOT (new.note <> '') BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE old.item_id IS NOT new.item_id
      AND rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id);
END;

CREATE TRIGGER notes_facets_update AFTER UPDATE OF item_id, body, level ON notes
WHEN old.item_id IS NOT new.item_id OR old.level IS NOT new.level
     OR (old.body <> '') IS NOT (new.body <> '') BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE old.item_id IS NOT new.item_id
      AND rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id);
END;

CREATE TRIGGER followups_facets_update AFTER UPDATE OF item_id, status, level ON followups
WHEN old.item_id IS NOT new.item_id OR old.status IS NOT new.status OR old.level IS NOT new.level BEGIN
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = new.item_id)
    WHERE rowid = (SELECT seq FROM item_search WHERE item_id = new.item_id)
      AND facets IS NOT (SELECT facets FROM item_facets WHERE item_id = new.item_id);
    UPDATE items_fts SET facets = (SELECT facets FROM item_facets WHERE item_id = old.item_id)
    WHERE old.item_id IS NOT new.item_id
      AND rowid = (SELECT seq FROM item_search WHERE item_id = old.item_id);
END;
