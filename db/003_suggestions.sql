-- Briefer schema 3: reading suggestions (briefer/suggest). Runs in one transaction.
-- Suggestions themselves are computed from the text every time (offline, deterministic); only
-- what the user decided about one is kept, keyed by a stable suggestion key
-- ("toezegging:16:1a2b3c4d", "domein:7:<domain id>", "vertrouwelijk:16:...", "verwijzing:39:30",
-- "kamerstuk:1:35982:9"). A decided suggestion is not suggested again.

CREATE TABLE suggestion_decisions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('toezegging', 'domein', 'vertrouwelijk', 'verwijzing', 'kamerstuk')),
    item_number INTEGER,
    decision    TEXT NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
    detail      TEXT NOT NULL DEFAULT '',              -- the sentence or domain, for the user
    created     TEXT NOT NULL,
    PRIMARY KEY (document_id, key)
);

-- Domains whose lexicon was filled from resources/lexicons once; a lexicon the user empties
-- afterwards stays empty.
CREATE TABLE suggestion_lexicon_seeded (
    domain_id TEXT PRIMARY KEY REFERENCES domains(id) ON DELETE CASCADE,
    seeded    TEXT NOT NULL
);
