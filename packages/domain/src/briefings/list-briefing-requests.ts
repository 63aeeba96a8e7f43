import { and, briefingRequests, eq, inArray } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import { loadBriefingRequests } from "./briefing-requests";
import { briefingOverseers, partnerDepartmentIdsOf } from "./briefing-scope";

/**
 * The office's and the leading group's view: every request of a round (or of the committee) with
 * the status per department and target (answered / overdue). Answer texts are not included.
 */
export async function listBriefingRequests(
  ctx: Ctx,
  filters: { roundId?: string | undefined; partnerDepartmentId?: string | undefined },
  now = new Date(),
) {
  const overseen = briefingOverseers(ctx.actor);
  if (!overseen.length) return [];
  return loadBriefingRequests(
    ctx.db,
    ctx.actor,
    and(
      inArray(briefingRequests.committeeId, overseen),
      filters.roundId ? eq(briefingRequests.roundId, filters.roundId) : undefined,
      filters.partnerDepartmentId
        ? eq(briefingRequests.partnerDepartmentId, filters.partnerDepartmentId)
        : undefined,
    ),
    { now },
  );
}

/** A partner department's own requests (its accounts see nothing else), newest first. */
export async function listMyBriefingRequests(ctx: Ctx, now = new Date()) {
  const departments = partnerDepartmentIdsOf(ctx.actor);
  if (!departments.length) return [];
  return loadBriefingRequests(ctx.db, ctx.actor, inArray(briefingRequests.partnerDepartmentId, departments), {
    now,
  });
}

/**
 * One request with its answers: for the office and the leading group of its committee, and for
 * the department it is addressed to. Anyone else: not found.
 */
export async function getBriefingRequest(ctx: Ctx, requestId: string, now = new Date()) {
  const [request] = await loadBriefingRequests(ctx.db, ctx.actor, eq(briefingRequests.id, requestId), {
    withAnswers: true,
    now,
  });
  if (!request) throw new AppError("briefing.not_found");
  return request;
}
