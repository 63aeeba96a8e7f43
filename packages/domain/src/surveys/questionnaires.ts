import { and, asc, eq, groups, inArray, isNull, or, rounds, surveyQuestionnaires, type Tx } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { actingCommittee, committeesWhere, groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { checkQuestions, type SurveyQuestion } from "./questions";
import { assertGroupWrite } from "./survey-access";
import { BUILT_IN_QUESTIONNAIRES } from "./templates";

export interface QuestionnaireInput {
  /** The group's own questionnaire; an office template when absent. */
  groupId?: string | undefined;
  title: string;
  intro?: string | undefined;
  questions: SurveyQuestion[];
}

const present = (
  q: typeof surveyQuestionnaires.$inferSelect,
  groupName: string | null,
  canEdit: boolean,
) => ({
  id: q.id,
  source: q.groupId ? ("group" as const) : ("office" as const),
  groupId: q.groupId,
  groupName,
  title: q.title,
  intro: q.intro,
  questions: q.questions as SurveyQuestion[],
  updatedAt: q.updatedAt,
  canEdit,
});

/**
 * The questionnaires the actor may use: the built-in ones, the office's templates of the
 * committees the actor works in, and the groups' own questionnaires (the office and leading group
 * see every group's; a group sees its own).
 */
export async function listQuestionnaires(ctx: Ctx) {
  const readers = committeesWhere(ctx.actor, ["officeStaff", "leadership"], "read");
  const office = committeesWhere(ctx.actor, ["officeStaff"]);
  const myGroups = groupIdsOf(ctx.actor);
  const groupCommittees = ctx.actor.grants.flatMap((g) =>
    g.groupId && g.committeeId ? [g.committeeId] : [],
  );
  const templateCommittees = [...new Set([...readers, ...groupCommittees])];
  const conditions = [
    templateCommittees.length
      ? and(
          inArray(surveyQuestionnaires.committeeId, templateCommittees),
          isNull(surveyQuestionnaires.groupId),
        )
      : undefined,
    readers.length ? inArray(surveyQuestionnaires.committeeId, readers) : undefined,
    myGroups.length ? inArray(surveyQuestionnaires.groupId, myGroups) : undefined,
  ].filter((c) => c !== undefined);
  const rows = conditions.length
    ? await ctx.db
        .select({ q: surveyQuestionnaires, groupName: groups.name, roundStatus: rounds.status })
        .from(surveyQuestionnaires)
        .leftJoin(groups, eq(groups.id, surveyQuestionnaires.groupId))
        .leftJoin(rounds, eq(rounds.id, groups.roundId))
        .where(or(...conditions))
        .orderBy(asc(surveyQuestionnaires.createdAt), asc(surveyQuestionnaires.id))
    : [];
  return {
    builtIn: BUILT_IN_QUESTIONNAIRES.map((b) => ({
      key: b.key,
      title: b.title,
      intro: b.intro,
      questions: b.questions,
    })),
    items: rows.map((r) =>
      present(
        r.q,
        r.groupName,
        office.includes(r.q.committeeId) ||
          (r.q.groupId !== null && myGroups.includes(r.q.groupId) && r.roundStatus === "open"),
      ),
    ),
    abilities: { createTemplate: office.length > 0 },
  };
}

/** The group a questionnaire is made for, checked for a write by the actor. */
async function groupForWrite(ctx: Ctx, tx: Tx, groupId: string) {
  const [group] = await tx
    .select({ id: groups.id, committeeId: groups.committeeId, name: groups.name, roundStatus: rounds.status })
    .from(groups)
    .innerJoin(rounds, eq(rounds.id, groups.roundId))
    .where(eq(groups.id, groupId));
  if (!group) throw new AppError("group.not_found");
  assertGroupWrite(ctx.actor, { ...group, groupId: group.id }, "group.not_found");
  return group;
}

/**
 * Creates a questionnaire: an office template (no group; office only) or a group's own (the
 * office, or the group while its round is open). Audited.
 */
export async function createQuestionnaire(ctx: Ctx, input: QuestionnaireInput) {
  const questions = checkQuestions(input.questions);
  return ctx.db.transaction(async (tx) => {
    const group = input.groupId ? await groupForWrite(ctx, tx, input.groupId) : null;
    const committeeId = group ? group.committeeId : actingCommittee(ctx.actor, ["officeStaff"]);
    const [row] = await tx
      .insert(surveyQuestionnaires)
      .values({
        committeeId,
        groupId: group?.id ?? null,
        title: input.title,
        intro: input.intro ?? "",
        questions,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "survey_questionnaire.create",
      entity: "survey_questionnaire",
      entityId: row!.id,
      committeeId,
      summary: { title: row!.title, groupId: row!.groupId, questions: questions.length },
    });
    return present(row!, group?.name ?? null, true);
  });
}

/** Replaces a questionnaire's title, intro and questions (surveys already made keep their copy). Audited. */
export async function updateQuestionnaire(ctx: Ctx, id: string, input: Omit<QuestionnaireInput, "groupId">) {
  const questions = checkQuestions(input.questions);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(surveyQuestionnaires).where(eq(surveyQuestionnaires.id, id));
    if (!row) throw new AppError("survey_questionnaire.not_found");
    let groupName: string | null = null;
    if (row.groupId) {
      const [group] = await tx
        .select({ name: groups.name, roundStatus: rounds.status })
        .from(groups)
        .innerJoin(rounds, eq(rounds.id, groups.roundId))
        .where(eq(groups.id, row.groupId));
      assertGroupWrite(
        ctx.actor,
        { committeeId: row.committeeId, groupId: row.groupId, roundStatus: group?.roundStatus ?? "closed" },
        "survey_questionnaire.not_found",
      );
      groupName = group?.name ?? null;
    } else if (!committeesWhere(ctx.actor, ["officeStaff"]).includes(row.committeeId)) {
      const reads =
        committeesWhere(ctx.actor, ["leadership"], "read").includes(row.committeeId) ||
        ctx.actor.grants.some((g) => g.groupId && g.committeeId === row.committeeId);
      throw new AppError(reads ? "auth.forbidden" : "survey_questionnaire.not_found");
    }
    const [updated] = await tx
      .update(surveyQuestionnaires)
      .set({ title: input.title, intro: input.intro ?? "", questions, updatedAt: new Date() })
      .where(eq(surveyQuestionnaires.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "survey_questionnaire.update",
      entity: "survey_questionnaire",
      entityId: id,
      committeeId: row.committeeId,
      summary: { title: input.title, questions: questions.length },
    });
    return present(updated!, groupName, true);
  });
}
