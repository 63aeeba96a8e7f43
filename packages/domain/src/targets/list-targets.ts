import { and, asc, count, eq, ilike, or, type SQL, targets } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import type { TargetCategory } from "../model/enums";
import { presentTarget } from "./present-target";
import { visibleTargets } from "./target-policy";

export interface TargetFilters {
  category?: TargetCategory | undefined;
  /** Part of the name or of the 上级党组织. */
  q?: string | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The visible targets matching the filters, as one SQL condition. */
export function targetConditions(ctx: Ctx, filters: TargetFilters): SQL {
  const q = filters.q?.trim();
  return and(
    visibleTargets(ctx.actor),
    filters.category ? eq(targets.category, filters.category) : undefined,
    q
      ? or(ilike(targets.name, `%${escapeLike(q)}%`), ilike(targets.parentOrgName, `%${escapeLike(q)}%`))
      : undefined,
  ) as SQL;
}

/** Order of the registry: as entered or imported (file order), then by name. */
export const TARGET_ORDER = [asc(targets.createdAt), asc(targets.name)];

/**
 * Lists the targets the actor may see: the committee's registry for leadership, office and
 * reviewers; the groups' targets for a group; its own organization for a target's contact.
 */
export async function listTargets(ctx: Ctx, filters: TargetFilters & { page?: number; pageSize?: number }) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const where = targetConditions(ctx, filters);
  const [totalRow] = await ctx.db.select({ total: count() }).from(targets).where(where);
  const rows = await ctx.db
    .select()
    .from(targets)
    .where(where)
    .orderBy(...TARGET_ORDER)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const office = hasRole(ctx.actor, "officeStaff");
  return {
    items: rows.map((r) => presentTarget(r, ctx.actor)),
    total: totalRow?.total ?? 0,
    page,
    pageSize,
    abilities: { create: office, import: office, export: true },
  };
}
