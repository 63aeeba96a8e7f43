import {
  and,
  asc,
  type Db,
  eq,
  findings,
  groupTargets,
  inArray,
  queryRows,
  revisits,
  rounds,
  type SQL,
  sql,
  type Tx,
  targets,
  terms,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { assertInCommittee, committeesWhere, contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { loadSetting } from "../committee-settings/setting";
import { AppError } from "../model/errors";
import { accountsWithRole, notify } from "../notifications/notify";
import { roundName } from "../rounds/round-name";
import { addDays, chinaDate } from "../work-items/due-date";
import { reopenFinding } from "./close-out";
import {
  planRevisitDates,
  type RevisitMethod,
  type RevisitParty,
  revisitSetting,
  revisitState,
} from "./revisits-rules";

/**
 * Revisits (回访督查): the office plans and records scheduled checks of a target after the
 * concentrated period, with 纪委监委 and 组织部 taking part; a revisit's findings can reopen closed
 * items (recorded on the revisit). Readers: the office and the leading group; 纪委监委 and 组织部 the
 * revisits they take part in; a target's contact its own target's schedule (no conclusions).
 */

type Round = typeof rounds.$inferSelect;

/**
 * A round of the office's committee and a target it inspects (a group was assigned it), or
 * round.not_found / rectification.target_not_in_round.
 */
export async function loadRoundTargetForOffice(tx: Tx, actor: Actor, roundId: string, targetId: string) {
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId));
  if (!round) throw new AppError("round.not_found");
  assertInCommittee(actor, ["officeStaff"], round.committeeId, "round.not_found");
  const [target] = await tx
    .select({ id: targets.id, name: targets.name })
    .from(groupTargets)
    .innerJoin(targets, eq(targets.id, groupTargets.targetId))
    .where(and(eq(groupTargets.roundId, roundId), eq(groupTargets.targetId, targetId)));
  if (!target) throw new AppError("rectification.target_not_in_round");
  return { round: round as Round, target };
}

const PARTY_ROLES = {
  disciplineCommission: "disciplineReviewer",
  organizationDept: "organizationReviewer",
} as const;

export const REVISITS_PATH = "/rectification/follow-up?tab=revisits";

/**
 * Run with the daily sweep: every planned revisit that is due (within the setting's dueWithinDays of
 * its day, as the revisits list shows it) or past its day and still not done, is notified to the
 * office and to the parties taking part, once per revisit, planned day and state (a moved revisit is
 * notified again; a due one once more when its day has passed). Returns the notifications written.
 */
export async function notifyDueRevisits(db: Db, committeeId: string, today: string) {
  const { dueWithinDays } = (await loadSetting(db, committeeId, revisitSetting)).value;
  const due = await queryRows<{
    id: string;
    sequence: number;
    planned_on: string;
    parties: string[];
    target_name: string;
  }>(
    db,
    sql`select r.id, r.sequence, r.planned_on::text as planned_on, r.parties, t.name as target_name
        from revisits r join targets t on t.id = r.target_id
        where r.committee_id = ${committeeId} and r.status = 'planned'
          and r.planned_on <= ${addDays(today, dueWithinDays)}::date
        order by r.planned_on, t.name, r.sequence`,
  );
  if (!due.length) return 0;
  return db.transaction(async (tx) => {
    const office = await accountsWithRole(tx, committeeId, "officeStaff");
    const byParty = new Map<string, string[]>();
    for (const [party, role] of Object.entries(PARTY_ROLES)) {
      byParty.set(party, await accountsWithRole(tx, committeeId, role));
    }
    let written = 0;
    for (const r of due) {
      const late = r.planned_on < today;
      written += await notify(tx, [...office, ...r.parties.flatMap((p) => byParty.get(p) ?? [])], {
        committeeId,
        kind: late ? "revisit.overdue" : "revisit.due",
        title: `${late ? "回访督查已过计划日期" : "回访督查临近"}：${r.target_name}第 ${r.sequence} 次回访（${r.planned_on}）`,
        body: late ? "计划日期已过，请开展回访并登记结果，或调整计划日期。" : "请做好回访督查准备。",
        link: REVISITS_PATH,
        dedupeKey: `revisit-${late ? "overdue" : "due"}:${r.id}:${r.planned_on}`,
      });
    }
    return written;
  });
}

