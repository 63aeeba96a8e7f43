/**
 * Bench of the rectification ledger (issue 5): a committee with 100,000 measures, then
 *  1. the 整改台账 Excel export (streamRectificationLedger, as GET /api/rectification/ledger/export
 *     runs it) written to a file: time, rows, bytes, and peak RSS / heap sampled while it runs;
 *  2. the ledger's first page and the rates per target (the SQL state over every finding);
 *  3. the overdue sweep (runEscalationSweep) on the same data, when it is there.
 *
 * Data: bench/generate.ts (findings, rounds, feedback, close-outs), then measures, progress updates,
 * evidence files and their links, each by one `insert … select … from generate_series` statement.
 *
 *   npm run bench:rectification                                   # PGlite (a temporary directory)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:rectification   # also PostgreSQL (schema wiped)
 *
 * Variables: BENCH_MEASURES (100000), BENCH_FINDINGS (40000), BENCH_DATABASES (pglite,postgres).
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { type Database, type Db, migrateDatabase, openDatabase, queryRows, sql } from "@xuncha/db";
import * as domain from "@xuncha/domain";
import { getLedger, loadActor, rectificationRatesByTarget, streamRectificationLedger } from "@xuncha/domain";
import { type Generated, generate } from "./generate";

const MEASURES = Number(process.env.BENCH_MEASURES ?? 100_000);
const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 40_000);
const OUT = join(import.meta.dirname, "out");
const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const databases = (process.env.BENCH_DATABASES ?? (url ? "pglite,postgres" : "pglite")).split(",");

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** Measures, progress, evidence for the fed-back findings of the generated committee (set-based). */
export async function fillRectification(db: Db, data: Generated, measures = MEASURES) {
  const c = data.committeeId;
  const started = performance.now();
  const [{ n: fedBack } = { n: 0 }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from findings where committee_id = ${c} and feedback_id is not null`,
  );
  if (!fedBack) throw new Error("no fed-back findings generated");
  await db.execute(sql`
    insert into measures (committee_id, finding_id, target_id, content, goal, responsible_leader,
                          responsible_dept, responsible_person, deadline, long_term, rules_made,
                          money_recovered, accountable_persons, position, created_by)
    select ${c}, f.id, f.target_id,
           '针对问题' || f.number || '的第' || (s / ${fedBack} + 1) || '项整改措施：健全制度，加强监督检查',
           '全部整改到位', '副局长' || (s % 7), '办公室', '责任人' || (s % 97),
           date '2026-06-01' + ((hashint4extended(s, 11) & 1023) % 400)::int - 200,
           (s % 5 = 0),
           case when s % 4 = 0 then array['《制度' || s || '号》'] else array[]::text[] end,
           case when s % 10 = 0 then ((hashint4extended(s, 12) & 1023) % 500) / 10.0 else 0 end,
           case when s % 25 = 0 then 1 else 0 end,
           s / ${fedBack}, ${data.office.accountId}
    from generate_series(0, ${measures - 1}::int) s
    join (select id, target_id, number, row_number() over (order by round_id, number) - 1 as k
          from findings where committee_id = ${c} and feedback_id is not null) f on f.k = s % ${fedBack}`);
  // 80 % of measures have progress: one or two updates, the latest done for half of them.
  await db.execute(sql`
    insert into progress_updates (committee_id, measure_id, reported_on, content, completion, created_by)
    select ${c}, m.id, m.deadline - 30 + u.k * 10, '已按期推进，完成第' || u.k || '阶段工作',
           case when u.k = 2 or (hashint4extended(m.position, 13) & 1) = 0 then
                (array['unfinished', 'basicallyDone', 'done', 'done'])[1 + (hashint4extended(u.k + m.position, 14) & 3)]
                else 'unfinished' end,
           ${data.office.accountId}
    from (select id, deadline, position, row_number() over (order by id) as i from measures where committee_id = ${c}) m
    cross join generate_series(1, 2) u(k)
    where m.i % 5 <> 0 and (u.k = 1 or m.i % 2 = 0)`);
  await db.execute(sql`
    insert into files (committee_id, name, mime, size, sha256, content, uploaded_by)
    select ${c}, '佐证材料' || s || '.pdf', 'application/pdf', 16, md5(s::text) || md5(s::text),
           decode(md5(s::text), 'hex'), ${data.office.accountId}
    from generate_series(1, 2000) s`);
  await db.execute(sql`
    insert into progress_files (progress_update_id, file_id)
    select p.id, f.id
    from (select id, row_number() over (order by id) as i from progress_updates where committee_id = ${c}) p
    join (select id, row_number() over (order by id) - 1 as j from files where committee_id = ${c}) f
      on f.j = p.i % 2000
    where p.i % 3 = 0`);
  const [counts] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from findings where committee_id = ${c} and feedback_id is not null) as "fedBack",
               (select count(*)::int from measures where committee_id = ${c}) as measures,
               (select count(*)::int from progress_updates where committee_id = ${c}) as "progressUpdates",
               (select count(*)::int from progress_files pf join files f on f.id = pf.file_id where f.committee_id = ${c}) as "evidenceLinks"`,
  );
  return { counts: counts!, ms: Math.round(performance.now() - started) };
}

