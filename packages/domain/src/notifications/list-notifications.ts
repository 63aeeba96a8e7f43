import { and, count, desc, eq, isNull, notifications, sql } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";

const columns = {
  id: notifications.id,
  kind: notifications.kind,
  title: notifications.title,
  body: notifications.body,
  link: notifications.link,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};

function accountOf(ctx: Ctx): string {
  if (!ctx.actor.accountId) throw new AppError("auth.required");
  return ctx.actor.accountId;
}

/**
 * The actor's own notifications, newest first, with how many are unread. Marking them read is the
 * reader's own state, not a business record: it is not audited.
 */
export async function listNotifications(ctx: Ctx, query: { unread?: boolean; limit?: number } = {}) {
  const accountId = accountOf(ctx);
  const mine = eq(notifications.accountId, accountId);
  const [items, [unread]] = await Promise.all([
    ctx.db
      .select(columns)
      .from(notifications)
      .where(and(mine, query.unread ? isNull(notifications.readAt) : undefined))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit ?? 50),
    ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(mine, isNull(notifications.readAt))),
  ]);
  return { items, unread: Number(unread?.n ?? 0) };
}

/** Marks one of the actor's notifications read; another account's is not found. */
export async function readNotification(ctx: Ctx, id: string) {
  const accountId = accountOf(ctx);
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)))
    .returning(columns);
  if (!row) throw new AppError("notification.not_found");
  return row;
}

/** Marks every unread notification of the actor read; returns how many. */
export async function readAllNotifications(ctx: Ctx) {
  const accountId = accountOf(ctx);
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { read: rows.length };
}
