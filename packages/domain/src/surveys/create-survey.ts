import { and, eq, groups, groupTargets, rounds, surveyQuestionnaires, surveys, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { issueCodesIn, MAX_CODES_PER_CALL } from "./issue-survey-codes";
import { checkQuestions, type SurveyQuestion } from "./questions";
import { assertGroupWrite, surveyAccess } from "./survey-access";
import { builtInQuestionnaire } from "./templates";

export interface CreateSurveyInput {
  groupId: string;
  targetId: string;
  /** One of: a stored questionnaire, a built-in one, or questions given here. */
  questionnaireId?: string | undefined;
  builtIn?: string | undefined;
  title?: string | undefined;
  intro?: string | undefined;
  opensOn: string;
  closesOn: string;
  /** Codes to issue at once (returned here, once). */
  codeCount?: number | undefined;
  /** Where the public page is reached from outside, for the link and QR code of the codes. */
  publicBaseUrl: string;
}

/**
 * Puts a questionnaire to one of the group's targets (问卷测评) between two dates: the office, or
 * the group while its round is open. The questions are copied into the survey. Codes may be issued
 * at once. Audited (the codes never are).
 */
export async function createSurvey(ctx: Ctx, input: CreateSurveyInput) {
  if ([input.questionnaireId, input.builtIn].filter(Boolean).length !== 1) {
    throw new AppError("request.invalid", "请选择一份问卷");
  }
  if (input.closesOn < input.opensOn) throw new AppError("survey.dates_invalid");
  if ((input.codeCount ?? 0) > MAX_CODES_PER_CALL) throw new AppError("survey.too_many_codes");
  return ctx.db.transaction(async (tx) => {
    const [group] = await tx
      .select({
        id: groups.id,
        committeeId: groups.committeeId,
        roundId: groups.roundId,
        name: groups.name,
        roundStatus: rounds.status,
      })
      .from(groups)
      .innerJoin(rounds, eq(rounds.id, groups.roundId))
      .where(eq(groups.id, input.groupId));
    if (!group) throw new AppError("group.not_found");
    assertGroupWrite(ctx.actor, { ...group, groupId: group.id }, "group.not_found");
    if (group.roundStatus !== "open") throw new AppError("round.closed");
    const [assigned] = await tx
      .select({ targetId: groupTargets.targetId, targetName: targets.name })
      .from(groupTargets)
      .innerJoin(targets, eq(targets.id, groupTargets.targetId))
      .where(and(eq(groupTargets.groupId, group.id), eq(groupTargets.targetId, input.targetId)));
    if (!assigned) throw new AppError("survey.target_not_in_group");

    let source: { title: string; intro: string; questions: SurveyQuestion[] };
    if (input.builtIn) {
      const b = builtInQuestionnaire(input.builtIn);
      if (!b) throw new AppError("survey_questionnaire.not_found");
      source = b;
    } else {
      const [q] = await tx
        .select()
        .from(surveyQuestionnaires)
        .where(eq(surveyQuestionnaires.id, input.questionnaireId!));
      // A template of the group's committee, or a questionnaire of this group.
      const usable =
        q &&
        q.committeeId === group.committeeId &&
        (q.groupId === null ||
          q.groupId === group.id ||
          surveyAccess(ctx.actor, q.committeeId, q.groupId).read);
      if (!usable) throw new AppError("survey_questionnaire.not_found");
      source = { title: q.title, intro: q.intro, questions: q.questions as SurveyQuestion[] };
    }
    const questions = checkQuestions(source.questions);
    const [survey] = await tx
      .insert(surveys)
      .values({
        committeeId: group.committeeId,
        roundId: group.roundId,
        groupId: group.id,
        targetId: input.targetId,
        questionnaireId: input.questionnaireId ?? null,
        title: input.title?.trim() || source.title,
        intro: input.intro ?? source.intro,
        questions,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "survey.create",
      entity: "survey",
      entityId: survey!.id,
      committeeId: group.committeeId,
      summary: {
        title: survey!.title,
        groupId: group.id,
        targetId: input.targetId,
        source: input.builtIn ? `builtIn:${input.builtIn}` : input.questionnaireId,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
      },
    });
    const codes = input.codeCount
      ? {
          surveyId: survey!.id,
          title: survey!.title,
          targetName: assigned.targetName,
          groupName: group.name,
          opensOn: survey!.opensOn,
          closesOn: survey!.closesOn,
          ...(await issueCodesIn(tx, ctx, survey!, input.codeCount, input.publicBaseUrl)),
        }
      : null;
    return { id: survey!.id, title: survey!.title, codes };
  });
}
