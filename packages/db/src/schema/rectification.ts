import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { documents } from "./documents";
import { files } from "./files";
import { findings } from "./findings";
import { rounds } from "./rounds";
import { targets } from "./targets";
import { feedbacks } from "./transfers";

/** A rectification measure (整改措施) for a fed-back finding. */
export const measures = pgTable(
  "measures",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    content: text("content").notNull(),
    goal: text("goal").notNull().default(""),
    responsibleLeader: text("responsible_leader").notNull().default(""),
    responsibleDept: text("responsible_dept").notNull().default(""),
    responsiblePerson: text("responsible_person").notNull(),
    deadline: date("deadline").notNull(),
    longTerm: boolean("long_term").notNull().default(false),
    /** Rules made (建章立制): the names of the rules, regulations or systems made or revised. */
    rulesMade: text("rules_made").array().notNull().default([]),
    /** Money recovered (挽回经济损失), in 万元. */
    moneyRecovered: numeric("money_recovered", { precision: 14, scale: 2 }).notNull().default("0"),
    /** People held accountable (追责问责, 人). */
    accountablePersons: integer("accountable_persons").notNull().default(0),
    /** Order within the finding, as the target arranged it in the plan. */
    position: integer("position").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("measures_finding_idx").on(t.findingId), index("measures_target_idx").on(t.targetId)],
);

/** A dated progress update on a measure; never overwritten. */
export const progressUpdates = pgTable(
  "progress_updates",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    reportedOn: date("reported_on").notNull(),
    content: text("content").notNull(),
    /** unfinished | basicallyDone | done (未完成 / 基本完成 / 已完成) */
    completion: text("completion").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("progress_updates_measure_idx").on(t.measureId)],
);

export const progressFiles = pgTable(
  "progress_files",
  {
    progressUpdateId: uuid("progress_update_id")
      .notNull()
      .references(() => progressUpdates.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.progressUpdateId, t.fileId] })],
);

/**
 * The office extends a measure's deadline (延期), with its reason: the measure's deadline changes and
 * each extension is kept, so the ledger shows the original deadline and every change.
 */
export const deadlineExtensions = pgTable(
  "deadline_extensions",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    fromDeadline: date("from_deadline").notNull(),
    toDeadline: date("to_deadline").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("deadline_extensions_measure_idx").on(t.measureId)],
);

/** Close-out (销号) and reopening of a finding, as dated rows. */
export const closeOuts = pgTable(
  "close_outs",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    findingId: uuid("finding_id")
      .notNull()
      .references(() => findings.id),
    /** approve (one party's check of the evidence) | close | reopen */
    action: text("action").notNull(),
    /** For approve: the approving party (office | disciplineCommission | organizationDept). */
    party: text("party"),
    reason: text("reason").notNull().default(""),
    actorId: uuid("actor_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("close_outs_finding_idx").on(t.findingId)],
);

/**
 * A document under joint review (三方/四方联审): the target's rectification plan (整改方案) for one
 * feedback, its progress reports (整改进展情况报告) and its final report (整改情况报告). Its submitted
 * versions and the parties' reviews are the history the pure machine (joint-review.ts) decides on;
 * `status` is that machine's answer, stored for lists and the sweep.
 */
export const reviewSubjects = pgTable(
  "review_subjects",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    feedbackId: uuid("feedback_id")
      .notNull()
      .references(() => feedbacks.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    /** plan | progressReport | finalReport */
    kind: text("kind").notNull(),
    /** 1 for the plan and the final report; 1, 2, … for progress reports. */
    sequence: integer("sequence").notNull().default(1),
    title: text("title").notNull(),
    /** The draft of a report's text (whole fields and entries per measure); plans draft in measures. */
    draft: jsonb("draft").notNull().default({}),
    /** draft | underReview | returned | passed */
    status: text("status").notNull().default("draft"),
    /** When it is due (plan and final report from the deadlines setting). */
    dueOn: date("due_on"),
    passedAt: timestamp("passed_at", { withTimezone: true }),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("review_subjects_key").on(t.feedbackId, t.kind, t.sequence),
    index("review_subjects_committee_idx").on(t.committeeId, t.status),
    index("review_subjects_target_idx").on(t.targetId),
  ],
);

/** A submitted version of a subject: its content frozen, the parties that review it, the sign-off. */
export const reviewVersions = pgTable(
  "review_versions",
  {
    id: id(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => reviewSubjects.id),
    number: integer("number").notNull(),
    /** The reviewing parties when it was submitted (rectification.jointReview). */
    parties: text("parties").array().notNull(),
    /** { whole: Fields, measures: [{ id, fields }] } as reviewed. */
    content: jsonb("content").notNull(),
    /** The principal's sign-off (签字背书): by account or as an uploaded signed scan. */
    signOffKind: text("sign_off_kind").notNull(),
    signedBy: uuid("signed_by").references(() => accounts.id),
    signedByName: text("signed_by_name").notNull().default(""),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedScanFileId: uuid("signed_scan_file_id").references(() => files.id),
    submittedBy: uuid("submitted_by").notNull(),
    submittedAt: createdAt(),
  },
  (t) => [uniqueIndex("review_versions_key").on(t.subjectId, t.number)],
);

/** One party's answer to one version: a verdict on the whole and on each measure it reviews. */
export const partyReviews = pgTable(
  "party_reviews",
  {
    id: id(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => reviewSubjects.id),
    version: integer("version").notNull(),
    /** office | disciplineCommission | organizationDept | group */
    party: text("party").notNull(),
    /** { decision, opinion } */
    whole: jsonb("whole").notNull(),
    /** { [measureId]: { decision, opinion } } */
    measures: jsonb("measures").notNull().default({}),
    /** Number of return verdicts and of opinions given, for the counts. */
    returns: integer("returns").notNull().default(0),
    opinions: integer("opinions").notNull().default(0),
    reviewerId: uuid("reviewer_id").notNull(),
    reviewerName: text("reviewer_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("party_reviews_key").on(t.subjectId, t.version, t.party)],
);

/**
 * A step of the escalation ladder (提醒 → 督办函 → 约谈 → 通报 → 问责建议) taken on an item: a plan or
 * final report (review_subjects) or a measure. Unique per item and step, so a sweep run twice takes
 * nothing twice (inserted with on conflict do nothing).
 */
export const escalationSteps = pgTable(
  "escalation_steps",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    /** plan | finalReport | measure */
    itemKind: text("item_kind").notNull(),
    itemId: uuid("item_id").notNull(),
    /** reminder | urgingLetter | summons | circulation | accountability */
    step: text("step").notNull(),
    /** The China calendar day the step was taken. */
    takenOn: date("taken_on").notNull(),
    /** The deadline the step was taken against. */
    deadline: date("deadline").notNull(),
    /** The numbered letter (督办函 …), when the step sends one. */
    documentId: uuid("document_id").references(() => documents.id),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => accounts.id),
    /** sweep | manual */
    source: text("source").notNull().default("sweep"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("escalation_steps_key").on(t.itemKind, t.itemId, t.step),
    index("escalation_steps_committee_idx").on(t.committeeId, t.takenOn),
    index("escalation_steps_target_idx").on(t.targetId),
  ],
);

/** An in-app notification to one account (whose action is due). */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    committeeId: uuid("committee_id").references(() => committees.id),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    /** A path in the web app. */
    link: text("link").notNull().default(""),
    /** What produced it, so a repeat produces nothing (e.g. escalation:<stepId>). */
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_account_idx").on(t.accountId, t.readAt),
    uniqueIndex("notifications_dedupe_key").on(t.accountId, t.dedupeKey),
  ],
);

