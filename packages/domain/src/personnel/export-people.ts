import { asc, inArray, people, personJobs, personRelatives } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { writeLedger } from "../ledgers/write-ledger";
import type { PersonPool, Relation } from "../model/enums";
import { PEOPLE_ORDER, type PeopleFilters, peopleConditions } from "./list-people";
import { roundsServedBy, roundsText } from "./person-history";
import { PERSON_LEDGER, type PersonLedgerRow } from "./person-ledger";
import { formatRecusalText } from "./recusal-text";

export const PEOPLE_EXPORT_FILENAME = "巡察人员库.xlsx";

const groupBy = <T extends { personId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.personId, [...(map.get(r.personId) ?? []), r]);
  return map;
};

/**
 * The pools matching the filters as an .xlsx in the 巡察人员库 layout (the import's layout: an
 * export imports back unchanged). 参加巡察轮次 comes from the records (then the imported rounds
 * note), 回避情形 from the work history and relatives (then the recusal note). Audited with its count.
 */
export async function exportPeople(ctx: Ctx, filters: Omit<PeopleFilters, "page" | "pageSize">) {
  const rows = await ctx.db
    .select()
    .from(people)
    .where(peopleConditions(ctx, filters))
    .orderBy(...PEOPLE_ORDER);
  const ids = rows.map((r) => r.id);
  const [served, jobs, relatives] = ids.length
    ? await Promise.all([
        roundsServedBy(ctx.db, ids),
        ctx.db
          .select()
          .from(personJobs)
          .where(inArray(personJobs.personId, ids))
          .orderBy(asc(personJobs.startMonth), asc(personJobs.createdAt)),
        ctx.db
          .select()
          .from(personRelatives)
          .where(inArray(personRelatives.personId, ids))
          .orderBy(asc(personRelatives.createdAt)),
      ])
    : [[], [], []];
  const servedBy = groupBy(served);
  const jobsBy = groupBy(jobs);
  const relativesBy = groupBy(relatives);
  const ledgerRows: PersonLedgerRow[] = rows.map((p) => ({
    name: p.name,
    sex: p.sex,
    birthMonth: p.birthMonth,
    politicalStatus: p.politicalStatus,
    unit: p.unit,
    post: p.post,
    rank: p.rank,
    expertise: p.expertise,
    pool: p.pool as PersonPool,
    joinedOn: p.joinedOn,
    roundsText: [roundsText(servedBy.get(p.id) ?? []), p.roundsNote].filter(Boolean).join("；"),
    recusalText: formatRecusalText(
      jobsBy.get(p.id) ?? [],
      (relativesBy.get(p.id) ?? []).map((r) => ({ ...r, relation: r.relation as Relation })),
      p.recusalNote,
    ),
    phone: p.phone,
    email: p.email,
    available: p.available ? "yes" : "no",
  }));
  const buffer = await writeLedger(PERSON_LEDGER, ledgerRows, { title: "巡察人员库" });
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, ctx.actor, {
      action: "person.export",
      entity: "person",
      committeeId: ctx.actor.committeeId,
      summary: { count: rows.length, filters: { ...filters } },
    }),
  );
  return { buffer, fileName: PEOPLE_EXPORT_FILENAME, count: rows.length };
}
