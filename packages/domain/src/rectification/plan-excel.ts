import { randomUUID } from "node:crypto";
import {
  asc,
  eq,
  findings,
  inArray,
  measures,
  progressUpdates,
  reviewSubjects,
  sql,
  type Tx,
} from "@xuncha/db";
import ExcelJS from "exceljs";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { assertXlsx } from "../ledgers/assert-xlsx";
import { choiceCell, dateCell, integerCell, isoToExcelDate, normalizeCell, textCell } from "../ledgers/cells";
import { matchHeader } from "../ledgers/headers";
import { readLedger } from "../ledgers/read-ledger";
import { column, defineLedger, type LedgerError } from "../ledgers/spec";
import { AppError } from "../model/errors";
import { categoryName } from "../model/taxonomy";
import { getSubject } from "./present-subject";
import {
  isEditableStatus,
  liveMeasures,
  loadSubject,
  loadSubjectForContact,
  lockSubject,
  planFindingsWhere,
  type ReviewSubjectRow,
  touchSubject,
} from "./review-subject";

const YES_NO = choiceCell({ yes: "是", no: "否" }, { "√": "yes", "×": "no", y: "yes", n: "no" });

/** The plan's measures in the 整改台账 layout (LEDGERS.md): one row per measure, matched to the problems. */
export const PLAN_LEDGER = defineLedger({
  sheetName: "任务清单",
  columns: [
    column({
      key: "findingNumber",
      header: "序号",
      synonyms: ["问题序号", "编号", "问题编号"],
      parse: integerCell({ min: 1, max: 100000 }),
      width: 6,
    }),
    column({
      key: "description",
      header: "问题描述",
      synonyms: ["反馈问题", "问题内容", "具体表现", "问题"],
      parse: textCell({ max: 20000 }),
      width: 40,
    }),
    column({ key: "goal", header: "整改目标", parse: textCell({ max: 2000 }), width: 24 }),
    column({
      key: "content",
      header: "整改措施",
      required: true,
      parse: textCell({ max: 20000 }),
      width: 40,
    }),
    column({
      key: "responsibleLeader",
      header: "责任领导",
      synonyms: ["牵头领导"],
      parse: textCell({ max: 50 }),
      width: 12,
    }),
    column({
      key: "responsibleDept",
      header: "责任部门",
      synonyms: ["牵头股室", "责任单位"],
      parse: textCell({ max: 100 }),
      width: 16,
    }),
    column({
      key: "responsiblePerson",
      header: "责任人",
      required: true,
      parse: textCell({ max: 50 }),
      width: 10,
    }),
    column({
      key: "deadline",
      header: "整改时限",
      synonyms: ["完成时限", "预计完成时间"],
      required: true,
      parse: dateCell(),
      width: 14,
      numFmt: "yyyy-mm-dd",
    }),
    column({
      key: "longTerm",
      header: "是否常态化坚持",
      synonyms: ["是否常态化", "常态化"],
      parse: YES_NO,
      width: 10,
    }),
  ],
});

const norm = (s: string) => s.normalize("NFKC").replace(/[\s\u3000]+/g, "");

/** A workbook of several sheets keeps only the one holding the layout's 整改措施 column. */
async function layoutSheetOnly(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new AppError("import.unreadable");
  }
  if (workbook.worksheets.length < 2) return bytes;
  const content = PLAN_LEDGER.columns.find((c) => c.key === "content")!;
  const holds = (sheet: ExcelJS.Worksheet) => {
    for (let r = 1; r <= Math.min(sheet.rowCount, 30); r++) {
      let found = false;
      sheet.getRow(r).eachCell((cell) => {
        const text = normalizeCell(cell.value);
        if (text !== null && matchHeader([content], String(text))) found = true;
      });
      if (found) return true;
    }
    return false;
  };
  const keep = workbook.worksheets.find(holds);
  if (!keep) return bytes;
  for (const sheet of [...workbook.worksheets]) if (sheet !== keep) workbook.removeWorksheet(sheet.id);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

interface PlanFinding {
  id: string;
  number: number;
  title: string;
  description: string;
  committeeId: string;
  targetId: string;
}

