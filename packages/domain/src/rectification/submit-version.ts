import { and, eq, files, reviewSubjects, reviewVersions, type Tx } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { loadSetting } from "../committee-settings/setting";
import { claimFiles } from "../files/store-file";
import { AppError } from "../model/errors";
import { REVIEW_SUBJECT_KIND_LABELS, type ReviewParty, type ReviewSubjectKind } from "../model/rectification";
import { accountsWithRole, groupAccounts, notify } from "../notifications/notify";
import { jointReviewSetting, submitVersion } from "./joint-review";
import { getSubject } from "./present-subject";
import {
  contentHash,
  type DraftSignOff,
  draftContent,
  isEditableStatus,
  loadHistory,
  loadSubject,
  loadSubjectForContact,
  lockSubject,
  type PlanDraftJson,
  type ReviewSubjectRow,
  reviewingGroupIds,
  validSignOff,
} from "./review-subject";

/** The subject locked for a change by its contact, while a draft or returned. */
async function editableSubject(tx: Tx, ctx: Ctx, id: string) {
  await loadSubjectForContact(tx, ctx.actor, id);
  await lockSubject(tx, id);
  const [subject] = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.id, id));
  if (!subject || !isEditableStatus(subject.status)) throw new AppError("review_subject.not_editable");
  return subject;
}

/**
 * The principal's sign-off (签字背书) on the current draft: confirmed by the principal's own account
 * (a targetContact with is_head), or an uploaded signed scan handed in by a contact. It is bound to a
 * hash of the draft's content, so any later edit voids it.
 */
export async function signOffSubject(ctx: Ctx, id: string, input: { fileId?: string | undefined }) {
  await ctx.db.transaction(async (tx) => {
    const subject = await editableSubject(tx, ctx, id);
    const isPrincipal = ctx.actor.grants.some(
      (g) => g.role === "targetContact" && g.targetId === subject.targetId && g.isHead === true,
    );
    let fileId: string | null = null;
    if (input.fileId) fileId = (await claimFiles(tx, ctx.actor, [input.fileId]))[0] ?? null;
    else if (!isPrincipal) throw new AppError("review_subject.principal_only");
    const content = await draftContent(tx, subject);
    const signOff: DraftSignOff = {
      kind: fileId ? "scan" : "account",
      accountId: ctx.actor.accountId!,
      name: ctx.actor.name,
      at: new Date().toISOString(),
      fileId,
      hash: contentHash(content),
    };
    await tx
      .update(reviewSubjects)
      .set({ draft: { ...(subject.draft as PlanDraftJson), signOff }, updatedAt: new Date() })
      .where(eq(reviewSubjects.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "review_subject.sign_off",
      entity: "review_subject",
      entityId: id,
      committeeId: subject.committeeId,
      summary: { kind: signOff.kind, hash: signOff.hash, ...(fileId ? { fileId } : {}) },
    });
  });
  return getSubject(ctx, id);
}

/** The accounts of one reviewing party of a subject. */
export async function partyAccounts(tx: Tx, subject: ReviewSubjectRow, party: ReviewParty) {
  switch (party) {
    case "office":
      return accountsWithRole(tx, subject.committeeId, "officeStaff");
    case "disciplineCommission":
      return accountsWithRole(tx, subject.committeeId, "disciplineReviewer");
    case "organizationDept":
      return accountsWithRole(tx, subject.committeeId, "organizationReviewer");
    case "group": {
      const ids = await reviewingGroupIds(tx, subject);
      return (await Promise.all(ids.map((g) => groupAccounts(tx, g, ["leader", "deputy"])))).flat();
    }
  }
}

/** Where the target's contacts open a subject in the web app. */
export const subjectLink = (id: string) => `/rectification/subjects/${id}`;
/** Where a reviewing party opens it to review. */
export const reviewLink = (id: string) => `/rectification/reviews/${id}`;

/**
 * The contact submits the draft as the next version: its content frozen, reviewed by the parties of
 * the committee's joint review setting; the machine decides whether a submission is allowed. Needs the
 * principal's sign-off on exactly this content. Notifies the reviewing parties.
 */
export async function submitSubject(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const subject = await editableSubject(tx, ctx, id);
    const content = await draftContent(tx, subject);
    const signOff = validSignOff(subject, content);
    if (!signOff) throw new AppError("review_subject.sign_off_required");
    const { history } = await loadHistory(tx, id);
    const { value: setting } = await loadSetting(tx, subject.committeeId, jointReviewSetting);
    const { version, state } = submitVersion(history, content, setting.parties);
    await tx.insert(reviewVersions).values({
      subjectId: id,
      number: version.number,
      parties: [...version.parties],
      content: { whole: version.whole, measures: version.measures },
      signOffKind: signOff.kind,
      signedBy: signOff.accountId,
      signedByName: signOff.name,
      signedAt: new Date(signOff.at),
      signedScanFileId: signOff.fileId,
      submittedBy: ctx.actor.accountId!,
    });
    const { signOff: _consumed, ...draft } = subject.draft as PlanDraftJson;
    await tx
      .update(reviewSubjects)
      .set({ status: state.status, draft, updatedAt: new Date() })
      .where(eq(reviewSubjects.id, id));
    const kindLabel = REVIEW_SUBJECT_KIND_LABELS[subject.kind as ReviewSubjectKind];
    const accounts = (await Promise.all(version.parties.map((p) => partyAccounts(tx, subject, p)))).flat();
    await notify(tx, accounts, {
      committeeId: subject.committeeId,
      kind: "review.requested",
      title: `请审核：${subject.title}（第${version.number}版）`,
      body: `${kindLabel}已提交联审，请在系统中给出审核意见。`,
      link: reviewLink(id),
      dedupeKey: `review:${id}:${version.number}`,
    });
    await recordAudit(tx, ctx.actor, {
      action: "review_subject.submit",
      entity: "review_subject",
      entityId: id,
      committeeId: subject.committeeId,
      summary: {
        version: version.number,
        parties: version.parties,
        measures: version.measures.length,
        signOff: signOff.kind,
      },
    });
  });
  return getSubject(ctx, id);
}

/**
 * The signed scan of a sign-off, for whoever may see the subject: a submitted version's (`version`),
 * or the current draft's. Not found when that sign-off was given by account.
 */
export async function readSignOffScan(ctx: Ctx, id: string, version?: number) {
  const { subject } = await loadSubject(ctx.db, ctx.actor, id);
  let fileId: string | null | undefined;
  if (version !== undefined) {
    const [row] = await ctx.db
      .select({ fileId: reviewVersions.signedScanFileId })
      .from(reviewVersions)
      .where(and(eq(reviewVersions.subjectId, id), eq(reviewVersions.number, version)));
    fileId = row?.fileId;
  } else fileId = (subject.draft as PlanDraftJson).signOff?.fileId;
  if (!fileId) throw new AppError("file.not_found");
  const [file] = await ctx.db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw new AppError("file.not_found");
  return file;
}
