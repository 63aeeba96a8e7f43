import { and, asc, eq, groups, groupTargets, sql, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { fieldworkCountScope } from "./fieldwork-scope";

const n = (q: ReturnType<typeof sql>) => sql<number>`(${q})::int`;

/**
 * Fieldwork figures of a round per group and target (counts only, no content): interviews held and
 * scheduled, interviews with the target's principal, document reviews and visits. For the office,
 * the leading group and each group for its own targets.
 */
export async function fieldworkCounts(ctx: Ctx, filters: { roundId: string }) {
  const rows = await ctx.db
    .select({
      groupId: groupTargets.groupId,
      groupName: groups.name,
      groupNumber: groups.number,
      targetId: groupTargets.targetId,
      targetName: targets.name,
      interviewsHeld: n(
        sql`select count(*) from interviews i where i.round_id = ${groupTargets.roundId} and i.target_id = ${groupTargets.targetId} and i.status = 'held'`,
      ),
      interviewsScheduled: n(
        sql`select count(*) from interviews i where i.round_id = ${groupTargets.roundId} and i.target_id = ${groupTargets.targetId} and i.status = 'scheduled'`,
      ),
      principalInterviews: n(
        sql`select count(*) from interviews i where i.round_id = ${groupTargets.roundId} and i.target_id = ${groupTargets.targetId} and i.status = 'held' and i.principal`,
      ),
      docReviews: n(
        sql`select count(*) from fieldwork_records r where r.round_id = ${groupTargets.roundId} and r.target_id = ${groupTargets.targetId} and r.kind = 'docReview'`,
      ),
      visits: n(
        sql`select count(*) from fieldwork_records r where r.round_id = ${groupTargets.roundId} and r.target_id = ${groupTargets.targetId} and r.kind = 'visit'`,
      ),
    })
    .from(groupTargets)
    .innerJoin(groups, eq(groups.id, groupTargets.groupId))
    .innerJoin(targets, eq(targets.id, groupTargets.targetId))
    .where(
      and(
        eq(groupTargets.roundId, filters.roundId),
        fieldworkCountScope(ctx.actor, {
          committeeId: groupTargets.committeeId,
          groupId: groupTargets.groupId,
        }),
      ),
    )
    .orderBy(asc(groups.number), asc(targets.name));
  const sum = (
    k: "interviewsHeld" | "interviewsScheduled" | "principalInterviews" | "docReviews" | "visits",
  ) => rows.reduce((s, r) => s + Number(r[k]), 0);
  return {
    rows,
    totals: {
      interviewsHeld: sum("interviewsHeld"),
      interviewsScheduled: sum("interviewsScheduled"),
      principalInterviews: sum("principalInterviews"),
      docReviews: sum("docReviews"),
      visits: sum("visits"),
    },
  };
}