/** Which finding a row names: by its description (or title), else by its 序号 in the plan. */
function matchFinding(list: PlanFinding[], description: string, number: number | null) {
  const text = norm(description);
  if (text) {
    const exact = list.filter((f) => norm(f.description) === text || norm(f.title) === text);
    if (exact.length === 1) return exact[0];
    const near = list.filter(
      (f) =>
        norm(f.description).includes(text) ||
        text.includes(norm(f.title)) ||
        text.includes(norm(f.description)),
    );
    if (near.length === 1) return near[0];
  }
  if (number !== null) return list[number - 1];
  return undefined;
}

/**
 * Fills the plan's measures from the 整改台账 Excel layout, all or nothing: every row must name one of
 * the feedback's problems (by 问题描述 or 序号) and be complete; any bad row fails the import with
 * every bad row and its reason (import.invalid_rows). When every row is valid the draft's measures
 * are replaced: each problem's existing measures take the rows in order (keeping their ids, so the
 * next version's diff shows what changed), extra rows are added, measures beyond them removed.
 */
export async function importPlan(ctx: Ctx, subjectId: string, file: Uint8Array, fileName = "") {
  await ctx.db.transaction(async (tx) => {
    const found = await loadSubjectForContact(tx, ctx.actor, subjectId);
    if (found.kind !== "plan") throw new AppError("review_subject.not_found");
    await lockSubject(tx, subjectId);
    await assertXlsx(file);
    const read = await readLedger(await layoutSheetOnly(file), PLAN_LEDGER);
    if (read.missingColumns.length) {
      throw new AppError(
        "import.missing_columns",
        `导入文件缺少必需的列：${read.missingColumns.join("、")}（表头须在前 30 行内）`,
        { missingColumns: read.missingColumns },
      );
    }
    const [subject] = await tx.select().from(reviewSubjects).where(eq(reviewSubjects.id, subjectId));
    if (!subject || !isEditableStatus(subject.status)) throw new AppError("review_subject.not_editable");
    await replaceMeasures(tx, ctx, subject, read, fileName);
  });
  return getSubject(ctx, subjectId);
}

