DROP INDEX "findings_group_idx";--> statement-breakpoint
CREATE INDEX "findings_group_created_idx" ON "findings" USING btree ("group_id","created_at" DESC NULLS FIRST,"number","id");