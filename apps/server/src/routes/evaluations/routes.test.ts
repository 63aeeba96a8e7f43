import { createHash } from "node:crypto";
import { clues, conductCodes, conductResponses, eq, groupEvaluations, rounds } from "@xuncha/db";
import { buildFinding } from "@xuncha/db/testing";
import { DEFAULT_GROUP_EVALUATION_CRITERIA } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../../test/client";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

const atStage = (w: World, stage: string) =>
  db().update(rounds).set({ stage }).where(eq(rounds.id, w.round.id));

const fullMarks = () =>
  DEFAULT_GROUP_EVALUATION_CRITERIA.criteria.map((c) => ({ code: c.code, score: c.max }));

const publicPost = (url: string, payload: unknown) =>
  kit.t.app.inject({ method: "POST", url, payload: payload as Record<string, unknown> });

describe("group evaluation (一巡一评)", () => {
  it("shows the office each group with facts from the records", async () => {
    const w = await buildWorld(db());
    const base = {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.memberA.id,
    };
    const f1 = await buildFinding(db(), { ...base, status: "approved", severity: "severe", route: "clue" });
    await buildFinding(db(), { ...base, status: "approved" });
    await buildFinding(db(), { ...base, status: "draft" });
    await db().insert(clues).values({
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      findingId: f1.id,
      number: "XS-1",
      receiver: "disciplineCommission",
      transferredOn: "2026-06-01",
    });
    const res = await (await as(w, "office")).get(`/api/rounds/${w.round.id}/evaluations`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.maxTotal).toBe(100);
    expect(body.groups.map((g: { name: string }) => g.name)).toEqual([w.groupA.name, w.groupB.name]);
    const a = body.groups[0];
    expect(a.facts.find((f: { code: string }) => f.code === "findings")).toMatchObject({
      value: 2,
      text: "2 个",
    });
    expect(a.facts.find((f: { code: string }) => f.code === "clues")).toMatchObject({ value: 1 });
    expect(body.groups[1].facts.find((f: { code: string }) => f.code === "findings").value).toBe(0);
    expect(a.evaluation).toBeNull();
    expect(a.conduct).toMatchObject({ codesIssued: 0, responses: 0, responseRate: null });
    // fieldwork: too early to score
    expect(body.abilities).toEqual({ evaluate: false, issueCodes: true });
    expect((await (await as(w, "leadership")).get(`/api/rounds/${w.round.id}/evaluations`)).statusCode).toBe(
      200,
    );
  });

  it("is not for other committees, groups or targets", async () => {
    const w = await buildWorld(db());
    await refused(
      await as(w, "otherOffice"),
      (s) => s.get(`/api/rounds/${w.round.id}/evaluations`),
      404,
      "round.not_found",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.get(`/api/rounds/${w.round.id}/evaluations`),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "contactA"),
      (s) => s.get(`/api/rounds/${w.round.id}/evaluations`),
      403,
      "auth.forbidden",
    );
  });

  it("scores a group from the reporting stage on, with total and grade, replacing on a second save", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    await refused(
      office,
      (s) => s.request("PUT", `/api/groups/${w.groupA.id}/evaluation`, { scores: fullMarks() }),
      409,
      "evaluation.too_early",
    );
    await atStage(w, "reporting");
    const scores = fullMarks().map((s) =>
      s.code === "findings" ? { ...s, score: 25.5, note: "问题精准" } : s,
    );
    const res = await office.request("PUT", `/api/groups/${w.groupA.id}/evaluation`, {
      scores,
      comment: "工作扎实",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 95.5, maxTotal: 100, grade: "优秀", comment: "工作扎实" });

    const lower = fullMarks().map((s) => ({ ...s, score: s.score * 0.7 }));
    const again = await office.request("PUT", `/api/groups/${w.groupA.id}/evaluation`, { scores: lower });
    expect(again.json()).toMatchObject({ total: 70, grade: "一般" });
    const rows = await db().select().from(groupEvaluations).where(eq(groupEvaluations.groupId, w.groupA.id));
    expect(rows).toHaveLength(1);
    const entries = await audited("group_evaluation.save", w.groupA.id);
    expect(entries).toHaveLength(2);
    expect(entries[1]!.summary).toMatchObject({
      total: 70,
      grade: "一般",
      previous: { total: 95.5, grade: "优秀" },
    });

    const sheet = (await office.get(`/api/rounds/${w.round.id}/evaluations`)).json();
    expect(sheet.groups[0].evaluation).toMatchObject({ total: 70, grade: "一般" });
    expect(sheet.abilities.evaluate).toBe(true);
  });

  it("refuses scores above the maximum, missing or unknown criteria, and other committees", async () => {
    const w = await buildWorld(db());
    await atStage(w, "feedback");
    const office = await as(w, "office");
    const put = (scores: unknown) => (s: typeof office) =>
      s.request("PUT", `/api/groups/${w.groupA.id}/evaluation`, { scores });
    await refused(
      office,
      put(fullMarks().map((s) => (s.code === "clues" ? { ...s, score: 21 } : s))),
      422,
      "evaluation.score_invalid",
    );
    await refused(office, put(fullMarks().slice(1)), 422, "evaluation.score_invalid");
    await refused(
      office,
      put([...fullMarks(), { code: "unknown", score: 1 }]),
      422,
      "evaluation.score_invalid",
    );
    await refused(await as(w, "otherOffice"), put(fullMarks()), 404, "group.not_found");
    await refused(await as(w, "leadership"), put(fullMarks()), 403, "auth.forbidden");
    await refused(await as(w, "leaderA"), put(fullMarks()), 403, "auth.forbidden");
  });
});

