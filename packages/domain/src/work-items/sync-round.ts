import type { Ctx } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { loadRound } from "./list-round-work-items";
import { syncRoundWorkItems } from "./sync-work-items";

/** The office brings a round's work items up to date with its groups, targets and checklist. */
export async function syncWorkItems(ctx: Ctx, roundId: string) {
  return ctx.db.transaction(async (tx) => {
    const round = await loadRound(tx, roundId);
    assertInCommittee(ctx.actor, ["officeStaff"], round.committeeId, "round.not_found");
    if (round.status === "closed") throw new AppError("round.closed");
    const result = await syncRoundWorkItems(tx, round.id);
    await recordAudit(tx, ctx.actor, {
      action: "work_item.sync",
      entity: "round",
      entityId: round.id,
      committeeId: round.committeeId,
      summary: result,
    });
    return result;
  });
}
