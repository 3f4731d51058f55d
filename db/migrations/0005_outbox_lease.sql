ALTER TABLE `email_outbox` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `leased_until` integer;