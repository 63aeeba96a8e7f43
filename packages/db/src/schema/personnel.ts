import { boolean, date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id } from "./common";

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
    post: text("post").notNull().default(""),
    rank: text("rank").notNull().default(""),
    expertise: text("expertise").array().notNull().default([]),
    /** leader | talent */
    pool: text("pool").notNull(),
    joinedOn: date("joined_on"),
    available: boolean("available").notNull().default(true),
    phone: text("phone").notNull().default(""),
    /** The login account of this person, when they have one. Group access follows membership. */
    accountId: uuid("account_id").references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index("people_committee_idx").on(t.committeeId), index("people_account_idx").on(t.accountId)],
);
