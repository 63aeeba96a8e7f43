import {
  boolean,
  date,
  index,
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
import { createdAt, id } from "./common";
import { files } from "./files";
import { findings } from "./findings";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/**
 * A partner department of the committee (联席会成员单位: 纪委监委, 组织部, 审计局, 信访局 …). Its
 * accounts hold the partnerDept role scoped to it (role_assignments.partner_department_id), so a
 * request survives staff changes and several people may answer for one department.
 */
export const partnerDepartments = pgTable(
  "partner_departments",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    name: text("name").notNull(),
    /** disciplineCommission | organizationDept | audit | petition | politicsLaw | finance | sectorAuthority | other */
    kind: text("kind").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("partner_departments_committee_name_key").on(t.committeeId, t.name)],
);

/** The office asks one department for briefings (巡前情况通报) on some targets of a round, by a deadline. */
export const briefingRequests = pgTable(
  "briefing_requests",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    partnerDepartmentId: uuid("partner_department_id")
      .notNull()
      .references(() => partnerDepartments.id),
    /** What is asked: keys of BRIEFING_TOPICS (leadership, assessment, audit, petition, clue, other). */
    topics: jsonb("topics").$type<string[]>().notNull(),
    /** Further explanation of what is asked. */
    note: text("note").notNull().default(""),
    dueOn: date("due_on").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("briefing_requests_round_idx").on(t.roundId),
    index("briefing_requests_department_idx").on(t.partnerDepartmentId),
  ],
);

/** The targets a request asks about. */
export const briefingRequestTargets = pgTable(
  "briefing_request_targets",
  {
    requestId: uuid("request_id")
      .notNull()
      .references(() => briefingRequests.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.targetId] }),
    index("briefing_request_targets_target_idx").on(t.targetId),
  ],
);

/**
 * A department's answer on one target of a request. Answers are never overwritten: a department
 * adds another answer to supplement one. An answer after the deadline is marked late.
 */
export const briefingAnswers = pgTable(
  "briefing_answers",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    requestId: uuid("request_id")
      .notNull()
      .references(() => briefingRequests.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    content: text("content").notNull(),
    answeredBy: uuid("answered_by")
      .notNull()
      .references(() => accounts.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
    late: boolean("late").notNull().default(false),
  },
  (t) => [index("briefing_answers_request_idx").on(t.requestId, t.targetId)],
);

export const briefingAnswerFiles = pgTable(
  "briefing_answer_files",
  {
    answerId: uuid("answer_id")
      .notNull()
      .references(() => briefingAnswers.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.fileId] })],
);

/**
 * An item of a group's pre-inspection problem list (巡前问题清单) on one of its targets, usually
 * drawn from a briefing answer (source = briefing); promoted into a finding once confirmed.
 */
export const preInspectionItems = pgTable(
  "pre_inspection_items",
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
    /** briefing | other */
    source: text("source").notNull().default("briefing"),
    briefingAnswerId: uuid("briefing_answer_id").references(() => briefingAnswers.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Set when promoted into a finding (问题). */
    findingId: uuid("finding_id").references(() => findings.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index("pre_inspection_items_group_idx").on(t.groupId, t.targetId)],
);
