-- Briefer schema 12: indexes for filters over annotations (briefer items, the search's annotation
-- hits). Each filter starts from the annotation table it names (a few thousand rows) instead of
-- testing every item with correlated subqueries. Runs in one transaction.

CREATE INDEX IF NOT EXISTS highlights_level_item ON highlights(level, item_id);
CREATE INDEX IF NOT EXISTS highlights_domain_level ON highlights(domain_id, level, item_id);
CREATE INDEX IF NOT EXISTS highlights_noted ON highlights(level, item_id) WHERE note <> '';
CREATE INDEX IF NOT EXISTS notes_level_item ON notes(level, item_id);
CREATE INDEX IF NOT EXISTS followups_level_item ON followups(level, item_id);
CREATE INDEX IF NOT EXISTS followups_status_level ON followups(status, level, item_id);
DROP INDEX IF EXISTS highlights_domain;      -- covered by highlights_domain_level
DROP INDEX IF EXISTS followups_status;       -- covered by followups_status_level
