import {
  buildAccount,
  buildCommittee,
  buildGroup,
  buildPerson,
  buildRound,
  buildTarget,
  TEST_PASSWORD,
} from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, success } from "./antd";
import { asUser, type E2E, login, shot, startE2E } from "./support";

// Tips are sealed under the installation's tip key: a fixed one here, no key file in the data directory.
process.env.XUNCHA_TIP_KEY ??= "3c".repeat(32);

/** A 1×1 PNG: the photo the phone attaches. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const PHONE = { width: 375, height: 667 };
const TARGET = "石门县住建局党组";
const TEXT = "住建局某科长在老旧小区改造工程验收中收受施工方购物卡，2026年3月。";
const ANSWER = "经核查，反映的问题基本属实，已责令退还并作出处理。";

let e2e: E2E;
let roundId = "";
let leader = "";

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const c = (await buildCommittee(db, { name: "石门县委" })).id;
  const target = await buildTarget(db, { committeeId: c, name: TARGET });
  const round = await buildRound(db, {
    committeeId: c,
    stage: "fieldwork",
    startsOn: "2026-03-01",
    endsOn: "2026-12-31",
  });
  roundId = round.id;
  const account = await buildAccount(db, { committeeId: c, name: "张组长" });
  leader = account.username;
  const person = await buildPerson(db, { committeeId: c, accountId: account.id, pool: "leader" });
  await buildGroup(db, {
    committeeId: c,
    roundId,
    members: [{ personId: person.id, role: "leader" }],
    targetIds: [target.id],
  });
}, 300_000);

afterAll(() => e2e?.close());

describe("码上巡察 in the browser", () => {
  it("a phone submits an anonymous tip with a photo, the group hands it over and records the answer, the phone reads it with the receipt", async () => {
    let receipt = "";
    await asUser(
      e2e,
      "tip-submit",
      async (page) => {
        await page.goto(`${e2e.baseUrl}/t/${roundId}`);
        await choose(page, page.getByLabel("反映哪个单位"), TARGET);
        await page.getByText("廉洁纪律", { exact: true }).click();
        await page.getByLabel("反映的问题").fill(TEXT);
        await page.getByRole("button", { name: "下一步" }).click();
        await page
          .getByLabel("添加附件")
          .setInputFiles({ name: "现场.png", mimeType: "image/png", buffer: PNG });
        await expect.poll(() => page.getByText("现场.png").count()).toBe(1);
        await page.getByRole("button", { name: /^提\s*交$/ }).click();
        const shown = page.getByTestId("receipt");
        await shown.waitFor({ timeout: 20_000 });
        receipt = ((await shown.textContent()) ?? "").trim();
        expect(receipt).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
        // Nothing overflows the phone's width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );
        await shot(page, "tips-receipt-phone");
      },
      PHONE,
    );

    await asUser(e2e, "tip-handle", async (page) => {
      await login(e2e, page, leader, TEST_PASSWORD);
      await page.goto(`${e2e.baseUrl}/tips`);
      await page.getByRole("button", { name: "查看" }).first().click();
      const drawer = page.locator(".ant-drawer");
      await expect.poll(() => drawer.getByTestId("tip-text").textContent()).toBe(TEXT);
      await expect.poll(() => drawer.getByRole("link", { name: "现场.png" }).count()).toBe(1);
      await choose(page, drawer.getByLabel("交办单位"), TARGET);
      await drawer.getByLabel("办理期限").fill("2026-12-20");
      await drawer.getByLabel("给举报人的答复（凭查询码可见）").fill("已交有关党组织核查办理。");
      await drawer.getByRole("button", { name: "保存处理决定" }).click();
      await success(page, "已保存处理决定");
      await drawer.getByLabel("办理答复").fill("经核查属实，已责令该科长退还购物卡，给予诫勉处理。");
      await drawer.getByLabel("给举报人的答复（凭查询码可见）").fill(ANSWER);
      await drawer.getByRole("button", { name: "登记答复" }).click();
      await success(page, "已登记办理答复");
      await shot(page, "tips-handled");
    });

    await asUser(
      e2e,
      "tip-follow-up",
      async (page) => {
        await page.goto(`${e2e.baseUrl}/t/receipt`);
        await page.getByLabel("查询码").fill(receipt);
        await page.getByRole("button", { name: /^查\s*询$/ }).click();
        await expect.poll(() => page.getByTestId("tip-answer").textContent()).toBe(ANSWER);
        expect(await page.getByTestId("tip-status-text").textContent()).toContain("已由有关党组织办理完毕");
        await shot(page, "tips-answer-phone");
      },
      PHONE,
    );
  }, 120_000);
});
