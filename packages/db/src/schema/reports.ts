import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id, updatedAt } from "./common";
import { files } from "./files";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/**
 * A group's report (中期汇报 midterm, 巡察报告 inspection) on one target or on all of its targets:
 * assembled from the approved findings, its text sections edited by the group, reviewed by the office
 * (组办联审) before it goes to the leading group.
 */
export const groupReports = pgTable(
  "group_reports",
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
    /** The target reported on; null: all of the group's targets. */
    targetId: uuid("target_id").references(() => targets.id),
    /** midterm | inspection */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** The classification scheme the problems are grouped by. */
    scheme: text("scheme").notNull(),
    /** The editable text: [{ key, heading, text }]. */
    sections: jsonb("sections").notNull().default([]),
    /** draft | submitted | returned | passed (passed: with the leading group) */
    status: text("status").notNull().default("draft"),
    reviewOpinion: text("review_opinion").notNull().default(""),
    submittedBy: uuid("submitted_by").references(() => accounts.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedBy: uuid("reviewed_by").references(() => accounts.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("group_reports_round_idx").on(t.roundId, t.groupId)],
);

/** Every .docx generated from a report, kept with the text it was generated from. */
export const groupReportVersions = pgTable(
  "group_report_versions",
  {
    id: id(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => groupReports.id),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    sections: jsonb("sections").notNull(),
    generatedBy: uuid("generated_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("group_report_versions_key").on(t.reportId, t.version)],
);

/** The office's reviews (组办联审) of a report: pass or return, with the opinion. */
export const groupReportReviews = pgTable(
  "group_report_reviews",
  {
    id: id(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => groupReports.id),
    /** pass | return */
    decision: text("decision").notNull(),
    opinion: text("opinion").notNull().default(""),
    reviewerId: uuid("reviewer_id").notNull(),
    reviewerName: text("reviewer_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("group_report_reviews_report_idx").on(t.reportId)],
);
