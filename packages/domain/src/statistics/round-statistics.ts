import { and, count, eq, findings, type SQL, sql, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { type Rate, rectificationRate, roundRectificationRate } from "../model/rates";
import { countedFindings } from "../rectification/rectification-scope";

export interface FindingFigures {
  /** Approved findings (问题): drafts and returned ones are not counted. */
  findings: number;
  /** Findings awaiting the leader's approval. */
  drafts: number;
  /** Findings the leading group routed as clues (问题线索). */
  clues: number;
  /** Findings fed back to their targets. */
  fedBack: number;
  /** Fed-back findings closed out (销号). */
  closed: number;
  rectificationRate: Rate;
}

/** The figures of a set of findings, counted in one query over the records (never stored totals). */
export async function findingFigures(tx: Tx, where: SQL): Promise<FindingFigures> {
  const [row] = await tx
    .select({
      findings: count(sql`1`).mapWith(Number),
      approved: sql<number>`count(*) filter (where ${findings.status} = 'approved')`.mapWith(Number),
      drafts: sql<number>`count(*) filter (where ${findings.status} = 'draft')`.mapWith(Number),
      clues: sql<number>`count(*) filter (where ${findings.route} = 'clue')`.mapWith(Number),
      fedBack: sql<number>`count(*) filter (where ${findings.feedbackId} is not null)`.mapWith(Number),
      closed:
        sql<number>`count(*) filter (where ${findings.feedbackId} is not null and ${findings.closedAt} is not null)`.mapWith(
          Number,
        ),
    })
    .from(findings)
    .where(where);
  const r = row ?? { approved: 0, drafts: 0, clues: 0, fedBack: 0, closed: 0 };
  return {
    findings: r.approved,
    drafts: r.drafts,
    clues: r.clues,
    fedBack: r.fedBack,
    closed: r.closed,
    rectificationRate: rectificationRate(r.closed, r.fedBack),
  };
}

/**
 * A round's figures. Counts are not secrets: leadership and the whole office see the figures of the
 * whole round (so the same figure shows on every page); anyone else counts what they may see. The
 * rate is the round's rate over the same rows as GET /api/rectification/rates?by=round.
 */
export async function roundStatistics(tx: Tx, actor: Actor, roundId: string): Promise<FindingFigures> {
  const figures = await findingFigures(tx, and(eq(findings.roundId, roundId), countedFindings(actor))!);
  return { ...figures, rectificationRate: roundRectificationRate(figures.closed, figures.fedBack) };
}
