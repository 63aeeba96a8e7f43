import { and, auditLog, count, eq } from "@xuncha/db";
import { buildTarget } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs } from "../../../test/client";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld } from "../../../test/world";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PASSWORD = "Strong#Pass2026";
let counter = 0;
const username = () => `acc${Date.now().toString(36)}${counter++}`;

type RoleView = {
  id: string;
  role: string;
  committeeId: string | null;
  targetId: string | null;
  targetName: string | null;
  isHead: boolean;
};
type AccountView = { id: string; username: string; disabled: boolean; roles: RoleView[] };

const audited = async (action: string, entityId: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
  )[0]!.n;

describe("accounts: list", () => {
  it("the system and security administrators list accounts with their roles, never a hash", async () => {
    const w = await buildWorld(t.database.db);
    for (const admin of [w.accounts.sysAdmin, w.accounts.securityAdmin]) {
      const session = await loginAs(t.app, admin.username);
      const res = await session.get(`/api/accounts?committeeId=${w.committee.id}&pageSize=200`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/argon2|passwordHash|password_hash/);
      const items = res.json().items as (AccountView & { committeeName: string })[];
      const contact = items.find((a) => a.id === w.accounts.contactA.id)!;
      expect(contact.roles).toEqual([
        expect.objectContaining({
          role: "targetContact",
          label: "被巡察单位联系人",
          targetId: w.targetA.id,
          targetName: w.targetA.name,
        }),
      ]);
      expect(contact.committeeName).toBe(w.committee.name);
      expect(items.find((a) => a.id === w.accounts.officeHead.id)!.roles[0]).toMatchObject({
        role: "officeStaff",
        isHead: true,
      });
      expect(items.some((a) => a.id === w.accounts.otherOffice.id)).toBe(false);
    }
    const search = await loginAs(t.app, w.accounts.sysAdmin.username);
    const found = (await search.get(`/api/accounts?q=${w.accounts.office.username}`)).json();
    expect(found.items.map((a: AccountView) => a.id)).toEqual([w.accounts.office.id]);
  });

  it("nobody else lists accounts", async () => {
    const w = await buildWorld(t.database.db);
    for (const account of [w.accounts.auditAdmin, w.accounts.officeHead, w.accounts.leadership]) {
      const session = await loginAs(t.app, account.username);
      expect((await session.get("/api/accounts")).statusCode).toBe(403);
    }
  });
});

