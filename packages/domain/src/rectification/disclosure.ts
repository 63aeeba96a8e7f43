import {
  and,
  asc,
  committees,
  desc,
  disclosures,
  eq,
  files,
  findings,
  inArray,
  measures,
  reviewSubjects,
  reviewVersions,
  type SQL,
  sql,
  type Tx,
  targets,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { assertInCommittee, committeesWhere, contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { renderGongwen } from "../documents/gongwen";
import { DOCX_MIME } from "../documents/issue-document";
import { sha256 } from "../files/store-file";
import { COMPLETIONS } from "../model/enums";
import { AppError } from "../model/errors";
import { accountsWithRole, notify } from "../notifications/notify";
import { chinaDate } from "../work-items/due-date";
import {
  checkDisclosureWording,
  checkWithheld,
  composeDisclosure,
  DISCLOSURE_SCOPE_LABELS,
  type DisclosureItem,
  type DisclosureScope,
  type DisclosureStatus,
  WITHHOLD_REASON_LABELS,
  WITHHOLD_REASONS,
  type WithheldItem,
} from "./disclosure-rules";
import { loadRoundTargetForOffice } from "./revisits";

/**
 * Disclosure (整改公开) of a target's rectification, inside the party or to society. The office
 * drafts it from the target's final report (the latest passed 整改情况报告 of the round) and the
 * ledger, may withhold problems with a reason from the allowed list, and submits it; the leading
 * group approves or returns it; the office publishes it: the text is rendered as a 公文 (.docx),
 * archived as a file with its SHA-256, and no longer changes. The text is always composed from
 * the sources with the withheld problems left out, so nothing withheld can reach the published text.
 */

interface VersionContent {
  whole?: { text?: unknown };
  measures?: { id: string; fields?: { progress?: unknown; completion?: unknown } }[];
}

/** The latest passed final report of a target in a round, its version's content, or null. */
async function passedFinalReport(tx: Tx, roundId: string, targetId: string) {
  const [subject] = await tx
    .select({ id: reviewSubjects.id })
    .from(reviewSubjects)
    .where(
      and(
        eq(reviewSubjects.roundId, roundId),
        eq(reviewSubjects.targetId, targetId),
        eq(reviewSubjects.kind, "finalReport"),
        eq(reviewSubjects.status, "passed"),
      ),
    )
    .orderBy(desc(reviewSubjects.passedAt))
    .limit(1);
  if (!subject) return null;
  const [version] = await tx
    .select({ content: reviewVersions.content, number: reviewVersions.number })
    .from(reviewVersions)
    .where(eq(reviewVersions.subjectId, subject.id))
    .orderBy(desc(reviewVersions.number))
    .limit(1);
  return version ? { subjectId: subject.id, ...version, content: version.content as VersionContent } : null;
}

/** The final report's text and its problems (from the entries per measure and the ledger). */
async function disclosureSource(tx: Tx, roundId: string, targetId: string) {
  const report = await passedFinalReport(tx, roundId, targetId);
  if (!report) throw new AppError("disclosure.no_final_report");
  const entries = report.content.measures ?? [];
  const ids = entries.map((e) => e.id);
  const rows = ids.length
    ? await tx
        .select({
          measureId: measures.id,
          content: measures.content,
          rulesMade: measures.rulesMade,
          moneyRecovered: measures.moneyRecovered,
          position: measures.position,
          findingId: findings.id,
          number: findings.number,
          title: findings.title,
          closedAt: findings.closedAt,
        })
        .from(measures)
        .innerJoin(findings, eq(findings.id, measures.findingId))
        .where(inArray(measures.id, ids))
        .orderBy(asc(findings.number), asc(measures.position), asc(measures.createdAt))
    : [];
  const items: DisclosureItem[] = [];
  for (const r of rows) {
    let item = items.find((i) => i.findingId === r.findingId);
    if (!item) {
      item = {
        findingId: r.findingId,
        number: r.number,
        title: r.title,
        closed: r.closedAt !== null,
        measures: [],
        rulesMade: [],
        moneyRecovered: 0,
      };
      items.push(item);
    }
    const entry = entries.find((e) => e.id === r.measureId)?.fields ?? {};
    item.measures.push({
      content: r.content,
      progress: typeof entry.progress === "string" ? entry.progress : "",
      completion: typeof entry.completion === "string" ? entry.completion : "",
    });
    item.rulesMade.push(...r.rulesMade);
    item.moneyRecovered += Number(r.moneyRecovered);
  }
  const lead = typeof report.content.whole?.text === "string" ? report.content.whole.text : "";
  return { lead, items, report: { subjectId: report.subjectId, version: report.number } };
}

/** The text from the sources, the office's own 开头 (null = the report's) and 结尾, without the withheld problems. */
const compose = (
  source: { lead: string; items: DisclosureItem[] },
  withheld: readonly WithheldItem[],
  wording: { lead: string | null; closing: string } = { lead: null, closing: "" },
) =>
  composeDisclosure({
    ...source,
    leadOverride: wording.lead,
    closing: wording.closing,
    withheld,
    completionLabels: COMPLETIONS.labels,
  });

type DisclosureRow = typeof disclosures.$inferSelect;

/** Whether the actor reads every disclosure of the committee (office, leading group), or only published ones of its own target. */
function readerKind(actor: Actor, row: { committeeId: string; targetId: string; status: string }) {
  if (committeesWhere(actor, ["leadership", "officeStaff"], "read").includes(row.committeeId)) return "full";
  if (row.status === "published" && contactTargetIds(actor).includes(row.targetId)) return "published";
  return null;
}

function visibleDisclosures(actor: Actor): SQL {
  const readers = committeesWhere(actor, ["leadership", "officeStaff"], "read");
  const own = contactTargetIds(actor);
  const parts: SQL[] = [];
  if (readers.length) parts.push(inArray(disclosures.committeeId, readers));
  if (own.length)
    parts.push(sql`(${inArray(disclosures.targetId, own)} and ${disclosures.status} = 'published')`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

function abilities(actor: Actor, row: DisclosureRow) {
  const office = committeesWhere(actor, ["officeStaff"]).includes(row.committeeId);
  const leadership = committeesWhere(actor, ["leadership"]).includes(row.committeeId);
  const editable = row.status === "draft" || row.status === "returned";
  return {
    edit: office && editable,
    submit: office && editable,
    approve: leadership && row.status === "submitted",
    return: leadership && row.status === "submitted",
    publish: office && row.status === "approved",
  };
}

function present(actor: Actor, row: DisclosureRow & { targetName: string }, full: boolean) {
  const base = {
    id: row.id,
    roundId: row.roundId,
    targetId: row.targetId,
    targetName: row.targetName,
    scope: row.scope as DisclosureScope,
    title: row.title,
    text: row.text,
    status: row.status as DisclosureStatus,
    publishedAt: row.publishedAt,
    publishedFileId: row.publishedFileId,
  };
  if (!full) return base;
  return {
    ...base,
    withheld: row.withheld as WithheldItem[],
    lead: row.lead,
    closing: row.closing,
    approvalNote: row.approvalNote,
    approvedAt: row.approvedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: abilities(actor, row),
  };
}

export async function listDisclosures(
  ctx: Ctx,
  filters: { roundId?: string | undefined; targetId?: string | undefined },
) {
  const rows = await ctx.db
    .select({ d: disclosures, targetName: targets.name })
    .from(disclosures)
    .innerJoin(targets, eq(targets.id, disclosures.targetId))
    .where(
      and(
        visibleDisclosures(ctx.actor),
        filters.roundId ? eq(disclosures.roundId, filters.roundId) : undefined,
        filters.targetId ? eq(disclosures.targetId, filters.targetId) : undefined,
      ),
    )
    .orderBy(desc(disclosures.createdAt));
  return {
    items: rows.map(({ d, targetName }) => {
      const kind = readerKind(ctx.actor, d);
      const { text: _t, ...rest } = present(ctx.actor, { ...d, targetName }, kind === "full");
      return rest;
    }),
  };
}

async function loadVisible(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ d: disclosures, targetName: targets.name })
    .from(disclosures)
    .innerJoin(targets, eq(targets.id, disclosures.targetId))
    .where(eq(disclosures.id, id));
  const kind = row ? readerKind(actor, row.d) : null;
  if (!row || !kind) throw new AppError("disclosure.not_found");
  return { row: { ...row.d, targetName: row.targetName }, kind };
}

/**
 * One disclosure. The office and the leading group also get the problems it was drafted from (with
 * whether each is withheld) and the allowed reasons; a contact gets its published text only.
 */
export async function getDisclosure(ctx: Ctx, id: string) {
  const { row, kind } = await loadVisible(ctx.db, ctx.actor, id);
  if (kind !== "full") return present(ctx.actor, row, false);
  const withheld = row.withheld as WithheldItem[];
  const { items, lead } =
    row.status === "published"
      ? { items: [], lead: "" }
      : await disclosureSource(ctx.db, row.roundId, row.targetId).catch(() => ({ items: [], lead: "" }));
  return {
    ...present(ctx.actor, row, true),
    /** The final report's text, used as the 开头 when the office has not written its own. */
    reportLead: lead,
    items: items.map((i) => ({ findingId: i.findingId, number: i.number, title: i.title, closed: i.closed })),
    withheldDetails: withheld,
    reasons: WITHHOLD_REASONS.map((key) => ({ key, label: WITHHOLD_REASON_LABELS[key] })),
  };
}

/** The office drafts a disclosure from the target's passed final report; refused until one passed. */
export async function createDisclosure(
  ctx: Ctx,
  input: { roundId: string; targetId: string; scope: DisclosureScope; title?: string | undefined },
) {
  const id = await ctx.db.transaction(async (tx) => {
    const { round, target } = await loadRoundTargetForOffice(tx, ctx.actor, input.roundId, input.targetId);
    const source = await disclosureSource(tx, input.roundId, input.targetId);
    const title =
      input.title ?? `${target.name}关于巡察整改情况的通报（${DISCLOSURE_SCOPE_LABELS[input.scope]}）`;
    const [row] = await tx
      .insert(disclosures)
      .values({
        committeeId: round.committeeId,
        roundId: input.roundId,
        targetId: input.targetId,
        scope: input.scope,
        title,
        text: compose(source, []).text,
        createdBy: ctx.actor.accountId!,
      })
      .returning({ id: disclosures.id });
    await recordAudit(tx, ctx.actor, {
      action: "disclosure.create",
      entity: "disclosure",
      entityId: row!.id,
      committeeId: round.committeeId,
      summary: { roundId: input.roundId, targetId: input.targetId, scope: input.scope, from: source.report },
    });
    return row!.id;
  });
  return getDisclosure(ctx, id);
}

/** A disclosure of the office's committee (or the leading group's), locked for a change. */
async function loadForChange(tx: Tx, actor: Actor, id: string, role: "officeStaff" | "leadership") {
  const [row] = await tx.select().from(disclosures).where(eq(disclosures.id, id)).for("update");
  if (!row) throw new AppError("disclosure.not_found");
  // Anyone else who may read it is refused as not allowed; the rest do not see it at all.
  assertInCommittee(actor, [role], row.committeeId, "disclosure.not_found");
  return row;
}

/**
 * The office changes the title, the withheld problems, the 开头 (lead; empty or null = the final
 * report's text) or the 结尾 (closing) of a draft (or returned) disclosure; the text is composed again
 * from the sources, without the withheld problems. Only the lead and closing are the office's own
 * words: the problem sections stay generated, so a withheld problem cannot be typed back into them.
 */
export async function updateDisclosure(
  ctx: Ctx,
  id: string,
  input: {
    title?: string | undefined;
    withheld?: { findingId: string; reason: string; note?: string | undefined }[] | undefined;
    lead?: string | null | undefined;
    closing?: string | undefined;
  },
) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx.actor, id, "officeStaff");
    if (row.status !== "draft" && row.status !== "returned") throw new AppError("disclosure.not_editable");
    const wording = checkDisclosureWording(input);
    const source = await disclosureSource(tx, row.roundId, row.targetId);
    const withheld = input.withheld
      ? checkWithheld(
          input.withheld,
          source.items.map((i) => i.findingId),
        )
      : (row.withheld as WithheldItem[]).filter((w) => source.items.some((i) => i.findingId === w.findingId));
    const title = input.title ?? row.title;
    const lead = wording.lead !== undefined ? wording.lead : row.lead;
    const closing = wording.closing ?? row.closing;
    await tx
      .update(disclosures)
      .set({
        title,
        withheld,
        lead,
        closing,
        text: compose(source, withheld, { lead, closing }).text,
        updatedAt: new Date(),
      })
      .where(eq(disclosures.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "disclosure.update",
      entity: "disclosure",
      entityId: id,
      committeeId: row.committeeId,
      summary: { title, withheld, lead, closing },
    });
  });
  return getDisclosure(ctx, id);
}

