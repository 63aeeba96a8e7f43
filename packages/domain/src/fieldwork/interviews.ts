import {
  accounts,
  and,
  asc,
  eq,
  files,
  groups,
  inArray,
  interviewFiles,
  interviewInspectors,
  interviews,
  people,
  rounds,
  type SQL,
  type Tx,
  targets,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import { groupIdsOf } from "../access/policies";
import type { InterviewStatus } from "../model/fieldwork";
import { interviewScope } from "./fieldwork-scope";

export const visibleInterviews = (actor: Actor): SQL =>
  interviewScope(actor, { committeeId: interviews.committeeId, groupId: interviews.groupId });

/** Interviews matching `where`, scoped to the actor, presented WITHOUT the record's text. */
export async function loadInterviews(tx: Tx, actor: Actor, where: SQL | undefined) {
  const rows = await tx
    .select({
      interview: interviews,
      targetName: targets.name,
      groupName: groups.name,
      roundStatus: rounds.status,
      createdByName: accounts.displayName,
    })
    .from(interviews)
    .innerJoin(targets, eq(targets.id, interviews.targetId))
    .innerJoin(groups, eq(groups.id, interviews.groupId))
    .innerJoin(rounds, eq(rounds.id, interviews.roundId))
    .innerJoin(accounts, eq(accounts.id, interviews.createdBy))
    .where(and(visibleInterviews(actor), where))
    .orderBy(asc(interviews.scheduledOn), asc(interviews.scheduledAt), asc(interviews.createdAt));
  const ids = rows.map((r) => r.interview.id);
  const inspectors = ids.length
    ? await tx
        .select({ interviewId: interviewInspectors.interviewId, personId: people.id, name: people.name })
        .from(interviewInspectors)
        .innerJoin(people, eq(people.id, interviewInspectors.personId))
        .where(inArray(interviewInspectors.interviewId, ids))
        .orderBy(asc(people.name))
    : [];
  const fileRows = ids.length
    ? await tx
        .select({ interviewId: interviewFiles.interviewId, id: files.id })
        .from(interviewFiles)
        .innerJoin(files, eq(files.id, interviewFiles.fileId))
        .where(inArray(interviewFiles.interviewId, ids))
    : [];
  const mine = groupIdsOf(actor);
  return rows.map(({ interview: i, ...r }) => ({
    id: i.id,
    committeeId: i.committeeId,
    roundId: i.roundId,
    groupId: i.groupId,
    groupName: r.groupName,
    targetId: i.targetId,
    targetName: r.targetName,
    scheduledOn: i.scheduledOn,
    scheduledAt: i.scheduledAt,
    place: i.place,
    intervieweeName: i.intervieweeName,
    intervieweePost: i.intervieweePost,
    principal: i.principal,
    status: i.status as InterviewStatus,
    hasRecord: i.record.length > 0,
    fileCount: fileRows.filter((f) => f.interviewId === i.id).length,
    inspectors: inspectors
      .filter((p) => p.interviewId === i.id)
      .map(({ personId, name }) => ({ personId, name })),
    createdByName: r.createdByName,
    updatedAt: i.updatedAt,
    abilities: { edit: r.roundStatus !== "closed" && mine.includes(i.groupId) },
  }));
}

export type PresentedInterview = Awaited<ReturnType<typeof loadInterviews>>[number];
