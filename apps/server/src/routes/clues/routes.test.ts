import { clues, eq } from "@xuncha/db";
import { buildAccount, buildFinding, buildRound } from "@xuncha/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs, type Session } from "../../../test/client";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, auditBy, refused } = kit;

/** A finding approved by group A (or B) and routed as a clue by the leading group, through the API. */
async function makeClue(
  w: World,
  leadership: Session,
  receiver: "disciplineCommission" | "organizationDept",
  inGroup: "A" | "B" = "A",
  roundId = w.round.id,
) {
  const finding = await buildFinding(kit.t.database.db, {
    committeeId: w.committee.id,
    roundId,
    groupId: inGroup === "A" ? w.groupA.id : w.groupB.id,
    targetId: inGroup === "A" ? w.targetA.id : w.targetB.id,
    createdBy: w.accounts.memberA.id,
    status: "approved",
    title: receiver === "organizationDept" ? "选人用人问题线索" : "收受礼金问题线索",
  });
  const res = await leadership.post(`/api/findings/${finding.id}/decision`, {
    route: "clue",
    clueReceiver: receiver,
  });
  expect(res.statusCode, res.body).toBe(200);
  const [row] = await kit.t.database.db.select().from(clues).where(eq(clues.findingId, finding.id));
  return { finding, clue: row! };
}

const clueRow = async (id: string) =>
  (await kit.t.database.db.select().from(clues).where(eq(clues.id, id)))[0]!;

type ClueItem = { id: string; abilities: { dispose: boolean } } & Record<string, unknown>;
const list = async (s: Session, query = "") => {
  const res = await s.get(`/api/clues${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ClueItem[];
};
const idsOf = (items: ClueItem[]) => items.map((c) => c.id).sort();

describe("who sees clues", () => {
  let w: World;
  let discipline: Awaited<ReturnType<typeof makeClue>>;
  let organization: Awaited<ReturnType<typeof makeClue>>;
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
    const leadership = await loginAs(kit.t.app, w.accounts.leadership.username);
    discipline = await makeClue(w, leadership, "disciplineCommission", "A");
    organization = await makeClue(w, leadership, "organizationDept", "B");
  });

  it("the leading group and the office head see every clue of the committee", async () => {
    for (const key of ["leadership", "officeHead"] as const) {
      const items = await list(await as(w, key));
      expect(idsOf(items), key).toEqual([discipline.clue.id, organization.clue.id].sort());
      expect(items.every((c) => c.abilities.dispose === false)).toBe(true);
    }
    const [first] = await list(await as(w, "leadership"));
    expect(first).toMatchObject({
      id: discipline.clue.id,
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      findingId: discipline.finding.id,
      number: expect.stringMatching(/^XC-\d{4}-01-001$/),
      receiver: "disciplineCommission",
      transferredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      disposition: null,
      caseFiled: false,
      sanctionedPersons: 0,
      orgHandledPersons: 0,
      judicialReferral: false,
      result: "",
      concludedOn: null,
      title: "收受礼金问题线索",
      description: "问题描述",
      targetName: w.targetA.name,
      roundName: "测试届第一轮巡察",
    });
  });

  it("each reviewer sees only the clues it receives: 组织部 never sees 纪委's", async () => {
    const d = await list(await as(w, "discipline"));
    expect(idsOf(d)).toEqual([discipline.clue.id]);
    expect(d[0]!.abilities.dispose).toBe(true);
    const o = await list(await as(w, "organization"));
    expect(idsOf(o)).toEqual([organization.clue.id]);
    expect(o[0]!.abilities.dispose).toBe(true);
  });

  it("a plain office member gets an empty list, and no read is logged for it", async () => {
    const office = await as(w, "office");
    expect(await list(office)).toEqual([]);
    expect(await auditBy(office.id, "clue.read_list")).toEqual([]);
  });

  it("another committee sees none of them", async () => {
    for (const key of ["otherOffice", "otherLeadership"] as const) {
      expect(await list(await as(w, key)), key).toEqual([]);
    }
    const foreign = await buildAccount(kit.t.database.db, {
      committeeId: w.other.id,
      role: "disciplineReviewer",
    });
    expect(await list(await loginAs(kit.t.app, foreign.username))).toEqual([]);
  });

  it("groups, contacts and installation administrators are refused", async () => {
    for (const key of ["leaderA", "memberA", "contactA", "sysAdmin", "auditAdmin"] as const) {
      const res = await (await as(w, key)).get("/api/clues");
      expect(res.statusCode, key).toBe(403);
      expect(errorOf(res).code).toBe("auth.forbidden");
    }
  });

  it("filters by round, and refuses bad filters", async () => {
    const leadership = await as(w, "leadership");
    expect(idsOf(await list(leadership, `?roundId=${w.round.id}`))).toHaveLength(2);
    const later = await buildRound(kit.t.database.db, {
      committeeId: w.committee.id,
      termId: w.round.termId,
      number: 2,
    });
    expect(await list(leadership, `?roundId=${later.id}`)).toEqual([]);
    for (const query of ["roundId=1", `targetId=${w.targetA.id}`]) {
      const res = await leadership.get(`/api/clues?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(errorOf(res).code).toBe("request.invalid");
    }
  });

  it("reading the clue list writes an audit entry naming the clues read", async () => {
    const reviewer = await as(w, "discipline");
    const before = (await auditBy(reviewer.id, "clue.read_list")).length;
    await list(reviewer, `?roundId=${w.round.id}`);
    const entries = await auditBy(reviewer.id, "clue.read_list");
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      entity: "clue",
      committeeId: w.committee.id,
      summary: { roundId: w.round.id, clueIds: [discipline.clue.id] },
    });
  });
});

