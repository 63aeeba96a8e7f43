import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id, updatedAt } from "./common";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/**
 * A questionnaire (问卷) of single-choice, multiple-choice, scale and text questions. With no group
 * it is an office template every group of the committee may reuse; with a group it belongs to that
 * group. A survey copies the questions, so editing a questionnaire never changes a running survey.
 */
export const surveyQuestionnaires = pgTable(
  "survey_questionnaires",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    /** null: an office template. */
    groupId: uuid("group_id").references(() => groups.id),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    /** [{ id, kind: single | multiple | scale | text, title, required, options? }] */
    questions: jsonb("questions").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("survey_questionnaires_committee_idx").on(t.committeeId, t.groupId)],
);

/** A questionnaire put to one target's staff by its group in a round (问卷测评), between two dates. */
export const surveys = pgTable(
  "surveys",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    questionnaireId: uuid("questionnaire_id").references(() => surveyQuestionnaires.id),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    /** The questions as they were when the survey was created (same shape as the questionnaire's). */
    questions: jsonb("questions").notNull(),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    /** open | closed */
    status: text("status").notNull().default("open"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => accounts.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("surveys_round_idx").on(t.roundId, t.groupId),
    index("surveys_committee_idx").on(t.committeeId),
  ],
);

/**
 * A one-time code for one answer to a survey. Only the SHA-256 of the code is kept, and its use as a
 * date: a response does not say which code it used.
 */
export const surveyCodes = pgTable(
  "survey_codes",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("survey_codes_hash_key").on(t.codeHash),
    index("survey_codes_survey_idx").on(t.surveyId),
  ],
);

/** An anonymous answer sheet: the survey, the answers and the day; no code, account, address or time of day. */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id),
    /** { [questionId]: optionIndex | optionIndex[] | text } */
    answers: jsonb("answers").notNull(),
    answeredOn: date("answered_on").notNull(),
  },
  (t) => [index("survey_responses_survey_idx").on(t.surveyId)],
);
