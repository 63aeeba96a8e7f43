import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id, updatedAt } from "./common";
import { documents } from "./documents";
import { files } from "./files";
import { findings } from "./findings";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/**
 * The workpaper (问题底稿) of a finding: numbered per group of a round (第一组-007), with its source,
 * summary and the persons concerned. Approval is the finding's approval (findings.status); the
 * deputy's review is kept here and cleared when the workpaper is reopened or changed.
 */
export const workpapers = pgTable(
  "workpapers",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    /** Number within the group, taken under the group row's lock. */
    number: integer("number").notNull(),
    /** tip | interview | survey | document | visit | briefing | other */
    source: text("source").notNull().default("other"),
    /** The record the problem came from (a tip, an interview …), when known. */
    sourceRecordId: uuid("source_record_id"),
    summary: text("summary").notNull().default(""),
    /** Persons concerned [{ name, post }]: sensitive, never shown outside the group and the office. */
    persons: jsonb("persons").notNull().default([]),
    reviewedBy: uuid("reviewed_by").references(() => accounts.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewOpinion: text("review_opinion").notNull().default(""),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("workpapers_finding_key").on(t.findingId),
    uniqueIndex("workpapers_group_number_key").on(t.groupId, t.number),
    index("workpapers_round_idx").on(t.roundId),
  ],
);

/** A drafter's signature on a workpaper; revoked (never deleted) when the content changes or it is reopened. */
export const workpaperSignatures = pgTable(
  "workpaper_signatures",
  {
    id: id(),
    workpaperId: uuid("workpaper_id")
      .notNull()
      .references(() => workpapers.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id),
    name: text("name").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("workpaper_signatures_workpaper_idx").on(t.workpaperId),
    uniqueIndex("workpaper_signatures_active_key")
      .on(t.workpaperId, t.accountId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/** A supporting file of a workpaper, by version: replacing a file adds a version with the same slot. */
export const workpaperFiles = pgTable(
  "workpaper_files",
  {
    id: id(),
    workpaperId: uuid("workpaper_id")
      .notNull()
      .references(() => workpapers.id),
    /** The versions of one file share a slot. */
    slot: uuid("slot").notNull(),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    note: text("note").notNull().default(""),
    addedBy: uuid("added_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("workpaper_files_slot_version_key").on(t.slot, t.version),
    index("workpaper_files_workpaper_idx").on(t.workpaperId),
  ],
);

/** The workpaper's history shown to the group: review, return, reopening (with reason), signatures revoked. */
export const workpaperEvents = pgTable(
  "workpaper_events",
  {
    id: id(),
    workpaperId: uuid("workpaper_id")
      .notNull()
      .references(() => workpapers.id),
    /** sign | review | return | approve | reopen | revoke */
    action: text("action").notNull(),
    accountId: uuid("account_id").notNull(),
    name: text("name").notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("workpaper_events_workpaper_idx").on(t.workpaperId)],
);

/**
 * 立行立改: a finding sent to the target for immediate fixing during the round, with its numbered
 * notice (立行立改通知书); the target reports what was done, the group confirms it done.
 */
export const immediateFixes = pgTable(
  "immediate_fixes",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id),
    requirement: text("requirement").notNull(),
    deadline: date("deadline").notNull(),
    /** issued | reported | done */
    status: text("status").notNull().default("issued"),
    /** Why the group sent the target's report back (empty unless sent back). */
    returnReason: text("return_reason").notNull().default(""),
    issuedBy: uuid("issued_by").notNull(),
    doneBy: uuid("done_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneNote: text("done_note").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("immediate_fixes_finding_key").on(t.findingId),
    index("immediate_fixes_round_idx").on(t.roundId, t.groupId),
    index("immediate_fixes_target_idx").on(t.targetId),
  ],
);

/** What the target reports it did on a 立行立改 item, dated; never overwritten. */
export const immediateFixReports = pgTable(
  "immediate_fix_reports",
  {
    id: id(),
    immediateFixId: uuid("immediate_fix_id")
      .notNull()
      .references(() => immediateFixes.id),
    content: text("content").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("immediate_fix_reports_fix_idx").on(t.immediateFixId)],
);

export const immediateFixReportFiles = pgTable(
  "immediate_fix_report_files",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => immediateFixReports.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.fileId] })],
);
