import { eq, rounds } from "@xuncha/db";
import { buildFinding } from "@xuncha/db/testing";
import { readZipText } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

const finding = (w: World, overrides: Partial<Parameters<typeof buildFinding>[1]> = {}) =>
  buildFinding(db(), {
    committeeId: w.committee.id,
    roundId: w.round.id,
    groupId: w.groupA.id,
    targetId: w.targetA.id,
    createdBy: w.accounts.memberA.id,
    status: "approved",
    ...overrides,
  });

const newReport = (w: World, overrides: Record<string, unknown> = {}) => ({
  roundId: w.round.id,
  groupId: w.groupA.id,
  targetId: w.targetA.id,
  kind: "inspection",
  ...overrides,
});

describe("group reports", () => {
  it("a member assembles the inspection report from the approved findings, grouped by the scheme", async () => {
    const w = await buildWorld(db());
    await finding(w, {
      number: 1,
      title: "三重一大决策不规范",
      category: "sixDisciplines.1",
      description: "未经集体研究。",
    });
    await finding(w, {
      number: 2,
      title: "违规发放津补贴",
      category: "sixDisciplines.3",
      description: "发放12万元。",
    });
    await finding(w, { number: 3, title: "草稿问题", status: "draft" });
    await finding(w, { number: 4, title: "乙组问题", groupId: w.groupB.id, targetId: w.targetB.id });
    const member = await as(w, "memberA");
    const res = await member.post("/api/reports", newReport(w));
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      kind: "inspection",
      kindLabel: "巡察报告",
      title: `关于巡察${w.targetA.name}情况的报告`,
      scheme: "sixDisciplines",
      status: "draft",
      statusLabel: "编辑中",
      target: { id: w.targetA.id },
      versions: [],
      reviews: [],
      abilities: { edit: true, generate: true, submit: false, review: false },
    });
    expect(r.sections.map((s: { heading: string }) => s.heading)).toEqual([
      "一、巡察工作基本情况",
      "二、发现的主要问题",
      "三、意见建议",
      "四、问题线索及其他需要报告的事项",
    ]);
    expect(r.sections[1].text).toBe(
      "（一）政治纪律方面\n1. 三重一大决策不规范。未经集体研究。\n\n（二）廉洁纪律方面\n1. 违规发放津补贴。发放12万元。",
    );
    expect(r.sections[0].text).toContain("共发现问题2个");
    const [entry] = await audited("report.create", r.id);
    expect(entry).toMatchObject({ actorId: member.id, summary: { findings: 2, kind: "inspection" } });
  });

  it("the group edits the sections, generates versions (all kept), submits; the office passes it to the leading group", async () => {
    const w = await buildWorld(db());
    await finding(w, { number: 1, title: "违规发放津补贴", category: "sixDisciplines.3" });
    const member = await as(w, "memberA");
    const leader = await as(w, "leaderA");
    const office = await as(w, "office");
    const leadership = await as(w, "leadership");
    const r = (await member.post("/api/reports", newReport(w, { kind: "midterm" }))).json();
    // Nobody outside the group sees a draft.
    await refused(office, (s) => s.get(`/api/reports/${r.id}`), 404, "report.not_found");
    await refused(leadership, (s) => s.get(`/api/reports/${r.id}`), 404, "report.not_found");
    const sections = r.sections.map((s: { key: string; heading: string; text: string }) =>
      s.key === "next" ? { ...s, text: "下一步将深入核实津补贴发放问题。" } : s,
    );
    const edited = await member.request("PUT", `/api/reports/${r.id}`, { sections });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().sections[2].text).toBe("下一步将深入核实津补贴发放问题。");
    const v1 = await member.post(`/api/reports/${r.id}/versions`);
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json().versions).toHaveLength(1);
    const versionId = v1.json().versions[0].id as string;
    const docx = await member.get(`/api/reports/${r.id}/versions/${versionId}/file`);
    expect(docx.statusCode).toBe(200);
    const xml = readZipText(new Uint8Array(docx.rawPayload), "word/document.xml");
    expect(xml).toContain("下一步将深入核实津补贴发放问题。");
    expect(xml).toContain("违规发放津补贴");

    await refused(member, (s) => s.post(`/api/reports/${r.id}/submit`), 403, "auth.forbidden");
    const submitted = await leader.post(`/api/reports/${r.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: "submitted", statusLabel: "待组办联审" });
    expect(submitted.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Locked while under review.
    await refused(
      member,
      (s) => s.request("PUT", `/api/reports/${r.id}`, { sections }),
      409,
      "report.not_editable",
    );
    // The office sees it now, and returns it with an opinion; the leading group still does not see it.
    expect((await office.get(`/api/reports/${r.id}`)).json().abilities.review).toBe(true);
    await refused(leadership, (s) => s.get(`/api/reports/${r.id}`), 404, "report.not_found");
    await refused(
      office,
      (s) => s.post(`/api/reports/${r.id}/review`, { decision: "return" }),
      400,
      "request.invalid",
    );
    const back = await office.post(`/api/reports/${r.id}/review`, {
      decision: "return",
      opinion: "问题表述需更具体",
    });
    expect(back.json()).toMatchObject({ status: "returned", reviewOpinion: "问题表述需更具体" });
    await refused(
      office,
      (s) => s.post(`/api/reports/${r.id}/review`, { decision: "pass" }),
      409,
      "report.not_submitted",
    );
    expect((await member.request("PUT", `/api/reports/${r.id}`, { sections })).statusCode).toBe(200);
    await leader.post(`/api/reports/${r.id}/submit`);
    const passed = await office.post(`/api/reports/${r.id}/review`, {
      decision: "pass",
      opinion: "同意报送",
    });
    expect(passed.json()).toMatchObject({ status: "passed", statusLabel: "已报领导小组" });
    expect(passed.json().reviews.map((x: { decision: string; by: string }) => [x.decision, x.by])).toEqual([
      ["return", "巡察办干部"],
      ["pass", "巡察办干部"],
    ]);
    expect(await audited("report.return", r.id)).toHaveLength(1);
    expect(await audited("report.pass", r.id)).toHaveLength(1);
    // The leading group sees it now, with every version.
    const seen = await leadership.get(`/api/reports/${r.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().versions).toHaveLength(3);
    expect((await leadership.get("/api/reports")).json().items.map((i: { id: string }) => i.id)).toEqual([
      r.id,
    ]);
  });

  it("a member of group B, a target contact and another committee never see group A's reports", async () => {
    const w = await buildWorld(db());
    const r = (await (await as(w, "memberA")).post("/api/reports", newReport(w))).json();
    await (await as(w, "leaderA")).post(`/api/reports/${r.id}/submit`);
    for (const key of ["memberB", "leaderB", "otherOffice", "otherLeadership"] as const) {
      await refused(await as(w, key), (s) => s.get(`/api/reports/${r.id}`), 404, "report.not_found");
      expect((await (await as(w, key)).get("/api/reports")).json().items, key).toEqual([]);
    }
    await refused(await as(w, "contactA"), (s) => s.get(`/api/reports/${r.id}`), 403, "auth.forbidden");
    await refused(await as(w, "discipline"), (s) => s.get("/api/reports"), 403, "auth.forbidden");
    await refused(
      await as(w, "memberB"),
      (s) => s.request("PUT", `/api/reports/${r.id}`, { sections: [{ key: "x", heading: "x", text: "x" }] }),
      404,
      "report.not_found",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/reports/${r.id}/review`, { decision: "pass" }),
      404,
      "report.not_found",
    );
    // Group B cannot assemble a report for group A, nor for a target that is not its own.
    await refused(
      await as(w, "memberB"),
      (s) => s.post("/api/reports", newReport(w)),
      404,
      "group.not_found",
    );
    await refused(
      await as(w, "memberA"),
      (s) => s.post("/api/reports", newReport(w, { targetId: w.targetB.id })),
      404,
      "target.not_found",
    );
  });

  it("refuses an unknown kind or scheme; a closed round takes no new report and no edits", async () => {
    const w = await buildWorld(db());
    const member = await as(w, "memberA");
    await refused(
      member,
      (s) => s.post("/api/reports", newReport(w, { kind: "special" })),
      400,
      "request.invalid",
    );
    await refused(
      member,
      (s) => s.post("/api/reports", newReport(w, { scheme: "fiveThings" })),
      400,
      "request.invalid",
    );
    const r = (
      await member.post("/api/reports", newReport(w, { targetId: undefined, scheme: "threeFocuses" }))
    ).json();
    expect(r).toMatchObject({
      target: null,
      scheme: "threeFocuses",
      title: `关于巡察${w.targetA.name}情况的报告`,
    });
    await db().update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(member, (s) => s.post("/api/reports", newReport(w)), 409, "round.closed");
    await refused(
      member,
      (s) => s.request("PUT", `/api/reports/${r.id}`, { sections: r.sections }),
      409,
      "round.closed",
    );
    expect((await member.get(`/api/reports/${r.id}`)).json().abilities).toEqual({
      edit: false,
      generate: false,
      submit: false,
      review: false,
    });
  });
});
