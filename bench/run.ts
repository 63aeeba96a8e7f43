/**
 * Load bench of the findings list and the round statistics (issue 2, section 10). See bench/README.md.
 *
 * For each database (PGlite in a temporary data directory, always; PostgreSQL when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on a fresh schema): generate 100,000 findings,
 * replay the SQL the use cases issue (sequentially, then with 50 concurrent executions), start the
 * real app on 127.0.0.1, log in, and load each endpoint with autocannon. Prints a table and writes
 * bench/out/results.{json,md} and bench/out/explain-<database>.txt.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { PGlite } from "@electric-sql/pglite";
import { type Database, type DatabaseKind, type Db, migrateDatabase, openDatabase } from "@xuncha/db";
import {
  type Actor,
  findVisibleRound,
  listFindings,
  loadActor,
  loadSessionActor,
  roundStatistics,
} from "@xuncha/domain";
import autocannon from "autocannon";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { buildApp } from "../apps/server/src/app";
import { loadConfig } from "../apps/server/src/config";
import { type Generated, generate } from "./generate";

const env = process.env;
const SETTINGS = {
  findings: Number(env.BENCH_FINDINGS ?? 100_000),
  /** Seconds of autocannon load per endpoint. */
  duration: Number(env.BENCH_DURATION ?? 10),
  connections: Number(env.BENCH_CONNECTIONS ?? 50),
  /** Sequential SQL / domain / unloaded API executions per endpoint (each also bounded by time). */
  iterations: Number(env.BENCH_ITERATIONS ?? 200),
  /** Seconds of concurrent SQL replay per endpoint. */
  sqlSeconds: Number(env.BENCH_SQL_SECONDS ?? 5),
  /** VACUUM ANALYZE after generating (BENCH_VACUUM=0 to skip: PGlite never runs autovacuum). */
  vacuum: env.BENCH_VACUUM !== "0",
  /** Pool size of the app and of the SQL replay on PostgreSQL (the app's default). */
  poolSize: 20,
};
const MAX_SEQUENTIAL_MS = 20_000;
const OUT_DIR = new URL("./out/", import.meta.url).pathname;

const SESSION_COOKIE = "xuncha_session";

// ---------------------------------------------------------------------------------------------
// Small statistics

interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  /** Executions per second over the measured wall time. */
  perSecond: number;
}

function stats(samples: number[], wallMs: number): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(sorted.length, 1);
  return {
    n: sorted.length,
    p50: at(50),
    p99: at(99),
    mean,
    perSecond: (sorted.length * 1000) / Math.max(wallMs, 1),
  };
}

/** Runs `fn` sequentially (after a warm-up) up to SETTINGS.iterations times or MAX_SEQUENTIAL_MS. */
async function sequential(fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 10; i++) await fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < SETTINGS.iterations && performance.now() - start < MAX_SEQUENTIAL_MS) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples, performance.now() - start);
}

/** Runs `fn` in `concurrency` loops for `seconds`. */
async function concurrent(fn: () => Promise<unknown>, concurrency: number, seconds: number): Promise<Stats> {
  const samples: number[] = [];
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await fn();
        samples.push(performance.now() - t0);
      }
    }),
  );
  return stats(samples, performance.now() - start);
}

// ---------------------------------------------------------------------------------------------
// SQL capture and replay

interface Query {
  sql: string;
  params: unknown[];
  /** A named (prepared) statement on PostgreSQL, as the use case sends it. */
  name?: string;
}
/** The queries of one request: batches run one after the other, the queries of a batch together. */
type Plan = Query[][];

class CaptureLogger implements Logger {
  queries: Query[] = [];
  logQuery(query: string, params: unknown[]) {
    this.queries.push({ sql: query, params });
  }
}

interface SqlRunner {
  /** A drizzle handle on the same database that records every query it sends. */
  captureDb: Db;
  logger: CaptureLogger;
  exec(q: Query): Promise<unknown>;
  close(): Promise<void>;
}

