CREATE TABLE `protocol_schedules` (
	`protocol_id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`due_on` text,
	`due_from` text,
	`review_from` text,
	`review_until` text,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `protocol_schedules_due_idx` ON `protocol_schedules` (`due_on`);--> statement-breakpoint
CREATE INDEX `protocol_schedules_from_idx` ON `protocol_schedules` (`due_from`);--> statement-breakpoint
CREATE INDEX `protocol_schedules_review_idx` ON `protocol_schedules` (`review_from`,`review_until`,`authority_id`);--> statement-breakpoint
CREATE INDEX `protocol_schedules_authority_idx` ON `protocol_schedules` (`authority_id`,`review_from`);--> statement-breakpoint
CREATE TABLE `protocol_weekly_summaries` (
	`week` text NOT NULL,
	`authority_id` text NOT NULL,
	`protocols` integer NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`week`, `authority_id`),
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Every protocol has its schedule row, to be computed (due_on NULL): the planner computes the
-- missing ones at the start of its next cycle (JavaScript: app/models/protocol.server.ts,
-- refreshPlanningSchedules), so that existing databases need nothing more here.
INSERT INTO protocol_schedules (protocol_id, authority_id) SELECT id, authority_id FROM protocols;
--> statement-breakpoint
-- A protocol inserted in any way (the app, an import, a script writing SQL) gets its row, to be computed.
CREATE TRIGGER protocol_schedules_new_protocol AFTER INSERT ON protocols BEGIN
  INSERT INTO protocol_schedules (protocol_id, authority_id) VALUES (NEW.id, NEW.authority_id);
END;
--> statement-breakpoint
-- Whatever the schedule follows from changed: computed again (by the model in the same
-- transaction, or else by the planner's next cycle). Writing the schedule itself fires none of these.
CREATE TRIGGER protocol_schedules_protocol_changed AFTER UPDATE OF authority_id, parent_id, kind, flagged, last_reviewed_on ON protocols
WHEN OLD.authority_id IS NOT NEW.authority_id OR OLD.parent_id IS NOT NEW.parent_id OR OLD.kind IS NOT NEW.kind
  OR OLD.flagged IS NOT NEW.flagged OR OLD.last_reviewed_on IS NOT NEW.last_reviewed_on
BEGIN
  UPDATE protocol_schedules SET due_on = NULL, authority_id = NEW.authority_id WHERE protocol_id = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_term_added AFTER INSERT ON protocol_terms BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = NEW.protocol_id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_term_removed AFTER DELETE ON protocol_terms BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = OLD.protocol_id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_decision_added AFTER INSERT ON protocol_decisions BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = NEW.protocol_id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_decision_removed AFTER DELETE ON protocol_decisions BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = OLD.protocol_id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_renewal_added AFTER INSERT ON protocol_renewals BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = NEW.protocol_id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_renewal_removed AFTER DELETE ON protocol_renewals BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = OLD.protocol_id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_reminder_added AFTER INSERT ON protocol_reminders BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = NEW.protocol_id;
END;
--> statement-breakpoint
CREATE TRIGGER protocol_schedules_reminder_removed AFTER DELETE ON protocol_reminders BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE protocol_id = OLD.protocol_id;
END;
--> statement-breakpoint
-- The authority's settings (offsets, grace, review interval) change every protocol's schedule.
CREATE TRIGGER protocol_schedules_settings_changed AFTER UPDATE OF protocol_settings ON authorities
WHEN OLD.protocol_settings IS NOT NEW.protocol_settings
BEGIN
  UPDATE protocol_schedules SET due_on = NULL WHERE authority_id = NEW.id;
END;
