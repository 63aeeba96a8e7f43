import { buildFeedback } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../apps/server/test/client";
import { buildWorld, type World } from "../apps/server/test/world";
import { asUser, type E2E, login, shot, startE2E } from "./support";

let e2e: E2E;
let w: World;
const PASSWORD = "Test@Passw0rd";

beforeAll(async () => {
  e2e = await startE2E();
  w = await buildWorld(e2e.database.db);
  // Feedback long ago: the plan and the final report are both overdue.
  await buildFeedback(e2e.database.db, {
    committeeId: w.committee.id,
    roundId: w.round.id,
    targetId: w.targetA.id,
    createdBy: w.accounts.office.id,
    givenOn: "2026-01-05",
  });
});
afterAll(() => e2e?.close());

describe("督办: the office runs the sweep, the target's contact acknowledges the letter", () => {
  it("立即执行督办 issues a numbered 督办函; the contact is notified, opens it from the bell and confirms receipt", async () => {
    await asUser(e2e, "escalation-office", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      await page.getByRole("menuitem", { name: "督办记录" }).click();
      await page.getByRole("heading", { name: "督办记录" }).waitFor();
      await page.getByText("没有督办记录").waitFor();
      await page.getByRole("button", { name: "立即执行督办" }).click();
      await page.getByRole("button", { name: /^执\s*行$/ }).click();
      await page.getByText(/新督办 2 项（督办函 2 项），印发文书 1 件/).waitFor();
      await page.getByRole("button", { name: /知\s*道\s*了|OK|确\s*定/ }).click();
      const row = page.locator("tr", { hasText: w.targetA.name });
      await row.getByText("未确认收到").waitFor();
      expect(await row.getByRole("button", { name: /巡办督〔\d{4}〕1号/ }).count()).toBe(1);
      await shot(page, "30-escalations-office");
    });

    const contact = await loginAs(e2e.app, w.accounts.contactA.username);
    const before = (await contact.get("/api/notifications")).json() as { unread: number };
    expect(before.unread).toBe(1);

    await asUser(
      e2e,
      "escalation-contact",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.getByRole("button", { name: "消息通知，1 条未读" }).click();
        await page.getByText(/督办函：.*有 2 项整改事项逾期未完成/).click();
        await page.waitForURL((url) => url.pathname === "/rectification/my-escalations");
        await page.getByRole("heading", { name: "督办函" }).waitFor();
        await page.getByText("有 1 件督办文书尚未确认收到").waitFor();
        await shot(page, "31-escalations-contact-phone");
        await page.getByRole("button", { name: "确认收到" }).click();
        await page.getByRole("button", { name: "确认收到" }).waitFor({ state: "detached" });
        await page.locator(".ant-card .ant-tag", { hasText: "已确认收到" }).waitFor();
        expect(await page.getByRole("button", { name: "消息通知" }).count()).toBe(1);
      },
      { width: 375, height: 812 },
    );

    const office = await loginAs(e2e.app, w.accounts.office.username);
    const unacked = (await office.get("/api/rectification/escalations?acknowledged=false")).json() as {
      items: unknown[];
    };
    expect(unacked.items).toEqual([]);
  });
});
