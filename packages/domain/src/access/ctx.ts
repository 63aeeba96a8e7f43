import type { Db, Tx } from "@xuncha/db";
import type { Actor } from "./actor";

/** What every use case receives: the database and who is acting. */
export interface Ctx {
  db: Db;
  actor: Actor;
}

/** Runs a use case's writes in one transaction: a failure leaves nothing half-written. */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn(tx));
}
