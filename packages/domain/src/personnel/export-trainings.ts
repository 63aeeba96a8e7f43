import { desc, trainings } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { integerCell, isoToExcelDate, textCell } from "../ledgers/cells";
import { column, defineLedger, sequenceColumn } from "../ledgers/spec";
import { writeLedger } from "../ledgers/write-ledger";
import { PERSON_POOLS, type PersonPool } from "../model/enums";
import { attendeesOf, type TrainingFilters, trainingConditions } from "./trainings";

export const TRAININGS_EXPORT_FILENAME = "巡察业务培训登记表.xlsx";

/** 巡察业务培训登记表: one row per training, with its attendees and person-times. */
export const TRAINING_LEDGER = defineLedger({
  sheetName: "培训登记",
  columns: [
    sequenceColumn(),
    column({ key: "title", header: "培训名称", parse: textCell({ max: 200 }), width: 36 }),
    column({
      key: "heldOn",
      header: "培训日期",
      parse: textCell(),
      format: isoToExcelDate,
      numFmt: "yyyy-mm-dd",
      width: 12,
    }),
    column({ key: "hours", header: "学时", parse: integerCell({ min: 0 }), width: 8 }),
    column({ key: "personTimes", header: "参训人次", parse: integerCell({ min: 0 }), width: 10 }),
    column({ key: "attendees", header: "参训人员", parse: textCell(), width: 60 }),
  ],
});

/**
 * The trainings matching the filters as an .xlsx (all pages, newest first): attendees as
 * 姓名（组长库）, person-times per training and in a total row. Audited with its count.
 */
export async function exportTrainings(ctx: Ctx, filters: Omit<TrainingFilters, "page" | "pageSize">) {
  const rows = await ctx.db
    .select()
    .from(trainings)
    .where(trainingConditions(ctx, filters))
    .orderBy(desc(trainings.heldOn), desc(trainings.createdAt));
  const attendees = await attendeesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const ledgerRows = rows.map((t) => {
    const people = attendees.get(t.id) ?? [];
    return {
      title: t.title,
      heldOn: t.heldOn,
      hours: t.hours,
      personTimes: people.length,
      attendees: people
        .map((p) => `${p.name}（${PERSON_POOLS.labels[p.pool as PersonPool] ?? p.pool}）`)
        .join("、"),
    };
  });
  const personTimes = ledgerRows.reduce((sum, r) => sum + r.personTimes, 0);
  const buffer = await writeLedger(TRAINING_LEDGER, ledgerRows, {
    title: `巡察业务培训登记表（共 ${rows.length} 次培训，${personTimes} 人次）`,
  });
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: "training.export",
      entity: "training",
      committeeId: ctx.actor.committeeId,
      summary: { count: rows.length, personTimes, filters: { ...filters } },
    }),
  );
  return { buffer, fileName: TRAININGS_EXPORT_FILENAME, count: rows.length, personTimes };
}