function sqlRunner(database: Database, url: string | undefined): SqlRunner {
  const logger = new CaptureLogger();
  if (database.kind === "pglite") {
    const client = database.pglite as PGlite;
    return {
      captureDb: drizzlePglite(client, { logger }) as unknown as Db,
      logger,
      exec: (q) => client.query(q.sql, q.params),
      close: async () => {},
    };
  }
  const pool = new pg.Pool({ connectionString: url, max: SETTINGS.poolSize });
  return {
    captureDb: drizzlePg(pool, { logger }) as unknown as Db,
    logger,
    exec: (q) =>
      q.name ? pool.query({ name: q.name, text: q.sql, values: q.params }) : pool.query(q.sql, q.params),
    close: () => pool.end(),
  };
}

/** The queries `fn` sends, as one batch (they are issued together, e.g. under Promise.all). */
async function capture(runner: SqlRunner, fn: (db: Db) => Promise<unknown>): Promise<Query[]> {
  runner.logger.queries = [];
  await fn(runner.captureDb);
  return [...runner.logger.queries];
}

async function replay(runner: SqlRunner, plan: Plan): Promise<void> {
  for (const batch of plan) await Promise.all(batch.map((q) => runner.exec(q)));
}

async function explain(runner: SqlRunner, q: Query): Promise<string> {
  const result = (await runner.exec({ sql: `explain (analyze, buffers) ${q.sql}`, params: q.params })) as {
    rows: Record<string, string>[];
  };
  return result.rows.map((r) => Object.values(r)[0]).join("\n");
}

// ---------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * GET over a kept-alive socket. The server closes sockets idle for 5 s (Node's keepAliveTimeout): a
 * request that races such a close gets ECONNRESET, and is sent once more on a new socket.
 */
async function get(base: string, path: string, cookie: string): Promise<{ status: number; body: string }> {
  try {
    return await getOnce(base, path, cookie);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ECONNRESET") throw error;
    return getOnce(base, path, cookie);
  }
}

