import { createHash } from "node:crypto";
import { auditLog, desc, sql, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  committeeId?: string | null;
  /** What changed or what was read; never secrets (passwords, tip identities). */
  summary?: Record<string, unknown>;
}

export const GENESIS_HASH = "0".repeat(64);

/** SM3 (GB/T 32905) over the previous hash and the entry's canonical form. */
export function auditHash(prevHash: string, e: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.committeeId,
    e.action,
    e.entity,
    e.entityId,
    sortKeys(e.summary),
  ]);
  return createHash("sm3").update(canonical).digest("hex");
}

/**
 * The summary with object keys sorted: jsonb stores keys in its own order, so the hash must not
 * depend on the order the keys were written in.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const obj = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(obj)
        .sort()
        .map((k) => [k, sortKeys(obj[k])]),
    );
  }
  return value;
}

export interface HashedFields {
  at: Date;
  actorId: string | null;
  actorName: string;
  committeeId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  summary: unknown;
}

/**
 * Appends an entry to the audit chain. Call it inside the transaction of the change it records,
 * so the change and its entry commit or fail together. The advisory lock orders concurrent writers.
 */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7263001)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const fields: HashedFields = {
    at: new Date(),
    actorId: actor.accountId,
    actorName: actor.name,
    committeeId: entry.committeeId ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    summary: entry.summary ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: auditHash(prevHash, fields) });
}