async function replaceMeasures(
  tx: Tx,
  ctx: Ctx,
  subject: ReviewSubjectRow,
  read: Awaited<ReturnType<typeof readLedger<typeof PLAN_LEDGER>>>,
  fileName: string,
) {
  const list: PlanFinding[] = await tx
    .select({
      id: findings.id,
      number: findings.number,
      title: findings.title,
      description: findings.description,
      committeeId: findings.committeeId,
      targetId: findings.targetId,
      closedAt: findings.closedAt,
    })
    .from(findings)
    .where(planFindingsWhere(subject.feedbackId))
    .orderBy(asc(findings.number));
  const errors: LedgerError[] = [...read.errors];
  const descHeader = read.headers.description ?? "问题描述";
  const rowsBy = new Map<string, { rowNumber: number; values: (typeof read.rows)[number]["values"] }[]>();
  for (const row of read.rows) {
    const { description, findingNumber } = row.values;
    if (!description && findingNumber === null) {
      errors.push({
        row: row.rowNumber,
        column: descHeader,
        message: "请填写问题描述或序号，以对应反馈的问题",
      });
      continue;
    }
    const finding = matchFinding(list, description, findingNumber);
    if (!finding) {
      errors.push({
        row: row.rowNumber,
        column: description ? descHeader : (read.headers.findingNumber ?? "序号"),
        message: description
          ? `“${description.slice(0, 30)}”不是本次反馈的问题`
          : `序号 ${findingNumber} 没有对应的反馈问题（共 ${list.length} 个问题）`,
      });
      continue;
    }
    rowsBy.set(finding.id, [...(rowsBy.get(finding.id) ?? []), row]);
  }
  const live = await liveMeasures(tx, subject.feedbackId);
  const surplus = list.flatMap((f) =>
    live.filter((m) => m.findingId === f.id).slice(rowsBy.get(f.id)?.length ?? 0),
  );
  if (surplus.length) {
    const withProgress = await tx
      .selectDistinct({ id: progressUpdates.measureId })
      .from(progressUpdates)
      .where(
        inArray(
          progressUpdates.measureId,
          surplus.map((m) => m.id),
        ),
      );
    for (const { id } of withProgress) {
      const m = surplus.find((s) => s.id === id)!;
      errors.push({
        row: read.headerRow ?? 1,
        column: "整改措施",
        message: `原有措施“${m.content.slice(0, 30)}”已有整改进展记录，不能被导入替换，请在表中保留该措施`,
      });
    }
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw new AppError("import.invalid_rows", `导入文件中有 ${badRows} 行错误，未导入任何数据`, { errors });
  }
  if (!read.rows.length) throw new AppError("import.empty");

  let updated = 0;
  const inserts: {
    id: string;
    findingId: string;
    v: (typeof read.rows)[number]["values"];
    position: number;
  }[] = [];
  for (const f of list) {
    const existing = live.filter((m) => m.findingId === f.id);
    const rows = rowsBy.get(f.id) ?? [];
    for (const [i, { values: v }] of rows.entries()) {
      const m = existing[i];
      if (m) {
        await tx
          .update(measures)
          .set({
            content: v.content,
            goal: v.goal,
            responsibleLeader: v.responsibleLeader,
            responsibleDept: v.responsibleDept,
            responsiblePerson: v.responsiblePerson,
            deadline: v.deadline!,
            longTerm: v.longTerm === "yes",
            position: i,
            updatedAt: new Date(),
          })
          .where(eq(measures.id, m.id));
        updated++;
      } else inserts.push({ id: randomUUID(), findingId: f.id, v, position: i });
    }
  }
  if (surplus.length)
    await tx.delete(measures).where(
      inArray(
        measures.id,
        surplus.map((m) => m.id),
      ),
    );
  if (inserts.length) {
    const col = <T>(pick: (r: (typeof inserts)[number]) => T) => sql.param(inserts.map(pick));
    await tx.execute(sql`
      insert into measures (id, committee_id, finding_id, target_id, content, goal, responsible_leader,
        responsible_dept, responsible_person, deadline, long_term, position, created_by, created_at)
      select m.id, ${subject.committeeId}::uuid, m.finding_id, ${subject.targetId}::uuid, m.content, m.goal,
        m.leader, m.dept, m.person, m.deadline, m.long_term, m.position, ${ctx.actor.accountId}::uuid,
        now() + m.ord * interval '1 microsecond'
      from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.findingId)}::uuid[], ${col((r) => r.v.content)}::text[],
        ${col((r) => r.v.goal)}::text[], ${col((r) => r.v.responsibleLeader)}::text[],
        ${col((r) => r.v.responsibleDept)}::text[], ${col((r) => r.v.responsiblePerson)}::text[],
        ${col((r) => r.v.deadline)}::date[], ${col((r) => r.v.longTerm === "yes")}::boolean[],
        ${col((r) => r.position)}::int[])
        with ordinality as m(id, finding_id, content, goal, leader, dept, person, deadline, long_term, position, ord)`);
  }
  await touchSubject(tx, subject.id);
  await recordAudit(tx, ctx.actor, {
    action: "review_subject.import",
    entity: "review_subject",
    entityId: subject.id,
    committeeId: subject.committeeId,
    summary: {
      rows: read.rows.length,
      updated,
      added: inserts.length,
      removed: surplus.length,
      ...(fileName ? { fileName } : {}),
    },
  });
}

const THIN = { style: "thin" } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: { header: string; width: number; date?: boolean }[],
  rows: (string | number | Date | null)[][],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    ...(c.date ? { style: { numFmt: "yyyy-mm-dd" } } : {}),
  }));
  const t = sheet.addRow([title]);
  t.getCell(1).font = { bold: true, size: 16 };
  t.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
  t.height = 28;
  sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  for (const r of rows) {
    const row = sheet.addRow(r);
    for (let i = 1; i <= columns.length; i++) {
      row.getCell(i).border = BORDER;
      row.getCell(i).alignment = { vertical: "top", wrapText: true };
    }
  }
}

type PlanLedgerKey = (typeof PLAN_LEDGER.columns)[number]["key"];
type SheetCell = string | number | Date | null;

