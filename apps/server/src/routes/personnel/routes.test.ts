import { and, auditLog, count, eq } from "@xuncha/db";
import { buildAccount, buildPerson } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs } from "../../../test/client";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld } from "../../../test/world";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type PersonView = { id: string; name: string; pool: string; poolLabel: string; expertise: string[] };
const idsOf = (body: { items: PersonView[] }) => body.items.map((p) => p.id).sort();

describe("people (pools)", () => {
  it("the office and leadership list their committee's pools, with filters", async () => {
    const w = await buildWorld(t.database.db);
    const c = w.committee.id;
    const auditor = await buildPerson(t.database.db, {
      committeeId: c,
      name: "钱审计",
      pool: "talent",
      unit: "县审计局",
      expertise: ["审计", "财会"],
      available: false,
    });
    const all = Object.values(w.people).map((p) => p.id);
    for (const account of [w.accounts.office, w.accounts.leadership]) {
      const session = await loginAs(t.app, account.username);
      const res = await session.get("/api/people?pageSize=200");
      expect(res.statusCode).toBe(200);
      expect(idsOf(res.json())).toEqual([...all, auditor.id].sort());
    }
    const office = await loginAs(t.app, w.accounts.office.username);
    const leaders = (await office.get("/api/people?pool=leader")).json();
    expect(idsOf(leaders)).toEqual([w.people.leaderA.id, w.people.leaderB.id].sort());
    expect(leaders.items[0].poolLabel).toBe("组长库");
    expect(idsOf((await office.get(`/api/people?q=${encodeURIComponent("财会")}`)).json())).toEqual([
      auditor.id,
    ]);
    expect(idsOf((await office.get(`/api/people?q=${encodeURIComponent("审计局")}`)).json())).toEqual([
      auditor.id,
    ]);
    expect((await office.get("/api/people?available=false")).json().total).toBe(1);
    expect((await office.get("/api/people?pageSize=2&page=3")).json()).toMatchObject({ total: 5, page: 3 });
  });

  it("another committee sees none of them; groups, contacts and reviewers have no access", async () => {
    const w = await buildWorld(t.database.db);
    const other = await loginAs(t.app, w.accounts.otherOffice.username);
    const ids = idsOf((await other.get("/api/people?pageSize=200")).json());
    for (const p of Object.values(w.people)) expect(ids).not.toContain(p.id);
    for (const account of [
      w.accounts.leaderA,
      w.accounts.contactA,
      w.accounts.discipline,
      w.accounts.sysAdmin,
    ]) {
      const session = await loginAs(t.app, account.username);
      expect((await session.get("/api/people")).statusCode).toBe(403);
    }
  });

  it("the office adds a person, linked to an account of its committee", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const account = await buildAccount(t.database.db, { committeeId: w.committee.id });
    const res = await office.post("/api/people", {
      name: "孙组长",
      pool: "leader",
      sex: "男",
      birthMonth: "1972-08",
      unit: "县纪委监委",
      post: "副书记",
      expertise: ["纪检", "纪检", " 组织 "],
      joinedOn: "2024-01-15",
      accountId: account.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "孙组长",
      pool: "leader",
      expertise: ["纪检", "组织"],
      joinedOn: "2024-01-15",
      available: true,
      accountId: account.id,
      abilities: { update: true },
    });
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, "person.create"), eq(auditLog.entityId, res.json().id)));
    expect(audited!.n).toBe(1);

    const twice = await office.post("/api/people", { name: "重复", pool: "talent", accountId: account.id });
    expect(errorOf(twice).code).toBe("person.account_linked");
    const foreign = await office.post("/api/people", {
      name: "外县",
      pool: "talent",
      accountId: w.accounts.otherOffice.id,
    });
    expect(errorOf(foreign).code).toBe("account.not_found");
    const bad = await office.post("/api/people", { name: "某人", pool: "talent", birthMonth: "1972/8" });
    expect(errorOf(bad).code).toBe("request.invalid");
    const leadership = await loginAs(t.app, w.accounts.leadership.username);
    expect((await leadership.post("/api/people", { name: "某人", pool: "talent" })).statusCode).toBe(403);
  });
});
