CREATE TABLE `minutes` (
	`id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`plan_id` text,
	`debate_id` text,
	`meeting_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`time` text,
	`place` text,
	`online_url` text,
	`agenda` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`conclusions` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`shared_at` integer,
	`remarks_until` text,
	`approved_at` integer,
	`approved_by` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`debate_id`) REFERENCES `public_debates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_plan_idx` ON `minutes` (`plan_id`,`status`);--> statement-breakpoint
CREATE INDEX `minutes_authority_idx` ON `minutes` (`authority_id`,`date`);--> statement-breakpoint
CREATE INDEX `minutes_meeting_idx` ON `minutes` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `minutes_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` text NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `minutes_actions_idx` ON `minutes_actions` (`minutes_id`);--> statement-breakpoint
CREATE INDEX `minutes_actions_due_idx` ON `minutes_actions` (`status`,`due_on`);--> statement-breakpoint
CREATE TABLE `minutes_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`minutes_id` text NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_attachments_idx` ON `minutes_attachments` (`minutes_id`);--> statement-breakpoint
CREATE TABLE `minutes_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` text NOT NULL,
	`organisation_id` text,
	`organisation_name` text NOT NULL,
	`category` text NOT NULL,
	`persons` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_participants_idx` ON `minutes_participants` (`minutes_id`);--> statement-breakpoint
CREATE TABLE `minutes_references` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` text NOT NULL,
	`section_anchor` text,
	`recommendation_id` text,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_references_idx` ON `minutes_references` (`minutes_id`);--> statement-breakpoint
CREATE TABLE `minutes_remarks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`minutes_id` text NOT NULL,
	`organisation_id` text,
	`user_id` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`minutes_id`) REFERENCES `minutes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_remarks_idx` ON `minutes_remarks` (`minutes_id`);--> statement-breakpoint
CREATE TABLE `protocol_renewals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` text NOT NULL,
	`term_id` integer NOT NULL,
	`period_start` text NOT NULL,
	`period_end` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `protocol_renewals_unique` ON `protocol_renewals` (`protocol_id`,`term_id`,`period_start`);--> statement-breakpoint
ALTER TABLE `plans` ADD `decision_number` text;--> statement-breakpoint
ALTER TABLE `plans` ADD `decision_date` text;--> statement-breakpoint
ALTER TABLE `plans` ADD `adopting_body` text;--> statement-breakpoint
ALTER TABLE `plans` ADD `adopted_version_id` text;--> statement-breakpoint
ALTER TABLE `plans` ADD `adopted_at` integer;--> statement-breakpoint
ALTER TABLE `plans` ADD `adopted_by` text;--> statement-breakpoint
ALTER TABLE `protocol_parties` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `protocol_parties` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `protocols` ADD `remind_partners` integer DEFAULT false NOT NULL;