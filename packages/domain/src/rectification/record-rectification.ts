import {
  closeOuts,
  eq,
  findings,
  measures,
  progressFiles,
  progressUpdates,
  queryRows,
  sql,
  type Tx,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { assertInCommittee, contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { loadFindingForChange } from "../findings/load-finding";
import type { Completion } from "../model/enums";
import { AppError } from "../model/errors";
import { assertPlanEditable } from "./review-subject";
import { todayIso } from "./ledger";
import { rectificationState } from "./rectification-state";

export interface MeasureInput {
  content: string;
  goal?: string | undefined;
  responsibleLeader?: string | undefined;
  responsibleDept?: string | undefined;
  responsiblePerson: string;
  deadline: string;
  longTerm?: boolean | undefined;
}

/** A fed-back, open finding of the contact's own target. */
async function loadForContact(tx: Tx, actor: Actor, findingId: string) {
  const finding = await loadFindingForChange(tx, actor, findingId);
  if (!contactTargetIds(actor).includes(finding.targetId)) throw new AppError("auth.forbidden");
  if (!finding.feedbackId) throw new AppError("measure.finding_not_fed_back");
  if (finding.closedAt) throw new AppError("closeout.already_closed");
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
) {
  return ctx.db.transaction(async (tx) => {
    const [measure] = await tx.select().from(measures).where(eq(measures.id, measureId));
    if (!measure) throw new AppError("measure.not_found");
    try {
      await loadForContact(tx, ctx.actor, measure.findingId);
    } catch (e) {
      if (e instanceof AppError && e.code === "finding.not_found") throw new AppError("measure.not_found");
      throw e;
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
    return update!;
  });
}

/** The current state of a finding's rectification, from its measures' latest updates. */
async function stateOf(tx: Tx, finding: { id: string; closedAt: Date | null }) {
  const rows = await queryRows<{ deadline: string; latest: Completion | null }>(
    tx,
    sql`select m.deadline::text as deadline,
          (select p.completion from progress_updates p where p.measure_id = m.id
            order by p.reported_on desc, p.created_at desc limit 1) as latest
        from measures m where m.finding_id = ${finding.id}`,
  );
  const measureProgress = rows.map((r) => ({ deadline: r.deadline, latest: r.latest ?? undefined }));
  return rectificationState(finding.closedAt !== null, measureProgress, todayIso());
}

/** The office closes out (销号) a problem whose measures are all reported done. */
export async function closeOut(ctx: Ctx, findingId: string, input: { note?: string | undefined }) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    assertInCommittee(ctx.actor, ["officeStaff"], finding.committeeId, "finding.not_found");
    if (!finding.feedbackId) throw new AppError("measure.finding_not_fed_back");
    if (finding.closedAt) throw new AppError("closeout.already_closed");
    if ((await stateOf(tx, finding)) !== "reported") throw new AppError("closeout.not_ready");
    const now = new Date();
    await tx.insert(closeOuts).values({
      committeeId: finding.committeeId,
      findingId,
      action: "close",
      reason: input.note ?? "",
      actorId: ctx.actor.accountId!,
    });
    await tx.update(findings).set({ closedAt: now, updatedAt: now }).where(eq(findings.id, findingId));
    await recordAudit(tx, ctx.actor, {
      action: "finding.close_out",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
      summary: { note: input.note ?? "" },
    });
  });
}

/** The office reopens a closed problem, with a reason. */
export async function reopenFinding(ctx: Ctx, findingId: string, input: { reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    assertInCommittee(ctx.actor, ["officeStaff"], finding.committeeId, "finding.not_found");
    if (!finding.closedAt) throw new AppError("closeout.not_closed");
    await tx.insert(closeOuts).values({
      committeeId: finding.committeeId,
      findingId,
      action: "reopen",
      reason: input.reason,
      actorId: ctx.actor.accountId!,
    });
    await tx
      .update(findings)
      .set({ closedAt: null, updatedAt: new Date() })
      .where(eq(findings.id, findingId));
    await recordAudit(tx, ctx.actor, {
      action: "finding.reopen",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
      summary: { reason: input.reason },
    });
  });
}