export const DISCLOSURES_PATH = "/rectification/follow-up?tab=disclosures";

async function transition(
  ctx: Ctx,
  id: string,
  role: "officeStaff" | "leadership",
  from: DisclosureStatus[],
  refusal: "disclosure.not_editable" | "disclosure.not_submitted",
  to: DisclosureStatus,
  extra: Partial<typeof disclosures.$inferInsert>,
  summary: Record<string, unknown> = {},
) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx.actor, id, role);
    if (!from.includes(row.status as DisclosureStatus)) throw new AppError(refusal);
    const at = new Date();
    await tx
      .update(disclosures)
      .set({ ...extra, status: to, updatedAt: at })
      .where(eq(disclosures.id, id));
    // Whose action is now due: the leading group approves a submission; the office publishes or revises.
    const submitted = to === "submitted";
    await notify(tx, await accountsWithRole(tx, row.committeeId, submitted ? "leadership" : "officeStaff"), {
      committeeId: row.committeeId,
      kind: `disclosure.${to}`,
      title: submitted
        ? `整改公开待审批：${row.title}`
        : to === "approved"
          ? `整改公开已批准，可以发布：${row.title}`
          : `整改公开被退回修改：${row.title}`,
      body: typeof summary.note === "string" ? summary.note : "",
      link: DISCLOSURES_PATH,
      dedupeKey: `disclosure:${id}:${to}:${at.toISOString()}`,
    });
    await recordAudit(tx, ctx.actor, {
      action: `disclosure.${to === "submitted" ? "submit" : to === "approved" ? "approve" : "return"}`,
      entity: "disclosure",
      entityId: id,
      committeeId: row.committeeId,
      summary: { from: row.status, to, ...summary },
    });
  });
  return getDisclosure(ctx, id);
}

