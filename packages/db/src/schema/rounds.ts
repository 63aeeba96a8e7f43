import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { people } from "./personnel";
import { targets } from "./targets";

/** A committee's term of office (届). */
export const terms = pgTable("terms", {
  id: id(),
  committeeId: uuid("committee_id")
    .notNull()
    .references(() => committees.id),
  name: text("name").notNull(),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  createdAt: createdAt(),
});

/** One round of inspection, numbered within its term. */
export const rounds = pgTable(
  "rounds",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    termId: uuid("term_id")
      .notNull()
      .references(() => terms.id),
    number: integer("number").notNull(),
    /** regular | thematic | mobile | linked | cross | lookBack | elevated */
    kind: text("kind").notNull(),
    theme: text("theme").notNull().default(""),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    /** preparation | fieldwork | reporting | feedback | transfer | rectification | archiving */
    stage: text("stage").notNull().default("preparation"),
    /** open | closed */
    status: text("status").notNull().default("open"),
    /** Next finding number in this round. Read and bumped under the row lock. */
    nextFindingNumber: integer("next_finding_number").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("rounds_term_number_key").on(t.termId, t.number),
    index("rounds_committee_idx").on(t.committeeId),
  ],
);

/** An inspection group formed for one round. */
export const groups = pgTable(
  "groups",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("groups_round_number_key").on(t.roundId, t.number)],
);

/** A person's place in a group: leader, deputy, member or liaison. */
export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    role: text("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index("group_members_person_idx").on(t.personId)],
);

/** A target assigned to a group in a round; a target is inspected by one group of a round. */
export const groupTargets = pgTable(
  "group_targets",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.targetId] }),
    uniqueIndex("group_targets_round_target_key").on(t.roundId, t.targetId),
    index("group_targets_target_idx").on(t.targetId),
  ],
);
