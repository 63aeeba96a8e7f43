import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The database handle every module takes: the same type for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction: domain functions accept either. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema> | Db;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The underlying PGlite instance (for dumps in tests), when kind = pglite. */
  pglite?: PGlite;
}

export interface OpenOptions {
  /** postgres://… ; when set, PostgreSQL is used. */
  url?: string | undefined;
  /** PGlite data directory; created when missing. Ignored when url is set. */
  dataDir?: string | undefined;
  /** A PGlite data dump to start from (test templates). */
  loadDataDir?: Blob | undefined;
  /** Maximum pool size for PostgreSQL. */
  poolSize?: number;
}

/** Opens the configured database: PostgreSQL when a URL is given, embedded PGlite otherwise. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: "postgres", close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", pglite: client, close: () => client.close() };
}

/** Runs raw SQL and returns its rows, the same on both drivers. */
export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
