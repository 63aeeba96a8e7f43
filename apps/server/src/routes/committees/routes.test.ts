import { buildAccount, buildCommittee } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs } from "../../../test/client";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld } from "../../../test/world";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Node = { id: string; name: string; level: string; parentId: string | null; children: Node[] };
const flatten = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe("committees", () => {
  it("the system administrator sees every committee as a tree", async () => {
    const w = await buildWorld(t.database.db);
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    const res = await admin.get("/api/committees");
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: Node[]; abilities: { create: boolean } };
    expect(body.abilities.create).toBe(true);
    const city = body.items.find((n) => n.id === w.committee.parentId)!;
    expect(city).toMatchObject({ level: "city", parentId: null });
    expect(city.children.map((c) => c.id)).toEqual([w.committee.id]);
    expect(city.children[0]).toMatchObject({ level: "county", levelLabel: "县(区)委", parentId: city.id });
    expect(flatten(body.items).map((n) => n.id)).toContain(w.other.id);
    expect(body.items.every((n) => n.parentId === null)).toBe(true);
  });

  it("others see their own committee and its lower committees only", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const own = (await office.get("/api/committees")).json() as {
      items: Node[];
      abilities: { create: boolean };
    };
    expect(flatten(own.items).map((n) => n.id)).toEqual([w.committee.id]);
    expect(own.abilities.create).toBe(false);

    const upper = await buildAccount(t.database.db, {
      committeeId: w.committee.parentId,
      role: "upperLevel",
    });
    const city = await loginAs(t.app, upper.username);
    const tree = (await city.get("/api/committees")).json() as { items: Node[] };
    expect(tree.items.map((n) => n.id)).toEqual([w.committee.parentId]);
    expect(flatten(tree.items).map((n) => n.id)).toEqual([w.committee.parentId, w.committee.id]);
    expect(flatten(tree.items).map((n) => n.id)).not.toContain(w.other.id);
  });

  it("the system administrator creates committees under a higher level", async () => {
    const w = await buildWorld(t.database.db);
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    const province = await admin.post("/api/committees", { name: "某省委", level: "province" });
    expect(province.statusCode).toBe(201);
    const city = await admin.post("/api/committees", {
      name: "某市委",
      level: "city",
      parentId: province.json().id,
    });
    expect(city.json()).toMatchObject({ name: "某市委", level: "city", parentId: province.json().id });
    const county = await admin.post("/api/committees", {
      name: "某县委",
      level: "county",
      parentId: city.json().id,
    });
    expect(county.statusCode).toBe(201);

    const wrong = await admin.post("/api/committees", {
      name: "某市委2",
      level: "city",
      parentId: county.json().id,
    });
    expect(wrong.statusCode).toBe(422);
    expect(errorOf(wrong).code).toBe("committee.level_invalid");
    const missing = await admin.post("/api/committees", {
      name: "某县委2",
      level: "county",
      parentId: "00000000-0000-4000-8000-000000000000",
    });
    expect(errorOf(missing).code).toBe("committee.not_found");
    const tree = (await admin.get("/api/committees")).json() as { items: Node[] };
    const created = tree.items.find((n) => n.id === province.json().id)!;
    expect(flatten([created]).map((n) => n.name)).toEqual(["某省委", "某市委", "某县委"]);
  });

  it("nobody else creates committees", async () => {
    const w = await buildWorld(t.database.db);
    for (const account of [w.accounts.office, w.accounts.securityAdmin, w.accounts.leadership]) {
      const session = await loginAs(t.app, account.username);
      const res = await session.post("/api/committees", {
        name: "越权县委",
        level: "county",
        parentId: w.committee.parentId,
      });
      expect(res.statusCode).toBe(403);
    }
    const other = await buildCommittee(t.database.db);
    expect(other.level).toBe("county");
  });
});
