-- The audit log is append-only: no change or removal of a recorded event, ever.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is append-only');
END;
--> statement-breakpoint
-- Full-text search over organisations (name, registry number, description), kept in step by triggers.
CREATE VIRTUAL TABLE organisations_fts USING fts5(
  name, registry_number, description,
  content='organisations', content_rowid='rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER organisations_fts_insert AFTER INSERT ON organisations BEGIN
  INSERT INTO organisations_fts(rowid, name, registry_number, description)
  VALUES (new.rowid, new.name, new.registry_number, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER organisations_fts_delete AFTER DELETE ON organisations BEGIN
  INSERT INTO organisations_fts(organisations_fts, rowid, name, registry_number, description)
  VALUES ('delete', old.rowid, old.name, old.registry_number, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER organisations_fts_update AFTER UPDATE ON organisations BEGIN
  INSERT INTO organisations_fts(organisations_fts, rowid, name, registry_number, description)
  VALUES ('delete', old.rowid, old.name, old.registry_number, old.description);
  INSERT INTO organisations_fts(rowid, name, registry_number, description)
  VALUES (new.rowid, new.name, new.registry_number, new.description);
END;
