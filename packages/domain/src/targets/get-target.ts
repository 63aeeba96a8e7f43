import { and, eq, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import { presentTarget } from "./present-target";
import { visibleTargets } from "./target-policy";

/** One target; target.not_found (404) when it does not exist or lies outside the actor's scope. */
export async function getTarget(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(targets)
    .where(and(eq(targets.id, id), visibleTargets(ctx.actor)));
  if (!row) throw new AppError("target.not_found");
  return presentTarget(row, ctx.actor);
}
