import { and, asc, eq, groupTargets, rectificationEvaluations, rounds, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { loadSetting } from "../committee-settings/setting";
import { AppError } from "../model/errors";
import { evaluationSetting, type ScoredCriterion, scoreEvaluation } from "./effect-evaluation-rules";
import { loadRoundTargetForOffice } from "./revisits";

/**
 * Effect evaluation (整改成效评估): the office scores each target of a round on the committee's
 * criteria (rectification.evaluation); the total and grade are computed, never typed. The office and
 * the leading group read them; another committee's round is not found.
 */

/** The round's targets with their evaluation (null until scored), and the criteria to score on. */
export async function listRectificationEvaluations(ctx: Ctx, roundId: string) {
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, roundId));
  if (
    !round ||
    !committeesWhere(ctx.actor, ["leadership", "officeStaff"], "read").includes(round.committeeId)
  ) {
    throw new AppError("round.not_found");
  }
  const setting = (await loadSetting(ctx.db, round.committeeId, evaluationSetting)).value;
  const rows = await ctx.db
    .select({ targetId: targets.id, targetName: targets.name, evaluation: rectificationEvaluations })
    .from(groupTargets)
    .innerJoin(targets, eq(targets.id, groupTargets.targetId))
    .leftJoin(
      rectificationEvaluations,
      and(
        eq(rectificationEvaluations.roundId, groupTargets.roundId),
        eq(rectificationEvaluations.targetId, groupTargets.targetId),
      ),
    )
    .where(eq(groupTargets.roundId, roundId))
    .orderBy(asc(targets.name));
  const canScore = committeesWhere(ctx.actor, ["officeStaff"]).includes(round.committeeId);
  return {
    criteria: setting.criteria,
    thresholds: setting.thresholds,
    canScore,
    items: rows.map((r) => ({
      targetId: r.targetId,
      targetName: r.targetName,
      evaluation: r.evaluation
        ? {
            scores: r.evaluation.scores as ScoredCriterion[],
            total: Number(r.evaluation.total),
            grade: r.evaluation.grade,
            comment: r.evaluation.comment,
            updatedAt: r.evaluation.updatedAt,
          }
        : null,
    })),
  };
}

/** The office scores (or rescores) a target of a round; the previous scores are kept in the audit log. */
export async function evaluateRectification(
  ctx: Ctx,
  input: { roundId: string; targetId: string; scores: Record<string, number>; comment?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const { round } = await loadRoundTargetForOffice(tx, ctx.actor, input.roundId, input.targetId);
    const setting = (await loadSetting(tx, round.committeeId, evaluationSetting)).value;
    const { items, total, grade } = scoreEvaluation(setting, input.scores);
    const values = {
      scores: items,
      total: total.toFixed(2),
      grade,
      comment: input.comment ?? "",
      evaluatedBy: ctx.actor.accountId!,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(rectificationEvaluations)
      .values({ ...values, committeeId: round.committeeId, roundId: input.roundId, targetId: input.targetId })
      .onConflictDoUpdate({
        target: [rectificationEvaluations.roundId, rectificationEvaluations.targetId],
        set: values,
      })
      .returning({ id: rectificationEvaluations.id });
    await recordAudit(tx, ctx.actor, {
      action: "rectification_evaluation.score",
      entity: "rectification_evaluation",
      entityId: row!.id,
      committeeId: round.committeeId,
      summary: { roundId: input.roundId, targetId: input.targetId, scores: input.scores, total, grade },
    });
    return { id: row!.id, scores: items, total, grade, comment: values.comment };
  });
}
