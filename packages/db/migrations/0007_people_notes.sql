ALTER TABLE "people" ADD COLUMN "recusal_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "rounds_note" text DEFAULT '' NOT NULL;