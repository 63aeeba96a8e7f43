import { and, asc, auditLog, closeOuts, eq, measures, notifications, progressUpdates } from "@xuncha/db";
import { buildAccount, buildFeedback, buildFinding, buildTarget } from "@xuncha/db/testing";
import { addDays, chinaDate } from "@xuncha/domain";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs, type Session } from "../../../test/client";
import { multipart, PNG } from "../../../test/multipart";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;

/** An approved finding routed for rectification on target A (or B), fed back unless told otherwise. */
async function finding(
  w: World,
  options: { target?: "A" | "B"; fedBack?: boolean } & Partial<Parameters<typeof buildFinding>[1]> = {},
) {
  const { target = "A", fedBack = true, ...rest } = options;
  const targetId = target === "A" ? w.targetA.id : w.targetB.id;
  const base = { committeeId: w.committee.id, roundId: w.round.id, targetId };
  const fb = fedBack
    ? await buildFeedback(kit.t.database.db, { ...base, createdBy: w.accounts.office.id })
    : undefined;
  return buildFinding(kit.t.database.db, {
    ...base,
    groupId: target === "A" ? w.groupA.id : w.groupB.id,
    createdBy: w.accounts.memberA.id,
    status: "approved",
    route: "rectify",
    feedbackId: fb?.id ?? null,
    ...rest,
  });
}

const FUTURE = "2099-12-31";
const PAST = "2020-01-01";
const measureBody = (overrides: Record<string, unknown> = {}) => ({
  content: "清退违规发放的津补贴，修订加班管理制度",
  goal: "全部清退",
  responsibleLeader: "王书记",
  responsibleDept: "财务科",
  responsiblePerson: "张三",
  deadline: FUTURE,
  ...overrides,
});
const progressBody = (overrides: Record<string, unknown> = {}) => ({
  reportedOn: "2026-11-20",
  content: "已清退8万元",
  completion: "unfinished",
  ...overrides,
});