/** The 任务清单 sheet: every column of the 整改台账 layout, so that the import reads it back. */
const TASK_KEYS = PLAN_LEDGER.columns.map((c) => c.key);
/** The 责任清单 sheet, after its own 序号: what each measure asks of whom, by when. */
const RESPONSIBILITY_KEYS = [
  "content",
  "responsibleLeader",
  "responsibleDept",
  "responsiblePerson",
  "deadline",
] as const satisfies readonly PlanLedgerKey[];

/** Sheet columns as the 整改台账 layout writes them: its header, width and date format. */
const sheetColumns = (keys: readonly PlanLedgerKey[]) =>
  keys.map((key) => {
    const c = PLAN_LEDGER.columns.find((x) => x.key === key)!;
    return { header: c.header, width: c.width ?? 10, ...(c.numFmt ? { date: true } : {}) };
  });

/** A live measure's cells in the 整改台账 layout, by column key. */
function measureCells(
  m: Awaited<ReturnType<typeof liveMeasures>>[number],
  findingNumber: number | null,
  description: string,
): Record<PlanLedgerKey, SheetCell> {
  return {
    findingNumber,
    description,
    goal: m.goal,
    content: m.content,
    responsibleLeader: m.responsibleLeader,
    responsibleDept: m.responsibleDept,
    responsiblePerson: m.responsiblePerson,
    deadline: isoToExcelDate(m.deadline),
    longTerm: m.longTerm ? "是" : "否",
  };
}

/**
 * The three lists of a plan (问题清单, 任务清单, 责任清单) as three sheets of one workbook, from its live
 * measures; the 任务清单 sheet is the 整改台账 layout the import reads back.
 */
export async function exportPlanLists(ctx: Ctx, subjectId: string) {
  const { subject } = await loadSubject(ctx.db, ctx.actor, subjectId);
  if (subject.kind !== "plan") throw new AppError("review_subject.not_found");
  const list = await ctx.db
    .select({
      id: findings.id,
      title: findings.title,
      description: findings.description,
      category: findings.category,
    })
    .from(findings)
    .where(planFindingsWhere(subject.feedbackId))
    .orderBy(asc(findings.number));
  const live = await liveMeasures(ctx.db, subject.feedbackId);
  const numberOf = new Map(list.map((f, i) => [f.id, i + 1]));
  const findingOf = new Map(list.map((f) => [f.id, f]));
  const workbook = new ExcelJS.Workbook();
  addSheet(
    workbook,
    "问题清单",
    `${subject.title} 问题清单`,
    [
      { header: "序号", width: 6 },
      { header: "问题类别", width: 14 },
      { header: "问题标题", width: 24 },
      { header: "问题描述", width: 50 },
      { header: "整改措施数", width: 10 },
    ],
    list.map((f, i) => [
      i + 1,
      categoryName(f.category),
      f.title,
      f.description,
      live.filter((m) => m.findingId === f.id).length,
    ]),
  );
  addSheet(
    workbook,
    "任务清单",
    `${subject.title} 任务清单`,
    sheetColumns(TASK_KEYS),
    live.map((m) => {
      const cells = measureCells(
        m,
        numberOf.get(m.findingId) ?? null,
        findingOf.get(m.findingId)?.description ?? "",
      );
      return TASK_KEYS.map((k) => cells[k]);
    }),
  );
  addSheet(
    workbook,
    "责任清单",
    `${subject.title} 责任清单`,
    [{ header: "序号", width: 6 }, ...sheetColumns(RESPONSIBILITY_KEYS)],
    live.map((m, i) => {
      const cells = measureCells(m, null, "");
      return [i + 1, ...RESPONSIBILITY_KEYS.map((k) => cells[k])];
    }),
  );
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  // It carries every fed-back problem's description: audited as the 整改台账 export is.
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "rectification.plan_lists_export",
      entity: "review_subject",
      entityId: subject.id,
      committeeId: subject.committeeId,
      summary: { problems: list.length, measures: live.length },
    }),
  );
  return { buffer, fileName: `${subject.title}（三个清单）.xlsx` };
}
