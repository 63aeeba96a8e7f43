import { count, eq, findings, measures, progressUpdates, reviewSubjects, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import type { Completion } from "../model/enums";
import { AppError } from "../model/errors";
import { getSubject } from "./present-subject";
import {
  assertPlanEditable,
  isEditableStatus,
  liveMeasures,
  loadSubjectForContact,
  lockSubject,
  type PlanDraftJson,
  type ReportDraftJson,
  touchSubject,
} from "./review-subject";

export interface MeasurePatch {
  content?: string | undefined;
  goal?: string | undefined;
  responsibleLeader?: string | undefined;
  responsibleDept?: string | undefined;
  responsiblePerson?: string | undefined;
  deadline?: string | undefined;
  longTerm?: boolean | undefined;
  position?: number | undefined;
}

/** A measure of the contact's own target, locked, whose finding is fed back and open; else not found. */
async function measureForContact(tx: Tx, actor: Actor, measureId: string) {
  const [row] = await tx
    .select({ measure: measures, feedbackId: findings.feedbackId, closedAt: findings.closedAt })
    .from(measures)
    .innerJoin(findings, eq(findings.id, measures.findingId))
    .where(eq(measures.id, measureId))
    .for("update", { of: measures });
  if (!row?.feedbackId || !contactTargetIds(actor).includes(row.measure.targetId))
    throw new AppError("measure.not_found");
  if (row.closedAt) throw new AppError("closeout.already_closed");
  return { ...row.measure, feedbackId: row.feedbackId };
}

/**
 * The contact changes a measure of its plan while the plan is a draft or returned. The measure keeps
 * its id, so the next version's diff shows it as changed.
 */
export async function updateMeasure(ctx: Ctx, measureId: string, patch: MeasurePatch) {
  return ctx.db.transaction(async (tx) => {
    const measure = await measureForContact(tx, ctx.actor, measureId);
    const plan = await assertPlanEditable(tx, measure.feedbackId);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const [updated] = await tx
      .update(measures)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(measures.id, measureId))
      .returning();
    await touchSubject(tx, plan?.id);
    await recordAudit(tx, ctx.actor, {
      action: "measure.update",
      entity: "measure",
      entityId: measureId,
      committeeId: measure.committeeId,
      summary: changes,
    });
    return updated!;
  });
}

/** The contact deletes a measure of its plan while the plan is a draft or returned (never one with progress). */
export async function deleteMeasure(ctx: Ctx, measureId: string) {
  return ctx.db.transaction(async (tx) => {
    const measure = await measureForContact(tx, ctx.actor, measureId);
    const plan = await assertPlanEditable(tx, measure.feedbackId);
    const [progress] = await tx
      .select({ n: count() })
      .from(progressUpdates)
      .where(eq(progressUpdates.measureId, measureId));
    if (Number(progress?.n ?? 0) > 0) throw new AppError("measure.has_progress");
    await tx.delete(measures).where(eq(measures.id, measureId));
    await touchSubject(tx, plan?.id);
    await recordAudit(tx, ctx.actor, {
      action: "measure.delete",
      entity: "measure",
      entityId: measureId,
      committeeId: measure.committeeId,
      summary: { findingId: measure.findingId, content: measure.content },
    });
    return { ok: true as const };
  });
}

export type DraftInput =
  | { summary: string }
  | { text: string; entries: Record<string, { progress: string; completion: Completion }> };

/**
 * The contact saves the draft of a subject: a plan's summary, or a report's text and entries per
 * measure (each a live measure of the feedback's findings). Only while a draft or returned.
 */
export async function saveDraft(ctx: Ctx, subjectId: string, input: DraftInput) {
  await ctx.db.transaction(async (tx) => {
    const found = await loadSubjectForContact(tx, ctx.actor, subjectId);
    await lockSubject(tx, subjectId);
    const [subject] = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.id, subjectId));
    if (!subject || !isEditableStatus(subject.status)) throw new AppError("review_subject.not_editable");
    let draft: PlanDraftJson | ReportDraftJson;
    if (found.kind === "plan") {
      if (!("summary" in input))
        throw new AppError("request.invalid", "整改方案的草稿须填写 summary（总体说明）");
      draft = { ...(subject.draft as PlanDraftJson), summary: input.summary };
    } else {
      if (!("text" in input)) throw new AppError("request.invalid", "整改报告的草稿须填写 text 和 entries");
      const live = new Set((await liveMeasures(tx, subject.feedbackId)).map((m) => m.id));
      const unknown = Object.keys(input.entries).filter((id) => !live.has(id));
      if (unknown.length)
        throw new AppError("review_subject.entry_unknown", undefined, { measureIds: unknown });
      const before = subject.draft as ReportDraftJson;
      draft = { ...before, text: input.text, entries: { ...(before.entries ?? {}), ...input.entries } };
    }
    await tx
      .update(reviewSubjects)
      .set({ draft, updatedAt: new Date() })
      .where(eq(reviewSubjects.id, subjectId));
    await recordAudit(tx, ctx.actor, {
      action: "review_subject.draft",
      entity: "review_subject",
      entityId: subjectId,
      committeeId: subject.committeeId,
      summary:
        "summary" in input
          ? { summary: input.summary.slice(0, 200) }
          : { text: input.text.slice(0, 200), entries: Object.keys(input.entries).length },
    });
  });
  return getSubject(ctx, subjectId);
}
