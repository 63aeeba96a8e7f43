import {
  asc,
  commitments,
  type Db,
  desc,
  eq,
  groupEvaluations,
  groupMembers,
  groups,
  inArray,
  personJobs,
  personRelatives,
  personTies,
  rounds,
  type Tx,
  targets,
  terms,
  trainingAttendees,
  trainings,
} from "@xuncha/db";
import { ROUND_KINDS, type RoundKind } from "../model/enums";
import { GROUP_ROLE_LABELS, type GroupRole } from "../model/roles";
import { chineseNumber } from "../rounds/round-name";
import { presentJob } from "./person-jobs";
import { presentRelative } from "./person-relatives";
import { presentTie } from "./person-ties";

/** Labels of the two pledges (保密承诺书 / 廉洁履职承诺书) as commitments.kind stores them. */
export const COMMITMENT_KIND_LABELS: Record<string, string> = {
  confidentiality: "保密承诺书",
  integrity: "廉洁履职承诺书",
};

/** 十四届县委第二轮: a round as the pools ledger names it. */
export const roundLabel = (termName: string, number: number) => `${termName}第${chineseNumber(number)}轮`;

/** The rounds the people served in, with their group and role, oldest first (from group_members). */
export async function roundsServedBy(db: Db | Tx, personIds: string[]) {
  if (!personIds.length) return [];
  const rows = await db
    .select({
      personId: groupMembers.personId,
      role: groupMembers.role,
      groupId: groups.id,
      groupName: groups.name,
      roundId: rounds.id,
      roundNumber: rounds.number,
      roundKind: rounds.kind,
      roundStatus: rounds.status,
      startsOn: rounds.startsOn,
      endsOn: rounds.endsOn,
      termName: terms.name,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(rounds, eq(rounds.id, groups.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(inArray(groupMembers.personId, personIds))
    .orderBy(asc(rounds.startsOn), asc(rounds.number));
  return rows.map((r) => ({
    ...r,
    roundLabel: roundLabel(r.termName, r.roundNumber),
    roundKindLabel: ROUND_KINDS.labels[r.roundKind as RoundKind] ?? r.roundKind,
    roleLabel: GROUP_ROLE_LABELS[r.role as GroupRole] ?? r.role,
  }));
}

/** 参加巡察轮次 as the ledger writes it: "十四届县委第一轮(组长)；十四届县委第二轮(组员)". */
export const roundsText = (served: { roundLabel: string; roleLabel: string }[]) =>
  served.map((s) => `${s.roundLabel}(${s.roleLabel})`).join("；");

/** Everything the office keeps about a person beyond the profile, and what the records say. */
export async function personHistory(db: Db, personId: string) {
  const [jobs, relatives, ties, attended, served, signed] = await Promise.all([
    db
      .select({ job: personJobs, targetName: targets.name })
      .from(personJobs)
      .leftJoin(targets, eq(targets.id, personJobs.targetId))
      .where(eq(personJobs.personId, personId))
      .orderBy(asc(personJobs.startMonth), asc(personJobs.createdAt)),
    db
      .select({ relative: personRelatives, targetName: targets.name })
      .from(personRelatives)
      .leftJoin(targets, eq(targets.id, personRelatives.targetId))
      .where(eq(personRelatives.personId, personId))
      .orderBy(asc(personRelatives.createdAt)),
    db
      .select({ tie: personTies, targetName: targets.name })
      .from(personTies)
      .leftJoin(targets, eq(targets.id, personTies.targetId))
      .where(eq(personTies.personId, personId))
      .orderBy(asc(personTies.startMonth), asc(personTies.createdAt)),
    db
      .select({ id: trainings.id, title: trainings.title, heldOn: trainings.heldOn, hours: trainings.hours })
      .from(trainingAttendees)
      .innerJoin(trainings, eq(trainings.id, trainingAttendees.trainingId))
      .where(eq(trainingAttendees.personId, personId))
      .orderBy(desc(trainings.heldOn)),
    roundsServedBy(db, [personId]),
    db
      .select({
        id: commitments.id,
        kind: commitments.kind,
        signedOn: commitments.signedOn,
        fileId: commitments.fileId,
        roundId: rounds.id,
        roundNumber: rounds.number,
        termName: terms.name,
      })
      .from(commitments)
      .innerJoin(rounds, eq(rounds.id, commitments.roundId))
      .innerJoin(terms, eq(terms.id, rounds.termId))
      .where(eq(commitments.personId, personId))
      .orderBy(asc(commitments.signedOn), asc(commitments.kind)),
  ]);
  const groupIds = served.map((s) => s.groupId);
  const evaluations = groupIds.length
    ? await db.select().from(groupEvaluations).where(inArray(groupEvaluations.groupId, groupIds))
    : [];
  const servedByGroup = new Map(served.map((s) => [s.groupId, s]));
  return {
    jobs: jobs.map((j) => ({ ...presentJob(j.job), targetName: j.targetName })),
    relatives: relatives.map((r) => ({ ...presentRelative(r.relative), targetName: r.targetName })),
    ties: ties.map((t) => ({ ...presentTie(t.tie), targetName: t.targetName })),
    trainings: attended,
    /** Person-times trained (人次): one per training attended. */
    trainingTimes: attended.length,
    trainingHours: attended.reduce((sum, t) => sum + t.hours, 0),
    rounds: served.map((s) => ({
      roundId: s.roundId,
      roundLabel: s.roundLabel,
      roundKindLabel: s.roundKindLabel,
      roundStatus: s.roundStatus,
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      groupId: s.groupId,
      groupName: s.groupName,
      role: s.role,
      roleLabel: s.roleLabel,
    })),
    commitments: signed.map((c) => ({
      id: c.id,
      kind: c.kind,
      kindLabel: COMMITMENT_KIND_LABELS[c.kind] ?? c.kind,
      signedOn: c.signedOn,
      fileId: c.fileId,
      roundId: c.roundId,
      roundLabel: roundLabel(c.termName, c.roundNumber),
    })),
    evaluations: evaluations
      .map((e) => {
        const s = servedByGroup.get(e.groupId);
        return {
          id: e.id,
          roundId: e.roundId,
          roundLabel: s?.roundLabel ?? "",
          groupId: e.groupId,
          groupName: s?.groupName ?? "",
          role: s?.role ?? "",
          roleLabel: s?.roleLabel ?? "",
          total: Number(e.total),
          grade: e.grade,
          comment: e.comment,
          scores: e.scores,
          evaluatedAt: e.evaluatedAt,
        };
      })
      .sort((a, b) => a.evaluatedAt.getTime() - b.evaluatedAt.getTime()),
  };
}
