import { eq, groups, rounds, surveys, type Tx, targets } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, groupIdsOf } from "../access/policies";
import { AppError } from "../model/errors";
import type { SurveyQuestion } from "./questions";

/**
 * Who may see a group's surveys: the office and the leading group of the committee (the leading
 * group reads only, lower committees included), and the group itself (its own surveys only).
 * Everyone else, target contacts included, is told the survey does not exist.
 */
export function surveyAccess(actor: Actor, committeeId: string, groupId: string) {
  const office = committeesWhere(actor, ["officeStaff"]).includes(committeeId);
  const reader = office || committeesWhere(actor, ["leadership"], "read").includes(committeeId);
  const member = groupIdsOf(actor).includes(groupId);
  return { office, member, read: reader || member };
}

/**
 * Checks that the actor may change what belongs to a group: the office of its committee, or the
 * group itself while its round is open (a closed round is read-only for its group).
 */
export function assertGroupWrite(
  actor: Actor,
  group: { committeeId: string; groupId: string; roundStatus: string },
  notFound: "survey.not_found" | "group.not_found" | "survey_questionnaire.not_found",
) {
  const access = surveyAccess(actor, group.committeeId, group.groupId);
  if (!access.read) throw new AppError(notFound);
  if (access.office) return access;
  if (!access.member) throw new AppError("auth.forbidden");
  if (group.roundStatus !== "open") throw new AppError("round.closed");
  return access;
}

/** A survey with its round, group and target, if the actor may read it; else survey.not_found. */
export async function loadSurvey(tx: Tx, actor: Actor, surveyId: string) {
  const [row] = await tx
    .select({
      survey: surveys,
      roundStatus: rounds.status,
      groupName: groups.name,
      targetName: targets.name,
    })
    .from(surveys)
    .innerJoin(rounds, eq(rounds.id, surveys.roundId))
    .innerJoin(groups, eq(groups.id, surveys.groupId))
    .innerJoin(targets, eq(targets.id, surveys.targetId))
    .where(eq(surveys.id, surveyId));
  if (!row) throw new AppError("survey.not_found");
  const access = surveyAccess(actor, row.survey.committeeId, row.survey.groupId);
  if (!access.read) throw new AppError("survey.not_found");
  const canWrite = access.office || (access.member && row.roundStatus === "open");
  return {
    ...row,
    questions: row.survey.questions as SurveyQuestion[],
    access,
    canWrite,
    /** For a write: the office, or the group while its round is open. */
    assertWrite() {
      assertGroupWrite(
        actor,
        { committeeId: row.survey.committeeId, groupId: row.survey.groupId, roundStatus: row.roundStatus },
        "survey.not_found",
      );
    },
  };
}

export type LoadedSurvey = Awaited<ReturnType<typeof loadSurvey>>;
