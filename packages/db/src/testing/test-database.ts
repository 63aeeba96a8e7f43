import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../client";
import { migrateDatabase } from "../migrate";

/** Where the migrated PGlite template lives during a test run. */
export const TEMPLATE_PATH = resolve(process.env.XUNCHA_TEST_TEMPLATE ?? ".test-data/pglite-template.tar");

/**
 * Creates the migrated template once per run (vitest globalSetup). On PostgreSQL
 * (TEST_DATABASE_URL) it resets the test database's schemas and migrates it instead.
 */
export async function prepareTestDatabases(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      "drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;",
    );
    await client.end();
    const database = await openDatabase({ url, poolSize: 2 });
    await migrateDatabase(database);
    await database.close();
    return;
  }
  const database = await openDatabase({});
  await migrateDatabase(database);
  const dump = await database.pglite!.dumpDataDir("none");
  mkdirSync(dirname(TEMPLATE_PATH), { recursive: true });
  writeFileSync(TEMPLATE_PATH, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

/** A database for one test file: a fresh PGlite from the template, or the shared PostgreSQL test database. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return openDatabase({ url, poolSize: 10 });
  if (!existsSync(TEMPLATE_PATH)) await prepareTestDatabases();
  const loadDataDir = new Blob([readFileSync(TEMPLATE_PATH)]);
  return openDatabase({ loadDataDir });
}
