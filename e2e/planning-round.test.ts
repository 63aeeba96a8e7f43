import { readFileSync } from "node:fs";
import { and, eq, groups, groupTargets, personJobs, terms } from "@xuncha/db";
import {
  buildAccount,
  buildCommittee,
  buildGroup,
  buildPerson,
  buildRound,
  buildTarget,
  TEST_PASSWORD,
} from "@xuncha/db/testing";
import { docxParagraphs, readZipText } from "@xuncha/domain";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, success } from "./antd";
import { asUser, type E2E, login, shot, startE2E } from "./support";

/**
 * Issue 3 in the browser: the office plans the next round from the coverage view, forms a group
 * and fills it by random draw, is refused a target the leader must recuse from, and downloads the
 * authorization decision. One user, one page load: the steps share a page.
 */
let e2e: E2E;
let office = "";
let roundId = "";
const T = {
  education: "石门县教育局党组",
  health: "石门县卫健局党组",
  transport: "石门县交通运输局党组",
  water: "石门县水利局党组",
};
const ROUND = "十四届县委第二轮巡察";
const TALENT = ["陈晓燕", "刘洋", "王芳"];

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const c = (await buildCommittee(db, { name: "石门县委" })).id;
  const target = (name: string) => buildTarget(db, { committeeId: c, name });
  const [, , transport, water] = await Promise.all([
    target(T.education),
    target(T.health),
    target(T.transport),
    target(T.water),
  ]);
  office = (await buildAccount(db, { committeeId: c, name: "周文静", role: "officeStaff", isHead: true }))
    .username;
  const [term] = await db
    .insert(terms)
    .values({
      committeeId: c,
      name: "十四届县委",
      startsOn: "2022-01-01",
      endsOn: "2027-12-31",
      plannedRounds: 3,
    })
    .returning();
  // Round 1 is over (it covered the water bureau); round 2 is being prepared; round 3 is only planned.
  const first = await buildRound(db, {
    committeeId: c,
    termId: term!.id,
    number: 1,
    stage: "rectification",
    status: "closed",
    startsOn: "2025-03-03",
    endsOn: "2025-04-30",
  });
  await buildGroup(db, { committeeId: c, roundId: first.id, targetIds: [water.id] });
  roundId = (
    await buildRound(db, {
      committeeId: c,
      termId: term!.id,
      number: 2,
      stage: "preparation",
      startsOn: "2026-12-07",
      endsOn: "2027-01-29",
    })
  ).id;
  const leader = await buildPerson(db, {
    committeeId: c,
    name: "李志强",
    pool: "leader",
    unit: "县纪委监委",
    post: "副书记",
  });
  await buildPerson(db, { committeeId: c, name: "张卫东", pool: "leader", unit: "县委组织部" });
  for (const name of TALENT) await buildPerson(db, { committeeId: c, name, pool: "talent" });
  await buildPerson(db, { committeeId: c, name: "赵敏", pool: "talent", available: false });
  // The leader worked in the transport bureau until mid-2024: he must recuse from it.
  await db.insert(personJobs).values({
    committeeId: c,
    personId: leader.id,
    unit: "县交通运输局",
    targetId: transport.id,
    post: "办公室主任",
    startMonth: "2021-03",
    endMonth: "2024-06",
  });
});
afterAll(() => e2e?.close());

/** The year of today in China: the year that numbers a document issued today. */
const chinaYear = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);