describe("accounts: create (sysAdmin)", () => {
  it("opens an account with scoped roles that can log in", async () => {
    const w = await buildWorld(t.database.db);
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    const name = username();
    const res = await admin.post("/api/accounts", {
      username: name,
      displayName: "新干部",
      password: PASSWORD,
      committeeId: w.committee.id,
      roles: [
        { role: "officeStaff", isHead: true },
        { role: "targetContact", targetId: w.targetB.id },
      ],
    });
    expect(res.statusCode).toBe(201);
    const account = res.json() as AccountView;
    expect(res.body).not.toContain("argon2");
    expect(account.roles).toEqual([
      expect.objectContaining({ role: "officeStaff", committeeId: w.committee.id, isHead: true }),
      expect.objectContaining({
        role: "targetContact",
        committeeId: w.committee.id,
        targetId: w.targetB.id,
        isHead: false,
      }),
    ]);
    const session = await loginAs(t.app, name, PASSWORD);
    const me = (await session.get("/api/auth/me")).json();
    expect(me.grants.map((g: { role: string }) => g.role).sort()).toEqual(["officeStaff", "targetContact"]);
    expect(await audited("account.create", account.id)).toBe(1);

    const admin2 = await admin.post("/api/accounts", {
      username: username(),
      displayName: "审计员",
      password: PASSWORD,
      committeeId: null,
      roles: [{ role: "auditAdmin" }],
    });
    expect((admin2.json() as AccountView).roles).toEqual([
      expect.objectContaining({ role: "auditAdmin", committeeId: null }),
    ]);
  });

  it("refuses weak passwords, taken names, two administrator roles and unscoped roles", async () => {
    const w = await buildWorld(t.database.db);
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    const create = (body: Record<string, unknown>) =>
      admin.post("/api/accounts", {
        username: username(),
        displayName: "某人",
        password: PASSWORD,
        committeeId: w.committee.id,
        roles: [],
        ...body,
      });
    const weak = await create({ password: "short" });
    expect(weak.statusCode).toBe(422);
    expect(errorOf(weak).code).toBe("account.password_weak");
    const taken = await create({ username: w.accounts.office.username.toUpperCase() });
    expect(errorOf(taken).code).toBe("account.username_taken");
    const two = await create({ committeeId: null, roles: [{ role: "sysAdmin" }, { role: "auditAdmin" }] });
    expect(two.statusCode).toBe(409);
    expect(errorOf(two).code).toBe("account.admin_separation");
    const mixed = await create({ roles: [{ role: "securityAdmin" }, { role: "officeStaff" }] });
    expect(errorOf(mixed).code).toBe("account.admin_role_exclusive");
    const noTarget = await create({ roles: [{ role: "targetContact" }] });
    expect(errorOf(noTarget).code).toBe("account.scope_required");
    const noCommittee = await create({ committeeId: null, roles: [{ role: "leadership" }] });
    expect(errorOf(noCommittee).code).toBe("account.scope_required");
    const otherTarget = await buildTarget(t.database.db, { committeeId: w.other.id });
    const foreign = await create({ roles: [{ role: "targetContact", targetId: otherTarget.id }] });
    expect(errorOf(foreign).code).toBe("target.not_found");
    const groupRole = await create({ roles: [{ role: "groupLeader" }] });
    expect(errorOf(groupRole).code).toBe("request.invalid");
  });

  it("only the system administrator opens accounts", async () => {
    const w = await buildWorld(t.database.db);
    for (const account of [w.accounts.securityAdmin, w.accounts.officeHead]) {
      const session = await loginAs(t.app, account.username);
      const res = await session.post("/api/accounts", {
        username: username(),
        displayName: "某人",
        password: PASSWORD,
        committeeId: w.committee.id,
        roles: [],
      });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe("accounts: roles (securityAdmin)", () => {
  it("assigns and revokes scoped roles, effective on the account's next request", async () => {
    const w = await buildWorld(t.database.db);
    const security = await loginAs(t.app, w.accounts.securityAdmin.username);
    const office = await loginAs(t.app, w.accounts.office.username);
    expect((await office.get("/api/auth/me")).json().menu).not.toContain("clues");

    const res = await security.post(`/api/accounts/${w.accounts.office.id}/roles`, { role: "leadership" });
    expect(res.statusCode).toBe(200);
    const leadership = (res.json() as AccountView).roles.find((r) => r.role === "leadership")!;
    expect(leadership.committeeId).toBe(w.committee.id);
    expect((await office.get("/api/auth/me")).json().menu).toContain("clues");
    expect(await audited("account.assign_role", w.accounts.office.id)).toBe(1);

    const again = await security.post(`/api/accounts/${w.accounts.office.id}/roles`, { role: "leadership" });
    expect(errorOf(again).code).toBe("account.role_exists");

    const revoke = await security.request(
      "DELETE",
      `/api/accounts/${w.accounts.office.id}/roles/${leadership.id}`,
    );
    expect(revoke.statusCode).toBe(200);
    expect((revoke.json() as AccountView).roles.map((r) => r.role)).toEqual(["officeStaff"]);
    expect((await office.get("/api/auth/me")).json().menu).not.toContain("clues");
    expect(await audited("account.revoke_role", w.accounts.office.id)).toBe(1);
    const gone = await security.request(
      "DELETE",
      `/api/accounts/${w.accounts.office.id}/roles/${leadership.id}`,
    );
    expect(gone.statusCode).toBe(404);
    expect(errorOf(gone).code).toBe("account.role_not_found");
  });

  it("keeps the three administrators apart", async () => {
    const w = await buildWorld(t.database.db);
    const security = await loginAs(t.app, w.accounts.securityAdmin.username);
    const second = await security.post(`/api/accounts/${w.accounts.auditAdmin.id}/roles`, {
      role: "sysAdmin",
    });
    expect(second.statusCode).toBe(409);
    expect(errorOf(second).code).toBe("account.admin_separation");
    const self = await security.post(`/api/accounts/${w.accounts.securityAdmin.id}/roles`, {
      role: "auditAdmin",
    });
    expect(errorOf(self).code).toBe("account.admin_separation");
    const business = await security.post(`/api/accounts/${w.accounts.auditAdmin.id}/roles`, {
      role: "leadership",
      committeeId: w.committee.id,
    });
    expect(errorOf(business).code).toBe("account.admin_role_exclusive");
    const toBusiness = await security.post(`/api/accounts/${w.accounts.office.id}/roles`, {
      role: "auditAdmin",
    });
    expect(errorOf(toBusiness).code).toBe("account.admin_role_exclusive");
  });

  it("refuses unknown accounts and other administrators", async () => {
    const w = await buildWorld(t.database.db);
    const security = await loginAs(t.app, w.accounts.securityAdmin.username);
    const unknown = await security.post("/api/accounts/00000000-0000-4000-8000-000000000000/roles", {
      role: "leadership",
    });
    expect(unknown.statusCode).toBe(404);
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    expect(
      (await admin.post(`/api/accounts/${w.accounts.office.id}/roles`, { role: "leadership" })).statusCode,
    ).toBe(403);
    const office = await loginAs(t.app, w.accounts.officeHead.username);
    expect(
      (await office.post(`/api/accounts/${w.accounts.office.id}/roles`, { role: "leadership" })).statusCode,
    ).toBe(403);
  });
});

describe("accounts: disable (sysAdmin)", () => {
  it("disables an account, ending its sessions, and enables it again", async () => {
    const w = await buildWorld(t.database.db);
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    const office = await loginAs(t.app, w.accounts.office.username);
    const res = await admin.post(`/api/accounts/${w.accounts.office.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ disabled: true });
    expect((await office.get("/api/auth/me")).statusCode).toBe(401);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: w.accounts.office.username, password: w.accounts.office.password },
    });
    expect(errorOf(login).code).toBe("auth.disabled");
    expect(await audited("account.disable", w.accounts.office.id)).toBe(1);

    expect((await admin.post(`/api/accounts/${w.accounts.office.id}/enable`)).json()).toMatchObject({
      disabled: false,
    });
    expect((await loginAs(t.app, w.accounts.office.username)).csrfToken).toBeTruthy();
  });

  it("refuses to disable oneself, and is for the system administrator only", async () => {
    const w = await buildWorld(t.database.db);
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    const self = await admin.post(`/api/accounts/${w.accounts.sysAdmin.id}/disable`);
    expect(errorOf(self).code).toBe("account.cannot_disable_self");
    const security = await loginAs(t.app, w.accounts.securityAdmin.username);
    expect((await security.post(`/api/accounts/${w.accounts.office.id}/disable`)).statusCode).toBe(403);
  });
});

describe("settings: security policy (securityAdmin)", () => {
  it("reads and saves the policy, audited", async () => {
    const w = await buildWorld(t.database.db);
    const security = await loginAs(t.app, w.accounts.securityAdmin.username);
    const current = (await security.get("/api/settings/security")).json();
    expect(current).toEqual({ maxFailedLogins: 5, lockoutMinutes: 15, minPasswordLength: 10 });
    const put = await security.request("PUT", "/api/settings/security", current);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual(current);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "settings.security_update"),
          eq(auditLog.actorId, w.accounts.securityAdmin.id),
        ),
      );
    expect(entry!.summary).toEqual({ from: current, to: current });
  });

  it("a stricter policy applies to logins and new passwords", async () => {
    // The policy is installation-wide: a stricter one is tried only on this file's own PGlite
    // database, never on the PostgreSQL test database that the files running in parallel share.
    if (t.database.kind !== "pglite") return;
    const w = await buildWorld(t.database.db);
    const security = await loginAs(t.app, w.accounts.securityAdmin.username);
    const before = (await security.get("/api/settings/security")).json();
    try {
      const put = await security.request("PUT", "/api/settings/security", {
        maxFailedLogins: 3,
        lockoutMinutes: 30,
        minPasswordLength: 16,
      });
      expect(put.statusCode).toBe(200);
      expect((await security.get("/api/settings/security")).json()).toEqual({
        maxFailedLogins: 3,
        lockoutMinutes: 30,
        minPasswordLength: 16,
      });
      for (let i = 0; i < 3; i++) {
        await t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { username: w.accounts.memberB.username, password: "wrong-password" },
        });
      }
      const locked = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: w.accounts.memberB.username, password: w.accounts.memberB.password },
      });
      expect(errorOf(locked).code).toBe("auth.locked");
      const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
      const weak = await admin.post("/api/accounts", {
        username: username(),
        displayName: "某人",
        password: PASSWORD,
        committeeId: w.committee.id,
        roles: [],
      });
      expect(errorOf(weak).code).toBe("account.password_weak");
    } finally {
      await security.request("PUT", "/api/settings/security", before);
    }
  });

  it("refuses values out of bounds and callers other than the security administrator", async () => {
    const w = await buildWorld(t.database.db);
    const security = await loginAs(t.app, w.accounts.securityAdmin.username);
    const low = await security.request("PUT", "/api/settings/security", {
      maxFailedLogins: 1,
      lockoutMinutes: 30,
      minPasswordLength: 12,
    });
    expect(low.statusCode).toBe(400);
    expect(errorOf(low).code).toBe("request.invalid");
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    expect((await admin.get("/api/settings/security")).statusCode).toBe(403);
    expect(
      (
        await admin.request("PUT", "/api/settings/security", {
          maxFailedLogins: 5,
          lockoutMinutes: 15,
          minPasswordLength: 10,
        })
      ).statusCode,
    ).toBe(403);
  });
});
