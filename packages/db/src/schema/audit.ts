import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit log. Each entry carries the hash of the previous one, so a removed or edited
 * entry breaks the chain. A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    committeeId: uuid("committee_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    summary: jsonb("summary").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_committee_idx").on(t.committeeId, t.seq),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
  ],
);
