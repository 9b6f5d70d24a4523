-- Briefer schema 20: the staffer's own title for an item (the outline line), one per item.
-- Kept beside the item (not in it): re-importing replaces items, never this table's meaning.
CREATE TABLE IF NOT EXISTS item_titles (
    item_id     TEXT PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    updated     TEXT NOT NULL
);
