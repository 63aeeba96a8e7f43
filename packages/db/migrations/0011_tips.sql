CREATE TABLE "tip_additions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tip_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"content" "bytea" NOT NULL,
	"received_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tip_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"addition_id" uuid,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"name" "bytea" NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tip_reveals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tip_id" uuid NOT NULL,
	"committee_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" uuid PRIMARY KEY NOT NULL,
	"committee_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"channel" text NOT NULL,
	"target_id" uuid,
	"category" text NOT NULL,
	"group_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"named" boolean DEFAULT false NOT NULL,
	"received_on" date NOT NULL,
	"cipher" text NOT NULL,
	"kek_id" text NOT NULL,
	"content_key" "bytea" NOT NULL,
	"content" "bytea" NOT NULL,
	"identity_key" "bytea",
	"identity" "bytea",
	"receipt_lookup" text NOT NULL,
	"receipt_hash" text NOT NULL,
	"finding_id" uuid,
	"hand_over_target_id" uuid,
	"hand_over_deadline" date,
	"hand_over_answer" text DEFAULT '' NOT NULL,
	"hand_over_answered_on" date,
	"file_reason" text DEFAULT '' NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"public_answer" text DEFAULT '' NOT NULL,
	"decided_by" uuid,
	"decided_on" date,
	"registered_by" uuid
);
--> statement-breakpoint
ALTER TABLE "tip_additions" ADD CONSTRAINT "tip_additions_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_additions" ADD CONSTRAINT "tip_additions_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_files" ADD CONSTRAINT "tip_files_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_files" ADD CONSTRAINT "tip_files_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_files" ADD CONSTRAINT "tip_files_addition_id_tip_additions_id_fk" FOREIGN KEY ("addition_id") REFERENCES "public"."tip_additions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_reveals" ADD CONSTRAINT "tip_reveals_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_reveals" ADD CONSTRAINT "tip_reveals_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_reveals" ADD CONSTRAINT "tip_reveals_requested_by_accounts_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_reveals" ADD CONSTRAINT "tip_reveals_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_finding_id_findings_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."findings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_hand_over_target_id_targets_id_fk" FOREIGN KEY ("hand_over_target_id") REFERENCES "public"."targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_decided_by_accounts_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_registered_by_accounts_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_additions_tip_idx" ON "tip_additions" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tip_files_tip_idx" ON "tip_files" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tip_reveals_tip_idx" ON "tip_reveals" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tip_reveals_committee_idx" ON "tip_reveals" USING btree ("committee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tips_round_number_key" ON "tips" USING btree ("round_id","number");--> statement-breakpoint
CREATE INDEX "tips_committee_round_idx" ON "tips" USING btree ("committee_id","round_id");--> statement-breakpoint
CREATE INDEX "tips_group_idx" ON "tips" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "tips_receipt_lookup_idx" ON "tips" USING btree ("receipt_lookup");