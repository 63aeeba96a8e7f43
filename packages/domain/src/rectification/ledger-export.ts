import type { Writable } from "node:stream";
import { queryRows, sql } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { dateCell, integerCell, isoToExcelDate, textCell } from "../ledgers/cells";
import { column, defineLedger, type LedgerRow, sequenceColumn } from "../ledgers/spec";
import { streamLedger } from "../ledgers/write-ledger";
import { COMPLETIONS, type Completion } from "../model/enums";
import { categoryName } from "../model/taxonomy";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { type LedgerFilters, ledgerWhere } from "./ledger";
import {
  RECTIFICATION_STATE_LABELS,
  type RectificationState,
  rectificationState,
} from "./rectification-state";

/** The ledger's state filters (as stateWhere in SQL), on a state computed by rectificationState(). */
function stateMatches(state: RectificationState, filters: LedgerFilters): boolean {
  if (filters.state && state !== filters.state) return false;
  if (filters.overdue && state !== "overdue") return false;
  if (filters.closed === true && state !== "closed") return false;
  if (filters.closed === false && state === "closed") return false;
  return true;
}

export const RECTIFICATION_LEDGER_EXPORT_FILENAME = "整改台账.xlsx";

const text = <const K extends string>(header: string, key: K, width: number, synonyms: string[] = []) =>
  column({ key, header, synonyms, parse: textCell(), width });

/** 整改台账 in the layout of LEDGERS.md, one row per measure (a problem without measures: one row). */
export const RECTIFICATION_LEDGER = defineLedger({
  sheetName: "整改台账",
  columns: [
    sequenceColumn(),
    column({ key: "target", header: "被巡察单位", parse: textCell(), width: 24 }),
    column({ key: "round", header: "巡察轮次", parse: textCell(), width: 22 }),
    column({ key: "category", header: "问题类别", parse: textCell(), width: 16 }),
    column({
      key: "problem",
      header: "问题描述",
      synonyms: ["反馈问题", "问题内容", "具体表现"],
      parse: textCell(),
      width: 40,
    }),
    text("整改目标", "goal", 24),
    text("整改措施", "measure", 40),
    text("责任领导", "responsibleLeader", 10, ["牵头领导"]),
    text("责任部门", "responsibleDept", 14, ["牵头股室", "责任单位"]),
    text("责任人", "responsiblePerson", 10),
    column({
      key: "deadline",
      header: "整改时限",
      synonyms: ["完成时限", "预计完成时间"],
      parse: dateCell(),
      format: isoToExcelDate,
      numFmt: "yyyy-mm-dd",
      width: 12,
    }),
    text("整改进展", "progress", 36, ["整改进展情况"]),
    text("完成情况", "completion", 10),
    text("整改状态", "state", 14),
    text("是否销号", "closed", 8),
    text("佐证材料", "evidence", 30),
    text("建章立制", "rulesMade", 30, ["制度名称"]),
    text("是否常态化坚持", "longTerm", 8),
    column({
      key: "moneyRecovered",
      header: "挽回经济损失（万元）",
      synonyms: ["挽回经济损失"],
      parse: textCell(),
      format: (v: string) => (v === "" ? null : Number(v)),
      numFmt: "0.00",
      width: 12,
    }),
    column({
      key: "accountablePersons",
      header: "追责问责（人）",
      synonyms: ["追责问责"],
      parse: integerCell({ min: 0 }),
      width: 10,
    }),
    text("备注", "note", 16),
  ],
});
export type RectificationLedgerRow = LedgerRow<typeof RECTIFICATION_LEDGER>;

interface FindingRow {
  id: string;
  created_key: string;
  round_key: string;
  number: number;
  closed: boolean;
  target_name: string;
  term_name: string;
  round_number: number;
  category: string;
  title: string;
  description: string;
}
interface MeasureRow {
  finding_id: string;
  goal: string;
  content: string;
  responsible_leader: string;
  responsible_dept: string;
  responsible_person: string;
  deadline: string;
  long_term: boolean;
  rules: string;
  money: string;
  persons: number;
  progress: string | null;
  completion: Completion | null;
  evidence: string | null;
}

/** A uuid[] passed as one parameter (not one parameter per id). */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/** Findings read per batch: bounded memory whatever the ledger's size. */
export const EXPORT_BATCH = 1000;

/**
 * The ledger's rows, read in batches of findings in keyset order (round, finding number) with their
 * measures, never the whole ledger at once; each problem's state by rectificationState() on the
 * same measures (equal to the ledger's SQL state, ledger-state.test.ts).
 */
