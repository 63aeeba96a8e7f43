import { measures } from "@xuncha/db";
import { buildAccount, buildFeedback, buildFinding } from "@xuncha/db/testing";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../apps/server/test/world";
import { confirmPop, success, typeDate } from "./antd";
import { asUser, type E2E, login, shot, startE2E } from "./support";

let e2e: E2E;
let w: World;
/** The principal (主要负责人) of target A: a head contact, who confirms a report with their own account. */
let principal: { username: string };
const PASSWORD = "Test@Passw0rd";
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const PHONE = { width: 375, height: 812 };

/** A feedback to target A of two problems, each with one measure drafted by the contact. */
beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  w = await buildWorld(db);
  principal = await buildAccount(db, {
    committeeId: w.committee.id,
    role: "targetContact",
    targetId: w.targetA.id,
    isHead: true,
    name: "甲单位党委书记",
  });
  const base = { committeeId: w.committee.id, roundId: w.round.id, targetId: w.targetA.id };
  const fb = await buildFeedback(db, { ...base, createdBy: w.accounts.office.id });
  for (const [title, content] of [
    ["公务接待超标准问题", "修订公务接待管理办法"],
    ["违规发放津补贴问题", "清退违规发放的津补贴"],
  ] as const) {
    const finding = await buildFinding(db, {
      ...base,
      groupId: w.groupA.id,
      createdBy: w.accounts.memberA.id,
      status: "approved",
      route: "rectify",
      feedbackId: fb.id,
      title,
    });
    await db.insert(measures).values({
      ...base,
      findingId: finding.id,
      content,
      responsiblePerson: "张三",
      deadline: "2027-03-01",
      createdBy: w.accounts.contactA.id,
    });
  }
});
afterAll(() => e2e?.close());

/** The contact signs the plan with the principal's scan and submits it. */
async function signAndSubmit(page: Page) {
  await page
    .getByTestId("sign-off-box")
    .locator("input[type=file]")
    .setInputFiles({ name: "签字页.png", mimeType: "image/png", buffer: PNG });
  await success(page, "签字扫描件已上传");
  await page.getByRole("button", { name: /提交联审/ }).click();
  await confirmPop(page, "提交");
  await success(page, "已提交联审");
}

/** A party opens the plan (or a report) from 整改联审 (its turn first) and passes what it has to review. */
async function review(page: Page, username: string, returnFirst?: string, subject = /整改方案/) {
  await login(e2e, page, username, PASSWORD);
  await page.getByRole("menuitem", { name: "整改联审" }).click();
  await page.getByText("待我审核").first().waitFor();
  await page.getByRole("link", { name: subject }).first().click();
  await page.getByTestId("review-whole").waitFor();
  if (returnFirst) {
    const first = page.getByTestId("review-measure").first();
    await first.getByText("退回", { exact: true }).click();
    await first.getByRole("textbox").fill(returnFirst);
  }
  await page.getByRole("button", { name: /提交.*审核意见/ }).click();
  await confirmPop(page, "提交");
  await success(page, "审核意见已提交");
}

