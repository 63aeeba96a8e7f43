import {
  committeeSettings,
  eq,
  measures,
  notifications,
  partyReviews,
  reviewSubjects,
  reviewVersions,
} from "@xuncha/db";
import { buildAccount, buildFeedback, buildFinding } from "@xuncha/db/testing";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { multipart, PNG } from "../../../test/multipart";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

const measureBody = (overrides: Record<string, unknown> = {}) => ({
  content: "清退违规发放的津补贴",
  goal: "全部清退",
  responsibleLeader: "王书记",
  responsibleDept: "财务科",
  responsiblePerson: "张三",
  deadline: "2099-06-30",
  ...overrides,
});

interface Detail {
  subject: {
    id: string;
    kind: string;
    status: string;
    statusLabel: string;
    version: number | null;
    dueOn: string;
  };
  draft: {
    summary?: string;
    text?: string;
    entries?: Record<string, { progress: string; completion: string }>;
    findings: { id: string; number: number; title: string; measures: { id: string; content: string }[] }[];
    signOff: { kind: string; name: string } | null;
  };
  versions: {
    number: number;
    parties: string[];
    content: { measures: { id: string }[] };
    signOff: { kind: string; signedByName: string; fileName: string | null };
  }[];
  state: {
    status: string;
    awaiting: string[];
    parties: { party: string; answered: boolean; toReview: string[]; standing: { measureId: string }[] }[];
  };
  gathered: {
    version: number;
    returns: number;
    whole: { party: string; opinion: string }[];
    measures: {
      measureId: string;
      opinions: { party: string; partyLabel: string; reviewerName: string; opinion: string }[];
    }[];
  } | null;
  myParties: string[];
  changes: {
    party: string;
    lastReviewedVersion: number | null;
    toReview: string[];
    diff: { measures: { id: string; kind: string }[]; unchanged: string[] };
    findingTitles: Record<string, string>;
  }[];
  abilities: Record<string, boolean>;
}

/** A world with a principal for target A and a feedback to A of two findings routed for rectification. */
async function setup() {
  const w = await buildWorld(db());
  const base = { committeeId: w.committee.id, roundId: w.round.id, targetId: w.targetA.id };
  const feedback = await buildFeedback(db(), {
    ...base,
    createdBy: w.accounts.office.id,
    givenOn: "2026-10-10",
  });
  const finding = (title: string, description: string) =>
    buildFinding(db(), {
      ...base,
      groupId: w.groupA.id,
      createdBy: w.accounts.memberA.id,
      status: "approved",
      route: "rectify",
      feedbackId: feedback.id,
      title,
      description,
    });
  const f1 = await finding("津补贴违规发放", "违规发放加班补贴12万元");
  const f2 = await finding("制度执行不严", "公务接待制度执行不严格");
  const principal = await buildAccount(db(), {
    committeeId: w.committee.id,
    role: "targetContact",
    targetId: w.targetA.id,
    isHead: true,
    name: "甲单位书记",
  });
  const login = async (a: { id: string; username: string }): Promise<As> =>
    Object.assign(await loginAs(kit.t.app, a.username), { id: a.id });
  return { w, feedback, f1, f2, principal: await login(principal), login };
}
type Setup = Awaited<ReturnType<typeof setup>>;

