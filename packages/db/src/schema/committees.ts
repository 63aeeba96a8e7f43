import { type AnyPgColumn, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./common";

/** A party committee (党委): the tenant that owns every row of business data. Committees form a tree. */
export const committees = pgTable("committees", {
  id: id(),
  parentId: uuid("parent_id").references((): AnyPgColumn => committees.id),
  name: text("name").notNull(),
  /** province | city | county */
  level: text("level").notNull(),
  createdAt: createdAt(),
});

/** Installation-wide settings (password and lockout policy, tip keys …), one JSON value per key. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});

/**
 * A committee's own settings, one JSON value per key: deadlines, recusal options, the stage
 * checklist, group-evaluation criteria … Each key has a default in code; a row overrides it.
 */
export const committeeSettings = pgTable(
  "committee_settings",
  {
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.committeeId, t.key] })],
);
