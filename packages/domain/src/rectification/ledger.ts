import {
  asc,
  deadlineExtensions,
  eq,
  files,
  inArray,
  measures,
  progressFiles,
  progressUpdates,
  queryRows,
  type SQL,
  sql,
  type Tx,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { committeesWhere, contactTargetIds } from "../access/policies";
import type { Completion } from "../model/enums";
import {
  categoryRectificationRate,
  type Rate,
  rectificationRate,
  roundRectificationRate,
  targetRectificationRate,
} from "../model/rates";
import { categoryName } from "../model/taxonomy";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { rectificationRows } from "./rectification-scope";
import {
  approvedParties,
  CLOSE_OUT_PARTY_ROLES,
  type CloseOutParty,
  closeOutParties,
  type RectificationState,
} from "./rectification-state";
import { isEditableStatus } from "./review-subject";

export interface LedgerFilters {
  roundId?: string | undefined;
  targetId?: string | undefined;
  state?: RectificationState | undefined;
  category?: string | undefined;
  /** Only problems with a measure past its deadline and not done. */
  overdue?: boolean | undefined;
  /** Only closed (true) or only open (false) problems. */
  closed?: boolean | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/**
 * The state of each fed-back problem, in SQL, equal to rectificationState() (proved over generated
 * cases in ledger-state.test.ts): closed once closed out; no plan without measures; reported when
 * every measure's latest update (by report date, then entry time) is done; overdue when a measure
 * not done is past its deadline; otherwise in progress.
 *
 * `where` selects the findings (on the table "findings"); the result has one row per finding with
 * its state, measure count and summed outcomes.
 */
export function findingStatesSql(where: SQL, today: string): SQL {
  return sql`with scoped as (
      select findings.id, findings.committee_id, findings.round_id, findings.target_id, findings.number,
             findings.category, findings.closed_at
      from findings where ${where}
    ),
    latest as (
      select distinct on (p.measure_id) p.measure_id, p.completion
      from progress_updates p
      join measures m on m.id = p.measure_id
      join scoped s on s.id = m.finding_id
      order by p.measure_id, p.reported_on desc, p.created_at desc
    ),
    per_finding as (
      select m.finding_id, count(*)::int as n,
             count(*) filter (where l.completion = 'done')::int as done,
             count(*) filter (where l.completion is distinct from 'done' and m.deadline < ${today}::date)::int as late,
             coalesce(sum(cardinality(m.rules_made)), 0)::int as rules,
             coalesce(sum(m.money_recovered), 0) as money,
             coalesce(sum(m.accountable_persons), 0)::int as persons
      from measures m
      join scoped s on s.id = m.finding_id
      left join latest l on l.measure_id = m.id
      group by m.finding_id
    )
    select s.*, coalesce(pf.n, 0) as measure_count, coalesce(pf.rules, 0) as rules,
           coalesce(pf.money, 0) as money, coalesce(pf.persons, 0) as persons,
           coalesce(pf.late, 0) as late,
           case when s.closed_at is not null then 'closed'
                when coalesce(pf.n, 0) = 0 then 'noPlan'
                when pf.done = pf.n then 'reported'
                when pf.late > 0 then 'overdue'
                else 'inProgress' end as state
    from scoped s left join per_finding pf on pf.finding_id = s.id`;
}

/** The findings condition of the ledger's filters other than the state ones. */
export function ledgerWhere(actor: Actor, filters: LedgerFilters): SQL {
  const parts: SQL[] = [rectificationRows(actor)];
  if (filters.roundId) parts.push(sql`findings.round_id = ${filters.roundId}`);
  if (filters.targetId) parts.push(sql`findings.target_id = ${filters.targetId}`);
  if (filters.category) parts.push(sql`findings.category = ${filters.category}`);
  return sql.join(parts, sql` and `);
}

/** The state filters, on the rows of findingStatesSql (alias st). */
export function stateWhere(filters: LedgerFilters): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.state) parts.push(sql`st.state = ${filters.state}`);
  if (filters.overdue) parts.push(sql`st.state = 'overdue'`);
  if (filters.closed === true) parts.push(sql`st.state = 'closed'`);
  if (filters.closed === false) parts.push(sql`st.state <> 'closed'`);
  return sql.join(parts, sql` and `);
}

export interface LedgerSums {
  /** Problems counted (fed back). */
  problems: number;
  closed: number;
  measures: number;
  /** Rules made (建章立制), by name. */
  rulesMade: number;
  /** Money recovered (挽回经济损失), 万元. */
  moneyRecovered: number;
  /** People held accountable (追责问责), 人. */
  accountablePersons: number;
}

const toSums = (r: {
  problems: number;
  closed: number;
  measures: number;
  rules: number;
  money: string | number;
  persons: number;
}): LedgerSums => ({
  problems: Number(r.problems),
  closed: Number(r.closed),
  measures: Number(r.measures),
  rulesMade: Number(r.rules),
  moneyRecovered: Math.round(Number(r.money) * 100) / 100,
  accountablePersons: Number(r.persons),
});

