import {
  accounts,
  and,
  asc,
  briefingAnswers,
  briefingRequests,
  eq,
  findings,
  inArray,
  or,
  partnerDepartments,
  preInspectionItems,
  rounds,
  type SQL,
  sql,
  type Tx,
  targets,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { committeesWhere, groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { ownGroupOfTarget } from "../fieldwork/fieldwork-scope";
import { createFinding } from "../findings/create-finding";
import type { Severity } from "../model/enums";
import { AppError } from "../model/errors";
import type { PreInspectionSource } from "../model/fieldwork";

/** The items the actor may see: its own groups' lists, and every list for the office and the leading group. */
function visibleItems(actor: Actor): SQL {
  const overseen = committeesWhere(actor, ["officeStaff", "leadership"], "read");
  const groups = groupIdsOf(actor);
  const parts = [
    overseen.length ? inArray(preInspectionItems.committeeId, overseen) : undefined,
    groups.length ? inArray(preInspectionItems.groupId, groups) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

async function loadItems(tx: Tx, actor: Actor, where: SQL) {
  const rows = await tx
    .select({
      item: preInspectionItems,
      targetName: targets.name,
      createdByName: accounts.displayName,
      departmentName: partnerDepartments.name,
      findingNumber: findings.number,
      findingTitle: findings.title,
      roundStatus: rounds.status,
    })
    .from(preInspectionItems)
    .innerJoin(targets, eq(targets.id, preInspectionItems.targetId))
    .innerJoin(accounts, eq(accounts.id, preInspectionItems.createdBy))
    .innerJoin(rounds, eq(rounds.id, preInspectionItems.roundId))
    .leftJoin(briefingAnswers, eq(briefingAnswers.id, preInspectionItems.briefingAnswerId))
    .leftJoin(briefingRequests, eq(briefingRequests.id, briefingAnswers.requestId))
    .leftJoin(partnerDepartments, eq(partnerDepartments.id, briefingRequests.partnerDepartmentId))
    .leftJoin(findings, eq(findings.id, preInspectionItems.findingId))
    .where(and(visibleItems(actor), where))
    .orderBy(asc(targets.name), asc(preInspectionItems.createdAt), asc(preInspectionItems.id));
  const groups = groupIdsOf(actor);
  return rows.map(({ item, ...r }) => {
    const writable = r.roundStatus !== "closed" && groups.includes(item.groupId);
    return {
      id: item.id,
      roundId: item.roundId,
      groupId: item.groupId,
      targetId: item.targetId,
      targetName: r.targetName,
      source: item.source as PreInspectionSource,
      briefingAnswerId: item.briefingAnswerId,
      departmentName: r.departmentName,
      title: item.title,
      description: item.description,
      findingId: item.findingId,
      finding: item.findingId ? { number: r.findingNumber!, title: r.findingTitle! } : null,
      createdByName: r.createdByName,
      createdAt: item.createdAt,
      abilities: { promote: writable && !item.findingId },
    };
  });
}

/** A round's pre-inspection problem lists (巡前问题清单) the actor may see, by target. */
export function listPreInspectionItems(
  ctx: Ctx,
  filters: { roundId: string; targetId?: string | undefined },
) {
  return loadItems(
    ctx.db,
    ctx.actor,
    and(
      eq(preInspectionItems.roundId, filters.roundId),
      filters.targetId ? eq(preInspectionItems.targetId, filters.targetId) : undefined,
    )!,
  );
}

export interface PreInspectionItemInput {
  roundId: string;
  targetId: string;
  title: string;
  description?: string | undefined;
  /** The briefing answer the item is drawn from (source = briefing); none for another source. */
  briefingAnswerId?: string | null | undefined;
}

/** A group adds an item to its pre-inspection problem list on one of its targets. */
export async function createPreInspectionItem(ctx: Ctx, input: PreInspectionItemInput) {
  return ctx.db.transaction(async (tx) => {
    const own = await ownGroupOfTarget(tx, ctx.actor, input.roundId, input.targetId);
    if (input.briefingAnswerId) {
      const [answer] = await tx
        .select({ id: briefingAnswers.id })
        .from(briefingAnswers)
        .innerJoin(briefingRequests, eq(briefingRequests.id, briefingAnswers.requestId))
        .where(
          and(
            eq(briefingAnswers.id, input.briefingAnswerId),
            eq(briefingAnswers.targetId, input.targetId),
            eq(briefingRequests.roundId, input.roundId),
          ),
        );
      if (!answer) throw new AppError("briefing.not_found", "情况通报答复不存在或不是该对象的");
    }
    const [item] = await tx
      .insert(preInspectionItems)
      .values({
        committeeId: own.committeeId,
        roundId: input.roundId,
        groupId: own.groupId,
        targetId: input.targetId,
        source: input.briefingAnswerId ? "briefing" : "other",
        briefingAnswerId: input.briefingAnswerId ?? null,
        title: input.title,
        description: input.description ?? "",
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "pre_inspection_item.create",
      entity: "pre_inspection_item",
      entityId: item!.id,
      committeeId: own.committeeId,
      summary: {
        targetId: input.targetId,
        title: input.title,
        briefingAnswerId: input.briefingAnswerId ?? null,
      },
    });
    const [presented] = await loadItems(tx, ctx.actor, eq(preInspectionItems.id, item!.id));
    return presented!;
  });
}

export interface PromoteInput {
  scheme: string;
  category: string;
  severity: Severity;
  title?: string | undefined;
  description?: string | undefined;
}

/**
 * Once confirmed in fieldwork, a list item becomes a finding (问题) of the group, drafted through
 * createFinding in the same transaction; the item keeps the link (and a workpaper's source is
 * the briefing).
 */
export async function promotePreInspectionItem(ctx: Ctx, itemId: string, input: PromoteInput) {
  return ctx.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(preInspectionItems)
      .where(and(eq(preInspectionItems.id, itemId), visibleItems(ctx.actor)))
      .for("update");
    if (!item) throw new AppError("pre_inspection_item.not_found");
    if (!groupIdsOf(ctx.actor).includes(item.groupId)) throw new AppError("auth.forbidden");
    if (item.findingId) throw new AppError("pre_inspection_item.promoted");
    const finding = await createFinding(
      { db: tx, actor: ctx.actor },
      {
        roundId: item.roundId,
        targetId: item.targetId,
        title: input.title ?? item.title,
        description: input.description ?? (item.description || item.title),
        scheme: input.scheme,
        category: input.category,
        severity: input.severity,
        workpaper: {
          source: item.source === "briefing" ? "briefing" : "other",
          sourceRecordId: item.briefingAnswerId,
        },
      },
    );
    await tx
      .update(preInspectionItems)
      .set({ findingId: finding.id })
      .where(eq(preInspectionItems.id, item.id));
    await recordAudit(tx, ctx.actor, {
      action: "pre_inspection_item.promote",
      entity: "pre_inspection_item",
      entityId: item.id,
      committeeId: item.committeeId,
      summary: { findingId: finding.id },
    });
    const [presented] = await loadItems(tx, ctx.actor, eq(preInspectionItems.id, item.id));
    return presented!;
  });
}
