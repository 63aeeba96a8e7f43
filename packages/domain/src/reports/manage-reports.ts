import {
  accounts,
  and,
  asc,
  committees,
  desc,
  eq,
  files,
  findings,
  groupReportReviews,
  groupReports,
  groupReportVersions,
  groups,
  groupTargets,
  immediateFixes,
  inArray,
  isNotNull,
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
import { committeesWhere, groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { fullGroupName } from "../documents/authorization-content";
import { renderGongwen } from "../documents/gongwen";
import { DOCX_MIME } from "../documents/issue-document";
import { sha256 } from "../files/store-file";
import { AppError } from "../model/errors";
import { TAXONOMY } from "../model/taxonomy";
import { REPORT_KINDS, REPORT_STATUSES, type ReportKind, type ReportStatus } from "../model/workpapers";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import {
  assembleSections,
  dominantScheme,
  type ReportSection,
  reportGongwen,
  reportTitle,
} from "./report-content";

/**
 * The reports the actor may see, as one SQL condition: the group sees its own at every status; the
 * office sees them once submitted for 组办联审; the leading group sees those that passed it.
 */
export function visibleReports(actor: Actor): SQL {
  const groupIds = groupIdsOf(actor);
  const office = committeesWhere(actor, ["officeStaff"]);
  const leadership = committeesWhere(actor, ["leadership"], "read");
  const parts = [
    groupIds.length ? inArray(groupReports.groupId, groupIds) : undefined,
    office.length
      ? and(inArray(groupReports.committeeId, office), isNotNull(groupReports.submittedAt))
      : undefined,
    leadership.length
      ? and(inArray(groupReports.committeeId, leadership), eq(groupReports.status, "passed"))
      : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

const inGroup = (actor: Actor, groupId: string, roles: string[]) =>
  actor.grants.some((g) => g.groupId === groupId && roles.includes(g.role));
const GROUP_ROLES = ["groupLeader", "groupDeputy", "groupMember"];

export function reportAbilities(
  actor: Actor,
  r: { committeeId: string; groupId: string; status: string; roundOpen: boolean },
) {
  const member = r.roundOpen && inGroup(actor, r.groupId, GROUP_ROLES);
  const editable = r.status === "draft" || r.status === "returned";
  return {
    edit: member && editable,
    generate: member,
    submit: r.roundOpen && inGroup(actor, r.groupId, ["groupLeader"]) && editable,
    review: r.status === "submitted" && committeesWhere(actor, ["officeStaff"]).includes(r.committeeId),
  };
}

/** Everything a report is assembled from: names, dates, the group's targets and its approved findings. */
async function loadFacts(tx: Tx, report: { roundId: string; groupId: string; targetId: string | null }) {
  const [info] = await tx
    .select({
      committeeName: committees.name,
      groupName: groups.name,
      roundNumber: rounds.number,
      termName: terms.name,
      startsOn: rounds.startsOn,
      endsOn: rounds.endsOn,
    })
    .from(groups)
    .innerJoin(rounds, eq(rounds.id, groups.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .innerJoin(committees, eq(committees.id, rounds.committeeId))
    .where(eq(groups.id, report.groupId));
  const targetRows = await tx
    .select({ id: targets.id, name: targets.name })
    .from(groupTargets)
    .innerJoin(targets, eq(targets.id, groupTargets.targetId))
    .where(
      and(
        eq(groupTargets.groupId, report.groupId),
        report.targetId ? eq(groupTargets.targetId, report.targetId) : undefined,
      ),
    )
    .orderBy(asc(targets.name));
  const found = await tx
    .select({
      number: findings.number,
      title: findings.title,
      description: findings.description,
      scheme: findings.scheme,
      category: findings.category,
      fixId: immediateFixes.id,
    })
    .from(findings)
    .leftJoin(immediateFixes, eq(immediateFixes.findingId, findings.id))
    .where(
      and(
        eq(findings.groupId, report.groupId),
        eq(findings.roundId, report.roundId),
        eq(findings.status, "approved"),
        report.targetId ? eq(findings.targetId, report.targetId) : undefined,
      ),
    )
    .orderBy(asc(findings.number));
  const committeeName = info!.committeeName.replace(/^中共/, "");
  return {
    committeeName,
    groupFullName: fullGroupName(committeeName, { name: info!.groupName }),
    roundName: roundName(info!.termName, info!.roundNumber),
    startsOn: info!.startsOn,
    endsOn: info!.endsOn,
    targetNames: targetRows.map((t) => t.name),
    findings: found.map(({ fixId, ...f }) => ({ ...f, immediateFix: fixId !== null })),
  };
}

export interface NewReportInput {
  roundId: string;
  groupId: string;
  /** One target; absent: all of the group's targets. */
  targetId?: string | undefined;
  kind: ReportKind;
  /** The classification scheme to group the problems by; the one most findings use by default. */
  scheme?: string | undefined;
}

/** A group member assembles a report from the group's approved findings, as editable sections. */
export async function createReport(ctx: Ctx, input: NewReportInput) {
  if (input.scheme && !TAXONOMY.some((s) => s.key === input.scheme)) {
    throw new AppError("request.invalid", "分类体系不存在", { field: "scheme" });
  }
  return ctx.db.transaction(async (tx) => {
    if (!inGroup(ctx.actor, input.groupId, GROUP_ROLES)) throw new AppError("group.not_found");
    const [group] = await tx
      .select({
        id: groups.id,
        committeeId: groups.committeeId,
        roundId: groups.roundId,
        roundStatus: rounds.status,
      })
      .from(groups)
      .innerJoin(rounds, eq(rounds.id, groups.roundId))
      .where(and(eq(groups.id, input.groupId), eq(groups.roundId, input.roundId)));
    if (!group) throw new AppError("group.not_found");
    if (group.roundStatus !== "open") throw new AppError("round.closed");
    if (input.targetId) {
      const [assigned] = await tx
        .select({ one: sql`1` })
        .from(groupTargets)
        .where(and(eq(groupTargets.groupId, input.groupId), eq(groupTargets.targetId, input.targetId)));
      if (!assigned) throw new AppError("target.not_found", "该对象不是本组的巡察对象");
    }
    const facts = await loadFacts(tx, { ...input, targetId: input.targetId ?? null });
    const scheme = input.scheme ?? dominantScheme(facts.findings);
    const [row] = await tx
      .insert(groupReports)
      .values({
        committeeId: group.committeeId,
        roundId: input.roundId,
        groupId: input.groupId,
        targetId: input.targetId ?? null,
        kind: input.kind,
        title: reportTitle(input.kind, facts.targetNames),
        scheme,
        sections: assembleSections({ ...facts, kind: input.kind }, scheme),
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "report.create",
      entity: "report",
      entityId: row!.id,
      committeeId: group.committeeId,
      summary: {
        kind: input.kind,
        targetId: input.targetId ?? null,
        findings: facts.findings.length,
        scheme,
      },
    });
    return row!;
  });
}

const reportColumns = {
  report: groupReports,
  groupName: groups.name,
  targetName: targets.name,
  roundStatus: rounds.status,
};

const selectReports = (db: Ctx["db"] | Tx, where: SQL) =>
  db
    .select(reportColumns)
    .from(groupReports)
    .innerJoin(groups, eq(groups.id, groupReports.groupId))
    .innerJoin(rounds, eq(rounds.id, groupReports.roundId))
    .leftJoin(targets, eq(targets.id, groupReports.targetId))
    .where(where);

type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

function presentReport(actor: Actor, r: ReportRow) {
  const x = r.report;
  return {
    id: x.id,
    roundId: x.roundId,
    group: { id: x.groupId, name: r.groupName },
    target: x.targetId ? { id: x.targetId, name: r.targetName ?? "" } : null,
    kind: x.kind as ReportKind,
    kindLabel: REPORT_KINDS.labels[x.kind as ReportKind] ?? x.kind,
    title: x.title,
    scheme: x.scheme,
    status: x.status as ReportStatus,
    statusLabel: REPORT_STATUSES.labels[x.status as ReportStatus] ?? x.status,
    reviewOpinion: x.reviewOpinion,
    submittedAt: x.submittedAt,
    reviewedAt: x.reviewedAt,
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
    abilities: reportAbilities(actor, { ...x, roundOpen: r.roundStatus === "open" }),
  };
}

/** The reports the actor may see, newest first. */
export async function listReports(
  ctx: Ctx,
  filters: {
    roundId?: string | undefined;
    groupId?: string | undefined;
    status?: ReportStatus | undefined;
  } = {},
) {
  const rows = await selectReports(
    ctx.db,
    and(
      visibleReports(ctx.actor),
      filters.roundId ? eq(groupReports.roundId, filters.roundId) : undefined,
      filters.groupId ? eq(groupReports.groupId, filters.groupId) : undefined,
      filters.status ? eq(groupReports.status, filters.status) : undefined,
    )!,
  ).orderBy(desc(groupReports.createdAt));
  return { items: rows.map((r) => presentReport(ctx.actor, r)) };
}

async function loadReport(db: Ctx["db"] | Tx, actor: Actor, id: string, lock = false) {
  const [row] = await selectReports(db, and(eq(groupReports.id, id), visibleReports(actor))!);
  if (!row) throw new AppError("report.not_found");
  if (lock)
    await db.select({ id: groupReports.id }).from(groupReports).where(eq(groupReports.id, id)).for("update");
  return row;
}

/** One report with its sections, every generated version and the office's reviews. */
export async function getReport(ctx: Ctx, id: string) {
  const row = await loadReport(ctx.db, ctx.actor, id);
  const [versions, reviews] = await Promise.all([
    ctx.db
      .select({
        id: groupReportVersions.id,
        version: groupReportVersions.version,
        createdAt: groupReportVersions.createdAt,
        by: accounts.displayName,
        name: files.name,
        size: files.size,
        sha256: files.sha256,
      })
      .from(groupReportVersions)
      .innerJoin(files, eq(files.id, groupReportVersions.fileId))
      .leftJoin(accounts, eq(accounts.id, groupReportVersions.generatedBy))
      .where(eq(groupReportVersions.reportId, id))
      .orderBy(desc(groupReportVersions.version)),
    ctx.db
      .select()
      .from(groupReportReviews)
      .where(eq(groupReportReviews.reportId, id))
      .orderBy(asc(groupReportReviews.createdAt)),
  ]);
  return {
    ...presentReport(ctx.actor, row),
    sections: row.report.sections as ReportSection[],
    versions: versions.map((v) => ({ ...v, by: v.by ?? "" })),
    reviews: reviews.map((r) => ({
      decision: r.decision as "pass" | "return",
      opinion: r.opinion,
      by: r.reviewerName,
      at: r.createdAt,
    })),
  };
}

/** The group edits the report's title and text sections while it is a draft or returned. */
export async function updateReport(
  ctx: Ctx,
  id: string,
  input: { title?: string | undefined; sections: ReportSection[] },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadReport(tx, ctx.actor, id, true);
    const x = row.report;
    if (!reportAbilities(ctx.actor, { ...x, roundOpen: row.roundStatus === "open" }).edit) {
      if (!inGroup(ctx.actor, x.groupId, GROUP_ROLES)) throw new AppError("auth.forbidden");
      if (row.roundStatus !== "open") throw new AppError("round.closed");
      throw new AppError("report.not_editable");
    }
    await tx
      .update(groupReports)
      .set({
        sections: input.sections,
        ...(input.title ? { title: input.title } : {}),
        updatedAt: new Date(),
      })
      .where(eq(groupReports.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "report.update",
      entity: "report",
      entityId: id,
      committeeId: x.committeeId,
      summary: { sections: input.sections.map((s) => s.key), title: input.title ?? null },
    });
  });
}

/** Renders the report's current text as a .docx and keeps it as the next version. */
async function generate(tx: Tx, actor: Actor, report: typeof groupReports.$inferSelect) {
  const facts = await loadFacts(tx, report);
  const sections = report.sections as ReportSection[];
  const data = await renderGongwen(
    reportGongwen({
      kind: report.kind as ReportKind,
      title: report.title,
      committeeName: facts.committeeName,
      groupFullName: facts.groupFullName,
      sections,
      date: chinaDate(),
    }),
  );
  const [{ last } = { last: 0 }] = await tx
    .select({ last: sql<number>`coalesce(max(${groupReportVersions.version}), 0)::int` })
    .from(groupReportVersions)
    .where(eq(groupReportVersions.reportId, report.id));
  const version = Number(last) + 1;
  const name = `${report.title.replace(/[\\/:*?"<>|\n\r]+/g, "")}（第${version}稿）.docx`.slice(0, 200);
  const [file] = await tx
    .insert(files)
    .values({
      committeeId: report.committeeId,
      name,
      mime: DOCX_MIME,
      size: data.length,
      sha256: sha256(data),
      content: data,
      uploadedBy: actor.accountId,
    })
    .returning({ id: files.id });
  const [row] = await tx
    .insert(groupReportVersions)
    .values({ reportId: report.id, version, fileId: file!.id, sections, generatedBy: actor.accountId! })
    .returning();
  await recordAudit(tx, actor, {
    action: "report.generate",
    entity: "report",
    entityId: report.id,
    committeeId: report.committeeId,
    summary: { version, sha256: sha256(data) },
  });
  return row!;
}

/** A group member generates the .docx of the report's current text (every version is kept). */
export async function generateReportVersion(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadReport(tx, ctx.actor, id, true);
    if (!reportAbilities(ctx.actor, { ...row.report, roundOpen: row.roundStatus === "open" }).generate) {
      throw new AppError(row.roundStatus === "open" ? "auth.forbidden" : "round.closed");
    }
    return generate(tx, ctx.actor, row.report);
  });
}

/** The group leader submits the report for 组办联审; the submitted text is kept as a version. */
export async function submitReport(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadReport(tx, ctx.actor, id, true);
    const x = row.report;
    if (!reportAbilities(ctx.actor, { ...x, roundOpen: row.roundStatus === "open" }).submit) {
      if (!inGroup(ctx.actor, x.groupId, ["groupLeader"])) throw new AppError("auth.forbidden");
      if (row.roundStatus !== "open") throw new AppError("round.closed");
      throw new AppError("report.not_editable");
    }
    const version = await generate(tx, ctx.actor, x);
    const now = new Date();
    await tx
      .update(groupReports)
      .set({ status: "submitted", submittedBy: ctx.actor.accountId, submittedAt: now, updatedAt: now })
      .where(eq(groupReports.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "report.submit",
      entity: "report",
      entityId: id,
      committeeId: x.committeeId,
      summary: { version: version.version },
    });
  });
}

