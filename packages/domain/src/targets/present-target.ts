import type { targets } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { TARGET_CATEGORIES, type TargetCategory } from "../model/enums";
import { canEditTargets } from "./target-policy";

type TargetRow = typeof targets.$inferSelect;

/** A target as the API returns it, with what the caller may do with it. */
export function presentTarget(row: TargetRow, actor: Actor) {
  return {
    id: row.id,
    committeeId: row.committeeId,
    name: row.name,
    category: row.category as TargetCategory,
    categoryLabel: TARGET_CATEGORIES.labels[row.category as TargetCategory] ?? row.category,
    orgForm: row.orgForm,
    parentTargetId: row.parentTargetId,
    parentOrgName: row.parentOrgName,
    sector: row.sector,
    principal: row.principal,
    leaders: row.leaders,
    phone: row.phone,
    lastInspectedOn: row.lastInspectedOn,
    lastRoundLabel: row.lastRoundLabel,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    abilities: { update: canEditTargets(actor, row.committeeId) },
  };
}

export type PresentedTarget = ReturnType<typeof presentTarget>;
