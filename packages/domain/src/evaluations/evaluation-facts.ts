import { and, clues, count, eq, findings, inArray, sql, type Tx, workItems } from "@xuncha/db";
import type { EvaluationFact } from "./criteria";

export interface FactValue {
  value: number;
  /** How the scorer reads it, e.g. "12 个" or "18/20 项按期完成". */
  text: string;
}

/**
 * What the records say about each group, for the scorer to see next to the criteria: approved
 * findings (and the serious or severe among them), clues transferred from its findings, its work
 * items done on time.
 */
export async function evaluationFacts(tx: Tx, groupIds: string[]) {
  const out = new Map<string, Record<Exclude<EvaluationFact, "none">, FactValue>>();
  if (!groupIds.length) return out;
  const [findingRows, clueRows, itemRows] = await Promise.all([
    tx
      .select({
        groupId: findings.groupId,
        approved: count(),
        severe: sql<number>`count(*) filter (where ${findings.severity} in ('serious', 'severe'))::int`,
      })
      .from(findings)
      .where(and(inArray(findings.groupId, groupIds), eq(findings.status, "approved")))
      .groupBy(findings.groupId),
    tx
      .select({ groupId: findings.groupId, n: count() })
      .from(clues)
      .innerJoin(findings, eq(findings.id, clues.findingId))
      .where(inArray(findings.groupId, groupIds))
      .groupBy(findings.groupId),
    tx
      .select({
        groupId: workItems.groupId,
        total: count(),
        onTime: sql<number>`count(*) filter (where ${workItems.doneOn} is not null and (${workItems.dueOn} is null or ${workItems.doneOn} <= ${workItems.dueOn}))::int`,
      })
      .from(workItems)
      .where(and(inArray(workItems.groupId, groupIds), eq(workItems.owner, "group")))
      .groupBy(workItems.groupId),
  ]);
  for (const g of groupIds) {
    const f = findingRows.find((r) => r.groupId === g);
    const c = clueRows.find((r) => r.groupId === g);
    const w = itemRows.find((r) => r.groupId === g);
    const approved = Number(f?.approved ?? 0);
    const severe = Number(f?.severe ?? 0);
    const clueCount = Number(c?.n ?? 0);
    const onTime = Number(w?.onTime ?? 0);
    const total = Number(w?.total ?? 0);
    out.set(g, {
      findings: { value: approved, text: `${approved} 个` },
      severeFindings: { value: severe, text: `${severe} 个` },
      clues: { value: clueCount, text: `${clueCount} 件` },
      workItemsDone: { value: onTime, text: `${onTime}/${total} 项按期完成` },
    });
  }
  return out;
}
