import {
  and,
  briefingRequests,
  briefingRequestTargets,
  eq,
  groupTargets,
  inArray,
  partnerDepartments,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import type { BriefingTopic } from "../model/fieldwork";
import { findRoundForOffice } from "../rounds/manage-rounds";
import { loadBriefingRequests } from "./briefing-requests";

export interface BriefingRequestInput {
  roundId: string;
  partnerDepartmentId: string;
  targetIds: string[];
  topics: BriefingTopic[];
  note?: string | undefined;
  dueOn: string;
}

/**
 * The office asks a partner department of its committee for briefings (巡前情况通报) on targets of
 * an open round (targets assigned to a group of the round), by a deadline.
 */
export async function createBriefingRequest(ctx: Ctx, input: BriefingRequestInput) {
  return ctx.db.transaction(async (tx) => {
    const round = await findRoundForOffice(tx, ctx.actor, input.roundId);
    const [department] = await tx
      .select()
      .from(partnerDepartments)
      .where(
        and(
          eq(partnerDepartments.id, input.partnerDepartmentId),
          eq(partnerDepartments.committeeId, round.committeeId),
        ),
      );
    if (!department) throw new AppError("partner_department.not_found");
    const targetIds = [...new Set(input.targetIds)];
    const assigned = await tx
      .select({ targetId: groupTargets.targetId })
      .from(groupTargets)
      .where(and(eq(groupTargets.roundId, round.id), inArray(groupTargets.targetId, targetIds)));
    if (assigned.length !== targetIds.length)
      throw new AppError("target.not_found", "所选对象不是本轮的巡察对象");
    const [request] = await tx
      .insert(briefingRequests)
      .values({
        committeeId: round.committeeId,
        roundId: round.id,
        partnerDepartmentId: department.id,
        topics: [...new Set(input.topics)],
        note: input.note ?? "",
        dueOn: input.dueOn,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await tx
      .insert(briefingRequestTargets)
      .values(
        targetIds.map((targetId) => ({ requestId: request!.id, targetId, committeeId: round.committeeId })),
      );
    await recordAudit(tx, ctx.actor, {
      action: "briefing.request",
      entity: "briefing_request",
      entityId: request!.id,
      committeeId: round.committeeId,
      summary: {
        roundId: round.id,
        partnerDepartmentId: department.id,
        department: department.name,
        targetIds,
        topics: request!.topics,
        dueOn: input.dueOn,
      },
    });
    const [presented] = await loadBriefingRequests(tx, ctx.actor, eq(briefingRequests.id, request!.id));
    return presented!;
  });
}
