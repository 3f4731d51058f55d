CREATE TABLE `protocol_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`protocol_id` text NOT NULL,
	`authority_id` text NOT NULL,
	`term_key` text NOT NULL,
	`kind` text NOT NULL,
	`offset_days` integer NOT NULL,
	`deadline` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`collapsed_into` text,
	`sent_at` integer NOT NULL,
	`recipients` text NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`escalated_at` integer,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acknowledged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `protocol_reminders_unique` ON `protocol_reminders` (`protocol_id`,`term_key`,`kind`,`offset_days`);--> statement-breakpoint
CREATE INDEX `protocol_reminders_authority_due_idx` ON `protocol_reminders` (`authority_id`,`due_on`);