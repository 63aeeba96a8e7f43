import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../apps/server/test/client";
import { buildWorld, type World } from "../apps/server/test/world";
import { type E2E, asUser as runAsUser, shot, startE2E } from "./support";

let e2e: E2E;
let w: World;

beforeAll(async () => {
  e2e = await startE2E();
  w = await buildWorld(e2e.database.db);
});
afterAll(() => e2e?.close());

const PHONE = { width: 375, height: 812 };
const asUser = (name: string, steps: (page: import("playwright-core").Page) => Promise<void>) =>
  runAsUser(e2e, name, steps, PHONE);
const session = (key: keyof World["accounts"]) => loginAs(e2e.app, w.accounts[key].username);

describe("the public questionnaires, on a phone, with a one-time code", () => {
  it("问卷测评: a wrong code is refused in Chinese; a code opens the survey once, and the answer is counted", async () => {
    const leader = await session("leaderA");
    const created = await leader.post("/api/surveys", {
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      builtIn: "leadership",
      opensOn: "2020-01-01",
      closesOn: "2099-12-31",
      codeCount: 2,
    });
    expect(created.statusCode, created.body).toBe(201);
    const survey = created.json() as { id: string; codes: { codes: string[] } };
    const [code] = survey.codes.codes;

    await asUser("survey-answer", async (page) => {
      await page.goto(`${e2e.baseUrl}/s`);
      await page.getByLabel("测评码").fill("ABCD-EFGH-JKMN-PQRS");
      await page.getByRole("button", { name: "开始填写" }).click();
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").textContent()).toMatch(/测评码/);

      await page.getByLabel("测评码").fill(code!.toLowerCase());
      await page.getByRole("button", { name: "开始填写" }).click();
      await page.getByText(`被测评单位：${w.targetA.name}`).waitFor();
      for (const group of await page.locator(".ant-radio-group").all())
        await group.locator(".ant-radio-wrapper").first().click();
      for (const box of await page.locator("textarea").all()) await box.fill("无");
      await shot(page, "20-survey-phone-answers");
      await page.getByRole("button", { name: "提交答卷" }).click();
      await page.getByText("提交成功，感谢您的参与").waitFor();
    });
    const results = (await leader.get(`/api/surveys/${survey.id}/results`)).json();
    expect(results.responses).toBe(1);

    await asUser("survey-used-code", async (page) => {
      await page.goto(`${e2e.baseUrl}/s`);
      await page.getByLabel("测评码").fill(code!);
      await page.getByRole("button", { name: "开始填写" }).click();
      await page.getByRole("alert").waitFor();
    });
  });

  it("作风评价: the office issues codes; the target's staff rates the group 1-5 and sees it accepted", async () => {
    const office = await session("office");
    const issued = await office.post(`/api/groups/${w.groupA.id}/conduct-codes`, { perTarget: 1 });
    expect(issued.statusCode, issued.body).toBe(201);
    const [code] = issued.json().targets[0].codes as string[];

    await asUser("conduct-answer", async (page) => {
      await page.goto(`${e2e.baseUrl}/p/conduct`);
      await page.getByLabel("评价码").fill(code!);
      await page.getByRole("button", { name: "开始评价" }).click();
      await page.getByText("您正在评价").waitFor();
      for (const group of await page.locator(".ant-radio-group").all())
        await group.locator(".ant-radio-button-wrapper").last().click();
      await page.getByLabel("意见建议（选填）").fill("作风扎实。");
      await shot(page, "21-conduct-phone-answers");
      await page.getByRole("button", { name: "提交评价" }).click();
      await page.getByText("提交成功，感谢您的评价").waitFor();
    });
    const sheet = (await office.get(`/api/rounds/${w.round.id}/evaluations`)).json();
    const groupA = sheet.groups.find((g: { groupId: string }) => g.groupId === w.groupA.id);
    expect(groupA.conduct).toMatchObject({ codesIssued: 1, responses: 1 });
  });
});
