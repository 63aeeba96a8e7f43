import { and, eq, findings, rounds, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { visibleFindings } from "../access/policies";
import { AppError } from "../model/errors";

/**
 * A finding the actor may see, locked for a change, with whether its round is still open; outside
 * the actor's scope it does not exist.
 */
export async function loadFindingForChange(tx: Tx, actor: Actor, findingId: string) {
  const [row] = await tx
    .select({ finding: findings, roundStatus: rounds.status })
    .from(findings)
    .innerJoin(rounds, eq(rounds.id, findings.roundId))
    .where(and(eq(findings.id, findingId), visibleFindings(actor)))
    .for("update", { of: findings });
  if (!row) throw new AppError("finding.not_found");
  return { ...row.finding, roundOpen: row.roundStatus === "open" };
}

/** For a group's change to a finding: a closed round's records are read-only. */
export function assertRoundOpen(finding: { roundOpen: boolean }) {
  if (!finding.roundOpen) throw new AppError("round.closed");
}
