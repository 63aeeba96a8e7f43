import { type AnyPgColumn, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { committees } from "./committees";
import { createdAt, id, updatedAt } from "./common";

/** An inspected party organization (被巡察对象). */
export const targets = pgTable(
  "targets",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    name: text("name").notNull(),
    /** Coverage category: department, township, village, community, stateEnterprise, school, hospital, secondLevelUnit. */
    category: text("category").notNull(),
    /** Form of the party organization as written in ledgers: 党组, 党委, 党工委, 党总支, 党支部, 村(社区)党组织 … */
    orgForm: text("org_form").notNull(),
    /** The township a village or community belongs to, when it is in the registry. */
    parentTargetId: uuid("parent_target_id").references((): AnyPgColumn => targets.id),
    /** 上级党组织, as written. */
    parentOrgName: text("parent_org_name").notNull().default(""),
    sector: text("sector").notNull().default(""),
    principal: text("principal").notNull().default(""),
    leaders: text("leaders").notNull().default(""),
    phone: text("phone").notNull().default(""),
    /** Last inspection before the system held records (imported history). */
    lastInspectedOn: date("last_inspected_on"),
    lastRoundLabel: text("last_round_label").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("targets_committee_name_key").on(t.committeeId, t.name),
    index("targets_committee_category_idx").on(t.committeeId, t.category),
  ],
);
