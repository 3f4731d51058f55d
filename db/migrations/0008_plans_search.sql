-- Full-text search over plans, their sections and recommendations, diacritics-insensitive.
CREATE VIRTUAL TABLE plans_fts USING fts5(
  search_text,
  content='plans', content_rowid='rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER plans_fts_insert AFTER INSERT ON plans BEGIN
  INSERT INTO plans_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER plans_fts_delete AFTER DELETE ON plans BEGIN
  INSERT INTO plans_fts(plans_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER plans_fts_update AFTER UPDATE OF search_text ON plans BEGIN
  INSERT INTO plans_fts(plans_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO plans_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE plan_sections_fts USING fts5(
  search_text,
  content='plan_sections', content_rowid='rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER plan_sections_fts_insert AFTER INSERT ON plan_sections BEGIN
  INSERT INTO plan_sections_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER plan_sections_fts_delete AFTER DELETE ON plan_sections BEGIN
  INSERT INTO plan_sections_fts(plan_sections_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER plan_sections_fts_update AFTER UPDATE OF search_text ON plan_sections BEGIN
  INSERT INTO plan_sections_fts(plan_sections_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO plan_sections_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE recommendations_fts USING fts5(
  search_text,
  content='recommendations', content_rowid='rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER recommendations_fts_insert AFTER INSERT ON recommendations BEGIN
  INSERT INTO recommendations_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER recommendations_fts_delete AFTER DELETE ON recommendations BEGIN
  INSERT INTO recommendations_fts(recommendations_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER recommendations_fts_update AFTER UPDATE OF search_text ON recommendations BEGIN
  INSERT INTO recommendations_fts(recommendations_fts, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO recommendations_fts(rowid, search_text) VALUES (new.rowid, new.search_text);
END;
--> statement-breakpoint
-- Registered recommendations are never deleted (Law 52/2003: every recommendation is registered);
-- their history of wordings is append-only.
CREATE TRIGGER recommendations_no_delete BEFORE DELETE ON recommendations
WHEN (SELECT COUNT(*) FROM plans WHERE id = old.plan_id) > 0
BEGIN
  SELECT RAISE(ABORT, 'recommendations are never deleted');
END;
--> statement-breakpoint
CREATE TRIGGER recommendation_revisions_no_update BEFORE UPDATE ON recommendation_revisions
BEGIN
  SELECT RAISE(ABORT, 'recommendation_revisions is append-only');
END;
