-- Briefer schema 10: the original files leave the documents table. Runs in one transaction.
-- The original (a PDF of up to tens of megabytes) sat in `documents.original`, before
-- `search_refs`; every item inserted at import made the FTS trigger read `search_refs`, which
-- walked the blob's overflow pages each time (15,000 items with a 10 MB original: 40 s instead
-- of 2 s). Originals now live in their own table, read only when the source view asks for one.
-- Existing bytes are copied as they are and the old column is emptied (NULL, one byte a row); it
-- stays in the table only because ALTER TABLE ... DROP COLUMN needs SQLite 3.35, newer than some
-- Linux distributions ship. Nothing reads or writes it any more.

CREATE TABLE document_originals (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data        BLOB NOT NULL
);

INSERT INTO document_originals (document_id, data)
    SELECT id, original FROM documents WHERE original IS NOT NULL;

UPDATE documents SET original = NULL WHERE original IS NOT NULL;
