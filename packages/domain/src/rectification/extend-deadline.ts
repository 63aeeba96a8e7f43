import { deadlineExtensions, eq, measures } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { accountsWithRole, notify } from "../notifications/notify";
import { chinaDate } from "../work-items/due-date";
import { MY_PROGRESS_PATH } from "./close-out";
import { loadMeasureForChange } from "./load-measure";
import { planOf } from "./review-subject";

/**
 * The office extends a measure's deadline (延期), with a reason, once the plan has passed the joint
 * review (before that the target changes its own deadlines in the plan). The new deadline is later
 * than the old one and not before today; the measure's deadline changes, the extension is kept with
 * the old and new dates, the target's contact is told, and the escalation ladder holds until the new
 * deadline passes (a step is due only after the deadline it is counted from).
 */
export async function extendDeadline(
  ctx: Ctx,
  measureId: string,
  input: { deadline: string; reason: string },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const { measure, finding } = await loadMeasureForChange(tx, ctx.actor, measureId);
    assertInCommittee(ctx.actor, ["officeStaff"], finding.committeeId, "measure.not_found");
    if (finding.closedAt) throw new AppError("closeout.already_closed");
    const plan = finding.feedbackId ? await planOf(tx, finding.feedbackId) : undefined;
    if (plan?.status !== "passed") throw new AppError("measure.extension_plan_open");
    if (input.deadline <= measure.deadline) {
      throw new AppError("measure.extension_not_later", `新的整改时限须晚于原时限（${measure.deadline}）`);
    }
    if (input.deadline < chinaDate(now)) throw new AppError("measure.extension_in_past");
    const at = new Date();
    await tx
      .update(measures)
      .set({ deadline: input.deadline, updatedAt: at })
      .where(eq(measures.id, measureId));
    const [extension] = await tx
      .insert(deadlineExtensions)
      .values({
        committeeId: finding.committeeId,
        measureId,
        fromDeadline: measure.deadline,
        toDeadline: input.deadline,
        reason: input.reason,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    const contacts = await accountsWithRole(tx, finding.committeeId, "targetContact", {
      targetId: finding.targetId,
    });
    await notify(tx, contacts, {
      committeeId: finding.committeeId,
      kind: "measure.extended",
      title: `问题 ${finding.number} 的一项整改措施延期至 ${input.deadline}`,
      body: `${measure.content}\n原时限：${measure.deadline}\n延期理由：${input.reason}`,
      link: MY_PROGRESS_PATH,
      dedupeKey: `extension:${extension!.id}`,
    });
    await recordAudit(tx, ctx.actor, {
      action: "measure.extend",
      entity: "measure",
      entityId: measureId,
      committeeId: finding.committeeId,
      summary: { findingId: finding.id, from: measure.deadline, to: input.deadline, reason: input.reason },
    });
    return extension!;
  });
}
