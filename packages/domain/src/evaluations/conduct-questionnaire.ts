import {
  and,
  committees,
  conductCodes,
  conductResponses,
  type Db,
  eq,
  groups,
  isNull,
  rounds,
  type Tx,
  terms,
} from "@xuncha/db";
import { systemActor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { loadSetting } from "../committee-settings/setting";
import { AppError } from "../model/errors";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { hashConductCode } from "./conduct-code";
import { groupEvaluationCriteriaSetting } from "./criteria";

/** The unused code's row and what the questionnaire is about, or conduct.code_invalid. */
async function findCode(db: Tx, code: string, lock: boolean) {
  const query = db
    .select({
      id: conductCodes.id,
      committeeId: conductCodes.committeeId,
      groupId: conductCodes.groupId,
      groupName: groups.name,
      roundNumber: rounds.number,
      termName: terms.name,
      committeeName: committees.name,
    })
    .from(conductCodes)
    .innerJoin(groups, eq(groups.id, conductCodes.groupId))
    .innerJoin(rounds, eq(rounds.id, groups.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .innerJoin(committees, eq(committees.id, conductCodes.committeeId))
    .where(and(eq(conductCodes.codeHash, hashConductCode(code)), isNull(conductCodes.usedAt)));
  const [row] = lock ? await query.for("update", { of: conductCodes }) : await query;
  if (!row) throw new AppError("conduct.code_invalid");
  return row;
}

/**
 * Public (no login): what a valid, unused code opens: which group of which round is evaluated, and
 * the questions. Nothing is recorded.
 */
export async function openConductQuestionnaire(db: Db, input: { code: string }) {
  const row = await findCode(db, input.code, false);
  const { value } = await loadSetting(db, row.committeeId, groupEvaluationCriteriaSetting);
  return {
    committeeName: row.committeeName,
    roundName: roundName(row.termName, row.roundNumber),
    groupName: row.groupName,
    questions: value.conductQuestions,
  };
}

export interface ConductAnswers {
  code: string;
  scores: Record<string, number>;
  remark?: string | undefined;
}

/**
 * Public (no login): one anonymous answer per code. The code is spent (its use kept as a date
 * only) and the answer stored with the group alone: no code, target, account, address or time of
 * day, so an answer cannot be traced back to whoever held the code.
 */
export async function submitConductResponse(db: Db, input: ConductAnswers) {
  return db.transaction(async (tx) => {
    const row = await findCode(tx, input.code, true);
    const { value } = await loadSetting(tx, row.committeeId, groupEvaluationCriteriaSetting);
    const keys = value.conductQuestions.map((q) => q.code);
    const given = Object.keys(input.scores);
    const valid =
      given.length === keys.length &&
      keys.every((k) => {
        const v = input.scores[k];
        return typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5;
      });
    if (!valid) throw new AppError("conduct.answers_invalid");
    const today = chinaDate();
    await tx
      .update(conductCodes)
      .set({ usedAt: new Date(`${today}T00:00:00Z`) })
      .where(eq(conductCodes.id, row.id));
    const answers: Record<string, number | string> = {};
    for (const k of keys) answers[k] = input.scores[k]!;
    const remark = input.remark?.trim();
    if (remark) answers.remark = remark;
    await tx.insert(conductResponses).values({
      committeeId: row.committeeId,
      groupId: row.groupId,
      answers,
      answeredOn: today,
    });
    await recordAudit(tx, systemActor("匿名作风评价"), {
      action: "conduct_response.submit",
      entity: "group",
      entityId: row.groupId,
      committeeId: row.committeeId,
    });
    return { ok: true as const };
  });
}
