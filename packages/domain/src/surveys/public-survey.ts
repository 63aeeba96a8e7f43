import {
  and,
  committees,
  type Db,
  eq,
  isNull,
  surveyCodes,
  surveyResponses,
  surveys,
  type Tx,
  targets,
} from "@xuncha/db";
import { hashOneTimeCode } from "../codes/one-time-code";
import { AppError } from "../model/errors";
import { chinaDate } from "../work-items/due-date";
import { surveyPhase } from "./list-surveys";
import { checkAnswers, type SurveyQuestion } from "./questions";

/**
 * The unused code's row and its survey, or survey.code_invalid: an unknown code and a used one get
 * the same answer, so trying codes tells nothing about which exist.
 */
async function findCode(db: Tx, code: string, lock: boolean) {
  const query = db
    .select({
      codeId: surveyCodes.id,
      survey: surveys,
      targetName: targets.name,
      committeeName: committees.name,
    })
    .from(surveyCodes)
    .innerJoin(surveys, eq(surveys.id, surveyCodes.surveyId))
    .innerJoin(targets, eq(targets.id, surveys.targetId))
    .innerJoin(committees, eq(committees.id, surveys.committeeId))
    .where(and(eq(surveyCodes.codeHash, hashOneTimeCode(code)), isNull(surveyCodes.usedAt)));
  const [row] = lock ? await query.for("update", { of: surveyCodes }) : await query;
  if (!row) throw new AppError("survey.code_invalid");
  if (surveyPhase(row.survey) !== "open") {
    throw new AppError("survey.not_open", undefined, {
      opensOn: row.survey.opensOn,
      closesOn: row.survey.closesOn,
    });
  }
  return row;
}

/** Public (no login): what a valid, unused code opens: the survey's title, intro and questions. Nothing is recorded. */
export async function openSurveyByCode(db: Db, input: { code: string }) {
  const row = await findCode(db, input.code, false);
  return {
    committeeName: row.committeeName,
    targetName: row.targetName,
    title: row.survey.title,
    intro: row.survey.intro,
    closesOn: row.survey.closesOn,
    questions: row.survey.questions as SurveyQuestion[],
  };
}

/**
 * Public (no login): one anonymous answer sheet per code. The code is spent (its use kept as a date
 * only) and the answers stored with the survey and the day alone: no code, account, address or
 * time of day, so a sheet cannot be traced back to whoever held the code. Nothing is audited for
 * the same reason (an audit entry would carry the time).
 */
export async function submitSurveyResponse(
  db: Db,
  input: { code: string; answers: Record<string, unknown> },
) {
  return db.transaction(async (tx) => {
    const row = await findCode(tx, input.code, true);
    const answers = checkAnswers(row.survey.questions as SurveyQuestion[], input.answers);
    const today = chinaDate();
    await tx
      .update(surveyCodes)
      .set({ usedAt: new Date(`${today}T00:00:00Z`) })
      .where(eq(surveyCodes.id, row.codeId));
    await tx.insert(surveyResponses).values({
      committeeId: row.survey.committeeId,
      surveyId: row.survey.id,
      answers,
      answeredOn: today,
    });
    return { ok: true as const };
  });
}
