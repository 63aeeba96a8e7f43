import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { findings } from "./findings";
import { rounds } from "./rounds";
import { targets } from "./targets";

/** A problem clue transferred to the 纪委监委 (or 组织部), with its disposition. */
export const clues = pgTable(
  "clues",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    number: text("number").notNull(),
    /** disciplineCommission | organizationDept */
    receiver: text("receiver").notNull(),
    transferredOn: date("transferred_on").notNull(),
    /** inquiry | preliminaryCheck | shelved | closed; null while pending. */
    disposition: text("disposition"),
    caseFiled: boolean("case_filed").notNull().default(false),
    sanctionedPersons: integer("sanctioned_persons").notNull().default(0),
    orgHandledPersons: integer("org_handled_persons").notNull().default(0),
    judicialReferral: boolean("judicial_referral").notNull().default(false),
    result: text("result").notNull().default(""),
    concludedOn: date("concluded_on"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("clues_committee_round_idx").on(t.committeeId, t.roundId)],
);

/** Feedback given to a target (反馈): the findings fed back carry its id. */
export const feedbacks = pgTable(
  "feedbacks",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    givenOn: date("given_on").notNull(),
    /** meeting | written */
    form: text("form").notNull(),
    requirements: text("requirements").notNull().default(""),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("feedbacks_target_idx").on(t.targetId)],
);
