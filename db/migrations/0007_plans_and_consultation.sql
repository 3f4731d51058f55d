CREATE TABLE `abuse_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`recommendation_id` text NOT NULL,
	`reporter_user_id` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `abuse_reports_unique` ON `abuse_reports` (`recommendation_id`,`reporter_user_id`);--> statement-breakpoint
CREATE TABLE `debate_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`reason` text NOT NULL,
	`registration_number` text NOT NULL,
	`debate_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`debate_id`) REFERENCES `public_debates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `debate_requests_unique` ON `debate_requests` (`plan_id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `follows` (
	`user_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `target_type`, `target_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follows_target_idx` ON `follows` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `plan_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_attachments_plan_idx` ON `plan_attachments` (`plan_id`);--> statement-breakpoint
CREATE TABLE `plan_sections` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`position` integer NOT NULL,
	`anchor` text NOT NULL,
	`number` text,
	`heading` text NOT NULL,
	`level` integer NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_sections_anchor_unique` ON `plan_sections` (`version_id`,`anchor`);--> statement-breakpoint
CREATE INDEX `plan_sections_version_idx` ON `plan_sections` (`version_id`,`position`);--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`number` integer NOT NULL,
	`note` text,
	`source_file_name` text,
	`frozen_at` integer,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_versions_number_unique` ON `plan_versions` (`plan_id`,`number`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`reference` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`year` integer NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`justification` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`current_version_id` text,
	`published_on` text,
	`published_at` integer,
	`opens_on` text,
	`closes_on` text,
	`earliest_adoption_on` text,
	`closing_notice_sent_at` integer,
	`withdrawn_reason` text,
	`withdrawn_at` integer,
	`recommendation_sequence` integer DEFAULT 0 NOT NULL,
	`search_text` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_reference_unique` ON `plans` (`authority_id`,`reference`);--> statement-breakpoint
CREATE INDEX `plans_status_idx` ON `plans` (`status`,`closes_on`);--> statement-breakpoint
CREATE INDEX `plans_authority_idx` ON `plans` (`authority_id`,`status`);--> statement-breakpoint
CREATE TABLE `public_debates` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`date` text NOT NULL,
	`time` text NOT NULL,
	`place` text,
	`online_url` text,
	`notes` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `public_debates_plan_idx` ON `public_debates` (`plan_id`);--> statement-breakpoint
CREATE TABLE `recommendation_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recommendation_id` text NOT NULL,
	`text` text NOT NULL,
	`proposed_wording` text,
	`replaced_at` integer NOT NULL,
	FOREIGN KEY (`recommendation_id`) REFERENCES `recommendations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `recommendation_revisions_idx` ON `recommendation_revisions` (`recommendation_id`,`id`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`version_id` text NOT NULL,
	`section_id` text,
	`registration_number` text NOT NULL,
	`author_user_id` text NOT NULL,
	`organisation_id` text,
	`text` text NOT NULL,
	`proposed_wording` text,
	`attachment_name` text,
	`attachment_type` text,
	`attachment_size` integer,
	`attachment_sha256` text,
	`status` text DEFAULT 'registered' NOT NULL,
	`withdrawn_at` integer,
	`hidden_at` integer,
	`hidden_reason` text,
	`hidden_by` text,
	`answer` text,
	`answer_justification` text,
	`answered_at` integer,
	`answered_by` text,
	`fingerprint` text NOT NULL,
	`submitted_at` integer NOT NULL,
	`submitted_on` text NOT NULL,
	`updated_at` integer,
	`search_text` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `plan_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`section_id`) REFERENCES `plan_sections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendations_number_unique` ON `recommendations` (`plan_id`,`registration_number`);--> statement-breakpoint
CREATE INDEX `recommendations_plan_section_idx` ON `recommendations` (`plan_id`,`section_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `recommendations_author_idx` ON `recommendations` (`author_user_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `recommendations_plan_fingerprint_idx` ON `recommendations` (`plan_id`,`fingerprint`);