describe("整改方案 through the four-party joint review in the browser", () => {
  it("the contact, on a phone, writes the plan's summary, signs with a scan and submits", async () => {
    await asUser(
      e2e,
      "plan-contact-submits",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.getByRole("button", { name: "编制整改方案" }).click();
        await page.getByTestId("plan-finding").first().waitFor();
        await expect(page.getByTestId("plan-measure").count()).resolves.toBe(2);
        await page.getByLabel("方案概述").fill("成立整改工作领导小组，逐条落实反馈问题。");
        await page.getByRole("button", { name: "保存概述" }).click();
        await success(page, "方案概述已保存");
        await signAndSubmit(page);
        await page.getByText("第 1 版联审中").waitFor();
        await shot(page, "50-plan-submitted-phone");
      },
      PHONE,
    );
  });

  it("the office returns a measure; 纪委、组织部 and the group pass; the plan is returned", async () => {
    await asUser(e2e, "plan-office-returns", (page) =>
      review(page, w.accounts.office.username, "责任人应明确到具体岗位"),
    );
    await asUser(e2e, "plan-discipline-passes", (page) => review(page, w.accounts.discipline.username));
    await asUser(e2e, "plan-organization-passes", (page) => review(page, w.accounts.organization.username));
    await asUser(e2e, "plan-group-passes", async (page) => {
      await review(page, w.accounts.leaderA.username);
      await page.getByText("已退回").first().waitFor();
    });
  });

  it("the contact sees every opinion in one view and next to the measure, revises it and resubmits", async () => {
    await asUser(
      e2e,
      "plan-contact-revises",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page
          .getByRole("link", { name: /整改方案/ })
          .first()
          .click();
        const gathered = page.getByTestId("gathered-opinions");
        await gathered.getByText("责任人应明确到具体岗位").waitFor();
        const measure = page.getByTestId("plan-measure").first();
        await measure.getByText("责任人应明确到具体岗位").waitFor();
        await measure.getByRole("button", { name: /修\s*改/ }).click();
        const drawer = page.locator(".ant-drawer", { hasText: "修改整改措施" });
        await drawer.getByLabel("责任人").fill("办公室主任李四");
        await drawer.getByRole("button", { name: "保存措施" }).click();
        await success(page, "整改措施已修改");
        await signAndSubmit(page);
        await page.getByText("第 2 版联审中").waitFor();
      },
      PHONE,
    );
  });

  it("each party sees only the changed measure, field by field, passes, and the plan passes", async () => {
    await asUser(e2e, "plan-office-diff", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      await page.getByRole("menuitem", { name: "整改联审" }).click();
      await page
        .getByRole("link", { name: /整改方案/ })
        .first()
        .click();
      const changed = page.getByTestId("review-measure").first();
      await changed.getByText("已修改").waitFor();
      await changed.getByText("办公室主任李四").waitFor();
      await expect(changed.locator("del").first().textContent()).resolves.toBe("张三");
      await page.getByText("1 条措施本方已通过且未修改").waitFor();
      await expect(page.getByTestId("review-measure").count()).resolves.toBe(1);
      await shot(page, "51-plan-office-diff");
    });
    for (const who of ["office", "discipline", "organization", "leaderA"] as const) {
      await asUser(e2e, `plan-${who}-passes-v2`, (page) => review(page, w.accounts[who].username));
    }
    await asUser(e2e, "plan-office-counts", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      await page.getByRole("menuitem", { name: "整改联审" }).click();
      const counts = page.getByTestId("review-counts");
      await counts.getByText("审核整改方案").waitFor();
      await expect(counts.textContent()).resolves.toMatch(/审核整改方案2\s*版.*退回1\s*次/);
    });
    await asUser(
      e2e,
      "plan-contact-passed",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.getByText("已通过").first().waitFor();
        await page.getByRole("button", { name: "新建整改进展情况报告" }).waitFor();
        await shot(page, "52-plan-passed-phone");
      },
      PHONE,
    );
  });

  it("the contact reports a measure done with evidence; the office closes it out; the round's rate rises to 50%", async () => {
    await asUser(
      e2e,
      "plan-contact-progress",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.getByRole("tab", { name: "问题整改进展" }).click();
        const problem = page.getByTestId("my-problem").filter({ hasText: "公务接待超标准问题" });
        await problem.getByRole("button", { name: /报告进展/ }).click();
        const progress = page.locator(".ant-drawer", { hasText: "报告整改进展" });
        await progress.getByText("已完成", { exact: true }).click();
        await progress.getByLabel("进展情况").fill("《公务接待管理办法》已修订印发，超标准接待费用已退回。");
        await progress
          .locator("input[type=file]")
          .setInputFiles({ name: "接待办法印发文件.png", mimeType: "image/png", buffer: PNG });
        await progress.getByText("接待办法印发文件.png").waitFor();
        await progress.getByRole("button", { name: "提交进展" }).click();
        await success(page, /进展/);
      },
      PHONE,
    );
    await asUser(e2e, "plan-office-closes", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      await page.goto(`${e2e.baseUrl}/rounds/${w.round.id}`);
      const rate = page.locator(".ant-statistic", { hasText: "整改率" });
      await expect.poll(() => rate.textContent()).toMatch(/(?<![\d.])0\.00%/);
      await page.getByRole("menuitem", { name: /整改台账/ }).click();
      const row = page.locator("tr", { hasText: "公务接待超标准问题" });
      await row.getByText("已报完成待销号").waitFor();
      await row.getByRole("button", { name: "销号", exact: true }).click();
      const dialog = page.locator(".ant-modal", { hasText: "整改销号审核" });
      await dialog.getByText("接待办法印发文件.png").waitFor();
      await page.getByRole("button", { name: /确认销号/ }).click();
      await success(page, /销号/);
      await row.getByText("已销号").waitFor();
      await page.goto(`${e2e.baseUrl}/rounds/${w.round.id}`);
      await expect.poll(() => rate.textContent()).toMatch(/(?<![\d.])50\.00%/);
      await shot(page, "53-plan-round-rate");
    });
  });

  it("a progress report: the principal confirms it with their own account, the contact submits, the four parties pass it", async () => {
    const report = /整改进展情况报告/;
    await asUser(
      e2e,
      "report-contact-drafts",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.getByRole("button", { name: "新建整改进展情况报告" }).click();
        await page.getByLabel("报告正文").fill("整改工作领导小组每周调度，第一个问题已整改销号。");
        await page.getByTestId("report-entry").first().getByRole("textbox").fill("新办法已印发执行");
        await page.getByRole("button", { name: "保存报告" }).click();
        await success(page, "报告已保存");
        await page.getByText("尚未签字背书").waitFor();
        await expect(page.getByRole("button", { name: /提交联审/ }).isDisabled()).resolves.toBe(true);
      },
      PHONE,
    );
    await asUser(e2e, "report-principal-confirms", async (page) => {
      await login(e2e, page, principal.username, PASSWORD);
      await page.getByRole("link", { name: report }).first().click();
      await page.getByRole("button", { name: "本人确认签字背书" }).click();
      await confirmPop(page, "确认签字");
      await success(page, "已确认签字背书");
      await page.getByText("主要负责人甲单位党委书记已本人确认").waitFor();
    });
    await asUser(
      e2e,
      "report-contact-submits",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.getByRole("link", { name: report }).first().click();
        await page.getByText("主要负责人甲单位党委书记已本人确认").waitFor();
        await page.getByRole("button", { name: /提交联审/ }).click();
        await confirmPop(page, "提交");
        await success(page, "已提交联审");
      },
      PHONE,
    );
    for (const who of ["office", "discipline", "organization", "leaderA"] as const) {
      await asUser(e2e, `report-${who}-passes`, (page) =>
        review(page, w.accounts[who].username, undefined, report),
      );
    }
    await asUser(e2e, "report-office-counts", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      await page.getByRole("menuitem", { name: "整改联审" }).click();
      const counts = page.getByTestId("review-counts");
      await expect.poll(() => counts.textContent()).toMatch(/审核整改报告1\s*版/);
    });
    await asUser(
      e2e,
      "report-contact-passed",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.locator(".ant-list-item", { hasText: report }).getByText("已通过").waitFor();
      },
      PHONE,
    );
  });

  it("the office extends the other measure's deadline with a reason; the contact sees the new one and the original", async () => {
    await asUser(e2e, "extend-office", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      await page.getByRole("menuitem", { name: /整改台账/ }).click();
      const row = page.locator("tr", { hasText: "违规发放津补贴问题" });
      await row.getByRole("button", { name: /展开/ }).click();
      const detail = page.locator(".ant-table-expanded-row").filter({ hasText: "清退违规发放的津补贴" });
      await detail.getByRole("button", { name: /^延\s*期$/ }).click();
      const modal = page.locator(".ant-modal", { hasText: "延长整改时限" });
      await modal.getByText("现时限 2027-03-01").waitFor();
      await typeDate(modal.getByLabel("新的整改时限"), "2027-06-30");
      await modal.getByLabel("延期理由").fill("涉及资金清退，需协调财政部门");
      await modal.getByRole("button", { name: /确认延期/ }).click();
      await success(page, "整改时限已延至 2027-06-30");
      await detail.getByText("2027-06-30（已延期 1 次，原时限 2027-03-01）").waitFor();
      await detail.getByText("延期：2027-03-01 → 2027-06-30（涉及资金清退，需协调财政部门）").waitFor();
      await shot(page, "55-office-extends-deadline");
    });
    await asUser(
      e2e,
      "extend-contact-sees",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.getByRole("tab", { name: "问题整改进展" }).click();
        const problem = page.getByTestId("my-problem").filter({ hasText: "违规发放津补贴问题" });
        await problem.getByText("2027-06-30（已延期 1 次，原时限 2027-03-01）").waitFor();
        await expect(problem.getByRole("button", { name: /^延\s*期$/ }).count()).resolves.toBe(0);
      },
      PHONE,
    );
  });
});
