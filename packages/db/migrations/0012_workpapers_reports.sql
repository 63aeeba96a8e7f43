CREATE TABLE "group_report_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"opinion" text DEFAULT '' NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"reviewer_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_report_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"sections" jsonb NOT NULL,
	"generated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"target_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"scheme" text NOT NULL,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_opinion" text DEFAULT '' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "immediate_fix_report_files" (
	"report_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "immediate_fix_report_files_report_id_file_id_pk" PRIMARY KEY("report_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "immediate_fix_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"immediate_fix_id" uuid NOT NULL,
	"content" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "immediate_fixes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"requirement" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"return_reason" text DEFAULT '' NOT NULL,
	"issued_by" uuid NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"done_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workpaper_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workpaper_id" uuid NOT NULL,
	"action" text NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workpaper_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workpaper_id" uuid NOT NULL,
	"slot" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workpaper_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workpaper_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workpapers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"source" text DEFAULT 'other' NOT NULL,
	"source_record_id" uuid,
	"summary" text DEFAULT '' NOT NULL,
	"persons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_opinion" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_report_reviews" ADD CONSTRAINT "group_report_reviews_report_id_group_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."group_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_report_versions" ADD CONSTRAINT "group_report_versions_report_id_group_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."group_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_report_versions" ADD CONSTRAINT "group_report_versions_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_submitted_by_accounts_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_reports" ADD CONSTRAINT "group_reports_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fix_report_files" ADD CONSTRAINT "immediate_fix_report_files_report_id_immediate_fix_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."immediate_fix_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fix_report_files" ADD CONSTRAINT "immediate_fix_report_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fix_reports" ADD CONSTRAINT "immediate_fix_reports_immediate_fix_id_immediate_fixes_id_fk" FOREIGN KEY ("immediate_fix_id") REFERENCES "public"."immediate_fixes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fixes" ADD CONSTRAINT "immediate_fixes_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fixes" ADD CONSTRAINT "immediate_fixes_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fixes" ADD CONSTRAINT "immediate_fixes_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fixes" ADD CONSTRAINT "immediate_fixes_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fixes" ADD CONSTRAINT "immediate_fixes_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "immediate_fixes" ADD CONSTRAINT "immediate_fixes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpaper_events" ADD CONSTRAINT "workpaper_events_workpaper_id_workpapers_id_fk" FOREIGN KEY ("workpaper_id") REFERENCES "public"."workpapers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpaper_files" ADD CONSTRAINT "workpaper_files_workpaper_id_workpapers_id_fk" FOREIGN KEY ("workpaper_id") REFERENCES "public"."workpapers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpaper_files" ADD CONSTRAINT "workpaper_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpaper_signatures" ADD CONSTRAINT "workpaper_signatures_workpaper_id_workpapers_id_fk" FOREIGN KEY ("workpaper_id") REFERENCES "public"."workpapers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpaper_signatures" ADD CONSTRAINT "workpaper_signatures_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpapers" ADD CONSTRAINT "workpapers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpapers" ADD CONSTRAINT "workpapers_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpapers" ADD CONSTRAINT "workpapers_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpapers" ADD CONSTRAINT "workpapers_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workpapers" ADD CONSTRAINT "workpapers_reviewed_by_accounts_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_report_reviews_report_idx" ON "group_report_reviews" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "group_report_versions_key" ON "group_report_versions" USING btree ("report_id","version");--> statement-breakpoint
CREATE INDEX "group_reports_round_idx" ON "group_reports" USING btree ("round_id","group_id");--> statement-breakpoint
CREATE INDEX "immediate_fix_reports_fix_idx" ON "immediate_fix_reports" USING btree ("immediate_fix_id");--> statement-breakpoint
CREATE UNIQUE INDEX "immediate_fixes_finding_key" ON "immediate_fixes" USING btree ("finding_id");--> statement-breakpoint
CREATE INDEX "immediate_fixes_round_idx" ON "immediate_fixes" USING btree ("round_id","group_id");--> statement-breakpoint
CREATE INDEX "immediate_fixes_target_idx" ON "immediate_fixes" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "workpaper_events_workpaper_idx" ON "workpaper_events" USING btree ("workpaper_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workpaper_files_slot_version_key" ON "workpaper_files" USING btree ("slot","version");--> statement-breakpoint
CREATE INDEX "workpaper_files_workpaper_idx" ON "workpaper_files" USING btree ("workpaper_id");--> statement-breakpoint
CREATE INDEX "workpaper_signatures_workpaper_idx" ON "workpaper_signatures" USING btree ("workpaper_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workpaper_signatures_active_key" ON "workpaper_signatures" USING btree ("workpaper_id","account_id") WHERE "workpaper_signatures"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "workpapers_finding_key" ON "workpapers" USING btree ("finding_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workpapers_group_number_key" ON "workpapers" USING btree ("group_id","number");--> statement-breakpoint
CREATE INDEX "workpapers_round_idx" ON "workpapers" USING btree ("round_id");