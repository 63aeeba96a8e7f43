import {
  buildAccount,
  buildFeedback,
  buildFinding,
  buildGroup,
  buildRound,
  buildTarget,
} from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs, type Session } from "../../../test/client";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld, type World } from "../../../test/world";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const as = (w: World, key: keyof World["accounts"]): Promise<Session> =>
  loginAs(t.app, w.accounts[key].username);

const FORMULA = "整改率 = 已销号的问题数 ÷ 已反馈给被巡察单位的问题数 × 100%";
/** The round's rate (the same as GET /api/rectification/rates?by=round). */
const ROUND_FORMULA = "本轮整改率 = 本轮已销号的问题数 ÷ 本轮已反馈给被巡察单位的问题数 × 100%";

/**
 * A known mix of findings, built directly in the database:
 *  round (groups A and B)                       A    B
 *    drafts                                      2    1
 *    returned                                    1    –
 *    approved, undecided                         1    –
 *    approved, rectify, not fed back             1    –
 *    approved, rectify, fed back, open           1    –
 *    approved, rectify, fed back, closed         1    1
 *    approved, department, fed back, closed      –    1
 *    approved, clue                              1    1
 *  a later round of the committee: 1 approved, fed back and closed; 1 draft
 *  another committee: 1 approved finding
 */
async function buildMix() {
  const db = t.database.db;
  const w = await buildWorld(db);
  const c = w.committee.id;
  const fb = {
    A: await buildFeedback(db, {
      committeeId: c,
      roundId: w.round.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.office.id,
    }),
    B: await buildFeedback(db, {
      committeeId: c,
      roundId: w.round.id,
      targetId: w.targetB.id,
      createdBy: w.accounts.office.id,
    }),
  };
  const closedAt = new Date();
  const inGroup = (g: "A" | "B", rest: Partial<Parameters<typeof buildFinding>[1]>) =>
    buildFinding(db, {
      committeeId: c,
      roundId: w.round.id,
      groupId: g === "A" ? w.groupA.id : w.groupB.id,
      targetId: g === "A" ? w.targetA.id : w.targetB.id,
      createdBy: w.accounts.memberA.id,
      ...rest,
    });
  // Group A
  await inGroup("A", { status: "draft" });
  await inGroup("A", { status: "draft" });
  await inGroup("A", { status: "returned" });
  await inGroup("A", { status: "approved", category: "sixDisciplines.1" });
  await inGroup("A", { status: "approved", route: "rectify" });
  await inGroup("A", { status: "approved", route: "rectify", feedbackId: fb.A.id });
  await inGroup("A", { status: "approved", route: "rectify", feedbackId: fb.A.id, closedAt });
  await inGroup("A", { status: "approved", route: "clue" });
  // Group B
  await inGroup("B", { status: "draft" });
  await inGroup("B", { status: "approved", route: "rectify", feedbackId: fb.B.id, closedAt });
  await inGroup("B", {
    status: "approved",
    route: "department",
    routeDept: "组织部",
    feedbackId: fb.B.id,
    closedAt,
  });
  await inGroup("B", { status: "approved", route: "clue", category: "sixDisciplines.5" });

  // A later round of the same committee.
  const later = await buildRound(db, { committeeId: c, termId: w.round.termId, number: 2 });
  const laterGroup = await buildGroup(db, { committeeId: c, roundId: later.id, targetIds: [w.targetA.id] });
  const laterFb = await buildFeedback(db, {
    committeeId: c,
    roundId: later.id,
    targetId: w.targetA.id,
    createdBy: w.accounts.office.id,
  });
  const inLater = {
    committeeId: c,
    roundId: later.id,
    groupId: laterGroup.id,
    targetId: w.targetA.id,
    createdBy: w.accounts.office.id,
  };
  await buildFinding(db, {
    ...inLater,
    status: "approved",
    route: "rectify",
    feedbackId: laterFb.id,
    closedAt,
  });
  await buildFinding(db, { ...inLater, status: "draft" });

  // Another committee.
  const o = w.other.id;
  const oRound = await buildRound(db, { committeeId: o });
  const oTarget = await buildTarget(db, { committeeId: o });
  const oGroup = await buildGroup(db, { committeeId: o, roundId: oRound.id, targetIds: [oTarget.id] });
  await buildFinding(db, {
    committeeId: o,
    roundId: oRound.id,
    groupId: oGroup.id,
    targetId: oTarget.id,
    createdBy: w.accounts.otherOffice.id,
    status: "approved",
  });
  return { w, later };
}