const detail = async (s: As, id: string) => {
  const res = await s.get(`/api/rectification/subjects/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};

/** The contact opens the plan and adds one measure to each finding. */
async function draftPlan(x: Setup) {
  const contact = await as(x.w, "contactA");
  const plan = (await contact.post(`/api/rectification/feedbacks/${x.feedback.id}/plan`)).json() as Detail;
  const m1 = (await contact.post(`/api/findings/${x.f1.id}/measures`, measureBody())).json();
  const m2 = (
    await contact.post(`/api/findings/${x.f2.id}/measures`, measureBody({ content: "修订公务接待管理办法" }))
  ).json();
  return { contact, id: plan.subject.id, m1: m1.id as string, m2: m2.id as string };
}

/** Signed off by the principal and submitted by the contact. */
async function signAndSubmit(x: Setup, contact: As, id: string) {
  const signed = await x.principal.post(`/api/rectification/subjects/${id}/sign-off`);
  expect(signed.statusCode, signed.body).toBe(200);
  const res = await contact.post(`/api/rectification/subjects/${id}/submit`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}

const pass = { decision: "pass", opinion: "" } as const;
const review = (s: As, id: string, body: Record<string, unknown>) =>
  s.post(`/api/rectification/subjects/${id}/reviews`, body);

describe("the plan", () => {
  it("the contact opens the plan once, due a month after the feedback; others get nothing", async () => {
    const x = await setup();
    const contact = await as(x.w, "contactA");
    const url = `/api/rectification/feedbacks/${x.feedback.id}/plan`;
    const first = await contact.post(url);
    expect(first.statusCode, first.body).toBe(200);
    const plan = first.json() as Detail;
    expect(plan.subject).toMatchObject({
      kind: "plan",
      status: "draft",
      statusLabel: "未提交",
      version: null,
      dueOn: "2026-11-10",
    });
    expect(plan.draft.findings.map((f) => [f.number, f.title])).toEqual([
      [1, "津补贴违规发放"],
      [2, "制度执行不严"],
    ]);
    expect(plan.abilities).toMatchObject({
      edit: true,
      signOff: true,
      confirmSignOff: false,
      submit: false,
      review: false,
    });
    const again = (await contact.post(url)).json() as Detail;
    expect(again.subject.id).toBe(plan.subject.id);
    expect(await audited("review_subject.create", plan.subject.id)).toHaveLength(1);

    await refused(await as(x.w, "contactB"), (s) => s.post(url), 404, "feedback.not_found");
    await refused(await as(x.w, "office"), (s) => s.post(url), 403, "auth.forbidden");
    // Another target's contact does not see the plan, a reviewer does not see a draft.
    await refused(
      await as(x.w, "contactB"),
      (s) => s.get(`/api/rectification/subjects/${plan.subject.id}`),
      404,
      "review_subject.not_found",
    );
    await refused(
      await as(x.w, "discipline"),
      (s) => s.get(`/api/rectification/subjects/${plan.subject.id}`),
      404,
      "review_subject.not_found",
    );
    await refused(
      await as(x.w, "otherOffice"),
      (s) => s.get(`/api/rectification/subjects/${plan.subject.id}`),
      404,
      "review_subject.not_found",
    );
    // The office and the leading group read it.
    expect((await detail(await as(x.w, "office"), plan.subject.id)).abilities.edit).toBe(false);
    await detail(await as(x.w, "leadership"), plan.subject.id);
  });

  it("measures are edited and deleted while a draft, keeping their ids; the summary is saved", async () => {
    const x = await setup();
    const { contact, id, m1, m2 } = await draftPlan(x);
    const patched = await contact.patch(`/api/measures/${m1}`, {
      content: "清退全部违规补贴",
      deadline: "2099-03-31",
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      id: m1,
      content: "清退全部违规补贴",
      deadline: "2099-03-31",
      responsiblePerson: "张三",
    });
    expect(await audited("measure.update", m1)).toHaveLength(1);
    const saved = await contact.request("PUT", `/api/rectification/subjects/${id}/draft`, {
      summary: "总体思路",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as Detail).draft.summary).toBe("总体思路");
    const extra = (
      await contact.post(`/api/findings/${x.f2.id}/measures`, measureBody({ content: "多余" }))
    ).json();
    const del = await contact.request("DELETE", `/api/measures/${extra.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await audited("measure.delete", extra.id)).toHaveLength(1);
    const d = await detail(contact, id);
    expect(d.draft.findings.map((f) => f.measures.map((m) => m.id))).toEqual([[m1], [m2]]);
    // Another target's contact and the office cannot touch the measures.
    await refused(
      await as(x.w, "contactB"),
      (s) => s.patch(`/api/measures/${m1}`, { goal: "x" }),
      404,
      "measure.not_found",
    );
    await refused(
      await as(x.w, "contactB"),
      (s) => s.request("DELETE", `/api/measures/${m1}`),
      404,
      "measure.not_found",
    );
    await refused(
      await as(x.w, "office"),
      (s) => s.patch(`/api/measures/${m1}`, { goal: "x" }),
      403,
      "auth.forbidden",
    );
    await refused(contact, (s) => s.patch(`/api/measures/${m1}`, {}), 400, "request.invalid");
    await refused(
      contact,
      (s) => s.request("PUT", `/api/rectification/subjects/${id}/draft`, { text: "x", entries: {} }),
      400,
      "request.invalid",
    );
  });

  it("submission needs the principal's sign-off on exactly this draft; an edit voids it", async () => {
    const x = await setup();
    const { contact, id, m1 } = await draftPlan(x);
    const submit = (s: As) => s.post(`/api/rectification/subjects/${id}/submit`);
    const e = await refused(contact, submit, 409, "review_subject.sign_off_required");
    expect(e.message).toContain("主要负责人");
    // A contact who is not the principal cannot confirm by account.
    await refused(
      contact,
      (s) => s.post(`/api/rectification/subjects/${id}/sign-off`),
      403,
      "review_subject.principal_only",
    );
    const signed = await x.principal.post(`/api/rectification/subjects/${id}/sign-off`);
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as Detail).draft.signOff).toMatchObject({ kind: "account", name: "甲单位书记" });
    expect((signed.json() as Detail).abilities).toMatchObject({ confirmSignOff: true, submit: true });
    expect(await audited("review_subject.sign_off", id)).toHaveLength(1);
    // An edit after the sign-off voids it.
    await contact.patch(`/api/measures/${m1}`, { goal: "清退到位" });
    expect((await detail(contact, id)).draft.signOff).toBeNull();
    await refused(contact, submit, 409, "review_subject.sign_off_required");
    // A signed scan uploaded by the contact serves too.
    const upload = await contact.request(
      "POST",
      "/api/files",
      ...(() => {
        const m = multipart("签字页.png", PNG, "image/png");
        return [m.payload, m.headers] as const;
      })(),
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const scan = await contact.post(`/api/rectification/subjects/${id}/sign-off`, {
      fileId: upload.json().id,
    });
    expect(scan.statusCode, scan.body).toBe(200);
    const draftScan = await (await as(x.w, "office")).get(`/api/rectification/subjects/${id}/sign-off-scan`);
    expect(draftScan.statusCode).toBe(200);
    expect(draftScan.rawPayload.equals(PNG)).toBe(true);
    const submitted = await submit(contact);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const d = submitted.json() as Detail;
    expect(d.subject).toMatchObject({ status: "underReview", version: 1 });
    expect(d.versions[0]!.signOff).toMatchObject({
      kind: "scan",
      signedByName: "甲联系人",
      fileName: "签字页.png",
    });
    expect(d.versions[0]!.parties).toEqual(["office", "disciplineCommission", "organizationDept", "group"]);
    expect(d.draft.signOff).toBeNull();
    expect(await audited("review_subject.submit", id)).toHaveLength(1);
    // The scan stays readable with its version by the reviewers, never by another target.
    const versionScan = await (await as(x.w, "discipline")).get(
      `/api/rectification/subjects/${id}/sign-off-scan?version=1`,
    );
    expect(versionScan.statusCode).toBe(200);
    expect(versionScan.headers["x-content-sha256"]).toBe(draftScan.headers["x-content-sha256"]);
    await refused(
      await as(x.w, "contactB"),
      (s) => s.get(`/api/rectification/subjects/${id}/sign-off-scan?version=1`),
      404,
      "review_subject.not_found",
    );
    await refused(
      contact,
      (s) => s.get(`/api/rectification/subjects/${id}/sign-off-scan`),
      404,
      "file.not_found",
    );
    // Under review nothing changes: measures, the draft, a second submission.
    await refused(
      contact,
      (s) => s.patch(`/api/measures/${m1}`, { goal: "x" }),
      409,
      "review_subject.not_editable",
    );
    await refused(
      contact,
      (s) => s.request("DELETE", `/api/measures/${m1}`),
      409,
      "review_subject.not_editable",
    );
    await refused(
      contact,
      (s) => s.post(`/api/findings/${x.f1.id}/measures`, measureBody()),
      409,
      "review_subject.not_editable",
    );
    await refused(
      contact,
      (s) => s.request("PUT", `/api/rectification/subjects/${id}/draft`, { summary: "改" }),
      409,
      "review_subject.not_editable",
    );
    await refused(
      x.principal,
      (s) => s.post(`/api/rectification/subjects/${id}/sign-off`),
      409,
      "review_subject.not_editable",
    );
    await refused(contact, submit, 409, "review_subject.not_editable");
    // Every reviewing party's accounts are notified once.
    const notified = await db()
      .select({ accountId: notifications.accountId, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.dedupeKey, `review:${id}:1`));
    expect(new Set(notified.map((n) => n.link))).toEqual(new Set([`/rectification/reviews/${id}`]));
    expect(notified.map((n) => n.accountId).sort()).toEqual(
      [
        x.w.accounts.office.id,
        x.w.accounts.officeHead.id,
        x.w.accounts.discipline.id,
        x.w.accounts.organization.id,
        x.w.accounts.leaderA.id,
      ].sort(),
    );
  });
});

