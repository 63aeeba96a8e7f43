import {
  accounts,
  and,
  asc,
  briefingAnswerFiles,
  briefingAnswers,
  briefingRequests,
  briefingRequestTargets,
  desc,
  eq,
  files,
  groupTargets,
  inArray,
  partnerDepartments,
  rounds,
  type SQL,
  type Tx,
  targets,
  terms,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { BriefingTopic, PartnerDepartmentKind } from "../model/fieldwork";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { isBriefingOffice, partnerDepartmentIdsOf, visibleBriefingRequests } from "./briefing-scope";

/** pending (not yet due), answered, overdue (unanswered after the deadline). */
export type BriefingStatus = "pending" | "answered" | "overdue";

const statusOf = (answered: boolean, dueOn: string, today: string): BriefingStatus =>
  answered ? "answered" : dueOn < today ? "overdue" : "pending";

export interface AnswerFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** The files of some answers, by answer. */
export async function answerFilesOf(tx: Tx, answerIds: string[]) {
  const byAnswer = new Map<string, AnswerFile[]>();
  if (!answerIds.length) return byAnswer;
  const rows = await tx
    .select({
      answerId: briefingAnswerFiles.answerId,
      id: files.id,
      name: files.name,
      mime: files.mime,
      size: files.size,
    })
    .from(briefingAnswerFiles)
    .innerJoin(files, eq(files.id, briefingAnswerFiles.fileId))
    .where(inArray(briefingAnswerFiles.answerId, answerIds))
    .orderBy(asc(files.name));
  for (const { answerId, ...f } of rows) byAnswer.set(answerId, [...(byAnswer.get(answerId) ?? []), f]);
  return byAnswer;
}

/**
 * Briefing requests matching `where` (already scoped), presented with their department, targets
 * and, per target, the answers' status; with the answers themselves when `withAnswers`.
 */
export async function loadBriefingRequests(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  options: { withAnswers?: boolean; now?: Date } = {},
) {
  const today = chinaDate(options.now);
  const requests = await tx
    .select({
      request: briefingRequests,
      departmentName: partnerDepartments.name,
      departmentKind: partnerDepartments.kind,
      roundNumber: rounds.number,
      roundStatus: rounds.status,
      termName: terms.name,
    })
    .from(briefingRequests)
    .innerJoin(partnerDepartments, eq(partnerDepartments.id, briefingRequests.partnerDepartmentId))
    .innerJoin(rounds, eq(rounds.id, briefingRequests.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(and(visibleBriefingRequests(actor), where))
    .orderBy(desc(briefingRequests.createdAt), asc(briefingRequests.id));
  const ids = requests.map((r) => r.request.id);
  if (!ids.length) return [];
  const requestTargets = await tx
    .select({
      requestId: briefingRequestTargets.requestId,
      targetId: targets.id,
      targetName: targets.name,
      groupId: groupTargets.groupId,
    })
    .from(briefingRequestTargets)
    .innerJoin(briefingRequests, eq(briefingRequests.id, briefingRequestTargets.requestId))
    .innerJoin(targets, eq(targets.id, briefingRequestTargets.targetId))
    .leftJoin(
      groupTargets,
      and(eq(groupTargets.roundId, briefingRequests.roundId), eq(groupTargets.targetId, targets.id)),
    )
    .where(inArray(briefingRequestTargets.requestId, ids))
    .orderBy(asc(targets.name));
  const answers = await tx
    .select({
      id: briefingAnswers.id,
      requestId: briefingAnswers.requestId,
      targetId: briefingAnswers.targetId,
      content: briefingAnswers.content,
      answeredAt: briefingAnswers.answeredAt,
      late: briefingAnswers.late,
      answeredByName: accounts.displayName,
    })
    .from(briefingAnswers)
    .innerJoin(accounts, eq(accounts.id, briefingAnswers.answeredBy))
    .where(inArray(briefingAnswers.requestId, ids))
    .orderBy(asc(briefingAnswers.answeredAt), asc(briefingAnswers.id));
  const filesByAnswer = options.withAnswers
    ? await answerFilesOf(
        tx,
        answers.map((a) => a.id),
      )
    : new Map();
  const mine = partnerDepartmentIdsOf(actor);
  return requests.map(({ request, ...r }) => {
    const targetRows = requestTargets
      .filter((t) => t.requestId === request.id)
      .map((t) => {
        const own = answers.filter((a) => a.requestId === request.id && a.targetId === t.targetId);
        return {
          targetId: t.targetId,
          targetName: t.targetName,
          groupId: t.groupId,
          status: statusOf(own.length > 0, request.dueOn, today),
          answerCount: own.length,
          lastAnsweredAt: own.at(-1)?.answeredAt ?? null,
          late: own.some((a) => a.late),
          ...(options.withAnswers
            ? {
                answers: own.map(({ requestId: _r, targetId: _t, ...a }) => ({
                  ...a,
                  files: filesByAnswer.get(a.id) ?? [],
                })),
              }
            : {}),
        };
      });
    const answered = targetRows.filter((t) => t.status === "answered").length;
    const open = r.roundStatus !== "closed";
    return {
      id: request.id,
      committeeId: request.committeeId,
      roundId: request.roundId,
      roundName: roundName(r.termName, r.roundNumber),
      department: {
        id: request.partnerDepartmentId,
        name: r.departmentName,
        kind: r.departmentKind as PartnerDepartmentKind,
      },
      topics: request.topics as BriefingTopic[],
      note: request.note,
      dueOn: request.dueOn,
      createdAt: request.createdAt,
      status: statusOf(answered === targetRows.length, request.dueOn, today),
      answeredTargets: answered,
      targets: targetRows,
      abilities: {
        answer: open && mine.includes(request.partnerDepartmentId),
        manage: open && isBriefingOffice(actor, request.committeeId),
      },
    };
  });
}

export type PresentedBriefingRequest = Awaited<ReturnType<typeof loadBriefingRequests>>[number];
