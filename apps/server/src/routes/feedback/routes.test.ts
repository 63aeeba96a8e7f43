import { count, eq, feedbacks, findings } from "@xuncha/db";
import { buildFeedback, buildFinding, buildRound, buildTarget } from "@xuncha/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../../test/client";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;

const make = (
  w: World,
  overrides: Partial<Parameters<typeof buildFinding>[1]> & { inGroup?: "A" | "B" } = {},
) => {
  const { inGroup = "A", ...rest } = overrides;
  return buildFinding(kit.t.database.db, {
    committeeId: w.committee.id,
    roundId: w.round.id,
    groupId: inGroup === "A" ? w.groupA.id : w.groupB.id,
    targetId: inGroup === "A" ? w.targetA.id : w.targetB.id,
    createdBy: w.accounts.memberA.id,
    ...rest,
  });
};

const feedbackOf = async (findingId: string) =>
  (
    await kit.t.database.db
      .select({ feedbackId: findings.feedbackId })
      .from(findings)
      .where(eq(findings.id, findingId))
  )[0]!.feedbackId;

const feedbackCount = async (roundId: string) =>
  Number(
    (await kit.t.database.db.select({ n: count() }).from(feedbacks).where(eq(feedbacks.roundId, roundId)))[0]!
      .n,
  );

const fbBody = (w: World, overrides: Record<string, unknown> = {}) => ({
  roundId: w.round.id,
  targetId: w.targetA.id,
  givenOn: "2026-10-20",
  form: "meeting",
  requirements: "限期两个月整改",
  ...overrides,
});

describe("giving feedback", () => {
  it("feeds back the target's approved findings routed for rectification or to a department, and nothing else", async () => {
    const w = await buildWorld(kit.t.database.db);
    const rectify = await make(w, { status: "approved", route: "rectify" });
    const department = await make(w, { status: "approved", route: "department", routeDept: "组织部" });
    const draft = await make(w, { status: "draft" });
    const returned = await make(w, { status: "returned" });
    const clue = await make(w, { status: "approved", route: "clue" });
    const undecided = await make(w, { status: "approved" });
    const otherTarget = await make(w, { inGroup: "B", status: "approved", route: "rectify" });
    const later = await buildRound(kit.t.database.db, {
      committeeId: w.committee.id,
      termId: w.round.termId,
      number: 2,
    });
    const otherRound = await make(w, { roundId: later.id, status: "approved", route: "rectify" });

    const office = await as(w, "office");
    const res = await office.post("/api/feedbacks", fbBody(w));
    expect(res.statusCode).toBe(201);
    const fb = res.json();
    expect(fb).toMatchObject({
      id: expect.any(String),
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      givenOn: "2026-10-20",
      form: "meeting",
      requirements: "限期两个月整改",
      createdBy: office.id,
      findingCount: 2,
    });
    expect(await feedbackOf(rectify.id)).toBe(fb.id);
    expect(await feedbackOf(department.id)).toBe(fb.id);
    for (const f of [draft, returned, clue, undecided, otherTarget, otherRound])
      expect(await feedbackOf(f.id)).toBeNull();
    const [entry] = await audited("feedback.give", fb.id);
    expect(entry).toMatchObject({ actorId: office.id, committeeId: w.committee.id, entity: "feedback" });
    expect(entry!.summary).toMatchObject({
      roundId: w.round.id,
      targetId: w.targetA.id,
      findings: 2,
      form: "meeting",
    });
  });

  it("a second feedback with nothing left is refused; a newly decided finding can be fed back later", async () => {
    const w = await buildWorld(kit.t.database.db);
    await make(w, { status: "approved", route: "rectify" });
    const office = await as(w, "office");
    expect((await office.post("/api/feedbacks", fbBody(w))).statusCode).toBe(201);
    const e = await refused(
      office,
      (s) => s.post("/api/feedbacks", fbBody(w)),
      409,
      "feedback.nothing_to_feed_back",
    );
    expect(e.message).toBe("该对象没有可反馈的问题");
    expect(await feedbackCount(w.round.id)).toBe(1);
    await make(w, { status: "approved", route: "department", routeDept: "教育局" });
    const second = await office.post(
      "/api/feedbacks",
      fbBody(w, { form: "written", requirements: undefined }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ findingCount: 1, form: "written", requirements: "" });
  });

  it("refuses a target with only drafts, clues or undecided findings", async () => {
    const w = await buildWorld(kit.t.database.db);
    await make(w, { status: "draft", route: "rectify" });
    await make(w, { status: "approved", route: "clue" });
    await make(w, { status: "approved" });
    await refused(
      await as(w, "office"),
      (s) => s.post("/api/feedbacks", fbBody(w)),
      409,
      "feedback.nothing_to_feed_back",
    );
    expect(await feedbackCount(w.round.id)).toBe(0);
  });

  it("refuses invalid bodies with a Chinese message naming the field", async () => {
    const w = await buildWorld(kit.t.database.db);
    await make(w, { status: "approved", route: "rectify" });
    const office = await as(w, "office");
    const post = (b: unknown) => (s: As) => s.post("/api/feedbacks", b);
    expect(
      (await refused(office, post(fbBody(w, { form: "phone" })), 400, "request.invalid")).message,
    ).toContain("form");
    expect(
      (await refused(office, post(fbBody(w, { givenOn: "20261020" })), 400, "request.invalid")).message,
    ).toContain("givenOn");
    expect(
      (await refused(office, post(fbBody(w, { givenOn: undefined })), 400, "request.invalid")).message,
    ).toContain("givenOn");
    expect(
      (await refused(office, post(fbBody(w, { findingIds: [] })), 400, "request.invalid")).message,
    ).toContain("findingIds");
    expect(
      (await refused(office, post(fbBody(w, { targetId: "t" })), 400, "request.invalid")).message,
    ).toContain("targetId");
    expect(await feedbackCount(w.round.id)).toBe(0);
  });

  it("refuses a date that does not exist (2026-02-30)", async () => {
    const w = await buildWorld(kit.t.database.db);
    await make(w, { status: "approved", route: "rectify" });
    const e = await refused(
      await as(w, "office"),
      (s) => s.post("/api/feedbacks", fbBody(w, { givenOn: "2026-02-30" })),
      400,
      "request.invalid",
    );
    expect(e.message).toContain("givenOn");
    expect(await feedbackCount(w.round.id)).toBe(0);
  });

  it("only the office of the round's committee gives feedback, to a target of that committee", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { status: "approved", route: "rectify" });
    for (const key of ["leadership", "leaderA", "contactA"] as const) {
      await refused(await as(w, key), (s) => s.post("/api/feedbacks", fbBody(w)), 403, "auth.forbidden");
    }
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post("/api/feedbacks", fbBody(w)),
      404,
      "round.not_found",
    );
    const foreign = await buildTarget(kit.t.database.db, { committeeId: w.other.id });
    await refused(
      await as(w, "office"),
      (s) => s.post("/api/feedbacks", fbBody(w, { targetId: foreign.id })),
      404,
      "target.not_found",
    );
    await refused(
      await as(w, "office"),
      (s) => s.post("/api/feedbacks", fbBody(w, { roundId: "00000000-0000-4000-8000-000000000000" })),
      404,
      "round.not_found",
    );
    expect(await feedbackOf(f.id)).toBeNull();
  });
});

