import { createHash } from "node:crypto";
import {
  closeOuts,
  disclosures,
  eq,
  files,
  findings,
  measures,
  notifications,
  rectificationEvaluations,
  reviewSubjects,
  reviewVersions,
  revisits,
} from "@xuncha/db";
import {
  buildAccount,
  buildFeedback,
  buildFinding,
  buildGroup,
  buildPerson,
  buildRound,
  buildTarget,
} from "@xuncha/db/testing";
import { docxParagraphs, readZipText, runEscalationSweep } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

/** A fed-back finding of target A (or B) in the world's round. */
async function fedBack(
  w: World,
  options: { target?: "A" | "B"; feedbackId?: string } & Partial<Parameters<typeof buildFinding>[1]> = {},
) {
  const { target = "A", feedbackId, ...rest } = options;
  const targetId = target === "A" ? w.targetA.id : w.targetB.id;
  const base = { committeeId: w.committee.id, roundId: w.round.id, targetId };
  const fb = feedbackId ?? (await buildFeedback(db(), { ...base, createdBy: w.accounts.office.id })).id;
  return buildFinding(db(), {
    ...base,
    groupId: target === "A" ? w.groupA.id : w.groupB.id,
    createdBy: w.accounts.memberA.id,
    status: "approved",
    route: "rectify",
    feedbackId: fb,
    ...rest,
  });
}

const closed = async (findingId: string) =>
  (await db().select({ closedAt: findings.closedAt }).from(findings).where(eq(findings.id, findingId)))[0]!
    .closedAt;