interface LedgerItem {
  finding: { id: string; number: number };
  target: { id: string };
  state: string;
  measures: {
    id: string;
    latest?: string;
    rulesMade: string[];
    moneyRecovered: number;
    accountablePersons: number;
    progress: { reportedOn: string; completion: string; content: string }[];
  }[];
  abilities: Record<string, unknown> & { approveAs: string[] };
  closeOut: {
    required: string[];
    approvals: { party: string; by: string; note: string; at: string }[];
    evidence: number;
  };
  closedAt: string | null;
}
const ledger = async (s: Session, query = "") => {
  const res = await s.get(`/api/rectification/ledger${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: LedgerItem[];
    total: number;
    rate: { numerator: number; denominator: number; percent: number | null; formula: string };
    sums: Record<string, number>;
  };
};
const itemOf = async (s: Session, findingId: string) =>
  (await ledger(s)).items.find((i) => i.finding.id === findingId);
const stateOf = async (s: Session, findingId: string) => (await itemOf(s, findingId))?.state;

describe("rectification measures", () => {
  it("the target's contact adds a measure to a fed-back finding, with an audit entry", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const res = await contact.post(`/api/findings/${f.id}/measures`, measureBody({ longTerm: true }));
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      id: expect.any(String),
      findingId: f.id,
      targetId: w.targetA.id,
      committeeId: w.committee.id,
      content: "清退违规发放的津补贴，修订加班管理制度",
      goal: "全部清退",
      responsibleLeader: "王书记",
      responsibleDept: "财务科",
      responsiblePerson: "张三",
      deadline: FUTURE,
      longTerm: true,
      createdBy: contact.id,
    });
    const [entry] = await audited("measure.create", m.id);
    expect(entry).toMatchObject({ actorId: contact.id, committeeId: w.committee.id, entity: "measure" });
    expect(entry!.summary).toMatchObject({ findingId: f.id, responsiblePerson: "张三" });
    const item = await itemOf(contact, f.id);
    expect(item!.measures).toEqual([
      expect.objectContaining({ id: m.id, responsiblePerson: "张三", progress: [] }),
    ]);
    // No progress yet: no latest completion.
    expect(item!.measures[0]!.latest).toBeUndefined();
    // Optional fields default to empty.
    const bare = (
      await contact.post(`/api/findings/${f.id}/measures`, {
        content: "建章立制",
        responsiblePerson: "李四",
        deadline: FUTURE,
      })
    ).json();
    expect(bare).toMatchObject({ goal: "", responsibleLeader: "", responsibleDept: "", longTerm: false });
  });

  it("a finding not yet fed back is invisible to the contact", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w, { fedBack: false });
    const e = await refused(
      await as(w, "contactA"),
      (s) => s.post(`/api/findings/${f.id}/measures`, measureBody()),
      404,
      "finding.not_found",
    );
    expect(e.message).toBe("问题不存在");
    expect(await kit.t.database.db.select().from(measures).where(eq(measures.findingId, f.id))).toEqual([]);
  });

  it("another target's contact, another committee's contact and other roles cannot add measures", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const url = `/api/findings/${f.id}/measures`;
    await refused(await as(w, "contactB"), (s) => s.post(url, measureBody()), 404, "finding.not_found");
    const foreignTarget = await buildTarget(kit.t.database.db, { committeeId: w.other.id });
    const foreign = await buildAccount(kit.t.database.db, {
      committeeId: w.other.id,
      role: "targetContact",
      targetId: foreignTarget.id,
    });
    const fs = Object.assign(await loginAs(kit.t.app, foreign.username), { id: foreign.id });
    await refused(fs, (s) => s.post(url, measureBody()), 404, "finding.not_found");
    for (const key of ["office", "leadership", "memberA", "otherOffice"] as const) {
      await refused(await as(w, key), (s) => s.post(url, measureBody()), 403, "auth.forbidden");
    }
    expect(await kit.t.database.db.select().from(measures).where(eq(measures.findingId, f.id))).toEqual([]);
  });

  it("refuses invalid measures with a Chinese message naming the field", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const post = (b: unknown) => (s: As) => s.post(`/api/findings/${f.id}/measures`, b);
    const person = await refused(
      contact,
      post(measureBody({ responsiblePerson: " " })),
      400,
      "request.invalid",
    );
    expect(person.message).toContain("responsiblePerson");
    expect(person.message).toContain("请填写责任人");
    expect(
      (await refused(contact, post(measureBody({ content: undefined })), 400, "request.invalid")).message,
    ).toContain("content");
    expect(
      (await refused(contact, post(measureBody({ deadline: "20261231" })), 400, "request.invalid")).message,
    ).toContain("deadline");
    expect(
      (await refused(contact, post(measureBody({ longTerm: "yes" })), 400, "request.invalid")).message,
    ).toContain("longTerm");
    expect(
      (await refused(contact, post(measureBody({ findingId: f.id })), 400, "request.invalid")).message,
    ).toContain("findingId");
    expect(await kit.t.database.db.select().from(measures).where(eq(measures.findingId, f.id))).toEqual([]);
  });

  it("refuses a deadline that does not exist (2026-02-30)", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const e = await refused(
      await as(w, "contactA"),
      (s) => s.post(`/api/findings/${f.id}/measures`, measureBody({ deadline: "2026-02-30" })),
      400,
      "request.invalid",
    );
    expect(e.message).toContain("deadline");
  });
});

describe("progress updates", () => {
  it("keeps every update, listed earliest first, each with an audit entry", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const m = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    const first = await contact.post(
      `/api/measures/${m.id}/progress`,
      progressBody({ reportedOn: "2026-11-01", content: "已清退3万元" }),
    );
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id: expect.any(String),
      measureId: m.id,
      committeeId: w.committee.id,
      reportedOn: "2026-11-01",
      content: "已清退3万元",
      completion: "unfinished",
      createdBy: contact.id,
    });
    await contact.post(
      `/api/measures/${m.id}/progress`,
      progressBody({ reportedOn: "2026-11-20", content: "已全部清退", completion: "done" }),
    );
    // The same day again is fine; the last entry of the day is the latest.
    await contact.post(
      `/api/measures/${m.id}/progress`,
      progressBody({ reportedOn: "2026-11-20", content: "补充退款凭证", completion: "done" }),
    );
    // Dates only move forward: an entry dated before the last one, or after today, is refused.
    const late = await refused(
      contact,
      (s) =>
        s.post(
          `/api/measures/${m.id}/progress`,
          progressBody({ reportedOn: "2026-11-10", content: "已清退8万元", completion: "basicallyDone" }),
        ),
      409,
      "progress.date_before_latest",
    );
    expect(late.message).toBe("进展日期不能早于该措施上一次报送的日期（2026-11-20）");
    const ahead = await refused(
      contact,
      (s) => s.post(`/api/measures/${m.id}/progress`, progressBody({ reportedOn: addDays(chinaDate(), 1) })),
      400,
      "progress.date_in_future",
    );
    expect(ahead.message).toBe("进展日期不能晚于今天");
    const item = await itemOf(contact, f.id);
    expect(item!.measures[0]!.progress.map((p) => [p.reportedOn, p.completion, p.content])).toEqual([
      ["2026-11-01", "unfinished", "已清退3万元"],
      ["2026-11-20", "done", "已全部清退"],
      ["2026-11-20", "done", "补充退款凭证"],
    ]);
    expect(item!.measures[0]!.latest).toBe("done");
    expect(
      await kit.t.database.db.select().from(progressUpdates).where(eq(progressUpdates.measureId, m.id)),
    ).toHaveLength(3);
    const entries = await audited("measure.progress", m.id);
    expect(entries.map((e) => (e.summary as { reportedOn: string }).reportedOn)).toEqual([
      "2026-11-01",
      "2026-11-20",
      "2026-11-20",
    ]);
    expect(entries.every((e) => e.actorId === contact.id)).toBe(true);
  });

  it("another target's contact, other roles and unknown measures get nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const m = (await (await as(w, "contactA")).post(`/api/findings/${f.id}/measures`, measureBody())).json();
    const url = `/api/measures/${m.id}/progress`;
    await refused(await as(w, "contactB"), (s) => s.post(url, progressBody()), 404, "measure.not_found");
    await refused(
      await as(w, "contactA"),
      (s) => s.post("/api/measures/00000000-0000-4000-8000-000000000000/progress", progressBody()),
      404,
      "measure.not_found",
    );
    for (const key of ["office", "leadership", "memberA"] as const) {
      await refused(await as(w, key), (s) => s.post(url, progressBody()), 403, "auth.forbidden");
    }
    expect(
      await kit.t.database.db.select().from(progressUpdates).where(eq(progressUpdates.measureId, m.id)),
    ).toEqual([]);
  });

  it("refuses invalid updates", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const m = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    const post = (b: unknown) => (s: As) => s.post(`/api/measures/${m.id}/progress`, b);
    expect(
      (await refused(contact, post(progressBody({ completion: "half" })), 400, "request.invalid")).message,
    ).toContain("completion");
    expect(
      (await refused(contact, post(progressBody({ reportedOn: "2026/11/20" })), 400, "request.invalid"))
        .message,
    ).toContain("reportedOn");
    expect(
      (await refused(contact, post(progressBody({ content: "" })), 400, "request.invalid")).message,
    ).toContain("请填写整改进展");
    expect(
      (await refused(contact, post(progressBody({ percent: 50 })), 400, "request.invalid")).message,
    ).toContain("percent");
    expect(
      (await refused(contact, post(progressBody({ fileIds: ["f"] })), 400, "request.invalid")).message,
    ).toContain("fileIds");
  });

  it("refuses a report date that does not exist (2026-02-30)", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const m = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    const e = await refused(
      contact,
      (s) => s.post(`/api/measures/${m.id}/progress`, progressBody({ reportedOn: "2026-02-30" })),
      400,
      "request.invalid",
    );
    expect(e.message).toContain("reportedOn");
  });
});

/** Uploads an evidence file as the contact. */
async function evidence(s: As, name = "退款凭证.png") {
  const body = multipart(name, PNG, "image/png");
  const res = await s.request("POST", "/api/files", body.payload, body.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; sha256: string };
}

/** The contact adds a measure and reports it done, with an evidence file unless told otherwise. */
async function doneWithEvidence(contact: As, findingId: string, withFile = true) {
  const m = (await contact.post(`/api/findings/${findingId}/measures`, measureBody())).json();
  const fileIds = withFile ? [(await evidence(contact)).id] : [];
  const res = await contact.post(
    `/api/measures/${m.id}/progress`,
    progressBody({ completion: "done", fileIds }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return m as { id: string };
}

const notes = (accountId: string, kind: string) =>
  kit.t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), eq(notifications.kind, kind)));

const history = (findingId: string) =>
  kit.t.database.db
    .select()
    .from(closeOuts)
    .where(eq(closeOuts.findingId, findingId))
    .orderBy(asc(closeOuts.createdAt), asc(closeOuts.action));

describe("the state of a problem, close-out and reopening", () => {
  it("moves noPlan → inProgress → overdue → reported → closed, and back into rectification when reopened", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const office = await as(w, "office");
    expect(await stateOf(office, f.id)).toBe("noPlan");
    expect((await itemOf(contact, f.id))!.abilities).toEqual({
      addMeasure: true,
      reportProgress: true,
      editOutcomes: true,
      closeOut: false,
      approveAs: [],
      reopen: false,
      extendDeadline: false,
    });

    const later = (
      await contact.post(`/api/findings/${f.id}/measures`, measureBody({ deadline: FUTURE }))
    ).json();
    expect(await stateOf(office, f.id)).toBe("inProgress");

    const late = (
      await contact.post(`/api/findings/${f.id}/measures`, measureBody({ deadline: PAST }))
    ).json();
    expect(await stateOf(office, f.id)).toBe("overdue");
    // Nearly done is not done.
    await contact.post(`/api/measures/${late.id}/progress`, progressBody({ completion: "basicallyDone" }));
    expect(await stateOf(office, f.id)).toBe("overdue");
    await contact.post(`/api/measures/${late.id}/progress`, progressBody({ completion: "done" }));
    expect(await stateOf(office, f.id)).toBe("inProgress");
    const file = await evidence(contact);
    await contact.post(
      `/api/measures/${later.id}/progress`,
      progressBody({ completion: "done", fileIds: [file.id] }),
    );
    expect(await stateOf(office, f.id)).toBe("reported");
    const ready = await itemOf(office, f.id);
    expect(ready!.abilities).toEqual({
      addMeasure: false,
      reportProgress: false,
      editOutcomes: false,
      closeOut: true,
      approveAs: ["office"],
      reopen: false,
      extendDeadline: false,
    });
    expect(ready!.closeOut).toMatchObject({ required: ["office"], approvals: [], evidence: 1 });

    const closed = await office.post(`/api/findings/${f.id}/close-out`, { note: "佐证材料齐全" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({ ok: true, closed: true, party: "office", waiting: [] });
    const item = await itemOf(office, f.id);
    expect(item!.state).toBe("closed");
    expect(item!.closedAt).not.toBeNull();
    expect(item!.abilities).toMatchObject({ closeOut: false, reopen: true, approveAs: [] });
    expect(item!.closeOut.approvals).toEqual([
      { party: "office", by: "巡察办干部", note: "佐证材料齐全", at: expect.any(String) },
    ]);
    expect((await itemOf(contact, f.id))!.abilities).toMatchObject({
      addMeasure: false,
      reportProgress: false,
      editOutcomes: false,
    });
    const [approval] = await audited("finding.close_out_approve", f.id);
    expect(approval).toMatchObject({ actorId: office.id, summary: { party: "office", evidence: 1 } });
    const [entry] = await audited("finding.close_out", f.id);
    expect(entry).toMatchObject({
      actorId: office.id,
      summary: { note: "佐证材料齐全", parties: ["office"] },
    });

    const reopened = await office.post(`/api/findings/${f.id}/reopen`, { reason: "回访发现问题反弹" });
    expect(reopened.json()).toEqual({ ok: true });
    // Each measure gets a dated 未完成 with the reason: the problem is in rectification again (the
    // late measure's deadline has passed: overdue), and its earlier updates are kept.
    const back = await itemOf(contact, f.id);
    expect(back!.state).toBe("overdue");
    for (const m of back!.measures) {
      expect(m.progress.at(-1)).toMatchObject({
        reportedOn: chinaDate(),
        completion: "unfinished",
        content: "销号已撤销，须重新整改：回访发现问题反弹",
      });
      expect(m.progress.length).toBeGreaterThan(1);
    }
    expect(back!.abilities).toMatchObject({ reportProgress: true, editOutcomes: true });
    await refused(office, (s) => s.post(`/api/findings/${f.id}/close-out`, {}), 409, "closeout.not_ready");
    const [re] = await audited("finding.reopen", f.id);
    expect(re).toMatchObject({ actorId: office.id, summary: { reason: "回访发现问题反弹" } });
    expect((await history(f.id)).map((h) => [h.action, h.party, h.reason])).toEqual([
      ["approve", "office", "佐证材料齐全"],
      ["close", null, "佐证材料齐全"],
      ["reopen", null, "回访发现问题反弹"],
    ]);
    // The target reports both measures done again; reopening reset the approvals, so the office
    // approves again to close it again.
    for (const m of [late, later]) {
      const res = await contact.post(
        `/api/measures/${m.id}/progress`,
        progressBody({ reportedOn: chinaDate(), content: "重新整改到位", completion: "done" }),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await itemOf(office, f.id);
    expect(again!.state).toBe("reported");
    expect(again!.closeOut.approvals).toEqual([]);
    expect(again!.abilities.approveAs).toEqual(["office"]);
    expect((await office.post(`/api/findings/${f.id}/close-out`, {})).json()).toMatchObject({ closed: true });
    expect(await stateOf(office, f.id)).toBe("closed");
  });

  it("refuses a close-out before every measure is reported done", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const office = await as(w, "office");
    const e = await refused(
      office,
      (s) => s.post(`/api/findings/${f.id}/close-out`, {}),
      409,
      "closeout.not_ready",
    );
    expect(e.message).toBe("整改措施尚未全部报告完成，不能销号");
    const contact = await as(w, "contactA");
    const m = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    await contact.post(`/api/measures/${m.id}/progress`, progressBody({ completion: "basicallyDone" }));
    await refused(office, (s) => s.post(`/api/findings/${f.id}/close-out`, {}), 409, "closeout.not_ready");
    expect(await stateOf(office, f.id)).toBe("inProgress");
    expect(await history(f.id)).toEqual([]);
  });

  it("refuses a close-out without evidence, and changes nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const office = await as(w, "office");
    await doneWithEvidence(contact, f.id, false);
    expect((await itemOf(office, f.id))!.abilities).toMatchObject({ closeOut: false, approveAs: [] });
    const e = await refused(
      office,
      (s) => s.post(`/api/findings/${f.id}/close-out`, {}),
      409,
      "closeout.no_evidence",
    );
    expect(e.message).toBe("整改进展中尚无佐证材料，不能销号");
    // Reported done without evidence: nobody is told it waits for close-out.
    expect(await notes(w.accounts.office.id, "closeout.ready")).toEqual([]);
    expect(await history(f.id)).toEqual([]);
    expect(await audited("finding.close_out_approve", f.id)).toEqual([]);
    expect(await stateOf(office, f.id)).toBe("reported");
  });

  it("a problem handed to 组织部 closes only once the office and 组织部 both approved; reopening resets both", async () => {
    const w = await buildWorld(kit.t.database.db);
    // Handed to "县委组织部": any organization department's name counts as 组织部.
    const f = await finding(w, { route: "department", routeDept: "县委组织部" });
    const contact = await as(w, "contactA");
    const office = await as(w, "office");
    const organization = await as(w, "organization");
    const m = await doneWithEvidence(contact, f.id);
    expect((await itemOf(office, f.id))!.closeOut.required).toEqual(["office", "organizationDept"]);
    // Both parties are told the problem waits for their close-out approval; 纪委 is not.
    for (const key of ["office", "organization", "discipline"] as const) {
      expect(await notes(w.accounts[key].id, "closeout.ready")).toEqual(
        key === "discipline"
          ? []
          : [
              expect.objectContaining({
                title: expect.stringMatching(/^待销号审核：.+问题 \d+ 已报告整改完成$/),
                link: "/rectification?state=reported",
              }),
            ],
      );
    }
    expect((await itemOf(organization, f.id))!.abilities.approveAs).toEqual(["organizationDept"]);

    const first = await office.post(`/api/findings/${f.id}/close-out`, { note: "材料属实" });
    expect(first.json()).toEqual({ ok: true, closed: false, party: "office", waiting: ["organizationDept"] });
    expect(await stateOf(office, f.id)).toBe("reported");
    await refused(
      office,
      (s) => s.post(`/api/findings/${f.id}/close-out`, {}),
      409,
      "closeout.already_approved",
    );
    // The office cannot approve for 组织部; 纪委 does not see the problem.
    await refused(
      office,
      (s) => s.post(`/api/findings/${f.id}/close-out`, { party: "organizationDept" }),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "discipline"),
      (s) => s.post(`/api/findings/${f.id}/close-out`, {}),
      404,
      "finding.not_found",
    );
    expect(await audited("finding.close_out", f.id)).toEqual([]);

    const second = await organization.post(`/api/findings/${f.id}/close-out`, { note: "同意销号" });
    expect(second.json()).toEqual({ ok: true, closed: true, party: "organizationDept", waiting: [] });
    expect(await stateOf(office, f.id)).toBe("closed");
    const [closing] = await audited("finding.close_out", f.id);
    expect(closing).toMatchObject({
      actorId: organization.id,
      summary: { parties: ["office", "organizationDept"] },
    });

    await office.post(`/api/findings/${f.id}/reopen`, { reason: "回访发现反弹" });
    expect((await itemOf(office, f.id))!.closeOut.approvals).toEqual([]);
    expect(await notes(w.accounts.contactA.id, "finding.reopened")).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^问题 \d+ 已撤销销号，须重新整改$/),
        body: expect.stringContaining("撤销理由：回访发现反弹"),
        link: "/rectification/mine?tab=progress",
      }),
    ]);
    await refused(
      organization,
      (s) => s.post(`/api/findings/${f.id}/close-out`, {}),
      409,
      "closeout.not_ready",
    );
    await contact.post(
      `/api/measures/${m.id}/progress`,
      progressBody({ reportedOn: chinaDate(), content: "重新整改到位", completion: "done" }),
    );
    // Reported done again: told again.
    expect(await notes(w.accounts.organization.id, "closeout.ready")).toHaveLength(2);
    expect((await organization.post(`/api/findings/${f.id}/close-out`, {})).json()).toMatchObject({
      closed: false,
      waiting: ["office"],
    });
    expect(await stateOf(office, f.id)).toBe("reported");
    expect((await office.post(`/api/findings/${f.id}/close-out`, {})).json()).toMatchObject({ closed: true });
    expect((await history(f.id)).filter((h) => h.action === "approve")).toHaveLength(4);
  });

  it("a reviewer approves only for its own party, only where the problem is routed to it", async () => {
    const w = await buildWorld(kit.t.database.db);
    const plain = await finding(w);
    const contact = await as(w, "contactA");
    await doneWithEvidence(contact, plain.id);
    // 组织部 does not see a problem kept by the target: not found, nothing written.
    await refused(
      await as(w, "organization"),
      (s) => s.post(`/api/findings/${plain.id}/close-out`, {}),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "office"),
      (s) => s.post(`/api/findings/${plain.id}/close-out`, { party: "disciplineCommission" }),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "office"),
      (s) => s.post(`/api/findings/${plain.id}/close-out`, { party: "group" }),
      400,
      "request.invalid",
    );
    expect(await history(plain.id)).toEqual([]);
  });

  it("refuses a second close-out, and changes to a closed problem", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const office = await as(w, "office");
    const m = await doneWithEvidence(contact, f.id);
    expect((await office.post(`/api/findings/${f.id}/close-out`, {})).statusCode).toBe(200);
    const e = await refused(
      office,
      (s) => s.post(`/api/findings/${f.id}/close-out`, {}),
      409,
      "closeout.already_closed",
    );
    expect(e.message).toBe("该问题已销号");
    await refused(
      contact,
      (s) => s.post(`/api/findings/${f.id}/measures`, measureBody()),
      409,
      "closeout.already_closed",
    );
    await refused(
      contact,
      (s) => s.post(`/api/measures/${m.id}/progress`, progressBody()),
      409,
      "closeout.already_closed",
    );
    await refused(
      contact,
      (s) =>
        s.request("PUT", `/api/measures/${m.id}/outcomes`, {
          rulesMade: [],
          moneyRecovered: 0,
          accountablePersons: 0,
        }),
      409,
      "closeout.already_closed",
    );
    expect(await audited("finding.close_out", f.id)).toHaveLength(1);
  });

  it("a finding not fed back cannot be closed out", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w, { fedBack: false });
    await refused(
      await as(w, "office"),
      (s) => s.post(`/api/findings/${f.id}/close-out`, {}),
      409,
      "measure.finding_not_fed_back",
    );
  });

  it("reopening needs a reason and a closed problem", async () => {
    const w = await buildWorld(kit.t.database.db);
    const open = await finding(w);
    const office = await as(w, "office");
    const url = `/api/findings/${open.id}/reopen`;
    expect((await refused(office, (s) => s.post(url, {}), 400, "request.invalid")).message).toContain(
      "reason",
    );
    expect(
      (await refused(office, (s) => s.post(url, { reason: "  " }), 400, "request.invalid")).message,
    ).toContain("请填写重新打开的理由");
    await refused(office, (s) => s.post(url, { reason: "x", state: "noPlan" }), 400, "request.invalid");
    const e = await refused(office, (s) => s.post(url, { reason: "复查" }), 409, "closeout.not_closed");
    expect(e.message).toBe("该问题尚未销号");
    expect(
      (
        await refused(
          office,
          (s) => s.post(`/api/findings/${open.id}/close-out`, { note: 1 }),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("note");
  });

  it("only the office of the committee closes out and reopens", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w, { closedAt: new Date() });
    const ready = await finding(w);
    const contact = await as(w, "contactA");
    await doneWithEvidence(contact, ready.id);
    for (const key of ["contactA", "leadership", "leaderA"] as const) {
      await refused(
        await as(w, key),
        (s) => s.post(`/api/findings/${ready.id}/close-out`, {}),
        403,
        "auth.forbidden",
      );
    }
    for (const key of ["contactA", "leadership", "leaderA", "discipline", "organization"] as const) {
      await refused(
        await as(w, key),
        (s) => s.post(`/api/findings/${f.id}/reopen`, { reason: "复查" }),
        403,
        "auth.forbidden",
      );
    }
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/findings/${ready.id}/close-out`, {}),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/findings/${f.id}/reopen`, { reason: "复查" }),
      404,
      "finding.not_found",
    );
    const office = await as(w, "office");
    expect(await stateOf(office, ready.id)).toBe("reported");
    expect(await stateOf(office, f.id)).toBe("closed");
  });
});

describe("measure outcomes", () => {
  it("the contact records rules made, money recovered and people held accountable; the ledger sums them", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const m1 = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    const m2 = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    const res = await contact.request("PUT", `/api/measures/${m1.id}/outcomes`, {
      rulesMade: ["《加班管理办法》", " 《津补贴发放规定》 ", "《加班管理办法》"],
      moneyRecovered: 12.5,
      accountablePersons: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: m1.id,
      rulesMade: ["《加班管理办法》", "《津补贴发放规定》"],
      moneyRecovered: 12.5,
      accountablePersons: 2,
    });
    await contact.request("PUT", `/api/measures/${m2.id}/outcomes`, {
      rulesMade: ["《公务接待制度》"],
      moneyRecovered: 0.35,
      accountablePersons: 1,
    });
    const [entry] = await audited("measure.outcomes", m1.id);
    expect(entry).toMatchObject({
      actorId: contact.id,
      summary: { moneyRecovered: 12.5, before: { rulesMade: [], moneyRecovered: 0, accountablePersons: 0 } },
    });
    const l = await ledger(await as(w, "office"), `?targetId=${w.targetA.id}`);
    expect(l.sums).toEqual({
      problems: 1,
      closed: 0,
      measures: 2,
      rulesMade: 3,
      moneyRecovered: 12.85,
      accountablePersons: 3,
    });
    const item = l.items[0]!;
    expect(item.measures.map((m) => [m.rulesMade, m.moneyRecovered, m.accountablePersons])).toEqual([
      [["《加班管理办法》", "《津补贴发放规定》"], 12.5, 2],
      [["《公务接待制度》"], 0.35, 1],
    ]);
    // By target, the same sums.
    const rates = (await (await as(w, "office")).get("/api/rectification/rates?by=target")).json();
    expect(rates.items.find((r: { key: string }) => r.key === w.targetA.id)).toMatchObject({
      rulesMade: 3,
      moneyRecovered: 12.85,
      accountablePersons: 3,
    });
  });

  it("only the target's own contact records outcomes; bad figures are refused and change nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const m = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    const url = `/api/measures/${m.id}/outcomes`;
    const body = { rulesMade: ["《制度》"], moneyRecovered: 1, accountablePersons: 1 };
    await refused(await as(w, "contactB"), (s) => s.request("PUT", url, body), 404, "measure.not_found");
    for (const key of ["office", "leadership", "organization"] as const) {
      await refused(await as(w, key), (s) => s.request("PUT", url, body), 403, "auth.forbidden");
    }
    expect(
      (
        await refused(
          contact,
          (s) => s.request("PUT", url, { ...body, moneyRecovered: -1 }),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("挽回经济损失不能为负数");
    expect(
      (
        await refused(
          contact,
          (s) => s.request("PUT", url, { ...body, moneyRecovered: 1.234 }),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("两位小数");
    await refused(
      contact,
      (s) => s.request("PUT", url, { ...body, accountablePersons: 1.5 }),
      400,
      "request.invalid",
    );
    await refused(
      contact,
      (s) => s.request("PUT", url, { ...body, rulesMade: [" "] }),
      400,
      "request.invalid",
    );
    const [row] = await kit.t.database.db.select().from(measures).where(eq(measures.id, m.id));
    expect(row).toMatchObject({ rulesMade: [], moneyRecovered: "0.00", accountablePersons: 0 });
    expect(await audited("measure.outcomes", m.id)).toEqual([]);
  });
});

describe("the ledger", () => {
  let w: World;
  const f: Record<string, { id: string }> = {};
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
    f.closedA = await finding(w, { closedAt: new Date() });
    f.openA = await finding(w);
    f.deptA = await finding(w, { route: "department", routeDept: "中共青山县委组织部" });
    f.closedB = await finding(w, { target: "B", closedAt: new Date() });
    f.notFedBack = await finding(w, { fedBack: false });
    f.clueA = await finding(w, { route: "clue", fedBack: false });
  });
  const pick = (...keys: string[]) => keys.map((k) => f[k]!.id).sort();
  const idsOf = (l: { items: LedgerItem[] }) => l.items.map((i) => i.finding.id).sort();

  it("lists the fed-back problems with the rate closed ÷ fed back and its formula", async () => {
    for (const key of ["office", "leadership"] as const) {
      const l = await ledger(await as(w, key), `?roundId=${w.round.id}`);
      expect(idsOf(l)).toEqual(pick("closedA", "openA", "deptA", "closedB"));
      expect(l.rate).toEqual({
        numerator: 2,
        denominator: 4,
        percent: 50,
        formula: "本轮整改率 = 本轮已销号的问题数 ÷ 本轮已反馈给被巡察单位的问题数 × 100%",
      });
    }
    const l = await ledger(await as(w, "office"));
    const item = l.items.find((i) => i.finding.id === f.closedA!.id)!;
    expect(item).toMatchObject({
      finding: { id: f.closedA!.id, title: "测试问题", categoryName: "廉洁纪律", route: "rectify" },
      target: { id: w.targetA.id, name: w.targetA.name },
      round: { id: w.round.id, name: "测试届第一轮巡察" },
      measures: [],
      state: "closed",
    });
  });

  it("filters by state and target", async () => {
    const office = await as(w, "office");
    expect(idsOf(await ledger(office, "?state=closed"))).toEqual(pick("closedA", "closedB"));
    expect(idsOf(await ledger(office, "?state=noPlan"))).toEqual(pick("openA", "deptA"));
    expect(idsOf(await ledger(office, "?state=overdue"))).toEqual([]);
    const byTarget = await ledger(office, `?targetId=${w.targetA.id}`);
    expect(idsOf(byTarget)).toEqual(pick("closedA", "openA", "deptA"));
    expect(byTarget.rate).toMatchObject({ numerator: 1, denominator: 3, percent: 33.33 });
  });

  it("a contact sees only its own target's problems and rate", async () => {
    const a = await ledger(await as(w, "contactA"));
    expect(idsOf(a)).toEqual(pick("closedA", "openA", "deptA"));
    expect(a.rate).toMatchObject({ numerator: 1, denominator: 3 });
    const b = await ledger(await as(w, "contactB"));
    expect(idsOf(b)).toEqual(pick("closedB"));
    expect(b.rate).toMatchObject({ numerator: 1, denominator: 1, percent: 100 });
    // Asking for another target's rows gives nothing.
    expect((await ledger(await as(w, "contactB"), `?targetId=${w.targetA.id}`)).items).toEqual([]);
  });

  it("组织部 sees the problems routed to it; another committee sees none", async () => {
    expect(idsOf(await ledger(await as(w, "organization")))).toEqual(pick("deptA"));
    expect((await ledger(await as(w, "discipline"))).items).toEqual([]);
    const other = await ledger(await as(w, "otherOffice"));
    expect(other).toMatchObject({ items: [], rate: { numerator: 0, denominator: 0, percent: null } });
  });

  it("refuses group roles and bad filters", async () => {
    for (const key of ["memberA", "leaderA", "sysAdmin"] as const) {
      const res = await (await as(w, key)).get("/api/rectification/ledger");
      expect(res.statusCode, key).toBe(403);
      expect(errorOf(res).code).toBe("auth.forbidden");
    }
    const office = await as(w, "office");
    for (const query of ["state=done", "roundId=1", "q=abc"]) {
      const res = await office.get(`/api/rectification/ledger?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).message).toContain(query.split("=")[0]!);
    }
  });
});

