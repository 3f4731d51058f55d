-- Full-text search over protocols (title, object and parties, kept in search_text).
CREATE VIRTUAL TABLE protocols_fts USING fts5(
  search_text,
  content='protocols', content_rowid='rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER protocols_fts_insert AFTER INSERT ON protocols BEGIN
  INSERT INTO protocols_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER protocols_fts_delete AFTER DELETE ON protocols BEGIN
  INSERT INTO protocols_fts(protocols_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER protocols_fts_update AFTER UPDATE OF search_text ON protocols BEGIN
  INSERT INTO protocols_fts(protocols_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO protocols_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
-- The history of terms and of decisions is append-only, like the audit log.
CREATE TRIGGER protocol_terms_no_update BEFORE UPDATE ON protocol_terms
BEGIN
  SELECT RAISE(ABORT, 'protocol_terms is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER protocol_decisions_no_update BEFORE UPDATE ON protocol_decisions
BEGIN
  SELECT RAISE(ABORT, 'protocol_decisions is append-only');
END;