/** The office submits a draft (or returned) disclosure to the leading group. */
export const submitDisclosure = (ctx: Ctx, id: string) =>
  transition(ctx, id, "officeStaff", ["draft", "returned"], "disclosure.not_editable", "submitted", {});

/** The leading group approves a submitted disclosure. */
export const approveDisclosure = (ctx: Ctx, id: string, input: { note?: string | undefined }) =>
  transition(
    ctx,
    id,
    "leadership",
    ["submitted"],
    "disclosure.not_submitted",
    "approved",
    { approvedBy: ctx.actor.accountId, approvedAt: new Date(), approvalNote: input.note ?? "" },
    { note: input.note ?? "" },
  );

/** The leading group returns a submitted disclosure to the office, with its opinion. */
export const returnDisclosure = (ctx: Ctx, id: string, input: { note: string }) =>
  transition(
    ctx,
    id,
    "leadership",
    ["submitted"],
    "disclosure.not_submitted",
    "returned",
    { approvalNote: input.note },
    { note: input.note },
  );

/**
 * The office publishes an approved disclosure: its text as approved is rendered as a 公文 (.docx),
 * archived as a file with its SHA-256, and the disclosure no longer changes.
 */
export async function publishDisclosure(ctx: Ctx, id: string, now = new Date()) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx.actor, id, "officeStaff");
    if (row.status !== "approved") throw new AppError("disclosure.not_approved");
    const [committee] = await tx
      .select({ name: committees.name })
      .from(committees)
      .where(eq(committees.id, row.committeeId));
    const lines = row.text.split("\n").filter((l) => l.trim());
    const data = await renderGongwen({
      issuerMark: `${committee!.name}巡察工作领导小组办公室`,
      number: "",
      title: row.title,
      body: lines.map((text) =>
        /^[一二三四五六七八九十]+、/.test(text) ? { type: "heading1", text } : { type: "paragraph", text },
      ),
      signature: `${committee!.name}巡察工作领导小组办公室`,
      date: chinaDate(now),
    });
    const digest = sha256(data);
    const [file] = await tx
      .insert(files)
      .values({
        committeeId: row.committeeId,
        name: `${row.title.replace(/[\\/:*?"<>|\n\r]+/g, "")}.docx`.slice(0, 200),
        mime: DOCX_MIME,
        size: data.length,
        sha256: digest,
        content: data,
        uploadedBy: ctx.actor.accountId,
      })
      .returning({ id: files.id });
    await tx
      .update(disclosures)
      .set({ status: "published", publishedAt: now, publishedFileId: file!.id, updatedAt: now })
      .where(eq(disclosures.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "disclosure.publish",
      entity: "disclosure",
      entityId: id,
      committeeId: row.committeeId,
      summary: { fileId: file!.id, sha256: digest, scope: row.scope },
    });
  });
  return getDisclosure(ctx, id);
}

/** The published file of a disclosure, for whoever may read it. */
export async function readDisclosureFile(ctx: Ctx, id: string) {
  const { row } = await loadVisible(ctx.db, ctx.actor, id);
  if (!row.publishedFileId) throw new AppError("file.not_found");
  const [file] = await ctx.db.select().from(files).where(eq(files.id, row.publishedFileId));
  if (!file) throw new AppError("file.not_found");
  return file;
}
