import { and, asc, committees, count, eq, findings, inArray, rounds, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { COMMITTEE_READERS, committeesWhere } from "../access/policies";
import { AppError } from "../model/errors";
import { findingFigures } from "./round-statistics";

/**
 * The dashboard: for each committee the actor oversees (its own for leadership and office; the lower
 * committees for the upper level), rounds, targets and the finding figures, computed from records.
 */
export async function committeeOverview(ctx: Ctx) {
  const own = committeesWhere(ctx.actor, COMMITTEE_READERS, "read");
  const upper = committeesWhere(ctx.actor, ["upperLevel"]);
  const lower = upper.length
    ? await ctx.db.select({ id: committees.id }).from(committees).where(inArray(committees.parentId, upper))
    : [];
  const ids = [...new Set([...own, ...lower.map((c) => c.id)])];
  if (!ids.length) throw new AppError("auth.forbidden");
  const rows = await ctx.db
    .select({ id: committees.id, name: committees.name, level: committees.level })
    .from(committees)
    .where(inArray(committees.id, ids))
    .orderBy(asc(committees.name));
  return Promise.all(
    rows.map(async (c) => {
      const [[r], [t], figures, byCategory] = await Promise.all([
        ctx.db.select({ value: count() }).from(rounds).where(eq(rounds.committeeId, c.id)),
        ctx.db.select({ value: count() }).from(targets).where(eq(targets.committeeId, c.id)),
        findingFigures(ctx.db, eq(findings.committeeId, c.id)),
        ctx.db
          .select({ category: findings.category, value: count() })
          .from(findings)
          .where(and(eq(findings.committeeId, c.id), eq(findings.status, "approved")))
          .groupBy(findings.category),
      ]);
      return {
        committee: c,
        rounds: Number(r?.value ?? 0),
        targets: Number(t?.value ?? 0),
        ...figures,
        byCategory: byCategory.map((b) => ({ category: b.category, count: Number(b.value) })),
      };
    }),
  );
}
