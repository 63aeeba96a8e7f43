import { conductCodes, conductResponses, count, inArray, sql, type Tx } from "@xuncha/db";
import type { GroupEvaluationCriteria } from "./criteria";

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The conduct questionnaire's results per group: codes issued and used, responses, the response
 * rate, the average of each question (1–5) and overall, and the free-text remarks.
 */
export async function conductResults(
  tx: Tx,
  groupIds: string[],
  questions: GroupEvaluationCriteria["conductQuestions"],
) {
  const out = new Map<
    string,
    {
      codesIssued: number;
      responses: number;
      responseRate: number | null;
      averages: { code: string; title: string; average: number | null }[];
      overall: number | null;
      remarks: string[];
    }
  >();
  if (!groupIds.length) return out;
  const [issued, answers] = await Promise.all([
    tx
      .select({ groupId: conductCodes.groupId, n: count() })
      .from(conductCodes)
      .where(inArray(conductCodes.groupId, groupIds))
      .groupBy(conductCodes.groupId),
    tx
      .select({ groupId: conductResponses.groupId, answers: conductResponses.answers })
      .from(conductResponses)
      .where(inArray(conductResponses.groupId, groupIds))
      // Random ids: the order says nothing about who answered when.
      .orderBy(sql`${conductResponses.id}`),
  ]);
  for (const g of groupIds) {
    const codesIssued = Number(issued.find((r) => r.groupId === g)?.n ?? 0);
    const mine = answers.filter((a) => a.groupId === g).map((a) => a.answers as Record<string, unknown>);
    const averages = questions.map((q) => {
      const scores = mine.map((a) => a[q.code]).filter((v): v is number => typeof v === "number");
      return {
        code: q.code,
        title: q.title,
        average: scores.length ? round2(scores.reduce((s, v) => s + v, 0) / scores.length) : null,
      };
    });
    const present = averages.flatMap((a) => (a.average === null ? [] : [a.average]));
    out.set(g, {
      codesIssued,
      responses: mine.length,
      responseRate: codesIssued ? round2(mine.length / codesIssued) : null,
      averages,
      overall: present.length ? round2(present.reduce((s, v) => s + v, 0) / present.length) : null,
      remarks: mine.map((a) => a.remark).filter((r): r is string => typeof r === "string" && r.trim() !== ""),
    });
  }
  return out;
}
