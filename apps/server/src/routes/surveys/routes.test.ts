import { createHash } from "node:crypto";
import { eq, rounds, surveyCodes, surveyResponses, surveys } from "@xuncha/db";
import { buildAccount } from "@xuncha/db/testing";
import { BUILT_IN_QUESTIONNAIRES } from "@xuncha/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { errorOf, loginAs } from "../../../test/client";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

let address = 0;
/** A public request from its own address (the attempt limiter counts per address). */
const publicPost = (url: string, payload: unknown, remoteAddress = "203.0.113.1") =>
  kit.t.app.inject({ method: "POST", url, payload: payload as Record<string, unknown>, remoteAddress });
const freshAddress = () => `198.51.100.${++address}`;

const QUESTIONS = [
  { id: "q1", kind: "scale", title: "总体评价", required: true, options: ["好", "较好", "一般", "差"] },
  { id: "q2", kind: "scale", title: "作风建设", required: true, options: ["好", "较好", "一般", "差"] },
  { id: "q3", kind: "single", title: "是否存在违规吃喝", required: true, options: ["没有", "个别", "普遍"] },
  { id: "q4", kind: "multiple", title: "主要问题", required: false, options: ["甲", "乙", "丙"] },
  { id: "q5", kind: "text", title: "意见建议", required: false, options: [] },
];

const extraAccount = async (w: World, role: string, committeeId: string | null = w.committee.id) => {
  const account = await buildAccount(db(), { committeeId, role, name: role });
  return Object.assign(await loginAs(kit.t.app, account.username), { id: account.id }) as As;
};

