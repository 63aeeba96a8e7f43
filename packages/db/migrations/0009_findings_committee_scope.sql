DROP INDEX "findings_committee_round_idx";--> statement-breakpoint
CREATE INDEX "findings_committee_round_scope_idx" ON "findings" USING btree ("committee_id","round_id","route","group_id");