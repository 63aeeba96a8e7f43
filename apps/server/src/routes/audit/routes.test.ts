import { auditLog, desc, eq, queryRows, sql, type Tx } from "@xuncha/db";
import { type ChainVerdict, chinaDate, verifyAuditChain } from "@xuncha/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs } from "../../../test/client";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld } from "../../../test/world";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Entry = {
  seq: number;
  action: string;
  entity: string;
  entityId: string | null;
  actorId: string | null;
  actorName: string;
};

const today = () => chinaDate();

describe("audit", () => {
  it("the audit administrator pages and filters the log", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const created = await office.post("/api/targets", { name: "审计测试单位党组" });
    expect(created.statusCode).toBe(201);
    for (const name of ["审计测试二党组", "审计测试三党组", "审计测试四党组"])
      await office.post("/api/targets", { name });
    const auditor = await loginAs(t.app, w.accounts.auditAdmin.username);

    const all = await auditor.get("/api/audit?pageSize=5");
    expect(all.statusCode).toBe(200);
    const page = all.json() as { items: Entry[]; total: number; pageSize: number };
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    expect(page.items[0]!.seq).toBeGreaterThan(page.items[4]!.seq);

    const byAction = (await auditor.get("/api/audit?action=target.create&entity=target")).json();
    expect(byAction.items.map((e: Entry) => e.entityId)).toContain(created.json().id);
    expect(byAction.items.every((e: Entry) => e.action === "target.create")).toBe(true);

    const byActor = (await auditor.get(`/api/audit?actor=${w.accounts.office.id}`)).json();
    expect(byActor.items.map((e: Entry) => e.action).sort()).toEqual([
      "auth.login",
      "target.create",
      "target.create",
      "target.create",
      "target.create",
    ]);
    const byName = (
      await auditor.get(`/api/audit?actor=${encodeURIComponent("巡察办干部")}&action=target.`)
    ).json();
    expect(byName.items.some((e: Entry) => e.entityId === created.json().id)).toBe(true);

    const day = today();
    expect(
      (await auditor.get(`/api/audit?from=${day}&to=${day}&actor=${w.accounts.office.id}`)).json().total,
    ).toBe(5);
    expect((await auditor.get(`/api/audit?to=2020-01-01&actor=${w.accounts.office.id}`)).json().total).toBe(
      0,
    );
    expect((await auditor.get("/api/audit?from=yesterday")).statusCode).toBe(400);
  });

  it("nobody but the audit administrator reads the log or verifies it", async () => {
    const w = await buildWorld(t.database.db);
    for (const account of [
      w.accounts.sysAdmin,
      w.accounts.securityAdmin,
      w.accounts.officeHead,
      w.accounts.leadership,
    ]) {
      const session = await loginAs(t.app, account.username);
      const res = await session.get("/api/audit");
      expect(res.statusCode).toBe(403);
      expect((await session.get("/api/audit/verify")).statusCode).toBe(403);
    }
  });

  it("the log refuses UPDATE and DELETE", async () => {
    const [last] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    await expect(
      t.database.db.execute(sql`update audit_log set action = 'forged' where seq = ${last!.seq}`),
    ).rejects.toThrow();
    await expect(
      t.database.db.execute(sql`delete from audit_log where seq = ${last!.seq}`),
    ).rejects.toThrow();
    const [still] = await t.database.db.select().from(auditLog).where(eq(auditLog.seq, last!.seq));
    expect(still!.action).toBe(last!.action);
  });

  it("the chain verifies after actions, and names an entry tampered with in the database", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const created = (await office.post("/api/targets", { name: "链校验单位党组" })).json();
    await office.patch(`/api/targets/${created.id}`, { phone: "0371-1" });
    const auditor = await loginAs(t.app, w.accounts.auditAdmin.username);
    const ok = await auditor.get("/api/audit/verify");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true });
    expect(ok.json().entries).toBeGreaterThan(3);

    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, created.id))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    const tamperIn = async (tx: Tx, summary: unknown) => {
      await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await tx.execute(
        sql`update audit_log set summary = ${JSON.stringify(summary)}::jsonb where seq = ${entry!.seq}`,
      );
      await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    };
    const forged = { name: "链校验单位党组", changes: {} };

    // In a transaction rolled back afterwards, so that no other test ever sees the forged entry.
    let inside: ChainVerdict | undefined;
    await expect(
      t.database.db.transaction(async (tx) => {
        await tamperIn(tx, forged);
        inside = await verifyAuditChain(tx);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(inside).toMatchObject({ ok: false, firstBroken: { seq: entry!.seq, reason: "hash" } });

    // Through the API, with the forgery committed: only on this file's own PGlite database. On the
    // PostgreSQL test database, shared by the files running in parallel, others would see it.
    if (t.database.kind === "pglite") {
      await t.database.db.transaction((tx) => tamperIn(tx, forged));
      try {
        const broken = await auditor.get("/api/audit/verify");
        expect(broken.json()).toMatchObject({ ok: false, firstBroken: { seq: entry!.seq, reason: "hash" } });
        const [recorded] = await queryRows<{ summary: { ok: boolean } }>(
          t.database.db,
          sql`select summary from audit_log where action = 'audit.verify' and actor_id = ${w.accounts.auditAdmin.id}
              order by seq desc limit 1`,
        );
        expect(recorded!.summary.ok).toBe(false);
      } finally {
        await t.database.db.transaction((tx) => tamperIn(tx, entry!.summary));
      }
    }
    // The trigger is back: the log refuses changes again, and the restored chain verifies.
    await expect(
      t.database.db.execute(sql`delete from audit_log where seq = ${entry!.seq}`),
    ).rejects.toThrow();
    expect((await auditor.get("/api/audit/verify")).json()).toMatchObject({ ok: true });
    expect(errorOf(await office.get("/api/audit")).code).toBe("auth.forbidden");
  });
});