describe("disposing of a clue", () => {
  const full = {
    disposition: "preliminaryCheck",
    caseFiled: true,
    sanctionedPersons: 2,
    orgHandledPersons: 3,
    judicialReferral: true,
    result: "给予党内严重警告处分",
    concludedOn: "2026-12-20",
  };

  it("the receiving reviewer records the disposition; every field persists, with an audit entry", async () => {
    const w = await buildWorld(kit.t.database.db);
    const { clue } = await makeClue(
      w,
      await loginAs(kit.t.app, w.accounts.leadership.username),
      "disciplineCommission",
    );
    const reviewer = await as(w, "discipline");
    const res = await reviewer.patch(`/api/clues/${clue.id}`, full);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await clueRow(clue.id)).toMatchObject(full);
    const [shown] = await list(reviewer);
    expect(shown).toMatchObject(full);
    const [entry] = await auditBy(reviewer.id, "clue.dispose");
    expect(entry).toMatchObject({
      entity: "clue",
      entityId: clue.id,
      committeeId: w.committee.id,
      summary: full,
    });
    // A partial update keeps the rest; null clears the disposition and the conclusion date.
    await reviewer.patch(`/api/clues/${clue.id}`, { disposition: null, concludedOn: null });
    expect(await clueRow(clue.id)).toMatchObject({ ...full, disposition: null, concludedOn: null });
  });

  it("组织部 disposes of the clues it receives", async () => {
    const w = await buildWorld(kit.t.database.db);
    const { clue } = await makeClue(
      w,
      await loginAs(kit.t.app, w.accounts.leadership.username),
      "organizationDept",
    );
    const res = await (await as(w, "organization")).patch(`/api/clues/${clue.id}`, {
      disposition: "inquiry",
      orgHandledPersons: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(await clueRow(clue.id)).toMatchObject({ disposition: "inquiry", orgHandledPersons: 1 });
  });

  it("only the receiving reviewer disposes: others get 404 or 403 and change nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const leadershipSession = await loginAs(kit.t.app, w.accounts.leadership.username);
    const { clue } = await makeClue(w, leadershipSession, "disciplineCommission");
    const { clue: orgClue } = await makeClue(w, leadershipSession, "organizationDept", "B");
    const url = `/api/clues/${clue.id}`;
    // 组织部 does not see 纪委's clue: not found.
    const e = await refused(await as(w, "organization"), (s) => s.patch(url, full), 404, "clue.not_found");
    expect(e.message).toBe("问题线索不存在");
    await refused(
      await as(w, "discipline"),
      (s) => s.patch(`/api/clues/${orgClue.id}`, full),
      404,
      "clue.not_found",
    );
    for (const key of ["leadership", "officeHead", "office", "leaderA", "contactA"] as const) {
      await refused(await as(w, key), (s) => s.patch(url, full), 403, "auth.forbidden");
    }
    const foreign = await buildAccount(kit.t.database.db, {
      committeeId: w.other.id,
      role: "disciplineReviewer",
    });
    const fs = Object.assign(await loginAs(kit.t.app, foreign.username), { id: foreign.id });
    await refused(fs, (s) => s.patch(url, full), 404, "clue.not_found");
    await refused(
      await as(w, "discipline"),
      (s) => s.patch("/api/clues/00000000-0000-4000-8000-000000000000", full),
      404,
      "clue.not_found",
    );
    expect(await clueRow(clue.id)).toMatchObject({ disposition: null, caseFiled: false, result: "" });
    expect(await clueRow(orgClue.id)).toMatchObject({ disposition: null });
  });

  it("refuses invalid dispositions with a message naming the field", async () => {
    const w = await buildWorld(kit.t.database.db);
    const { clue } = await makeClue(
      w,
      await loginAs(kit.t.app, w.accounts.leadership.username),
      "disciplineCommission",
    );
    const reviewer = await as(w, "discipline");
    const patch = (b: unknown) => (s: As) => s.patch(`/api/clues/${clue.id}`, b);
    for (const [field, value] of [
      ["disposition", "dismissed"],
      ["sanctionedPersons", -1],
      ["orgHandledPersons", 1.5],
      ["caseFiled", "yes"],
      ["concludedOn", "20261220"],
      ["receiver", "organizationDept"],
    ] as const) {
      const e = await refused(reviewer, patch({ [field]: value }), 400, "request.invalid");
      expect(e.message, field).toContain(field);
    }
    expect(await clueRow(clue.id)).toMatchObject({
      disposition: null,
      receiver: "disciplineCommission",
      sanctionedPersons: 0,
    });
  });

  it("refuses a conclusion date that does not exist (2026-02-30)", async () => {
    const w = await buildWorld(kit.t.database.db);
    const { clue } = await makeClue(
      w,
      await loginAs(kit.t.app, w.accounts.leadership.username),
      "disciplineCommission",
    );
    const e = await refused(
      await as(w, "discipline"),
      (s) => s.patch(`/api/clues/${clue.id}`, { concludedOn: "2026-02-30" }),
      400,
      "request.invalid",
    );
    expect(e.message).toContain("concludedOn");
  });
});