/** Summed outcomes and counts of the findings selected by `where`, with the rate over the same rows. */
export async function ledgerSums(
  tx: Tx,
  where: SQL,
  today: string,
  rateOf: (closed: number, fedBack: number) => Rate = rectificationRate,
) {
  const [row] = await queryRows<{
    problems: number;
    closed: number;
    measures: number;
    rules: number;
    money: string;
    persons: number;
  }>(
    tx,
    sql`select count(*)::int as problems, count(*) filter (where st.state = 'closed')::int as closed,
          coalesce(sum(st.measure_count), 0)::int as measures, coalesce(sum(st.rules), 0)::int as rules,
          coalesce(sum(st.money), 0)::text as money, coalesce(sum(st.persons), 0)::int as persons
        from (${findingStatesSql(where, today)}) st`,
  );
  const sums = toSums(row ?? { problems: 0, closed: 0, measures: 0, rules: 0, money: 0, persons: 0 });
  return { sums, rate: rateOf(sums.closed, sums.problems) };
}

interface PageRow {
  id: string;
  committee_id: string;
  round_id: string;
  target_id: string;
  number: number;
  category: string;
  state: RectificationState;
  title: string;
  description: string;
  severity: string;
  route: string | null;
  route_dept: string;
  closed_at: Date | null;
  target_name: string;
  round_number: number;
  term_name: string;
  /**
   * The status of the target's plan, null before it is opened: while it is null, a draft or returned,
   * measures may change (assertPlanEditable); once passed, the office may extend deadlines.
   */
  plan_status: string | null;
}

const partiesOf = (actor: Actor, committeeId: string) =>
  (Object.keys(CLOSE_OUT_PARTY_ROLES) as CloseOutParty[]).filter((p) =>
    committeesWhere(actor, [CLOSE_OUT_PARTY_ROLES[p]]).includes(committeeId),
  );

/** The ledger's rate is the rate of the narrowest grouping its filters select, so it equals that page's. */
function ledgerRateOf(filters: LedgerFilters) {
  if (filters.targetId) return targetRectificationRate;
  if (filters.roundId) return roundRectificationRate;
  if (filters.category) return categoryRectificationRate;
  return rectificationRate;
}

/**
 * The rectification ledger (整改台账), paged by the server: the fed-back problems the actor may see
 * (per target, round and committee; filters by round, target, category, state, overdue, closed), each
 * with its measures, their dated progress and evidence, its state and its close-out approvals; the
 * outcomes summed and the rectification rate over the rows of the filters (before the state filters).
 */
export async function getLedger(ctx: Ctx, filters: LedgerFilters, now = new Date()) {
  const today = chinaDate(now);
  // Callers that do not page (the contact's own page) get up to 200 problems; the ledger page pages.
  const pageSize = Math.min(filters.pageSize ?? 200, 500);
  const page = Math.max(filters.page ?? 1, 1);
  const where = ledgerWhere(ctx.actor, filters);
  // One statement: the states once, the page of the state filters, and the counts and sums of all
  // the rows of the other filters (the rate's rows).
  const result = await queryRows<
    Partial<PageRow> & {
      total: number;
      problems: number;
      closed: number;
      measures: number;
      rules: number;
      money: string;
      persons: number;
    }
  >(
    ctx.db,
    sql`with st as (${findingStatesSql(where, today)}),
        agg as (
          select count(*) filter (where ${stateWhere(filters)})::int as total, count(*)::int as problems,
                 count(*) filter (where st.state = 'closed')::int as closed,
                 coalesce(sum(st.measure_count), 0)::int as measures, coalesce(sum(st.rules), 0)::int as rules,
                 coalesce(sum(st.money), 0)::text as money, coalesce(sum(st.persons), 0)::int as persons
          from st
        ),
        pg as (
          select st.id, st.committee_id, st.round_id, st.target_id, st.number, st.category, st.state,
                 f.title, f.description, f.severity, f.route, f.route_dept, f.closed_at,
                 t.name as target_name, r.number as round_number, tm.name as term_name,
                 r.created_at as round_created,
                 (select s.status from review_subjects s
                   where s.feedback_id = f.feedback_id and s.kind = 'plan' and s.sequence = 1) as plan_status
          from st
          join findings f on f.id = st.id
          join targets t on t.id = st.target_id
          join rounds r on r.id = st.round_id
          join terms tm on tm.id = r.term_id
          where ${stateWhere(filters)}
          order by r.created_at, r.id, st.number
          limit ${pageSize} offset ${(page - 1) * pageSize}
        )
        select agg.*, pg.* from agg left join pg on true
        order by pg.round_created, pg.round_id, pg.number`,
  );
  const head = result[0]!;
  const rows = result.filter((r): r is typeof r & PageRow => r.id != null);
  const sums = toSums(head);
  const rate = ledgerRateOf(filters)(sums.closed, sums.problems);
  const items = await ledgerItems(ctx.db, ctx.actor, rows);
  return { items, total: head.total, page, pageSize, rate, sums, today };
}