/** The revisits the actor may see, as one condition. */
function visibleRevisits(actor: Actor): {
  where: SQL;
  scheduleOnly: (r: { committeeId: string }) => boolean;
} {
  const readers = committeesWhere(actor, ["leadership", "officeStaff"], "read");
  const parts: SQL[] = [];
  if (readers.length) parts.push(inArray(revisits.committeeId, readers));
  for (const [party, role] of Object.entries(PARTY_ROLES)) {
    const ids = committeesWhere(actor, [role]);
    if (ids.length)
      parts.push(sql`(${inArray(revisits.committeeId, ids)} and ${party} = any(${revisits.parties}))`);
  }
  const own = contactTargetIds(actor);
  if (own.length) parts.push(inArray(revisits.targetId, own));
  const where = parts.length ? sql.join(parts, sql` or `) : sql`false`;
  return {
    where: sql`(${where})`,
    scheduleOnly: (r) =>
      !readers.includes(r.committeeId) &&
      !Object.values(PARTY_ROLES).some((role) => committeesWhere(actor, [role]).includes(r.committeeId)),
  };
}

export interface RevisitFilters {
  roundId?: string | undefined;
  targetId?: string | undefined;
  state?: "planned" | "due" | "overdue" | "done" | undefined;
}

/** Revisits the actor may see, with their state today; a contact sees the schedule only. */
export async function listRevisits(ctx: Ctx, filters: RevisitFilters, now = new Date()) {
  const today = chinaDate(now);
  const { where, scheduleOnly } = visibleRevisits(ctx.actor);
  const rows = await ctx.db
    .select({
      revisit: revisits,
      targetName: targets.name,
      roundNumber: rounds.number,
      termName: terms.name,
    })
    .from(revisits)
    .innerJoin(targets, eq(targets.id, revisits.targetId))
    .innerJoin(rounds, eq(rounds.id, revisits.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(
      and(
        where,
        filters.roundId ? eq(revisits.roundId, filters.roundId) : undefined,
        filters.targetId ? eq(revisits.targetId, filters.targetId) : undefined,
      ),
    )
    .orderBy(asc(revisits.plannedOn), asc(targets.name), asc(revisits.sequence));
  const committees = [...new Set(rows.map((r) => r.revisit.committeeId))];
  const settings = new Map<string, { dueWithinDays: number }>();
  for (const c of committees) settings.set(c, (await loadSetting(ctx.db, c, revisitSetting)).value);
  const reopenedIds = [...new Set(rows.flatMap((r) => r.revisit.reopenedFindingIds))];
  const reopened = reopenedIds.length
    ? await ctx.db
        .select({ id: findings.id, number: findings.number, title: findings.title })
        .from(findings)
        .where(inArray(findings.id, reopenedIds))
    : [];
  const office = committeesWhere(ctx.actor, ["officeStaff"]);
  const items = rows.map(({ revisit: r, targetName, roundNumber, termName }) => {
    const state = revisitState(r, today, settings.get(r.committeeId)!.dueWithinDays);
    const schedule = {
      id: r.id,
      roundId: r.roundId,
      roundName: roundName(termName, roundNumber),
      targetId: r.targetId,
      targetName,
      sequence: r.sequence,
      plannedOn: r.plannedOn,
      method: r.method as RevisitMethod,
      parties: r.parties as RevisitParty[],
      status: r.status,
      doneOn: r.doneOn,
      state,
    };
    if (scheduleOnly(r)) return schedule;
    const canWrite = office.includes(r.committeeId) && r.status !== "done";
    return {
      ...schedule,
      conclusion: r.conclusion,
      reopened: reopened.filter((f) => r.reopenedFindingIds.includes(f.id)),
      abilities: { edit: canWrite, complete: canWrite },
    };
  });
  return {
    items: filters.state ? items.filter((i) => i.state === filters.state) : items,
    shortfall: filters.roundId ? await revisitShortfall(ctx, filters.roundId) : [],
  };
}

/**
 * The targets a round gave feedback to that have fewer revisits (planned or done) than the committee's
 * minimum, for the office and the leading group of the round's committee; empty for anyone else.
 */
async function revisitShortfall(ctx: Ctx, roundId: string) {
  const [round] = await ctx.db
    .select({ committeeId: rounds.committeeId })
    .from(rounds)
    .where(eq(rounds.id, roundId));
  if (
    !round ||
    !committeesWhere(ctx.actor, ["leadership", "officeStaff"], "read").includes(round.committeeId)
  )
    return [];
  const { minimum } = (await loadSetting(ctx.db, round.committeeId, revisitSetting)).value;
  const rows = await queryRows<{ target_id: string; target_name: string; revisits: number }>(
    ctx.db,
    sql`select fb.target_id, t.name as target_name, count(distinct r.id)::int as revisits
        from feedbacks fb
        join targets t on t.id = fb.target_id
        left join revisits r on r.round_id = fb.round_id and r.target_id = fb.target_id
        where fb.round_id = ${roundId}
        group by fb.target_id, t.name
        having count(distinct r.id) < ${minimum}
        order by t.name`,
  );
  return rows.map((r) => ({
    targetId: r.target_id,
    targetName: r.target_name,
    revisits: r.revisits,
    minimum,
  }));
}

async function nextSequence(tx: Tx, roundId: string, targetId: string) {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${revisits.sequence}), 0)::int` })
    .from(revisits)
    .where(and(eq(revisits.roundId, roundId), eq(revisits.targetId, targetId)));
  return Number(row?.n ?? 0) + 1;
}

export interface RevisitInput {
  roundId: string;
  targetId: string;
  plannedOn: string;
  method: RevisitMethod;
  parties: RevisitParty[];
}

/** The office schedules one revisit of a target in a round (numbered after the existing ones). */
export async function createRevisit(ctx: Ctx, input: RevisitInput) {
  return ctx.db.transaction(async (tx) => {
    const { round } = await loadRoundTargetForOffice(tx, ctx.actor, input.roundId, input.targetId);
    // Serialise numbering per round: two offices planning at once never take the same number.
    await tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, round.id)).for("update");
    const sequence = await nextSequence(tx, input.roundId, input.targetId);
    const [row] = await tx
      .insert(revisits)
      .values({
        committeeId: round.committeeId,
        roundId: input.roundId,
        targetId: input.targetId,
        sequence,
        plannedOn: input.plannedOn,
        method: input.method,
        parties: [...new Set(input.parties)],
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "revisit.create",
      entity: "revisit",
      entityId: row!.id,
      committeeId: round.committeeId,
      summary: { ...input, sequence },
    });
    return row!;
  });
}

/**
 * The office plans the committee's minimum number of revisits (rectification.revisits) for a
 * target in a round, spaced by its interval from `from` (or from the latest planned one); nothing
 * when there are enough already. The revisits are on site with 纪委监委 and 组织部 unless told.
 */
export async function planRevisits(
  ctx: Ctx,
  input: {
    roundId: string;
    targetId: string;
    from?: string | undefined;
    method?: RevisitMethod | undefined;
    parties?: RevisitParty[] | undefined;
  },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const { round } = await loadRoundTargetForOffice(tx, ctx.actor, input.roundId, input.targetId);
    await tx.select({ id: rounds.id }).from(rounds).where(eq(rounds.id, round.id)).for("update");
    const setting = (await loadSetting(tx, round.committeeId, revisitSetting)).value;
    const existing = await tx
      .select({ sequence: revisits.sequence, plannedOn: revisits.plannedOn })
      .from(revisits)
      .where(and(eq(revisits.roundId, input.roundId), eq(revisits.targetId, input.targetId)));
    const planned = planRevisitDates(existing, setting, input.from ?? chinaDate(now));
    if (!planned.length) return [];
    const method = input.method ?? "onSite";
    const parties = [...new Set(input.parties ?? ["disciplineCommission", "organizationDept"])];
    const rows = await tx
      .insert(revisits)
      .values(
        planned.map((p) => ({
          ...p,
          committeeId: round.committeeId,
          roundId: input.roundId,
          targetId: input.targetId,
          method,
          parties,
          createdBy: ctx.actor.accountId!,
        })),
      )
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "revisit.plan",
      entity: "target",
      entityId: input.targetId,
      committeeId: round.committeeId,
      summary: { roundId: input.roundId, planned, method, parties },
    });
    return rows;
  });
}

/** A revisit of the office's committee, locked for a change; done ones no longer change. */
async function loadRevisitForOffice(tx: Tx, actor: Actor, revisitId: string) {
  const [row] = await tx.select().from(revisits).where(eq(revisits.id, revisitId)).for("update");
  if (!row) throw new AppError("revisit.not_found");
  assertInCommittee(actor, ["officeStaff"], row.committeeId, "revisit.not_found");
  if (row.status === "done") throw new AppError("revisit.done");
  return row;
}

/** The office moves a planned revisit or changes how and with whom it is done. */
export async function updateRevisit(
  ctx: Ctx,
  revisitId: string,
  input: {
    plannedOn?: string | undefined;
    method?: RevisitMethod | undefined;
    parties?: RevisitParty[] | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadRevisitForOffice(tx, ctx.actor, revisitId);
    const change = {
      ...(input.plannedOn ? { plannedOn: input.plannedOn } : {}),
      ...(input.method ? { method: input.method } : {}),
      ...(input.parties ? { parties: [...new Set(input.parties)] } : {}),
    };
    const [row] = await tx
      .update(revisits)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(revisits.id, revisitId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "revisit.update",
      entity: "revisit",
      entityId: revisitId,
      committeeId: before.committeeId,
      summary: {
        from: { plannedOn: before.plannedOn, method: before.method, parties: before.parties },
        to: change,
      },
    });
    return row!;
  });
}

/**
 * The office records a revisit as done, with its date and conclusion; the closed problems of the
 * target in the round that the revisit found not really rectified are reopened (each with its
 * reason, through reopenFinding) and recorded on the revisit. All or nothing.
 */
export async function completeRevisit(
  ctx: Ctx,
  revisitId: string,
  input: { doneOn: string; conclusion: string; reopen?: { findingId: string; reason: string }[] | undefined },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const revisit = await loadRevisitForOffice(tx, ctx.actor, revisitId);
    if (input.doneOn > chinaDate(now)) throw new AppError("revisit.done_in_future");
    const reopen = input.reopen ?? [];
    const ids = [...new Set(reopen.map((r) => r.findingId))];
    if (ids.length !== reopen.length) throw new AppError("revisit.finding_invalid");
    if (ids.length) {
      const closed = await tx
        .select({ id: findings.id })
        .from(findings)
        .where(
          and(
            inArray(findings.id, ids),
            eq(findings.roundId, revisit.roundId),
            eq(findings.targetId, revisit.targetId),
            sql`${findings.closedAt} is not null`,
          ),
        );
      if (closed.length !== ids.length) throw new AppError("revisit.finding_invalid");
    }
    const inTx: Ctx = { db: tx as unknown as Db, actor: ctx.actor };
    for (const r of reopen) {
      await reopenFinding(inTx, r.findingId, { reason: `回访督查（第${revisit.sequence}次）：${r.reason}` });
    }
    const [row] = await tx
      .update(revisits)
      .set({
        status: "done",
        doneOn: input.doneOn,
        conclusion: input.conclusion,
        reopenedFindingIds: ids,
        updatedAt: new Date(),
      })
      .where(eq(revisits.id, revisitId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "revisit.complete",
      entity: "revisit",
      entityId: revisitId,
      committeeId: revisit.committeeId,
      summary: { doneOn: input.doneOn, conclusion: input.conclusion, reopened: ids },
    });
    return row!;
  });
}
