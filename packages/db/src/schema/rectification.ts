import { boolean, date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { files } from "./files";
import { findings } from "./findings";
import { targets } from "./targets";

/** A rectification measure (整改措施) for a fed-back finding. */
export const measures = pgTable(
  "measures",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    content: text("content").notNull(),
    goal: text("goal").notNull().default(""),
    responsibleLeader: text("responsible_leader").notNull().default(""),
    responsibleDept: text("responsible_dept").notNull().default(""),
    responsiblePerson: text("responsible_person").notNull(),
    deadline: date("deadline").notNull(),
    longTerm: boolean("long_term").notNull().default(false),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("measures_finding_idx").on(t.findingId), index("measures_target_idx").on(t.targetId)],
);

/** A dated progress update on a measure; never overwritten. */
export const progressUpdates = pgTable(
  "progress_updates",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    reportedOn: date("reported_on").notNull(),
    content: text("content").notNull(),
    /** unfinished | basicallyDone | done (未完成 / 基本完成 / 已完成) */
    completion: text("completion").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("progress_updates_measure_idx").on(t.measureId)],
);

export const progressFiles = pgTable(
  "progress_files",
  {
    progressUpdateId: uuid("progress_update_id")
      .notNull()
      .references(() => progressUpdates.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.progressUpdateId, t.fileId] })],
);

/** Close-out (销号) and reopening of a finding, as dated rows. */
export const closeOuts = pgTable(
  "close_outs",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    /** close | reopen */
    action: text("action").notNull(),
    reason: text("reason").notNull().default(""),
    actorId: uuid("actor_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("close_outs_finding_idx").on(t.findingId)],
);
