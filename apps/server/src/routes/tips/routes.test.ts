import { and, auditLog, eq, roleAssignments, rounds, tips } from "@xuncha/db";
import { buildAccount, buildFinding } from "@xuncha/db/testing";
import { describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { PNG } from "../../../test/multipart";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";
import { submitTip, TIP_TEXT, tipForm } from "../public-tips/tip-test-kit";

const kit = routeTestKit();

/** An anonymous web tip on targetA (routed to group A) with a photo, and a named letter tip on targetB. */
async function worldWithTips() {
  const { app, database } = kit.t;
  const w = await buildWorld(database.db);
  const web = await submitTip(app, { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT }, [
    { name: "现场照片.png", data: PNG },
  ]);
  expect(web.statusCode, web.body).toBe(201);
  const office = await kit.as(w, "office");
  const form = tipForm({
    roundId: w.round.id,
    channel: "letter",
    targetId: w.targetB.id,
    category: "sixDisciplines.2",
    text: "来信反映：乙单位干部选拔程序不规范。",
    named: true,
    name: "李四",
    phone: "13811112222",
  });
  const letter = await office.request("POST", "/api/tips", form.payload, form.headers);
  expect(letter.statusCode, letter.body).toBe(201);
  const rows = await database.db.select().from(tips).where(eq(tips.roundId, w.round.id)).orderBy(tips.number);
  return {
    w,
    office,
    webTip: rows[0]!,
    letterTip: rows[1]!,
    webReceipt: web.json().receipt as string,
    letterReceipt: letter.json().receipt as string,
  };
}

const custodian = async (w: World) => {
  const account = await buildAccount(kit.t.database.db, {
    committeeId: w.committee.id,
    role: "tipCustodian",
    name: "保管人",
  });
  return Object.assign(await loginAs(kit.t.app, account.username), {
    id: account.id,
  }) as As;
};

const followUp = (receipt: string) =>
  kit.t.app.inject({
    method: "POST",
    url: "/api/public/tips/follow-up",
    payload: { receipt },
    remoteAddress: `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });

describe("the tips register", () => {
  it("office registers letters in the same register, with a receipt, audited without content", async () => {
    const { w, letterTip, letterReceipt } = await worldWithTips();
    expect(letterReceipt).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    expect(letterTip).toMatchObject({
      channel: "letter",
      status: "routed",
      groupId: w.groupB.id,
      named: true,
    });
    const [entry] = await kit.audited("tip.register", letterTip.id);
    expect(entry!.summary).toMatchObject({ channel: "letter", number: 2 });
    expect(JSON.stringify(entry!.summary)).not.toMatch(/李四|1381111|选拔/);
  });

  it("lists tips by scope: office and leadership all, a group its own, nobody else", async () => {
    const { w, office, webTip, letterTip } = await worldWithTips();
    const ids = async (s: As) => {
      const res = await s.get(`/api/tips?roundId=${w.round.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { id: string }[]).map((t) => t.id).sort();
    };
    expect(await ids(office)).toEqual([webTip.id, letterTip.id].sort());
    expect(await ids(await kit.as(w, "leadership"))).toEqual([webTip.id, letterTip.id].sort());
    expect(await ids(await kit.as(w, "leaderA"))).toEqual([webTip.id]);
    expect(await ids(await kit.as(w, "memberB"))).toEqual([letterTip.id]);
    expect(await ids(await kit.as(w, "otherOffice"))).toEqual([]);
    const list = (await office.get(`/api/tips?roundId=${w.round.id}`)).json();
    expect(JSON.stringify(list)).not.toMatch(/招标|李四|13811112222/);
    expect(await kit.auditBy(office.id, "tip.read_list")).toHaveLength(2);
    for (const key of ["contactA", "discipline", "organization", "sysAdmin", "auditAdmin"] as const) {
      await kit.refused(await kit.as(w, key), (s) => s.get("/api/tips"), 403, "auth.forbidden");
    }
    const db = kit.t.database.db;
    for (const role of ["upperLevel", "partnerDept", "tipCustodian"]) {
      const a = await buildAccount(db, { committeeId: w.committee.id, role });
      const s = await loginAs(kit.t.app, a.username);
      expect((await s.get("/api/tips")).statusCode).toBe(403);
      expect((await s.get(`/api/tips/${webTip.id}`)).statusCode).toBe(403);
    }
  });

  it("opens a tip's content and files for handling, never the identity; reads are audited; out of scope is 404", async () => {
    const { w, office, webTip, letterTip } = await worldWithTips();
    const leaderA = await kit.as(w, "leaderA");
    const res = await leaderA.get(`/api/tips/${webTip.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const tip = res.json();
    expect(tip).toMatchObject({
      text: TIP_TEXT,
      channelLabel: "码上巡察",
      categoryName: "廉洁纪律",
      statusLabel: "待处理",
      abilities: { route: false, decide: true, answer: false, requestReveal: false },
    });
    expect(tip.files).toEqual([expect.objectContaining({ name: "现场照片.png", mime: "image/png" })]);
    expect(await kit.audited("tip.read", webTip.id)).toHaveLength(1);
    const file = await leaderA.get(`/api/tips/${webTip.id}/files/${tip.files[0].id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(Buffer.from(PNG))).toBe(true);
    expect(await kit.audited("tip.read_file", webTip.id)).toHaveLength(1);

    const letter = (await office.get(`/api/tips/${letterTip.id}`)).json();
    expect(letter.named).toBe(true);
    expect(JSON.stringify(letter)).not.toMatch(/李四|13811112222/);

    await kit.refused(
      await kit.as(w, "memberB"),
      (s) => s.get(`/api/tips/${webTip.id}`),
      404,
      "tip.not_found",
    );
    await kit.refused(
      await kit.as(w, "leaderB"),
      (s) => s.get(`/api/tips/${webTip.id}/files/${tip.files[0].id}`),
      404,
      "tip.not_found",
    );
    await kit.refused(
      await kit.as(w, "otherOffice"),
      (s) => s.get(`/api/tips/${webTip.id}`),
      404,
      "tip.not_found",
    );
    await kit.refused(
      await kit.as(w, "contactA"),
      (s) => s.get(`/api/tips/${webTip.id}`),
      403,
      "auth.forbidden",
    );
  });

  it("office routes a tip to a group; the group hands it over with a deadline, records the answer; the submitter reads it", async () => {
    const { w, office, webTip, webReceipt } = await worldWithTips();
    const leaderA = await kit.as(w, "leaderA");
    await kit.refused(
      leaderA,
      (s) => s.post(`/api/tips/${webTip.id}/route`, { groupId: w.groupB.id }),
      403,
      "auth.forbidden",
    );
    await kit.refused(
      await kit.as(w, "memberA"),
      (s) => s.post(`/api/tips/${webTip.id}/decision`, { decision: "file", reason: "x" }),
      403,
      "auth.forbidden",
    );
    await kit.refused(
      await kit.as(w, "leaderB"),
      (s) => s.post(`/api/tips/${webTip.id}/decision`, { decision: "file", reason: "x" }),
      404,
      "tip.not_found",
    );
    await kit.refused(
      await kit.as(w, "otherOffice"),
      (s) => s.post(`/api/tips/${webTip.id}/route`, { groupId: w.groupB.id }),
      404,
      "tip.not_found",
    );
    const routed = await office.post(`/api/tips/${webTip.id}/route`, { groupId: w.groupB.id });
    expect(routed.json()).toMatchObject({ groupId: w.groupB.id, status: "routed" });
    expect((await leaderA.get(`/api/tips/${webTip.id}`)).statusCode).toBe(404);
    const leaderB = await kit.as(w, "leaderB");
    const decided = await leaderB.post(`/api/tips/${webTip.id}/decision`, {
      decision: "handOver",
      targetId: w.targetA.id,
      deadline: "2026-06-30",
      note: "请甲单位党组核查",
      publicAnswer: "已交甲单位党组核查办理。",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((await followUp(webReceipt)).json()).toMatchObject({
      status: "handedOver",
      statusText: "您反映的问题已交有关党组织办理，办理结果将在此答复。",
      answer: "已交甲单位党组核查办理。",
      handOverDeadline: "2026-06-30",
    });
    const again = await leaderB.post(`/api/tips/${webTip.id}/decision`, { decision: "file", reason: "重复" });
    expect(again.json().error.code).toBe("tip.decided");
    const answered = await leaderB.post(`/api/tips/${webTip.id}/answer`, {
      answer: "经核查，反映的招标问题部分属实，已责令整改。",
      answeredOn: "2026-06-20",
      publicAnswer: "经核查，您反映的问题部分属实，已责令整改。",
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await followUp(webReceipt)).json()).toMatchObject({
      status: "answered",
      statusText: "您反映的问题已由有关党组织办理完毕。",
      answer: "经核查，您反映的问题部分属实，已责令整改。",
    });
    const detail = (await office.get(`/api/tips/${webTip.id}`)).json();
    expect(detail).toMatchObject({ handOverTargetName: w.targetA.name, handOverAnsweredOn: "2026-06-20" });
    expect((await kit.audited("tip.decide", webTip.id)).length).toBe(1);
    expect((await kit.audited("tip.answer", webTip.id)).length).toBe(1);
  });

  it("uses a tip with a finding of the round (not another group's), or files it with a reason", async () => {
    const { w, office, webTip, letterTip, letterReceipt } = await worldWithTips();
    const db = kit.t.database.db;
    const leaderA = await kit.as(w, "leaderA");
    const findingB = await buildFinding(db, {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupB.id,
      targetId: w.targetB.id,
      createdBy: w.accounts.leaderB.id,
    });
    const findingA = await buildFinding(db, {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.leaderA.id,
    });
    await kit.refused(
      leaderA,
      (s) => s.post(`/api/tips/${webTip.id}/decision`, { decision: "use", findingId: findingB.id }),
      404,
      "finding.not_found",
    );
    const used = await leaderA.post(`/api/tips/${webTip.id}/decision`, {
      decision: "use",
      findingId: findingA.id,
    });
    expect(used.json()).toEqual({ status: "used" });
    const filed = await office.post(`/api/tips/${letterTip.id}/decision`, {
      decision: "file",
      reason: "反映内容不属于本轮巡察范围",
      publicAnswer: "您反映的情况不属于本轮巡察范围，建议向县信访局反映。",
    });
    expect(filed.json()).toEqual({ status: "filed" });
    expect((await followUp(letterReceipt)).json()).toMatchObject({
      status: "filed",
      answer: "您反映的情况不属于本轮巡察范围，建议向县信访局反映。",
      canAdd: false,
    });
  });

  it("a closed round is read-only for its group", async () => {
    const { w, webTip } = await worldWithTips();
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    const leaderA = await kit.as(w, "leaderA");
    const tip = (await leaderA.get(`/api/tips/${webTip.id}`)).json();
    expect(tip.abilities.decide).toBe(false);
    await kit.refused(
      leaderA,
      (s) => s.post(`/api/tips/${webTip.id}/decision`, { decision: "file", reason: "x" }),
      403,
      "auth.forbidden",
    );
  });

  it("new tips wait for the office; counts by channel, target and outcome", async () => {
    const { w, office } = await worldWithTips();
    const other = await submitTip(kit.t.app, {
      roundId: w.round.id,
      otherTarget: "某镇财政所",
      text: TIP_TEXT,
    });
    expect(other.statusCode).toBe(201);
    const [newTip] = await kit.t.database.db
      .select()
      .from(tips)
      .where(and(eq(tips.roundId, w.round.id), eq(tips.status, "new")));
    const early = await (await kit.as(w, "leaderA")).get(`/api/tips/${newTip!.id}`);
    expect(early.statusCode).toBe(404);
    const undecided = await office.post(`/api/tips/${newTip!.id}/decision`, {
      decision: "file",
      reason: "x",
    });
    expect(undecided.json().error.code).toBe("tip.not_routed");
    const counts = (await office.get(`/api/tips/counts?roundId=${w.round.id}`)).json();
    expect(counts.total).toBe(3);
    expect(counts.byChannel).toEqual(
      expect.arrayContaining([
        { channel: "web", label: "码上巡察", count: 2 },
        { channel: "letter", label: "来信", count: 1 },
      ]),
    );
    expect(counts.byTarget).toEqual(
      expect.arrayContaining([
        { targetId: w.targetA.id, label: w.targetA.name, count: 1 },
        { targetId: null, label: "其他", count: 1 },
      ]),
    );
    expect(counts.byOutcome).toEqual(
      expect.arrayContaining([
        { status: "routed", label: "待处理", count: 2 },
        { status: "new", label: "待分送", count: 1 },
      ]),
    );
    const groupCounts = (
      await (await kit.as(w, "leaderA")).get(`/api/tips/counts?roundId=${w.round.id}`)
    ).json();
    expect(groupCounts.total).toBe(1);
    expect((await (await kit.as(w, "contactA")).get("/api/tips/counts")).statusCode).toBe(403);
  });
});

describe("revealing a named submitter", () => {
  it("needs a custodian's approval (never one's own); the approved requester reads it, audited; nobody else", async () => {
    const { w, office, webTip, letterTip } = await worldWithTips();
    const leaderB = await kit.as(w, "leaderB");
    await kit.refused(
      await kit.as(w, "leaderA"),
      (s) => s.post(`/api/tips/${webTip.id}/reveals`, { reason: "核实" }),
      409,
      "tip.anonymous",
    );
    await kit.refused(
      leaderB,
      (s) => s.get(`/api/tips/${letterTip.id}/identity`),
      404,
      "tip.reveal_not_found",
    );
    await kit.refused(
      await kit.as(w, "leaderA"),
      (s) => s.post(`/api/tips/${letterTip.id}/reveals`, { reason: "核实" }),
      404,
      "tip.not_found",
    );
    const asked = await leaderB.post(`/api/tips/${letterTip.id}/reveals`, { reason: "需当面核实举报细节" });
    expect(asked.statusCode, asked.body).toBe(201);
    const pending = await leaderB.post(`/api/tips/${letterTip.id}/reveals`, { reason: "再次" });
    expect(pending.json().error.code).toBe("tip.reveal_pending");

    const keeper = await custodian(w);
    const list = (await keeper.get("/api/tip-reveals")).json();
    expect(list).toEqual([
      expect.objectContaining({
        id: asked.json().id,
        reason: "需当面核实举报细节",
        requesterName: "乙组组长",
        abilities: { decide: true },
      }),
    ]);
    expect(JSON.stringify(list)).not.toMatch(/李四|13811112222/);
    await kit.refused(keeper, (s) => s.get(`/api/tips/${letterTip.id}`), 403, "auth.forbidden");
    const otherKeeper = await buildAccount(kit.t.database.db, {
      committeeId: w.other.id,
      role: "tipCustodian",
    });
    const otherSession = await loginAs(kit.t.app, otherKeeper.username);
    expect((await otherSession.get("/api/tip-reveals")).json()).toEqual([]);
    const foreign = await otherSession.post(`/api/tip-reveals/${asked.json().id}/decision`, {
      approve: true,
    });
    expect(foreign.json().error.code).toBe("tip.reveal_not_found");
    await kit.refused(
      office,
      (s) => s.post(`/api/tip-reveals/${asked.json().id}/decision`, { approve: true }),
      403,
      "auth.forbidden",
    );

    const approved = await keeper.post(`/api/tip-reveals/${asked.json().id}/decision`, {
      approve: true,
      note: "同意",
    });
    expect(approved.json()).toEqual({ status: "approved" });
    const identity = await leaderB.get(`/api/tips/${letterTip.id}/identity`);
    expect(identity.json()).toEqual({ name: "李四", phone: "13811112222" });
    expect(await kit.audited("tip.identity_read", letterTip.id)).toHaveLength(1);
    expect(await kit.audited("tip.reveal_approve", letterTip.id)).toHaveLength(1);
    // Approval is per requester: the office did not ask, so it still sees nothing.
    await kit.refused(
      office,
      (s) => s.get(`/api/tips/${letterTip.id}/identity`),
      404,
      "tip.reveal_not_found",
    );
    await kit.refused(
      await kit.as(w, "memberB"),
      (s) => s.get(`/api/tips/${letterTip.id}/identity`),
      403,
      "auth.forbidden",
    );
    const twice = await keeper.post(`/api/tip-reveals/${asked.json().id}/decision`, { approve: false });
    expect(twice.json().error.code).toBe("tip.reveal_decided");
    // Nothing of the identity in the audit log.
    const entries = await kit.t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, letterTip.id));
    expect(JSON.stringify(entries)).not.toMatch(/李四|13811112222/);
  });

  it("a custodian who is also office staff cannot approve their own request", async () => {
    const { w, letterTip } = await worldWithTips();
    const db = kit.t.database.db;
    const both = await buildAccount(db, { committeeId: w.committee.id, role: "officeStaff", name: "兼任" });
    await db
      .insert(roleAssignments)
      .values({ accountId: both.id, role: "tipCustodian", committeeId: w.committee.id });
    const s = await loginAs(kit.t.app, both.username);
    const asked = await s.post(`/api/tips/${letterTip.id}/reveals`, { reason: "核实" });
    expect(asked.statusCode).toBe(201);
    const self = await s.post(`/api/tip-reveals/${asked.json().id}/decision`, { approve: true });
    expect(self.json().error.code).toBe("tip.reveal_self");
  });
});
