-- Briefer schema 5: deleting (or re-attaching) a highlight looks up its follow-ups by highlight_id;
-- without an index that scanned every follow-up.
CREATE INDEX IF NOT EXISTS followups_highlight ON followups(highlight_id);
