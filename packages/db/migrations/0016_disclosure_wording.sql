ALTER TABLE "disclosures" ADD COLUMN "lead" text;--> statement-breakpoint
ALTER TABLE "disclosures" ADD COLUMN "closing" text DEFAULT '' NOT NULL;