/** Messages handed to an outbound channel (email, SMS): the outbox, one row per message. */
export const outboundMessages = pgTable(
  "outbound_messages",
  {
    id: id(),
    committeeId: uuid("committee_id").references(() => committees.id),
    /** email | sms */
    channel: text("channel").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull().default(""),
    body: text("body").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    /** pending | sent | failed */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error").notNull().default(""),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("outbound_messages_dedupe_key").on(t.channel, t.dedupeKey)],
);

/** A revisit (回访督查) of a target after the concentrated rectification period. */
export const revisits = pgTable(
  "revisits",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    /** 1, 2, 3 … per target and round. */
    sequence: integer("sequence").notNull(),
    plannedOn: date("planned_on").notNull(),
    /** onSite | documents */
    method: text("method").notNull(),
    /** The parties taking part besides the office: disciplineCommission, organizationDept. */
    parties: text("parties").array().notNull().default([]),
    /** planned | done */
    status: text("status").notNull().default("planned"),
    doneOn: date("done_on"),
    conclusion: text("conclusion").notNull().default(""),
    /** Findings reopened by this revisit. */
    reopenedFindingIds: uuid("reopened_finding_ids").array().notNull().default([]),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("revisits_key").on(t.roundId, t.targetId, t.sequence)],
);

/** The effect evaluation (整改成效评估) of a target's rectification, scored on the committee's criteria. */
export const rectificationEvaluations = pgTable(
  "rectification_evaluations",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    /** [{ key, label, weight, score }] as scored. */
    scores: jsonb("scores").notNull(),
    total: numeric("total", { precision: 6, scale: 2 }).notNull(),
    grade: text("grade").notNull(),
    comment: text("comment").notNull().default(""),
    evaluatedBy: uuid("evaluated_by").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rectification_evaluations_key").on(t.roundId, t.targetId)],
);

/**
 * The disclosure (整改公开) of a target's rectification, inside the party or to society: drafted from
 * the final report, items withheld with a reason from the allowed list, approved by the leading group,
 * archived as published.
 */
export const disclosures = pgTable(
  "disclosures",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    /** party | public */
    scope: text("scope").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    /** The office's own 开头 (introduction); null = the final report's text. */
    lead: text("lead"),
    /** The office's own 结尾 (closing paragraphs after the last section), e.g. where to send opinions. */
    closing: text("closing").notNull().default(""),
    /** [{ findingId, reason, note }] */
    withheld: jsonb("withheld").notNull().default([]),
    /** draft | submitted | approved | returned | published */
    status: text("status").notNull().default("draft"),
    approvedBy: uuid("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvalNote: text("approval_note").notNull().default(""),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** The published text as a file (SHA-256), archived. */
    publishedFileId: uuid("published_file_id").references(() => files.id),
    createdBy: uuid("created_by").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("disclosures_target_idx").on(t.roundId, t.targetId)],
);
