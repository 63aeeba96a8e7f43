import { and, eq, workItems } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { loadDueContext } from "./due-context";
import { chinaDate } from "./due-date";
import { loadRound, presentWorkItem, queryWorkItems } from "./list-round-work-items";
import { canMarkWorkItem, visibleWorkItems, workItemScope } from "./work-item-access";

export interface MarkWorkItemInput {
  done: boolean;
  /** The day it was done; today by default, never in the future. */
  doneOn?: string | undefined;
  note?: string | undefined;
}

/**
 * Marks a work item done (date, by whom, note) or open again, by the owner's side (see
 * canMarkWorkItem). An item the actor cannot see is not found; one they see but do not own is
 * forbidden; a closed round's items no longer change.
 */
export async function markWorkItem(ctx: Ctx, itemId: string, input: MarkWorkItemInput, today = chinaDate()) {
  if (input.doneOn && input.doneOn > today) throw new AppError("work_item.done_in_future");
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx.select().from(workItems).where(eq(workItems.id, itemId)).for("update");
    if (!item) throw new AppError("work_item.not_found");
    const round = await loadRound(tx, item.roundId);
    const scope = await workItemScope(tx, ctx.actor, round);
    const [visible] = scope
      ? await queryWorkItems(tx, and(eq(workItems.id, item.id), visibleWorkItems(scope)))
      : [];
    if (!scope || !visible) throw new AppError("work_item.not_found");
    if (round.status === "closed") throw new AppError("round.closed");
    if (!canMarkWorkItem(ctx.actor, scope, item)) throw new AppError("work_item.forbidden");
    const note = input.note ?? item.note;
    const set = input.done
      ? { doneOn: input.doneOn ?? today, doneBy: ctx.actor.accountId, note }
      : { doneOn: null, doneBy: null, note };
    await tx.update(workItems).set(set).where(eq(workItems.id, item.id));
    await recordAudit(tx, ctx.actor, {
      action: input.done ? "work_item.done" : "work_item.reopen",
      entity: "workItem",
      entityId: item.id,
      committeeId: item.committeeId,
      summary: {
        roundId: item.roundId,
        code: item.code,
        title: item.title,
        groupId: item.groupId,
        targetId: item.targetId,
        from: { doneOn: item.doneOn, note: item.note },
        to: { doneOn: set.doneOn, note },
      },
    });
    const [row] = await queryWorkItems(tx, eq(workItems.id, item.id));
    return presentWorkItem(row!, await loadDueContext(tx, [item.roundId]), today, true);
  });
}
