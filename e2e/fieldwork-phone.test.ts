import { readFileSync } from "node:fs";
import { partnerDepartments } from "@xuncha/db";
import {
  buildAccount,
  buildCommittee,
  buildGroup,
  buildPerson,
  buildRound,
  buildTarget,
  TEST_PASSWORD,
} from "@xuncha/db/testing";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../apps/server/test/client";
import { choose, success } from "./antd";
import { asUser, type E2E, login, shot, startE2E } from "./support";

/**
 * The fieldwork pages a group leader opens on a phone in a township (375×812, WeChat's browser):
 * nothing runs off the screen or hides in a sideways-scrolling table, the actions are in reach, and
 * the registers download as Excel, and a survey can be started; the office exports the briefings'
 * status on a laptop.
 */
const PHONE = { width: 375, height: 812 };
const T1 = "中共石门县住房和城乡建设局党组";
const T2 = "中共石门县农业农村局（县乡村振兴局）党组";
const ROUND = "测试届第一轮巡察";

let e2e: E2E;
let leader = "";
let office = "";

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const c = (await buildCommittee(db, { name: "石门县委" })).id;
  const t1 = await buildTarget(db, { committeeId: c, name: T1 });
  const t2 = await buildTarget(db, { committeeId: c, name: T2 });
  const round = await buildRound(db, { committeeId: c, startsOn: "2026-03-01", endsOn: "2026-12-31" });
  const leaderAccount = await buildAccount(db, { committeeId: c, name: "张建国" });
  const memberAccount = await buildAccount(db, { committeeId: c, name: "王志强" });
  const pLeader = await buildPerson(db, {
    committeeId: c,
    accountId: leaderAccount.id,
    name: "张建国",
    pool: "leader",
  });
  const pMember = await buildPerson(db, { committeeId: c, accountId: memberAccount.id, name: "王志强" });
  await buildGroup(db, {
    committeeId: c,
    roundId: round.id,
    members: [
      { personId: pLeader.id, role: "leader" },
      { personId: pMember.id, role: "member" },
    ],
    targetIds: [t1.id, t2.id],
  });
  leader = leaderAccount.username;
  office = (await buildAccount(db, { committeeId: c, role: "officeStaff", name: "巡察办干部" })).username;
  const [dept] = await db
    .insert(partnerDepartments)
    .values({
      committeeId: c,
      name: "中共石门县纪律检查委员会 石门县监察委员会",
      kind: "disciplineCommission",
    })
    .returning();

  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const r = await p;
    if (r.statusCode >= 300) throw new Error(`${r.statusCode} ${r.body}`);
  };
  const member = await loginAs(e2e.app, memberAccount.username);
  for (const [name, post, targetId] of [
    ["刘德华", "党组书记、局长", t1.id],
    ["陈美玲", "党组成员、副局长（分管建筑市场监管和城建档案）", t1.id],
    ["吴小兵", "党组书记、局长", t2.id],
  ] as const)
    await ok(
      member.post("/api/interviews", {
        roundId: round.id,
        targetId,
        scheduledOn: "2026-04-08",
        scheduledAt: "09:30",
        place: "局党组会议室",
        intervieweeName: name,
        intervieweePost: post,
        inspectorIds: [pLeader.id, pMember.id],
      }),
    );
  await ok(
    member.post("/api/fieldwork-records", {
      roundId: round.id,
      targetId: t1.id,
      kind: "docReview",
      heldOn: "2026-04-11",
      subject: "2024 年度会计凭证、党组会议记录、“三重一大”事项决策记录",
      notes: "抽查凭证 200 份，发现无公函接待 6 次。",
      inspectorIds: [pMember.id],
    }),
  );
  await ok(
    (await loginAs(e2e.app, office)).post("/api/briefings", {
      roundId: round.id,
      partnerDepartmentId: dept!.id,
      targetIds: [t1.id, t2.id],
      topics: ["clue", "petition"],
      dueOn: "2026-12-20",
    }),
  );
}, 300_000);

afterAll(() => e2e?.close());

