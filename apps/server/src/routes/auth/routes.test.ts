import { accounts, eq } from "@xuncha/db";
import { buildAccount, buildCommittee } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs } from "../../../test/client";
import { createTestApp, type TestApp } from "../../../test/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });

describe("auth", () => {
  it("logs in, sets an httpOnly SameSite=Strict cookie, and returns the actor with its menu", async () => {
    const committee = await buildCommittee(t.database.db);
    const acc = await buildAccount(t.database.db, { committeeId: committee.id, role: "officeStaff" });
    const res = await login(acc.username, acc.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies[0]!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Strict");
    const session = await loginAs(t.app, acc.username);
    const me = (await session.get("/api/auth/me")).json();
    expect(me.account.committeeName).toBe(committee.name);
    expect(me.grants.map((g: { role: string }) => g.role)).toEqual(["officeStaff"]);
    expect(me.menu).toContain("rounds");
    expect(me.menu).not.toContain("clues");
  });

  it("rejects a wrong password with a Chinese message and locks the account after 5 failures", async () => {
    const acc = await buildAccount(t.database.db, { committeeId: null, role: "sysAdmin" });
    for (let i = 0; i < 4; i++) {
      const res = await login(acc.username, "wrong-password");
      expect(res.statusCode).toBe(401);
      expect(errorOf(res)).toMatchObject({ code: "auth.invalid_credentials", message: "用户名或密码错误" });
    }
    const fifth = await login(acc.username, "wrong-password");
    expect(errorOf(fifth).code).toBe("auth.locked");
    // Even the right password is refused while locked.
    const locked = await login(acc.username, acc.password);
    expect(locked.statusCode).toBe(423);
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.id, acc.id));
    expect(row!.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60 * 1000);
  });

  it("requires the CSRF token on state-changing requests", async () => {
    const acc = await buildAccount(t.database.db, { committeeId: null, role: "sysAdmin" });
    const session = await loginAs(t.app, acc.username);
    const res = await session.request("POST", "/api/auth/logout", {}, { "x-csrf-token": "forged" });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe("auth.csrf");
    expect((await session.post("/api/auth/logout")).statusCode).toBe(200);
    expect((await session.get("/api/auth/me")).statusCode).toBe(401);
  });

  it("refuses a body over 1 MB with 413 and writes nothing", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "x".repeat(2 * 1024 * 1024), password: "y" },
    });
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: "request.too_large", message: "请求内容过大" });
  });

  it("rejects unknown fields and malformed JSON with stable codes", async () => {
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "a", password: "b", extra: 1 },
    });
    expect(errorOf(unknown).code).toBe("request.invalid");
    const malformed = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(errorOf(malformed)).toMatchObject({ code: "request.malformed_json" });
  });
});