describe("revisits (回访督查)", () => {
  it("the office plans the default three, 90 days apart; asking again adds none", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const body = { roundId: w.round.id, targetId: w.targetA.id, from: "2026-12-01" };
    const res = await office.post("/api/rectification/revisits/plan", body);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; sequence: number; plannedOn: string }[];
    expect(items.map((r) => [r.sequence, r.plannedOn])).toEqual([
      [1, "2027-03-01"],
      [2, "2027-05-30"],
      [3, "2027-08-28"],
    ]);
    expect(items[0]).toMatchObject({
      method: "onSite",
      parties: ["disciplineCommission", "organizationDept"],
      status: "planned",
    });
    const [entry] = await audited("revisit.plan", w.targetA.id);
    expect(entry).toMatchObject({ actorId: office.id, committeeId: w.committee.id });
    const again = await office.post("/api/rectification/revisits/plan", body);
    expect(again.json().items).toEqual([]);
    expect(await db().select().from(revisits).where(eq(revisits.roundId, w.round.id))).toHaveLength(3);

    // the committee's setting decides how many and how far apart
    const put = await office.request("PUT", "/api/committee-settings/rectification.revisits", {
      value: { minimum: 4, spacingDays: 30, dueWithinDays: 7 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const more = (await office.post("/api/rectification/revisits/plan", body)).json().items;
    expect(more.map((r: { sequence: number; plannedOn: string }) => [r.sequence, r.plannedOn])).toEqual([
      [4, "2027-09-27"],
    ]);
  });

  it("only the round's office plans, for a target the round inspects", async () => {
    const w = await buildWorld(db());
    const body = { roundId: w.round.id, targetId: w.targetA.id };
    const url = "/api/rectification/revisits/plan";
    const outside = await buildTarget(db(), { committeeId: w.committee.id });
    await refused(
      await as(w, "office"),
      (s) => s.post(url, { ...body, targetId: outside.id }),
      404,
      "rectification.target_not_in_round",
    );
    await refused(await as(w, "otherOffice"), (s) => s.post(url, body), 404, "round.not_found");
    for (const key of ["leadership", "discipline", "contactA", "leaderA"] as const) {
      await refused(await as(w, key), (s) => s.post(url, body), 403, "auth.forbidden");
    }
    await refused(
      await as(w, "office"),
      (s) => s.post(url, { ...body, method: "phone" }),
      400,
      "request.invalid",
    );
    expect(await db().select().from(revisits).where(eq(revisits.roundId, w.round.id))).toEqual([]);
  });

  it("names the round's fed-back targets with fewer revisits than the minimum, to the office and the leading group", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    for (const targetId of [w.targetA.id, w.targetB.id]) {
      await buildFeedback(db(), {
        committeeId: w.committee.id,
        roundId: w.round.id,
        targetId,
        createdBy: w.accounts.office.id,
      });
    }
    const shortfall = async (key: Parameters<typeof as>[1]) => {
      const res = await (await as(w, key)).get(`/api/rectification/revisits?roundId=${w.round.id}`);
      expect(res.statusCode, res.body).toBe(200);
      // Sorted here: the database's collation orders the names.
      return (res.json().shortfall as { targetName: string; revisits: number; minimum: number }[]).sort(
        (x, y) => (x.targetName < y.targetName ? -1 : 1),
      );
    };
    await office.post("/api/rectification/revisits", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      plannedOn: "2027-01-10",
      method: "onSite",
      parties: [],
    });
    const expected = [
      { targetName: w.targetA.name, revisits: 1, minimum: 3 },
      { targetName: w.targetB.name, revisits: 0, minimum: 3 },
    ].sort((x, y) => (x.targetName < y.targetName ? -1 : 1));
    expect(await shortfall("office")).toMatchObject(expected);
    expect(await shortfall("leadership")).toMatchObject(expected);
    for (const key of ["contactA", "discipline", "otherOffice"] as const)
      expect(await shortfall(key)).toEqual([]);
    // Planning the default fills target A up to three; B is still short.
    await office.post("/api/rectification/revisits/plan", { roundId: w.round.id, targetId: w.targetA.id });
    expect((await shortfall("office")).map((r) => r.targetName)).toEqual([w.targetB.name]);
  });

  it("lists revisits by who takes part: 纪委 and 组织部 their own, a contact its schedule only", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const create = async (targetId: string, plannedOn: string, parties: string[]) => {
      const res = await office.post("/api/rectification/revisits", {
        roundId: w.round.id,
        targetId,
        plannedOn,
        method: "documents",
        parties,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; sequence: number };
    };
    const a1 = await create(w.targetA.id, "2020-01-10", ["disciplineCommission"]);
    const a2 = await create(w.targetA.id, "2099-01-10", ["disciplineCommission", "organizationDept"]);
    const b1 = await create(w.targetB.id, "2099-02-10", []);
    expect([a1.sequence, a2.sequence, b1.sequence]).toEqual([1, 2, 1]);
    const [entry] = await audited("revisit.create", a1.id);
    expect(entry!.summary).toMatchObject({ plannedOn: "2020-01-10", sequence: 1 });

    const ids = async (key: Parameters<typeof as>[1], query = "") => {
      const res = await (await as(w, key)).get(`/api/rectification/revisits${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    expect(await ids("office")).toEqual([a1.id, a2.id, b1.id]);
    expect(await ids("leadership")).toEqual([a1.id, a2.id, b1.id]);
    expect(await ids("discipline")).toEqual([a1.id, a2.id]);
    expect(await ids("organization")).toEqual([a2.id]);
    expect(await ids("contactA")).toEqual([a1.id, a2.id]);
    expect(await ids("contactB")).toEqual([b1.id]);
    expect(await ids("otherOffice")).toEqual([]);
    expect(await ids("office", "?state=overdue")).toEqual([a1.id]);
    expect(await ids("office", `?targetId=${w.targetB.id}`)).toEqual([b1.id]);
    await refused(await as(w, "memberA"), (s) => s.get("/api/rectification/revisits"), 403, "auth.forbidden");

    const forOffice = (await office.get("/api/rectification/revisits")).json().items[0];
    expect(forOffice).toMatchObject({
      state: "overdue",
      targetName: w.targetA.name,
      conclusion: "",
      reopened: [],
      abilities: { edit: true, complete: true },
    });
    const forContact = (await (await as(w, "contactA")).get("/api/rectification/revisits")).json().items[0];
    expect(forContact).toMatchObject({ id: a1.id, plannedOn: "2020-01-10", method: "documents" });
    expect(forContact).not.toHaveProperty("conclusion");
    expect(forContact).not.toHaveProperty("abilities");
  });

  it("records a revisit done with its conclusion, reopening the closed problems it found; then it no longer changes", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const f = await fedBack(w, { closedAt: new Date("2026-02-01T00:00:00Z") });
    const other = await fedBack(w, { target: "B", closedAt: new Date("2026-02-01T00:00:00Z") });
    const r = (
      await office.post("/api/rectification/revisits", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        plannedOn: "2026-02-20",
        method: "onSite",
        parties: ["disciplineCommission", "organizationDept"],
      })
    ).json();
    const url = `/api/rectification/revisits/${r.id}/done`;

    // a problem of another target cannot be reopened by this revisit; nothing changes
    await refused(
      office,
      (s) =>
        s.post(url, {
          doneOn: "2026-02-20",
          conclusion: "整改基本到位",
          reopen: [{ findingId: other.id, reason: "反弹" }],
        }),
      422,
      "revisit.finding_invalid",
    );
    await refused(
      office,
      (s) => s.post(url, { doneOn: "2099-01-01", conclusion: "整改基本到位" }),
      422,
      "revisit.done_in_future",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(url, { doneOn: "2026-02-20", conclusion: "x" }),
      404,
      "revisit.not_found",
    );
    await refused(
      await as(w, "discipline"),
      (s) => s.post(url, { doneOn: "2026-02-20", conclusion: "x" }),
      403,
      "auth.forbidden",
    );
    expect(await closed(other.id)).not.toBeNull();
    // all or nothing: one problem not closed refuses the whole record, the closed one stays closed
    const stillOpen = await fedBack(w);
    await refused(
      office,
      (s) =>
        s.post(url, {
          doneOn: "2026-02-20",
          conclusion: "整改基本到位",
          reopen: [
            { findingId: f.id, reason: "反弹" },
            { findingId: stillOpen.id, reason: "反弹" },
          ],
        }),
      422,
      "revisit.finding_invalid",
    );
    expect(await closed(f.id)).not.toBeNull();
    expect((await db().select().from(revisits).where(eq(revisits.id, r.id)))[0]!.status).toBe("planned");

    const res = await office.post(url, {
      doneOn: "2026-02-20",
      conclusion: "津补贴问题出现反弹，重新整改",
      reopen: [{ findingId: f.id, reason: "问题反弹" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "done", doneOn: "2026-02-20", reopenedFindingIds: [f.id] });
    expect(await closed(f.id)).toBeNull();
    const [reopen] = await db().select().from(closeOuts).where(eq(closeOuts.findingId, f.id));
    expect(reopen).toMatchObject({
      action: "reopen",
      reason: "回访督查（第1次）：问题反弹",
      actorId: office.id,
    });
    expect(await audited("finding.reopen", f.id)).toHaveLength(1);
    const [entry] = await audited("revisit.complete", r.id);
    expect(entry!.summary).toMatchObject({ reopened: [f.id], conclusion: "津补贴问题出现反弹，重新整改" });

    const listed = (await office.get("/api/rectification/revisits")).json().items[0];
    expect(listed).toMatchObject({
      state: "done",
      reopened: [{ id: f.id, number: f.number, title: f.title }],
      abilities: { edit: false, complete: false },
    });
    await refused(
      office,
      (s) => s.post(url, { doneOn: "2026-02-21", conclusion: "再次" }),
      409,
      "revisit.done",
    );
    await refused(
      office,
      (s) => s.patch(`/api/rectification/revisits/${r.id}`, { plannedOn: "2027-01-01" }),
      409,
      "revisit.done",
    );
  });

  it("the office moves a planned revisit, audited; another committee cannot", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const r = (
      await office.post("/api/rectification/revisits", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        plannedOn: "2027-01-10",
        method: "onSite",
        parties: [],
      })
    ).json();
    const url = `/api/rectification/revisits/${r.id}`;
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(url, { plannedOn: "2027-02-01" }),
      404,
      "revisit.not_found",
    );
    const res = await office.patch(url, {
      plannedOn: "2027-02-01",
      method: "documents",
      parties: ["organizationDept"],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      plannedOn: "2027-02-01",
      method: "documents",
      parties: ["organizationDept"],
    });
    const [entry] = await audited("revisit.update", r.id);
    expect(entry!.summary).toMatchObject({
      from: { plannedOn: "2027-01-10" },
      to: { plannedOn: "2027-02-01" },
    });
  });
});

describe("revisit notices", () => {
  it("the daily sweep tells the office and the parties taking part when a revisit is due and when it is late, once each", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const plan = (plannedOn: string, parties: string[]) =>
      office.post("/api/rectification/revisits", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        plannedOn,
        method: "onSite",
        parties,
      });
    expect((await plan("2027-01-20", ["organizationDept"])).statusCode).toBe(201);
    expect((await plan("2027-06-01", [])).statusCode).toBe(201);
    const sweep = (today: string) => runEscalationSweep(db(), { today, committeeId: w.committee.id });
    const told = async (key: "office" | "organization" | "discipline") =>
      (await db().select().from(notifications).where(eq(notifications.accountId, w.accounts[key].id)))
        .filter((n) => n.kind.startsWith("revisit."))
        .map((n) => [n.kind, n.title, n.link])
        .sort();

    // Due 14 days ahead by default: not on 2027-01-05, but on 2027-01-06, once however often swept.
    await sweep("2027-01-05");
    expect(await told("office")).toEqual([]);
    await sweep("2027-01-06");
    await sweep("2027-01-07");
    const due = [
      "revisit.due",
      `回访督查临近：${w.targetA.name}第 1 次回访（2027-01-20）`,
      "/rectification/follow-up?tab=revisits",
    ];
    expect(await told("office")).toEqual([due]);
    expect(await told("organization")).toEqual([due]);
    expect(await told("discipline")).toEqual([]);
    // Past its day and not done: told once more.
    await sweep("2027-01-21");
    await sweep("2027-01-22");
    expect((await told("organization")).map((n) => n[0])).toEqual(["revisit.due", "revisit.overdue"]);
    expect((await told("office")).find((n) => n[0] === "revisit.overdue")![1]).toBe(
      `回访督查已过计划日期：${w.targetA.name}第 1 次回访（2027-01-20）`,
    );
  });
});

describe("effect evaluation (整改成效评估)", () => {
  const scores = { responsibility: 95, measures: 90, results: 88, rules: 80, satisfaction: 92 };

  it("the office scores a target; the total and grade are computed; rescoring replaces them", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const body = { roundId: w.round.id, targetId: w.targetA.id, scores, comment: "整改扎实" };
    const res = await office.request("PUT", "/api/rectification/evaluations", body);
    expect(res.statusCode, res.body).toBe(200);
    // 19 + 18 + 26.4 + 12 + 13.8
    expect(res.json()).toMatchObject({ total: 89.2, grade: "较好", comment: "整改扎实" });
    const [entry] = await audited("rectification_evaluation.score", res.json().id);
    expect(entry!.summary).toMatchObject({ total: 89.2, grade: "较好", targetId: w.targetA.id });

    const again = await office.request("PUT", "/api/rectification/evaluations", {
      ...body,
      scores: { ...scores, rules: 100 },
    });
    expect(again.json()).toMatchObject({ id: res.json().id, total: 92.2, grade: "好" });
    expect(
      await db()
        .select()
        .from(rectificationEvaluations)
        .where(eq(rectificationEvaluations.roundId, w.round.id)),
    ).toHaveLength(1);

    for (const key of ["office", "leadership"] as const) {
      const list = await (await as(w, key)).get(`/api/rounds/${w.round.id}/rectification-evaluations`);
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().criteria.map((c: { label: string }) => c.label)).toContain("群众满意度");
      expect(list.json().canScore).toBe(key === "office");
      const items = list.json().items as { targetId: string; evaluation: { grade: string } | null }[];
      expect(items.find((i) => i.targetId === w.targetA.id)!.evaluation).toMatchObject({
        grade: "好",
        total: 92.2,
      });
      expect(items.find((i) => i.targetId === w.targetB.id)!.evaluation).toBeNull();
    }
  });

  it("refuses bad scores, other roles and other committees, changing nothing", async () => {
    const w = await buildWorld(db());
    const body = { roundId: w.round.id, targetId: w.targetA.id, scores };
    const put = (b: unknown) => (s: As) => s.request("PUT", "/api/rectification/evaluations", b);
    const office = await as(w, "office");
    await refused(
      office,
      put({ ...body, scores: { ...scores, results: 120 } }),
      422,
      "rectification_evaluation.scores_invalid",
    );
    const { satisfaction: _, ...missing } = scores;
    await refused(office, put({ ...body, scores: missing }), 422, "rectification_evaluation.scores_invalid");
    await refused(await as(w, "otherOffice"), put(body), 404, "round.not_found");
    for (const key of ["leadership", "contactA", "discipline"] as const) {
      await refused(await as(w, key), put(body), 403, "auth.forbidden");
    }
    await refused(
      await as(w, "otherLeadership"),
      (s) => s.get(`/api/rounds/${w.round.id}/rectification-evaluations`),
      404,
      "round.not_found",
    );
    await refused(
      await as(w, "contactA"),
      (s) => s.get(`/api/rounds/${w.round.id}/rectification-evaluations`),
      403,
      "auth.forbidden",
    );
    expect(
      await db()
        .select()
        .from(rectificationEvaluations)
        .where(eq(rectificationEvaluations.roundId, w.round.id)),
    ).toEqual([]);
  });
});

/** Target A's final report, passed by the joint review, covering two problems (one measure each). */
async function passedFinalReport(w: World) {
  const fb = await buildFeedback(db(), {
    committeeId: w.committee.id,
    roundId: w.round.id,
    targetId: w.targetA.id,
    createdBy: w.accounts.office.id,
  });
  const open = await fedBack(w, { feedbackId: fb.id, title: "公务接待超标准问题" });
  const secret = await fedBack(w, { feedbackId: fb.id, title: "违规发放津补贴问题" });
  const measure = async (findingId: string, content: string, extra: Record<string, unknown> = {}) =>
    (
      await db()
        .insert(measures)
        .values({
          committeeId: w.committee.id,
          findingId,
          targetId: w.targetA.id,
          content,
          responsiblePerson: "张三",
          deadline: "2027-03-01",
          createdBy: w.accounts.contactA.id,
          ...extra,
        })
        .returning()
    )[0]!;
  const m1 = await measure(open.id, "修订公务接待管理办法", { rulesMade: ["公务接待管理办法"] });
  const m2 = await measure(secret.id, "追缴张某某违规发放的津补贴", {
    rulesMade: ["津补贴发放规定"],
    moneyRecovered: "12.5",
  });
  const [subject] = await db()
    .insert(reviewSubjects)
    .values({
      committeeId: w.committee.id,
      feedbackId: fb.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      kind: "finalReport",
      title: "整改情况报告",
      status: "passed",
      passedAt: new Date(),
      createdBy: w.accounts.contactA.id,
    })
    .returning();
  await db()
    .insert(reviewVersions)
    .values({
      subjectId: subject!.id,
      number: 1,
      parties: ["office", "disciplineCommission"],
      content: {
        whole: { text: "我单位党委高度重视巡察反馈问题，逐项制定措施。" },
        measures: [
          { id: m1.id, fields: { progress: "已印发新办法", completion: "done" } },
          { id: m2.id, fields: { progress: "已立案审查张某某", completion: "unfinished" } },
        ],
      },
      signOffKind: "account",
      submittedBy: w.accounts.contactA.id,
    });
  return { open, secret };
}

describe("disclosure (整改公开)", () => {
  it("is refused until the final report has passed the joint review", async () => {
    const w = await buildWorld(db());
    await fedBack(w);
    const body = { roundId: w.round.id, targetId: w.targetA.id, scope: "public" };
    await refused(
      await as(w, "office"),
      (s) => s.post("/api/rectification/disclosures", body),
      409,
      "disclosure.no_final_report",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post("/api/rectification/disclosures", body),
      404,
      "round.not_found",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.post("/api/rectification/disclosures", body),
      403,
      "auth.forbidden",
    );
    expect(await db().select().from(disclosures).where(eq(disclosures.roundId, w.round.id))).toEqual([]);
  });

  it("drafted from the final report, withheld with a reason, returned, approved, published as an archived .docx; then frozen", async () => {
    const w = await buildWorld(db());
    const { open, secret } = await passedFinalReport(w);
    const office = await as(w, "office");
    const leadership = await as(w, "leadership");
    const contactA = await as(w, "contactA");

    const created = await office.post("/api/rectification/disclosures", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      scope: "public",
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({ status: "draft", scope: "public", abilities: { edit: true, submit: true } });
    expect(d.title).toContain(w.targetA.name);
    expect(d.text).toContain("我单位党委高度重视巡察反馈问题");
    expect(d.text).toContain("违规发放津补贴问题");
    expect(d.items.map((i: { findingId: string }) => i.findingId).sort()).toEqual(
      [open.id, secret.id].sort(),
    );
    expect(d.reasons.map((r: { label: string }) => r.label)).toContain("正在查处的案件");
    const url = `/api/rectification/disclosures/${d.id}`;

    // a contact sees nothing before publication
    await refused(contactA, (s) => s.get(url), 404, "disclosure.not_found");
    expect((await contactA.get("/api/rectification/disclosures")).json().items).toEqual([]);

    // withholding: only the allowed reasons; 其他 needs a note
    await refused(
      office,
      (s) => s.patch(url, { withheld: [{ findingId: secret.id, reason: "不方便" }] }),
      422,
      "disclosure.withheld_invalid",
    );
    await refused(
      office,
      (s) => s.patch(url, { withheld: [{ findingId: secret.id, reason: "other" }] }),
      422,
      "disclosure.withheld_invalid",
    );
    const withheld = await office.patch(url, {
      withheld: [{ findingId: secret.id, reason: "openCase", note: "张某某正在审查调查" }],
    });
    expect(withheld.statusCode, withheld.body).toBe(200);
    const w1 = withheld.json();
    expect(w1.withheld).toEqual([{ findingId: secret.id, reason: "openCase", note: "张某某正在审查调查" }]);
    expect(w1.text).toContain("公务接待超标准问题");
    for (const hidden of ["违规发放津补贴问题", "张某某", "津补贴发放规定", "12.5"])
      expect(w1.text).not.toContain(hidden);
    expect((await audited("disclosure.update", d.id))[0]!.summary).toMatchObject({ withheld: w1.withheld });

    // submitted: no more edits; the leading group returns it with its opinion
    expect((await office.post(`${url}/submit`)).json()).toMatchObject({ status: "submitted" });
    await refused(office, (s) => s.patch(url, { title: "新标题" }), 409, "disclosure.not_editable");
    await refused(office, (s) => s.post(`${url}/approve`, {}), 403, "auth.forbidden");
    await refused(
      await as(w, "otherLeadership"),
      (s) => s.post(`${url}/approve`, {}),
      404,
      "disclosure.not_found",
    );
    await refused(leadership, (s) => s.post(`${url}/return`, {}), 400, "request.invalid");
    const returned = await leadership.post(`${url}/return`, { note: "标题请写明整改进展" });
    expect(returned.json()).toMatchObject({ status: "returned", approvalNote: "标题请写明整改进展" });
    await refused(leadership, (s) => s.post(`${url}/approve`, {}), 409, "disclosure.not_submitted");
    await refused(office, (s) => s.post(`${url}/publish`), 409, "disclosure.not_approved");

    // revised, resubmitted, approved, published
    const title = `${w.targetA.name}关于巡察整改进展情况的通报`;
    expect((await office.patch(url, { title })).json()).toMatchObject({ title, status: "returned" });
    // as the web app sends it: no body at all
    expect((await office.request("POST", `${url}/submit`)).statusCode).toBe(200);
    const approved = await leadership.post(`${url}/approve`, { note: "同意公开" });
    expect(approved.json()).toMatchObject({ status: "approved", approvalNote: "同意公开" });
    // Each step tells whose action is due: the leading group (twice submitted), then the office.
    const told = async (key: "leadership" | "office") =>
      (await db().select().from(notifications).where(eq(notifications.accountId, w.accounts[key].id)))
        .filter((n) => n.kind.startsWith("disclosure."))
        .map((n) => [n.kind, n.title, n.body, n.link])
        .sort();
    const link = "/rectification/follow-up?tab=disclosures";
    expect(await told("leadership")).toEqual([
      ["disclosure.submitted", `整改公开待审批：${w1.title}`, "", link],
      ["disclosure.submitted", `整改公开待审批：${title}`, "", link],
    ]);
    expect(await told("office")).toEqual([
      ["disclosure.approved", `整改公开已批准，可以发布：${title}`, "同意公开", link],
      ["disclosure.returned", `整改公开被退回修改：${w1.title}`, "标题请写明整改进展", link],
    ]);
    await refused(leadership, (s) => s.post(`${url}/publish`), 403, "auth.forbidden");
    const published = await office.post(`${url}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const p = published.json();
    expect(p).toMatchObject({ status: "published", title, publishedFileId: expect.any(String) });
    expect(p.text).not.toContain("违规发放津补贴问题");

    const [file] = await db().select().from(files).where(eq(files.id, p.publishedFileId));
    expect(file!.mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(file!.sha256).toBe(createHash("sha256").update(file!.content).digest("hex"));
    expect(Buffer.from(file!.content).subarray(0, 2).toString()).toBe("PK");
    const [entry] = await audited("disclosure.publish", d.id);
    expect(entry!.summary).toMatchObject({ fileId: file!.id, sha256: file!.sha256 });
    for (const action of [
      "disclosure.create",
      "disclosure.submit",
      "disclosure.return",
      "disclosure.approve",
    ]) {
      expect(await audited(action, d.id)).not.toHaveLength(0);
    }

    // published: nothing changes any more
    await refused(office, (s) => s.patch(url, { title: "改" }), 409, "disclosure.not_editable");
    await refused(office, (s) => s.patch(url, { withheld: [] }), 409, "disclosure.not_editable");
    await refused(office, (s) => s.post(`${url}/submit`), 409, "disclosure.not_editable");
    await refused(office, (s) => s.post(`${url}/publish`), 409, "disclosure.not_approved");
    const [row] = await db().select().from(disclosures).where(eq(disclosures.id, d.id));
    expect(row).toMatchObject({ status: "published", text: p.text, publishedFileId: file!.id });

    // the target's contact sees the published text and file, not the withheld reasons
    const seen = await contactA.get(url);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ status: "published", text: p.text });
    expect(seen.json()).not.toHaveProperty("withheld");
    expect(
      (await contactA.get("/api/rectification/disclosures")).json().items.map((i: { id: string }) => i.id),
    ).toEqual([d.id]);
    const download = await contactA.get(`${url}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["x-content-sha256"]).toBe(file!.sha256);
    await refused(await as(w, "contactB"), (s) => s.get(url), 404, "disclosure.not_found");
    await refused(await as(w, "contactB"), (s) => s.get(`${url}/file`), 404, "disclosure.not_found");
    await refused(await as(w, "otherOffice"), (s) => s.get(url), 404, "disclosure.not_found");
    await refused(await as(w, "memberA"), (s) => s.get(url), 403, "auth.forbidden");
    expect(
      (await leadership.get(`/api/rectification/disclosures?roundId=${w.round.id}`)).json().items,
    ).toHaveLength(1);
  });
});

describe("disclosure wording (开头 and 结尾)", () => {
  const lead = "根据市委巡察工作统一部署，现将巡察整改情况予以公布。";
  const closing =
    "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。\n联系电话：0000-12345678";

  it("the office rewords the lead and adds a closing; the preview and the published .docx use them", async () => {
    const w = await buildWorld(db());
    const { secret } = await passedFinalReport(w);
    const office = await as(w, "office");
    const leadership = await as(w, "leadership");
    const d = (
      await office.post("/api/rectification/disclosures", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        scope: "public",
      })
    ).json();
    expect(d).toMatchObject({ lead: null, closing: "" });
    expect(d.reportLead).toContain("我单位党委高度重视巡察反馈问题");
    const url = `/api/rectification/disclosures/${d.id}`;

    const saved = await office.patch(url, {
      lead: `  ${lead}  `,
      closing,
      withheld: [{ findingId: secret.id, reason: "openCase" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const s = saved.json();
    expect(s).toMatchObject({ lead, closing });
    const lines = s.text.split("\n");
    expect(lines[0]).toBe(lead);
    expect(lines.slice(-2)).toEqual(closing.split("\n"));
    expect(s.text).not.toContain("我单位党委高度重视巡察反馈问题");
    expect(s.text).toContain("公务接待超标准问题");
    expect(s.text).not.toContain("违规发放津补贴问题");
    expect((await audited("disclosure.update", d.id))[0]!.summary).toMatchObject({ lead, closing });

    // a title-only change keeps the saved wording
    const retitled = (await office.patch(url, { title: "关于巡察整改情况的通报" })).json();
    expect(retitled).toMatchObject({ lead, closing, text: s.text });

    // too long: refused with its code, nothing changed
    await refused(office, (s) => s.patch(url, { lead: "字".repeat(5001) }), 422, "disclosure.lead_too_long");
    await refused(
      office,
      (s) => s.patch(url, { title: "改了", closing: "字".repeat(5001) }),
      422,
      "disclosure.closing_too_long",
    );
    // others are refused as for any change
    await refused(leadership, (s) => s.patch(url, { lead: "领导改写" }), 403, "auth.forbidden");
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(url, { lead: "改写" }),
      404,
      "disclosure.not_found",
    );
    await refused(await as(w, "contactA"), (s) => s.patch(url, { closing: "改写" }), 403, "auth.forbidden");
    const [row] = await db().select().from(disclosures).where(eq(disclosures.id, d.id));
    expect(row).toMatchObject({ title: "关于巡察整改情况的通报", lead, closing, text: s.text });

    // published: the archived .docx carries the office's wording
    await office.post(`${url}/submit`);
    await leadership.post(`${url}/approve`, {});
    const p = (await office.post(`${url}/publish`)).json();
    expect(p).toMatchObject({ status: "published", text: s.text });
    const [file] = await db().select().from(files).where(eq(files.id, p.publishedFileId));
    const docx = docxParagraphs(readZipText(Buffer.from(file!.content), "word/document.xml")).join("\n");
    expect(docx).toContain(lead);
    for (const line of closing.split("\n")) expect(docx).toContain(line);
    expect(docx).not.toContain("我单位党委高度重视巡察反馈问题");
    expect(docx).not.toContain("违规发放津补贴问题");
  });

  it("an empty lead goes back to the final report's text", async () => {
    const w = await buildWorld(db());
    await passedFinalReport(w);
    const office = await as(w, "office");
    const d = (
      await office.post("/api/rectification/disclosures", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        scope: "party",
      })
    ).json();
    const url = `/api/rectification/disclosures/${d.id}`;
    expect((await office.patch(url, { lead, closing })).json().text).not.toContain("我单位党委高度重视");
    const back = (await office.patch(url, { lead: "  " })).json();
    expect(back).toMatchObject({ lead: null, closing, text: `${d.text}\n${closing}` });
    expect((await office.patch(url, { lead: null, closing: "" })).json()).toMatchObject({
      lead: null,
      closing: "",
      text: d.text,
    });
  });
});

describe("回头看: problems carried into a later round", () => {
  it("lists the target's unresolved and reopened problems of earlier rounds, by who sees which targets", async () => {
    const w = await buildWorld(db());
    const c = w.committee.id;
    const unresolved = await fedBack(w, { title: "未整改问题" });
    await fedBack(w, { title: "已销号问题", closedAt: new Date() });
    const reopened = await fedBack(w, { title: "重新打开的问题" });
    await db()
      .insert(closeOuts)
      .values([
        {
          committeeId: c,
          findingId: reopened.id,
          action: "close",
          actorId: w.accounts.office.id,
          createdAt: new Date(Date.now() - 60_000),
        },
        {
          committeeId: c,
          findingId: reopened.id,
          action: "reopen",
          reason: "回访发现反弹",
          actorId: w.accounts.office.id,
        },
      ]);
    await fedBack(w, { title: "问题线索", route: "clue" });
    await buildFinding(db(), {
      committeeId: c,
      roundId: w.round.id,
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.memberA.id,
      title: "未反馈问题",
    });
    const ofB = await fedBack(w, { target: "B", title: "乙单位未整改问题" });

    // a later round inspects target A again (group 1) and target B (group 2)
    const later = await buildRound(db(), {
      committeeId: c,
      termId: w.round.termId,
      number: 2,
      startsOn: "2027-03-01",
      endsOn: "2027-04-30",
    });
    const account = async (name: string) => buildAccount(db(), { committeeId: c, name });
    const leader1 = await account("二轮甲组组长");
    const leader2 = await account("二轮乙组组长");
    const person = async (accountId: string) =>
      buildPerson(db(), { committeeId: c, accountId, pool: "leader" });
    await buildGroup(db(), {
      committeeId: c,
      roundId: later.id,
      number: 1,
      members: [{ personId: (await person(leader1.id)).id, role: "leader" }],
      targetIds: [w.targetA.id],
    });
    await buildGroup(db(), {
      committeeId: c,
      roundId: later.id,
      number: 2,
      members: [{ personId: (await person(leader2.id)).id, role: "leader" }],
      targetIds: [w.targetB.id],
    });
    const session = async (a: { id: string; username: string }) =>
      Object.assign(await loginAs(kit.t.app, a.username), { id: a.id });
    const url = `/api/rounds/${later.id}/carried-over`;
    const titles = async (s: As) => {
      const res = await s.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { title: string }[]).map((i) => i.title).sort();
    };

    const all = ["乙单位未整改问题", "未整改问题", "重新打开的问题"].sort();
    expect(await titles(await as(w, "office"))).toEqual(all);
    expect(await titles(await as(w, "leadership"))).toEqual(all);
    expect(await titles(await session(leader1))).toEqual(["未整改问题", "重新打开的问题"].sort());
    expect(await titles(await session(leader2))).toEqual(["乙单位未整改问题"]);

    const items = (await (await as(w, "office")).get(url)).json().items as Record<string, unknown>[];
    expect(items.find((i) => i.id === reopened.id)).toMatchObject({
      reopened: true,
      reopenReason: "回访发现反弹",
      state: "reopened",
      targetId: w.targetA.id,
      fromRound: { id: w.round.id },
    });
    expect(items.find((i) => i.id === unresolved.id)).toMatchObject({ reopened: false, state: "noPlan" });
    expect(items.find((i) => i.id === ofB.id)).toMatchObject({ targetId: w.targetB.id });

    // the earlier round carries nothing from the later one; other committees and roles see nothing
    expect(
      (await (await as(w, "office")).get(`/api/rounds/${w.round.id}/carried-over`)).json().items,
    ).toEqual([]);
    await refused(await as(w, "memberA"), (s) => s.get(url), 404, "round.not_found");
    await refused(await as(w, "otherOffice"), (s) => s.get(url), 404, "round.not_found");
    await refused(await as(w, "contactA"), (s) => s.get(url), 403, "auth.forbidden");
  });
});
