import { count, eq, sql, surveyCodes, type surveys, type Tx } from "@xuncha/db";
import QRCode from "qrcode";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { hashOneTimeCode, newOneTimeCode } from "../codes/one-time-code";
import { AppError } from "../model/errors";
import { loadSurvey } from "./survey-access";

export const MAX_CODES_PER_CALL = 500;
export const MAX_CODES_PER_SURVEY = 2000;

/** The public answering page, served by the web app: <public base URL>/s. The code is typed there. */
export const surveyPageUrl = (publicBaseUrl: string) => `${publicBaseUrl.replace(/\/+$/, "")}/s`;

/** Issues `n` codes for a survey inside the caller's transaction; returns them once, with the page's link and QR. */
export async function issueCodesIn(
  tx: Tx,
  ctx: Ctx,
  survey: typeof surveys.$inferSelect,
  n: number,
  publicBaseUrl: string,
) {
  if (survey.status !== "open") throw new AppError("survey.closed");
  const [issued] = await tx
    .select({ n: count() })
    .from(surveyCodes)
    .where(eq(surveyCodes.surveyId, survey.id));
  if (n > MAX_CODES_PER_CALL || Number(issued?.n ?? 0) + n > MAX_CODES_PER_SURVEY) {
    throw new AppError("survey.too_many_codes");
  }
  const codes = Array.from({ length: n }, () => newOneTimeCode());
  await tx.execute(sql`
    insert into ${surveyCodes} (committee_id, survey_id, code_hash)
    select ${survey.committeeId}::uuid, ${survey.id}::uuid, h
    from unnest(${sql.param(codes.map(hashOneTimeCode))}::text[]) as t(h)`);
  await recordAudit(tx, ctx.actor, {
    action: "survey_codes.issue",
    entity: "survey",
    entityId: survey.id,
    committeeId: survey.committeeId,
    summary: { count: n, total: Number(issued?.n ?? 0) + n },
  });
  const pageUrl = surveyPageUrl(publicBaseUrl);
  const qrDataUrl = await QRCode.toDataURL(pageUrl, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  return { codes, pageUrl, qrDataUrl };
}

/**
 * Issues one-time codes for a survey (the office, or its group while the round is open), shown
 * this once to print or hand out; only their SHA-256 is kept. Audited with the count, never a code.
 */
export async function issueSurveyCodes(
  ctx: Ctx,
  surveyId: string,
  input: { count: number; publicBaseUrl: string },
) {
  return ctx.db.transaction(async (tx) => {
    const s = await loadSurvey(tx, ctx.actor, surveyId);
    s.assertWrite();
    const issued = await issueCodesIn(tx, ctx, s.survey, input.count, input.publicBaseUrl);
    return {
      surveyId: s.survey.id,
      title: s.survey.title,
      targetName: s.targetName,
      groupName: s.groupName,
      opensOn: s.survey.opensOn,
      closesOn: s.survey.closesOn,
      ...issued,
    };
  });
}
