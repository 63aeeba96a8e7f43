import {
  accounts,
  asc,
  committees,
  conductCodes,
  eq,
  groupEvaluations,
  groups,
  groupTargets,
  rounds,
  sql,
  type Tx,
  targets,
  terms,
} from "@xuncha/db";
import QRCode from "qrcode";
import type { Ctx } from "../access/ctx";
import { assertInCommittee, committeesWhere } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { loadSetting } from "../committee-settings/setting";
import { ROUND_STAGES, type RoundStage } from "../model/enums";
import { AppError } from "../model/errors";
import { roundName } from "../rounds/round-name";
import { hashConductCode, newConductCode } from "./conduct-code";
import { conductResults } from "./conduct-results";
import { EVALUATION_FACTS, type Grade, gradeOf, groupEvaluationCriteriaSetting } from "./criteria";
import { evaluationFacts } from "./evaluation-facts";

const canEvaluate = (stage: string) =>
  ROUND_STAGES.keys.indexOf(stage as RoundStage) >= ROUND_STAGES.keys.indexOf("reporting");

async function loadRoundFor(tx: Tx, roundId: string) {
  const [round] = await tx
    .select({
      id: rounds.id,
      committeeId: rounds.committeeId,
      number: rounds.number,
      termName: terms.name,
      stage: rounds.stage,
      status: rounds.status,
    })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(eq(rounds.id, roundId));
  if (!round) throw new AppError("round.not_found");
  return { ...round, name: roundName(round.termName, round.number) };
}

/** A group of the office's committee (or the leading group's, to read), with its round. */
async function loadGroupFor(ctx: Ctx, tx: Tx, groupId: string, access: "read" | "write") {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
  if (!group) throw new AppError("group.not_found");
  assertInCommittee(
    ctx.actor,
    access === "write" ? ["officeStaff"] : ["officeStaff", "leadership"],
    group.committeeId,
    "group.not_found",
  );
  return { group, round: await loadRoundFor(tx, group.roundId) };
}

const num = (v: string | number) => Number(v);

/**
 * The round's evaluation sheet (一巡一评), office and leading group: the criteria, and for each
 * group its facts from the records, its scores if given, and its conduct questionnaire results.
 */
export async function getRoundEvaluations(ctx: Ctx, roundId: string) {
  const round = await loadRoundFor(ctx.db, roundId);
  assertInCommittee(ctx.actor, ["officeStaff", "leadership"], round.committeeId, "round.not_found");
  const { value: criteria } = await loadSetting(ctx.db, round.committeeId, groupEvaluationCriteriaSetting);
  const groupRows = await ctx.db
    .select({ id: groups.id, name: groups.name, number: groups.number })
    .from(groups)
    .where(eq(groups.roundId, round.id))
    .orderBy(asc(groups.number));
  const ids = groupRows.map((g) => g.id);
  const [facts, conduct, evaluations, assigned] = await Promise.all([
    evaluationFacts(ctx.db, ids),
    conductResults(ctx.db, ids, criteria.conductQuestions),
    ids.length
      ? ctx.db
          .select({ e: groupEvaluations, by: accounts.displayName })
          .from(groupEvaluations)
          .leftJoin(accounts, eq(accounts.id, groupEvaluations.evaluatedBy))
          .where(eq(groupEvaluations.roundId, round.id))
      : [],
    ctx.db
      .select({ groupId: groupTargets.groupId, id: targets.id, name: targets.name })
      .from(groupTargets)
      .innerJoin(targets, eq(targets.id, groupTargets.targetId))
      .where(eq(groupTargets.roundId, round.id))
      .orderBy(asc(targets.name)),
  ]);
  const isOffice = committeesWhere(ctx.actor, ["officeStaff"]).includes(round.committeeId);
  const maxTotal = criteria.criteria.reduce((s, c) => s + c.max, 0);
  return {
    round: { id: round.id, name: round.name, stage: round.stage, status: round.status },
    criteria,
    maxTotal,
    groups: groupRows.map((g) => {
      const e = evaluations.find((x) => x.e.groupId === g.id);
      const f = facts.get(g.id);
      return {
        groupId: g.id,
        name: g.name,
        targets: assigned.filter((t) => t.groupId === g.id).map(({ id, name }) => ({ id, name })),
        facts: criteria.criteria.map((c) => ({
          code: c.code,
          fact: c.fact,
          label: EVALUATION_FACTS[c.fact],
          ...(c.fact !== "none" && f ? f[c.fact] : { value: null, text: "" }),
        })),
        evaluation: e
          ? {
              scores: e.e.scores as {
                code: string;
                title: string;
                max: number;
                score: number;
                note: string;
              }[],
              total: num(e.e.total),
              grade: e.e.grade as Grade,
              comment: e.e.comment,
              evaluatedBy: e.by ?? "",
              evaluatedAt: e.e.evaluatedAt,
            }
          : null,
        conduct: conduct.get(g.id)!,
      };
    }),
    abilities: { evaluate: isOffice && canEvaluate(round.stage), issueCodes: isOffice },
  };
}

export interface SaveEvaluationInput {
  scores: { code: string; score: number; note?: string | undefined }[];
  comment?: string | undefined;
}