describe("planning and forming a round in the browser", () => {
  it("the office plans the next round, forms a group by random draw, is refused a recusal conflict and downloads the authorization decision", async () => {
    await asUser(e2e, "office-plans-round", async (page: Page) => {
      await login(e2e, page, office, TEST_PASSWORD);

      // Coverage of the term: one of four targets covered by round 1, three to go.
      await page.getByRole("menuitem", { name: /巡察全覆盖/ }).click();
      const totals = page.locator(".ant-card", { hasText: "覆盖率" }).first();
      const figure = (label: string) =>
        totals.locator(`xpath=.//div[span[normalize-space()='${label}']]/div`).textContent();
      await expect.poll(() => figure("应覆盖")).toBe("4");
      expect(await figure("已覆盖")).toBe("1");
      expect(await figure("未覆盖")).toBe("3");
      expect(await figure("轮次（已有 / 规划）")).toBe("2 / 3");
      await shot(page, "planning-01-coverage");

      // The planner: one group per round, two targets per group; rounds 2 and 3 can take all three.
      await page.getByRole("button", { name: /规划后续轮次/ }).click();
      await page.getByLabel("每轮组数").fill("1");
      await page.getByLabel("每组对象数").fill("2");
      await page.getByRole("button", { name: /生成方案/ }).click();
      await success(page, "已生成规划方案");
      await expect
        .poll(() => page.getByTestId("plan-statement").textContent())
        .toBe("剩余 3 个对象均已安排，本届可以实现全覆盖");
      const plan = page.locator(".ant-card", { hasText: "规划方案" }).last();
      for (const name of [T.education, T.health, T.transport]) await plan.getByText(name).waitFor();
      expect(await plan.getByText(T.water).count()).toBe(0);
      // The planner keeps 李志强 away from the transport bureau he must recuse from.
      for (const row of await plan.locator("tr", { hasText: "组长：李志强" }).all())
        expect(await row.textContent()).not.toContain(T.transport);
      await plan.getByRole("button", { name: /采纳方案/ }).click();
      await page
        .locator(".ant-popconfirm")
        .getByRole("button", { name: /确\s*定/ })
        .click();
      await success(page, "方案已采纳");
      await plan.locator(".ant-tag", { hasText: "已采纳" }).waitFor();
      await shot(page, "planning-02-plan-accepted");

      // Round 2: form the first group with its leader and two of the planned targets.
      await page.getByRole("menuitem", { name: /巡察轮次/ }).click();
      await page.getByRole("link", { name: ROUND }).click();
      await page.getByRole("button", { name: /组建巡察组/ }).click();
      const groupModal = page.locator(".ant-modal", { hasText: "组建巡察组" });
      await choose(page, groupModal.getByLabel("组长", { exact: true }), "李志强");
      const targetsField = groupModal.getByLabel("巡察对象（可稍后分配）");
      await choose(page, targetsField, T.education);
      await choose(page, targetsField, T.health);
      await page.keyboard.press("Escape");
      await groupModal.getByRole("button", { name: /组\s*建/ }).click();
      await success(page, "巡察组已组建");
      const group = page
        .locator(".ant-card")
        .filter({ has: page.getByRole("button", { name: /随机抽取/ }) })
        .last();
      await group.getByText("巡察对象（2 个）").waitFor();

      // Random draw of two members from the talent pool: seed, candidates and who was left out.
      await group.getByRole("button", { name: /随机抽取/ }).click();
      const draw = page.locator(".ant-modal", { hasText: "随机抽取：第一巡察组" });
      await draw.getByLabel("抽取人数").fill("2");
      await draw.getByRole("button", { name: /^抽\s*取$/ }).click();
      await draw.getByText("3 人（按编号排序），抽取 2 人").waitFor();
      const seed = await draw.locator("code").first().textContent();
      expect(seed).toMatch(/^[0-9a-f]{32}$/);
      await draw.getByText("未列入候选（1 人）").click();
      await draw.getByText("赵敏：当前不可参加巡察").waitFor();
      const picked = draw.locator(".ant-list", { hasText: "抽中人员" }).locator(".ant-list-item");
      await expect.poll(() => picked.count()).toBe(2);
      const drawn = (await picked.allTextContents()).map((t) => TALENT.find((n) => t.includes(n)));
      expect(drawn.every(Boolean)).toBe(true);
      for (const name of drawn) {
        await picked
          .filter({ hasText: name! })
          .getByRole("button", { name: /加入本组/ })
          .click();
        await success(page, `${name}已加入第一巡察组`);
      }
      await draw.getByRole("button", { name: /复核抽取结果/ }).click();
      await draw.getByText("按记录的种子和候选名单重放，结果一致").waitFor();
      await shot(page, "planning-03-draw");
      await draw.locator(".ant-modal-close").click();
      await expect.poll(() => group.getByText("成员（3 人）").count()).toBe(1);
      for (const name of drawn) await group.getByText(`组员：${name}`).waitFor();

      // The third planned target: the leader worked there until 2024, so the assignment is refused.
      await group.getByRole("button", { name: /分配对象/ }).click();
      const assign = page.locator(".ant-modal", { hasText: "为第一巡察组分配巡察对象" });
      await choose(page, assign.getByLabel("巡察对象"), T.transport);
      await page.keyboard.press("Escape");
      await assign.getByRole("button", { name: /分\s*配/ }).click();
      const conflict = assign.locator(".ant-alert-error");
      await conflict.getByText("存在回避情形").waitFor();
      const line = await conflict.locator(".ant-list-item").textContent();
      expect(line).toContain("李志强");
      expect(line).toContain(T.transport);
      expect(line).toContain("曾在该单位工作 办公室主任 2021-03 至 2024-06（近三年内）");
      await shot(page, "planning-04-recusal-refused");
      await assign.getByRole("button", { name: /取\s*消/ }).click();
      await group.getByText("巡察对象（2 个）").waitFor();
      const db = e2e.database.db;
      const saved = await db
        .select({ targetId: groupTargets.targetId })
        .from(groupTargets)
        .innerJoin(groups, eq(groups.id, groupTargets.groupId))
        .where(and(eq(groups.roundId, roundId), eq(groups.number, 1)));
      expect(saved).toHaveLength(2);

      // The authorization decision: numbered, listed on the round, downloaded as a .docx.
      const documents = page
        .locator(".ant-card")
        .filter({ has: page.getByRole("button", { name: /生成授权决定/ }) })
        .last();
      await documents.getByRole("button", { name: /生成授权决定/ }).click();
      await page
        .locator(".ant-modal-confirm", { hasText: "生成授权任职及任务分工的决定" })
        .getByRole("button", { name: /生\s*成/ })
        .click();
      const number = `〔${chinaYear()}〕1号`;
      await success(page, number);
      const title = `关于${ROUND}授权任职及任务分工的决定`;
      await documents.getByText(title).waitFor();
      await shot(page, "planning-05-authorization");
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        documents.getByRole("button", { name: /下\s*载/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/授权任职及任务分工的决定.*\.docx$/);
      const docx = readFileSync(await download.path());
      const paragraphs = docxParagraphs(readZipText(docx, "word/document.xml"));
      const text = paragraphs.join("\n");
      expect(paragraphs.some((p) => p.includes(number))).toBe(true);
      expect(text).toContain(title);
      expect(paragraphs.some((p) => p.includes("李志强（县纪委监委副书记）同志任组长"))).toBe(true);
      expect(paragraphs.some((p) => drawn.every((n) => p.includes(n!)) && p.includes("同志为组员"))).toBe(
        true,
      );
      expect(text).toContain(T.education);
      expect(text).toContain(T.health);
      expect(text).not.toContain(T.transport);
    });
  });
});
