import { and, eq, interviews } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { choiceCell, dateCell, isoToExcelDate, textCell } from "../ledgers/cells";
import { column, defineLedger, type LedgerRow, sequenceColumn } from "../ledgers/spec";
import { writeLedger } from "../ledgers/write-ledger";
import {
  FIELDWORK_RECORD_KINDS,
  type FieldworkRecordKind,
  INTERVIEW_STATUSES,
  type InterviewStatus,
} from "../model/fieldwork";
import { listFieldworkRecords } from "./fieldwork-records";
import { fieldworkRecordScope, interviewScope, roundInScope } from "./fieldwork-scope";
import { loadInterviews } from "./interviews";

const date = {
  parse: dateCell(),
  format: isoToExcelDate,
  numFmt: "yyyy-mm-dd",
  width: 12,
} as const;

/**
 * 个别谈话登记表: who was interviewed, when, where, about which target and with whom present. Never
 * the record's text nor its attachments (those are read one at a time, each read audited).
 */
export const INTERVIEW_REGISTER = defineLedger({
  sheetName: "个别谈话登记表",
  columns: [
    sequenceColumn(),
    column({ key: "scheduledOn", header: "谈话日期", synonyms: ["日期"], ...date }),
    column({ key: "scheduledAt", header: "时间", parse: textCell(), width: 8 }),
    column({
      key: "targetName",
      header: "被巡察对象",
      synonyms: ["被巡察单位"],
      parse: textCell(),
      width: 32,
    }),
    column({ key: "intervieweeName", header: "谈话对象", synonyms: ["姓名"], parse: textCell(), width: 12 }),
    column({ key: "intervieweePost", header: "职务", parse: textCell(), width: 28 }),
    column({ key: "principal", header: "主要负责人", parse: textCell(), width: 12 }),
    column({ key: "inspectors", header: "在场巡察人员", parse: textCell(), width: 24 }),
    column({ key: "place", header: "地点", parse: textCell(), width: 20 }),
    column({
      key: "status",
      header: "状态",
      parse: choiceCell(INTERVIEW_STATUSES.labels),
      format: (s: InterviewStatus | null) => (s ? INTERVIEW_STATUSES.labels[s] : null),
      width: 10,
    }),
    column({ key: "groupName", header: "巡察组", parse: textCell(), width: 14 }),
  ],
});
export type InterviewRegisterRow = LedgerRow<typeof INTERVIEW_REGISTER>;

export interface InterviewExportFilters {
  roundId: string;
  targetId?: string | undefined;
  groupId?: string | undefined;
  status?: InterviewStatus | undefined;
}

/**
 * The interviews of a round the actor may see, as 个别谈话登记表 (.xlsx). Only those who read the
 * interviews may export them (the group, the office head, the committee's leading group): anyone
 * else finds no such round. The export is a read of sensitive records: it is audited with the
 * interviews it lists.
 */
export async function exportInterviews(ctx: Ctx, filters: InterviewExportFilters) {
  return ctx.db.transaction(async (tx) => {
    const round = await roundInScope(tx, ctx.actor, filters.roundId, interviewScope);
    const rows = await loadInterviews(
      tx,
      ctx.actor,
      and(
        eq(interviews.roundId, round.id),
        filters.targetId ? eq(interviews.targetId, filters.targetId) : undefined,
        filters.groupId ? eq(interviews.groupId, filters.groupId) : undefined,
        filters.status ? eq(interviews.status, filters.status) : undefined,
      ),
    );
    const ledgerRows: InterviewRegisterRow[] = rows.map((i) => ({
      scheduledOn: i.scheduledOn,
      scheduledAt: i.scheduledAt,
      targetName: i.targetName,
      intervieweeName: i.intervieweeName,
      intervieweePost: i.intervieweePost,
      principal: i.principal ? "是" : "否",
      inspectors: i.inspectors.map((p) => p.name).join("、"),
      place: i.place,
      status: i.status,
      groupName: i.groupName,
    }));
    const buffer = await writeLedger(INTERVIEW_REGISTER, ledgerRows, {
      title: `${round.name}个别谈话登记表`,
    });
    await recordAudit(tx, ctx.actor, {
      action: "interview.export",
      entity: "interview",
      committeeId: round.committeeId,
      summary: {
        roundId: round.id,
        filters: { ...filters },
        count: rows.length,
        interviewIds: rows.map((i) => i.id),
      },
    });
    return { buffer, fileName: `${round.name}个别谈话登记表.xlsx`, count: rows.length };
  });
}

/** 查阅资料与调研走访登记表: one row per document review or site visit. */
export const FIELDWORK_RECORD_REGISTER = defineLedger({
  sheetName: "查阅资料与调研走访",
  columns: [
    sequenceColumn(),
    column({
      key: "kind",
      header: "类别",
      parse: choiceCell(FIELDWORK_RECORD_KINDS.labels),
      format: (k: FieldworkRecordKind | null) => (k ? FIELDWORK_RECORD_KINDS.labels[k] : null),
      width: 10,
    }),
    column({ key: "heldOn", header: "日期", ...date }),
    column({
      key: "targetName",
      header: "被巡察对象",
      synonyms: ["被巡察单位"],
      parse: textCell(),
      width: 32,
    }),
    column({ key: "subject", header: "查阅内容或走访地点", parse: textCell(), width: 36 }),
    column({ key: "notes", header: "情况记录", parse: textCell(), width: 48 }),
    column({ key: "inspectors", header: "参加人员", parse: textCell(), width: 20 }),
    column({ key: "files", header: "附件", parse: textCell(), width: 30 }),
    column({ key: "groupName", header: "巡察组", parse: textCell(), width: 14 }),
  ],
});
export type FieldworkRecordRegisterRow = LedgerRow<typeof FIELDWORK_RECORD_REGISTER>;

/**
 * A round's document reviews and site visits the actor may see (the group its own, the office and
 * the leading group all), as .xlsx; out of scope, no such round. Audited with its count.
 */
export async function exportFieldworkRecords(
  ctx: Ctx,
  filters: { roundId: string; kind?: FieldworkRecordKind | undefined; targetId?: string | undefined },
) {
  const round = await roundInScope(ctx.db, ctx.actor, filters.roundId, fieldworkRecordScope);
  const rows = await listFieldworkRecords(ctx, filters);
  const ledgerRows: FieldworkRecordRegisterRow[] = rows.map((r) => ({
    kind: r.kind,
    heldOn: r.heldOn,
    targetName: r.targetName,
    subject: r.subject,
    notes: r.notes,
    inspectors: r.inspectors.map((p) => p.name).join("、"),
    files: r.files.map((f) => f.name).join("、"),
    groupName: r.groupName,
  }));
  const what = filters.kind ? FIELDWORK_RECORD_KINDS.labels[filters.kind] : "查阅资料与调研走访";
  const buffer = await writeLedger(FIELDWORK_RECORD_REGISTER, ledgerRows, {
    title: `${round.name}${what}登记表`,
  });
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "fieldwork.export",
      entity: "fieldwork_record",
      committeeId: round.committeeId,
      summary: { roundId: round.id, filters: { ...filters }, count: rows.length },
    }),
  );
  return { buffer, fileName: `${round.name}${what}登记表.xlsx`, count: rows.length };
}
