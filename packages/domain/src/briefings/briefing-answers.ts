import {
  accounts,
  and,
  asc,
  briefingAnswerFiles,
  briefingAnswers,
  briefingRequests,
  eq,
  files,
  partnerDepartments,
  targets,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import type { BriefingTopic, PartnerDepartmentKind } from "../model/fieldwork";
import { answerFilesOf } from "./briefing-requests";
import { visibleBriefingAnswers } from "./briefing-scope";

/**
 * The briefing answers of a round the actor may read, by target: a group reads those on the
 * targets it inspects (to build its pre-inspection problem list); the office and the leading group
 * read all. Reading them is audited (they may name officials).
 */
export async function listBriefingAnswers(
  ctx: Ctx,
  filters: { roundId: string; targetId?: string | undefined },
) {
  const rows = await ctx.db
    .select({
      id: briefingAnswers.id,
      committeeId: briefingAnswers.committeeId,
      requestId: briefingAnswers.requestId,
      targetId: briefingAnswers.targetId,
      targetName: targets.name,
      content: briefingAnswers.content,
      answeredAt: briefingAnswers.answeredAt,
      late: briefingAnswers.late,
      answeredByName: accounts.displayName,
      departmentName: partnerDepartments.name,
      departmentKind: partnerDepartments.kind,
      topics: briefingRequests.topics,
      dueOn: briefingRequests.dueOn,
    })
    .from(briefingAnswers)
    .innerJoin(briefingRequests, eq(briefingRequests.id, briefingAnswers.requestId))
    .innerJoin(partnerDepartments, eq(partnerDepartments.id, briefingRequests.partnerDepartmentId))
    .innerJoin(targets, eq(targets.id, briefingAnswers.targetId))
    .innerJoin(accounts, eq(accounts.id, briefingAnswers.answeredBy))
    .where(
      and(
        eq(briefingRequests.roundId, filters.roundId),
        filters.targetId ? eq(briefingAnswers.targetId, filters.targetId) : undefined,
        visibleBriefingAnswers(ctx.actor),
      ),
    )
    .orderBy(asc(targets.name), asc(briefingAnswers.answeredAt), asc(briefingAnswers.id));
  if (rows.length)
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx.actor, {
        action: "briefing.read",
        entity: "briefing_answer",
        committeeId: rows[0]!.committeeId,
        summary: { roundId: filters.roundId, answerIds: rows.map((r) => r.id) },
      }),
    );
  const filesByAnswer = await answerFilesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map(({ committeeId: _c, departmentKind, topics, ...r }) => ({
    ...r,
    departmentKind: departmentKind as PartnerDepartmentKind,
    topics: topics as BriefingTopic[],
    files: filesByAnswer.get(r.id) ?? [],
  }));
}

/** A file of a briefing answer the actor may read (audited); anything else is not found. */
export async function readBriefingFile(ctx: Ctx, answerId: string, fileId: string) {
  const [row] = await ctx.db
    .select({ file: files, committeeId: briefingAnswers.committeeId })
    .from(briefingAnswerFiles)
    .innerJoin(briefingAnswers, eq(briefingAnswers.id, briefingAnswerFiles.answerId))
    .innerJoin(briefingRequests, eq(briefingRequests.id, briefingAnswers.requestId))
    .innerJoin(files, eq(files.id, briefingAnswerFiles.fileId))
    .where(
      and(
        eq(briefingAnswerFiles.answerId, answerId),
        eq(briefingAnswerFiles.fileId, fileId),
        visibleBriefingAnswers(ctx.actor),
      ),
    );
  if (!row) throw new AppError("file.not_found");
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "briefing.read_file",
      entity: "briefing_answer",
      entityId: answerId,
      committeeId: row.committeeId,
      summary: { fileId, name: row.file.name, sha256: row.file.sha256 },
    }),
  );
  return row.file;
}
