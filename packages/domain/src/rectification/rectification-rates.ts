import { queryRows, type SQL, sql } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import {
  categoryRectificationRate,
  committeeRectificationRate,
  type Rate,
  type RateGrouping,
  RECTIFICATION_RATE_FORMULAS,
  roundRectificationRate,
  targetRectificationRate,
} from "../model/rates";
import { categoryName } from "../model/taxonomy";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { findingStatesSql, type LedgerSums } from "./ledger";
import { rectificationRows } from "./rectification-scope";

export interface RateRow extends LedgerSums {
  key: string;
  name: string;
  rate: Rate;
}

interface GroupRow {
  key: string;
  name: string;
  problems: number;
  closed: number;
  measures: number;
  rules: number;
  money: string;
  persons: number;
}

async function grouped(ctx: Ctx, roundId: string | undefined, key: SQL, name: SQL, joins: SQL, now: Date) {
  const where = roundId
    ? sql`${rectificationRows(ctx.actor)} and findings.round_id = ${roundId}`
    : rectificationRows(ctx.actor);
  return queryRows<GroupRow>(
    ctx.db,
    sql`select ${key} as key, ${name} as name, count(*)::int as problems,
          count(*) filter (where st.state = 'closed')::int as closed,
          coalesce(sum(st.measure_count), 0)::int as measures, coalesce(sum(st.rules), 0)::int as rules,
          coalesce(sum(st.money), 0)::text as money, coalesce(sum(st.persons), 0)::int as persons
        from (${findingStatesSql(where, chinaDate(now))}) st ${joins}
        group by 1, 2 order by 2, 1`,
  );
}

const rowOf =
  (rateOf: (closed: number, fedBack: number) => Rate, nameOf: (r: GroupRow) => string = (r) => r.name) =>
  (r: GroupRow): RateRow => ({
    key: r.key,
    name: nameOf(r),
    problems: r.problems,
    closed: r.closed,
    measures: r.measures,
    rulesMade: r.rules,
    moneyRecovered: Math.round(Number(r.money) * 100) / 100,
    accountablePersons: r.persons,
    rate: rateOf(r.closed, r.problems),
  });

/** The rectification rate of each target (per target's fed-back problems), with summed outcomes. */
export async function rectificationRatesByTarget(ctx: Ctx, roundId?: string, now = new Date()) {
  const rows = await grouped(
    ctx,
    roundId,
    sql`st.target_id::text`,
    sql`t.name`,
    sql`join targets t on t.id = st.target_id`,
    now,
  );
  return rows.map(rowOf(targetRectificationRate));
}

/** The rectification rate of each round. */
export async function rectificationRatesByRound(ctx: Ctx, roundId?: string, now = new Date()) {
  const rows = await grouped(
    ctx,
    roundId,
    sql`st.round_id::text`,
    sql`tm.name || '|' || r.number`,
    sql`join rounds r on r.id = st.round_id join terms tm on tm.id = r.term_id`,
    now,
  );
  return rows.map(
    rowOf(roundRectificationRate, (r) => {
      const at = r.name.lastIndexOf("|");
      return roundName(r.name.slice(0, at), Number(r.name.slice(at + 1)));
    }),
  );
}

/** The rectification rate of each problem category. */
export async function rectificationRatesByCategory(ctx: Ctx, roundId?: string, now = new Date()) {
  const rows = await grouped(ctx, roundId, sql`st.category`, sql`st.category`, sql``, now);
  return rows.map(rowOf(categoryRectificationRate, (r) => categoryName(r.key)));
}

/** The rectification rate of each committee the actor counts in. */
export async function rectificationRatesByCommittee(ctx: Ctx, roundId?: string, now = new Date()) {
  const rows = await grouped(
    ctx,
    roundId,
    sql`st.committee_id::text`,
    sql`c.name`,
    sql`join committees c on c.id = st.committee_id`,
    now,
  );
  return rows.map(rowOf(committeeRectificationRate));
}

const BY = {
  target: rectificationRatesByTarget,
  round: rectificationRatesByRound,
  category: rectificationRatesByCategory,
  committee: rectificationRatesByCommittee,
} satisfies Record<RateGrouping, unknown>;

/** GET /api/rectification/rates: one row per group, each rate with its formula. */
export async function rectificationRates(ctx: Ctx, by: RateGrouping, roundId?: string, now = new Date()) {
  return { by, formula: RECTIFICATION_RATE_FORMULAS[by], items: await BY[by](ctx, roundId, now) };
}