/**
 * Scores a group on the committee's criteria (office; from the reporting stage on): every
 * criterion once, 0 ≤ score ≤ its maximum; the total and grade follow. Saving again replaces
 * the scores (audited with both).
 */
export async function saveGroupEvaluation(ctx: Ctx, groupId: string, input: SaveEvaluationInput) {
  return ctx.db.transaction(async (tx) => {
    const { group, round } = await loadGroupFor(ctx, tx, groupId, "write");
    if (!canEvaluate(round.stage)) throw new AppError("evaluation.too_early");
    const { value: criteria } = await loadSetting(tx, group.committeeId, groupEvaluationCriteriaSetting);
    const given = new Map(input.scores.map((s) => [s.code, s]));
    const bad = criteria.criteria.filter((c) => {
      const s = given.get(c.code);
      return !s || s.score < 0 || s.score > c.max;
    });
    if (
      bad.length ||
      given.size !== input.scores.length ||
      input.scores.some((s) => !criteria.criteria.some((c) => c.code === s.code))
    ) {
      throw new AppError("evaluation.score_invalid", undefined, {
        criteria: bad.map((c) => ({ code: c.code, title: c.title, max: c.max })),
      });
    }
    const scores = criteria.criteria.map((c) => {
      const s = given.get(c.code)!;
      return {
        code: c.code,
        title: c.title,
        max: c.max,
        score: Math.round(s.score * 100) / 100,
        note: s.note ?? "",
      };
    });
    const total = Math.round(scores.reduce((sum, s) => sum + s.score, 0) * 100) / 100;
    const maxTotal = scores.reduce((sum, s) => sum + s.max, 0);
    const grade = gradeOf(total, maxTotal, criteria.thresholds);
    const [before] = await tx.select().from(groupEvaluations).where(eq(groupEvaluations.groupId, group.id));
    const values = {
      committeeId: group.committeeId,
      roundId: group.roundId,
      groupId: group.id,
      scores,
      total: total.toFixed(2),
      grade,
      comment: input.comment ?? "",
      evaluatedBy: ctx.actor.accountId!,
      evaluatedAt: new Date(),
    };
    await tx
      .insert(groupEvaluations)
      .values(values)
      .onConflictDoUpdate({ target: groupEvaluations.groupId, set: values });
    await recordAudit(tx, ctx.actor, {
      action: "group_evaluation.save",
      entity: "group",
      entityId: group.id,
      committeeId: group.committeeId,
      summary: {
        roundId: group.roundId,
        total,
        grade,
        scores: scores.map(({ code, score }) => ({ code, score })),
        ...(before ? { previous: { total: num(before.total), grade: before.grade } } : {}),
      },
    });
    return { groupId: group.id, scores, total, maxTotal, grade, comment: values.comment };
  });
}

/**
 * Issues `perTarget` one-time codes to each target of the group (office) for the conduct
 * questionnaire. The codes are returned once, here, to print or send; only their SHA-256 is kept.
 * With them come the public page's address and its QR code (the code itself is never in a URL).
 */
export async function issueConductCodes(
  ctx: Ctx,
  groupId: string,
  input: { perTarget: number; publicBaseUrl: string },
) {
  return ctx.db.transaction(async (tx) => {
    const { group, round } = await loadGroupFor(ctx, tx, groupId, "write");
    const assigned = await tx
      .select({ id: targets.id, name: targets.name })
      .from(groupTargets)
      .innerJoin(targets, eq(targets.id, groupTargets.targetId))
      .where(eq(groupTargets.groupId, group.id))
      .orderBy(asc(targets.name));
    if (!assigned.length) throw new AppError("request.invalid", "该巡察组尚未分配巡察对象");
    const [committee] = await tx
      .select({ name: committees.name })
      .from(committees)
      .where(eq(committees.id, group.committeeId));
    const issued = assigned.map((t) => ({
      targetId: t.id,
      targetName: t.name,
      codes: Array.from({ length: input.perTarget }, () => newConductCode()),
    }));
    const rows = issued.flatMap((t) =>
      t.codes.map((code) => ({ targetId: t.targetId, hash: hashConductCode(code) })),
    );
    await tx.execute(sql`
      insert into ${conductCodes} (committee_id, group_id, target_id, code_hash)
      select ${group.committeeId}::uuid, ${group.id}::uuid, t.target_id, t.code_hash
      from unnest(${sql.param(rows.map((r) => r.targetId))}::uuid[], ${sql.param(rows.map((r) => r.hash))}::text[])
        as t(target_id, code_hash)`);
    await recordAudit(tx, ctx.actor, {
      action: "conduct_codes.issue",
      entity: "group",
      entityId: group.id,
      committeeId: group.committeeId,
      summary: { roundId: round.id, perTarget: input.perTarget, count: rows.length },
    });
    const pageUrl = `${input.publicBaseUrl.replace(/\/+$/, "")}/p/conduct`;
    return {
      committeeName: committee?.name ?? "",
      roundName: round.name,
      groupId: group.id,
      groupName: group.name,
      targets: issued,
      pageUrl,
      qrDataUrl: await QRCode.toDataURL(pageUrl, { margin: 1, width: 240, errorCorrectionLevel: "M" }),
    };
  });
}
