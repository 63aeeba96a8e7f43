import { eq, findings, rounds, tips } from "@xuncha/db";
import {
  buildAccount,
  buildCommittee,
  buildGroup,
  buildPerson,
  buildRound,
  buildTarget,
  TEST_PASSWORD,
} from "@xuncha/db/testing";
import type { Page } from "playwright-core";
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
const OTHER_TARGET = "石门县教育局党组";
const TEXT_2 = "住建局老旧小区改造工程款拨付不按合同进度，施工方多次反映，2026年4月。";

let e2e: E2E;
let roundId = "";
let leader = "";
let office = "";
/** The group's findings (第1、2号) and the other group's (第3号), by number. */
const findingIds: Record<number, string> = {};

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
  const group = await buildGroup(db, {
    committeeId: c,
    roundId,
    members: [{ personId: person.id, role: "leader" }],
    targetIds: [target.id],
  });
  office = (await buildAccount(db, { committeeId: c, role: "officeStaff", name: "巡察办李干事" })).username;
  const otherTarget = await buildTarget(db, { committeeId: c, name: OTHER_TARGET });
  const otherGroup = await buildGroup(db, {
    committeeId: c,
    roundId,
    number: 2,
    targetIds: [otherTarget.id],
  });
  const finding = (number: number, groupId: string, targetId: string, title: string) => ({
    committeeId: c,
    roundId,
    groupId,
    targetId,
    number,
    title,
    description: title,
    scheme: "sixDisciplines",
    category: "sixDisciplines.3",
    createdBy: account.id,
  });
  const inserted = await db
    .insert(findings)
    .values([
      finding(1, group.id, target.id, "老旧小区改造验收收受施工方购物卡"),
      finding(2, group.id, target.id, "工程款拨付不按合同进度"),
      finding(3, otherGroup.id, otherTarget.id, "违规发放津贴补贴"),
    ])
    .returning({ id: findings.id, number: findings.number });
  for (const f of inserted) findingIds[f.number] = f.id;
  await db.update(rounds).set({ nextFindingNumber: 4 }).where(eq(rounds.id, roundId));
}, 300_000);

/** A phone submits an anonymous tip about TARGET (no attachment) and gets its receipt. */
async function submitTip(page: Page, text: string) {
  await page.goto(`${e2e.baseUrl}/t/${roundId}`);
  await choose(page, page.getByLabel("反映哪个单位"), TARGET);
  await page.getByText("廉洁纪律", { exact: true }).click();
  await page.getByLabel("反映的问题").fill(text);
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByRole("button", { name: /^提\s*交$/ }).click();
  await page.getByTestId("receipt").waitFor({ timeout: 20_000 });
}

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

  it("the office sets the attachment limits on the settings page, within the schema's bounds, and the public page takes them", async () => {
    await asUser(e2e, "tip-settings", async (page) => {
      await login(e2e, page, office, TEST_PASSWORD);
      await page.goto(`${e2e.baseUrl}/settings`);
      await page.getByRole("tab", { name: "信访举报" }).click();
      const card = page.locator(".ant-card", { hasText: "信访举报设置" });
      const count = card.getByLabel("每次提交的附件数量上限");
      await expect.poll(() => count.inputValue()).toBe("9");
      const save = card.getByRole("button", { name: /^保\s*存$/ });
      await count.fill("21");
      await card.getByText("每次提交的附件数量上限须在 0 至 20 个之间").waitFor();
      expect(await save.isDisabled()).toBe(true);
      await count.fill("3");
      await card.getByLabel("单个附件大小上限").fill("30");
      await card.getByText("单个附件上限超过系统默认上传上限（20 MB）", { exact: false }).waitFor();
      await card.getByLabel("单个附件大小上限").fill("10");
      expect(await card.locator(".ant-alert-warning").count()).toBe(0);
      await save.click();
      await success(page, "信访举报设置已保存");
      await card.getByText("本级设置").waitFor();
      await shot(page, "tips-settings");
      const shown = await page.request.get(`${e2e.baseUrl}/api/public/tips/rounds/${roundId}`);
      expect((await shown.json()).limits).toEqual({ maxFiles: 3, maxFileMb: 10, maxTotalMb: 60 });
    });
  }, 120_000);

  it("the group uses a tip, linking it to one of its findings found by number or title, never by id", async () => {
    await asUser(e2e, "tip-submit-2", (page) => submitTip(page, TEXT_2), PHONE);

    await asUser(e2e, "tip-use", async (page) => {
      await login(e2e, page, leader, TEST_PASSWORD);
      await page.goto(`${e2e.baseUrl}/tips`);
      await page.getByRole("row").filter({ hasText: "待处理" }).getByRole("button", { name: "查看" }).click();
      const drawer = page.locator(".ant-drawer");
      await expect.poll(() => drawer.getByTestId("tip-text").textContent()).toBe(TEXT_2);
      await drawer.getByText("采用（作为问题线索或问题）").click();
      const picker = drawer.getByLabel("关联问题（选填）");
      await picker.click();
      const listId = await picker.getAttribute("aria-controls");
      const options = page.locator(`.ant-select-dropdown:has([id="${listId}"]) .ant-select-item-option`);
      // The group's own findings of this round, by number and title; not the other group's.
      await expect
        .poll(() => options.allTextContents())
        .toEqual([
          expect.stringContaining("第 1 号 老旧小区改造验收收受施工方购物卡"),
          expect.stringContaining("第 2 号 工程款拨付不按合同进度"),
        ]);
      expect((await options.first().textContent()) ?? "").toContain(TARGET);
      await page.keyboard.type("第2号");
      await expect.poll(() => options.count()).toBe(1);
      await page.keyboard.press("Control+A");
      await page.keyboard.type("拨付");
      await expect
        .poll(() => options.allTextContents())
        .toEqual([expect.stringContaining("第 2 号 工程款拨付不按合同进度")]);
      await options.first().click();
      await expect
        .poll(() =>
          picker
            .locator(
              "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
            )
            .textContent(),
        )
        .toContain("第 2 号 工程款拨付不按合同进度");
      await drawer.getByRole("button", { name: "保存处理决定" }).click();
      await success(page, "已保存处理决定");
      const linked = drawer.getByRole("link", { name: "第 2 号 工程款拨付不按合同进度（石门县住建局党组）" });
      await linked.waitFor();
      expect(await linked.getAttribute("href")).toBe(`/findings?roundId=${roundId}&open=${findingIds[2]}`);
      await shot(page, "tips-used-with-finding");
    });

    const [used] = await e2e.database.db
      .select({ status: tips.status, findingId: tips.findingId })
      .from(tips)
      .where(eq(tips.findingId, findingIds[2]!));
    expect(used).toEqual({ status: "used", findingId: findingIds[2] });
  }, 120_000);
});
