import { createHash } from "node:crypto";
import {
  and,
  asc,
  eq,
  findings,
  measures,
  ne,
  partyReviews,
  queryRows,
  reviewSubjects,
  reviewVersions,
  sql,
  type Tx,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, contactTargetIds } from "../access/policies";
import type { Completion } from "../model/enums";
import { AppError } from "../model/errors";
import type { ReviewParty, ReviewSubjectKind } from "../model/rectification";
import type { Fields, JointReviewHistory, PartyReview, ReviewVersion, VersionContent } from "./joint-review";

export type ReviewSubjectRow = typeof reviewSubjects.$inferSelect;

/** The principal's sign-off on a draft, kept in the draft until the draft is submitted. */
export interface DraftSignOff {
  kind: "account" | "scan";
  accountId: string;
  name: string;
  at: string;
  fileId: string | null;
  /** The hash of the content signed: any later edit changes the content, and voids the sign-off. */
  hash: string;
}

export interface PlanDraftJson {
  summary?: string;
  signOff?: DraftSignOff;
}
export interface ReportEntry {
  progress: string;
  completion: Completion;
}
export interface ReportDraftJson {
  text?: string;
  entries?: Record<string, ReportEntry>;
  signOff?: DraftSignOff;
}

/** The findings of a feedback that the target rectifies (clues are never shown to the target). */
export const planFindingsWhere = (feedbackId: string) =>
  and(eq(findings.feedbackId, feedbackId), ne(findings.route, "clue"));

/** Locks a subject for a change: concurrent reviews of one version are decided one after the other. */
export async function lockSubject(tx: Tx, id: string) {
  await tx.execute(sql`select id from review_subjects where id = ${id} for update`);
}

/** The groups that inspected the subject's target in its round (a `group` party's accounts). */
export async function reviewingGroupIds(
  tx: Tx,
  subject: { roundId: string; targetId: string; feedbackId: string },
) {
  const rows = await queryRows<{ group_id: string }>(
    tx,
    sql`select group_id from group_targets where round_id = ${subject.roundId} and target_id = ${subject.targetId}
        union select group_id from findings where feedback_id = ${subject.feedbackId} and group_id is not null`,
  );
  return rows.map((r) => r.group_id);
}

/** The parties the actor acts for on a subject of this committee inspected by these groups. */
export function partiesOfActor(
  actor: Actor,
  committeeId: string,
  groupIds: readonly string[],
): ReviewParty[] {
  const parties: ReviewParty[] = [];
  if (committeesWhere(actor, ["officeStaff"]).includes(committeeId)) parties.push("office");
  if (committeesWhere(actor, ["disciplineReviewer"]).includes(committeeId))
    parties.push("disciplineCommission");
  if (committeesWhere(actor, ["organizationReviewer"]).includes(committeeId))
    parties.push("organizationDept");
  const leads = actor.grants.some(
    (g) =>
      (g.role === "groupLeader" || g.role === "groupDeputy") &&
      g.committeeId === committeeId &&
      g.groupId !== undefined &&
      groupIds.includes(g.groupId),
  );
  if (leads) parties.push("group");
  return parties;
}

export interface SubjectAccess {
  subject: ReviewSubjectRow;
  /** A contact of the subject's target. */
  isContact: boolean;
  /** The target's principal (主要负责人): a contact with is_head. */
  isPrincipal: boolean;
  /** The office or the leading group of the committee: reads everything of it. */
  isReader: boolean;
  /** The parties the actor acts for on this subject (whether or not they are on a version). */
  parties: ReviewParty[];
  groupIds: string[];
}

/**
 * A subject as the actor may see it, or review_subject.not_found: a contact sees its own target's,
 * the office and the leading group their committee's, a reviewing party those it reviews (its party is
 * on a submitted version).
 */
export async function loadSubject(tx: Tx, actor: Actor, id: string): Promise<SubjectAccess> {
  const [subject] = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.id, id));
  if (!subject) throw new AppError("review_subject.not_found");
  const isContact = contactTargetIds(actor).includes(subject.targetId);
  const isPrincipal = actor.grants.some(
    (g) => g.role === "targetContact" && g.targetId === subject.targetId && g.isHead === true,
  );
  const isReader = committeesWhere(actor, ["officeStaff", "leadership"], "read").includes(
    subject.committeeId,
  );
  const groupIds = await reviewingGroupIds(tx, subject);
  const parties = partiesOfActor(actor, subject.committeeId, groupIds);
  let visible = isContact || isReader;
  if (!visible && parties.length) {
    const versions = await tx
      .select({ parties: reviewVersions.parties })
      .from(reviewVersions)
      .where(eq(reviewVersions.subjectId, id));
    visible = versions.some((v) => v.parties.some((p) => parties.includes(p as ReviewParty)));
  }
  if (!visible) throw new AppError("review_subject.not_found");
  return { subject, isContact, isPrincipal, isReader, parties, groupIds };
}

/** The subject of a contact's own target, for a change; not found for anyone else. */
export async function loadSubjectForContact(tx: Tx, actor: Actor, id: string) {
  const [subject] = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.id, id));
  if (!subject || !contactTargetIds(actor).includes(subject.targetId))
    throw new AppError("review_subject.not_found");
  return subject;
}

