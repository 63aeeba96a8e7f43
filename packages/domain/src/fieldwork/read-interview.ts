import { and, asc, eq, files, interviewFiles, interviews } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { loadInterviews, visibleInterviews } from "./interviews";

/**
 * The interviews of a round the actor may see, without their records (a list never shows the
 * confidential text; opening one does, and is audited).
 */
export function listInterviews(
  ctx: Ctx,
  filters: { roundId: string; targetId?: string | undefined; groupId?: string | undefined },
) {
  return loadInterviews(
    ctx.db,
    ctx.actor,
    and(
      eq(interviews.roundId, filters.roundId),
      filters.targetId ? eq(interviews.targetId, filters.targetId) : undefined,
      filters.groupId ? eq(interviews.groupId, filters.groupId) : undefined,
    ),
  );
}

/** One interview with its confidential record and attachments. Every read is audited (interview.read). */
export async function readInterview(ctx: Ctx, interviewId: string) {
  return ctx.db.transaction(async (tx) => {
    const [presented] = await loadInterviews(tx, ctx.actor, eq(interviews.id, interviewId));
    if (!presented) throw new AppError("interview.not_found");
    const [{ record }] = (await tx
      .select({ record: interviews.record })
      .from(interviews)
      .where(eq(interviews.id, interviewId))) as [{ record: string }];
    const attachments = await tx
      .select({ id: files.id, name: files.name, mime: files.mime, size: files.size, sha256: files.sha256 })
      .from(interviewFiles)
      .innerJoin(files, eq(files.id, interviewFiles.fileId))
      .where(eq(interviewFiles.interviewId, interviewId))
      .orderBy(asc(files.name));
    await recordAudit(tx, ctx.actor, {
      action: "interview.read",
      entity: "interview",
      entityId: interviewId,
      committeeId: presented.committeeId,
      summary: { targetId: presented.targetId, groupId: presented.groupId },
    });
    return { ...presented, record, files: attachments };
  });
}

/** An attachment of an interview the actor may see; the download is audited (interview.read_file). */
export async function readInterviewFile(ctx: Ctx, interviewId: string, fileId: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ file: files, committeeId: interviews.committeeId })
      .from(interviewFiles)
      .innerJoin(interviews, eq(interviews.id, interviewFiles.interviewId))
      .innerJoin(files, eq(files.id, interviewFiles.fileId))
      .where(
        and(
          eq(interviewFiles.interviewId, interviewId),
          eq(interviewFiles.fileId, fileId),
          visibleInterviews(ctx.actor),
        ),
      );
    if (!row) throw new AppError("file.not_found");
    await recordAudit(tx, ctx.actor, {
      action: "interview.read_file",
      entity: "interview",
      entityId: interviewId,
      committeeId: row.committeeId,
      summary: { fileId, name: row.file.name, sha256: row.file.sha256 },
    });
    return row.file;
  });
}
