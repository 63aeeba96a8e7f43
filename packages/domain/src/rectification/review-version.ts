import { eq, partyReviews, reviewSubjects } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { REVIEW_PARTY_LABELS, type ReviewParty } from "../model/rectification";
import { accountsWithRole, notify } from "../notifications/notify";
import { giveVerdicts, type PartyReview, type Verdict } from "./joint-review";
import { getSubject } from "./present-subject";
import { loadHistory, loadSubject, lockSubject } from "./review-subject";
import { subjectLink } from "./submit-version";

export interface ReviewInput {
  party: ReviewParty;
  version: number;
  whole: Verdict;
  measures: Record<string, Verdict>;
}

const says = (v: Verdict) => v.decision === "return" || v.opinion.trim() !== "";

/**
 * A reviewing party answers the version under review, by an account that acts for that party. The
 * machine checks the answer (the version under review, the party on it and not yet answered, a
 * verdict on exactly the measures the party has to review, an opinion with every return). Once every
 * party has answered, the subject is returned or passed and the target's contacts are told.
 */
export async function reviewSubject(ctx: Ctx, id: string, input: ReviewInput) {
  await ctx.db.transaction(async (tx) => {
    const access = await loadSubject(tx, ctx.actor, id);
    if (!access.parties.includes(input.party)) throw new AppError("joint_review.party_not_held");
    await lockSubject(tx, id);
    const [subject] = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.id, id));
    const { history } = await loadHistory(tx, id);
    const review: PartyReview = {
      party: input.party,
      version: input.version,
      whole: input.whole,
      measures: input.measures,
    };
    const { state } = giveVerdicts(history, review);
    const verdicts = [input.whole, ...Object.values(input.measures)];
    await tx.insert(partyReviews).values({
      subjectId: id,
      version: input.version,
      party: input.party,
      whole: input.whole,
      measures: input.measures,
      returns: verdicts.filter((v) => v.decision === "return").length,
      opinions: verdicts.filter(says).length,
      reviewerId: ctx.actor.accountId!,
      reviewerName: ctx.actor.name,
    });
    const now = new Date();
    await tx
      .update(reviewSubjects)
      .set({ status: state.status, updatedAt: now, ...(state.status === "passed" ? { passedAt: now } : {}) })
      .where(eq(reviewSubjects.id, id));
    if (state.status === "returned" || state.status === "passed") {
      const contacts = await accountsWithRole(tx, subject!.committeeId, "targetContact", {
        targetId: subject!.targetId,
      });
      await notify(tx, contacts, {
        committeeId: subject!.committeeId,
        kind: state.status === "passed" ? "review.passed" : "review.returned",
        title:
          state.status === "passed"
            ? `${subject!.title}已通过联审`
            : `${subject!.title}（第${input.version}版）被退回，请根据审核意见修改后重新提交`,
        link: subjectLink(id),
        dedupeKey: `review-decided:${id}:${input.version}`,
      });
    }
    await recordAudit(tx, ctx.actor, {
      action: "review_subject.review",
      entity: "review_subject",
      entityId: id,
      committeeId: subject!.committeeId,
      summary: {
        party: input.party,
        partyLabel: REVIEW_PARTY_LABELS[input.party],
        version: input.version,
        whole: input.whole.decision,
        returns: verdicts.filter((v) => v.decision === "return").length,
        status: state.status,
      },
    });
  });
  return getSubject(ctx, id);
}
