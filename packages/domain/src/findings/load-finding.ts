import { and, eq, findings, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { visibleFindings } from "../access/policies";
import { AppError } from "../model/errors";

/** A finding the actor may see, locked for a change; outside the actor's scope it does not exist. */
export async function loadFindingForChange(tx: Tx, actor: Actor, findingId: string) {
  const [finding] = await tx
    .select()
    .from(findings)
    .where(and(eq(findings.id, findingId), visibleFindings(actor)))
    .for("update");
  if (!finding) throw new AppError("finding.not_found");
  return finding;
}
