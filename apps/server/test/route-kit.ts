import { and, asc, auditLog, count, eq, notLike } from "@xuncha/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { errorOf, loginAs, type Session } from "./client";
import { createTestApp, type TestApp } from "./test-app";
import type { World } from "./world";

export type AccountKey = keyof World["accounts"];
/** A logged-in session of one of the world's accounts, with its account id. */
export type As = Session & { id: string };

/**
 * What a route test file needs: one test app for the file (opened before, closed after) and helpers
 * to act as the world's accounts and to check the audit log.
 */
export function routeTestKit() {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.close());

  const kit = {
    get t(): TestApp {
      if (!app) throw new Error("the test app is opened in beforeAll");
      return app;
    },

    as: async (w: World, key: AccountKey): Promise<As> =>
      Object.assign(await loginAs(kit.t.app, w.accounts[key].username), { id: w.accounts[key].id }),

    /** The audit entries of one action on one entity, in order. */
    audited: (action: string, entityId: string) =>
      kit.t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
        .orderBy(asc(auditLog.seq)),

    /** The audit entries of one action by one account. */
    auditBy: (accountId: string, action: string) =>
      kit.t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.actorId, accountId), eq(auditLog.action, action)))
        .orderBy(asc(auditLog.seq)),

    /** How many business entries (logins aside) an account has appended to the audit log. */
    writesBy: async (accountId: string) =>
      Number(
        (
          await kit.t.database.db
            .select({ n: count() })
            .from(auditLog)
            .where(and(eq(auditLog.actorId, accountId), notLike(auditLog.action, "auth.%")))
        )[0]!.n,
      ),

    /** Runs a request that must fail with this status and code, and checks it appended no audit entry. */
    refused: async (
      s: As,
      call: (s: As) => Promise<LightMyRequestResponse>,
      status: number,
      code: string,
    ): Promise<{ code: string; message: string; details?: unknown }> => {
      const before = await kit.writesBy(s.id);
      const res = await call(s);
      expect(res.statusCode, res.body).toBe(status);
      const error = errorOf(res);
      expect(error.code).toBe(code);
      expect(await kit.writesBy(s.id)).toBe(before);
      return error;
    },
  };
  return kit;
}
