import { eq, surveyResponses } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { type CellParser, column, defineLedger, type LedgerRow, sequenceColumn } from "../ledgers/spec";
import { writeLedger } from "../ledgers/write-ledger";
import { getSurvey } from "./list-surveys";
import type { SurveyAnswers } from "./questions";
import { isStraightLined, STRAIGHT_LINE_MIN_QUESTIONS } from "./straight-lining";
import { loadSurvey } from "./survey-access";
import { tallyResponses } from "./tally";

/**
 * A survey's results: per question counts and percentages, free-text answers, the response rate
 * (responses ÷ codes issued), and the straight-lined responses (一勾到底) counted and left out in a
 * second tally, so that both readings can be compared.
 */
export async function surveyResults(ctx: Ctx, surveyId: string) {
  const survey = await getSurvey(ctx, surveyId);
  const s = await loadSurvey(ctx.db, ctx.actor, surveyId);
  const rows = await ctx.db
    .select({ answers: surveyResponses.answers, answeredOn: surveyResponses.answeredOn })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId))
    // Random ids: the order says nothing about who answered when.
    .orderBy(surveyResponses.id);
  const all = rows.map((r) => r.answers as SurveyAnswers);
  const flagged = all.map((a) => isStraightLined(s.questions, a));
  const clean = all.filter((_, i) => !flagged[i]);
  const byDay = new Map<string, number>();
  for (const r of rows) byDay.set(r.answeredOn, (byDay.get(r.answeredOn) ?? 0) + 1);
  return {
    survey,
    responses: all.length,
    flaggedCount: flagged.filter(Boolean).length,
    straightLineRule: {
      minQuestions: STRAIGHT_LINE_MIN_QUESTIONS,
      closedQuestions: s.questions.filter((q) => q.kind === "single" || q.kind === "scale").length,
    },
    byDay: [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, n]) => ({ day, n })),
    all: tallyResponses(s.questions, all),
    withoutFlagged: tallyResponses(s.questions, clean),
  };
}

/** Export only: the sheet is written, never read back. */
const cellValue: CellParser<string | number> = (c) => ({
  ok: true,
  value: typeof c === "number" ? c : c === null ? "" : String(c),
});
const cellText = cellValue;

const resultsLedger = defineLedger({
  sheetName: "测评结果",
  columns: [
    sequenceColumn(),
    column({ key: "question", header: "题目", parse: cellText, width: 44 }),
    column({ key: "kind", header: "题型", parse: cellText, width: 8 }),
    column({ key: "option", header: "选项 / 文字回答", parse: cellText, width: 40 }),
    column({ key: "count", header: "全部答卷：人数", parse: cellText, width: 14 }),
    column({ key: "percent", header: "全部答卷：比例(%)", parse: cellText, width: 16 }),
    column({ key: "cleanCount", header: "剔除一勾到底：人数", parse: cellText, width: 18 }),
    column({ key: "cleanPercent", header: "剔除一勾到底：比例(%)", parse: cellText, width: 20 }),
  ],
});

const KIND_LABELS = { single: "单选", multiple: "多选", scale: "量表", text: "文字" } as const;

/** The results as an Excel sheet: one row per option (both tallies side by side) and per text answer. */
export async function exportSurveyResults(ctx: Ctx, surveyId: string) {
  const r = await surveyResults(ctx, surveyId);
  const rows = r.all.flatMap((q, qi): LedgerRow<typeof resultsLedger>[] => {
    const clean = r.withoutFlagged[qi]!;
    const title = `${qi + 1}. ${q.title}`;
    if (q.kind === "text") {
      return q.texts.map((t) => ({
        question: title,
        kind: KIND_LABELS.text,
        option: t,
        count: "",
        percent: "",
        cleanCount: "",
        cleanPercent: "",
      }));
    }
    return q.options.map((o, oi) => ({
      question: title,
      kind: KIND_LABELS[q.kind],
      option: o.label,
      count: o.count,
      percent: o.percent,
      cleanCount: clean.options[oi]!.count,
      cleanPercent: clean.options[oi]!.percent,
    }));
  });
  const rate = r.survey.responseRate === null ? "—" : `${Math.round(r.survey.responseRate * 1000) / 10}%`;
  const buffer = await writeLedger(resultsLedger, rows, {
    title: `${r.survey.title}（${r.survey.targetName}）：发放测评码 ${r.survey.codesIssued} 个，收回答卷 ${r.responses} 份，回收率 ${rate}，一勾到底 ${r.flaggedCount} 份`,
  });
  return { buffer, fileName: `${r.survey.title}-${r.survey.targetName}-测评结果.xlsx` };
}
