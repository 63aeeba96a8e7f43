import { and, desc, eq, feedbacks, queryRows, reviewSubjects, sql, type Tx, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { deadlinesSetting } from "../committee-settings/deadlines";
import { loadSetting } from "../committee-settings/setting";
import type { Completion } from "../model/enums";
import { AppError } from "../model/errors";
import { rectificationDueDates } from "./escalation";
import { getSubject } from "./present-subject";
import { liveMeasures, planOf, type ReportEntry } from "./review-subject";

/** A feedback of the contact's own target; not found for anyone else. */
async function feedbackForContact(tx: Tx, ctx: Ctx, feedbackId: string) {
  const [feedback] = await tx
    .select({
      id: feedbacks.id,
      committeeId: feedbacks.committeeId,
      roundId: feedbacks.roundId,
      targetId: feedbacks.targetId,
      givenOn: feedbacks.givenOn,
      targetName: targets.name,
    })
    .from(feedbacks)
    .innerJoin(targets, eq(targets.id, feedbacks.targetId))
    .where(eq(feedbacks.id, feedbackId));
  if (!feedback || !contactTargetIds(ctx.actor).includes(feedback.targetId))
    throw new AppError("feedback.not_found");
  return feedback;
}

/**
 * The target's contact opens the rectification plan (整改方案) of a feedback: created once (a repeat
 * returns the same plan), due by the committee's deadline after the feedback. Returns its detail.
 */
export async function openPlan(ctx: Ctx, feedbackId: string) {
  const id = await ctx.db.transaction(async (tx) => {
    const feedback = await feedbackForContact(tx, ctx, feedbackId);
    const existing = await planOf(tx, feedbackId);
    if (existing) return existing.id;
    const { value: deadlines } = await loadSetting(tx, feedback.committeeId, deadlinesSetting);
    const { planDueOn } = rectificationDueDates(feedback.givenOn, deadlines);
    const [created] = await tx
      .insert(reviewSubjects)
      .values({
        committeeId: feedback.committeeId,
        feedbackId,
        roundId: feedback.roundId,
        targetId: feedback.targetId,
        kind: "plan",
        sequence: 1,
        title: `${feedback.targetName}整改方案`,
        draft: { summary: "" },
        dueOn: planDueOn,
        createdBy: ctx.actor.accountId!,
      })
      .onConflictDoNothing()
      .returning({ id: reviewSubjects.id });
    if (!created) return (await planOf(tx, feedbackId))!.id;
    await recordAudit(tx, ctx.actor, {
      action: "review_subject.create",
      entity: "review_subject",
      entityId: created.id,
      committeeId: feedback.committeeId,
      summary: { kind: "plan", feedbackId },
    });
    return created.id;
  });
  return getSubject(ctx, id);
}

/** The latest progress of each live measure of a feedback: a report's entries are prefilled from it. */
async function latestProgress(tx: Tx, feedbackId: string): Promise<Record<string, ReportEntry>> {
  const live = await liveMeasures(tx, feedbackId);
  if (!live.length) return {};
  const rows = await queryRows<{ measure_id: string; content: string; completion: Completion }>(
    tx,
    sql`select distinct on (p.measure_id) p.measure_id, p.content, p.completion
        from progress_updates p
        where p.measure_id = any(${sql.param(live.map((m) => m.id))}::uuid[])
        order by p.measure_id, p.reported_on desc, p.created_at desc`,
  );
  const latest = new Map(rows.map((r) => [r.measure_id, r]));
  return Object.fromEntries(
    live.map((m) => {
      const p = latest.get(m.id);
      return [m.id, { progress: p?.content ?? "", completion: p?.completion ?? "unfinished" }];
    }),
  );
}

/**
 * The contact opens the next report of a feedback once its plan has passed: a progress report
 * (整改进展情况报告, numbered 1, 2, …, one at a time) or the final report (整改情况报告, once). Its
 * entries per measure are prefilled from the measures' latest progress.
 */
export async function openReport(
  ctx: Ctx,
  feedbackId: string,
  input: { kind: "progressReport" | "finalReport" },
) {
  const id = await ctx.db.transaction(async (tx) => {
    const feedback = await feedbackForContact(tx, ctx, feedbackId);
    const plan = await planOf(tx, feedbackId);
    if (plan?.status !== "passed") throw new AppError("review_subject.plan_not_passed");
    // One report opened at a time per feedback: the plan row serialises concurrent openings.
    await tx.execute(sql`select id from review_subjects where id = ${plan.id} for update`);
    const [last] = await tx
      .select({ sequence: reviewSubjects.sequence, status: reviewSubjects.status })
      .from(reviewSubjects)
      .where(and(eq(reviewSubjects.feedbackId, feedbackId), eq(reviewSubjects.kind, input.kind)))
      .orderBy(desc(reviewSubjects.sequence))
      .limit(1);
    if (input.kind === "finalReport" && last) throw new AppError("review_subject.final_report_exists");
    if (input.kind === "progressReport" && last && last.status !== "passed")
      throw new AppError("review_subject.report_open");
    const sequence = (last?.sequence ?? 0) + 1;
    const { value: deadlines } = await loadSetting(tx, feedback.committeeId, deadlinesSetting);
    const title =
      input.kind === "finalReport"
        ? `${feedback.targetName}整改情况报告`
        : `${feedback.targetName}整改进展情况报告（第${sequence}次）`;
    const [created] = await tx
      .insert(reviewSubjects)
      .values({
        committeeId: feedback.committeeId,
        feedbackId,
        roundId: feedback.roundId,
        targetId: feedback.targetId,
        kind: input.kind,
        sequence,
        title,
        draft: { text: "", entries: await latestProgress(tx, feedbackId) },
        dueOn:
          input.kind === "finalReport"
            ? rectificationDueDates(feedback.givenOn, deadlines).finalReportDueOn
            : null,
        createdBy: ctx.actor.accountId!,
      })
      .returning({ id: reviewSubjects.id });
    await recordAudit(tx, ctx.actor, {
      action: "review_subject.create",
      entity: "review_subject",
      entityId: created!.id,
      committeeId: feedback.committeeId,
      summary: { kind: input.kind, sequence, feedbackId },
    });
    return created!.id;
  });
  return getSubject(ctx, id);
}
