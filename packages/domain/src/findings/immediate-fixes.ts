import {
  accounts,
  and,
  asc,
  committees,
  count,
  desc,
  documents,
  eq,
  files,
  findings,
  groups,
  immediateFixes,
  immediateFixReportFiles,
  immediateFixReports,
  inArray,
  or,
  rounds,
  type SQL,
  sql,
  type Tx,
  targets,
  terms,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { committeesWhere, contactTargetIds, groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { fullGroupName } from "../documents/authorization-content";
import { renderGongwen } from "../documents/gongwen";
import { issueDocument } from "../documents/issue-document";
import { claimFiles } from "../files/store-file";
import { AppError } from "../model/errors";
import { IMMEDIATE_FIX_STATUSES, type ImmediateFixStatus } from "../model/workpapers";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { immediateFixContent } from "./immediate-fix-content";
import { assertRoundOpen, loadFindingForChange } from "./load-finding";

/**
 * The 立行立改 items the actor may see, as one SQL condition: the group that issued them, the office and
 * the leading group of the committee, and the target's contact (its own target only).
 */
export function visibleImmediateFixes(actor: Actor): SQL {
  const committeeIds = [
    ...new Set([
      ...committeesWhere(actor, ["officeStaff"]),
      ...committeesWhere(actor, ["leadership"], "read"),
    ]),
  ];
  const groupIds = groupIdsOf(actor);
  const targetIds = contactTargetIds(actor);
  const parts = [
    committeeIds.length ? inArray(immediateFixes.committeeId, committeeIds) : undefined,
    groupIds.length ? inArray(immediateFixes.groupId, groupIds) : undefined,
    targetIds.length ? inArray(immediateFixes.targetId, targetIds) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

const inGroup = (actor: Actor, groupId: string, roles: string[]) =>
  actor.grants.some((g) => g.groupId === groupId && roles.includes(g.role));

interface FixState {
  groupId: string;
  targetId: string;
  status: string;
  roundOpen: boolean;
}

/** The target's contact reports while it is not done; the group's leader or deputy confirms a report. */
export function immediateFixAbilities(actor: Actor, f: FixState) {
  return {
    report: f.status !== "done" && contactTargetIds(actor).includes(f.targetId),
    confirm:
      f.roundOpen && f.status === "reported" && inGroup(actor, f.groupId, ["groupLeader", "groupDeputy"]),
  };
}

export interface ImmediateFixInput {
  /** What the target must do (整改要求). */
  requirement: string;
  /** By when, YYYY-MM-DD. */
  deadline: string;
  /** 成文日期, today by default. */
  date?: string | undefined;
}

/**
 * The group leader sends an approved finding to the target for immediate fixing: the notice
 * (立行立改通知书) is issued with the next number of the committee's register for immediateFix,
 * and the item is tracked until the group confirms it done.
 */
export async function issueImmediateFix(ctx: Ctx, findingId: string, input: ImmediateFixInput) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    assertRoundOpen(finding);
    if (!inGroup(ctx.actor, finding.groupId, ["groupLeader"])) throw new AppError("auth.forbidden");
    if (finding.status !== "approved") throw new AppError("immediate_fix.finding_not_approved");
    const [existing] = await tx
      .select({ id: immediateFixes.id })
      .from(immediateFixes)
      .where(eq(immediateFixes.findingId, findingId));
    if (existing) throw new AppError("immediate_fix.exists");
    const [info] = await tx
      .select({
        committeeName: committees.name,
        groupName: groups.name,
        roundNumber: rounds.number,
        termName: terms.name,
        targetName: targets.name,
      })
      .from(rounds)
      .innerJoin(committees, eq(committees.id, rounds.committeeId))
      .innerJoin(terms, eq(terms.id, rounds.termId))
      .innerJoin(groups, eq(groups.id, finding.groupId))
      .innerJoin(targets, eq(targets.id, finding.targetId))
      .where(eq(rounds.id, finding.roundId));
    const date = input.date ?? chinaDate();
    const content = immediateFixContent({
      committeeName: info!.committeeName,
      groupFullName: fullGroupName(info!.committeeName, { name: info!.groupName }),
      roundName: roundName(info!.termName, info!.roundNumber),
      targetName: info!.targetName,
      findingTitle: finding.title,
      findingDescription: finding.description,
      requirement: input.requirement,
      deadline: input.deadline,
      date,
    });
    let document: Awaited<ReturnType<typeof issueDocument>>;
    try {
      document = await issueDocument(tx, ctx.actor, {
        committeeId: finding.committeeId,
        kind: "immediateFix",
        title: content.title,
        date,
        roundId: finding.roundId,
        groupId: finding.groupId,
        targetId: finding.targetId,
        fields: { findingId, requirement: input.requirement, deadline: input.deadline },
        render: (numbered) => renderGongwen(content.gongwen(numbered)),
      });
    } catch (e) {
      if (e instanceof AppError && e.code === "register.missing") {
        throw new AppError(
          "register.missing",
          "巡察办尚未为“立行立改通知书”设置发文字号，暂不能下发通知。请联系巡察办在“发文字号设置”中为一个发文字号勾选“立行立改通知书”。",
        );
      }
      throw e;
    }
    const [fix] = await tx
      .insert(immediateFixes)
      .values({
        committeeId: finding.committeeId,
        roundId: finding.roundId,
        groupId: finding.groupId,
        targetId: finding.targetId,
        findingId,
        documentId: document.id,
        requirement: input.requirement,
        deadline: input.deadline,
        issuedBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "immediateFix.issue",
      entity: "immediateFix",
      entityId: fix!.id,
      committeeId: finding.committeeId,
      summary: { findingId, number: document.number, deadline: input.deadline },
    });
    return fix!;
  });
}

const fixColumns = {
  fix: immediateFixes,
  findingNumber: findings.number,
  findingTitle: findings.title,
  findingDescription: findings.description,
  targetName: targets.name,
  groupName: groups.name,
  roundStatus: rounds.status,
  noticeNumber: documents.number,
  noticeTitle: documents.title,
  noticeFileName: files.name,
  noticeSize: files.size,
  noticeSha256: files.sha256,
};

const selectFixes = (db: Ctx["db"] | Tx, where: SQL) =>
  db
    .select(fixColumns)
    .from(immediateFixes)
    .innerJoin(findings, eq(findings.id, immediateFixes.findingId))
    .innerJoin(targets, eq(targets.id, immediateFixes.targetId))
    .innerJoin(groups, eq(groups.id, immediateFixes.groupId))
    .innerJoin(rounds, eq(rounds.id, immediateFixes.roundId))
    .innerJoin(documents, eq(documents.id, immediateFixes.documentId))
    .innerJoin(files, eq(files.id, documents.fileId))
    .where(where);

type FixRow = Awaited<ReturnType<typeof selectFixes>>[number];

function presentFix(actor: Actor, r: FixRow, today: string) {
  const f = r.fix;
  return {
    id: f.id,
    roundId: f.roundId,
    finding: {
      id: f.findingId,
      number: r.findingNumber,
      title: r.findingTitle,
      description: r.findingDescription,
    },
    target: { id: f.targetId, name: r.targetName },
    group: { id: f.groupId, name: r.groupName },
    requirement: f.requirement,
    deadline: f.deadline,
    status: f.status as ImmediateFixStatus,
    statusLabel: IMMEDIATE_FIX_STATUSES.labels[f.status as ImmediateFixStatus] ?? f.status,
    overdue: f.status !== "done" && f.deadline < today,
    returnReason: f.returnReason,
    notice: {
      number: r.noticeNumber,
      title: r.noticeTitle,
      file: { name: r.noticeFileName, size: r.noticeSize, sha256: r.noticeSha256 },
    },
    doneAt: f.doneAt,
    doneNote: f.doneNote,
    createdAt: f.createdAt,
    abilities: immediateFixAbilities(actor, { ...f, roundOpen: r.roundStatus === "open" }),
  };
}

export interface ImmediateFixFilters {
  findingId?: string | undefined;
  roundId?: string | undefined;
  groupId?: string | undefined;
  targetId?: string | undefined;
  status?: ImmediateFixStatus | undefined;
}

/** The 立行立改 items the actor may see, newest first. */
export async function listImmediateFixes(ctx: Ctx, filters: ImmediateFixFilters = {}) {
  const rows = await selectFixes(
    ctx.db,
    and(
      visibleImmediateFixes(ctx.actor),
      filters.findingId ? eq(immediateFixes.findingId, filters.findingId) : undefined,
      filters.roundId ? eq(immediateFixes.roundId, filters.roundId) : undefined,
      filters.groupId ? eq(immediateFixes.groupId, filters.groupId) : undefined,
      filters.targetId ? eq(immediateFixes.targetId, filters.targetId) : undefined,
      filters.status ? eq(immediateFixes.status, filters.status) : undefined,
    )!,
  ).orderBy(desc(immediateFixes.createdAt));
  const today = chinaDate();
  return { items: rows.map((r) => presentFix(ctx.actor, r, today)) };
}

async function loadFix(db: Ctx["db"] | Tx, actor: Actor, id: string) {
  const [row] = await selectFixes(db, and(eq(immediateFixes.id, id), visibleImmediateFixes(actor))!);
  if (!row) throw new AppError("immediate_fix.not_found");
  return row;
}

/** One item with the target's reports (dated, never overwritten) and their files. */
export async function getImmediateFix(ctx: Ctx, id: string) {
  const row = await loadFix(ctx.db, ctx.actor, id);
  const reports = await ctx.db
    .select({
      id: immediateFixReports.id,
      content: immediateFixReports.content,
      createdAt: immediateFixReports.createdAt,
      by: accounts.displayName,
    })
    .from(immediateFixReports)
    .leftJoin(accounts, eq(accounts.id, immediateFixReports.createdBy))
    .where(eq(immediateFixReports.immediateFixId, id))
    .orderBy(asc(immediateFixReports.createdAt));
  const attached = reports.length
    ? await ctx.db
        .select({
          reportId: immediateFixReportFiles.reportId,
          id: files.id,
          name: files.name,
          size: files.size,
          sha256: files.sha256,
        })
        .from(immediateFixReportFiles)
        .innerJoin(files, eq(files.id, immediateFixReportFiles.fileId))
        .where(
          inArray(
            immediateFixReportFiles.reportId,
            reports.map((r) => r.id),
          ),
        )
    : [];
  return {
    ...presentFix(ctx.actor, row, chinaDate()),
    reports: reports.map((r) => ({
      ...r,
      by: r.by ?? "",
      files: attached.filter((a) => a.reportId === r.id).map(({ reportId: _, ...f }) => f),
    })),
  };
}

async function lockFix(tx: Tx, actor: Actor, id: string) {
  const row = await loadFix(tx, actor, id);
  await tx
    .select({ id: immediateFixes.id })
    .from(immediateFixes)
    .where(eq(immediateFixes.id, id))
    .for("update");
  return row;
}

/** The target's contact reports what was done, with evidence; the item waits for the group's confirmation. */
export async function reportImmediateFix(
  ctx: Ctx,
  id: string,
  input: { content: string; fileIds?: string[] | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockFix(tx, ctx.actor, id);
    const abilities = immediateFixAbilities(ctx.actor, { ...row.fix, roundOpen: row.roundStatus === "open" });
    if (!abilities.report) {
      throw new AppError(row.fix.status === "done" ? "immediate_fix.done" : "auth.forbidden");
    }
    const [report] = await tx
      .insert(immediateFixReports)
      .values({ immediateFixId: id, content: input.content, createdBy: ctx.actor.accountId! })
      .returning();
    const fileIds = await claimFiles(tx, ctx.actor, input.fileIds ?? []);
    if (fileIds.length) {
      await tx
        .insert(immediateFixReportFiles)
        .values(fileIds.map((fileId) => ({ reportId: report!.id, fileId })));
    }
    await tx
      .update(immediateFixes)
      .set({ status: "reported", returnReason: "", updatedAt: new Date() })
      .where(eq(immediateFixes.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "immediateFix.report",
      entity: "immediateFix",
      entityId: id,
      committeeId: row.fix.committeeId,
      summary: { files: fileIds.length },
    });
  });
}

