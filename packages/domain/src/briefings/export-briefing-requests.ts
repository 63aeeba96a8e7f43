import { asc, eq, groups, rounds, terms } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { choiceCell, dateCell, integerCell, isoToExcelDate, textCell } from "../ledgers/cells";
import { column, defineLedger, type LedgerRow, sequenceColumn } from "../ledgers/spec";
import { writeLedger } from "../ledgers/write-ledger";
import { AppError } from "../model/errors";
import { BRIEFING_TOPICS, PARTNER_DEPARTMENT_KINDS, type PartnerDepartmentKind } from "../model/fieldwork";
import { roundName } from "../rounds/round-name";
import type { BriefingStatus } from "./briefing-requests";
import { briefingOverseers } from "./briefing-scope";
import { listBriefingRequests } from "./list-briefing-requests";

export const BRIEFING_STATUS_LABELS: Record<BriefingStatus, string> = {
  pending: "待通报",
  answered: "已通报",
  overdue: "已逾期",
};

/** Shown as YYYY-MM-DD HH:mm in the committee's time (China Standard Time, no daylight saving). */
const beijingTime = (at: Date | null) =>
  at ? new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ") : "";

/**
 * 巡前情况通报情况表: one row per request and target, with the department, what was asked, the
 * deadline and where the answer stands. The answers' content is not exported.
 */
export const BRIEFING_REQUEST_REGISTER = defineLedger({
  sheetName: "巡前情况通报",
  columns: [
    sequenceColumn(),
    column({
      key: "department",
      header: "通报单位",
      synonyms: ["联席会成员单位"],
      parse: textCell(),
      width: 28,
    }),
    column({
      key: "departmentKind",
      header: "单位类别",
      parse: choiceCell(PARTNER_DEPARTMENT_KINDS.labels),
      format: (k: PartnerDepartmentKind | null) => (k ? PARTNER_DEPARTMENT_KINDS.labels[k] : null),
      width: 12,
    }),
    column({ key: "topics", header: "通报内容", parse: textCell(), width: 36 }),
    column({ key: "note", header: "具体要求", parse: textCell(), width: 36 }),
    column({
      key: "targetName",
      header: "被巡察对象",
      synonyms: ["被巡察单位"],
      parse: textCell(),
      width: 32,
    }),
    column({ key: "groupName", header: "巡察组", parse: textCell(), width: 14 }),
    column({
      key: "dueOn",
      header: "报送截止日期",
      synonyms: ["截止日期"],
      parse: dateCell(),
      format: isoToExcelDate,
      numFmt: "yyyy-mm-dd",
      width: 14,
    }),
    column({ key: "status", header: "通报状态", synonyms: ["状态"], parse: textCell(), width: 10 }),
    column({ key: "answeredAt", header: "最近报送时间", parse: textCell(), width: 18 }),
    column({ key: "answerCount", header: "报送次数", parse: integerCell({ min: 0 }), width: 10 }),
    column({ key: "late", header: "逾期报送", parse: textCell(), width: 10 }),
  ],
});
export type BriefingRequestRegisterRow = LedgerRow<typeof BRIEFING_REQUEST_REGISTER>;

export interface BriefingExportFilters {
  roundId: string;
  partnerDepartmentId?: string | undefined;
  /** The request's status (all its targets answered, or overdue, or pending). */
  status?: BriefingStatus | undefined;
}

/**
 * A round's briefing requests with their status per department and target, as .xlsx: for the
 * office and the leading group (also a leading group above, read-only); anyone else finds no
 * such round. Audited with its count.
 */
export async function exportBriefingRequests(ctx: Ctx, filters: BriefingExportFilters, now = new Date()) {
  const [round] = await ctx.db
    .select({ id: rounds.id, committeeId: rounds.committeeId, number: rounds.number, termName: terms.name })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(eq(rounds.id, filters.roundId));
  if (!round || !briefingOverseers(ctx.actor).includes(round.committeeId))
    throw new AppError("round.not_found");
  const name = roundName(round.termName, round.number);
  const requests = (
    await listBriefingRequests(
      ctx,
      { roundId: round.id, partnerDepartmentId: filters.partnerDepartmentId },
      now,
    )
  ).filter((r) => !filters.status || r.status === filters.status);
  const groupNames = new Map(
    (
      await ctx.db
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .where(eq(groups.roundId, round.id))
        .orderBy(asc(groups.number))
    ).map((g) => [g.id, g.name]),
  );
  const rows: BriefingRequestRegisterRow[] = requests.flatMap((r) =>
    r.targets.map((t) => ({
      department: r.department.name,
      departmentKind: r.department.kind,
      topics: r.topics.map((k) => BRIEFING_TOPICS.labels[k]).join("、"),
      note: r.note,
      targetName: t.targetName,
      groupName: (t.groupId && groupNames.get(t.groupId)) || "",
      dueOn: r.dueOn,
      status: BRIEFING_STATUS_LABELS[t.status],
      answeredAt: beijingTime(t.lastAnsweredAt),
      answerCount: t.answerCount,
      late: t.answerCount ? (t.late ? "是" : "否") : "",
    })),
  );
  const buffer = await writeLedger(BRIEFING_REQUEST_REGISTER, rows, { title: `${name}巡前情况通报情况表` });
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "briefing.export",
      entity: "briefing_request",
      committeeId: round.committeeId,
      summary: { roundId: round.id, filters: { ...filters }, requests: requests.length, rows: rows.length },
    }),
  );
  return { buffer, fileName: `${name}巡前情况通报情况表.xlsx`, count: rows.length };
}