describe("the joint review", () => {
  it("four parties: one returns a measure, returned only once all answered; the resubmission re-asks only the changed measure; all pass", async () => {
    const x = await setup();
    const { contact, id, m1, m2 } = await draftPlan(x);
    await signAndSubmit(x, contact, id);
    const office = await as(x.w, "office");
    const discipline = await as(x.w, "discipline");
    const organization = await as(x.w, "organization");
    const leader = await as(x.w, "leaderA");

    const listed = await discipline.get("/api/rectification/subjects");
    expect(listed.statusCode, listed.body).toBe(200);
    const item = (listed.json() as { items: Record<string, unknown>[] }).items.find((i) => i.id === id);
    expect(item).toMatchObject({
      kind: "plan",
      kindLabel: "整改方案",
      status: "underReview",
      version: 1,
      target: { id: x.w.targetA.id },
      awaiting: ["office", "disciplineCommission", "organizationDept", "group"],
      myParties: ["disciplineCommission"],
      myTurn: true,
    });
    const mine = await detail(leader, id);
    expect(mine.myParties).toEqual(["group"]);
    expect(mine.abilities.review).toBe(true);
    expect(mine.changes[0]).toMatchObject({ party: "group", lastReviewedVersion: null, toReview: [m1, m2] });
    expect(mine.changes[0]!.findingTitles[x.f1.id]).toBe("津补贴违规发放");

    const all = { [m1]: pass, [m2]: pass };
    // 纪委 returns m1; a return needs an opinion.
    await refused(
      discipline,
      (s) =>
        review(s, id, {
          party: "disciplineCommission",
          version: 1,
          whole: pass,
          measures: { ...all, [m1]: { decision: "return", opinion: " " } },
        }),
      422,
      "joint_review.opinion_required",
    );
    await refused(
      discipline,
      (s) =>
        review(s, id, { party: "disciplineCommission", version: 1, whole: pass, measures: { [m1]: pass } }),
      422,
      "joint_review.verdicts_invalid",
    );
    const returned = { ...all, [m1]: { decision: "return", opinion: "清退时限过长，应在三个月内完成" } };
    const r1 = await review(discipline, id, {
      party: "disciplineCommission",
      version: 1,
      whole: pass,
      measures: returned,
    });
    expect(r1.statusCode, r1.body).toBe(200);
    expect((r1.json() as Detail).subject.status).toBe("underReview");
    await refused(
      discipline,
      (s) => review(s, id, { party: "disciplineCommission", version: 1, whole: pass, measures: all }),
      409,
      "joint_review.already_reviewed",
    );
    // Nobody answers for a party it does not act for.
    await refused(
      office,
      (s) => review(s, id, { party: "organizationDept", version: 1, whole: pass, measures: all }),
      403,
      "joint_review.party_not_held",
    );
    await refused(
      await as(x.w, "leaderB"),
      (s) => review(s, id, { party: "group", version: 1, whole: pass, measures: all }),
      404,
      "review_subject.not_found",
    );
    await refused(
      await as(x.w, "leaderB"),
      (s) => s.get(`/api/rectification/subjects/${id}`),
      404,
      "review_subject.not_found",
    );

    for (const [s, party] of [
      [office, "office"],
      [organization, "organizationDept"],
    ] as const) {
      const r = await review(s, id, {
        party,
        version: 1,
        whole: { decision: "pass", opinion: party === "office" ? "总体可行" : "" },
        measures: all,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect((r.json() as Detail).subject.status).toBe("underReview");
    }
    const last = await review(leader, id, { party: "group", version: 1, whole: pass, measures: all });
    const after = last.json() as Detail;
    expect(after.subject.status).toBe("returned");
    expect(after.gathered).toMatchObject({
      version: 1,
      returns: 1,
      whole: [{ party: "office", opinion: "总体可行" }],
      measures: [
        {
          measureId: m1,
          opinions: [
            {
              party: "disciplineCommission",
              partyLabel: "纪委监委",
              reviewerName: "纪委",
              opinion: "清退时限过长，应在三个月内完成",
            },
          ],
        },
      ],
    });
    expect(await db().select().from(partyReviews).where(eq(partyReviews.subjectId, id))).toHaveLength(4);
    const told = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `review-decided:${id}:1`));
    expect(told.map((n) => n.accountId).sort()).toEqual([x.w.accounts.contactA.id, x.principal.id].sort());
    expect(told[0]).toMatchObject({ kind: "review.returned", link: `/rectification/subjects/${id}` });
    expect((await detail(contact, id)).abilities).toMatchObject({ edit: true, submit: false });

    // The target revises m1 only and resubmits.
    await contact.patch(`/api/measures/${m1}`, { deadline: "2099-01-31" });
    await signAndSubmit(x, contact, id);
    const v2 = await detail(discipline, id);
    expect(v2.subject).toMatchObject({ status: "underReview", version: 2 });
    expect(v2.state.parties.map((p) => [p.party, p.toReview, p.standing.map((s) => s.measureId)])).toEqual([
      ["office", [m1], [m2]],
      ["disciplineCommission", [m1], [m2]],
      ["organizationDept", [m1], [m2]],
      ["group", [m1], [m2]],
    ]);
    expect(v2.changes[0]).toMatchObject({
      party: "disciplineCommission",
      lastReviewedVersion: 1,
      diff: { measures: [{ id: m1, kind: "changed" }], unchanged: [m2] },
    });
    // Re-asked: m1 only; answering m2 again is refused.
    await refused(
      discipline,
      (s) => review(s, id, { party: "disciplineCommission", version: 2, whole: pass, measures: all }),
      422,
      "joint_review.verdicts_invalid",
    );
    await refused(
      discipline,
      (s) =>
        review(s, id, { party: "disciplineCommission", version: 1, whole: pass, measures: { [m1]: pass } }),
      409,
      "joint_review.not_under_review",
    );
    for (const [s, party] of [
      [discipline, "disciplineCommission"],
      [office, "office"],
      [organization, "organizationDept"],
      [leader, "group"],
    ] as const) {
      const r = await review(s, id, { party, version: 2, whole: pass, measures: { [m1]: pass } });
      expect(r.statusCode, r.body).toBe(200);
    }
    const passed = await detail(contact, id);
    expect(passed.subject).toMatchObject({ status: "passed", statusLabel: "已通过", version: 2 });
    expect(passed.abilities).toMatchObject({ edit: false, submit: false, openReport: true });
    expect(passed.versions.map((v) => v.number)).toEqual([1, 2]);
    const [row] = await db().select().from(reviewSubjects).where(eq(reviewSubjects.id, id));
    expect(row!.passedAt).not.toBeNull();
    expect(await audited("review_subject.review", id)).toHaveLength(8);
    // A passed plan is final.
    await refused(
      contact,
      (s) => s.patch(`/api/measures/${m1}`, { goal: "x" }),
      409,
      "review_subject.not_editable",
    );

    // Counts: one plan, two versions reviewed, one returned; opinions 2 (office's whole, 纪委's return).
    const counts = await office.get(`/api/rectification/review-counts?roundId=${x.w.round.id}`);
    expect(counts.statusCode, counts.body).toBe(200);
    expect(counts.json()).toMatchObject({
      plans: { reviewed: 2, returned: 1, opinions: 2, returnVerdicts: 1 },
      reports: { reviewed: 0, returned: 0, opinions: 0, returnVerdicts: 0 },
      total: { reviewed: 2, returned: 1, opinions: 2, returnVerdicts: 1 },
    });
    const parties = (
      counts.json() as { parties: { party: string; reviewed: number; opinions: number; returns: number }[] }
    ).parties;
    expect(parties).toEqual([
      { party: "office", label: "巡察办", reviewed: 2, opinions: 1, returns: 0 },
      { party: "disciplineCommission", label: "纪委监委", reviewed: 2, opinions: 1, returns: 1 },
      { party: "organizationDept", label: "组织部", reviewed: 2, opinions: 0, returns: 0 },
      { party: "group", label: "巡察组", reviewed: 2, opinions: 0, returns: 0 },
    ]);
    const other = (await (await as(x.w, "otherOffice")).get("/api/rectification/review-counts")).json();
    expect(other.total).toEqual({ reviewed: 0, returned: 0, opinions: 0, returnVerdicts: 0 });
    await refused(contact, (s) => s.get("/api/rectification/review-counts"), 403, "auth.forbidden");
  });

  it("a party that is not on the version neither sees nor reviews it", async () => {
    const x = await setup();
    await db()
      .insert(committeeSettings)
      .values({
        committeeId: x.w.committee.id,
        key: "rectification.jointReview",
        value: { parties: ["office", "group"] },
      });
    const { contact, id, m1, m2 } = await draftPlan(x);
    const d = await signAndSubmit(x, contact, id);
    expect(d.versions[0]!.parties).toEqual(["office", "group"]);
    const discipline = await as(x.w, "discipline");
    await refused(
      discipline,
      (s) => s.get(`/api/rectification/subjects/${id}`),
      404,
      "review_subject.not_found",
    );
    await refused(
      discipline,
      (s) =>
        review(s, id, {
          party: "disciplineCommission",
          version: 1,
          whole: pass,
          measures: { [m1]: pass, [m2]: pass },
        }),
      404,
      "review_subject.not_found",
    );
    expect(
      ((await discipline.get("/api/rectification/subjects")).json() as { items: { id: string }[] }).items.map(
        (i) => i.id,
      ),
    ).not.toContain(id);
    // The office holds the party 纪委监委 of nobody: not a party of this version.
    await refused(
      await as(x.w, "office"),
      (s) => review(s, id, { party: "disciplineCommission", version: 1, whole: pass, measures: {} }),
      403,
      "joint_review.party_not_held",
    );
    expect(await db().select().from(partyReviews).where(eq(partyReviews.subjectId, id))).toEqual([]);
  });

  it("lists: a contact sees its own target's, filters by kind and status", async () => {
    const x = await setup();
    const { id } = await draftPlan(x);
    const a = (
      await (await as(x.w, "contactA")).get("/api/rectification/subjects?kind=plan&status=draft")
    ).json();
    expect(a.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(a.items[0]).toMatchObject({
      awaiting: [],
      myParties: [],
      myTurn: false,
      round: { id: x.w.round.id },
    });
    expect(
      (await (await as(x.w, "contactA")).get("/api/rectification/subjects?status=passed")).json().items,
    ).toEqual([]);
    expect((await (await as(x.w, "contactB")).get("/api/rectification/subjects")).json().items).toEqual([]);
    const office = (
      await (await as(x.w, "office")).get(`/api/rectification/subjects?targetId=${x.w.targetA.id}`)
    ).json();
    expect(office.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await (await as(x.w, "otherOffice")).get("/api/rectification/subjects")).json().items).toEqual(
      [],
    );
    await refused(
      await as(x.w, "memberA"),
      (s) => s.get("/api/rectification/subjects"),
      403,
      "auth.forbidden",
    );
  });
});