/** The group's leader or deputy confirms the reported fix done, or sends it back with the reason. */
export async function confirmImmediateFix(
  ctx: Ctx,
  id: string,
  input: { decision: "done" | "return"; note?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockFix(tx, ctx.actor, id);
    const roundOpen = row.roundStatus === "open";
    if (!immediateFixAbilities(ctx.actor, { ...row.fix, roundOpen }).confirm) {
      if (!inGroup(ctx.actor, row.fix.groupId, ["groupLeader", "groupDeputy"]))
        throw new AppError("auth.forbidden");
      if (!roundOpen) throw new AppError("round.closed");
      throw new AppError(row.fix.status === "done" ? "immediate_fix.done" : "immediate_fix.not_reported");
    }
    const note = input.note?.trim() ?? "";
    if (input.decision === "return" && !note) {
      throw new AppError("request.invalid", "退回时须说明理由", { field: "note" });
    }
    const now = new Date();
    await tx
      .update(immediateFixes)
      .set(
        input.decision === "done"
          ? { status: "done", doneBy: ctx.actor.accountId, doneAt: now, doneNote: note, updatedAt: now }
          : { status: "issued", returnReason: note, updatedAt: now },
      )
      .where(eq(immediateFixes.id, id));
    await recordAudit(tx, ctx.actor, {
      action: input.decision === "done" ? "immediateFix.done" : "immediateFix.return",
      entity: "immediateFix",
      entityId: id,
      committeeId: row.fix.committeeId,
      summary: { note },
    });
  });
}

