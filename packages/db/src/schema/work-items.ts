import { date, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/**
 * One item of a round's stage checklist (工作事项), copied from the committee's checklist when the
 * round is created, with its owner and a due date computed from the deadline settings.
 */
export const workItems = pgTable(
  "work_items",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    /** preparation | fieldwork | reporting | feedback | transfer | rectification | archiving */
    stage: text("stage").notNull(),
    /** The checklist item it comes from (stable across rounds, for counting). */
    code: text("code").notNull(),
    title: text("title").notNull(),
    /** office | group | leadingGroup | target | disciplineCommission | organizationDept */
    owner: text("owner").notNull(),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "cascade" }),
    targetId: uuid("target_id").references(() => targets.id),
    position: integer("position").notNull(),
    dueOn: date("due_on"),
    doneOn: date("done_on"),
    doneBy: uuid("done_by").references(() => accounts.id),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("work_items_round_idx").on(t.roundId, t.position),
    index("work_items_committee_due_idx").on(t.committeeId, t.dueOn),
  ],
);
