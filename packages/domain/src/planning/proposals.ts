import {
  and,
  committees,
  desc,
  eq,
  inArray,
  people,
  planProposals,
  sql,
  type Tx,
  targets,
  termPlanEntries,
  terms,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { assignTargets } from "../rounds/manage-groups";
import { groupName } from "../rounds/round-name";
import { checkPlan } from "./check-plan";
import { loadPlanInput } from "./load-plan-input";
import { type PlanLimits, planLimitsSchema, readPlanLimits } from "./plan-limits";
import { type PlanEntry, type PlanGroup, type PlannerInput, planCoverage, type Shortfall } from "./planner";
import { findReadableTerm, findTermForOffice, planReadableCommittees } from "./term-scope";

type ProposalRow = typeof planProposals.$inferSelect;
export type ProposalStatus = "proposed" | "accepted" | "rejected";

const entriesOf = (row: ProposalRow) => row.entries as PlanEntry[];
const groupsOf = (row: ProposalRow) => row.groups as PlanGroup[];
/** The planner's shortfall, plus the targets the office took out of the proposal. */
type StoredShortfall = Shortfall & { droppedTargetIds?: string[] };
const shortfallOf = (row: ProposalRow) => row.shortfall as StoredShortfall;

/** The proposal with target and people names, for the page. */
async function presentProposal(tx: Tx, row: ProposalRow) {
  const entries = entriesOf(row);
  const groups = groupsOf(row);
  const shortfall = shortfallOf(row);
  const targetIds = [...new Set([...entries.map((e) => e.targetId), ...shortfall.unplacedTargetIds])];
  const personIds = [...new Set(groups.flatMap((g) => g.personIds))];
  const [targetRows, personRows] = await Promise.all([
    targetIds.length
      ? tx
          .select({ id: targets.id, name: targets.name, category: targets.category, sector: targets.sector })
          .from(targets)
          .where(and(eq(targets.committeeId, row.committeeId), inArray(targets.id, targetIds)))
      : [],
    personIds.length
      ? tx
          .select({ id: people.id, name: people.name, pool: people.pool })
          .from(people)
          .where(and(eq(people.committeeId, row.committeeId), inArray(people.id, personIds)))
      : [],
  ]);
  const target = new Map(targetRows.map((t) => [t.id, t]));
  const person = new Map(personRows.map((p) => [p.id, p]));
  const named = (id: string) => ({ id, name: person.get(id)?.name ?? "" });
  return {
    id: row.id,
    termId: row.termId,
    committeeId: row.committeeId,
    status: row.status as ProposalStatus,
    limits: readPlanLimits(row.limits),
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    groups: groups.map((g) => ({
      ...g,
      name: groupName(g.groupNumber),
      leader: g.leaderId ? named(g.leaderId) : null,
      members: g.memberIds.map(named),
      people: g.personIds.map(named),
      targets: entries
        .filter((e) => e.roundNumber === g.roundNumber && e.groupNumber === g.groupNumber)
        .map((e) => ({
          id: e.targetId,
          name: target.get(e.targetId)?.name ?? "",
          category: target.get(e.targetId)?.category ?? "",
        })),
    })),
    entries: entries.map((e) => ({
      ...e,
      targetName: target.get(e.targetId)?.name ?? "",
      category: target.get(e.targetId)?.category ?? "",
    })),
    shortfall: {
      ...shortfall,
      unplaced: shortfall.unplacedTargetIds.map((id) => ({ id, name: target.get(id)?.name ?? "" })),
    },
  };
}

async function findProposal(tx: Tx, ctx: Ctx, id: string, forOffice: boolean) {
  const committeeIds = forOffice
    ? ctx.actor.grants.filter((g) => g.role === "officeStaff" && !g.readOnly).map((g) => g.committeeId ?? "")
    : await planReadableCommittees(tx, ctx.actor);
  if (!committeeIds.length) throw new AppError("proposal.not_found");
  const query = tx
    .select()
    .from(planProposals)
    .where(and(eq(planProposals.id, id), inArray(planProposals.committeeId, committeeIds)));
  const [row] = forOffice ? await query.for("update") : await query;
  if (!row) throw new AppError("proposal.not_found");
  return row;
}

const unplacedOf = (input: PlannerInput, entries: readonly PlanEntry[]) => {
  const placed = new Set(entries.map((e) => e.targetId));
  return input.targets.filter((t) => t.status === "open" && !placed.has(t.id)).map((t) => t.id);
};

/**
 * Asks the planner for a proposal from the term's records (targets, exclusions, coverage, the
 * pools, recusal facts) with the term's limits or those given (which are then saved on the term).
 * Nothing is assigned: the proposal waits for the office to accept, edit or reject it.
 */
export async function createProposal(
  ctx: Ctx,
  termId: string,
  input: { limits?: PlanLimits | undefined } = {},
) {
  return ctx.db.transaction(async (tx) => {
    const term = await findTermForOffice(tx, ctx.actor, termId, true);
    const limits = input.limits ? planLimitsSchema.parse(input.limits) : readPlanLimits(term.planLimits);
    if (input.limits) await tx.update(terms).set({ planLimits: limits }).where(eq(terms.id, term.id));
    const plannerInput = await loadPlanInput(tx, term, limits);
    const plan = planCoverage(plannerInput);
    const [row] = await tx
      .insert(planProposals)
      .values({
        committeeId: term.committeeId,
        termId: term.id,
        status: "proposed",
        limits,
        entries: plan.entries,
        groups: plan.groups,
        shortfall: plan.shortfall,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "plan.propose",
      entity: "planProposal",
      entityId: row!.id,
      committeeId: term.committeeId,
      summary: {
        termId: term.id,
        limits,
        entries: plan.entries.length,
        groups: plan.groups.length,
        shortfall: plan.shortfall.count,
      },
    });
    return presentProposal(tx, row!);
  });
}

/** The term's proposals, newest first, with their shortfall statement. */
export async function listProposals(ctx: Ctx, termId: string) {
  const term = await findReadableTerm(ctx.db, ctx.actor, termId);
  const rows = await ctx.db
    .select({
      id: planProposals.id,
      status: planProposals.status,
      createdAt: planProposals.createdAt,
      decidedAt: planProposals.decidedAt,
      entries: sql<number>`jsonb_array_length(${planProposals.entries})`,
      shortfallCount: sql<number>`(${planProposals.shortfall} ->> 'count')::int`,
      statement: sql<string>`${planProposals.shortfall} ->> 'statement'`,
    })
    .from(planProposals)
    .where(eq(planProposals.termId, term.id))
    .orderBy(desc(planProposals.createdAt));
  return rows.map((r) => ({ ...r, entries: Number(r.entries), shortfallCount: Number(r.shortfallCount) }));
}

export async function getProposal(ctx: Ctx, id: string) {
  const row = await findProposal(ctx.db, ctx, id, false);
  return presentProposal(ctx.db, row);
}

export interface ProposalEdit {
  /** Targets to move to a group of the proposal (round and group numbers); an unplaced open target is added. */
  moves?: { targetId: string; roundNumber: number; groupNumber: number }[] | undefined;
  /** Targets to take out of the proposal. */
  drops?: string[] | undefined;
}

/** The statement after the office's edits: the planner's reasons, plus what the office took out. */
function editedShortfall(
  before: StoredShortfall,
  unplaced: string[],
  droppedTargetIds: string[],
): StoredShortfall {
  if (!unplaced.length) {
    return {
      ...before,
      count: 0,
      unplacedTargetIds: [],
      reasons: [],
      droppedTargetIds,
      statement: `剩余 ${before.plannable} 个对象均已安排，本届可以实现全覆盖`,
    };
  }
  const reasons = before.reasons;
  const manual = droppedTargetIds.length ? `${droppedTargetIds.length} 个对象由巡察办移出方案` : "";
  const parts = [...reasons.map((r) => r.message), ...(manual ? [manual] : [])];
  return {
    ...before,
    count: unplaced.length,
    unplacedTargetIds: unplaced,
    reasons,
    droppedTargetIds,
    statement: `${unplaced.length} 个对象无法在本届覆盖：${parts.join("；") || "方案经调整后未安排"}`,
  };
}

/**
 * Edits a proposal still open: moves targets to other groups of the proposal (or puts a target the
 * proposal left out, or the office dropped, into one of its groups), or drops them. The
 * result is checked again against the term's current records (limits, sectors, recusal…); a plan
 * that breaks a rule is refused with every violation.
 */
export async function editProposal(ctx: Ctx, id: string, edit: ProposalEdit) {
  return ctx.db.transaction(async (tx) => {
    const row = await findProposal(tx, ctx, id, true);
    if (row.status !== "proposed") throw new AppError("proposal.decided");
    const [term] = await tx.select().from(terms).where(eq(terms.id, row.termId));
    const entries = entriesOf(row);
    const input = await loadPlanInput(tx, term!, readPlanLimits(row.limits));
    const placed = new Set(entries.map((e) => e.targetId));
    // A move may also bring in a target the proposal left out (or the office dropped), as long as
    // it still needs inspecting this term.
    const open = new Set(unplacedOf(input, entries));
    for (const m of edit.moves ?? []) {
      if (!placed.has(m.targetId) && !open.has(m.targetId)) {
        throw new AppError("target.not_found", "该对象不在方案中，也不是本届待安排的对象");
      }
    }
    for (const t of edit.drops ?? []) {
      if (!placed.has(t)) throw new AppError("target.not_found", "该对象不在方案中");
    }
    const drops = new Set(edit.drops ?? []);
    const moves = new Map((edit.moves ?? []).map((m) => [m.targetId, m]));
    const groups = groupsOf(row);
    const slotOf = (targetId: string, m: { roundNumber: number; groupNumber: number }): PlanEntry => {
      const g = groups.find((x) => x.roundNumber === m.roundNumber && x.groupNumber === m.groupNumber);
      if (!g) throw new AppError("plan.invalid", `第${m.roundNumber}轮第${m.groupNumber}组不在方案中`);
      return {
        roundNumber: g.roundNumber,
        groupNumber: g.groupNumber,
        targetId,
        ...(g.roundId ? { roundId: g.roundId } : {}),
        ...(g.groupId ? { groupId: g.groupId } : {}),
      };
    };
    const next: PlanEntry[] = [
      ...entries
        .filter((e) => !drops.has(e.targetId))
        .map((e) => {
          const m = moves.get(e.targetId);
          return m ? slotOf(e.targetId, m) : e;
        }),
      ...[...moves.values()].filter((m) => !placed.has(m.targetId)).map((m) => slotOf(m.targetId, m)),
    ];
    const violations = checkPlan(input, { entries: next, groups });
    if (violations.length) {
      throw new AppError("plan.invalid", violations.map((v) => v.message).join("；"), { violations });
    }
    const before = shortfallOf(row);
    const dropped = [...new Set([...(before.droppedTargetIds ?? []), ...drops])].filter((t) => !moves.has(t));
    const shortfall = editedShortfall(before, unplacedOf(input, next), dropped);
    const [updated] = await tx
      .update(planProposals)
      .set({ entries: next, shortfall })
      .where(eq(planProposals.id, row.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "plan.edit",
      entity: "planProposal",
      entityId: row.id,
      committeeId: row.committeeId,
      summary: { moves: edit.moves ?? [], drops: edit.drops ?? [] },
    });
    return presentProposal(tx, updated!);
  });
}

/**
 * Accepts a proposal: it becomes the term's plan (term_plan_entries, replacing the previous plan),
 * and targets placed in groups formed already are assigned to them through the rounds module's
 * assignTargets (the same checks as assigning by hand). The plan is checked again first.
 */
export async function acceptProposal(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await findProposal(tx, ctx, id, true);
    if (row.status !== "proposed") throw new AppError("proposal.decided");
    const [term] = await tx.select().from(terms).where(eq(terms.id, row.termId)).for("update");
    const entries = entriesOf(row);
    const input = await loadPlanInput(tx, term!, readPlanLimits(row.limits));
    const violations = checkPlan(input, { entries, groups: groupsOf(row) });
    if (violations.length) {
      throw new AppError(
        "plan.invalid",
        `方案已不符合当前情况，请重新生成：${violations.map((v) => v.message).join("；")}`,
        { violations },
      );
    }
    await tx.delete(termPlanEntries).where(eq(termPlanEntries.termId, term!.id));
    if (entries.length) {
      const col = <T>(pick: (e: PlanEntry) => T) => sql.param(entries.map(pick));
      await tx.execute(sql`
        insert into ${termPlanEntries} (term_id, target_id, committee_id, round_number, group_number, proposal_id)
        select ${term!.id}::uuid, e.target_id, ${row.committeeId}::uuid, e.round_number, e.group_number, ${row.id}::uuid
        from unnest(${col((e) => e.targetId)}::uuid[], ${col((e) => e.roundNumber)}::int[], ${col((e) => e.groupNumber)}::int[])
          as e(target_id, round_number, group_number)`);
    }
    const byGroup = new Map<string, string[]>();
    for (const e of entries)
      if (e.groupId) byGroup.set(e.groupId, [...(byGroup.get(e.groupId) ?? []), e.targetId]);
    const inTx: Ctx = { db: tx as Ctx["db"], actor: ctx.actor };
    let assigned = 0;
    for (const [groupId, targetIds] of [...byGroup].sort(([a], [b]) => (a < b ? -1 : 1))) {
      assigned += (await assignTargets(inTx, groupId, { targetIds })).assigned;
    }
    const [updated] = await tx
      .update(planProposals)
      .set({ status: "accepted", decidedBy: ctx.actor.accountId, decidedAt: new Date() })
      .where(eq(planProposals.id, row.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "plan.accept",
      entity: "planProposal",
      entityId: row.id,
      committeeId: row.committeeId,
      summary: { termId: row.termId, entries: entries.length, assigned },
    });
    return presentProposal(tx, updated!);
  });
}

