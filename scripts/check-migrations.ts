// `npm run db:check`: fails when the Drizzle schema holds a change that no migration does, or when the
// migration folder is inconsistent (drizzle-kit check). It generates into a temporary copy of the
// migrations folder and fails if a new file appears; nothing is written into the repository.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import drizzleConfig from "../packages/db/drizzle.config";

const root = resolve(import.meta.dirname, "..");
const drizzleKit = join(root, "node_modules", ".bin", "drizzle-kit");
const migrationsDir = resolve(root, drizzleConfig.out ?? "drizzle");
const schema = drizzleConfig.schema;
if (typeof schema !== "string") throw new Error("drizzle.config.ts: expected one schema path");
const schemaPath = resolve(root, schema);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function drizzle(args: string[], cwd: string): { status: number; output: string } {
  // No standard input: drizzle-kit asks about renames interactively; here that must fail, not hang.
  const result = spawnSync(drizzleKit, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 180_000,
  });
  return { status: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() };
}

let failed = false;

console.log(`drizzle-kit check (${relative(root, migrationsDir)})`);
const check = drizzle(
  ["check", "--dialect", drizzleConfig.dialect, "--out", relative(root, migrationsDir)],
  root,
);
console.log(check.output);
if (check.status !== 0) {
  console.error("✗ drizzle-kit check failed: the migration folder is inconsistent.");
  failed = true;
}

// drizzle-kit resolves --out against the working directory, so run it inside the temporary folder.
const work = mkdtempSync(join(tmpdir(), "xuncha-migrations-"));
try {
  const copy = join(work, "migrations");
  cpSync(migrationsDir, copy, { recursive: true });
  const before = new Set(listFiles(copy));
  const args = [
    "generate",
    "--dialect",
    drizzleConfig.dialect,
    "--schema",
    schemaPath,
    "--out",
    "./migrations",
  ];
  if (drizzleConfig.casing) args.push("--casing", drizzleConfig.casing);
  console.log("\ndrizzle-kit generate (into a temporary copy of the migrations)");
  const generate = drizzle(args, work);
  const added = listFiles(copy).filter((f) => !before.has(f));
  if (added.length) {
    console.error(
      `✗ The schema has changes that no migration holds; drizzle-kit would add: ${added.join(", ")}`,
    );
    console.error("  Run `npm run db:generate -- --name <name>` and commit the new migration.");
    failed = true;
  } else if (generate.status !== 0 || !/No schema changes/.test(generate.output)) {
    // drizzle-kit exits 0 even when it stops at a question it cannot ask (a rename or a conflict).
    console.error(generate.output);
    console.error(
      "✗ drizzle-kit could not compare the schema with the migrations (a rename it would ask about?).\n" +
        "  Run `npm run db:generate -- --name <name>` in a terminal and commit the new migration.",
    );
    failed = true;
  } else {
    console.log("✓ Every schema change is in a migration.");
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

process.exitCode = failed ? 1 : 0;
