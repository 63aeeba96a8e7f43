import { groupTargets, inArray, queryRows, sql } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere, groupIdsOf } from "../access/policies";
import { categoryName } from "../model/taxonomy";
import { findVisibleRound } from "../rounds/manage-rounds";
import { roundName } from "../rounds/round-name";

/**
 * 回头看: when a later round inspects a target again, the target's problems from earlier rounds
 * that are still not closed out (never closed, or reopened after a close-out) are carried into the
 * later round's view. The office and the leading group see every target of the round; a group of
 * the round sees only the targets it inspects.
 */
export async function listCarriedOver(ctx: Ctx, roundId: string) {
  const round = await findVisibleRound(ctx.db, ctx.actor, roundId);
  const readsAll = committeesWhere(ctx.actor, ["leadership", "officeStaff"], "read").includes(
    round.committeeId,
  );
  const own = groupIdsOf(ctx.actor);
  const assigned = await ctx.db
    .select({ targetId: groupTargets.targetId, groupId: groupTargets.groupId })
    .from(groupTargets)
    .where(
      readsAll
        ? sql`${groupTargets.roundId} = ${roundId}`
        : own.length
          ? sql`${groupTargets.roundId} = ${roundId} and ${inArray(groupTargets.groupId, own)}`
          : sql`false`,
    );
  const targetIds = assigned.map((a) => a.targetId);
  if (!targetIds.length) return { items: [] };
  const rows = await queryRows<{
    id: string;
    number: number;
    title: string;
    category: string;
    severity: string;
    target_id: string;
    target_name: string;
    round_id: string;
    round_number: number;
    term_name: string;
    round_starts_on: string;
    fed_back_on: string | null;
    reopened_at: string | null;
    reopen_reason: string | null;
    measures: number;
  }>(
    ctx.db,
    sql`select f.id, f.number, f.title, f.category, f.severity, f.target_id, t.name as target_name,
          f.round_id, r.number as round_number, tm.name as term_name, r.starts_on::text as round_starts_on,
          fb.given_on::text as fed_back_on,
          ro.created_at::text as reopened_at, ro.reason as reopen_reason,
          (select count(*)::int from measures m where m.finding_id = f.id) as measures
        from findings f
        join rounds r on r.id = f.round_id
        join terms tm on tm.id = r.term_id
        join targets t on t.id = f.target_id
        left join feedbacks fb on fb.id = f.feedback_id
        left join lateral (
          select c.created_at, c.reason from close_outs c
          where c.finding_id = f.id and c.action = 'reopen'
          order by c.created_at desc limit 1
        ) ro on true
        where f.committee_id = ${round.committeeId}
          and f.target_id in (${sql.join(
            targetIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          and f.round_id <> ${roundId}
          and r.starts_on < ${round.startsOn}::date
          and f.feedback_id is not null
          and f.route is distinct from 'clue'
          and f.closed_at is null
        order by t.name, r.starts_on, f.number`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      category: r.category,
      categoryName: categoryName(r.category),
      severity: r.severity,
      targetId: r.target_id,
      targetName: r.target_name,
      groupId: assigned.find((a) => a.targetId === r.target_id)?.groupId ?? null,
      fromRound: {
        id: r.round_id,
        name: roundName(r.term_name, r.round_number),
        startsOn: r.round_starts_on,
      },
      fedBackOn: r.fed_back_on,
      reopened: r.reopened_at !== null,
      reopenReason: r.reopen_reason ?? "",
      measures: r.measures,
      /** reopened after a close-out; noPlan: no measure yet; unresolved: measures, not closed out. */
      state: r.reopened_at ? "reopened" : r.measures === 0 ? "noPlan" : "unresolved",
    })),
  };
}
