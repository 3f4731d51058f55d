CREATE TABLE `meeting_attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` text NOT NULL,
	`partner_id` text,
	`organisation_name` text NOT NULL,
	`group` text NOT NULL,
	`persons` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meeting_attendance_meeting_idx` ON `meeting_attendance` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`partner_id` text,
	`organisation_name` text NOT NULL,
	`group` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`rsvp` text DEFAULT 'pending' NOT NULL,
	`responded_at` integer,
	`sent_sequence` integer,
	`reminder_sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meeting_invitations_unique` ON `meeting_invitations` (`meeting_id`,`email`);--> statement-breakpoint
CREATE INDEX `meeting_invitations_meeting_idx` ON `meeting_invitations` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_service_types` (
	`meeting_id` text NOT NULL,
	`service_type` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `service_type`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`place` text,
	`online_url` text,
	`agenda` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`ical_sequence` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_authority_idx` ON `meetings` (`authority_id`,`date`);--> statement-breakpoint
CREATE TABLE `partner_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`partner_id` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`role` text,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `partner_contacts_partner_idx` ON `partner_contacts` (`partner_id`);--> statement-breakpoint
CREATE TABLE `partner_services` (
	`partner_id` text NOT NULL,
	`service_id` text NOT NULL,
	PRIMARY KEY(`partner_id`, `service_id`),
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`service_id`) REFERENCES `social_services`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `partner_services_service_idx` ON `partner_services` (`service_id`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`organisation_id` text,
	`name` text NOT NULL,
	`group` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partners_authority_idx` ON `partners` (`authority_id`,`group`);--> statement-breakpoint
CREATE TABLE `social_services` (
	`id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`status` text DEFAULT 'existing' NOT NULL,
	`number` text,
	`code` text,
	`code_normalized` text,
	`name` text NOT NULL,
	`capacity` integer,
	`occupancy_percent` integer,
	`budget_local` integer,
	`budget_county` integer,
	`budget_state` integer,
	`budget_beneficiaries` integer,
	`budget_other` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `social_services_authority_idx` ON `social_services` (`authority_id`,`code_normalized`);--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `attachments` text;--> statement-breakpoint
ALTER TABLE `minutes_actions` ADD `overdue_notified_at` integer;