/** The stored versions and reviews of a subject, as the machine reads them. */
export async function loadHistory(tx: Tx, subjectId: string) {
  const versionRows = await tx
    .select()
    .from(reviewVersions)
    .where(eq(reviewVersions.subjectId, subjectId))
    .orderBy(asc(reviewVersions.number));
  const reviewRows = await tx
    .select()
    .from(partyReviews)
    .where(eq(partyReviews.subjectId, subjectId))
    .orderBy(asc(partyReviews.version), asc(partyReviews.createdAt));
  const history: JointReviewHistory = {
    versions: versionRows.map(
      (v): ReviewVersion => ({
        number: v.number,
        parties: v.parties as ReviewParty[],
        ...(v.content as VersionContent),
      }),
    ),
    reviews: reviewRows.map(
      (r): PartyReview => ({
        party: r.party as ReviewParty,
        version: r.version,
        whole: r.whole as PartyReview["whole"],
        measures: r.measures as PartyReview["measures"],
      }),
    ),
  };
  return { history, versionRows, reviewRows };
}

/** The live measures of a feedback's findings, in the plan's order. */
export async function liveMeasures(tx: Tx, feedbackId: string) {
  return tx
    .select({
      id: measures.id,
      findingId: measures.findingId,
      content: measures.content,
      goal: measures.goal,
      responsibleLeader: measures.responsibleLeader,
      responsibleDept: measures.responsibleDept,
      responsiblePerson: measures.responsiblePerson,
      deadline: measures.deadline,
      longTerm: measures.longTerm,
      position: measures.position,
      updatedAt: measures.updatedAt,
      findingNumber: findings.number,
    })
    .from(measures)
    .innerJoin(findings, eq(findings.id, measures.findingId))
    .where(planFindingsWhere(feedbackId))
    .orderBy(asc(findings.number), asc(measures.position), asc(measures.createdAt), asc(measures.id));
}
export type LiveMeasure = Awaited<ReturnType<typeof liveMeasures>>[number];

export const planMeasureFields = (m: LiveMeasure): Fields => ({
  findingId: m.findingId,
  content: m.content,
  goal: m.goal,
  responsibleLeader: m.responsibleLeader,
  responsibleDept: m.responsibleDept,
  responsiblePerson: m.responsiblePerson,
  deadline: m.deadline,
  longTerm: m.longTerm,
});

const DEFAULT_ENTRY: ReportEntry = { progress: "", completion: "unfinished" };

/** The content a submission would freeze now: the machine's VersionContent of the draft. */
export async function draftContent(tx: Tx, subject: ReviewSubjectRow): Promise<VersionContent> {
  const live = await liveMeasures(tx, subject.feedbackId);
  if (subject.kind === "plan") {
    const draft = subject.draft as PlanDraftJson;
    return {
      whole: { summary: draft.summary ?? "" },
      measures: live.map((m) => ({ id: m.id, fields: planMeasureFields(m) })),
    };
  }
  const draft = subject.draft as ReportDraftJson;
  return {
    whole: { text: draft.text ?? "" },
    measures: live.map((m) => {
      const e = draft.entries?.[m.id] ?? DEFAULT_ENTRY;
      return { id: m.id, fields: { progress: e.progress, completion: e.completion } };
    }),
  };
}

/** A stable hash of a content (keys sorted), which the principal's sign-off is bound to. */
export function contentHash(content: VersionContent): string {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === "object")
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return createHash("sha256")
    .update(JSON.stringify(canonical(content)))
    .digest("hex");
}

/** The draft's sign-off when it still holds for the content now; null when absent or voided by an edit. */
export function validSignOff(subject: ReviewSubjectRow, content: VersionContent): DraftSignOff | null {
  const signOff = (subject.draft as PlanDraftJson).signOff;
  return signOff && signOff.hash === contentHash(content) ? signOff : null;
}

/** The plan subject of a feedback, if the target has opened it. */
export async function planOf(tx: Tx, feedbackId: string) {
  const [plan] = await tx
    .select()
    .from(reviewSubjects)
    .where(and(eq(reviewSubjects.feedbackId, feedbackId), eq(reviewSubjects.kind, "plan")));
  return plan;
}

/** Measures may change only while the plan is a draft or returned (or not yet opened). */
export async function assertPlanEditable(tx: Tx, feedbackId: string) {
  const plan = await planOf(tx, feedbackId);
  if (plan) {
    await lockSubject(tx, plan.id);
    const [locked] = await tx
      .select({ status: reviewSubjects.status })
      .from(reviewSubjects)
      .where(eq(reviewSubjects.id, plan.id));
    if (locked && (locked.status === "underReview" || locked.status === "passed"))
      throw new AppError("review_subject.not_editable");
  }
  return plan;
}

export const isEditableStatus = (status: string) => status === "draft" || status === "returned";

export const subjectKindOf = (s: { kind: string }) => s.kind as ReviewSubjectKind;

/** Touches the plan's updated_at after an edit of its measures. */
export async function touchSubject(tx: Tx, id: string | undefined) {
  if (id) await tx.update(reviewSubjects).set({ updatedAt: new Date() }).where(eq(reviewSubjects.id, id));
}