/** Rejects a proposal: nothing of it is kept in the plan. */
export async function rejectProposal(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await findProposal(tx, ctx, id, true);
    if (row.status !== "proposed") throw new AppError("proposal.decided");
    const [updated] = await tx
      .update(planProposals)
      .set({ status: "rejected", decidedBy: ctx.actor.accountId, decidedAt: new Date() })
      .where(eq(planProposals.id, row.id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "plan.reject",
      entity: "planProposal",
      entityId: row.id,
      committeeId: row.committeeId,
      summary: { termId: row.termId },
    });
    return presentProposal(tx, updated!);
  });
}

/** Terms the actor may plan or read, with their plan fields and committee. */
export async function listPlanTerms(ctx: Ctx) {
  const ids = await planReadableCommittees(ctx.db, ctx.actor);
  if (!ids.length) throw new AppError("auth.forbidden");
  const rows = await ctx.db
    .select({ term: terms, committeeName: committees.name })
    .from(terms)
    .innerJoin(committees, eq(committees.id, terms.committeeId))
    .where(inArray(terms.committeeId, ids))
    .orderBy(desc(terms.startsOn), committees.name);
  const office = new Set(
    ctx.actor.grants.filter((g) => g.role === "officeStaff" && !g.readOnly).map((g) => g.committeeId),
  );
  // The upper level reads the terms of several committees, often named alike (十五届县委):
  // the committee's name tells them apart.
  return rows.map(({ term: t, committeeName }) => ({
    id: t.id,
    committeeId: t.committeeId,
    committeeName,
    name: t.name,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    plannedRounds: t.plannedRounds,
    planLimits: readPlanLimits(t.planLimits),
    canPlan: office.has(t.committeeId),
  }));
}
