#!/usr/bin/env node
// `npm run typecheck`: tsc -p for every TypeScript project of the repository, two at a time
// (the machines have two cores); each project's output is printed in one piece when it is done.
// The web app is checked once it has sources; the root tsconfig covers e2e, bench, scripts and the
// server's test helpers.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const tsc = join(root, "node_modules", ".bin", "tsc");

/** Whether a folder holds any TypeScript source (outside node_modules and dist). */
function hasSources(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some(
    (f) => /\.(ts|tsx)$/.test(String(f)) && !/(^|\/)(node_modules|dist)\//.test(String(f)),
  );
}

const projects = [
  { path: "packages/db" },
  { path: "packages/domain" },
  { path: "apps/server" },
  {
    path: "apps/web",
    when: () => hasSources(join(root, "apps/web/src")) || existsSync(join(root, "apps/web/vite.config.ts")),
  },
  { path: "." },
];

/** Runs tsc on one project, collecting its output. */
function check(project) {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(tsc, ["-p", project.path], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => done({ ok: false, output: String(error), seconds: 0 }));
    child.on("close", (code) => done({ ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const labelOf = (project) =>
  project.path === "." ? "root (e2e, bench, scripts, server tests)" : project.path;
const queue = projects.filter((project) => {
  if (!project.when || project.when()) return true;
  console.log(`– ${labelOf(project)}: no sources yet, skipped`);
  return false;
});

const failed = [];
async function worker() {
  for (let project = queue.shift(); project; project = queue.shift()) {
    const { ok, output, seconds } = await check(project);
    if (output.trim()) process.stdout.write(`${output.trimEnd()}\n`);
    console.log(`${ok ? "✓" : "✗"} ${labelOf(project)} (${seconds.toFixed(1)} s)`);
    if (!ok) failed.push(labelOf(project));
  }
}
await Promise.all([worker(), worker()]);

if (failed.length) {
  console.error(`\nType errors in: ${failed.join(", ")}`);
  process.exitCode = 1;
}
