import { randomUUID } from "node:crypto";
import { eq, people, personJobs, personRelatives, sql, type Tx, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { actingCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { assertXlsx } from "../ledgers/assert-xlsx";
import { readLedger } from "../ledgers/read-ledger";
import type { LedgerError } from "../ledgers/spec";
import type { PersonPool } from "../model/enums";
import { AppError } from "../model/errors";
import { targetNameKey } from "../targets/target-category";
import { normalizeExpertise } from "./person-fields";
import { roundsServedBy, roundsText } from "./person-history";
import { PERSON_LEDGER, type PersonLedgerRow } from "./person-ledger";
import { jobKey, type ParsedJob, type ParsedRelative, parseRecusalText, relativeKey } from "./recusal-text";

type PersonRow = typeof people.$inferSelect;

/** How a person of a file is matched to the pools: the name (spaces, width ignored) and birth month. */
export const personKey = (name: string, birthMonth: string) =>
  `${name.normalize("NFKC").replace(/\s+/g, "")}|${birthMonth}`;

interface Planned {
  id: string;
  isNew: boolean;
  values: {
    name: string;
    pool: PersonPool;
    sex: string;
    birthMonth: string;
    politicalStatus: string;
    unit: string;
    unitTargetId: string | null;
    post: string;
    rank: string;
    expertise: string[];
    joinedOn: string | null;
    available: boolean;
    phone: string;
    email: string;
    recusalNote: string;
    roundsNote: string;
  };
  jobs: ParsedJob[];
  relatives: ParsedRelative[];
}

/** A blank cell keeps what the pools hold: an import never clears a field. */
const keep = <T>(fromFile: T, current: T | undefined, blank: (v: T) => boolean): T =>
  blank(fromFile) && current !== undefined ? current : fromFile;
const blankText = (v: string) => v === "";

/** The items of an imported 参加巡察轮次 cell that the records do not already say (the rounds note). */
function roundsNoteOf(cell: string, recordItems: Set<string>): string {
  return cell
    .split(/[；;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s && !recordItems.has(s.normalize("NFKC").replace(/\s+/g, "")))
    .join("；");
}

async function insertPeople(tx: Tx, committeeId: string, rows: Planned[]) {
  const col = <T>(pick: (r: Planned["values"]) => T) => sql.param(rows.map((r) => pick(r.values)));
  await tx.execute(sql`
    insert into ${people} (id, committee_id, name, pool, sex, birth_month, political_status, unit, unit_target_id,
      post, rank, expertise, joined_on, available, phone, email, recusal_note, rounds_note, created_at)
    select t.id, ${committeeId}::uuid, t.name, t.pool, t.sex, t.birth_month, t.political_status, t.unit,
      t.unit_target_id, t.post, t.rank, coalesce(string_to_array(t.expertise, chr(31)), '{}'), t.joined_on, t.available, t.phone,
      t.email, t.recusal_note, t.rounds_note, now() + t.ord * interval '1 microsecond'
    from unnest(
      ${sql.param(rows.map((r) => r.id))}::uuid[], ${col((v) => v.name)}::text[], ${col((v) => v.pool)}::text[],
      ${col((v) => v.sex)}::text[], ${col((v) => v.birthMonth)}::text[], ${col((v) => v.politicalStatus)}::text[],
      ${col((v) => v.unit)}::text[], ${col((v) => v.unitTargetId)}::uuid[], ${col((v) => v.post)}::text[],
      ${col((v) => v.rank)}::text[], ${col((v) => (v.expertise.length ? v.expertise.join("\x1f") : null))}::text[],
      ${col((v) => v.joinedOn)}::date[], ${col((v) => v.available)}::boolean[], ${col((v) => v.phone)}::text[],
      ${col((v) => v.email)}::text[], ${col((v) => v.recusalNote)}::text[], ${col((v) => v.roundsNote)}::text[]
    ) with ordinality as t(id, name, pool, sex, birth_month, political_status, unit, unit_target_id, post, rank,
      expertise, joined_on, available, phone, email, recusal_note, rounds_note, ord)`);
}

async function updatePeople(tx: Tx, rows: Planned[]) {
  const col = <T>(pick: (r: Planned["values"]) => T) => sql.param(rows.map((r) => pick(r.values)));
  await tx.execute(sql`
    update ${people} p set name = t.name, pool = t.pool, sex = t.sex, birth_month = t.birth_month,
      political_status = t.political_status, unit = t.unit, unit_target_id = t.unit_target_id, post = t.post,
      rank = t.rank, expertise = coalesce(string_to_array(t.expertise, chr(31)), '{}'), joined_on = t.joined_on,
      available = t.available, phone = t.phone, email = t.email, recusal_note = t.recusal_note,
      rounds_note = t.rounds_note
    from unnest(
      ${sql.param(rows.map((r) => r.id))}::uuid[], ${col((v) => v.name)}::text[], ${col((v) => v.pool)}::text[],
      ${col((v) => v.sex)}::text[], ${col((v) => v.birthMonth)}::text[], ${col((v) => v.politicalStatus)}::text[],
      ${col((v) => v.unit)}::text[], ${col((v) => v.unitTargetId)}::uuid[], ${col((v) => v.post)}::text[],
      ${col((v) => v.rank)}::text[], ${col((v) => (v.expertise.length ? v.expertise.join("\x1f") : null))}::text[],
      ${col((v) => v.joinedOn)}::date[], ${col((v) => v.available)}::boolean[], ${col((v) => v.phone)}::text[],
      ${col((v) => v.email)}::text[], ${col((v) => v.recusalNote)}::text[], ${col((v) => v.roundsNote)}::text[]
    ) as t(id, name, pool, sex, birth_month, political_status, unit, unit_target_id, post, rank,
      expertise, joined_on, available, phone, email, recusal_note, rounds_note)
    where p.id = t.id`);
}

async function insertHistory(
  tx: Tx,
  committeeId: string,
  rows: Planned[],
  targetOf: (unit: string) => string | null,
) {
  const jobs = rows.flatMap((r) => r.jobs.map((j) => ({ ...j, personId: r.id })));
  if (jobs.length) {
    const col = <T>(pick: (j: (typeof jobs)[number]) => T) => sql.param(jobs.map(pick));
    await tx.execute(sql`
      insert into ${personJobs} (committee_id, person_id, unit, target_id, post, start_month, end_month, created_at)
      select ${committeeId}::uuid, t.person_id, t.unit, t.target_id, t.post, t.start_month, t.end_month,
        now() + t.ord * interval '1 microsecond'
      from unnest(${col((j) => j.personId)}::uuid[], ${col((j) => j.unit)}::text[],
        ${col((j) => targetOf(j.unit))}::uuid[], ${col((j) => j.post)}::text[], ${col((j) => j.startMonth)}::text[],
        ${col((j) => j.endMonth)}::text[])
        with ordinality as t(person_id, unit, target_id, post, start_month, end_month, ord)`);
  }
  const relatives = rows.flatMap((r) => r.relatives.map((x) => ({ ...x, personId: r.id })));
  if (relatives.length) {
    const col = <T>(pick: (x: (typeof relatives)[number]) => T) => sql.param(relatives.map(pick));
    await tx.execute(sql`
      insert into ${personRelatives} (committee_id, person_id, relation, name, unit, target_id, post, in_leadership,
        created_at)
      select ${committeeId}::uuid, t.person_id, t.relation, t.name, t.unit, t.target_id, t.post, t.in_leadership,
        now() + t.ord * interval '1 microsecond'
      from unnest(${col((x) => x.personId)}::uuid[], ${col((x) => x.relation)}::text[], ${col((x) => x.name)}::text[],
        ${col((x) => x.unit)}::text[], ${col((x) => targetOf(x.unit))}::uuid[], ${col((x) => x.post)}::text[],
        ${col((x) => x.inLeadership)}::boolean[])
        with ordinality as t(person_id, relation, name, unit, target_id, post, in_leadership, ord)`);
  }
  return { jobs: jobs.length, relatives: relatives.length };
}

/**
 * Imports the pools from the office's Excel file (巡察人员库), all or nothing: any bad row fails
 * the import with every bad row and its reason (import.invalid_rows), writing nothing.
 *
 * Matching (decided): a row whose 姓名 and 出生年月 equal those of a person already in the pools
 * updates that person instead of adding a duplicate; a blank cell then keeps the stored value (an
 * import never clears a field). The same 姓名 + 出生年月 twice in the file is an error, and so is a
 * row matching two people of the pools.
 *
 * 参加巡察轮次 is computed from the records on export; on import, the items the records already
 * say are dropped and the rest (history from before the system) is kept in the rounds note.
 * 回避情形 is parsed by parseRecusalText: jobs and relatives become records (ones the person
 * already has are not added twice), items that cannot be read are kept in the recusal note.
 * A unit written exactly as a registered target's name is linked to that target.
 * One audit entry records the import with its counts.
 */
export async function importPeople(ctx: Ctx, file: Uint8Array, fileName = "") {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  await assertXlsx(file);
  const read = await readLedger(file, PERSON_LEDGER);
  if (read.missingColumns.length) {
    throw new AppError(
      "import.missing_columns",
      `导入文件缺少必需的列：${read.missingColumns.join("、")}（表头须在前 30 行内）`,
      { missingColumns: read.missingColumns },
    );
  }
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.select().from(people).where(eq(people.committeeId, committeeId));
    const byKey = new Map<string, PersonRow[]>();
    for (const p of existing) {
      const key = personKey(p.name, p.birthMonth);
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    const nameHeader = read.headers.name ?? "姓名";
    const errors: LedgerError[] = [...read.errors];
    const firstRowOf = new Map<string, number>();
    for (const { rowNumber, values } of read.rows) {
      const key = personKey(values.name, values.birthMonth);
      const shown = values.birthMonth ? `“${values.name}”（${values.birthMonth}）` : `“${values.name}”`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        errors.push({ row: rowNumber, column: nameHeader, message: `与第 ${first} 行的${shown}重复` });
      } else firstRowOf.set(key, rowNumber);
      const matches = byKey.get(key)?.length ?? 0;
      if (matches > 1) {
        errors.push({
          row: rowNumber,
          column: nameHeader,
          message: `库中有 ${matches} 名姓名和出生年月都相同的${shown}，无法确定更新哪一位，请先在系统中区分`,
        });
      }
    }
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      const badRows = new Set(errors.map((e) => e.row)).size;
      throw new AppError("import.invalid_rows", `导入文件中有 ${badRows} 行错误，未导入任何数据`, { errors });
    }
    if (!read.rows.length) throw new AppError("import.empty");

    const targetRows = await tx
      .select({ id: targets.id, name: targets.name })
      .from(targets)
      .where(eq(targets.committeeId, committeeId));
    const targetIds = new Map(targetRows.map((t) => [targetNameKey(t.name), t.id]));
    const targetOf = (unit: string) => (unit ? (targetIds.get(targetNameKey(unit)) ?? null) : null);

    const matched = read.rows.flatMap(
      ({ values }) => byKey.get(personKey(values.name, values.birthMonth)) ?? [],
    );
    const matchedIds = matched.map((p) => p.id);
    const served = await roundsServedBy(tx, matchedIds);
    const recordItems = new Map<string, Set<string>>();
    for (const s of served) {
      const set = recordItems.get(s.personId) ?? new Set<string>();
      set.add(roundsText([s]).normalize("NFKC").replace(/\s+/g, ""));
      recordItems.set(s.personId, set);
    }
    const [jobsHeld, relativesHeld] = matchedIds.length
      ? await Promise.all([
          tx
            .select()
            .from(personJobs)
            .where(sql`${personJobs.personId} = any(${sql.param(matchedIds)}::uuid[])`),
          tx
            .select()
            .from(personRelatives)
            .where(sql`${personRelatives.personId} = any(${sql.param(matchedIds)}::uuid[])`),
        ])
      : [[], []];
    const heldJobKeys = new Set(jobsHeld.map((j) => `${j.personId}|${jobKey(j)}`));
    const heldRelativeKeys = new Set(relativesHeld.map((r) => `${r.personId}|${relativeKey(r)}`));

    const planned: Planned[] = read.rows.map(({ values }) => plan(values));

    function plan(v: PersonLedgerRow): Planned {
      const current = byKey.get(personKey(v.name, v.birthMonth))?.[0];
      const id = current?.id ?? randomUUID();
      const recusal = parseRecusalText(v.recusalText);
      const jobKeys = new Set<string>();
      const jobs = recusal.jobs.filter((j) => {
        const k = `${id}|${jobKey(j)}`;
        if (heldJobKeys.has(k) || jobKeys.has(k)) return false;
        jobKeys.add(k);
        return true;
      });
      const relativeKeys = new Set<string>();
      const relatives = recusal.relatives.filter((r) => {
        const k = `${id}|${relativeKey(r)}`;
        if (heldRelativeKeys.has(k) || relativeKeys.has(k)) return false;
        relativeKeys.add(k);
        return true;
      });
      const unit = keep(v.unit, current?.unit, blankText);
      const values: Planned["values"] = {
        name: current?.name ?? v.name.trim(),
        pool: v.pool ?? (current?.pool as PersonPool | undefined) ?? "talent",
        sex: keep(v.sex, current?.sex, blankText),
        birthMonth: v.birthMonth,
        politicalStatus: keep(v.politicalStatus, current?.politicalStatus, blankText),
        unit,
        unitTargetId: current && unit === current.unit ? current.unitTargetId : targetOf(unit),
        post: keep(v.post, current?.post, blankText),
        rank: keep(v.rank, current?.rank, blankText),
        expertise: keep(normalizeExpertise(v.expertise), current?.expertise, (e) => e.length === 0),
        joinedOn: v.joinedOn ?? current?.joinedOn ?? null,
        available: v.available === null ? (current?.available ?? true) : v.available === "yes",
        phone: keep(v.phone, current?.phone, blankText),
        email: keep(v.email, current?.email, blankText),
        recusalNote: v.recusalText ? recusal.unparsed.join("；") : (current?.recusalNote ?? ""),
        roundsNote: v.roundsText
          ? roundsNoteOf(v.roundsText, recordItems.get(id) ?? new Set())
          : (current?.roundsNote ?? ""),
      };
      return { id, isNew: !current, values, jobs, relatives };
    }

    const created = planned.filter((p) => p.isNew);
    const updated = planned.filter((p) => !p.isNew);
    if (created.length) await insertPeople(tx, committeeId, created);
    if (updated.length) await updatePeople(tx, updated);
    const added = await insertHistory(tx, committeeId, planned, targetOf);
    const summary = {
      count: planned.length,
      created: created.length,
      updated: updated.length,
      jobsAdded: added.jobs,
      relativesAdded: added.relatives,
      withRecusalNote: planned.filter((p) => p.values.recusalNote).length,
      ...(fileName ? { fileName } : {}),
    };
    await recordAudit(tx, ctx.actor, { action: "person.import", entity: "person", committeeId, summary });
    return {
      imported: summary.count,
      created: summary.created,
      updated: summary.updated,
      jobsAdded: summary.jobsAdded,
      relativesAdded: summary.relativesAdded,
      withRecusalNote: summary.withRecusalNote,
    };
  });
}
