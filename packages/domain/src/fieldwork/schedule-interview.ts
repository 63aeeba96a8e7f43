import { eq, interviewFiles, interviewInspectors, interviews } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { assertGroupInspectors, ownGroupOfTarget } from "./fieldwork-scope";
import { loadInterviews } from "./interviews";

export interface InterviewInput {
  roundId: string;
  targetId: string;
  scheduledOn: string;
  scheduledAt?: string | undefined;
  place?: string | undefined;
  intervieweeName: string;
  intervieweePost?: string | undefined;
  principal?: boolean | undefined;
  /** The group's people present (at least two). */
  inspectorIds: string[];
  fileIds?: string[] | undefined;
}

/** The minimum number of inspectors at an interview (LIFECYCLE 2: never one alone). */
export const MIN_INTERVIEW_INSPECTORS = 2;

/** A group schedules an interview (个别谈话) on one of its targets, in an open round. */
export async function scheduleInterview(ctx: Ctx, input: InterviewInput) {
  return ctx.db.transaction(async (tx) => {
    const own = await ownGroupOfTarget(tx, ctx.actor, input.roundId, input.targetId);
    const inspectorIds = await assertGroupInspectors(
      tx,
      own.groupId,
      input.inspectorIds,
      MIN_INTERVIEW_INSPECTORS,
    );
    const [row] = await tx
      .insert(interviews)
      .values({
        committeeId: own.committeeId,
        roundId: input.roundId,
        groupId: own.groupId,
        targetId: input.targetId,
        scheduledOn: input.scheduledOn,
        scheduledAt: input.scheduledAt ?? "",
        place: input.place ?? "",
        intervieweeName: input.intervieweeName,
        intervieweePost: input.intervieweePost ?? "",
        principal: input.principal ?? false,
        createdBy: ctx.actor.accountId!,
      })
      .returning({ id: interviews.id });
    await tx
      .insert(interviewInspectors)
      .values(inspectorIds.map((personId) => ({ interviewId: row!.id, personId })));
    const fileIds = await claimFiles(tx, ctx.actor, input.fileIds ?? []);
    if (fileIds.length)
      await tx.insert(interviewFiles).values(fileIds.map((fileId) => ({ interviewId: row!.id, fileId })));
    await recordAudit(tx, ctx.actor, {
      action: "interview.schedule",
      entity: "interview",
      entityId: row!.id,
      committeeId: own.committeeId,
      summary: {
        targetId: input.targetId,
        scheduledOn: input.scheduledOn,
        intervieweeName: input.intervieweeName,
        principal: input.principal ?? false,
        inspectorIds,
      },
    });
    const [presented] = await loadInterviews(tx, ctx.actor, eq(interviews.id, row!.id));
    return presented!;
  });
}