export async function* rectificationLedgerRows(
  ctx: Ctx,
  filters: LedgerFilters,
  now = new Date(),
): AsyncGenerator<RectificationLedgerRow> {
  const today = chinaDate(now);
  const where = ledgerWhere(ctx.actor, filters);
  let after: FindingRow | undefined;
  for (;;) {
    // One batch of findings in keyset order, with what the rows show of them.
    const found = await queryRows<FindingRow>(
      ctx.db,
      sql`select findings.id, r.created_at::text as created_key, r.id::text as round_key, findings.number,
            findings.closed_at is not null as closed, t.name as target_name, tm.name as term_name,
            r.number as round_number, findings.category, findings.title, findings.description
          from findings join rounds r on r.id = findings.round_id
          join targets t on t.id = findings.target_id join terms tm on tm.id = r.term_id
          where ${where}
            ${after ? sql`and (r.created_at, r.id, findings.number) > (${after.created_key}::timestamptz, ${after.round_key}::uuid, ${after.number})` : sql``}
          order by r.created_at, r.id, findings.number limit ${EXPORT_BATCH}`,
    );
    if (!found.length) return;
    after = found.at(-1);
    const ids = uuidArray(found.map((f) => f.id));
    // Their measures, each with its latest update and its evidence files' names: set-based, no query per row.
    const measureRows = await queryRows<MeasureRow>(
      ctx.db,
      sql`with ms as (select * from measures where finding_id = any(${ids})),
          latest as (
            select distinct on (p.measure_id) p.measure_id, p.content, p.completion
            from progress_updates p join ms on ms.id = p.measure_id
            order by p.measure_id, p.reported_on desc, p.created_at desc
          ),
          evidence as (
            select p.measure_id, string_agg(fl.name, '；' order by fl.name) as names
            from progress_updates p join ms on ms.id = p.measure_id
            join progress_files pf on pf.progress_update_id = p.id join files fl on fl.id = pf.file_id
            group by p.measure_id
          )
          select ms.finding_id, ms.goal, ms.content, ms.responsible_leader, ms.responsible_dept,
            ms.responsible_person, ms.deadline::text as deadline, ms.long_term,
            array_to_string(ms.rules_made, '；') as rules, ms.money_recovered::text as money,
            ms.accountable_persons as persons, l.content as progress, l.completion, e.names as evidence
          from ms left join latest l on l.measure_id = ms.id left join evidence e on e.measure_id = ms.id
          order by ms.finding_id, ms.position, ms.created_at, ms.id`,
    );
    const byFinding = new Map<string, MeasureRow[]>();
    for (const m of measureRows) {
      const list = byFinding.get(m.finding_id);
      if (list) list.push(m);
      else byFinding.set(m.finding_id, [m]);
    }
    for (const f of found) {
      const ms = byFinding.get(f.id) ?? [];
      const state = rectificationState(
        f.closed,
        ms.map((m) => ({ deadline: m.deadline, latest: m.completion ?? undefined })),
        today,
      );
      if (!stateMatches(state, filters)) continue;
      const common = {
        target: f.target_name,
        round: roundName(f.term_name, f.round_number),
        category: categoryName(f.category),
        problem: f.title === f.description || !f.description ? f.title : `${f.title}：${f.description}`,
        state: RECTIFICATION_STATE_LABELS[state],
        closed: state === "closed" ? "是" : "否",
        note: "",
      };
      if (!ms.length) {
        yield {
          ...common,
          goal: "",
          measure: "",
          responsibleLeader: "",
          responsibleDept: "",
          responsiblePerson: "",
          deadline: null,
          progress: "",
          completion: "",
          evidence: "",
          rulesMade: "",
          longTerm: "",
          moneyRecovered: "",
          accountablePersons: null,
        };
        continue;
      }
      for (const m of ms) {
        yield {
          ...common,
          goal: m.goal,
          measure: m.content,
          responsibleLeader: m.responsible_leader,
          responsibleDept: m.responsible_dept,
          responsiblePerson: m.responsible_person,
          deadline: m.deadline,
          progress: m.progress ?? "",
          completion: m.completion ? COMPLETIONS.labels[m.completion] : "未报告",
          evidence: m.evidence ?? "",
          rulesMade: m.rules,
          longTerm: m.long_term ? "是" : "否",
          moneyRecovered: m.money,
          accountablePersons: Number(m.persons),
        };
      }
    }
  }
}

/**
 * Streams the 整改台账 to `stream` (an HTTP reply) with exceljs' WorkbookWriter; the export is audited
 * first, in its own transaction, with the filters.
 */
export async function auditLedgerExport(ctx: Ctx, filters: LedgerFilters) {
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "rectification.ledger_export",
      entity: "finding",
      committeeId: ctx.actor.committeeId,
      summary: { filters: { ...filters } },
    }),
  );
}

export async function streamRectificationLedger(
  ctx: Ctx,
  filters: LedgerFilters,
  stream: Writable,
  now = new Date(),
): Promise<void> {
  await streamLedger(RECTIFICATION_LEDGER, rectificationLedgerRows(ctx, filters, now), stream, {
    title: "巡察整改台账",
  });
}
