import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { committees } from "./committees";
import { createdAt, id, updatedAt } from "./common";
import { files } from "./files";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/** A problem found by a group on a target (问题). */
export const findings = pgTable(
  "findings",
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
    /** Number within the round, from rounds.next_finding_number. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    /** Classification: scheme key and category key from TAXONOMY. */
    scheme: text("scheme").notNull(),
    category: text("category").notNull(),
    /** general | serious | severe (一般 / 较重 / 严重) */
    severity: text("severity").notNull().default("general"),
    /** draft | approved | returned */
    status: text("status").notNull().default("draft"),
    /** Why the leader returned it, shown to the group until it is revised. */
    returnReason: text("return_reason").notNull().default(""),
    createdBy: uuid("created_by").notNull(),
    approvedBy: uuid("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    /** The leading group's decision: rectify | department | clue. */
    route: text("route"),
    /** The receiving department, for route = department (e.g. 组织部, 教育局). */
    routeDept: text("route_dept").notNull().default(""),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Set when the finding is fed back to the target. */
    feedbackId: uuid("feedback_id"),
    /** Set when closed out (销号); cleared on reopening. History is in close_outs. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("findings_round_number_key").on(t.roundId, t.number),
    // Lookups by committee (and round), and the list's total counted from the index alone: with
    // route and group_id in it, the visibility of office staff who are not the head (no clues; their
    // own group's clues) needs no heap read (bench/README.md, endpoint e).
    index("findings_committee_round_scope_idx").on(t.committeeId, t.roundId, t.route, t.groupId),
    index("findings_target_idx").on(t.targetId),
    // The lists' order (newest first, then by number) for a committee and for a round: the first page
    // is read from the index instead of sorting every visible finding (bench/README.md).
    index("findings_committee_created_idx").on(t.committeeId, t.createdAt.desc().nullsFirst(), t.number),
    index("findings_round_created_idx").on(t.roundId, t.createdAt.desc().nullsFirst(), t.number),
    // A group's list (members and leaders): the page's ids from the index alone (with id, an index-only
    // scan), also for several groups; it serves every lookup by group_id too (replaces the plain one).
    index("findings_group_created_idx").on(t.groupId, t.createdAt.desc().nullsFirst(), t.number, t.id),
    // A round's figures (statistics) counted from the index alone (index-only scan), without the rows.
    index("findings_round_figures_idx").on(
      t.roundId,
      t.committeeId,
      t.status,
      t.route,
      t.feedbackId,
      t.closedAt,
    ),
  ],
);

export const findingFiles = pgTable(
  "finding_files",
  {
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.fileId] })],
);
