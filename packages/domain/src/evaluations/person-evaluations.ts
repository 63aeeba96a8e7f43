import {
  and,
  desc,
  eq,
  groupEvaluations,
  groupMembers,
  groups,
  inArray,
  people,
  rounds,
  terms,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { loadSetting } from "../committee-settings/setting";
import { AppError } from "../model/errors";
import type { GroupRole } from "../model/roles";
import { roundName } from "../rounds/round-name";
import { conductResults } from "./conduct-results";
import { type Grade, groupEvaluationCriteriaSetting } from "./criteria";

/**
 * A person's history of group evaluations (office and leading group of the person's committee):
 * each group they served in, their role, the group's score and grade, and its conduct result.
 */
export async function listPersonEvaluations(ctx: Ctx, personId: string) {
  const [person] = await ctx.db.select().from(people).where(eq(people.id, personId));
  if (!person) throw new AppError("person.not_found");
  assertInCommittee(ctx.actor, ["officeStaff", "leadership"], person.committeeId, "person.not_found");
  const served = await ctx.db
    .select({
      groupId: groups.id,
      groupName: groups.name,
      role: groupMembers.role,
      roundId: rounds.id,
      roundNumber: rounds.number,
      termName: terms.name,
      roundStartsOn: rounds.startsOn,
      roundEndsOn: rounds.endsOn,
      roundStatus: rounds.status,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(rounds, eq(rounds.id, groups.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(and(eq(groupMembers.personId, person.id), eq(groupMembers.committeeId, person.committeeId)))
    .orderBy(desc(rounds.startsOn), desc(rounds.number));
  const ids = served.map((s) => s.groupId);
  const { value: criteria } = await loadSetting(ctx.db, person.committeeId, groupEvaluationCriteriaSetting);
  const [evaluations, conduct] = await Promise.all([
    ids.length ? ctx.db.select().from(groupEvaluations).where(inArray(groupEvaluations.groupId, ids)) : [],
    conductResults(ctx.db, ids, criteria.conductQuestions),
  ]);
  return served.map((s) => {
    const e = evaluations.find((x) => x.groupId === s.groupId);
    const c = conduct.get(s.groupId);
    const scores = (e?.scores ?? []) as { max: number }[];
    return {
      roundId: s.roundId,
      roundName: roundName(s.termName, s.roundNumber),
      roundStartsOn: s.roundStartsOn,
      roundEndsOn: s.roundEndsOn,
      roundStatus: s.roundStatus as "open" | "closed",
      groupId: s.groupId,
      groupName: s.groupName,
      role: s.role as GroupRole,
      evaluation: e
        ? {
            total: Number(e.total),
            maxTotal: scores.reduce((sum, x) => sum + Number(x.max), 0),
            grade: e.grade as Grade,
            comment: e.comment,
            evaluatedAt: e.evaluatedAt,
          }
        : null,
      conduct: c && c.responses > 0 ? { responses: c.responses, overall: c.overall } : null,
    };
  });
}