/** Whether anything runs past the screen's right edge or hides in a sideways-scrolling box. */
const overflow = (page: Page) =>
  page.evaluate(`(() => {
    const w = window.innerWidth;
    const out = [];
    if (document.documentElement.scrollWidth > w) out.push("page " + document.documentElement.scrollWidth);
    for (const el of document.querySelectorAll("main *, .ant-drawer *")) {
      const o = getComputedStyle(el).overflowX;
      if ((o === "auto" || o === "scroll") && el.scrollWidth > el.clientWidth + 1)
        out.push("scrolls " + el.className);
    }
    return out;
  })()`);

/** Clicks 导出 Excel and reads the downloaded sheet's rows (values only, row 1 first). */
async function exported(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /导出 Excel/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(name);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe("fieldwork on a phone", () => {
  it("a group leader reads the interviews and records on a 375 px screen and downloads the registers", async () => {
    await asUser(
      e2e,
      "fieldwork-phone",
      async (page) => {
        await login(e2e, page, leader, TEST_PASSWORD);
        await page.goto(`${e2e.baseUrl}/fieldwork/interviews`);
        await page.getByText("陈美玲").waitFor();
        expect(await overflow(page)).toEqual([]);
        // Each interview's actions are on the screen, not beyond a sideways scroll.
        const open = page.getByRole("button", { name: "记录" }).first();
        const box = (await open.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
        await shot(page, "fieldwork-interviews-phone");
        const register = await exported(page, `${ROUND}个别谈话登记表.xlsx`);
        expect(register[0]![0]).toBe(`${ROUND}个别谈话登记表`);
        expect(register.slice(2).map((r) => r[4])).toEqual(["刘德华", "陈美玲", "吴小兵"]);

        // The record opens in a drawer as wide as the phone.
        await open.click();
        await page.getByText("本次查看已记入审计日志").waitFor();
        const drawer = (await page.locator(".ant-drawer-content-wrapper").first().boundingBox())!;
        expect(Math.round(drawer.width)).toBe(PHONE.width);
        expect(await overflow(page)).toEqual([]);
        await page.keyboard.press("Escape");

        await page.goto(`${e2e.baseUrl}/fieldwork/records`);
        await page.getByText("抽查凭证 200 份").waitFor();
        expect(await overflow(page)).toEqual([]);
        await shot(page, "fieldwork-records-phone");
        const reviews = await exported(page, `${ROUND}查阅资料登记表.xlsx`);
        expect(reviews.slice(2).map((r) => r[4])).toEqual([
          "2024 年度会计凭证、党组会议记录、“三重一大”事项决策记录",
        ]);

        // A survey is started on the phone: one-month date pickers instead of the two-month range.
        await page.goto(`${e2e.baseUrl}/surveys`);
        await page.getByRole("button", { name: /发起测评/ }).click();
        await choose(page, page.getByLabel("被巡察单位"), T2);
        await choose(page, page.getByLabel("问卷", { exact: true }), "领导班子及成员民主测评");
        await page.getByLabel("截止日期").click();
        expect(await overflow(page)).toEqual([]);
        const calendar = (await page.locator(".ant-picker-dropdown:visible").boundingBox())!;
        expect(calendar.x).toBeGreaterThanOrEqual(0);
        expect(calendar.x + calendar.width).toBeLessThanOrEqual(PHONE.width);
        await page.keyboard.press("Escape");
        await page.getByRole("button", { name: /^发\s*起$/ }).click();
        await success(page, "问卷测评已发起");
      },
      PHONE,
    );
  }, 120_000);

  it("the office sees each department's briefing status and exports it", async () => {
    await asUser(e2e, "briefings-export", async (page) => {
      await login(e2e, page, office, TEST_PASSWORD);
      await page.goto(`${e2e.baseUrl}/fieldwork/briefings`);
      await page.getByRole("button", { name: "中共石门县纪律检查委员会 石门县监察委员会" }).waitFor();
      expect(await overflow(page)).toEqual([]);
      const sheet = await exported(page, `${ROUND}巡前情况通报情况表.xlsx`);
      expect(sheet.slice(2).map((r) => [r[1], r[5], r[8]])).toEqual(
        [T1, T2].sort().map((t) => ["中共石门县纪律检查委员会 石门县监察委员会", t, "待通报"]),
      );
    });
  }, 120_000);
});
