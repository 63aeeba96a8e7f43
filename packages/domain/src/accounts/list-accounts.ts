import { accounts, and, asc, count, eq, ilike, or, type SQL } from "@xuncha/db";
import { hasAnyRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import { presentAccounts } from "./present-account";

export interface AccountFilters {
  /** Part of the username or display name. */
  q?: string | undefined;
  committeeId?: string | undefined;
  page?: number;
  pageSize?: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The installation's accounts with their roles (sysAdmin and securityAdmin). */
export async function listAccounts(ctx: Ctx, filters: AccountFilters = {}) {
  if (!hasAnyRole(ctx.actor, ["sysAdmin", "securityAdmin"])) throw new AppError("auth.forbidden");
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 50;
  const q = filters.q?.trim();
  const where = and(
    q
      ? or(ilike(accounts.username, `%${escapeLike(q)}%`), ilike(accounts.displayName, `%${escapeLike(q)}%`))
      : undefined,
    filters.committeeId ? eq(accounts.committeeId, filters.committeeId) : undefined,
  ) as SQL | undefined;
  const [totalRow] = await ctx.db.select({ total: count() }).from(accounts).where(where);
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(where)
    .orderBy(asc(accounts.createdAt), asc(accounts.username))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return {
    items: await presentAccounts(ctx.db, rows),
    total: totalRow?.total ?? 0,
    page,
    pageSize,
    abilities: {
      create: hasAnyRole(ctx.actor, ["sysAdmin"]),
      disable: hasAnyRole(ctx.actor, ["sysAdmin"]),
      assignRoles: hasAnyRole(ctx.actor, ["securityAdmin"]),
    },
  };
}
