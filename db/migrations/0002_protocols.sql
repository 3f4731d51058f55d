CREATE TABLE `calendar_feeds` (
	`user_id` text PRIMARY KEY NOT NULL,
	`token_id` text NOT NULL,
	`secret_hash` blob NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `protocol_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` text NOT NULL,
	`decision` text NOT NULL,
	`decided_on` text NOT NULL,
	`effective_on` text,
	`reason` text NOT NULL,
	`decided_by` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocol_decisions_protocol_idx` ON `protocol_decisions` (`protocol_id`,`id`);--> statement-breakpoint
CREATE TABLE `protocol_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`protocol_id` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocol_documents_protocol_idx` ON `protocol_documents` (`protocol_id`);--> statement-breakpoint
CREATE TABLE `protocol_parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`is_authority` integer DEFAULT false NOT NULL,
	`organisation_id` text,
	`registration_number` text,
	`registration_date` text,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocol_parties_protocol_idx` ON `protocol_parties` (`protocol_id`,`position`);--> statement-breakpoint
CREATE TABLE `protocol_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`protocol_id` text NOT NULL,
	`type` text NOT NULL,
	`start` text,
	`end` text,
	`renewal_period` text,
	`notice_period` text,
	`condition` text,
	`extension` text,
	`validity_text` text,
	`reason` text NOT NULL,
	`addendum_id` text,
	`recorded_by` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`protocol_id`) REFERENCES `protocols`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocol_terms_protocol_idx` ON `protocol_terms` (`protocol_id`,`id`);--> statement-breakpoint
CREATE TABLE `protocols` (
	`id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`parent_id` text,
	`kind` text NOT NULL,
	`list_number` text,
	`title` text NOT NULL,
	`object` text,
	`signed_on` text,
	`addendum_effect` text,
	`change_note` text,
	`responsible_user_id` text,
	`is_public` integer DEFAULT true NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`flag_reasons` text,
	`last_reviewed_on` text,
	`search_text` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`responsible_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocols_authority_idx` ON `protocols` (`authority_id`,`kind`);--> statement-breakpoint
CREATE INDEX `protocols_parent_idx` ON `protocols` (`parent_id`);--> statement-breakpoint
CREATE INDEX `protocols_responsible_idx` ON `protocols` (`responsible_user_id`);--> statement-breakpoint
ALTER TABLE `authorities` ADD `protocol_settings` text;