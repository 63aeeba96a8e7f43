import { and, eq, inArray, isNull, rounds, terms, workItems } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import { roundName } from "../rounds/round-name";
import { loadDueContext } from "./due-context";
import { chinaDate } from "./due-date";
import { presentWorkItem, queryWorkItems } from "./list-round-work-items";

/**
 * Every overdue work item of the committee's open rounds (office and leading group), most overdue
 * first, with a count per round.
 */
export async function listOverdueWorkItems(ctx: Ctx, today = chinaDate()) {
  const committeeIds = committeesWhere(ctx.actor, ["officeStaff", "leadership"]);
  if (!committeeIds.length) return { today, total: 0, rounds: [], items: [] };
  const open = await ctx.db
    .select({ id: rounds.id, number: rounds.number, termName: terms.name, stage: rounds.stage })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(and(inArray(rounds.committeeId, committeeIds), eq(rounds.status, "open")));
  if (!open.length) return { today, total: 0, rounds: [], items: [] };
  const rows = await queryWorkItems(
    ctx.db,
    and(
      inArray(
        workItems.roundId,
        open.map((r) => r.id),
      ),
      isNull(workItems.doneOn),
    ),
  );
  const due = await loadDueContext(
    ctx.db,
    open.map((r) => r.id),
  );
  const names = new Map(open.map((r) => [r.id, roundName(r.termName, r.number)]));
  const items = rows
    .map((r) => ({ ...presentWorkItem(r, due, today, false), roundName: names.get(r.roundId) ?? "" }))
    .filter((i) => i.overdueDays !== null)
    .sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0));
  const perRound = open
    .map((r) => {
      const mine = items.filter((i) => i.roundId === r.id);
      return {
        roundId: r.id,
        name: names.get(r.id) ?? "",
        stage: r.stage,
        overdue: mine.length,
        maxOverdueDays: Math.max(0, ...mine.map((i) => i.overdueDays ?? 0)),
      };
    })
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue);
  return { today, total: items.length, rounds: perRound, items: items.slice(0, 500) };
}
