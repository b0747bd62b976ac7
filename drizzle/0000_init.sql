CREATE TABLE `concept_mentions` (
	`posting_id` text NOT NULL,
	`concept_id` text NOT NULL,
	`category` text NOT NULL,
	`label` text NOT NULL,
	`level` text NOT NULL,
	`position` integer NOT NULL,
	`evidence` text NOT NULL,
	PRIMARY KEY(`posting_id`, `concept_id`),
	FOREIGN KEY (`posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `concept_mentions_concept_level_idx` ON `concept_mentions` (`concept_id`,`level`);--> statement-breakpoint
CREATE TABLE `postings` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text,
	`title` text,
	`employer` text,
	`location` text,
	`state` text,
	`posted_date` text,
	`raw_format` text NOT NULL,
	`raw` text NOT NULL,
	`normalized_text` text NOT NULL,
	`content_hash` text NOT NULL,
	`lexicon_version` text NOT NULL,
	`attributes` text NOT NULL,
	`created_at` text NOT NULL,
	`analyzed_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `postings_content_hash_uq` ON `postings` (`content_hash`);--> statement-breakpoint
CREATE INDEX `postings_created_idx` ON `postings` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `postings_state_idx` ON `postings` (`state`);--> statement-breakpoint
CREATE INDEX `postings_posted_date_idx` ON `postings` (`posted_date`);--> statement-breakpoint
CREATE INDEX `postings_lexicon_version_idx` ON `postings` (`lexicon_version`);--> statement-breakpoint
CREATE TABLE `profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`data` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
