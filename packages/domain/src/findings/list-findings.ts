import {
  and,
  asc,
  count,
  desc,
  eq,
  files,
  findingFiles,
  findings,
  groups,
  ilike,
  inArray,
  isNull,
  or,
  rounds,
  type SQL,
  sql,
  targets,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { visibleFindings } from "../access/policies";
import { AppError } from "../model/errors";
import { categoryName } from "../model/taxonomy";
import { findingAbilities } from "./finding-abilities";

export interface FindingFilters {
  roundId?: string | undefined;
  groupId?: string | undefined;
  targetId?: string | undefined;
  status?: string | undefined;
  route?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

const columns = {
  id: findings.id,
  committeeId: findings.committeeId,
  number: findings.number,
  title: findings.title,
  description: findings.description,
  roundId: findings.roundId,
  groupId: findings.groupId,
  groupName: groups.name,
  targetId: findings.targetId,
  targetName: targets.name,
  scheme: findings.scheme,
  category: findings.category,
  severity: findings.severity,
  status: findings.status,
  returnReason: findings.returnReason,
  route: findings.route,
  routeDept: findings.routeDept,
  feedbackId: findings.feedbackId,
  closedAt: findings.closedAt,
  createdAt: findings.createdAt,
  roundStatus: rounds.status,
};

type Row = Awaited<ReturnType<typeof selectFindings>>[number];

const selectFindings = (ctx: Ctx, where: SQL) =>
  ctx.db
    .select(columns)
    .from(findings)
    .innerJoin(groups, eq(groups.id, findings.groupId))
    .innerJoin(targets, eq(targets.id, findings.targetId))
    .innerJoin(rounds, eq(rounds.id, findings.roundId))
    .where(where);

function present(ctx: Ctx, r: Row) {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    description: r.description,
    roundId: r.roundId,
    target: { id: r.targetId, name: r.targetName },
    group: { id: r.groupId, name: r.groupName },
    scheme: r.scheme,
    category: r.category,
    categoryName: categoryName(r.category),
    severity: r.severity,
    status: r.status,
    returnReason: r.returnReason,
    route: r.route,
    routeDept: r.routeDept,
    fedBack: r.feedbackId !== null,
    closedAt: r.closedAt,
    createdAt: r.createdAt,
    abilities: findingAbilities(ctx.actor, { ...r, roundOpen: r.roundStatus === "open" }),
  };
}

function filterOf(ctx: Ctx, f: FindingFilters): SQL {
  const q = f.q?.trim();
  return and(
    visibleFindings(ctx.actor),
    f.roundId ? eq(findings.roundId, f.roundId) : undefined,
    f.groupId ? eq(findings.groupId, f.groupId) : undefined,
    f.targetId ? eq(findings.targetId, f.targetId) : undefined,
    f.status ? eq(findings.status, f.status) : undefined,
    f.route === "undecided" ? isNull(findings.route) : f.route ? eq(findings.route, f.route) : undefined,
    q ? or(ilike(findings.title, `%${q}%`), ilike(findings.description, `%${q}%`)) : undefined,
  )!;
}

/**
 * The list's total stops counting here: an exact count of 100,000 findings reads them all on every
 * page (tens to hundreds of ms when visibility needs the rows), while past 10,000 nobody pages on.
 */
export const FINDINGS_TOTAL_CAP = 10_000;

/** Newest first, then by number: the order of findings_{committee,round,group}_created_idx. */
const LIST_ORDER = [desc(findings.createdAt), asc(findings.number)] as const;

/**
 * The findings the actor may see, filtered and paged (newest round first, then by number). `total`
 * is exact up to FINDINGS_TOTAL_CAP; beyond it `total` is the cap and `totalCapped` is true.
 */
export async function listFindings(ctx: Ctx, filters: FindingFilters) {
  const where = filterOf(ctx, filters);
  const pageSize = Math.min(filters.pageSize ?? 20, 200);
  const page = Math.max(filters.page ?? 1, 1);
  const upTo = ctx.db
    .select({ one: sql`1`.as("one") })
    .from(findings)
    .where(where)
    .limit(FINDINGS_TOTAL_CAP + 1)
    .as("up_to");
  // The page's ids first, then their rows: the ids come from an index alone when one covers the
  // visibility (a group's list: 20 rows joined instead of all of the groups' findings).
  const pageIds = ctx.db
    .select({ id: findings.id })
    .from(findings)
    .where(where)
    .orderBy(...LIST_ORDER)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [rows, [counted]] = await Promise.all([
    selectFindings(ctx, inArray(findings.id, pageIds)).orderBy(...LIST_ORDER),
    ctx.db.select({ value: count() }).from(upTo),
  ]);
  const n = Number(counted?.value ?? 0);
  return {
    items: rows.map((r) => present(ctx, r)),
    total: Math.min(n, FINDINGS_TOTAL_CAP),
    totalCapped: n > FINDINGS_TOTAL_CAP,
    page,
    pageSize,
  };
}

/** One finding with its evidence files. */
export async function getFinding(ctx: Ctx, findingId: string) {
  const [row] = await selectFindings(ctx, and(eq(findings.id, findingId), visibleFindings(ctx.actor))!);
  if (!row) throw new AppError("finding.not_found");
  const attached = await ctx.db
    .select({ id: files.id, name: files.name, size: files.size, mime: files.mime, sha256: files.sha256 })
    .from(findingFiles)
    .innerJoin(files, eq(files.id, findingFiles.fileId))
    .where(eq(findingFiles.findingId, findingId));
  return { ...present(ctx, row), files: attached };
}
