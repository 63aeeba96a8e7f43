import { desc, eq, measures, progressFiles, progressUpdates, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { loadFindingForChange } from "../findings/load-finding";
import type { Completion } from "../model/enums";
import { AppError } from "../model/errors";
import { chinaDate } from "../work-items/due-date";
import { notifyIfReadyForCloseOut } from "./close-out";
import { loadMeasureForChange } from "./load-measure";
import { assertPlanEditable } from "./review-subject";

export interface MeasureInput {
  content: string;
  goal?: string | undefined;
  responsibleLeader?: string | undefined;
  responsibleDept?: string | undefined;
  responsiblePerson: string;
  deadline: string;
  longTerm?: boolean | undefined;
}

/** The contact changes only a fed-back, open finding of its own target. */
function assertContactMayChange(
  actor: Actor,
  finding: { targetId: string; feedbackId: string | null; closedAt: Date | null },
) {
  if (!contactTargetIds(actor).includes(finding.targetId)) throw new AppError("auth.forbidden");
  if (!finding.feedbackId) throw new AppError("measure.finding_not_fed_back");
  if (finding.closedAt) throw new AppError("closeout.already_closed");
}

/** A fed-back, open finding of the contact's own target. */
async function loadForContact(tx: Tx, actor: Actor, findingId: string) {
  const finding = await loadFindingForChange(tx, actor, findingId);
  assertContactMayChange(actor, finding);
  return finding;
}

/** The target's contact adds a rectification measure to a fed-back problem. */
export async function addMeasure(ctx: Ctx, findingId: string, input: MeasureInput) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadForContact(tx, ctx.actor, findingId);
    // A plan under joint review or passed is frozen (issue 5).
    await assertPlanEditable(tx, finding.feedbackId!);
    const [measure] = await tx
      .insert(measures)
      .values({
        ...input,
        goal: input.goal ?? "",
        responsibleLeader: input.responsibleLeader ?? "",
        responsibleDept: input.responsibleDept ?? "",
        longTerm: input.longTerm ?? false,
        committeeId: finding.committeeId,
        findingId,
        targetId: finding.targetId,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "measure.create",
      entity: "measure",
      entityId: measure!.id,
      committeeId: finding.committeeId,
      summary: { findingId, ...input },
    });
    return measure!;
  });
}

/** The contact reports dated progress on a measure, with evidence; earlier updates are kept. */
export async function reportProgress(
  ctx: Ctx,
  measureId: string,
  input: { reportedOn: string; content: string; completion: Completion; fileIds?: string[] | undefined },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const { measure, finding } = await loadMeasureForChange(tx, ctx.actor, measureId);
    assertContactMayChange(ctx.actor, finding);
    // The latest update (by date) is the measure's standing, so dates only move forward: an update
    // dated before the last one would be outranked by it, and one dated ahead would hide later ones.
    if (input.reportedOn > chinaDate(now)) throw new AppError("progress.date_in_future");
    const [latest] = await tx
      .select({ reportedOn: progressUpdates.reportedOn })
      .from(progressUpdates)
      .where(eq(progressUpdates.measureId, measureId))
      .orderBy(desc(progressUpdates.reportedOn))
      .limit(1);
    if (latest && input.reportedOn < latest.reportedOn) {
      throw new AppError(
        "progress.date_before_latest",
        `进展日期不能早于该措施上一次报送的日期（${latest.reportedOn}）`,
      );
    }
    const [update] = await tx
      .insert(progressUpdates)
      .values({
        measureId,
        committeeId: measure.committeeId,
        reportedOn: input.reportedOn,
        content: input.content,
        completion: input.completion,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    const fileIds = await claimFiles(tx, ctx.actor, input.fileIds ?? []);
    if (fileIds.length) {
      await tx
        .insert(progressFiles)
        .values(fileIds.map((fileId) => ({ progressUpdateId: update!.id, fileId })));
    }
    await recordAudit(tx, ctx.actor, {
      action: "measure.progress",
      entity: "measure",
      entityId: measureId,
      committeeId: measure.committeeId,
      summary: { reportedOn: input.reportedOn, completion: input.completion, files: fileIds.length },
    });
    if (input.completion === "done") await notifyIfReadyForCloseOut(tx, finding, chinaDate(now));
    return update!;
  });
}
