CREATE TABLE "briefing_answer_files" (
	"answer_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "briefing_answer_files_answer_id_file_id_pk" PRIMARY KEY("answer_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "briefing_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"content" text NOT NULL,
	"answered_by" uuid NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "briefing_request_targets" (
	"request_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	CONSTRAINT "briefing_request_targets_request_id_target_id_pk" PRIMARY KEY("request_id","target_id")
);
--> statement-breakpoint
CREATE TABLE "briefing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"partner_department_id" uuid NOT NULL,
	"topics" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partner_departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pre_inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"source" text DEFAULT 'briefing' NOT NULL,
	"briefing_answer_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"finding_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fieldwork_record_files" (
	"record_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "fieldwork_record_files_record_id_file_id_pk" PRIMARY KEY("record_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "fieldwork_record_inspectors" (
	"record_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "fieldwork_record_inspectors_record_id_person_id_pk" PRIMARY KEY("record_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "fieldwork_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"subject" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_files" (
	"interview_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "interview_files_interview_id_file_id_pk" PRIMARY KEY("interview_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "interview_inspectors" (
	"interview_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "interview_inspectors_interview_id_person_id_pk" PRIMARY KEY("interview_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"scheduled_on" date NOT NULL,
	"scheduled_at" text DEFAULT '' NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"interviewee_name" text NOT NULL,
	"interviewee_post" text DEFAULT '' NOT NULL,
	"principal" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"record" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "partner_department_id" uuid;--> statement-breakpoint
ALTER TABLE "briefing_answer_files" ADD CONSTRAINT "briefing_answer_files_answer_id_briefing_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."briefing_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_answer_files" ADD CONSTRAINT "briefing_answer_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_answers" ADD CONSTRAINT "briefing_answers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_answers" ADD CONSTRAINT "briefing_answers_request_id_briefing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."briefing_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_answers" ADD CONSTRAINT "briefing_answers_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_answers" ADD CONSTRAINT "briefing_answers_answered_by_accounts_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_request_targets" ADD CONSTRAINT "briefing_request_targets_request_id_briefing_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."briefing_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_request_targets" ADD CONSTRAINT "briefing_request_targets_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_request_targets" ADD CONSTRAINT "briefing_request_targets_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_requests" ADD CONSTRAINT "briefing_requests_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_requests" ADD CONSTRAINT "briefing_requests_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_requests" ADD CONSTRAINT "briefing_requests_partner_department_id_partner_departments_id_fk" FOREIGN KEY ("partner_department_id") REFERENCES "public"."partner_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "briefing_requests" ADD CONSTRAINT "briefing_requests_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_departments" ADD CONSTRAINT "partner_departments_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_inspection_items" ADD CONSTRAINT "pre_inspection_items_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_inspection_items" ADD CONSTRAINT "pre_inspection_items_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_inspection_items" ADD CONSTRAINT "pre_inspection_items_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_inspection_items" ADD CONSTRAINT "pre_inspection_items_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_inspection_items" ADD CONSTRAINT "pre_inspection_items_briefing_answer_id_briefing_answers_id_fk" FOREIGN KEY ("briefing_answer_id") REFERENCES "public"."briefing_answers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_inspection_items" ADD CONSTRAINT "pre_inspection_items_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_inspection_items" ADD CONSTRAINT "pre_inspection_items_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_record_files" ADD CONSTRAINT "fieldwork_record_files_record_id_fieldwork_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."fieldwork_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_record_files" ADD CONSTRAINT "fieldwork_record_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_record_inspectors" ADD CONSTRAINT "fieldwork_record_inspectors_record_id_fieldwork_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."fieldwork_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_record_inspectors" ADD CONSTRAINT "fieldwork_record_inspectors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_records" ADD CONSTRAINT "fieldwork_records_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_records" ADD CONSTRAINT "fieldwork_records_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_records" ADD CONSTRAINT "fieldwork_records_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_records" ADD CONSTRAINT "fieldwork_records_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fieldwork_records" ADD CONSTRAINT "fieldwork_records_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_files" ADD CONSTRAINT "interview_files_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_files" ADD CONSTRAINT "interview_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_inspectors" ADD CONSTRAINT "interview_inspectors_interview_id_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_inspectors" ADD CONSTRAINT "interview_inspectors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "briefing_answers_request_idx" ON "briefing_answers" USING btree ("request_id","target_id");--> statement-breakpoint
CREATE INDEX "briefing_request_targets_target_idx" ON "briefing_request_targets" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "briefing_requests_round_idx" ON "briefing_requests" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "briefing_requests_department_idx" ON "briefing_requests" USING btree ("partner_department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_departments_committee_name_key" ON "partner_departments" USING btree ("committee_id","name");--> statement-breakpoint
CREATE INDEX "pre_inspection_items_group_idx" ON "pre_inspection_items" USING btree ("group_id","target_id");--> statement-breakpoint
CREATE INDEX "fieldwork_records_group_idx" ON "fieldwork_records" USING btree ("group_id","kind","held_on");--> statement-breakpoint
CREATE INDEX "interviews_group_idx" ON "interviews" USING btree ("group_id","scheduled_on");--> statement-breakpoint
CREATE INDEX "interviews_round_idx" ON "interviews" USING btree ("round_id","target_id");