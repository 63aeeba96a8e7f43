import { targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { actingCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { presentTarget } from "./present-target";
import { belongsToTownship, matchTownship } from "./target-category";
import { assertTargetNameFree, loadTownships, type TargetInput, targetFields } from "./target-fields";

/**
 * Adds a target to the office's registry. The category is inferred from type and name when not
 * given; a village or community is linked to the township its 上级党组织 names.
 */
export async function createTarget(ctx: Ctx, input: TargetInput) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  return inTransaction(ctx, async (tx) => {
    const fields = targetFields(input);
    await assertTargetNameFree(tx, committeeId, fields.name);
    const parentTargetId = belongsToTownship(fields.category)
      ? matchTownship(await loadTownships(tx, committeeId), fields.parentOrgName)
      : null;
    const [row] = await tx
      .insert(targets)
      .values({ ...fields, committeeId, parentTargetId })
      .returning();
    if (!row) throw new AppError("internal");
    await recordAudit(tx, ctx.actor, {
      action: "target.create",
      entity: "target",
      entityId: row.id,
      committeeId,
      summary: { name: row.name, category: row.category },
    });
    return presentTarget(row, ctx.actor);
  });
}
