import { measures, reviewSubjects, reviewVersions } from "@xuncha/db";
import { buildFeedback, buildFinding } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, type World } from "../apps/server/test/world";
import { choose, success } from "./antd";
import { asUser, type E2E, login, shot, startE2E } from "./support";

let e2e: E2E;
let w: World;
const PASSWORD = "Test@Passw0rd";

/** Target A's final report, passed by the joint review: two problems, one of them under investigation. */
beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  w = await buildWorld(db);
  const base = { committeeId: w.committee.id, roundId: w.round.id, targetId: w.targetA.id };
  const fb = await buildFeedback(db, { ...base, createdBy: w.accounts.office.id });
  const finding = (title: string) =>
    buildFinding(db, {
      ...base,
      groupId: w.groupA.id,
      createdBy: w.accounts.memberA.id,
      status: "approved",
      route: "rectify",
      feedbackId: fb.id,
      title,
    });
  const shown = await finding("公务接待超标准问题");
  const secret = await finding("违规发放津补贴问题");
  const [m1, m2] = await db
    .insert(measures)
    .values(
      [
        [shown.id, "修订公务接待管理办法"],
        [secret.id, "追缴张某某违规发放的津补贴"],
      ].map(([findingId, content]) => ({
        ...base,
        findingId: findingId!,
        content: content!,
        responsiblePerson: "张三",
        deadline: "2027-03-01",
        createdBy: w.accounts.contactA.id,
      })),
    )
    .returning();
  const [subject] = await db
    .insert(reviewSubjects)
    .values({
      ...base,
      feedbackId: fb.id,
      kind: "finalReport",
      title: "整改情况报告",
      status: "passed",
      passedAt: new Date(),
      createdBy: w.accounts.contactA.id,
    })
    .returning();
  await db.insert(reviewVersions).values({
    subjectId: subject!.id,
    number: 1,
    parties: ["office", "disciplineCommission"],
    content: {
      whole: { text: "我单位党委高度重视巡察反馈问题，逐项制定整改措施。" },
      measures: [
        { id: m1!.id, fields: { progress: "已印发新办法", completion: "done" } },
        { id: m2!.id, fields: { progress: "已立案审查", completion: "unfinished" } },
      ],
    },
    signOffKind: "account",
    submittedBy: w.accounts.contactA.id,
  });
});
afterAll(() => e2e?.close());