function getOnce(base: string, path: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { agent, headers: { cookie } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
}

async function login(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error("login: no session cookie");
  return cookie.split(";")[0]!;
}

interface ApiStats {
  connections: number;
  seconds: number;
  requests: number;
  p50: number;
  p99: number;
  mean: number;
  rps: number;
  non2xx: number;
  errors: number;
  /**
   * Event-loop utilization of the server's thread during the load (1 = never idle), and its busy
   * time per request: the thread's capacity is about 1000 / busyMsPerRequest requests per second.
   */
  eventLoopUtilization: number;
  busyMsPerRequest: number;
  /**
   * CPU time per request (Linux /proc; null elsewhere): of the server's main thread (with PGlite it
   * runs the database too), and of the PostgreSQL backends connected to the bench database. CPU
   * time is less disturbed than latency by other work on a shared machine.
   */
  cpuMsPerRequest: { serverThread: number | null; postgres: number | null };
  /**
   * The machine's 1-minute load average at the end of the load. The bench itself adds about 2-3
   * (server thread, load generator, PostgreSQL backends); anything above is other work.
   */
  loadAverage: number;
}

/** CPU time (ms) of the server's main thread and of the database's PostgreSQL backends. */
interface CpuProbe {
  snapshot(): Promise<{ thread: number | null; backends: Map<number, number> | null }>;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function procCpuMs(path: string): number | null {
  try {
    const stat = readFileSync(path, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS; // utime, stime (fields 14, 15)
  } catch {
    return null;
  }
}

function cpuProbe(backendPids: (() => Promise<number[]>) | null): CpuProbe {
  return {
    async snapshot() {
      const thread = procCpuMs(`/proc/self/task/${process.pid}/stat`);
      if (!backendPids) return { thread, backends: null };
      const backends = new Map<number, number>();
      for (const pid of await backendPids()) {
        const cpu = procCpuMs(`/proc/${pid}/stat`);
        if (cpu !== null) backends.set(pid, cpu);
      }
      return { thread, backends };
    },
  };
}

async function load(
  url: string,
  cookie: string,
  connections: number,
  seconds: number,
  probe: CpuProbe,
): Promise<ApiStats> {
  const cpuBefore = await probe.snapshot();
  // One worker thread: the load generator does not share the server's event loop.
  const before = performance.eventLoopUtilization();
  const r = await autocannon({ url, connections, duration: seconds, headers: { cookie }, workers: 1 });
  const elu = performance.eventLoopUtilization(before);
  const cpuAfter = await probe.snapshot();
  const requests = Math.max(r.requests.total, 1);
  let postgres: number | null = null;
  if (cpuBefore.backends && cpuAfter.backends) {
    postgres = 0;
    for (const [pid, cpu] of cpuAfter.backends) postgres += cpu - (cpuBefore.backends.get(pid) ?? 0);
    postgres /= requests;
  }
  return {
    connections,
    seconds: r.duration,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    mean: r.latency.average,
    rps: r.requests.average,
    non2xx: r.non2xx,
    errors: r.errors,
    eventLoopUtilization: elu.utilization,
    busyMsPerRequest: elu.active / requests,
    loadAverage: loadavg()[0] ?? 0,
    cpuMsPerRequest: {
      serverThread:
        cpuBefore.thread === null || cpuAfter.thread === null
          ? null
          : (cpuAfter.thread - cpuBefore.thread) / requests,
      postgres,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The bench of one database

type EndpointKey =
  | "roundFindings"
  | "committeeFindings"
  | "roundStatistics"
  | "leaderFindings"
  | "staffFindings";

interface Endpoint {
  key: EndpointKey;
  label: string;
  path: string;
  as: "office" | "leader" | "staff";
  /**
   * The use case as the route calls it, on a given handle (for capture and for the domain timing):
   * steps run one after the other, each step's queries form one batch.
   */
  steps: ((db: Db, actor: Actor) => Promise<unknown>)[];
}

interface EndpointResult {
  key: EndpointKey;
  label: string;
  path: string;
  as: string;
  /** `total` of the list, or `findings` of the statistics, as the API answered. */
  answer: string;
  sql: { sequential: Stats; concurrent: Stats; queries: Query[][] };
  /** The session and actor queries every request runs first (same for every endpoint). */
  authSql: Stats;
  domain: Stats;
  /** One request at a time (keep-alive), timed by the client. */
  apiUnloaded: Stats;
  api: ApiStats;
  ratios: { unloaded: number; loaded: number; unloadedWithAuth: number };
}

interface DatabaseResult {
  kind: DatabaseKind;
  findings: number;
  generationMs: number;
  generationSteps: Record<string, number>;
  counts: Record<string, number>;
  endpoints: EndpointResult[];
}

function endpoints(data: Generated): Endpoint[] {
  const round = data.rounds[data.rounds.length - 2]!; // the round in rectification: every kind of finding
  return [
    {
      key: "roundFindings",
      label: "(a) findings of a round",
      path: `/api/findings?roundId=${round.id}&page=1&pageSize=20`,
      as: "office",
      steps: [(db, actor) => listFindings({ db, actor }, { roundId: round.id, page: 1, pageSize: 20 })],
    },
    {
      key: "committeeFindings",
      label: "(b) findings of the committee",
      path: "/api/findings?page=1&pageSize=20",
      as: "office",
      steps: [(db, actor) => listFindings({ db, actor }, { page: 1, pageSize: 20 })],
    },
    {
      key: "roundStatistics",
      label: "(c) round statistics",
      path: `/api/rounds/${round.id}/statistics`,
      as: "office",
      steps: [
        (db, actor) => findVisibleRound(db, actor, round.id),
        (db, actor) => roundStatistics(db, actor, round.id),
      ],
    },
    {
      key: "leaderFindings",
      label: "(d) findings, group leader",
      path: "/api/findings?page=1&pageSize=20",
      as: "leader",
      steps: [(db, actor) => listFindings({ db, actor }, { page: 1, pageSize: 20 })],
    },
    {
      key: "staffFindings",
      label: "(e) findings, office staff + liaison",
      path: "/api/findings?page=1&pageSize=20",
      as: "staff",
      steps: [(db, actor) => listFindings({ db, actor }, { page: 1, pageSize: 20 })],
    },
  ];
}

async function prepare(
  kind: DatabaseKind,
  url: string | undefined,
): Promise<{ database: Database; cleanup: () => void }> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "xuncha-bench-"));
    const database = await openDatabase({ dataDir: dir });
    await migrateDatabase(database);
    return { database, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;",
  );
  await client.end();
  const database = await openDatabase({ url, poolSize: SETTINGS.poolSize });
  await migrateDatabase(database);
  return { database, cleanup: () => {} };
}

const ms = (v: number) => v.toFixed(v < 10 ? 2 : 1);
const cpuCell = (c: ApiStats["cpuMsPerRequest"]) =>
  c.serverThread === null
    ? "–"
    : c.postgres === null
      ? ms(c.serverThread)
      : `${ms(c.serverThread)} + ${ms(c.postgres)}`;
const log = (message: string) => console.log(`[bench] ${message}`);

async function benchDatabase(
  kind: DatabaseKind,
  url: string | undefined,
): Promise<{ result: DatabaseResult; explain: string }> {
  log(`${kind}: preparing a fresh database`);
  const { database, cleanup } = await prepare(kind, url);
  const runner = sqlRunner(database, url);
  const probe = cpuProbe(
    kind === "postgres"
      ? async () => {
          const r = (await runner.exec({
            sql: "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
            params: [],
          })) as { rows: { pid: number }[] };
          return r.rows.map((row) => row.pid);
        }
      : null,
  );
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    log(`${kind}: generating ${SETTINGS.findings} findings`);
    const data = await generate(database.db, { findings: SETTINGS.findings, vacuum: SETTINGS.vacuum });
    log(`${kind}: generated in ${(data.totalMs / 1000).toFixed(1)} s ${JSON.stringify(data.timings)}`);

    // The app, on 127.0.0.1 and a free port.
    const config = { ...loadConfig({ ...env, XUNCHA_DEMO: "0" }), host: "127.0.0.1", port: 0 };
    app = await buildApp({ database, config });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("no listening address");
    const base = `http://127.0.0.1:${address.port}`;
    const cookies = {
      office: await login(base, data.office.username, data.password),
      leader: await login(base, data.leader.username, data.password),
      staff: await login(base, data.staff.username, data.password),
    };
    const actors = {
      office: (await loadActor(database.db, data.office.accountId))!,
      leader: (await loadActor(database.db, data.leader.accountId))!,
      staff: (await loadActor(database.db, data.staff.accountId))!,
    };
    for (const key of ["leader", "staff"] as const) {
      if (!actors[key].grants.some((g) => g.groupId))
        throw new Error(
          `bench-${key} has no group grant: does the generator still meet loadActor's conditions?`,
        );
    }

    // The queries each request runs before the use case: the session and its actor.
    const token = cookies.office.slice(SESSION_COOKIE.length + 1);
    const authPlan: Plan = (await capture(runner, (db) => loadSessionActor(db, token))).map((q) => [
      { ...q, name: "bench_session_actor" },
    ]);
    const authSql = await sequential(() => replay(runner, authPlan));

    const results: EndpointResult[] = [];
    const explains: string[] = [];
    const only = env.BENCH_ENDPOINTS?.split(",").map((k) => k.trim());
    for (const endpoint of endpoints(data).filter((e) => !only || only.includes(e.key))) {
      const actor = actors[endpoint.as];
      const cookie = cookies[endpoint.as];
      const check = await get(base, endpoint.path, cookie);
      if (check.status !== 200)
        throw new Error(`${endpoint.path}: ${check.status} ${check.body.slice(0, 300)}`);
      const body = JSON.parse(check.body) as {
        total?: number;
        totalCapped?: boolean;
        findings?: number;
        items?: unknown[];
      };
      const answer =
        body.total !== undefined
          ? `total ${body.total}${body.totalCapped ? "+" : ""}, ${body.items?.length} items`
          : `findings ${body.findings}`;

      const queries: Plan = [];
      for (const step of endpoint.steps) queries.push(await capture(runner, (db) => step(db, actor)));
      for (const q of queries.flat()) {
        explains.push(
          `-- ${kind} ${endpoint.label}\n-- ${q.sql}\n-- params ${JSON.stringify(q.params)}\n${await explain(runner, q)}\n`,
        );
      }

      log(`${kind} ${endpoint.label}: ${answer}; SQL`);
      const sqlSequential = await sequential(() => replay(runner, queries));
      const sqlConcurrent = await concurrent(
        () => replay(runner, queries),
        SETTINGS.connections,
        SETTINGS.sqlSeconds,
      );
      const domain = await sequential(async () => {
        for (const step of endpoint.steps) await step(database.db, actor);
      });
      log(`${kind} ${endpoint.label}: API`);
      const apiUnloaded = await sequential(async () => {
        const r = await get(base, endpoint.path, cookie);
        if (r.status !== 200) throw new Error(`${endpoint.path}: ${r.status}`);
      });
      await load(`${base}${endpoint.path}`, cookie, SETTINGS.connections, 1, probe); // warm-up
      const api = await load(
        `${base}${endpoint.path}`,
        cookie,
        SETTINGS.connections,
        SETTINGS.duration,
        probe,
      );
      results.push({
        key: endpoint.key,
        label: endpoint.label,
        path: endpoint.path.replace(/[0-9a-f-]{36}/, ":roundId"),
        as: endpoint.as,
        answer,
        sql: { sequential: sqlSequential, concurrent: sqlConcurrent, queries },
        authSql,
        domain,
        apiUnloaded,
        api,
        ratios: {
          unloaded: apiUnloaded.p50 / sqlSequential.p50,
          loaded: api.p50 / sqlConcurrent.p50,
          unloadedWithAuth: apiUnloaded.p50 / (sqlSequential.p50 + authSql.p50),
        },
      });
      const last = results[results.length - 1]!;
      log(
        `${kind} ${endpoint.label}: API p50 ${api.p50} ms p99 ${api.p99} ms ${api.rps.toFixed(0)} req/s; ` +
          `SQL p50 ${ms(sqlSequential.p50)} ms (×${SETTINGS.connections}: ${ms(sqlConcurrent.p50)} ms); ` +
          `ratios ${last.ratios.unloaded.toFixed(2)} / ${last.ratios.loaded.toFixed(2)}`,
      );
    }
    return {
      result: {
        kind,
        findings: data.counts.findings ?? 0,
        generationMs: data.totalMs,
        generationSteps: data.timings,
        counts: data.counts,
        endpoints: results,
      },
      explain: explains.join("\n"),
    };
  } finally {
    await app?.close();
    await runner.close();
    await database.close();
    cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function markdown(results: DatabaseResult[], started: Date, loads: number[]): string {
  const lines: string[] = [];
  const cpu = cpus();
  lines.push(`# Xuncha bench — ${started.toISOString()}`, "");
  lines.push(`Load average (1 min) at start and end: ${loads.map((l) => l.toFixed(1)).join(" → ")}.`, "");
  lines.push(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, Node ${process.version}. ` +
      `Load: ${SETTINGS.connections} connections × ${SETTINGS.duration} s per endpoint (autocannon, one worker thread); ` +
      `SQL: up to ${SETTINGS.iterations} sequential replays, then ${SETTINGS.connections} concurrent loops × ${SETTINGS.sqlSeconds} s ` +
      `(PostgreSQL pool ${SETTINGS.poolSize}, as the app's). Times in ms.`,
    "",
  );
  for (const r of results) {
    lines.push(
      `## ${r.kind}: ${r.findings.toLocaleString("en")} findings, generated in ${(r.generationMs / 1000).toFixed(1)} s`,
      "",
    );
    lines.push(
      "| endpoint | answer | API p50 | API p99 | req/s | API p50, 1 at a time | SQL p50 | SQL p99 | SQL p50 ×" +
        `${SETTINGS.connections} | SQL/s ×${SETTINGS.connections} | domain p50 | auth SQL p50 | server busy ms/req | CPU ms/req server + PG | ` +
        `API/SQL (1) | API/SQL (×${SETTINGS.connections}) | p99 < 100 | load |`,
      "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|--:|",
    );
    for (const e of r.endpoints) {
      lines.push(
        `| ${e.label} (${e.as}) | ${e.answer} | ${e.api.p50} | ${e.api.p99} | ${e.api.rps.toFixed(0)} | ${ms(e.apiUnloaded.p50)} | ` +
          `${ms(e.sql.sequential.p50)} | ${ms(e.sql.sequential.p99)} | ${ms(e.sql.concurrent.p50)} | ${e.sql.concurrent.perSecond.toFixed(0)} | ` +
          `${ms(e.domain.p50)} | ${ms(e.authSql.p50)} | ${ms(e.api.busyMsPerRequest)} (${(e.api.eventLoopUtilization * 100).toFixed(0)}%) | ` +
          `${cpuCell(e.api.cpuMsPerRequest)} | ` +
          `${e.ratios.unloaded.toFixed(2)} | ${e.ratios.loaded.toFixed(2)} | ` +
          `${e.api.p99 < 100 ? "yes" : "**no**"} | ${e.api.loadAverage.toFixed(1)} |`,
      );
    }
    const failures = r.endpoints.filter((e) => e.api.non2xx || e.api.errors);
    for (const e of failures)
      lines.push("", `⚠ ${e.label}: ${e.api.non2xx} non-2xx responses, ${e.api.errors} errors`);
    lines.push("", `Generation steps (ms): ${JSON.stringify(r.generationSteps)}`, "");
  }
  lines.push(
    "API/SQL (1): API p50 one request at a time ÷ SQL p50 of the use case's queries replayed one at a time. ",
    `API/SQL (×${SETTINGS.connections}): API p50 under load ÷ SQL p50 with ${SETTINGS.connections} concurrent replays. `,
    "auth SQL: the session and actor queries every authenticated request runs before the use case. ",
    "server busy ms/req: the server thread's busy time per request under load (event-loop utilization in brackets); " +
      "with PGlite that thread also runs the database. ",
    "CPU ms/req: CPU time per request under load of the server's main thread, plus of the PostgreSQL backends. ",
    "load: the machine's 1-minute load average after the endpoint's load (the bench itself accounts for about 2-3).",
    "",
  );
  return lines.join("\n");
}

async function main() {
  const started = new Date();
  const startLoad = loadavg()[0] ?? 0;
  const url = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || undefined;
  const kinds: DatabaseKind[] = url ? ["pglite", "postgres"] : ["pglite"];
  const only = env.BENCH_DATABASES?.split(",").map((s) => s.trim());
  const selected = only ? kinds.filter((k) => only.includes(k)) : kinds;
  if (!url)
    log(
      "PostgreSQL skipped: set BENCH_DATABASE_URL (its schemas public and drizzle are dropped) to bench it",
    );
  const results: DatabaseResult[] = [];
  const explains: Record<string, string> = {};
  for (const kind of selected) {
    const { result, explain } = await benchDatabase(kind, kind === "postgres" ? url : undefined);
    results.push(result);
    explains[kind] = explain;
  }
  const loads = [startLoad, loadavg()[0] ?? 0];
  const report = markdown(results, started, loads);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    join(OUT_DIR, "results.json"),
    `${JSON.stringify({ started: started.toISOString(), settings: SETTINGS, node: process.version, cpus: cpus().length, loadAverage: loads, results }, null, 2)}\n`,
  );
  writeFileSync(join(OUT_DIR, "results.md"), report);
  for (const [kind, text] of Object.entries(explains))
    writeFileSync(join(OUT_DIR, `explain-${kind}.txt`), text);
  console.log(`\n${report}`);
  log(`written to ${OUT_DIR}results.{json,md} and explain-*.txt`);
  agent.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
  agent.destroy();
});
