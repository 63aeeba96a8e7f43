import { and, auditLog, count, desc, eq, gte, ilike, lt, type SQL } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";

export interface AuditFilters {
  /** Exact action (target.import) or a prefix ending with a dot (target.). */
  action?: string | undefined;
  entity?: string | undefined;
  /** An account id, or part of the actor's name. */
  actor?: string | undefined;
  /** Days in China Standard Time (UTC+8), inclusive: YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number;
  pageSize?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** Only the audit administrator reads the audit log (三员分立). */
export function assertAuditAdmin(ctx: Ctx) {
  if (!hasRole(ctx.actor, "auditAdmin")) throw new AppError("audit.forbidden");
}

/** The audit log, newest first, filtered by action, entity, actor and days (auditAdmin). */
export async function listAuditEntries(ctx: Ctx, filters: AuditFilters = {}) {
  assertAuditAdmin(ctx);
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 50;
  const actor = filters.actor?.trim();
  const where = and(
    filters.action
      ? filters.action.endsWith(".")
        ? ilike(auditLog.action, `${escapeLike(filters.action)}%`)
        : eq(auditLog.action, filters.action)
      : undefined,
    filters.entity ? eq(auditLog.entity, filters.entity) : undefined,
    actor
      ? UUID.test(actor)
        ? eq(auditLog.actorId, actor)
        : ilike(auditLog.actorName, `%${escapeLike(actor)}%`)
      : undefined,
    filters.from ? gte(auditLog.at, startOfDay(filters.from)) : undefined,
    filters.to ? lt(auditLog.at, new Date(startOfDay(filters.to).getTime() + 86_400_000)) : undefined,
  ) as SQL | undefined;
  const [totalRow] = await ctx.db.select({ total: count() }).from(auditLog).where(where);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows, total: totalRow?.total ?? 0, page, pageSize };
}