describe("整改成效: revisits, evaluation and a disclosure from draft to publication", () => {
  it("the office plans revisits, scores the target and drafts a disclosure withholding a problem under investigation", async () => {
    await asUser(e2e, "follow-up-office", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      // 回头看 on the round's page: nothing carried over into the first round
      await page.goto(`${e2e.baseUrl}/rounds/${w.round.id}`);
      await page.getByText("回头看：以往巡察未完成整改的问题（0 个）").waitFor();
      await page.getByText("没有需要回头看的问题").waitFor();

      // the committee's settings: revisits and evaluation criteria, on the 整改督办 tab
      await page.goto(`${e2e.baseUrl}/settings`);
      await page.getByRole("tab", { name: "整改督办" }).click();
      await page.getByLabel("每个单位至少回访").waitFor();
      expect(await page.getByLabel("每个单位至少回访").inputValue()).toBe("3");
      expect(await page.getByLabel("评估项目5", { exact: true }).inputValue()).toBe("群众满意度");

      await page.getByRole("menuitem", { name: "整改成效" }).click();
      await page.getByRole("heading", { name: "整改成效" }).waitFor();

      // 回访督查: plan the default three
      await page.getByRole("button", { name: "计划回访督查" }).click();
      const plan = page.getByRole("dialog", { name: "计划回访督查" });
      await choose(page, plan.getByLabel("巡察轮次"), /第一轮巡察/);
      await choose(page, plan.getByLabel("被巡察单位"), w.targetA.name);
      await plan.getByRole("button", { name: /计\s*划/ }).click();
      await success(page, "已计划 3 次回访督查");
      await page.getByText("共 3 次回访督查").waitFor();
      expect(await page.locator("tr", { hasText: "第3次" }).count()).toBe(1);
      await shot(page, "39-revisits");

      // 成效评估
      await page.getByRole("tab", { name: "成效评估" }).click();
      const row = page.locator("tr", { hasText: w.targetA.name });
      await row.getByRole("button", { name: "评分" }).click();
      const score = page.getByRole("dialog", { name: `整改成效评估：${w.targetA.name}` });
      for (const [label, value] of [
        ["整改责任落实", "95"],
        ["整改措施", "90"],
        ["整改成效", "88"],
        ["建章立制", "80"],
        ["群众满意度", "92"],
      ]) {
        await score.getByLabel(new RegExp(`^${label}`)).fill(value!);
      }
      await score.getByText("加权总分：89.2 分").waitFor();
      await score.getByRole("button", { name: "保存评分" }).click();
      await success(page, "已评定：89.2 分，较好");
      await row.getByText("较好").waitFor();

      // 整改公开: draft, withhold the problem under investigation, submit
      await page.getByRole("tab", { name: "整改公开" }).click();
      await page.getByRole("button", { name: "起草整改公开" }).click();
      const draft = page.getByRole("dialog", { name: "起草整改公开" });
      await choose(page, draft.getByLabel("巡察轮次"), /第一轮巡察/);
      await choose(page, draft.getByLabel("被巡察单位"), w.targetA.name);
      await draft.getByRole("button", { name: /起\s*草/ }).click();
      await success(page, "已根据整改情况报告起草整改公开");
      const drawer = page.locator(".ant-drawer");
      await drawer.getByText("违规发放津补贴问题").first().waitFor();
      const secretRow = drawer.locator("tr", { hasText: "违规发放津补贴问题" });
      await choose(page, secretRow.getByLabel(/是否公开/), "不公开");
      await choose(page, secretRow.getByLabel(/不公开理由/), "正在查处的案件");
      await drawer.getByLabel("结尾").fill("欢迎广大干部群众对巡察整改落实情况进行监督。");
      await drawer.getByRole("button", { name: /保\s*存/ }).click();
      await success(page, "已保存");
      const preview = drawer.locator(".ant-typography", { hasText: "我单位党委高度重视" });
      await expect.poll(async () => preview.textContent()).not.toContain("违规发放津补贴问题");
      expect(await preview.textContent()).toMatch(
        /挽回经济损失.*\n欢迎广大干部群众对巡察整改落实情况进行监督。$/s,
      );
      await shot(page, "40-disclosure-draft");
      await drawer.getByRole("button", { name: "报送审批" }).click();
      await page.getByRole("button", { name: /^报\s*送$/ }).click();
      await success(page, "已报送领导小组审批");
    });
  });

  it("the leading group approves; the office publishes; the contact reads the published text without the withheld problem", async () => {
    await asUser(e2e, "follow-up-leadership", async (page) => {
      await login(e2e, page, w.accounts.leadership.username, PASSWORD);
      await page.getByRole("menuitem", { name: "整改成效" }).click();
      await page.getByRole("tab", { name: "整改公开" }).click();
      await page.getByRole("button", { name: new RegExp(w.targetA.name) }).click();
      await page
        .locator(".ant-drawer")
        .getByRole("button", { name: /^批\s*准$/ })
        .click();
      await page
        .locator(".ant-modal-confirm")
        .getByRole("button", { name: /^批\s*准$/ })
        .click();
      await success(page, "已批准");
    });
    await asUser(e2e, "follow-up-publish", async (page) => {
      await login(e2e, page, w.accounts.office.username, PASSWORD);
      await page.goto(`${e2e.baseUrl}/rectification/follow-up?tab=disclosures`);
      await page.getByRole("button", { name: new RegExp(w.targetA.name) }).click();
      await page
        .locator(".ant-drawer")
        .getByRole("button", { name: /^发\s*布$/ })
        .click();
      await page
        .locator(".ant-modal-confirm")
        .getByRole("button", { name: /^发\s*布$/ })
        .click();
      await success(page, "已发布");
      await page.locator(".ant-drawer").getByText("已发布：公开文本已存档").waitFor();
    });
    await asUser(
      e2e,
      "follow-up-contact",
      async (page) => {
        await login(e2e, page, w.accounts.contactA.username, PASSWORD);
        await page.goto(`${e2e.baseUrl}/rectification/follow-up`);
        await page.getByRole("heading", { name: "回访督查与整改公开" }).waitFor();
        await page.getByText("共 3 次回访督查").waitFor();
        await page.getByRole("tab", { name: "整改公开" }).click();
        await page.getByRole("button", { name: new RegExp(w.targetA.name) }).click();
        const drawer = page.locator(".ant-drawer");
        await drawer.getByText(/公务接待超标准问题/).waitFor();
        expect(await drawer.getByText(/违规发放津补贴问题/).count()).toBe(0);
        await drawer.getByRole("button", { name: "下载公开文本" }).waitFor();
        await shot(page, "41-disclosure-contact-phone");
      },
      { width: 375, height: 740 },
    );
  });
});
