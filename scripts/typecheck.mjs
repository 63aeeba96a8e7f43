#!/usr/bin/env node
// `npm run typecheck`: tsc -p for every TypeScript project of the repository, one after the other.
// The web app is checked once it has sources; the root tsconfig covers e2e, bench, scripts and the
// server's test helpers.
import { spawnSync } from "node:child_process";
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

const failed = [];
for (const project of projects) {
  const label = project.path === "." ? "root (e2e, bench, scripts, server tests)" : project.path;
  if (project.when && !project.when()) {
    console.log(`– ${label}: no sources yet, skipped`);
    continue;
  }
  const started = Date.now();
  const result = spawnSync(tsc, ["-p", project.path], { cwd: root, stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    console.log(`✓ ${label} (${seconds} s)`);
  } else {
    console.log(`✗ ${label} (${seconds} s)`);
    failed.push(label);
  }
}

if (failed.length) {
  console.error(`\nType errors in: ${failed.join(", ")}`);
  process.exitCode = 1;
}
