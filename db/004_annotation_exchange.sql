-- Briefer schema 4: what is known of shared annotations. For every highlight, note or follow-up
-- exported to or imported from a colleague, the digests of each version of its content this
-- database has shared or received (its lineage). An import can then tell "theirs is a version we
-- already had" (keep ours) from "ours is a version they had and changed" (take theirs, reported)
-- and from "both changed it" (a conflict: keep ours, report theirs). Runs in one transaction.

CREATE TABLE annotation_exchange (
    ref_id  TEXT NOT NULL,                             -- id of the highlight, note or follow-up
    digest  TEXT NOT NULL,                             -- sha256 of the shared content fields
    kind    TEXT NOT NULL CHECK (kind IN ('highlights', 'notes', 'followups')),
    updated TEXT NOT NULL,
    PRIMARY KEY (ref_id, digest)
);
