import { eq, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import type { TargetCategory } from "../model/enums";
import { AppError } from "../model/errors";
import { presentTarget } from "./present-target";
import { belongsToTownship, matchTownship } from "./target-category";
import { assertTargetNameFree, loadTownships, type TargetInput, targetFields } from "./target-fields";

/**
 * Changes a target of the office's registry. Only the given fields change; `category: null`
 * re-infers the category. The township link is recomputed when the 上级党组织 or category changes.
 */
export async function updateTarget(ctx: Ctx, id: string, patch: Partial<TargetInput>) {
  return inTransaction(ctx, async (tx) => {
    const [current] = await tx.select().from(targets).where(eq(targets.id, id)).for("update");
    if (!current) throw new AppError("target.not_found");
    assertInCommittee(ctx.actor, ["officeStaff"], current.committeeId, "target.not_found");
    const next = targetFields({
      name: patch.name ?? current.name,
      orgForm: patch.orgForm ?? current.orgForm,
      parentOrgName: patch.parentOrgName ?? current.parentOrgName,
      sector: patch.sector ?? current.sector,
      principal: patch.principal ?? current.principal,
      leaders: patch.leaders ?? current.leaders,
      phone: patch.phone ?? current.phone,
      lastInspectedOn: patch.lastInspectedOn === undefined ? current.lastInspectedOn : patch.lastInspectedOn,
      lastRoundLabel: patch.lastRoundLabel ?? current.lastRoundLabel,
      category: patch.category === undefined ? (current.category as TargetCategory) : patch.category,
    });
    if (next.name !== current.name) await assertTargetNameFree(tx, current.committeeId, next.name, id);
    const relink = next.parentOrgName !== current.parentOrgName || next.category !== current.category;
    const parentTargetId = !relink
      ? current.parentTargetId
      : belongsToTownship(next.category)
        ? matchTownship(await loadTownships(tx, current.committeeId), next.parentOrgName)
        : null;
    const changes = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((k) => next[k] !== current[k])
        .map((k) => [k, { from: current[k], to: next[k] }]),
    );
    const [row] = await tx
      .update(targets)
      .set({ ...next, parentTargetId, updatedAt: new Date() })
      .where(eq(targets.id, id))
      .returning();
    if (!row) throw new AppError("internal");
    await recordAudit(tx, ctx.actor, {
      action: "target.update",
      entity: "target",
      entityId: id,
      committeeId: current.committeeId,
      summary: { name: row.name, changes },
    });
    return presentTarget(row, ctx.actor);
  });
}