/** Runs fn while sampling RSS and heap every 10 ms; the peaks above the level before it started. */
async function withMemory<T>(fn: () => Promise<T>) {
  global.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  const started = performance.now();
  try {
    const result = await fn();
    return {
      result,
      ms: Math.round(performance.now() - started),
      rssBeforeMb: mb(before.rss),
      peakRssMb: mb(rss),
      heapBeforeMb: mb(before.heapUsed),
      peakHeapMb: mb(heap),
    };
  } finally {
    clearInterval(timer);
  }
}

async function open(kind: string): Promise<{ database: Database; cleanup: () => void }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "xuncha-bench-rect-"));
    const database = await openDatabase({ dataDir: dir });
    await migrateDatabase(database);
    return { database, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!url) throw new Error("BENCH_DATABASE_URL is not set");
  const database = await openDatabase({ url, poolSize: 4 });
  await database.db.execute(sql`drop schema if exists public cascade`);
  await database.db.execute(sql`drop schema if exists drizzle cascade`);
  await database.db.execute(sql`create schema public`);
  await migrateDatabase(database);
  return { database, cleanup: () => {} };
}

async function benchDatabase(kind: string) {
  console.log(`\n== ${kind}: generating ${FINDINGS} findings and ${MEASURES} measures`);
  const { database, cleanup } = await open(kind);
  try {
    const db = database.db;
    const data = await generate(db, { findings: FINDINGS, vacuum: false });
    const filled = await fillRectification(db, data);
    await db.execute(sql`vacuum analyze`);
    console.log(`generated in ${Math.round(data.totalMs)} + ${filled.ms} ms`, filled.counts);
    const actor = (await loadActor(db, data.office.accountId))!;
    const ctx = { db, actor };

    const file = join(OUT, `rectification-ledger-${kind}.xlsx`);
    let rows = 0;
    const exported = await withMemory(async () => {
      const out = createWriteStream(file);
      await streamRectificationLedger(ctx, {}, out);
      await finished(out);
    });
    // Rows written: count them from the data the export reads (one per measure, one per problem without).
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      db,
      sql`select (select count(*)::int from measures where committee_id = ${data.committeeId})
               + (select count(*)::int from findings f where f.committee_id = ${data.committeeId}
                    and f.feedback_id is not null and not exists (select 1 from measures m where m.finding_id = f.id)) as n`,
    );
    rows = n;
    const bytes = statSync(file).size;
    console.log(
      `export: ${rows} rows, ${mb(bytes)} MB in ${exported.ms} ms; RSS ${exported.rssBeforeMb} → peak ${exported.peakRssMb} MB, heap ${exported.heapBeforeMb} → peak ${exported.peakHeapMb} MB`,
    );

    const firstPage = await withMemory(() => getLedger(ctx, { pageSize: 50 }));
    const overduePage = await withMemory(() => getLedger(ctx, { state: "overdue", pageSize: 50 }));
    const rates = await withMemory(() => rectificationRatesByTarget(ctx));
    console.log(
      `ledger first page ${firstPage.ms} ms (total ${firstPage.result.total}), overdue page ${overduePage.ms} ms (total ${overduePage.result.total}), rates by target ${rates.ms} ms (${rates.result.length} targets)`,
    );

    // The overdue sweep, when it has landed (runEscalationSweep).
    const sweepFn = (domain as Record<string, unknown>).runEscalationSweep as
      | ((db: Db, o: { committeeId: string; today: string }) => Promise<unknown>)
      | undefined;
    let sweep: { ms: number; peakRssMb: number; second: number; result: unknown } | null = null;
    if (sweepFn) {
      const first = await withMemory(() =>
        sweepFn(db, { committeeId: data.committeeId, today: "2026-06-01" }),
      );
      const again = await withMemory(() =>
        sweepFn(db, { committeeId: data.committeeId, today: "2026-06-01" }),
      );
      const [steps] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from escalation_steps where committee_id = ${data.committeeId}`,
      );
      sweep = { ms: first.ms, peakRssMb: first.peakRssMb, second: again.ms, result: steps };
      console.log(`sweep: ${first.ms} ms (steps ${steps?.n}), again (nothing to do) ${again.ms} ms`);
    } else {
      console.log("sweep: runEscalationSweep is not there yet");
    }
    rmSync(file, { force: true });
    return {
      database: kind,
      /** The machine's load average (1, 5, 15 min) when done: the times are only comparable at a similar load. */
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      counts: filled.counts,
      export: { rows, bytes, ...exported, result: undefined },
      ledgerFirstPageMs: firstPage.ms,
      ledgerOverduePageMs: overduePage.ms,
      ratesByTargetMs: rates.ms,
      sweep,
    };
  } finally {
    await database.close();
    cleanup();
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const results = [];
  for (const kind of databases) results.push(await benchDatabase(kind));
  writeFileSync(join(OUT, "rectification.json"), JSON.stringify(results, null, 2));
  console.log(`\nresults: ${join(OUT, "rectification.json")}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
