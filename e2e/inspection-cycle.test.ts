import { buildAccount, buildCommittee, buildPerson, buildTarget, TEST_PASSWORD } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, pickToday, success, typeDate } from "./antd";
import { type E2E, login, asUser as runAsUser, shot, startE2E } from "./support";

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

let e2e: E2E;
const users: Record<string, string> = {};
let targetName = "";

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const committee = await buildCommittee(db, { name: "青山县委" });
  const c = committee.id;
  const target = await buildTarget(db, { committeeId: c, name: "青山县住建局党组" });
  targetName = target.name;
  const account = async (
    key: string,
    name: string,
    role?: string,
    extra: { targetId?: string; isHead?: boolean } = {},
  ) => {
    const a = await buildAccount(db, { committeeId: c, name, ...(role ? { role } : {}), ...extra });
    users[key] = a.username;
    return a;
  };
  await account("office", "周文静", "officeStaff", { isHead: true });
  await account("leadership", "王建国", "leadership");
  await account("contact", "赵磊", "targetContact", { targetId: target.id });
  const leader = await account("leader", "李志强");
  const member = await account("member", "陈晓燕");
  await buildPerson(db, { committeeId: c, name: "李志强", pool: "leader", accountId: leader.id });
  await buildPerson(db, { committeeId: c, name: "陈晓燕", pool: "talent", accountId: member.id });
});
afterAll(() => e2e?.close());

const asUser = (
  name: string,
  steps: (page: import("playwright-core").Page) => Promise<void>,
  viewport?: { width: number; height: number },
) => runAsUser(e2e, name, steps, viewport);

/** Signs the open finding's workpaper as the logged-in inspector. */
async function signWorkpaper(page: import("playwright-core").Page) {
  await page.getByRole("button", { name: "签名确认", exact: true }).click();
  await page
    .locator(".ant-modal")
    .getByRole("button", { name: /^签\s*名$/ })
    .click();
  await success(page, "已签名");
}