describe("conduct questionnaire (作风评价)", () => {
  it("issues one-time codes per target, storing only their hashes", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const res = await office.post(`/api/groups/${w.groupA.id}/conduct-codes`, { perTarget: 3 });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.groupName).toBe(w.groupA.name);
    expect(body.pageUrl).toMatch(/^http:\/\/[^/]+\/p\/conduct$/);
    expect(body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(body.targets).toHaveLength(1);
    expect(body.targets[0].targetId).toBe(w.targetA.id);
    const codes = body.targets[0].codes as string[];
    expect(codes).toHaveLength(3);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){3}$/);
    const stored = await db().select().from(conductCodes).where(eq(conductCodes.groupId, w.groupA.id));
    expect(stored.map((s) => s.codeHash).sort()).toEqual(
      codes.map((c) => createHash("sha256").update(c.replaceAll("-", "")).digest("hex")).sort(),
    );
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replaceAll("-", ""));
    const [entry] = await audited("conduct_codes.issue", w.groupA.id);
    expect(JSON.stringify(entry!.summary)).not.toContain(codes[0]!.slice(0, 9));

    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/groups/${w.groupA.id}/conduct-codes`, { perTarget: 1 }),
      404,
      "group.not_found",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/groups/${w.groupA.id}/conduct-codes`, { perTarget: 1 }),
      403,
      "auth.forbidden",
    );
  });

  it("takes one anonymous answer per code, without login, and reports averages and the response rate", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const codes = (await office.post(`/api/groups/${w.groupA.id}/conduct-codes`, { perTarget: 4 })).json()
      .targets[0].codes as string[];
    const questions = DEFAULT_GROUP_EVALUATION_CRITERIA.conductQuestions;

    const opened = await publicPost("/api/public/conduct/open", { code: codes[0]!.toLowerCase() });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ groupName: w.groupA.name, questions });

    const scores = (n: number) => Object.fromEntries(questions.map((q) => [q.code, n]));
    // every question must be answered 1–5; a refused answer does not spend the code
    const partial = await publicPost("/api/public/conduct/responses", {
      code: codes[0],
      scores: { discipline: 5 },
    });
    expect(partial.statusCode).toBe(422);
    expect(errorOf(partial).code).toBe("conduct.answers_invalid");
    expect(
      (await publicPost("/api/public/conduct/responses", { code: codes[0], scores: scores(6) })).statusCode,
    ).toBe(400);

    const first = await publicPost("/api/public/conduct/responses", {
      code: codes[0],
      scores: scores(5),
      remark: "作风严谨",
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await publicPost("/api/public/conduct/responses", { code: codes[1], scores: scores(4) });
    expect(second.statusCode).toBe(201);
    const reused = await publicPost("/api/public/conduct/responses", { code: codes[0], scores: scores(1) });
    expect(reused.statusCode).toBe(422);
    expect(errorOf(reused).code).toBe("conduct.code_invalid");
    expect((await publicPost("/api/public/conduct/open", { code: codes[0] })).statusCode).toBe(422);
    expect((await publicPost("/api/public/conduct/open", { code: "ABCD-EFGH-JKMN-PQRS" })).statusCode).toBe(
      422,
    );

    // the answer keeps the group and the day only: no code, target, account or time
    const responses = await db()
      .select()
      .from(conductResponses)
      .where(eq(conductResponses.groupId, w.groupA.id));
    expect(responses).toHaveLength(2);
    expect(Object.keys(responses[0]!).sort()).toEqual([
      "answeredOn",
      "answers",
      "committeeId",
      "groupId",
      "id",
    ]);
    const used = (await db().select().from(conductCodes).where(eq(conductCodes.groupId, w.groupA.id))).filter(
      (c) => c.usedAt,
    );
    expect(used).toHaveLength(2);
    for (const u of used) expect(u.usedAt!.toISOString()).toMatch(/T00:00:00.000Z$/);

    const sheet = (await office.get(`/api/rounds/${w.round.id}/evaluations`)).json();
    const conduct = sheet.groups[0].conduct;
    expect(conduct).toMatchObject({
      codesIssued: 4,
      responses: 2,
      responseRate: 0.5,
      overall: 4.5,
      remarks: ["作风严谨"],
    });
    expect(conduct.averages[0]).toMatchObject({ code: questions[0]!.code, average: 4.5 });
    expect(sheet.groups[1].conduct.responses).toBe(0);
  });
});

describe("a person's evaluations", () => {
  it("lists the groups the person served in with role, score and conduct, for the office of their committee", async () => {
    const w = await buildWorld(db());
    await atStage(w, "reporting");
    const office = await as(w, "office");
    await office.request("PUT", `/api/groups/${w.groupA.id}/evaluation`, {
      scores: fullMarks(),
      comment: "好",
    });
    const res = await office.get(`/api/people/${w.people.leaderA.id}/evaluations`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({
        roundId: w.round.id,
        groupId: w.groupA.id,
        groupName: w.groupA.name,
        role: "leader",
        evaluation: expect.objectContaining({ total: 100, maxTotal: 100, grade: "优秀", comment: "好" }),
        conduct: null,
      }),
    ]);
    const b = await office.get(`/api/people/${w.people.memberB.id}/evaluations`);
    expect(b.json()).toEqual([
      expect.objectContaining({ groupId: w.groupB.id, role: "member", evaluation: null }),
    ]);
    expect(
      (await (await as(w, "leadership")).get(`/api/people/${w.people.leaderA.id}/evaluations`)).statusCode,
    ).toBe(200);
    await refused(
      await as(w, "otherOffice"),
      (s) => s.get(`/api/people/${w.people.leaderA.id}/evaluations`),
      404,
      "person.not_found",
    );
    await refused(
      await as(w, "memberA"),
      (s) => s.get(`/api/people/${w.people.leaderA.id}/evaluations`),
      403,
      "auth.forbidden",
    );
  });
});