/**
 * The office reviews a submitted report (组办联审): pass, and it goes to the leading group; or
 * return it to the group with the opinion.
 */
export async function reviewReport(
  ctx: Ctx,
  id: string,
  input: { decision: "pass" | "return"; opinion?: string | undefined },
) {
  const opinion = input.opinion?.trim() ?? "";
  if (input.decision === "return" && !opinion) {
    throw new AppError("request.invalid", "退回时须填写联审意见", { field: "opinion" });
  }
  return ctx.db.transaction(async (tx) => {
    const row = await loadReport(tx, ctx.actor, id, true);
    const x = row.report;
    if (!reportAbilities(ctx.actor, { ...x, roundOpen: row.roundStatus === "open" }).review) {
      throw new AppError(
        committeesWhere(ctx.actor, ["officeStaff"]).includes(x.committeeId)
          ? "report.not_submitted"
          : "auth.forbidden",
      );
    }
    const now = new Date();
    await tx
      .update(groupReports)
      .set({
        status: input.decision === "pass" ? "passed" : "returned",
        reviewOpinion: opinion,
        reviewedBy: ctx.actor.accountId,
        reviewedAt: now,
        updatedAt: now,
      })
      .where(eq(groupReports.id, id));
    await tx.insert(groupReportReviews).values({
      reportId: id,
      decision: input.decision,
      opinion,
      reviewerId: ctx.actor.accountId!,
      reviewerName: ctx.actor.name,
    });
    await recordAudit(tx, ctx.actor, {
      action: input.decision === "pass" ? "report.pass" : "report.return",
      entity: "report",
      entityId: id,
      committeeId: x.committeeId,
      summary: { opinion },
    });
  });
}

/** A generated version's .docx, for whoever sees the report. */
export async function readReportVersionFile(ctx: Ctx, id: string, versionId: string) {
  await loadReport(ctx.db, ctx.actor, id);
  const [row] = await ctx.db
    .select({ file: files })
    .from(groupReportVersions)
    .innerJoin(files, eq(files.id, groupReportVersions.fileId))
    .where(and(eq(groupReportVersions.id, versionId), eq(groupReportVersions.reportId, id)));
  if (!row) throw new AppError("file.not_found");
  return row.file;
}