describe("round statistics", () => {
  let w: World;
  let later: { id: string };
  beforeAll(async () => {
    ({ w, later } = await buildMix());
  });

  const whole = {
    findings: 8,
    drafts: 3,
    clues: 2,
    fedBack: 4,
    closed: 3,
    rectificationRate: { numerator: 3, denominator: 4, percent: 75, formula: ROUND_FORMULA },
  };

  it("counts the whole round from the records for the office and leadership", async () => {
    for (const key of ["office", "leadership", "officeHead"] as const) {
      const res = await (await as(w, key)).get(`/api/rounds/${w.round.id}/statistics`);
      expect(res.statusCode, key).toBe(200);
      expect(res.json(), key).toEqual(whole);
    }
    // The round page shows the same figures.
    expect((await (await as(w, "office")).get(`/api/rounds/${w.round.id}`)).json().statistics).toEqual(whole);
    // The later round counts only its own.
    expect((await (await as(w, "office")).get(`/api/rounds/${later.id}/statistics`)).json()).toEqual({
      findings: 1,
      drafts: 1,
      clues: 0,
      fedBack: 1,
      closed: 1,
      rectificationRate: { numerator: 1, denominator: 1, percent: 100, formula: ROUND_FORMULA },
    });
  });

  it("a group counts what it may see: its own group's findings", async () => {
    for (const key of ["memberA", "leaderA"] as const) {
      expect((await (await as(w, key)).get(`/api/rounds/${w.round.id}/statistics`)).json(), key).toEqual({
        findings: 5,
        drafts: 2,
        clues: 1,
        fedBack: 2,
        closed: 1,
        rectificationRate: { numerator: 1, denominator: 2, percent: 50, formula: ROUND_FORMULA },
      });
    }
    expect((await (await as(w, "memberB")).get(`/api/rounds/${w.round.id}/statistics`)).json()).toEqual({
      findings: 3,
      drafts: 1,
      clues: 1,
      fedBack: 2,
      closed: 2,
      rectificationRate: { numerator: 2, denominator: 2, percent: 100, formula: ROUND_FORMULA },
    });
  });

  it("gives 404 outside the caller's rounds and 403 to roles without statistics", async () => {
    for (const key of ["otherOffice", "otherLeadership"] as const) {
      const res = await (await as(w, key)).get(`/api/rounds/${w.round.id}/statistics`);
      expect(res.statusCode, key).toBe(404);
      expect(errorOf(res).code).toBe("round.not_found");
    }
    const notTheirs = await (await as(w, "memberA")).get(`/api/rounds/${later.id}/statistics`);
    expect(notTheirs.statusCode).toBe(404);
    for (const key of ["contactA", "discipline", "organization", "sysAdmin"] as const) {
      const res = await (await as(w, key)).get(`/api/rounds/${w.round.id}/statistics`);
      expect(res.statusCode, key).toBe(403);
      expect(errorOf(res).code).toBe("auth.forbidden");
    }
    const bad = await (await as(w, "office")).get("/api/rounds/xyz/statistics");
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe("request.invalid");
  });

  it("an empty round has no rate yet", async () => {
    const empty = await buildRound(t.database.db, {
      committeeId: w.committee.id,
      termId: w.round.termId,
      number: 3,
    });
    expect((await (await as(w, "office")).get(`/api/rounds/${empty.id}/statistics`)).json()).toEqual({
      findings: 0,
      drafts: 0,
      clues: 0,
      fedBack: 0,
      closed: 0,
      rectificationRate: { numerator: 0, denominator: 0, percent: null, formula: ROUND_FORMULA },
    });
  });
});

describe("the overview", () => {
  let w: World;
  beforeAll(async () => {
    ({ w } = await buildMix());
  });

  const sortByCategory = (rows: { category: string; count: number }[]) =>
    [...rows].sort((a, b) => a.category.localeCompare(b.category));

  const committeeFigures = () => ({
    committee: { id: w.committee.id, name: w.committee.name, level: "county" },
    rounds: 2,
    targets: 2,
    findings: 9,
    drafts: 4,
    clues: 2,
    fedBack: 5,
    closed: 4,
    rectificationRate: { numerator: 4, denominator: 5, percent: 80, formula: FORMULA },
  });

  it("the office and leadership see their own committee, counted from the records", async () => {
    for (const key of ["office", "leadership"] as const) {
      const res = await (await as(w, key)).get("/api/statistics/overview");
      expect(res.statusCode, key).toBe(200);
      const body = res.json();
      expect(body, key).toHaveLength(1);
      const { byCategory, ...figures } = body[0];
      expect(figures).toEqual(committeeFigures());
      expect(sortByCategory(byCategory)).toEqual([
        { category: "sixDisciplines.1", count: 1 },
        { category: "sixDisciplines.3", count: 7 },
        { category: "sixDisciplines.5", count: 1 },
      ]);
    }
  });

  it("another committee's office sees only its own committee", async () => {
    const body = (await (await as(w, "otherOffice")).get("/api/statistics/overview")).json();
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      committee: { id: w.other.id },
      rounds: 1,
      targets: 1,
      findings: 1,
      drafts: 0,
    });
  });

  it("the upper level of the parent city sees the county below it, and no other", async () => {
    const upper = await buildAccount(t.database.db, {
      committeeId: w.committee.parentId,
      role: "upperLevel",
    });
    const res = await (await loginAs(t.app, upper.username)).get("/api/statistics/overview");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.map((r: { committee: { id: string } }) => r.committee.id)).toEqual([w.committee.id]);
    const { byCategory: _, ...figures } = body[0];
    expect(figures).toEqual(committeeFigures());
    // The other county's city sees only that county.
    const otherUpper = await buildAccount(t.database.db, {
      committeeId: w.other.parentId,
      role: "upperLevel",
    });
    const theirs = (await (await loginAs(t.app, otherUpper.username)).get("/api/statistics/overview")).json();
    expect(theirs.map((r: { committee: { id: string } }) => r.committee.id)).toEqual([w.other.id]);
  });

  it("group members, contacts, reviewers and administrators are refused", async () => {
    for (const key of ["memberA", "leaderA", "contactA", "discipline", "sysAdmin"] as const) {
      const res = await (await as(w, key)).get("/api/statistics/overview");
      expect(res.statusCode, key).toBe(403);
      expect(errorOf(res).code).toBe("auth.forbidden");
    }
  });
});
