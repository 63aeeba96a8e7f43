import {
  date,
  index,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/** The evaluation of a group after its round (一巡一评): a score per criterion. */
export const groupEvaluations = pgTable(
  "group_evaluations",
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
    /** [{ code, title, max, score, note }] */
    scores: jsonb("scores").notNull(),
    total: numeric("total", { precision: 6, scale: 2 }).notNull(),
    /** 优秀 | 良好 | 一般 | 较差 */
    grade: text("grade").notNull(),
    comment: text("comment").notNull().default(""),
    evaluatedBy: uuid("evaluated_by")
      .notNull()
      .references(() => accounts.id),
    evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("group_evaluations_group_key").on(t.groupId)],
);

/**
 * A one-time code handed to an inspected target so that one of its people can answer the conduct
 * questionnaire about the group, anonymously. Only a hash of the code is kept; a response does not
 * say which code it used.
 */
export const conductCodes = pgTable(
  "conduct_codes",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("conduct_codes_hash_key").on(t.codeHash),
    index("conduct_codes_group_idx").on(t.groupId),
  ],
);

/** An anonymous answer to the conduct questionnaire about a group: no code, account, address or time of day. */
export const conductResponses = pgTable(
  "conduct_responses",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id),
    /** { [questionCode]: 1..5 | text } */
    answers: jsonb("answers").notNull(),
    answeredOn: date("answered_on").notNull(),
  },
  (t) => [index("conduct_responses_group_idx").on(t.groupId)],
);