describe("paging, more filters, rates and the export", () => {
  let w: World;
  const f: Record<string, { id: string }> = {};
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
    f.closedA = await finding(w, { closedAt: new Date() });
    f.otherCategoryA = await finding(w, { category: "sixDisciplines.1" });
    f.overdueA = await finding(w);
    f.closedB = await finding(w, { target: "B", closedAt: new Date() });
    f.openB = await finding(w, { target: "B" });
    const contact = await as(w, "contactA");
    const late = (
      await contact.post(`/api/findings/${f.overdueA.id}/measures`, measureBody({ deadline: PAST }))
    ).json();
    const file = await evidence(contact, "整改通知.pdf");
    await contact.post(
      `/api/measures/${late.id}/progress`,
      progressBody({ content: "正在清退", fileIds: [file.id] }),
    );
    await contact.request("PUT", `/api/measures/${late.id}/outcomes`, {
      rulesMade: ["《加班管理办法》", "《津补贴发放规定》"],
      moneyRecovered: 8.5,
      accountablePersons: 1,
    });
    await contact.post(`/api/findings/${f.overdueA.id}/measures`, measureBody({ content: "第二项措施" }));
  });
  const idsOf = (l: { items: LedgerItem[] }) => l.items.map((i) => i.finding.id).sort();
  const pick = (...keys: string[]) => keys.map((k) => f[k]!.id).sort();

  it("pages on the server with the total, and filters by category, overdue and closed", async () => {
    const office = await as(w, "office");
    const all = await ledger(office, `?roundId=${w.round.id}`);
    expect(all.total).toBe(5);
    const first = await ledger(office, `?roundId=${w.round.id}&pageSize=2&page=1`);
    const third = await ledger(office, `?roundId=${w.round.id}&pageSize=2&page=3`);
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(1);
    expect(first.total).toBe(5);
    // Pages do not overlap and cover the list; the rate is the same on every page.
    const second = await ledger(office, `?roundId=${w.round.id}&pageSize=2&page=2`);
    expect([...first.items, ...second.items, ...third.items].map((i) => i.finding.id).sort()).toEqual(
      idsOf(all),
    );
    expect(third.rate).toEqual(all.rate);
    expect(idsOf(await ledger(office, "?category=sixDisciplines.1"))).toEqual(pick("otherCategoryA"));
    expect(idsOf(await ledger(office, `?roundId=${w.round.id}&overdue=true`))).toEqual(pick("overdueA"));
    expect(idsOf(await ledger(office, `?roundId=${w.round.id}&closed=true`))).toEqual(
      pick("closedA", "closedB"),
    );
    expect(idsOf(await ledger(office, `?roundId=${w.round.id}&closed=false`))).toEqual(
      pick("otherCategoryA", "overdueA", "openB"),
    );
    const item = all.items.find((i) => i.finding.id === f.overdueA!.id)!;
    expect(item.state).toBe("overdue");
    expect(item.closeOut.evidence).toBe(1);
    for (const query of ["overdue=yes", "pageSize=501", "page=0"]) {
      await refused(office, (s) => s.get(`/api/rectification/ledger?${query}`), 400, "request.invalid");
    }
  });

  it("gives the rate per target, round, category and committee with its formula, equal on every page", async () => {
    const office = await as(w, "office");
    const rates = async (s: As, q: string) => {
      const res = await s.get(`/api/rectification/rates?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        by: string;
        formula: string;
        items: {
          key: string;
          name: string;
          problems: number;
          closed: number;
          rulesMade: number;
          moneyRecovered: number;
          rate: { percent: number | null; formula: string; numerator: number; denominator: number };
        }[];
      };
    };
    const byTarget = await rates(office, `by=target&roundId=${w.round.id}`);
    expect(byTarget.formula).toBe("被巡察单位整改率 = 该单位已销号的问题数 ÷ 已反馈给该单位的问题数 × 100%");
    const a = byTarget.items.find((i) => i.key === w.targetA.id)!;
    expect(a).toMatchObject({
      name: w.targetA.name,
      problems: 3,
      closed: 1,
      rulesMade: 2,
      moneyRecovered: 8.5,
      rate: { numerator: 1, denominator: 3, percent: 33.33, formula: byTarget.formula },
    });
    // The ledger of target A shows the same figure.
    expect((await ledger(office, `?targetId=${w.targetA.id}&roundId=${w.round.id}`)).rate).toEqual(a.rate);

    const byRound = await rates(office, "by=round");
    const round = byRound.items.find((i) => i.key === w.round.id)!;
    expect(round).toMatchObject({ name: "测试届第一轮巡察", problems: 5, closed: 2 });
    expect(round.rate).toMatchObject({ numerator: 2, denominator: 5, percent: 40 });
    // The round page (statistics) and the ledger of the round show the same rate.
    const roundPage = (await office.get(`/api/rounds/${w.round.id}`)).json();
    expect(roundPage.statistics.rectificationRate).toEqual(round.rate);
    expect((await ledger(office, `?roundId=${w.round.id}`)).rate).toEqual(round.rate);
    expect((await ledger(await as(w, "leadership"), `?roundId=${w.round.id}`)).rate).toEqual(round.rate);

    const byCategory = await rates(office, `by=category&roundId=${w.round.id}`);
    expect(byCategory.items.map((i) => [i.key, i.name, i.problems, i.closed])).toEqual([
      ["sixDisciplines.1", expect.any(String), 1, 0],
      ["sixDisciplines.3", "廉洁纪律", 4, 2],
    ]);
    const byCommittee = await rates(office, "by=committee");
    expect(byCommittee.items).toHaveLength(1);
    expect(byCommittee.items[0]).toMatchObject({ key: w.committee.id, problems: 5, closed: 2 });
    expect(byCommittee.items[0]!.rate.formula).toContain("总体整改率");

    // A contact counts only its own target; another committee counts nothing of this one.
    const mine = await rates(await as(w, "contactB"), "by=target");
    expect(mine.items.map((i) => [i.key, i.problems, i.closed])).toEqual([[w.targetB.id, 2, 1]]);
    expect((await rates(await as(w, "otherOffice"), "by=round")).items).toEqual([]);
    await refused(office, (s) => s.get("/api/rectification/rates?by=group"), 400, "request.invalid");
    await refused(office, (s) => s.get("/api/rectification/rates"), 400, "request.invalid");
    await refused(
      await as(w, "memberA"),
      (s) => s.get("/api/rectification/rates?by=round"),
      403,
      "auth.forbidden",
    );
  });

  it("exports the 整改台账 (one row per measure) as a stream, read back with exceljs; audited", async () => {
    const office = await as(w, "office");
    const res = await office.get(`/api/rectification/ledger/export?roundId=${w.round.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(String(res.headers["content-disposition"])).toContain(encodeURIComponent("整改台账.xlsx"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("整改台账")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("巡察整改台账");
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual([
      "序号",
      "被巡察单位",
      "巡察轮次",
      "问题类别",
      "问题描述",
      "整改目标",
      "整改措施",
      "责任领导",
      "责任部门",
      "责任人",
      "整改时限",
      "整改进展",
      "完成情况",
      "整改状态",
      "是否销号",
      "佐证材料",
      "建章立制",
      "是否常态化坚持",
      "挽回经济损失（万元）",
      "追责问责（人）",
      "备注",
    ]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) rows.push((row.values as unknown[]).slice(1));
    });
    // 5 problems, one of them with two measures: 6 rows, numbered.
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6]);
    const col = (name: string) => header.indexOf(name);
    const lateRow = rows.find((r) => r[col("整改进展")] === "正在清退")!;
    expect(lateRow[col("被巡察单位")]).toBe(w.targetA.name);
    expect(lateRow[col("巡察轮次")]).toBe("测试届第一轮巡察");
    expect(lateRow[col("完成情况")]).toBe("未完成");
    expect(lateRow[col("整改状态")]).toBe("已逾期");
    expect(lateRow[col("是否销号")]).toBe("否");
    expect(lateRow[col("佐证材料")]).toBe("整改通知.pdf");
    expect(lateRow[col("建章立制")]).toBe("《加班管理办法》；《津补贴发放规定》");
    expect(lateRow[col("挽回经济损失（万元）")]).toBe(8.5);
    expect(lateRow[col("追责问责（人）")]).toBe(1);
    expect(lateRow[col("责任人")]).toBe("张三");
    expect(lateRow[col("整改时限")]).toEqual(new Date(`${PAST}T00:00:00Z`));
    const second = rows.find((r) => r[col("整改措施")] === "第二项措施")!;
    expect(second[col("完成情况")]).toBe("未报告");
    const closedRows = rows.filter((r) => r[col("是否销号")] === "是");
    expect(closedRows).toHaveLength(2);
    const entries = await kit.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "rectification.ledger_export"), eq(auditLog.actorId, office.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toMatchObject({ filters: { roundId: w.round.id } });
  });

  it("exports only what the caller may see, with the filters", async () => {
    const read = async (s: As, q = "") => {
      const res = await s.get(`/api/rectification/ledger/export${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet("整改台账")!;
      const targets: unknown[] = [];
      sheet.eachRow((row, n) => {
        if (n > 2) targets.push(row.getCell(2).value);
      });
      return targets;
    };
    expect(await read(await as(w, "contactB"))).toEqual([w.targetB.name, w.targetB.name]);
    expect(await read(await as(w, "otherOffice"))).toEqual([]);
    expect(await read(await as(w, "office"), `?roundId=${w.round.id}&closed=true`)).toHaveLength(2);
    await refused(
      await as(w, "memberA"),
      (s) => s.get("/api/rectification/ledger/export"),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "office"),
      (s) => s.get("/api/rectification/ledger/export?page=2"),
      400,
      "request.invalid",
    );
  });
});
