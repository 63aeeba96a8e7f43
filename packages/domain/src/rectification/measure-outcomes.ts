import { eq, measures } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { loadMeasureForChange } from "./load-measure";

export interface MeasureOutcomes {
  /** Names of the rules made or revised (建章立制). */
  rulesMade: string[];
  /** Money recovered (挽回经济损失), 万元, two decimals. */
  moneyRecovered: number;
  /** People held accountable (追责问责), 人. */
  accountablePersons: number;
}

/**
 * The target's contact records a measure's outcomes (rules made, money recovered, people held
 * accountable); they replace the earlier figures of the measure and are summed in the ledger.
 */
export async function setMeasureOutcomes(ctx: Ctx, measureId: string, input: MeasureOutcomes) {
  return ctx.db.transaction(async (tx) => {
    const { measure, finding } = await loadMeasureForChange(tx, ctx.actor, measureId);
    if (!contactTargetIds(ctx.actor).includes(measure.targetId)) throw new AppError("measure.not_found");
    if (finding.closedAt) throw new AppError("closeout.already_closed");
    const rulesMade = [...new Set(input.rulesMade.map((r) => r.trim()).filter((r) => r !== ""))];
    const [updated] = await tx
      .update(measures)
      .set({
        rulesMade,
        moneyRecovered: input.moneyRecovered.toFixed(2),
        accountablePersons: input.accountablePersons,
        updatedAt: new Date(),
      })
      .where(eq(measures.id, measureId))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "measure.outcomes",
      entity: "measure",
      entityId: measureId,
      committeeId: measure.committeeId,
      summary: {
        rulesMade,
        moneyRecovered: input.moneyRecovered,
        accountablePersons: input.accountablePersons,
        before: {
          rulesMade: measure.rulesMade,
          moneyRecovered: Number(measure.moneyRecovered),
          accountablePersons: measure.accountablePersons,
        },
      },
    });
    const { committeeId: _c, createdBy: _b, ...rest } = updated!;
    return { ...rest, moneyRecovered: Number(updated!.moneyRecovered) };
  });
}
