import { boolean, date, index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { targets } from "./targets";

/** A person in the committee's inspection pools (组长库 / 人才库). */
export const people = pgTable(
  "people",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    name: text("name").notNull(),
    sex: text("sex").notNull().default(""),
    /** YYYY-MM */
    birthMonth: text("birth_month").notNull().default(""),
    politicalStatus: text("political_status").notNull().default(""),
    unit: text("unit").notNull().default(""),
    /** The registered target that is the person's own unit, when it is one (recusal). */
    unitTargetId: uuid("unit_target_id").references(() => targets.id),
    post: text("post").notNull().default(""),
    rank: text("rank").notNull().default(""),
    expertise: text("expertise").array().notNull().default([]),
    /** leader | talent */
    pool: text("pool").notNull(),
    joinedOn: date("joined_on"),
    available: boolean("available").notNull().default(true),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    /** Recusal circumstances kept as text: what an Excel import could not read as jobs or relatives. */
    recusalNote: text("recusal_note").notNull().default(""),
    /** Rounds served before the system held records (imported 参加巡察轮次), as text. */
    roundsNote: text("rounds_note").notNull().default(""),
    /** The login account of this person, when they have one. Group access follows membership. */
    accountId: uuid("account_id").references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index("people_committee_idx").on(t.committeeId), index("people_account_idx").on(t.accountId)],
);

/** A post a person held (工作经历), used for recusal. `endMonth` null: the post is current. */
export const personJobs = pgTable(
  "person_jobs",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    unit: text("unit").notNull(),
    /** The registered target this unit is, when it is one. */
    targetId: uuid("target_id").references(() => targets.id),
    post: text("post").notNull().default(""),
    /** YYYY-MM */
    startMonth: text("start_month").notNull(),
    /** YYYY-MM, null while the post is held. */
    endMonth: text("end_month"),
    createdAt: createdAt(),
  },
  (t) => [index("person_jobs_person_idx").on(t.personId), index("person_jobs_target_idx").on(t.targetId)],
);

/** A relative of a person (亲属) and where they work, used for recusal. */
export const personRelatives = pgTable(
  "person_relatives",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** spouse | lineal | sibling | inLaw (close in-laws) */
    relation: text("relation").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    targetId: uuid("target_id").references(() => targets.id),
    post: text("post").notNull().default(""),
    /** The relative is in the target's leadership team (领导班子成员). */
    inLeadership: boolean("in_leadership").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("person_relatives_person_idx").on(t.personId)],
);

/**
 * A direct superior or subordinate relationship (上下级关系) between a person and an official of a
 * target, used for recusal. `endMonth` null: the relationship is current.
 */
export const personTies = pgTable(
  "person_ties",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** superior: the official was the person's superior; subordinate: the official was under the person. */
    kind: text("kind").notNull(),
    officialName: text("official_name").notNull(),
    targetId: uuid("target_id").references(() => targets.id),
    post: text("post").notNull().default(""),
    startMonth: text("start_month").notNull(),
    endMonth: text("end_month"),
    createdAt: createdAt(),
  },
  (t) => [index("person_ties_person_idx").on(t.personId)],
);

/** A training session for inspectors (巡察业务培训); attendance counts in person-times. */
export const trainings = pgTable(
  "trainings",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    hours: integer("hours").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("trainings_committee_idx").on(t.committeeId)],
);

export const trainingAttendees = pgTable(
  "training_attendees",
  {
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
  },
  (t) => [
    primaryKey({ columns: [t.trainingId, t.personId] }),
    index("training_attendees_person_idx").on(t.personId),
  ],
);
