import { count, documents, eq, immediateFixes, numberingRegisters } from "@xuncha/db";
import { buildFinding } from "@xuncha/db/testing";
import { describe, expect, it } from "vitest";
import { multipart, PNG } from "../../../test/multipart";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

const approved = (w: World, inGroup: "A" | "B" = "A", status = "approved") =>
  buildFinding(db(), {
    committeeId: w.committee.id,
    roundId: w.round.id,
    groupId: inGroup === "A" ? w.groupA.id : w.groupB.id,
    targetId: inGroup === "A" ? w.targetA.id : w.targetB.id,
    createdBy: w.accounts.memberA.id,
    title: "公务用车私用",
    description: "2025年公车私用3次。",
    status,
  });

/** The office's register for 立行立改通知书. */
const register = (w: World) =>
  db()
    .insert(numberingRegisters)
    .values({
      committeeId: w.committee.id,
      issuer: "中共测试县委巡察工作领导小组",
      prefix: "测巡立改",
      kinds: ["immediateFix"],
    });

const notice = {
  requirement: "立即停止公车私用，收回车辆钥匙。\n对相关人员进行批评教育。",
  deadline: "2026-12-31",
  date: "2026-11-23",
};

describe("立行立改", () => {
  it("without a register for the notice, explains what the office must set; nothing is saved", async () => {
    const w = await buildWorld(db());
    const f = await approved(w);
    const e = await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/findings/${f.id}/immediate-fix`, notice),
      409,
      "register.missing",
    );
    expect(e.message).toContain("立行立改通知书");
    expect(e.message).toContain("发文字号设置");
    const n = await db()
      .select({ n: count() })
      .from(immediateFixes)
      .where(eq(immediateFixes.findingId, f.id));
    expect(Number(n[0]!.n)).toBe(0);
  });

  it("the leader issues a numbered notice; the target's contact reads it, reports with evidence; the group confirms it done", async () => {
    const w = await buildWorld(db());
    await register(w);
    const f = await approved(w);
    const leader = await as(w, "leaderA");
    const res = await leader.post(`/api/findings/${f.id}/immediate-fix`, notice);
    expect(res.statusCode, res.body).toBe(201);
    const fix = res.json();
    expect(fix).toMatchObject({
      finding: { id: f.id, title: "公务用车私用" },
      target: { id: w.targetA.id },
      group: { id: w.groupA.id },
      deadline: "2026-12-31",
      status: "issued",
      statusLabel: "待整改",
      notice: { number: "测巡立改〔2026〕1号", title: "关于对“公务用车私用”问题立行立改的通知" },
      reports: [],
    });
    const [entry] = await audited("immediateFix.issue", fix.id);
    expect(entry).toMatchObject({ actorId: leader.id, summary: { number: "测巡立改〔2026〕1号" } });
    const [doc] = await db().select().from(documents).where(eq(documents.number, "测巡立改〔2026〕1号"));
    expect(doc).toMatchObject({ kind: "immediateFix", targetId: w.targetA.id, groupId: w.groupA.id });

    // The target's contact sees it and downloads the notice (.docx), before any feedback.
    const contact = await as(w, "contactA");
    const mine = (await contact.get("/api/immediate-fixes")).json().items;
    expect(mine.map((i: { id: string }) => i.id)).toEqual([fix.id]);
    expect(mine[0].abilities).toEqual({ report: true, confirm: false });
    const docx = await contact.get(`/api/immediate-fixes/${fix.id}/notice`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(docx.headers["content-disposition"]).toContain(".docx");
    // … but never the finding itself before feedback, nor its workpaper.
    await refused(contact, (s) => s.get(`/api/findings/${f.id}`), 404, "finding.not_found");

    const m = multipart("整改照片.png", PNG, "image/png");
    const file = (await contact.request("POST", "/api/files", m.payload, m.headers)).json();
    const reported = await contact.post(`/api/immediate-fixes/${fix.id}/reports`, {
      content: "已收回车辆钥匙，对相关人员批评教育。",
      fileIds: [file.id],
    });
    expect(reported.statusCode, reported.body).toBe(201);
    expect(reported.json()).toMatchObject({
      status: "reported",
      reports: [
        {
          content: "已收回车辆钥匙，对相关人员批评教育。",
          by: "甲联系人",
          files: [{ id: file.id, name: "整改照片.png" }],
        },
      ],
    });
    // The group reads the evidence through the item.
    expect((await leader.get(`/api/immediate-fixes/${fix.id}/files/${file.id}`)).statusCode).toBe(200);

    await refused(
      await as(w, "memberA"),
      (s) => s.post(`/api/immediate-fixes/${fix.id}/confirm`, { decision: "done" }),
      403,
      "auth.forbidden",
    );
    await refused(
      leader,
      (s) => s.post(`/api/immediate-fixes/${fix.id}/confirm`, { decision: "return" }),
      400,
      "request.invalid",
    );
    const back = await leader.post(`/api/immediate-fixes/${fix.id}/confirm`, {
      decision: "return",
      note: "请补充批评教育记录",
    });
    expect(back.json()).toMatchObject({ status: "issued", returnReason: "请补充批评教育记录" });
    await refused(
      leader,
      (s) => s.post(`/api/immediate-fixes/${fix.id}/confirm`, { decision: "done" }),
      409,
      "immediate_fix.not_reported",
    );
    await contact.post(`/api/immediate-fixes/${fix.id}/reports`, { content: "补充批评教育记录。" });
    const done = await leader.post(`/api/immediate-fixes/${fix.id}/confirm`, {
      decision: "done",
      note: "核实到位",
    });
    expect(done.json()).toMatchObject({
      status: "done",
      doneNote: "核实到位",
      abilities: { report: false, confirm: false },
    });
    expect(done.json().reports).toHaveLength(2);
    expect(await audited("immediateFix.done", fix.id)).toHaveLength(1);
    await refused(
      contact,
      (s) => s.post(`/api/immediate-fixes/${fix.id}/reports`, { content: "再报" }),
      409,
      "immediate_fix.done",
    );

    // Counts per group of the round.
    const counts = (
      await (await as(w, "office")).get(`/api/immediate-fixes/counts?roundId=${w.round.id}`)
    ).json();
    expect(counts).toEqual({
      groups: [{ group: { id: w.groupA.id, name: w.groupA.name }, total: 1, done: 1, open: 0, overdue: 0 }],
      total: 1,
      done: 1,
    });
  });

  it("only the leader of the finding's group issues, once, for an approved finding", async () => {
    const w = await buildWorld(db());
    await register(w);
    const f = await approved(w);
    const draft = await approved(w, "A", "draft");
    await refused(
      await as(w, "memberA"),
      (s) => s.post(`/api/findings/${f.id}/immediate-fix`, notice),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "leaderB"),
      (s) => s.post(`/api/findings/${f.id}/immediate-fix`, notice),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "office"),
      (s) => s.post(`/api/findings/${f.id}/immediate-fix`, notice),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/findings/${draft.id}/immediate-fix`, notice),
      409,
      "immediate_fix.finding_not_approved",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/findings/${f.id}/immediate-fix`, { ...notice, deadline: "2026-02-30" }),
      400,
      "request.invalid",
    );
    expect(
      (await (await as(w, "leaderA")).post(`/api/findings/${f.id}/immediate-fix`, notice)).statusCode,
    ).toBe(201);
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/findings/${f.id}/immediate-fix`, notice),
      409,
      "immediate_fix.exists",
    );
  });

  it("is seen by its group, the office, the leading group and its own target's contact only", async () => {
    const w = await buildWorld(db());
    await register(w);
    const f = await approved(w);
    const fix = (await (await as(w, "leaderA")).post(`/api/findings/${f.id}/immediate-fix`, notice)).json();
    for (const key of ["leaderA", "memberA", "office", "leadership", "contactA"] as const) {
      expect((await (await as(w, key)).get(`/api/immediate-fixes/${fix.id}`)).statusCode, key).toBe(200);
    }
    for (const key of ["contactB", "memberB", "leaderB", "otherOffice"] as const) {
      await refused(
        await as(w, key),
        (s) => s.get(`/api/immediate-fixes/${fix.id}`),
        404,
        "immediate_fix.not_found",
      );
      await refused(
        await as(w, key),
        (s) => s.get(`/api/immediate-fixes/${fix.id}/notice`),
        404,
        "immediate_fix.not_found",
      );
      expect((await (await as(w, key)).get("/api/immediate-fixes")).json().items, key).toEqual([]);
    }
    await refused(
      await as(w, "discipline"),
      (s) => s.get(`/api/immediate-fixes/${fix.id}`),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "contactB"),
      (s) => s.post(`/api/immediate-fixes/${fix.id}/reports`, { content: "冒报" }),
      404,
      "immediate_fix.not_found",
    );
    await refused(
      await as(w, "leaderB"),
      (s) => s.post(`/api/immediate-fixes/${fix.id}/confirm`, { decision: "done" }),
      404,
      "immediate_fix.not_found",
    );
    // Group B's counts do not include group A's item.
    const countsB = (
      await (await as(w, "leaderB")).get(`/api/immediate-fixes/counts?roundId=${w.round.id}`)
    ).json();
    expect(countsB.total).toBe(0);
  });
});
