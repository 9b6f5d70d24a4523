-- Issue 16: backups "after N changes". One counter row, raised by triggers on every table whose
-- rows a user makes or changes, so the app and every CLI command count alike. Read it with
-- briefer.store.db.change_count(db); the backup scheduler compares it with the value recorded
-- at the last backup.
CREATE TABLE change_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    changes INTEGER NOT NULL DEFAULT 0
);
INSERT INTO change_counter (id, changes) VALUES (1, 0);

CREATE TRIGGER documents_count_insert AFTER INSERT ON documents BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER documents_count_delete AFTER DELETE ON documents BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER domains_count_insert AFTER INSERT ON domains BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER domains_count_update AFTER UPDATE ON domains BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER domains_count_delete AFTER DELETE ON domains BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER item_domains_count_insert AFTER INSERT ON item_domains BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER item_domains_count_delete AFTER DELETE ON item_domains BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER highlights_count_insert AFTER INSERT ON highlights BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER highlights_count_update AFTER UPDATE ON highlights BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER highlights_count_delete AFTER DELETE ON highlights BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER notes_count_insert AFTER INSERT ON notes BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER notes_count_update AFTER UPDATE ON notes BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER notes_count_delete AFTER DELETE ON notes BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER followups_count_insert AFTER INSERT ON followups BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER followups_count_update AFTER UPDATE ON followups BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER followups_count_delete AFTER DELETE ON followups BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER suggestion_decisions_count_insert AFTER INSERT ON suggestion_decisions BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
CREATE TRIGGER suggestion_decisions_count_delete AFTER DELETE ON suggestion_decisions BEGIN
    UPDATE change_counter SET changes = changes + 1 WHERE id = 1;
END;
