import {
  and,
  asc,
  count,
  eq,
  groupMembers,
  ilike,
  inArray,
  or,
  people,
  type SQL,
  sql,
  trainingAttendees,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import type { PersonPool } from "../model/enums";
import { AppError } from "../model/errors";
import { poolReaders } from "./person-fields";
import { canCreatePeople, presentPerson } from "./present-person";

export interface PeopleFilters {
  pool?: PersonPool | undefined;
  /** Part of the name, unit or post, or one expertise (纪检, 财会 …). */
  q?: string | undefined;
  /** People having every one of these expertise tags. */
  expertise?: string[] | undefined;
  available?: boolean | undefined;
  page?: number;
  pageSize?: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The condition of the pools the actor reads, with the filters. */
export function peopleConditions(ctx: Ctx, filters: PeopleFilters): SQL {
  const committeeIds = poolReaders(ctx.actor);
  if (!committeeIds.length) throw new AppError("auth.forbidden");
  const q = filters.q?.trim();
  const like = q ? `%${escapeLike(q)}%` : "";
  const tags = (filters.expertise ?? []).map((e) => e.trim()).filter(Boolean);
  return and(
    inArray(people.committeeId, committeeIds),
    filters.pool ? eq(people.pool, filters.pool) : undefined,
    filters.available === undefined ? undefined : eq(people.available, filters.available),
    tags.length ? sql`${people.expertise} @> ${sql.param(tags)}::text[]` : undefined,
    q
      ? or(
          ilike(people.name, like),
          ilike(people.unit, like),
          ilike(people.post, like),
          sql`${q} = any(${people.expertise})`,
        )
      : undefined,
  ) as SQL;
}

export const PEOPLE_ORDER = [asc(people.pool), asc(people.createdAt), asc(people.name)];

/** The committee's pools (组长库 / 人才库), for its office and leadership, a page at a time. */
export async function listPeople(ctx: Ctx, filters: PeopleFilters = {}) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const where = peopleConditions(ctx, filters);
  const [totalRow] = await ctx.db.select({ total: count() }).from(people).where(where);
  const rows = await ctx.db
    .select({
      person: people,
      rounds: sql<number>`(select count(*)::int from ${groupMembers} where ${groupMembers.personId} = ${people.id})`,
      trainings: sql<number>`(select count(*)::int from ${trainingAttendees} where ${trainingAttendees.personId} = ${people.id})`,
    })
    .from(people)
    .where(where)
    .orderBy(...PEOPLE_ORDER)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: rows.map((r) => ({
      ...presentPerson(r.person, ctx.actor),
      roundsServed: Number(r.rounds),
      trainingTimes: Number(r.trainings),
    })),
    total: Number(totalRow?.total ?? 0),
    page,
    pageSize,
    abilities: { create: canCreatePeople(ctx.actor), import: canCreatePeople(ctx.actor) },
  };
}