/** A plan passed by all four parties. */
async function passedPlan(x: Setup) {
  const p = await draftPlan(x);
  await signAndSubmit(x, p.contact, p.id);
  const measuresAll = { [p.m1]: pass, [p.m2]: pass };
  for (const [key, party] of [
    ["office", "office"],
    ["discipline", "disciplineCommission"],
    ["organization", "organizationDept"],
    ["leaderA", "group"],
  ] as const) {
    const r = await review(await as(x.w, key), p.id, {
      party,
      version: 1,
      whole: pass,
      measures: measuresAll,
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  return p;
}

describe("reports", () => {
  it("open after the plan passed, prefilled from the latest progress; the final report once", async () => {
    const x = await setup();
    const contact = await as(x.w, "contactA");
    const url = `/api/rectification/feedbacks/${x.feedback.id}/reports`;
    await refused(
      contact,
      (s) => s.post(url, { kind: "progressReport" }),
      409,
      "review_subject.plan_not_passed",
    );
    const p = await passedPlan(x);
    await contact.post(`/api/measures/${p.m1}/progress`, {
      reportedOn: "2026-11-20",
      content: "已清退8万元",
      completion: "basicallyDone",
    });
    const res = await contact.post(url, { kind: "progressReport" });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json() as Detail;
    expect(report.subject).toMatchObject({ kind: "progressReport", status: "draft" });
    expect(report.draft.entries).toEqual({
      [p.m1]: { progress: "已清退8万元", completion: "basicallyDone" },
      [p.m2]: { progress: "", completion: "unfinished" },
    });
    await refused(contact, (s) => s.post(url, { kind: "progressReport" }), 409, "review_subject.report_open");
    const rid = report.subject.id;
    const saved = await contact.request("PUT", `/api/rectification/subjects/${rid}/draft`, {
      text: "整改进展总体顺利",
      entries: { [p.m2]: { progress: "已修订办法", completion: "done" } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as Detail).draft).toMatchObject({
      text: "整改进展总体顺利",
      entries: { [p.m2]: { progress: "已修订办法", completion: "done" } },
    });
    await refused(
      contact,
      (s) =>
        s.request("PUT", `/api/rectification/subjects/${rid}/draft`, {
          text: "x",
          entries: { [x.f1.id]: { progress: "", completion: "done" } },
        }),
      422,
      "review_subject.entry_unknown",
    );
    const submitted = await signAndSubmit(x, contact, rid);
    expect(submitted.versions[0]!.content.measures.map((m) => m.id)).toEqual([p.m1, p.m2]);
    const fin = await contact.post(url, { kind: "finalReport" });
    expect(fin.statusCode, fin.body).toBe(201);
    expect((fin.json() as Detail).subject).toMatchObject({ kind: "finalReport", dueOn: "2026-12-10" });
    await refused(
      contact,
      (s) => s.post(url, { kind: "finalReport" }),
      409,
      "review_subject.final_report_exists",
    );
    await refused(
      await as(x.w, "contactB"),
      (s) => s.post(url, { kind: "finalReport" }),
      404,
      "feedback.not_found",
    );
  });
});

async function workbook(
  rows: (string | number | null)[][],
  header = ["序号", "问题描述", "整改措施", "责任人", "完成时限"],
) {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("整改台账");
  sheet.addRow(["××单位整改台账"]);
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const upload = (s: As, id: string, data: Buffer) => {
  const m = multipart(
    "整改台账.xlsx",
    data,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  return s.request("POST", `/api/rectification/subjects/${id}/import`, m.payload, m.headers);
};

describe("the plan in Excel", () => {
  it("imports all or nothing, matching rows to the problems, keeping measure ids; exports the three lists", async () => {
    const x = await setup();
    const { contact, id, m1, m2 } = await draftPlan(x);
    const bad = await upload(
      contact,
      id,
      await workbook([
        [1, "违规发放加班补贴12万元", "三个月内清退", "张三", "2099-03-31"],
        [null, "没有这个问题", "措施", "李四", "2099-03-31"],
        [2, null, "修订制度", null, "2099-13-01"],
      ]),
    );
    expect(bad.statusCode, bad.body).toBe(422);
    const err = bad.json().error;
    expect(err.code).toBe("import.invalid_rows");
    expect(err.details.errors.map((e: { row: number }) => e.row)).toEqual([4, 5, 5]);
    expect(
      (await db().select().from(measures).where(eq(measures.findingId, x.f1.id))).map((m) => m.content),
    ).toEqual(["清退违规发放的津补贴"]);

    const good = await upload(
      contact,
      id,
      await workbook([
        [null, "违规发放加班补贴12万元", "三个月内清退", "张三", "2099-03-31"],
        [null, "违规发放加班补贴12万元", "追责问责", "李四", "2099-04-30"],
        [2, null, "修订制度", "王五", "2099-05-31"],
      ]),
    );
    expect(good.statusCode, good.body).toBe(200);
    const d = good.json() as Detail;
    const [first, second] = d.draft.findings;
    expect(first!.measures.map((m) => m.content)).toEqual(["三个月内清退", "追责问责"]);
    expect(first!.measures[0]!.id).toBe(m1);
    expect(second!.measures.map((m) => [m.id, m.content])).toEqual([[m2, "修订制度"]]);
    const [entry] = await audited("review_subject.import", id);
    expect(entry!.summary).toMatchObject({ rows: 3, updated: 2, added: 1, removed: 0 });
    await refused(
      await as(x.w, "contactB"),
      (s) => upload(s, id, Buffer.from("x")),
      404,
      "review_subject.not_found",
    );

    const res = await contact.get(`/api/rectification/subjects/${id}/lists.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["问题清单", "任务清单", "责任清单"]);
    expect(wb.getWorksheet("任务清单")!.getRow(3).getCell(4).value).toBe("三个月内清退");
    expect(wb.getWorksheet("问题清单")!.rowCount).toBe(4);
    // The downloaded workbook reads back as it is.
    const again = await upload(contact, id, res.rawPayload);
    expect(again.statusCode, again.body).toBe(200);
    expect((again.json() as Detail).draft.findings[0]!.measures.map((m) => m.id)).toEqual(
      first!.measures.map((m) => m.id),
    );
    // Not an Excel file, a sheet without the layout's required columns: refused, nothing changed.
    await refused(contact, (s) => upload(s, id, PNG), 415, "file.type_not_allowed");
    const missing = await refused(
      contact,
      (s) =>
        workbook([["违规发放加班补贴12万元", "张三"]], ["问题描述", "责任人"]).then((b) => upload(s, id, b)),
      422,
      "import.missing_columns",
    );
    expect(missing.message).toContain("整改措施");
    // Under review the plan cannot be imported into.
    await signAndSubmit(x, contact, id);
    await refused(
      contact,
      (s) => workbook([[1, null, "措施", "张三", "2099-03-31"]]).then((b) => upload(s, id, b)),
      409,
      "review_subject.not_editable",
    );
    await refused(
      await as(x.w, "contactB"),
      (s) => s.get(`/api/rectification/subjects/${id}/lists.xlsx`),
      404,
      "review_subject.not_found",
    );
    // The version froze the imported measures.
    const [version] = await db().select().from(reviewVersions).where(eq(reviewVersions.subjectId, id));
    expect((version!.content as { measures: unknown[] }).measures).toHaveLength(3);
  });
});

describe("the principal as an account role", () => {
  it("the administrator marks a target's contact as its principal (is_head), who then signs off by account", async () => {
    const x = await setup();
    const { contact, id } = await draftPlan(x);
    const admin = await as(x.w, "sysAdmin");
    const username = `principal-${Date.now()}`;
    const created = await admin.post("/api/accounts", {
      username,
      displayName: "新任书记",
      password: "Test@Passw0rd",
      committeeId: x.w.committee.id,
      roles: [{ role: "targetContact", targetId: x.w.targetA.id, isHead: true }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().roles).toEqual([
      expect.objectContaining({ role: "targetContact", targetId: x.w.targetA.id, isHead: true }),
    ]);
    const principal = await x.login({ id: created.json().id, username });
    const signed = await principal.post(`/api/rectification/subjects/${id}/sign-off`);
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as Detail).draft.signOff).toMatchObject({ kind: "account", name: "新任书记" });
    expect((await contact.post(`/api/rectification/subjects/${id}/submit`)).statusCode).toBe(200);
  });
});

describe("deadline extensions (延期)", () => {
  interface LedgerMeasure {
    id: string;
    deadline: string;
    extensions: { from: string; to: string; reason: string }[];
  }
  const ledgerItem = async (s: As, findingId: string) => {
    const res = await s.get("/api/rectification/ledger");
    expect(res.statusCode, res.body).toBe(200);
    return (
      res.json() as {
        items: { finding: { id: string }; measures: LedgerMeasure[]; abilities: Record<string, unknown> }[];
      }
    ).items.find((i) => i.finding.id === findingId)!;
  };
  const extend = (s: As, measureId: string, body: Record<string, unknown>) =>
    s.post(`/api/measures/${measureId}/extend`, body);

  it("the office extends a measure of a passed plan, with a reason: kept, audited, the contact told", async () => {
    const x = await setup();
    const office = await as(x.w, "office");
    const p = await draftPlan(x);
    // Before the plan passed, the target changes its own deadlines.
    await refused(
      office,
      (s) => extend(s, p.m1, { deadline: "2099-09-30", reason: "涉及资金清退，需协调财政" }),
      409,
      "measure.extension_plan_open",
    );
    await signAndSubmit(x, p.contact, p.id);
    await refused(
      office,
      (s) => extend(s, p.m1, { deadline: "2099-09-30", reason: "涉及资金清退，需协调财政" }),
      409,
      "measure.extension_plan_open",
    );

    const y = await setup();
    const q = await passedPlan(y);
    const yOffice = await as(y.w, "office");
    const res = await extend(yOffice, q.m1, { deadline: "2099-09-30", reason: "涉及资金清退，需协调财政" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fromDeadline: "2099-06-30", toDeadline: "2099-09-30" });
    const [m] = await db().select().from(measures).where(eq(measures.id, q.m1));
    expect(m!.deadline).toBe("2099-09-30");
    const item = await ledgerItem(yOffice, y.f1.id);
    expect(item.abilities.extendDeadline).toBe(true);
    expect(item.measures[0]).toMatchObject({
      deadline: "2099-09-30",
      extensions: [{ from: "2099-06-30", to: "2099-09-30", reason: "涉及资金清退，需协调财政" }],
    });
    expect((await ledgerItem(q.contact, y.f1.id)).abilities.extendDeadline).toBe(false);
    const [entry] = await audited("measure.extend", q.m1);
    expect(entry).toMatchObject({
      actorId: yOffice.id,
      summary: { from: "2099-06-30", to: "2099-09-30", reason: "涉及资金清退，需协调财政" },
    });
    const told = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, y.w.accounts.contactA.id));
    expect(told.filter((n) => n.kind === "measure.extended")).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^问题 \d+ 的一项整改措施延期至 2099-09-30$/),
        body: expect.stringContaining("原时限：2099-06-30"),
      }),
    ]);

    // A second extension must be later still; one to a day already past is refused.
    const same = await refused(
      yOffice,
      (s) => extend(s, q.m1, { deadline: "2099-09-30", reason: "再次延期" }),
      409,
      "measure.extension_not_later",
    );
    expect(same.message).toBe("新的整改时限须晚于原时限（2099-09-30）");
    await db().update(measures).set({ deadline: "2020-01-01" }).where(eq(measures.id, q.m2));
    await refused(
      yOffice,
      (s) => extend(s, q.m2, { deadline: "2020-06-01", reason: "补办" }),
      400,
      "measure.extension_in_past",
    );
    await refused(yOffice, (s) => extend(s, q.m2, { deadline: "2099-01-01" }), 400, "request.invalid");
    await refused(
      yOffice,
      (s) => extend(s, q.m2, { deadline: "2099-02-30", reason: "补办" }),
      400,
      "request.invalid",
    );
    // Only the office of the committee: the contact is refused, another committee does not see it.
    await refused(
      q.contact,
      (s) => extend(s, q.m2, { deadline: "2099-12-31", reason: "x" }),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(y.w, "otherOffice"),
      (s) => extend(s, q.m2, { deadline: "2099-12-31", reason: "x" }),
      404,
      "measure.not_found",
    );
    const rows = await db().select().from(measures).where(eq(measures.id, q.m2));
    expect(rows[0]!.deadline).toBe("2020-01-01");
    expect(await audited("measure.extend", q.m2)).toEqual([]);
  });
});
