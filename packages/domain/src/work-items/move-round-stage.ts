import { and, eq, inArray, isNull, rounds, workItems } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { ROUND_STAGES, type RoundStage } from "../model/enums";
import { AppError } from "../model/errors";
import { syncRoundWorkItems } from "./sync-work-items";

/** The open items of the stages before `stage`: what a move to it leaves behind. */
export async function openItemsBefore(
  tx: Parameters<typeof syncRoundWorkItems>[0],
  roundId: string,
  stage: RoundStage,
) {
  const earlier = ROUND_STAGES.keys.slice(0, ROUND_STAGES.keys.indexOf(stage));
  if (!earlier.length) return [];
  return tx
    .select({ id: workItems.id, stage: workItems.stage, code: workItems.code, title: workItems.title })
    .from(workItems)
    .where(and(eq(workItems.roundId, roundId), isNull(workItems.doneOn), inArray(workItems.stage, earlier)))
    .orderBy(workItems.position);
}

/**
 * Moves a round to another stage (office). Moving on while items of the stages left behind are
 * still open is allowed, but only once the user has seen them: without `confirmOpenItems` the move
 * is refused with the list (round.stage_open_items, 409). The audit entry records who moved it and
 * how many items were open.
 */
export async function moveRoundStage(
  ctx: Ctx,
  roundId: string,
  input: { stage: RoundStage; confirmOpenItems?: boolean | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for("update");
    if (!round) throw new AppError("round.not_found");
    assertInCommittee(ctx.actor, ["officeStaff"], round.committeeId, "round.not_found");
    if (round.status === "closed") throw new AppError("round.closed");
    const forward =
      ROUND_STAGES.keys.indexOf(input.stage) > ROUND_STAGES.keys.indexOf(round.stage as RoundStage);
    const open = forward ? await openItemsBefore(tx, round.id, input.stage) : [];
    if (open.length && !input.confirmOpenItems) {
      throw new AppError(
        "round.stage_open_items",
        `还有 ${open.length} 项工作事项未完成，确认后仍可进入下一阶段`,
        {
          openItems: open.map((i) => ({ ...i, stageLabel: ROUND_STAGES.labels[i.stage as RoundStage] })),
        },
      );
    }
    if (input.stage !== round.stage) {
      await tx.update(rounds).set({ stage: input.stage }).where(eq(rounds.id, round.id));
    }
    await syncRoundWorkItems(tx, round.id);
    await recordAudit(tx, ctx.actor, {
      action: "round.stage",
      entity: "round",
      entityId: round.id,
      committeeId: round.committeeId,
      summary: {
        from: round.stage,
        to: input.stage,
        openItems: open.length,
        openCodes: open.map((i) => i.code).slice(0, 100),
      },
    });
    return { id: round.id, stage: input.stage, openItemsLeft: open.length };
  });
}
