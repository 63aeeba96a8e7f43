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
import { createdAt, id } from "./common";
import { files } from "./files";
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
  /** Rounds the term plan provides for (巡察工作规划), counting those already held. */
  plannedRounds: integer("planned_rounds").notNull().default(0),
  /** The planner's limits as last set by the office (groups per round, targets per group, …). */
  planLimits: jsonb("plan_limits").notNull().default({}),
  createdAt: createdAt(),
});

/** A target the term plan leaves out (e.g. abolished or merged), with the reason. Every other target must be covered. */
export const termExclusions = pgTable(
  "term_exclusions",
  {
    termId: uuid("term_id")
      .notNull()
      .references(() => terms.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.termId, t.targetId] })],
);

/**
 * A coverage plan proposed by the planner: `entries` place targets into round and group slots.
 * Nothing is assigned until the office accepts it (status proposed → accepted | rejected).
 */
export const planProposals = pgTable(
  "plan_proposals",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    termId: uuid("term_id")
      .notNull()
      .references(() => terms.id),
    status: text("status").notNull().default("proposed"),
    limits: jsonb("limits").notNull(),
    /** [{ roundNumber, roundId?, groupNumber, groupId?, targetId }] */
    entries: jsonb("entries").notNull(),
    /** The groups the entries go to: formed ones as they are, proposed ones with their people. */
    groups: jsonb("groups").notNull().default([]),
    /** The planner's account of what cannot be reached, with the arithmetic. */
    shortfall: jsonb("shortfall").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    decidedBy: uuid("decided_by").references(() => accounts.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("plan_proposals_term_idx").on(t.termId)],
);

/** The accepted plan: which target a future round and group of the term is to inspect. */
export const termPlanEntries = pgTable(
  "term_plan_entries",
  {
    termId: uuid("term_id")
      .notNull()
      .references(() => terms.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundNumber: integer("round_number").notNull(),
    groupNumber: integer("group_number").notNull(),
    proposalId: uuid("proposal_id").references(() => planProposals.id),
  },
  (t) => [primaryKey({ columns: [t.termId, t.targetId] })],
);

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
    /** Secretary of the group's temporary party branch (临时党支部); the leader unless the office names another. */
    branchSecretaryId: uuid("branch_secretary_id").references(() => people.id),
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

/**
 * A random draw (随机抽取) of group members from a pool: the seed and the ordered candidates are kept,
 * so anyone can replay the draw and check that it picked what it says.
 */
export const groupDraws = pgTable(
  "group_draws",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "set null" }),
    /** leader | talent */
    pool: text("pool").notNull(),
    seed: text("seed").notNull(),
    /** Candidate person ids in the order the draw used them (sorted by id). */
    candidates: jsonb("candidates").notNull(),
    /** Why others were left out (unavailable, recusal, already in the round …). */
    excluded: jsonb("excluded").notNull(),
    count: integer("count").notNull(),
    picked: jsonb("picked").notNull(),
    drawnBy: uuid("drawn_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index("group_draws_round_idx").on(t.roundId)],
);

/**
 * The leading group's decision to let an assignment stand despite a recusal conflict, with its
 * reason. Without one, a conflict blocks the assignment.
 */
export const recusalOverrides = pgTable(
  "recusal_overrides",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    /** The conflicts as the rules reported them when the override was given. */
    conflicts: jsonb("conflicts").notNull(),
    reason: text("reason").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("recusal_overrides_key").on(t.roundId, t.personId, t.targetId)],
);

/** A pledge signed by a person of a round (保密承诺书 / 廉洁履职承诺书). */
export const commitments = pgTable(
  "commitments",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    /** confidentiality | integrity */
    kind: text("kind").notNull(),
    signedOn: date("signed_on").notNull(),
    /** The signed scan, when one was uploaded. */
    fileId: uuid("file_id").references(() => files.id),
    recordedBy: uuid("recorded_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("commitments_round_person_kind_key").on(t.roundId, t.personId, t.kind),
    index("commitments_person_idx").on(t.personId),
  ],
);
