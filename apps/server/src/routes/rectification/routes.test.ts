import { asc, closeOuts, eq, measures, progressUpdates } from "@xuncha/db";
import { buildAccount, buildFeedback, buildFinding, buildTarget } from "@xuncha/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs, type Session } from "../../../test/client";
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
    progress: { reportedOn: string; completion: string; content: string }[];
  }[];
  abilities: Record<string, boolean>;
  closedAt: string | null;
}
const ledger = async (s: Session, query = "") => {
  const res = await s.get(`/api/rectification/ledger${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: LedgerItem[];
    rate: { numerator: number; denominator: number; percent: number | null; formula: string };
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
    // A late entry for an earlier date goes in its place by date.
    await contact.post(
      `/api/measures/${m.id}/progress`,
      progressBody({ reportedOn: "2026-11-10", content: "已清退8万元", completion: "basicallyDone" }),
    );
    const item = await itemOf(contact, f.id);
    expect(item!.measures[0]!.progress.map((p) => [p.reportedOn, p.completion, p.content])).toEqual([
      ["2026-11-01", "unfinished", "已清退3万元"],
      ["2026-11-10", "basicallyDone", "已清退8万元"],
      ["2026-11-20", "done", "已全部清退"],
    ]);
    expect(item!.measures[0]!.latest).toBe("done");
    expect(
      await kit.t.database.db.select().from(progressUpdates).where(eq(progressUpdates.measureId, m.id)),
    ).toHaveLength(3);
    const entries = await audited("measure.progress", m.id);
    expect(entries.map((e) => (e.summary as { reportedOn: string }).reportedOn)).toEqual([
      "2026-11-01",
      "2026-11-20",
      "2026-11-10",
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

describe("the state of a problem, close-out and reopening", () => {
  it("moves noPlan → inProgress → overdue → reported → closed, and back to reported when reopened", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const office = await as(w, "office");
    expect(await stateOf(office, f.id)).toBe("noPlan");
    expect((await itemOf(contact, f.id))!.abilities).toEqual({
      addMeasure: true,
      reportProgress: true,
      closeOut: false,
      reopen: false,
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
    await contact.post(`/api/measures/${later.id}/progress`, progressBody({ completion: "done" }));
    expect(await stateOf(office, f.id)).toBe("reported");
    expect((await itemOf(office, f.id))!.abilities).toEqual({
      addMeasure: false,
      reportProgress: false,
      closeOut: true,
      reopen: false,
    });

    const closed = await office.post(`/api/findings/${f.id}/close-out`, { note: "佐证材料齐全" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toEqual({ ok: true });
    const item = await itemOf(office, f.id);
    expect(item!.state).toBe("closed");
    expect(item!.closedAt).not.toBeNull();
    expect(item!.abilities).toMatchObject({ closeOut: false, reopen: true });
    expect((await itemOf(contact, f.id))!.abilities).toMatchObject({
      addMeasure: false,
      reportProgress: false,
    });
    const [entry] = await audited("finding.close_out", f.id);
    expect(entry).toMatchObject({ actorId: office.id, summary: { note: "佐证材料齐全" } });

    const reopened = await office.post(`/api/findings/${f.id}/reopen`, { reason: "回访发现问题反弹" });
    expect(reopened.json()).toEqual({ ok: true });
    expect(await stateOf(office, f.id)).toBe("reported");
    const [re] = await audited("finding.reopen", f.id);
    expect(re).toMatchObject({ actorId: office.id, summary: { reason: "回访发现问题反弹" } });
    const history = await kit.t.database.db
      .select()
      .from(closeOuts)
      .where(eq(closeOuts.findingId, f.id))
      .orderBy(asc(closeOuts.createdAt));
    expect(history.map((h) => [h.action, h.reason])).toEqual([
      ["close", "佐证材料齐全"],
      ["reopen", "回访发现问题反弹"],
    ]);
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
  });

  it("refuses a second close-out, and changes to a closed problem", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await finding(w);
    const contact = await as(w, "contactA");
    const office = await as(w, "office");
    const m = (await contact.post(`/api/findings/${f.id}/measures`, measureBody())).json();
    await contact.post(`/api/measures/${m.id}/progress`, progressBody({ completion: "done" }));
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
    const m = (await contact.post(`/api/findings/${ready.id}/measures`, measureBody())).json();
    await contact.post(`/api/measures/${m.id}/progress`, progressBody({ completion: "done" }));
    for (const key of ["contactA", "leadership", "leaderA", "discipline"] as const) {
      await refused(
        await as(w, key),
        (s) => s.post(`/api/findings/${ready.id}/close-out`, {}),
        403,
        "auth.forbidden",
      );
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

describe("the ledger", () => {
  let w: World;
  const f: Record<string, { id: string }> = {};
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
    f.closedA = await finding(w, { closedAt: new Date() });
    f.openA = await finding(w);
    f.deptA = await finding(w, { route: "department", routeDept: "组织部" });
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
        formula: "整改率 = 已销号的问题数 ÷ 已反馈给被巡察单位的问题数 × 100%",
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