describe("one round of inspection in the browser", () => {
  it("the office plans a round, forms a group and assigns it a target", async () => {
    await asUser("office-plans", async (page) => {
      await login(e2e, page, users.office!, TEST_PASSWORD);
      await page.getByRole("menuitem", { name: /巡察轮次/ }).click();
      await page.getByRole("button", { name: /新建/ }).first().click();
      const drawer = page.locator(".ant-drawer", { hasText: "新建巡察轮次" });
      await drawer.getByRole("button", { name: /新建届次/ }).click();
      const modal = page.locator(".ant-modal", { hasText: "新建届次" });
      await modal.getByLabel("届次名称").fill("十四届县委");
      await typeDate(modal.getByLabel("开始日期"), "2022-01-01");
      await typeDate(modal.getByLabel("结束日期"), "2026-12-31");
      await modal.getByRole("button", { name: /创\s*建/ }).click();
      await typeDate(drawer.getByLabel("开始日期"), "2026-09-01");
      await typeDate(drawer.getByLabel("结束日期"), "2026-10-15");
      await shot(page, "01-office-new-round");
      await drawer.getByRole("button", { name: /创\s*建/ }).click();
      await success(page, "十四届县委第一轮巡察");
      await page.getByRole("link", { name: "十四届县委第一轮巡察" }).click();
      await page.getByRole("button", { name: /组建巡察组/ }).click();
      const groupModal = page.locator(".ant-modal", { hasText: "组建巡察组" });
      await choose(page, groupModal.getByLabel("组长", { exact: true }), "李志强");
      await choose(page, groupModal.getByLabel("组员", { exact: true }), "陈晓燕");
      await page.keyboard.press("Escape");
      await groupModal.getByRole("button", { name: /组\s*建/ }).click();
      await page.getByText("第一巡察组").first().waitFor();
      await page
        .getByRole("button", { name: /分配对象/ })
        .first()
        .click();
      const assign = page.locator(".ant-modal", { hasText: "巡察对象" });
      await choose(page, assign.getByLabel("巡察对象"), targetName);
      await page.keyboard.press("Escape");
      await assign.getByRole("button", { name: /分\s*配/ }).click();
      await page.getByText(targetName).first().waitFor();
      // A member opens the group's records only once both pledges of the round are on record.
      const pledges = page.locator(".ant-card", { hasText: "承诺书签订" });
      for (const name of ["李志强", "陈晓燕"]) {
        for (const [column, kind] of [
          [2, "保密承诺书"],
          [3, "廉洁履职承诺书"],
        ] as const) {
          await pledges
            .locator("tr", { hasText: name })
            .locator("td")
            .nth(column)
            .getByRole("button", { name: /^登\s*记$/ })
            .click();
          const record = page.locator(".ant-modal", { hasText: `登记${name}的${kind}` });
          await typeDate(record.getByLabel("签订日期"), "2026-08-25");
          await record.getByRole("button", { name: /^登\s*记$/ }).click();
          await success(page, `已登记${name}的${kind}`);
        }
      }
      await pledges.getByText("全部签齐").waitFor();
      await shot(page, "02-office-round-with-group");
    });
  });

  it("a member records a finding with evidence; the group leader approves it", async () => {
    await asUser("member-records", async (page) => {
      await login(e2e, page, users.member!, TEST_PASSWORD);
      await page.getByRole("menuitem", { name: /巡察发现问题/ }).click();
      await page.getByRole("button", { name: /登记问题/ }).click();
      await choose(page, page.getByLabel("被巡察对象"), targetName);
      await page.getByLabel("问题标题").fill("违规发放津补贴");
      // Searched rather than hovered: the menu expands on hover, so a pointer passing over it moves it.
      await page.getByLabel("问题类别").fill("廉洁纪律");
      await page.locator(".ant-cascader-menu-item", { hasText: /六大纪律.*廉洁纪律/ }).click();
      await page.getByText("较重", { exact: true }).click();
      await page.getByLabel("问题描述").fill("2025年以加班费名义向班子成员发放津补贴12万元，无审批依据。");
      await page
        .locator("input[type=file]")
        .setInputFiles({ name: "现场照片.png", mimeType: "image/png", buffer: PNG });
      await page.getByText("现场照片.png").waitFor();
      await shot(page, "03-member-new-finding");
      await page.getByRole("button", { name: /提\s*交/ }).click();
      await success(page, /已登记|提交/);
      // The new finding opens in its drawer. Its workpaper needs two inspectors' signatures, a
      // review, then the leader's approval.
      await page.locator(".ant-drawer-title", { hasText: /问题 \d+：违规发放津补贴/ }).waitFor();
      await signWorkpaper(page);
    });
    await asUser("leader-approves", async (page) => {
      await login(e2e, page, users.leader!, TEST_PASSWORD);
      await page.getByRole("menuitem", { name: /巡察发现问题/ }).click();
      await page.getByRole("button", { name: "违规发放津补贴" }).click();
      await signWorkpaper(page);
      await page.getByRole("button", { name: "审核通过", exact: true }).click();
      await page.locator(".ant-modal").getByRole("button", { name: "审核通过", exact: true }).click();
      await success(page, "已审核通过");
      await page.getByRole("button", { name: "审批通过", exact: true }).click();
      await success(page, "已审批通过");
      await shot(page, "04-leader-approved");
    });
  });

  it("the leading group decides the route: rectification by the target", async () => {
    await asUser("leadership-decides", async (page) => {
      await login(e2e, page, users.leadership!, TEST_PASSWORD);
      await page.getByRole("menuitem", { name: /巡察发现问题/ }).click();
      await page.getByRole("button", { name: "违规发放津补贴" }).click();
      await page.getByLabel("交被巡察单位整改").check();
      await page.getByRole("button", { name: /作出决定/ }).click();
      await page.getByRole("button", { name: /确认决定/ }).click();
      await success(page, "处置决定已记录");
      await shot(page, "05-leadership-decided");
    });
  });

  it("the office gives feedback to the target", async () => {
    await asUser("office-feedback", async (page) => {
      await login(e2e, page, users.office!, TEST_PASSWORD);
      await page.getByRole("menuitem", { name: /巡察反馈/ }).click();
      await choose(page, page.getByLabel("巡察轮次"), "十四届县委第一轮巡察");
      await page.getByRole("button", { name: /登记反馈/ }).click();
      const drawer = page.locator(".ant-drawer", { hasText: "登记巡察反馈" });
      await choose(page, drawer.getByLabel("被巡察对象"), targetName);
      await drawer.getByLabel("整改要求").fill("请于一个月内报送整改方案，两个月内报送整改情况报告。");
      await drawer.getByRole("button", { name: "确认反馈" }).click();
      await success(page, /反馈/);
      await shot(page, "06-office-feedback");
    });
  });

  it("the target's contact, on a phone, adds a measure and reports it done with evidence", async () => {
    await asUser(
      "contact-rectifies",
      async (page) => {
        await login(e2e, page, users.contact!, TEST_PASSWORD);
        // 我的整改 opens on the plans and reports; the problems' progress is the second tab.
        await page.getByRole("tab", { name: "问题整改进展" }).click();
        await page.getByText("违规发放津补贴").first().waitFor();
        await page.getByRole("button", { name: /添加整改措施/ }).click();
        const measure = page.locator(".ant-drawer", { hasText: "添加整改措施" });
        await measure.getByLabel("整改措施", { exact: true }).fill("清退违规发放的津补贴，修订加班管理制度");
        await measure.getByLabel("责任人").fill("张三");
        await pickToday(page, measure.getByLabel("整改时限"));
        await measure.getByRole("button", { name: "保存措施" }).click();
        await success(page, /措施/);
        await page.getByRole("button", { name: /报告进展/ }).click();
        const progress = page.locator(".ant-drawer", { hasText: "报告整改进展" });
        await progress.getByText("已完成", { exact: true }).click();
        await progress.getByLabel("进展情况").fill("违规发放的津补贴已全部清退，《加班管理办法》已印发。");
        await progress
          .locator("input[type=file]")
          .setInputFiles({ name: "退款凭证.png", mimeType: "image/png", buffer: PNG });
        await progress.getByText("退款凭证.png").waitFor();
        await progress.getByRole("button", { name: "提交进展" }).click();
        await success(page, /进展/);
        // Outcomes (成效): a rule made and the money recovered, summed in the office's ledger.
        await page.getByRole("button", { name: "记录成效" }).click();
        const outcomes = page.locator(".ant-drawer", { hasText: "记录整改成效" });
        await outcomes.getByRole("combobox", { name: "建章立制" }).fill("《加班管理办法》");
        await outcomes.getByRole("combobox", { name: "建章立制" }).press("Enter");
        await outcomes.getByLabel("挽回经济损失（万元）").fill("8");
        await outcomes.getByRole("button", { name: "保存成效" }).click();
        await success(page, /成效/);
        await shot(page, "07-contact-phone-reported");
      },
      { width: 375, height: 812 },
    );
  });

  it("the office closes the item out and the round shows the rectification rate", async () => {
    await asUser("office-closes", async (page) => {
      await login(e2e, page, users.office!, TEST_PASSWORD);
      await page.getByRole("menuitem", { name: /整改台账/ }).click();
      // The rates per target show the target with its formula; the ledger its sums.
      await page
        .getByText(/建章立制 1 项 · 挽回经济损失 8\.00 万元/)
        .first()
        .waitFor();
      await page.getByRole("button", { name: "销号", exact: true }).click();
      // The office checks the evidence in the dialog: the contact's file, the parties to approve.
      const dialog = page.locator(".ant-modal", { hasText: "整改销号审核" });
      await dialog.getByText("退款凭证.png").waitFor();
      await dialog.getByText("待审核").waitFor();
      await shot(page, "08a-office-close-out");
      await page.getByRole("button", { name: /确认销号/ }).click();
      await success(page, /销号/);
      await page.getByRole("menuitem", { name: /巡察轮次/ }).click();
      await page.getByRole("link", { name: "十四届县委第一轮巡察" }).click();
      const rate = page.locator(".ant-statistic", { hasText: "整改率" });
      await expect.poll(() => rate.textContent()).toContain("100.00%");
      await shot(page, "08-office-round-rate");
    });
  });
});