async function ledgerItems(db: Tx, actor: Actor, rows: PageRow[]) {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const measureRows = await db
    .select()
    .from(measures)
    .where(inArray(measures.findingId, ids))
    .orderBy(asc(measures.position), asc(measures.createdAt), asc(measures.id));
  const measureIds = measureRows.map((m) => m.id);
  const progressRows = measureIds.length
    ? await db
        .select()
        .from(progressUpdates)
        .where(inArray(progressUpdates.measureId, measureIds))
        .orderBy(asc(progressUpdates.reportedOn), asc(progressUpdates.createdAt))
    : [];
  const extensionRows = measureIds.length
    ? await db
        .select({
          measureId: deadlineExtensions.measureId,
          from: deadlineExtensions.fromDeadline,
          to: deadlineExtensions.toDeadline,
          reason: deadlineExtensions.reason,
          at: deadlineExtensions.createdAt,
        })
        .from(deadlineExtensions)
        .where(inArray(deadlineExtensions.measureId, measureIds))
        .orderBy(asc(deadlineExtensions.createdAt))
    : [];
  const progressIds = progressRows.map((p) => p.id);
  const fileRows = progressIds.length
    ? await db
        .select({
          progressUpdateId: progressFiles.progressUpdateId,
          id: files.id,
          name: files.name,
          size: files.size,
          sha256: files.sha256,
        })
        .from(progressFiles)
        .innerJoin(files, eq(files.id, progressFiles.fileId))
        .where(inArray(progressFiles.progressUpdateId, progressIds))
        .orderBy(asc(files.name))
    : [];
  const history = await queryRows<{
    finding_id: string;
    action: string;
    party: string | null;
    reason: string;
    actor_name: string | null;
    created_at: Date;
  }>(
    db,
    sql`select c.finding_id, c.action, c.party, c.reason, a.display_name as actor_name, c.created_at
        from close_outs c left join accounts a on a.id = c.actor_id
        where c.finding_id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) order by c.created_at, c.id`,
  );
  const contactTargets = contactTargetIds(actor);

  return rows.map((f) => {
    const ms = measureRows
      .filter((m) => m.findingId === f.id)
      .map((m) => {
        const progress = progressRows
          .filter((p) => p.measureId === m.id)
          .map((p) => ({
            id: p.id,
            reportedOn: p.reportedOn,
            content: p.content,
            completion: p.completion as Completion,
            files: fileRows
              .filter((x) => x.progressUpdateId === p.id)
              .map(({ progressUpdateId: _, ...x }) => x),
          }));
        const { committeeId: _c, createdBy: _b, ...rest } = m;
        return {
          ...rest,
          moneyRecovered: Number(m.moneyRecovered),
          progress,
          /** The office's extensions (延期), earliest first: the first `from` is the plan's deadline. */
          extensions: extensionRows.filter((x) => x.measureId === m.id).map(({ measureId: _, ...x }) => x),
          // Sorted by report date, then entry time: the last is the latest, as in findingStatesSql.
          latest: progress.at(-1)?.completion,
        };
      });
    const own = history.filter((h) => h.finding_id === f.id);
    const required = closeOutParties({ route: f.route, routeDept: f.route_dept });
    const approved = approvedParties(own);
    const lastReopen = own.map((h) => h.action).lastIndexOf("reopen");
    const approvals = own
      .slice(lastReopen + 1)
      .filter((h) => h.action === "approve")
      .map((h) => ({
        party: h.party as CloseOutParty,
        by: h.actor_name ?? "",
        note: h.reason,
        at: h.created_at,
      }));
    const evidence = ms.flatMap((m) => m.progress.flatMap((p) => p.files));
    const state = f.state;
    const isContact = contactTargets.includes(f.target_id);
    const mayApprove =
      state === "reported" && evidence.length > 0
        ? partiesOf(actor, f.committee_id).filter((p) => required.includes(p) && !approved.has(p))
        : [];
    return {
      finding: {
        id: f.id,
        number: f.number,
        title: f.title,
        description: f.description,
        category: f.category,
        categoryName: categoryName(f.category),
        severity: f.severity,
        route: f.route,
        routeDept: f.route_dept,
      },
      target: { id: f.target_id, name: f.target_name },
      round: { id: f.round_id, name: roundName(f.term_name, f.round_number) },
      measures: ms,
      state,
      closedAt: f.closed_at,
      closeOut: {
        required,
        approvals,
        evidence: evidence.length,
        history: own.map((h) => ({
          action: h.action,
          party: h.party,
          reason: h.reason,
          by: h.actor_name ?? "",
          at: h.created_at,
        })),
      },
      abilities: {
        addMeasure:
          isContact && state !== "closed" && (f.plan_status === null || isEditableStatus(f.plan_status)),
        reportProgress: isContact && state !== "closed",
        editOutcomes: isContact && state !== "closed",
        closeOut: mayApprove.length > 0,
        approveAs: mayApprove,
        reopen: state === "closed" && committeesWhere(actor, ["officeStaff"]).includes(f.committee_id),
        extendDeadline:
          state !== "closed" &&
          f.plan_status === "passed" &&
          committeesWhere(actor, ["officeStaff"]).includes(f.committee_id),
      },
    };
  });
}