/** The notice's .docx, or a file of the target's reports, for whoever sees the item. */
export async function readImmediateFixFile(ctx: Ctx, id: string, fileId?: string) {
  const row = await loadFix(ctx.db, ctx.actor, id);
  if (!fileId) {
    const [doc] = await ctx.db
      .select({ file: files })
      .from(documents)
      .innerJoin(files, eq(files.id, documents.fileId))
      .where(eq(documents.id, row.fix.documentId));
    return doc!.file;
  }
  const [found] = await ctx.db
    .select({ file: files })
    .from(immediateFixReportFiles)
    .innerJoin(immediateFixReports, eq(immediateFixReports.id, immediateFixReportFiles.reportId))
    .innerJoin(files, eq(files.id, immediateFixReportFiles.fileId))
    .where(and(eq(immediateFixReports.immediateFixId, id), eq(immediateFixReportFiles.fileId, fileId)));
  if (!found) throw new AppError("file.not_found");
  return found.file;
}

/** 立行立改 problems per group of a round: issued, done, still open and overdue (statistics and evaluation). */
export async function countImmediateFixes(ctx: Ctx, roundId: string) {
  const today = chinaDate();
  const rows = await ctx.db
    .select({
      groupId: immediateFixes.groupId,
      groupName: groups.name,
      total: count(),
      done: sql<number>`count(*) filter (where ${immediateFixes.status} = 'done')::int`,
      overdue: sql<number>`count(*) filter (where ${immediateFixes.status} <> 'done' and ${immediateFixes.deadline} < ${today})::int`,
    })
    .from(immediateFixes)
    .innerJoin(groups, eq(groups.id, immediateFixes.groupId))
    .where(and(eq(immediateFixes.roundId, roundId), visibleImmediateFixes(ctx.actor)))
    .groupBy(immediateFixes.groupId, groups.name, groups.number)
    .orderBy(asc(groups.number));
  const groupsOut = rows.map((r) => ({
    group: { id: r.groupId, name: r.groupName },
    total: Number(r.total),
    done: Number(r.done),
    open: Number(r.total) - Number(r.done),
    overdue: Number(r.overdue),
  }));
  return {
    groups: groupsOut,
    total: groupsOut.reduce((n, g) => n + g.total, 0),
    done: groupsOut.reduce((n, g) => n + g.done, 0),
  };
}
