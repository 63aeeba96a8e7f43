import { randomUUID } from "node:crypto";
import { eq, sql, type Tx, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { actingCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { assertXlsx } from "../ledgers/assert-xlsx";
import { readLedger } from "../ledgers/read-ledger";
import type { LedgerError } from "../ledgers/spec";
import { AppError } from "../model/errors";
import { belongsToTownship, matchTownship, type TownshipRef, targetNameKey } from "./target-category";
import { targetFields } from "./target-fields";
import { TARGET_LEDGER } from "./target-ledger";

type Fields = ReturnType<typeof targetFields> & { id: string; parentTargetId: string | null };

/** Inserts all rows in one statement: column arrays through unnest, file order kept in created_at. */
async function insertTargets(tx: Tx, committeeId: string, rows: Fields[]) {
  const col = <T>(pick: (r: Fields) => T) => sql.param(rows.map(pick));
  await tx.execute(sql`
    insert into ${targets} (id, committee_id, name, category, org_form, parent_target_id, parent_org_name,
      sector, principal, leaders, phone, last_inspected_on, last_round_label, created_at, updated_at)
    select t.id, ${committeeId}::uuid, t.name, t.category, t.org_form, t.parent_target_id, t.parent_org_name,
      t.sector, t.principal, t.leaders, t.phone, t.last_inspected_on, t.last_round_label,
      now() + t.ord * interval '1 microsecond', now()
    from unnest(
      ${col((r) => r.id)}::uuid[], ${col((r) => r.name)}::text[], ${col((r) => r.category)}::text[],
      ${col((r) => r.orgForm)}::text[], ${col((r) => r.parentTargetId)}::uuid[], ${col((r) => r.parentOrgName)}::text[],
      ${col((r) => r.sector)}::text[], ${col((r) => r.principal)}::text[], ${col((r) => r.leaders)}::text[],
      ${col((r) => r.phone)}::text[], ${col((r) => r.lastInspectedOn)}::date[], ${col((r) => r.lastRoundLabel)}::text[]
    ) with ordinality as t(id, name, category, org_form, parent_target_id, parent_org_name,
      sector, principal, leaders, phone, last_inspected_on, last_round_label, ord)`);
}

/**
 * Imports a registry from the office's Excel file (被巡察对象库), all or nothing: any bad row
 * (unreadable cell, missing name, a name twice in the file or already in the registry) fails the
 * import with every bad row and its reason in the details (import.invalid_rows), writing nothing.
 * Villages and communities are linked to the township their 上级党组织 names, in the registry or
 * in the same file. One audit entry records the import with its count.
 */
export async function importTargets(ctx: Ctx, file: Uint8Array, fileName = "") {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  await assertXlsx(file);
  const read = await readLedger(file, TARGET_LEDGER);
  if (read.missingColumns.length) {
    throw new AppError(
      "import.missing_columns",
      `导入文件缺少必需的列：${read.missingColumns.join("、")}（表头须在前 30 行内）`,
      { missingColumns: read.missingColumns },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const existing = await tx
      .select({ id: targets.id, name: targets.name, category: targets.category })
      .from(targets)
      .where(eq(targets.committeeId, committeeId));
    const registry = new Set(existing.map((t) => targetNameKey(t.name)));
    const nameHeader = read.headers.name ?? "党组织名称";
    const errors: LedgerError[] = [...read.errors];
    const firstRowOf = new Map<string, number>();
    for (const { rowNumber, values } of read.rows) {
      const key = targetNameKey(values.name);
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        errors.push({
          row: rowNumber,
          column: nameHeader,
          message: `与第 ${first} 行的“${values.name}”重复`,
        });
      } else firstRowOf.set(key, rowNumber);
      if (registry.has(key)) {
        errors.push({
          row: rowNumber,
          column: nameHeader,
          message: `库中已有名为“${values.name}”的被巡察对象`,
        });
      }
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      const badRows = new Set(errors.map((e) => e.row)).size;
      throw new AppError("import.invalid_rows", `导入文件中有 ${badRows} 行错误，未导入任何数据`, { errors });
    }
    if (!read.rows.length) throw new AppError("import.empty");

    const rows = read.rows.map(({ values }) => ({
      ...targetFields(values),
      id: randomUUID(),
      parentTargetId: null,
    }));
    const townships: TownshipRef[] = [
      ...existing.filter((t) => t.category === "township"),
      ...rows.filter((r) => r.category === "township"),
    ];
    const linked: Fields[] = rows.map((r) => ({
      ...r,
      parentTargetId: belongsToTownship(r.category) ? matchTownship(townships, r.parentOrgName) : null,
    }));
    await insertTargets(tx, committeeId, linked);
    const summary = {
      count: linked.length,
      linkedToTownship: linked.filter((r) => r.parentTargetId).length,
      ...(fileName ? { fileName } : {}),
    };
    await recordAudit(tx, ctx.actor, { action: "target.import", entity: "target", committeeId, summary });
    return { imported: summary.count, linkedToTownship: summary.linkedToTownship };
  });
}
