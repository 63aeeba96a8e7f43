#!/usr/bin/env node
// Runs every test pass of the project, in order, and ends with one summary line for all of them:
//   1. unit tests
//   2. integration tests on the embedded database (PGlite)
//   3. integration tests again on PostgreSQL, when TEST_DATABASE_URL is set
//   4. browser tests (e2e)
// Extra arguments are passed to vitest (e.g. a path filter: `npm test -- apps/server/src/routes/rounds`).
// Exits non-zero when any pass fails; the last line is `N passed, N failed[, N skipped]`.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const vitest = join(root, "node_modules", ".bin", "vitest");
const extraArgs = process.argv.slice(2);
const pgUrl = process.env.TEST_DATABASE_URL;

/** The environment without TEST_DATABASE_URL, so that a pass runs on PGlite. */
function envWithout(name) {
  const env = { ...process.env };
  delete env[name];
  return env;
}

const passes = [
  { name: "unit", project: "unit", env: envWithout("TEST_DATABASE_URL") },
  { name: "integration (PGlite)", project: "integration", env: envWithout("TEST_DATABASE_URL") },
  pgUrl
    ? { name: "integration (PostgreSQL)", project: "integration", env: { ...process.env } }
    : { name: "integration (PostgreSQL)", skipReason: "TEST_DATABASE_URL is not set" },
  // There may be no browser test yet: that is not a failure.
  { name: "e2e", project: "e2e", env: envWithout("TEST_DATABASE_URL"), passWithNoTests: true },
];

const workDir = mkdtempSync(join(tmpdir(), "xuncha-test-"));

function run(command, args, env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", (error) => {
      console.error(error);
      done(1);
    });
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Counts from vitest's JSON report; a file that failed to load counts as one failure. */
function readReport(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, "utf8"));
  const brokenFiles = (report.testResults ?? []).filter(
    (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
  );
  for (const f of brokenFiles)
    console.error(`  file failed outside any test: ${f.name}\n  ${f.message ?? ""}`);
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

const results = [];
try {
  for (const pass of passes) {
    console.log(`\n━━━ ${pass.name} ${"━".repeat(Math.max(3, 70 - pass.name.length))}`);
    if (pass.skipReason) {
      console.log(`Not run: ${pass.skipReason} (the integration tests ran on PGlite only).`);
      console.log(
        "Set TEST_DATABASE_URL=postgres://user:password@host:5432/db to run them on PostgreSQL too.",
      );
      results.push({ name: pass.name, status: "not run", passed: 0, failed: 0, skipped: 0 });
      continue;
    }
    const reportFile = join(workDir, `${pass.project}-${results.length}.json`);
    const args = [
      "run",
      "--project",
      pass.project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reportFile}`,
    ];
    // A path filter may leave a project without files; that is not a failure either.
    if (pass.passWithNoTests || extraArgs.length) args.push("--passWithNoTests");
    const code = await run(vitest, [...args, ...extraArgs], pass.env);
    const counts = readReport(reportFile) ?? { passed: 0, failed: 0, skipped: 0 };
    // A failing run that reported no failed test (crash, unhandled error, failed setup) still fails.
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    results.push({ name: pass.name, status: code === 0 ? "ok" : "FAILED", ...counts });
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

console.log(`\n━━━ summary ${"━".repeat(63)}`);
for (const r of results) {
  const counts = r.status === "not run" ? "" : `${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`;
  console.log(`${r.name.padEnd(26)} ${r.status.padEnd(8)} ${counts}`.trimEnd());
}
const total = (field) => results.reduce((sum, r) => sum + r[field], 0);
const failedPasses = results.filter((r) => r.status === "FAILED").length;
process.exitCode = failedPasses ? 1 : 0;
const skipped = total("skipped");
console.log(`${total("passed")} passed, ${total("failed")} failed${skipped ? `, ${skipped} skipped` : ""}`);
