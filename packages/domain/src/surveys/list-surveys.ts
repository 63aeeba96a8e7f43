import {
  and,
  asc,
  count,
  desc,
  eq,
  groups,
  groupTargets,
  inArray,
  or,
  rounds,
  type SQL,
  sql,
  surveyCodes,
  surveyResponses,
  surveys,
  targets,
  terms,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere, groupIdsOf } from "../access/policies";
import { AppError } from "../model/errors";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { loadSurvey } from "./survey-access";

/** open (taking answers today) | scheduled (not yet) | ended (past its last day) | closed (closed by hand). */
export function surveyPhase(s: { status: string; opensOn: string; closesOn: string }, today = chinaDate()) {
  if (s.status !== "open") return "closed" as const;
  if (today < s.opensOn) return "scheduled" as const;
  if (today > s.closesOn) return "ended" as const;
  return "open" as const;
}

async function countsOf(db: Ctx["db"], ids: string[]) {
  if (!ids.length) return new Map<string, { codes: number; used: number; responses: number }>();
  const [codes, responses] = await Promise.all([
    db
      .select({
        surveyId: surveyCodes.surveyId,
        n: count(),
        used: sql<number>`count(${surveyCodes.usedAt})`,
      })
      .from(surveyCodes)
      .where(inArray(surveyCodes.surveyId, ids))
      .groupBy(surveyCodes.surveyId),
    db
      .select({ surveyId: surveyResponses.surveyId, n: count() })
      .from(surveyResponses)
      .where(inArray(surveyResponses.surveyId, ids))
      .groupBy(surveyResponses.surveyId),
  ]);
  return new Map(
    ids.map((id) => {
      const c = codes.find((r) => r.surveyId === id);
      return [
        id,
        {
          codes: Number(c?.n ?? 0),
          used: Number(c?.used ?? 0),
          responses: Number(responses.find((r) => r.surveyId === id)?.n ?? 0),
        },
      ];
    }),
  );
}

const rate = (responses: number, codes: number) =>
  codes ? Math.round((responses / codes) * 1000) / 1000 : null;

/**
 * The surveys the actor may see, newest first, optionally of one round or group: the office and
 * the leading group see their committee's, a group its own. With the groups (and their targets)
 * the actor may start a survey for: the office's groups of open rounds, or the actor's own.
 */
export async function listSurveys(
  ctx: Ctx,
  query: { roundId?: string | undefined; groupId?: string | undefined },
) {
  const readers = committeesWhere(ctx.actor, ["officeStaff", "leadership"], "read");
  const office = committeesWhere(ctx.actor, ["officeStaff"]);
  const myGroups = groupIdsOf(ctx.actor);
  const scope = [
    readers.length ? inArray(surveys.committeeId, readers) : undefined,
    myGroups.length ? inArray(surveys.groupId, myGroups) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = and(
    scope.length ? or(...scope) : sql`false`,
    query.roundId ? eq(surveys.roundId, query.roundId) : undefined,
    query.groupId ? eq(surveys.groupId, query.groupId) : undefined,
  );
  const rows = await ctx.db
    .select({
      s: surveys,
      groupName: groups.name,
      targetName: targets.name,
      roundNumber: rounds.number,
      roundStatus: rounds.status,
      termName: terms.name,
    })
    .from(surveys)
    .innerJoin(groups, eq(groups.id, surveys.groupId))
    .innerJoin(targets, eq(targets.id, surveys.targetId))
    .innerJoin(rounds, eq(rounds.id, surveys.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(where)
    .orderBy(desc(surveys.createdAt), desc(surveys.id))
    .limit(500);
  const counts = await countsOf(
    ctx.db,
    rows.map((r) => r.s.id),
  );

  // Where the actor may start a survey: groups of open rounds (the office's committee, or their own).
  const groupScope = [
    office.length ? inArray(groups.committeeId, office) : undefined,
    myGroups.length ? inArray(groups.id, myGroups) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const creatable = groupScope.length
    ? await ctx.db
        .select({
          groupId: groups.id,
          groupName: groups.name,
          groupNumber: groups.number,
          roundId: rounds.id,
          roundNumber: rounds.number,
          termName: terms.name,
          targetId: targets.id,
          targetName: targets.name,
        })
        .from(groups)
        .innerJoin(rounds, eq(rounds.id, groups.roundId))
        .innerJoin(terms, eq(terms.id, rounds.termId))
        .innerJoin(groupTargets, eq(groupTargets.groupId, groups.id))
        .innerJoin(targets, eq(targets.id, groupTargets.targetId))
        .where(
          and(
            or(...groupScope),
            eq(rounds.status, "open"),
            query.roundId ? eq(rounds.id, query.roundId) : undefined,
            query.groupId ? eq(groups.id, query.groupId) : undefined,
          ),
        )
        .orderBy(desc(rounds.startsOn), asc(groups.number), asc(targets.name))
    : [];
  const byGroup = new Map<
    string,
    {
      groupId: string;
      groupName: string;
      roundId: string;
      roundName: string;
      targets: { id: string; name: string }[];
    }
  >();
  for (const c of creatable) {
    const g = byGroup.get(c.groupId) ?? {
      groupId: c.groupId,
      groupName: c.groupName,
      roundId: c.roundId,
      roundName: roundName(c.termName, c.roundNumber),
      targets: [],
    };
    g.targets.push({ id: c.targetId, name: c.targetName });
    byGroup.set(c.groupId, g);
  }
  const today = chinaDate();
  return {
    items: rows.map((r) => {
      const c = counts.get(r.s.id)!;
      return {
        id: r.s.id,
        title: r.s.title,
        roundId: r.s.roundId,
        roundName: roundName(r.termName, r.roundNumber),
        groupId: r.s.groupId,
        groupName: r.groupName,
        targetId: r.s.targetId,
        targetName: r.targetName,
        opensOn: r.s.opensOn,
        closesOn: r.s.closesOn,
        status: r.s.status,
        phase: surveyPhase(r.s, today),
        codesIssued: c.codes,
        responses: c.responses,
        responseRate: rate(c.responses, c.codes),
      };
    }),
    groups: [...byGroup.values()],
  };
}

/** One survey with its questions, figures and what the actor may do with it. */
export async function getSurvey(ctx: Ctx, surveyId: string) {
  const s = await loadSurvey(ctx.db, ctx.actor, surveyId);
  const c = (await countsOf(ctx.db, [s.survey.id])).get(s.survey.id)!;
  const [round] = await ctx.db
    .select({ number: rounds.number, termName: terms.name })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(eq(rounds.id, s.survey.roundId));
  if (!round) throw new AppError("survey.not_found");
  const open = s.survey.status === "open";
  return {
    id: s.survey.id,
    title: s.survey.title,
    intro: s.survey.intro,
    roundId: s.survey.roundId,
    roundName: roundName(round.termName, round.number),
    roundStatus: s.roundStatus,
    groupId: s.survey.groupId,
    groupName: s.groupName,
    targetId: s.survey.targetId,
    targetName: s.targetName,
    opensOn: s.survey.opensOn,
    closesOn: s.survey.closesOn,
    status: s.survey.status,
    phase: surveyPhase(s.survey),
    closedAt: s.survey.closedAt,
    questions: s.questions,
    codesIssued: c.codes,
    codesUsed: c.used,
    responses: c.responses,
    responseRate: rate(c.responses, c.codes),
    abilities: { issueCodes: s.canWrite && open, close: s.canWrite && open },
  };
}