/** A survey of group A on target A, open today, with `codes` codes issued at once. */
async function surveyOf(w: World, s: As, codes = 0) {
  const res = await s.post("/api/surveys", {
    groupId: w.groupA.id,
    targetId: w.targetA.id,
    builtIn: "leadership",
    opensOn: "2020-01-01",
    closesOn: "2099-12-31",
    ...(codes ? { codeCount: codes } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    title: string;
    codes: { codes: string[]; pageUrl: string; qrDataUrl: string } | null;
  };
}

describe("questionnaires", () => {
  it("lists the built-in questionnaires and the office's templates; the office makes templates, a group its own", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const created = await office.post("/api/survey-questionnaires", {
      title: "办模板",
      questions: QUESTIONS,
    });
    expect(created.statusCode, created.body).toBe(201);
    const template = created.json();
    expect(template).toMatchObject({ source: "office", groupId: null, canEdit: true });
    expect(await audited("survey_questionnaire.create", template.id)).toHaveLength(1);

    const leaderA = await as(w, "leaderA");
    const own = await leaderA.post("/api/survey-questionnaires", {
      groupId: w.groupA.id,
      title: "甲组问卷",
      questions: QUESTIONS.slice(0, 2),
    });
    expect(own.statusCode, own.body).toBe(201);
    // a group cannot make an office template
    await refused(
      leaderA,
      (s) => s.post("/api/survey-questionnaires", { title: "x", questions: QUESTIONS }),
      403,
      "auth.forbidden",
    );

    const listA = (await leaderA.get("/api/survey-questionnaires")).json();
    expect(listA.builtIn.map((b: { key: string }) => b.key)).toEqual([
      "leadership",
      "integrity",
      "appointments",
    ]);
    expect(listA.items.map((i: { title: string; canEdit: boolean }) => [i.title, i.canEdit])).toEqual([
      ["办模板", false],
      ["甲组问卷", true],
    ]);
    // group B sees the template, not group A's own questionnaire, and cannot change either
    const leaderB = await as(w, "leaderB");
    const listB = (await leaderB.get("/api/survey-questionnaires")).json();
    expect(listB.items.map((i: { title: string }) => i.title)).toEqual(["办模板"]);
    await refused(
      leaderB,
      (s) =>
        s.request("PUT", `/api/survey-questionnaires/${own.json().id}`, {
          title: "改",
          questions: QUESTIONS,
        }),
      404,
      "survey_questionnaire.not_found",
    );
    await refused(
      leaderB,
      (s) => s.post("/api/survey-questionnaires", { groupId: w.groupA.id, title: "x", questions: QUESTIONS }),
      404,
      "group.not_found",
    );
    await refused(
      leaderB,
      (s) =>
        s.request("PUT", `/api/survey-questionnaires/${template.id}`, { title: "改", questions: QUESTIONS }),
      403,
      "auth.forbidden",
    );
    // the office edits its template (audited); another committee sees nothing of it
    const updated = await office.request("PUT", `/api/survey-questionnaires/${template.id}`, {
      title: "办模板（修订）",
      questions: QUESTIONS.slice(0, 3),
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(await audited("survey_questionnaire.update", template.id)).toHaveLength(1);
    const other = await as(w, "otherOffice");
    expect((await other.get("/api/survey-questionnaires")).json().items).toEqual([]);
    await refused(
      other,
      (s) =>
        s.request("PUT", `/api/survey-questionnaires/${template.id}`, { title: "x", questions: QUESTIONS }),
      404,
      "survey_questionnaire.not_found",
    );
    await refused(await as(w, "contactA"), (s) => s.get("/api/survey-questionnaires"), 403, "auth.forbidden");
  });

  it("refuses invalid questions with the problems listed", async () => {
    const w = await buildWorld(db());
    const error = await refused(
      await as(w, "office"),
      (s) =>
        s.post("/api/survey-questionnaires", {
          title: "坏问卷",
          questions: [{ id: "a", kind: "single", title: "只有一个选项", required: true, options: ["是"] }],
        }),
      422,
      "survey.questions_invalid",
    );
    expect(error.details).toEqual({ problems: ["第 1 题须有 2 至 20 个选项"] });
  });
});

describe("surveys", () => {
  it("are created by the group for its own targets, with codes shown once and stored as SHA-256 only", async () => {
    const w = await buildWorld(db());
    const memberA = await as(w, "memberA");
    const created = await surveyOf(w, memberA, 5);
    expect(created.title).toBe(BUILT_IN_QUESTIONNAIRES[0]!.title);
    const codes = created.codes!.codes;
    expect(codes).toHaveLength(5);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    expect(created.codes!.pageUrl).toMatch(/\/s$/);
    expect(created.codes!.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = await db().select().from(surveyCodes).where(eq(surveyCodes.surveyId, created.id));
    expect(stored.map((s) => s.codeHash).sort()).toEqual(
      codes.map((c) => createHash("sha256").update(c.replaceAll("-", "")).digest("hex")).sort(),
    );
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replaceAll("-", ""));
    const [entry] = await audited("survey.create", created.id);
    expect(entry).toBeDefined();
    const [issued] = await audited("survey_codes.issue", created.id);
    expect(issued!.summary).toEqual({ count: 5, total: 5 });

    // more codes later, by the office; the list and the detail count them
    const office = await as(w, "office");
    const more = await office.post(`/api/surveys/${created.id}/codes`, { count: 3 });
    expect(more.statusCode, more.body).toBe(201);
    expect(more.json().codes).toHaveLength(3);
    const detail = (await office.get(`/api/surveys/${created.id}`)).json();
    expect(detail).toMatchObject({
      groupName: w.groupA.name,
      targetName: w.targetA.name,
      codesIssued: 8,
      responses: 0,
      phase: "open",
      abilities: { issueCodes: true, close: true },
    });
    const list = (await memberA.get(`/api/surveys?roundId=${w.round.id}`)).json();
    expect(list.items.map((i: { id: string; codesIssued: number }) => [i.id, i.codesIssued])).toEqual([
      [created.id, 8],
    ]);
    expect(list.groups).toEqual([
      {
        groupId: w.groupA.id,
        groupName: w.groupA.name,
        roundId: w.round.id,
        roundName: expect.any(String),
        targets: [{ id: w.targetA.id, name: w.targetA.name }],
      },
    ]);
    expect((await office.get(`/api/surveys?roundId=${w.round.id}`)).json().groups).toHaveLength(2);
  });

  it("are refused for another group's target, bad dates and unknown questionnaires", async () => {
    const w = await buildWorld(db());
    const leaderA = await as(w, "leaderA");
    const base = {
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      builtIn: "integrity",
      opensOn: "2026-06-01",
      closesOn: "2026-06-10",
    };
    await refused(
      leaderA,
      (s) => s.post("/api/surveys", { ...base, targetId: w.targetB.id }),
      422,
      "survey.target_not_in_group",
    );
    await refused(
      leaderA,
      (s) => s.post("/api/surveys", { ...base, closesOn: "2026-05-01" }),
      422,
      "survey.dates_invalid",
    );
    await refused(
      leaderA,
      (s) => s.post("/api/surveys", { ...base, builtIn: "nope" }),
      404,
      "survey_questionnaire.not_found",
    );
    await refused(
      leaderA,
      (s) => s.post("/api/surveys", { ...base, groupId: w.groupB.id, targetId: w.targetB.id }),
      404,
      "group.not_found",
    );
    await refused(await as(w, "otherOffice"), (s) => s.post("/api/surveys", base), 404, "group.not_found");
    await refused(await as(w, "leadership"), (s) => s.post("/api/surveys", base), 403, "auth.forbidden");
    await refused(await as(w, "contactA"), (s) => s.post("/api/surveys", base), 403, "auth.forbidden");
    // group B's questionnaire is not group A's to use
    const ownB = (
      await (
        await as(w, "leaderB")
      ).post("/api/survey-questionnaires", {
        groupId: w.groupB.id,
        title: "乙组问卷",
        questions: QUESTIONS,
      })
    ).json();
    const { builtIn: _, ...noSource } = base;
    await refused(
      leaderA,
      (s) => s.post("/api/surveys", { ...noSource, questionnaireId: ownB.id }),
      404,
      "survey_questionnaire.not_found",
    );
    // an office template works for any group of the committee
    const template = (
      await (
        await as(w, "office")
      ).post("/api/survey-questionnaires", { title: "模板", questions: QUESTIONS })
    ).json();
    const ok = await leaderA.post("/api/surveys", {
      ...noSource,
      questionnaireId: template.id,
      title: "甲单位问卷",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().title).toBe("甲单位问卷");
  });

  it("are seen by the office, the leading group and their own group only", async () => {
    const w = await buildWorld(db());
    const survey = await surveyOf(w, await as(w, "office"), 2);
    for (const key of ["office", "officeHead", "leadership", "leaderA", "memberA"] as const) {
      const s = await as(w, key);
      expect((await s.get(`/api/surveys/${survey.id}`)).statusCode, key).toBe(200);
      expect((await s.get(`/api/surveys/${survey.id}/results`)).statusCode, key).toBe(200);
    }
    for (const key of ["leaderB", "memberB", "otherOffice", "otherLeadership"] as const) {
      const s = await as(w, key);
      await refused(s, (x) => x.get(`/api/surveys/${survey.id}`), 404, "survey.not_found");
      await refused(s, (x) => x.get(`/api/surveys/${survey.id}/results`), 404, "survey.not_found");
      await refused(s, (x) => x.get(`/api/surveys/${survey.id}/results/export`), 404, "survey.not_found");
      expect((await s.get("/api/surveys")).json().items, key).toEqual([]);
    }
    await refused(
      await as(w, "memberB"),
      (s) => s.post(`/api/surveys/${survey.id}/codes`, { count: 1 }),
      404,
      "survey.not_found",
    );
    await refused(
      await as(w, "memberB"),
      (s) => s.post(`/api/surveys/${survey.id}/close`),
      404,
      "survey.not_found",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.post(`/api/surveys/${survey.id}/codes`, { count: 1 }),
      403,
      "auth.forbidden",
    );
    for (const key of ["contactA", "discipline", "organization", "sysAdmin"] as const) {
      await refused(await as(w, key), (s) => s.get(`/api/surveys/${survey.id}`), 403, "auth.forbidden");
      await refused(await as(w, key), (s) => s.get("/api/surveys"), 403, "auth.forbidden");
    }
    const upper = await extraAccount(w, "upperLevel", w.committee.parentId);
    await refused(upper, (s) => s.get(`/api/surveys/${survey.id}/results`), 403, "auth.forbidden");
    const partner = await extraAccount(w, "partnerDept");
    await refused(partner, (s) => s.get(`/api/surveys/${survey.id}`), 403, "auth.forbidden");
  });

  it("are read-only for the group once the round is closed; closing is audited and stops the codes", async () => {
    const w = await buildWorld(db());
    const leaderA = await as(w, "leaderA");
    const survey = await surveyOf(w, leaderA, 3);
    const codes = survey.codes!.codes;
    const closed = await leaderA.post(`/api/surveys/${survey.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await audited("survey.close", survey.id)).toHaveLength(1);
    await refused(leaderA, (s) => s.post(`/api/surveys/${survey.id}/close`), 409, "survey.closed");
    await refused(
      leaderA,
      (s) => s.post(`/api/surveys/${survey.id}/codes`, { count: 1 }),
      409,
      "survey.closed",
    );
    const opened = await publicPost("/api/public/surveys/open", { code: codes[0] }, freshAddress());
    expect(opened.statusCode).toBe(409);
    expect(errorOf(opened).code).toBe("survey.not_open");

    const second = await surveyOf(w, leaderA);
    await db().update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    const detail = await leaderA.get(`/api/surveys/${second.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().abilities).toEqual({ issueCodes: false, close: false });
    expect((await leaderA.get(`/api/surveys/${second.id}/results`)).statusCode).toBe(200);
    await refused(
      leaderA,
      (s) => s.post(`/api/surveys/${second.id}/codes`, { count: 1 }),
      409,
      "round.closed",
    );
    await refused(leaderA, (s) => s.post(`/api/surveys/${second.id}/close`), 409, "round.closed");
    await refused(
      leaderA,
      (s) =>
        s.post("/api/surveys", {
          groupId: w.groupA.id,
          targetId: w.targetA.id,
          builtIn: "leadership",
          opensOn: "2026-01-01",
          closesOn: "2026-01-02",
        }),
      409,
      "round.closed",
    );
    // the office still closes it
    expect((await (await as(w, "office")).post(`/api/surveys/${second.id}/close`)).statusCode).toBe(200);
  });
});

describe("public answering", () => {
  const answers = (n: number) => ({ q1: n, q2: n, q3: n });

  it("takes one anonymous response per code, storing the survey, the answers and the day only", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const template = (
      await office.post("/api/survey-questionnaires", { title: "测评", questions: QUESTIONS })
    ).json();
    const created = await office.post("/api/surveys", {
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      questionnaireId: template.id,
      opensOn: "2020-01-01",
      closesOn: "2099-12-31",
      codeCount: 4,
    });
    const { id, codes } = created.json() as { id: string; codes: { codes: string[] } };
    const [c0, c1, c2] = codes.codes;
    const ip = freshAddress();

    const opened = await publicPost(
      "/api/public/surveys/open",
      { code: c0!.toLowerCase().replaceAll("-", " ") },
      ip,
    );
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ title: "测评", targetName: w.targetA.name, questions: QUESTIONS });
    expect(opened.json()).not.toHaveProperty("id");

    // a refused sheet does not spend the code
    const missing = await publicPost("/api/public/surveys/responses", { code: c0, answers: { q1: 0 } }, ip);
    expect(missing.statusCode).toBe(422);
    expect(errorOf(missing)).toMatchObject({ code: "survey.answers_invalid" });
    expect(
      (errorOf(missing).details as { problems: { questionId: string }[] }).problems.map((p) => p.questionId),
    ).toEqual(["q2", "q3"]);
    const outOfRange = await publicPost(
      "/api/public/surveys/responses",
      { code: c0, answers: { ...answers(0), q3: 3 } },
      ip,
    );
    expect(errorOf(outOfRange).code).toBe("survey.answers_invalid");

    const first = await publicPost(
      "/api/public/surveys/responses",
      { code: c0, answers: { q1: 0, q2: 1, q3: 0, q4: [2, 0], q5: " 建议加强学习 " } },
      ip,
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual({ ok: true });
    // one response per code: a used code and an unknown code get the same answer
    const reused = await publicPost("/api/public/surveys/responses", { code: c0, answers: answers(1) }, ip);
    const unknown = await publicPost(
      "/api/public/surveys/responses",
      { code: "ABCD-EFGH-JKMN-PQRS", answers: answers(1) },
      ip,
    );
    for (const r of [reused, unknown]) {
      expect(r.statusCode).toBe(422);
      expect(errorOf(r)).toEqual({ code: "survey.code_invalid", message: "测评码无效或已使用" });
    }
    const reopened = await publicPost("/api/public/surveys/open", { code: c0 }, ip);
    expect(reopened.body).toBe(unknown.body);
    expect(reopened.statusCode).toBe(422);

    // straight-lined sheets (一勾到底) count, and are reported separately
    expect(
      (await publicPost("/api/public/surveys/responses", { code: c1, answers: answers(2) }, ip)).statusCode,
    ).toBe(201);
    expect(
      (
        await publicPost(
          "/api/public/surveys/responses",
          { code: c2, answers: { ...answers(2), q5: "一般" } },
          ip,
        )
      ).statusCode,
    ).toBe(201);

    const rows = await db().select().from(surveyResponses).where(eq(surveyResponses.surveyId, id));
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]!).sort()).toEqual(["answeredOn", "answers", "committeeId", "id", "surveyId"]);
    expect(rows.find((r) => (r.answers as { q5?: string }).q5 === "建议加强学习")!.answers).toEqual({
      q1: 0,
      q2: 1,
      q3: 0,
      q4: [0, 2],
      q5: "建议加强学习",
    });
    const used = (await db().select().from(surveyCodes).where(eq(surveyCodes.surveyId, id))).filter(
      (c) => c.usedAt,
    );
    expect(used).toHaveLength(3);
    for (const u of used) expect(u.usedAt!.toISOString()).toMatch(/T00:00:00.000Z$/);

    const results = (await office.get(`/api/surveys/${id}/results`)).json();
    expect(results).toMatchObject({
      responses: 3,
      flaggedCount: 2,
      survey: { codesIssued: 4, codesUsed: 3, responseRate: 0.75 },
    });
    const q1All = results.all[0];
    expect(q1All.options.map((o: { count: number }) => o.count)).toEqual([1, 0, 2, 0]);
    expect(q1All.options[2].percent).toBe(66.7);
    expect(results.withoutFlagged[0].options.map((o: { count: number }) => o.count)).toEqual([1, 0, 0, 0]);
    expect(results.all[3].options.map((o: { count: number }) => o.count)).toEqual([1, 0, 1]);
    expect(results.all[4].texts.sort()).toEqual(["一般", "建议加强学习"].sort());
    expect(results.withoutFlagged[4].texts).toEqual(["建议加强学习"]);

    // nothing about the answers in the audit log
    const audit = await kit.t.database.db.select().from((await import("@xuncha/db")).auditLog);
    expect(JSON.stringify(audit)).not.toContain("建议加强学习");

    // Excel export with both tallies
    const xlsx = await office.get(`/api/surveys/${id}/results/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell("A1").value)).toContain("回收率 75%，一勾到底 2 份");
    const firstRow = sheet.getRow(3).values as unknown[];
    expect(firstRow.slice(1)).toEqual([1, "1. 总体评价", "量表", "好", 1, 33.3, 1, 100]);
  });

  it("refuses outside the survey's dates", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const res = await office.post("/api/surveys", {
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      builtIn: "appointments",
      opensOn: "2099-01-01",
      closesOn: "2099-12-31",
      codeCount: 1,
    });
    const code = res.json().codes.codes[0];
    const opened = await publicPost("/api/public/surveys/open", { code }, freshAddress());
    expect(opened.statusCode).toBe(409);
    expect(errorOf(opened)).toMatchObject({ code: "survey.not_open", details: { opensOn: "2099-01-01" } });
    await db()
      .update(surveys)
      .set({ opensOn: "2020-01-01", closesOn: "2020-12-31" })
      .where(eq(surveys.id, res.json().id));
    expect(errorOf(await publicPost("/api/public/surveys/open", { code }, freshAddress())).code).toBe(
      "survey.not_open",
    );
  });

  it("limits failed code attempts per address, in memory", async () => {
    const w = await buildWorld(db());
    const survey = await surveyOf(w, await as(w, "office"), 1);
    const code = survey.codes!.codes[0]!;
    const ip = freshAddress();
    for (let i = 0; i < 20; i++) {
      const r = await publicPost(
        "/api/public/surveys/open",
        { code: `ZZZZ-ZZZZ-ZZZZ-ZZ${String(i).padStart(2, "2")}` },
        ip,
      );
      expect(r.statusCode).toBe(422);
    }
    const blocked = await publicPost("/api/public/surveys/open", { code }, ip);
    expect(blocked.statusCode).toBe(429);
    expect(errorOf(blocked).code).toBe("survey.too_many_attempts");
    expect((await publicPost("/api/public/surveys/responses", { code, answers: {} }, ip)).statusCode).toBe(
      429,
    );
    // another address is not held back, and valid codes never count
    const other = freshAddress();
    for (let i = 0; i < 25; i++) {
      expect((await publicPost("/api/public/surveys/open", { code }, other)).statusCode).toBe(200);
    }
  });

  it("validates the body: the code in the body only, no unknown fields", async () => {
    const ip = freshAddress();
    expect((await publicPost("/api/public/surveys/open", { code: "short" }, ip)).statusCode).toBe(400);
    expect(
      (await publicPost("/api/public/surveys/open", { code: "ABCD-EFGH-JKMN-PQRS", name: "张三" }, ip))
        .statusCode,
    ).toBe(400);
    const get = await kit.t.app.inject({
      method: "GET",
      url: "/api/public/surveys/open?code=ABCD-EFGH-JKMN-PQRS",
    });
    expect(get.statusCode).toBe(404);
  });
});
