import { eq, measures, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { loadFindingForChange } from "../findings/load-finding";
import { AppError } from "../model/errors";

/**
 * A measure and its finding, for a change: the finding is locked first and the measure second, the
 * order every writer of a problem's rectification takes them in (so two of them wait, not deadlock).
 * A measure of a finding the actor may not see is measure.not_found.
 */
export async function loadMeasureForChange(tx: Tx, actor: Actor, measureId: string) {
  const [found] = await tx
    .select({ findingId: measures.findingId })
    .from(measures)
    .where(eq(measures.id, measureId));
  if (!found) throw new AppError("measure.not_found");
  const finding = await loadFindingForChange(tx, actor, found.findingId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "finding.not_found") throw new AppError("measure.not_found");
    throw e;
  });
  const [measure] = await tx.select().from(measures).where(eq(measures.id, measureId)).for("update");
  if (!measure) throw new AppError("measure.not_found");
  return { measure, finding };
}