describe("listing feedback", () => {
  let w: World;
  let fbA: { id: string };
  let fbB: { id: string };
  let fbLater: { id: string };
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
    const base = { committeeId: w.committee.id, roundId: w.round.id, createdBy: w.accounts.office.id };
    fbA = await buildFeedback(kit.t.database.db, { ...base, targetId: w.targetA.id, givenOn: "2026-10-20" });
    fbB = await buildFeedback(kit.t.database.db, { ...base, targetId: w.targetB.id, givenOn: "2026-10-21" });
    await make(w, { status: "approved", route: "rectify", feedbackId: fbA.id });
    await make(w, { status: "approved", route: "department", routeDept: "组织部", feedbackId: fbA.id });
    await make(w, { inGroup: "B", status: "approved", route: "rectify", feedbackId: fbB.id });
    const later = await buildRound(kit.t.database.db, {
      committeeId: w.committee.id,
      termId: w.round.termId,
      number: 2,
    });
    fbLater = await buildFeedback(kit.t.database.db, {
      ...base,
      roundId: later.id,
      targetId: w.targetA.id,
      givenOn: "2026-12-01",
    });
  });

  it("the office and leadership list the committee's feedback, newest first, with finding counts", async () => {
    for (const key of ["office", "leadership"] as const) {
      const res = await (await as(w, key)).get("/api/feedbacks");
      expect(res.statusCode).toBe(200);
      const list = res.json();
      expect(list.map((f: { id: string }) => f.id)).toEqual([fbLater.id, fbB.id, fbA.id]);
      expect(list[2]).toEqual({
        id: fbA.id,
        roundId: w.round.id,
        targetId: w.targetA.id,
        targetName: w.targetA.name,
        givenOn: "2026-10-20",
        form: "meeting",
        requirements: "",
        findingCount: 2,
      });
    }
    const inRound = (await (await as(w, "office")).get(`/api/feedbacks?roundId=${w.round.id}`)).json();
    expect(inRound.map((f: { id: string }) => f.id)).toEqual([fbB.id, fbA.id]);
  });

  it("a target's contact sees its own feedback, never another target's", async () => {
    const a = (await (await as(w, "contactA")).get("/api/feedbacks")).json();
    expect(a.map((f: { id: string }) => f.id).sort()).toEqual([fbA.id, fbLater.id].sort());
    const b = (await (await as(w, "contactB")).get("/api/feedbacks")).json();
    expect(b.map((f: { id: string }) => f.id)).toEqual([fbB.id]);
  });

  it("another committee lists none; group members and reviewers are refused", async () => {
    expect((await (await as(w, "otherOffice")).get("/api/feedbacks")).json()).toEqual([]);
    for (const key of ["memberA", "leaderA", "discipline", "sysAdmin"] as const) {
      const res = await (await as(w, key)).get("/api/feedbacks");
      expect(res.statusCode, key).toBe(403);
      expect(errorOf(res).code).toBe("auth.forbidden");
    }
  });

  it("refuses unknown or malformed filters", async () => {
    const office = await as(w, "office");
    for (const query of ["roundId=abc", `targetId=${w.targetA.id}`]) {
      const res = await office.get(`/api/feedbacks?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).code).toBe("request.invalid");
    }
  });
});
