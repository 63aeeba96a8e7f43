import { and, eq, interviewFiles, interviewInspectors, interviews, rounds } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { AppError } from "../model/errors";
import type { InterviewStatus } from "../model/fieldwork";
import { assertGroupInspectors } from "./fieldwork-scope";
import { loadInterviews, visibleInterviews } from "./interviews";
import { MIN_INTERVIEW_INSPECTORS } from "./schedule-interview";

export interface InterviewChanges {
  scheduledOn?: string | undefined;
  scheduledAt?: string | undefined;
  place?: string | undefined;
  intervieweeName?: string | undefined;
  intervieweePost?: string | undefined;
  principal?: boolean | undefined;
  status?: InterviewStatus | undefined;
  inspectorIds?: string[] | undefined;
  /** The confidential record; saving a record of a scheduled interview marks it held. */
  record?: string | undefined;
  /** Files to attach (added to those already attached). */
  fileIds?: string[] | undefined;
}

/**
 * The group changes an interview of its own in an open round: schedule, people present, status,
 * the record and its attachments. The audit entry names what changed, never the record's text.
 */
export async function updateInterview(ctx: Ctx, interviewId: string, changes: InterviewChanges) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ interview: interviews, roundStatus: rounds.status })
      .from(interviews)
      .innerJoin(rounds, eq(rounds.id, interviews.roundId))
      .where(and(eq(interviews.id, interviewId), visibleInterviews(ctx.actor)))
      .for("update", { of: interviews });
    if (!row) throw new AppError("interview.not_found");
    const { interview } = row;
    if (!groupIdsOf(ctx.actor).includes(interview.groupId)) throw new AppError("auth.forbidden");
    if (row.roundStatus === "closed") throw new AppError("round.closed");
    const { inspectorIds, fileIds, ...fields } = changes;
    const status =
      fields.status ?? (fields.record && interview.status === "scheduled" ? ("held" as const) : undefined);
    await tx
      .update(interviews)
      .set({ ...fields, ...(status ? { status } : {}), updatedAt: new Date() })
      .where(eq(interviews.id, interview.id));
    if (inspectorIds) {
      const ids = await assertGroupInspectors(tx, interview.groupId, inspectorIds, MIN_INTERVIEW_INSPECTORS);
      await tx.delete(interviewInspectors).where(eq(interviewInspectors.interviewId, interview.id));
      await tx
        .insert(interviewInspectors)
        .values(ids.map((personId) => ({ interviewId: interview.id, personId })));
    }
    const added = await claimFiles(tx, ctx.actor, fileIds ?? []);
    if (added.length)
      await tx
        .insert(interviewFiles)
        .values(added.map((fileId) => ({ interviewId: interview.id, fileId })))
        .onConflictDoNothing();
    const { record, ...plain } = fields;
    await recordAudit(tx, ctx.actor, {
      action: "interview.update",
      entity: "interview",
      entityId: interview.id,
      committeeId: interview.committeeId,
      summary: {
        ...plain,
        ...(status ? { status } : {}),
        ...(record !== undefined ? { recordChanged: true, recordLength: record.length } : {}),
        ...(inspectorIds ? { inspectorIds } : {}),
        ...(added.length ? { fileIds: added } : {}),
      },
    });
    const [presented] = await loadInterviews(tx, ctx.actor, eq(interviews.id, interview.id));
    return presented!;
  });
}
