import { and, eq, findings, groups, rounds, type SQL, type Tx, targets, tips } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { visibleFindings } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { chinaDate } from "../work-items/due-date";
import { tipAbilities, visibleTip } from "./tip-policy";

/** The visible tip locked for a change, with its round's status and the actor's abilities. */
async function lockTip(tx: Tx, ctx: Ctx, id: string) {
  const [tip] = await tx.select().from(tips).where(visibleTip(ctx.actor, id)).for("update");
  if (!tip) throw new AppError("tip.not_found");
  const [round] = await tx.select({ status: rounds.status }).from(rounds).where(eq(rounds.id, tip.roundId));
  return { tip, abilities: tipAbilities(ctx.actor, tip, round?.status === "open") };
}

/** The office routes a tip to a group of its round (or reroutes an undecided one). Audited. */
export async function routeTip(ctx: Ctx, id: string, input: { groupId: string }) {
  return ctx.db.transaction(async (tx) => {
    const { tip, abilities } = await lockTip(tx, ctx, id);
    if (!abilities.route) {
      throw tip.status === "new" || tip.status === "routed"
        ? new AppError("auth.forbidden")
        : new AppError("tip.decided");
    }
    const [group] = await tx
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(and(eq(groups.id, input.groupId), eq(groups.roundId, tip.roundId)));
    if (!group) throw new AppError("group.not_found");
    await tx.update(tips).set({ groupId: group.id, status: "routed" }).where(eq(tips.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "tip.route",
      entity: "tip",
      entityId: id,
      committeeId: tip.committeeId,
      summary: { groupId: group.id, from: tip.groupId },
    });
    return { groupId: group.id, groupName: group.name, status: "routed" as const };
  });
}

export type TipDecision =
  | {
      decision: "use";
      findingId?: string | undefined;
      note?: string | undefined;
      publicAnswer?: string | undefined;
    }
  | {
      decision: "handOver";
      targetId: string;
      deadline: string;
      note?: string | undefined;
      publicAnswer?: string | undefined;
    }
  | { decision: "file"; reason: string; publicAnswer?: string | undefined };

/**
 * The group (leader or deputy, while the round is open) or the office decides a routed tip: use it
 * (linked to a finding when there is one), hand it over (交办) to a party organization of the
 * committee with a deadline, or file it with a reason. Audited.
 */
export async function decideTip(ctx: Ctx, id: string, input: TipDecision) {
  return ctx.db.transaction(async (tx) => {
    const { tip, abilities } = await lockTip(tx, ctx, id);
    if (tip.status === "new") throw new AppError("tip.not_routed");
    if (tip.status !== "routed") throw new AppError("tip.decided");
    if (!abilities.decide) throw new AppError("auth.forbidden");
    const common = {
      decidedBy: ctx.actor.accountId,
      decidedOn: chinaDate(),
      publicAnswer: input.publicAnswer ?? "",
    };
    let set: Partial<typeof tips.$inferInsert>;
    if (input.decision === "use") {
      if (input.findingId) {
        const [finding] = await tx
          .select({ id: findings.id })
          .from(findings)
          .where(
            and(
              eq(findings.id, input.findingId),
              eq(findings.roundId, tip.roundId),
              visibleFindings(ctx.actor) as SQL,
            ),
          );
        if (!finding) throw new AppError("finding.not_found");
      }
      set = { status: "used", findingId: input.findingId ?? null, decisionNote: input.note ?? "" };
    } else if (input.decision === "handOver") {
      const [target] = await tx
        .select({ id: targets.id })
        .from(targets)
        .where(and(eq(targets.id, input.targetId), eq(targets.committeeId, tip.committeeId)));
      if (!target) throw new AppError("target.not_found");
      set = {
        status: "handedOver",
        handOverTargetId: target.id,
        handOverDeadline: input.deadline,
        decisionNote: input.note ?? "",
      };
    } else {
      set = { status: "filed", fileReason: input.reason };
    }
    await tx
      .update(tips)
      .set({ ...set, ...common })
      .where(eq(tips.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "tip.decide",
      entity: "tip",
      entityId: id,
      committeeId: tip.committeeId,
      summary: { ...input },
    });
    return { status: set.status! };
  });
}

/** Records the answer of the organization a tip was handed over to, and what the submitter reads. */
export async function recordHandOverAnswer(
  ctx: Ctx,
  id: string,
  input: { answer: string; answeredOn: string; publicAnswer?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const { tip, abilities } = await lockTip(tx, ctx, id);
    if (tip.status !== "handedOver") throw new AppError("tip.not_handed_over");
    if (!abilities.answer) throw new AppError("auth.forbidden");
    await tx
      .update(tips)
      .set({
        status: "answered",
        handOverAnswer: input.answer,
        handOverAnsweredOn: input.answeredOn,
        ...(input.publicAnswer !== undefined ? { publicAnswer: input.publicAnswer } : {}),
      })
      .where(eq(tips.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "tip.answer",
      entity: "tip",
      entityId: id,
      committeeId: tip.committeeId,
      summary: { answeredOn: input.answeredOn },
    });
    return { status: "answered" as const };
  });
}
