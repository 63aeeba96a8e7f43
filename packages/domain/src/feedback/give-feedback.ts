import { and, desc, eq, feedbacks, findings, inArray, isNull, rounds, type SQL, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertInCommittee, COMMITTEE_READERS, committeesWhere, contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import type { FeedbackForm } from "../model/enums";
import { AppError } from "../model/errors";

export interface FeedbackInput {
  roundId: string;
  targetId: string;
  givenOn: string;
  form: FeedbackForm;
  requirements: string;
}

/**
 * The office gives feedback to a target: every approved finding of the round on that target that the
 * leading group routed for rectification or to a department is fed back. Clues are never fed back.
 */
export async function giveFeedback(ctx: Ctx, input: FeedbackInput) {
  return ctx.db.transaction(async (tx) => {
    const [round] = await tx.select().from(rounds).where(eq(rounds.id, input.roundId));
    if (!round) throw new AppError("round.not_found");
    assertInCommittee(ctx.actor, ["officeStaff"], round.committeeId, "round.not_found");
    const [target] = await tx
      .select()
      .from(targets)
      .where(and(eq(targets.id, input.targetId), eq(targets.committeeId, round.committeeId)));
    if (!target) throw new AppError("target.not_found");
    const due = await tx
      .select({ id: findings.id })
      .from(findings)
      .where(
        and(
          eq(findings.roundId, round.id),
          eq(findings.targetId, target.id),
          eq(findings.status, "approved"),
          inArray(findings.route, ["rectify", "department"]),
          isNull(findings.feedbackId),
        ),
      )
      .for("update");
    if (!due.length) throw new AppError("feedback.nothing_to_feed_back");
    const [feedback] = await tx
      .insert(feedbacks)
      .values({ ...input, committeeId: round.committeeId, createdBy: ctx.actor.accountId! })
      .returning();
    await tx
      .update(findings)
      .set({ feedbackId: feedback!.id, updatedAt: new Date() })
      .where(
        inArray(
          findings.id,
          due.map((d) => d.id),
        ),
      );
    await recordAudit(tx, ctx.actor, {
      action: "feedback.give",
      entity: "feedback",
      entityId: feedback!.id,
      committeeId: round.committeeId,
      summary: { roundId: round.id, targetId: target.id, findings: due.length, form: input.form },
    });
    return { ...feedback!, findingCount: due.length };
  });
}

/** Feedback given: all of the committee for leadership and office, a contact's own target otherwise. */
export async function listFeedbacks(ctx: Ctx, filters: { roundId?: string | undefined }) {
  const committeesIds = committeesWhere(ctx.actor, COMMITTEE_READERS, "read");
  const targetIds = contactTargetIds(ctx.actor);
  const scope: SQL | undefined = committeesIds.length
    ? inArray(feedbacks.committeeId, committeesIds)
    : targetIds.length
      ? inArray(feedbacks.targetId, targetIds)
      : undefined;
  if (!scope) return [];
  return ctx.db
    .select({
      id: feedbacks.id,
      roundId: feedbacks.roundId,
      targetId: feedbacks.targetId,
      targetName: targets.name,
      givenOn: feedbacks.givenOn,
      form: feedbacks.form,
      requirements: feedbacks.requirements,
      findingCount: ctx.db.$count(findings, eq(findings.feedbackId, feedbacks.id)),
    })
    .from(feedbacks)
    .innerJoin(targets, eq(targets.id, feedbacks.targetId))
    .where(and(scope, filters.roundId ? eq(feedbacks.roundId, filters.roundId) : undefined))
    .orderBy(desc(feedbacks.givenOn));
}
