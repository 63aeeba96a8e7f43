import {
  and,
  briefingAnswerFiles,
  briefingAnswers,
  briefingRequests,
  briefingRequestTargets,
  eq,
  inArray,
  rounds,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { AppError } from "../model/errors";
import { chinaDate } from "../work-items/due-date";
import { loadBriefingRequests } from "./briefing-requests";
import { partnerDepartmentIdsOf } from "./briefing-scope";

export interface BriefingAnswerInput {
  targetId: string;
  content: string;
  fileIds?: string[] | undefined;
}

/**
 * A partner department answers a request addressed to it, on one of its targets, with text and
 * files. An answer after the deadline is accepted and marked late; a further answer supplements
 * the earlier ones (nothing is overwritten). A closed round takes no more answers.
 */
export async function answerBriefing(
  ctx: Ctx,
  requestId: string,
  input: BriefingAnswerInput,
  now = new Date(),
) {
  const departments = partnerDepartmentIdsOf(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [row] = departments.length
      ? await tx
          .select({ request: briefingRequests, roundStatus: rounds.status })
          .from(briefingRequests)
          .innerJoin(rounds, eq(rounds.id, briefingRequests.roundId))
          .where(
            and(
              eq(briefingRequests.id, requestId),
              inArray(briefingRequests.partnerDepartmentId, departments),
            ),
          )
      : [];
    if (!row) throw new AppError("briefing.not_found");
    const { request } = row;
    if (row.roundStatus === "closed") throw new AppError("round.closed");
    const [asked] = await tx
      .select({ targetId: briefingRequestTargets.targetId })
      .from(briefingRequestTargets)
      .where(
        and(
          eq(briefingRequestTargets.requestId, request.id),
          eq(briefingRequestTargets.targetId, input.targetId),
        ),
      );
    if (!asked) throw new AppError("briefing.target_not_requested");
    const late = chinaDate(now) > request.dueOn;
    const [answer] = await tx
      .insert(briefingAnswers)
      .values({
        committeeId: request.committeeId,
        requestId: request.id,
        targetId: input.targetId,
        content: input.content,
        answeredBy: ctx.actor.accountId!,
        answeredAt: now,
        late,
      })
      .returning();
    const fileIds = await claimFiles(tx, ctx.actor, input.fileIds ?? []);
    if (fileIds.length)
      await tx
        .insert(briefingAnswerFiles)
        .values(fileIds.map((fileId) => ({ answerId: answer!.id, fileId })));
    await recordAudit(tx, ctx.actor, {
      action: "briefing.answer",
      entity: "briefing_answer",
      entityId: answer!.id,
      committeeId: request.committeeId,
      summary: { requestId: request.id, targetId: input.targetId, late, fileIds },
    });
    const [presented] = await loadBriefingRequests(tx, ctx.actor, eq(briefingRequests.id, request.id), {
      withAnswers: true,
      now,
    });
    return presented!;
  });
}
