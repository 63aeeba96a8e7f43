import { eq, surveys } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { loadSurvey } from "./survey-access";

/** Closes a survey before its last day (the office, or its group while the round is open): unused codes stop working. Audited. */
export async function closeSurvey(ctx: Ctx, surveyId: string) {
  return ctx.db.transaction(async (tx) => {
    const s = await loadSurvey(tx, ctx.actor, surveyId);
    s.assertWrite();
    if (s.survey.status !== "open") throw new AppError("survey.closed");
    const closedAt = new Date();
    await tx
      .update(surveys)
      .set({ status: "closed", closedAt, closedBy: ctx.actor.accountId })
      .where(eq(surveys.id, s.survey.id));
    await recordAudit(tx, ctx.actor, {
      action: "survey.close",
      entity: "survey",
      entityId: s.survey.id,
      committeeId: s.survey.committeeId,
      summary: { title: s.survey.title },
    });
    return { id: s.survey.id, status: "closed" as const, closedAt };
  });
}
