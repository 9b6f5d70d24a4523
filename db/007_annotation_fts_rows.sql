-- Briefer schema 7: reserved. It first kept the notes' full-text index in step by row number in a
-- table of its own (a changed note no longer scanned the index); schema 11 (011_search_layout.sql)
-- does the same through `annotation_search.seq = annotation_fts.rowid` and replaces the triggers.
-- Migrations are applied by name, not in a strict sequence, so a database that already has schema
-- 11 may still receive this one: it must not touch the triggers, and it changes nothing.
SELECT 1;
