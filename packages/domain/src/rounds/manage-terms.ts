import { and, asc, count, eq, rounds, targets, termExclusions, termPlanEntries, terms } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { actingCommittee, COMMITTEE_READERS } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { type PlanLimits, planLimitsSchema, readPlanLimits } from "../planning/plan-limits";
import { findTermForOffice } from "../planning/term-scope";

export async function listTerms(ctx: Ctx) {
  const committeeId = actingCommittee(ctx.actor, COMMITTEE_READERS);
  return ctx.db.select().from(terms).where(eq(terms.committeeId, committeeId)).orderBy(asc(terms.startsOn));
}

/** Creates a term (届) of the office's committee. */
export async function createTerm(ctx: Ctx, input: { name: string; startsOn: string; endsOn: string }) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  if (input.endsOn < input.startsOn) throw new AppError("round.dates_invalid");
  return ctx.db.transaction(async (tx) => {
    const [term] = await tx
      .insert(terms)
      .values({ ...input, committeeId })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "term.create",
      entity: "term",
      entityId: term!.id,
      committeeId,
      summary: input,
    });
    return term!;
  });
}

/** The term plan's fields as the API shows them: limits read with their defaults. */
export const presentTermPlan = (term: typeof terms.$inferSelect) => ({
  id: term.id,
  committeeId: term.committeeId,
  name: term.name,
  startsOn: term.startsOn,
  endsOn: term.endsOn,
  plannedRounds: term.plannedRounds,
  planLimits: readPlanLimits(term.planLimits),
});

/**
 * Sets the term plan (巡察工作规划): the rounds it provides for (counting those held) and the
 * planner's limits. Rounds planned cannot be fewer than the rounds the term already has.
 */
export async function updateTermPlan(
  ctx: Ctx,
  termId: string,
  input: { plannedRounds?: number | undefined; planLimits?: PlanLimits | undefined },
) {
  const planLimits = input.planLimits === undefined ? undefined : planLimitsSchema.parse(input.planLimits);
  return ctx.db.transaction(async (tx) => {
    const term = await findTermForOffice(tx, ctx.actor, termId, true);
    if (input.plannedRounds !== undefined) {
      const [{ value: held } = { value: 0 }] = await tx
        .select({ value: count() })
        .from(rounds)
        .where(eq(rounds.termId, term.id));
      if (input.plannedRounds < Number(held)) {
        throw new AppError("request.invalid", `本届已有 ${held} 轮，规划轮数不能少于 ${held}`);
      }
    }
    const changes = {
      ...(input.plannedRounds !== undefined ? { plannedRounds: input.plannedRounds } : {}),
      ...(planLimits ? { planLimits } : {}),
    };
    const [updated] = await tx.update(terms).set(changes).where(eq(terms.id, term.id)).returning();
    await recordAudit(tx, ctx.actor, {
      action: "term.plan_update",
      entity: "term",
      entityId: term.id,
      committeeId: term.committeeId,
      summary: { from: { plannedRounds: term.plannedRounds, planLimits: term.planLimits }, to: changes },
    });
    return presentTermPlan(updated!);
  });
}

/** Leaves a target out of the term plan, with the reason (abolished, merged…); it no longer counts as uncovered. */
export async function excludeTargetFromTerm(
  ctx: Ctx,
  termId: string,
  input: { targetId: string; reason: string },
) {
  return ctx.db.transaction(async (tx) => {
    const term = await findTermForOffice(tx, ctx.actor, termId, true);
    const [target] = await tx
      .select({ id: targets.id, name: targets.name })
      .from(targets)
      .where(and(eq(targets.id, input.targetId), eq(targets.committeeId, term.committeeId)));
    if (!target) throw new AppError("target.not_found");
    await tx
      .insert(termExclusions)
      .values({ termId: term.id, targetId: target.id, committeeId: term.committeeId, reason: input.reason })
      .onConflictDoUpdate({
        target: [termExclusions.termId, termExclusions.targetId],
        set: { reason: input.reason },
      });
    // An excluded target has no place in the plan any more.
    await tx
      .delete(termPlanEntries)
      .where(and(eq(termPlanEntries.termId, term.id), eq(termPlanEntries.targetId, target.id)));
    await recordAudit(tx, ctx.actor, {
      action: "term.exclude_target",
      entity: "term",
      entityId: term.id,
      committeeId: term.committeeId,
      summary: { targetId: target.id, name: target.name, reason: input.reason },
    });
    return { termId: term.id, targetId: target.id, reason: input.reason };
  });
}

/** Takes an excluded target back into the term plan. */
export async function includeTargetInTerm(ctx: Ctx, termId: string, targetId: string) {
  return ctx.db.transaction(async (tx) => {
    const term = await findTermForOffice(tx, ctx.actor, termId, true);
    const removed = await tx
      .delete(termExclusions)
      .where(and(eq(termExclusions.termId, term.id), eq(termExclusions.targetId, targetId)))
      .returning();
    if (!removed.length) throw new AppError("target.not_found", "该对象未被排除");
    await recordAudit(tx, ctx.actor, {
      action: "term.include_target",
      entity: "term",
      entityId: term.id,
      committeeId: term.committeeId,
      summary: { targetId, reason: removed[0]!.reason },
    });
    return { termId: term.id, targetId };
  });
}
