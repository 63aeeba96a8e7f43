import { and, asc, count, eq, ilike, inArray, or, people, type SQL, sql } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import type { PersonPool } from "../model/enums";
import { AppError } from "../model/errors";
import { presentPerson } from "./present-person";

export interface PeopleFilters {
  pool?: PersonPool | undefined;
  /** Part of the name, unit or post, or one expertise (纪检, 财会 …). */
  q?: string | undefined;
  available?: boolean | undefined;
  page?: number;
  pageSize?: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The committee's pools (组长库 / 人才库), for its office and leadership. */
export async function listPeople(ctx: Ctx, filters: PeopleFilters = {}) {
  const committeeIds = committeesWhere(ctx.actor, ["officeStaff", "leadership"]);
  if (!committeeIds.length) throw new AppError("auth.forbidden");
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const q = filters.q?.trim();
  const like = q ? `%${escapeLike(q)}%` : "";
  const where = and(
    inArray(people.committeeId, committeeIds),
    filters.pool ? eq(people.pool, filters.pool) : undefined,
    filters.available === undefined ? undefined : eq(people.available, filters.available),
    q
      ? or(
          ilike(people.name, like),
          ilike(people.unit, like),
          ilike(people.post, like),
          sql`${q} = any(${people.expertise})`,
        )
      : undefined,
  ) as SQL;
  const [totalRow] = await ctx.db.select({ total: count() }).from(people).where(where);
  const rows = await ctx.db
    .select()
    .from(people)
    .where(where)
    .orderBy(asc(people.pool), asc(people.createdAt), asc(people.name))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map((r) => presentPerson(r, ctx.actor)),
    total: totalRow?.total ?? 0,
    page,
    pageSize,
    abilities: { create: hasRole(ctx.actor, "officeStaff") },
  };
}
