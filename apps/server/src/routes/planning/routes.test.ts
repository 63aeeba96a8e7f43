import { and, eq, groupTargets, termPlanEntries } from "@xuncha/db";
import { buildAccount, buildGroup, buildPerson, buildRound, buildTarget } from "@xuncha/db/testing";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

const limits = {
  groupsPerRound: 2,
  targetsPerGroup: 3,
  villagesPerGroup: null,
  membersPerGroup: 1,
  maxConsecutiveRounds: 3,
  keepVillagesWithTownship: true,
  roundSectors: {},
};

/** An upper-level account on the city above the world's county. */
const upperLevel = async (w: World) => {
  const account = await buildAccount(db(), {
    committeeId: w.committee.parentId,
    role: "upperLevel",
    name: "市委巡察办",
  });
  return Object.assign(await loginAs(kit.t.app, account.username), { id: account.id });
};

interface CoverageRow {
  id: string;
  name: string;
  status: string;
  type: string;
  lastInspectedOn: string | null;
  lastRoundLabel: string;
  exclusionReason: string | null;
  planned: { roundNumber: number; groupNumber: number } | null;
  termRound: { roundNumber: number } | null;
}

describe("term plan", () => {
  let w: World;
  let termId: string;
  beforeAll(async () => {
    w = await buildWorld(db());
    termId = w.round.termId;
  });

  it("lists the terms to the office, leadership and the upper level, not to other committees or roles", async () => {
    for (const s of [await as(w, "office"), await as(w, "leadership"), await upperLevel(w)]) {
      const res = await s.get("/api/planning/terms");
      expect(res.statusCode, res.body).toBe(200);
      const term = res.json().find((t: { id: string }) => t.id === termId);
      expect(term).toMatchObject({
        committeeName: w.committee.name,
        plannedRounds: 0,
        planLimits: { groupsPerRound: 5, targetsPerGroup: 8 },
      });
    }
    const office = (await (await as(w, "office")).get("/api/planning/terms")).json();
    expect(office.find((t: { id: string }) => t.id === termId).canPlan).toBe(true);
    const other = (await (await as(w, "otherOffice")).get("/api/planning/terms")).json();
    expect(other.map((t: { id: string }) => t.id)).not.toContain(termId);
    for (const key of ["contactA", "leaderA", "discipline", "sysAdmin"] as const) {
      await refused(await as(w, key), (s) => s.get("/api/planning/terms"), 403, "auth.forbidden");
    }
  });

  it("the office sets planned rounds and limits (audited); others may not", async () => {
    const office = await as(w, "office");
    const res = await office.patch(`/api/planning/terms/${termId}`, { plannedRounds: 4, planLimits: limits });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ plannedRounds: 4, planLimits: limits });
    const [entry] = await audited("term.plan_update", termId);
    expect(entry).toMatchObject({ actorId: office.id, committeeId: w.committee.id });

    await refused(
      await as(w, "leadership"),
      (s) => s.patch(`/api/planning/terms/${termId}`, { plannedRounds: 5 }),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(`/api/planning/terms/${termId}`, { plannedRounds: 5 }),
      404,
      "term.not_found",
    );
    const fewer = await refused(
      office,
      (s) => s.patch(`/api/planning/terms/${termId}`, { plannedRounds: 0 }),
      400,
      "request.invalid",
    );
    expect(fewer.message).toContain("本届已有 1 轮");
    await refused(
      office,
      (s) => s.patch(`/api/planning/terms/${termId}`, { planLimits: { ...limits, groupsPerRound: 0 } }),
      400,
      "request.invalid",
    );
    await refused(
      office,
      (s) => s.patch(`/api/planning/terms/${termId}`, { plannedRounds: 4, extra: 1 }),
      400,
      "request.invalid",
    );
  });

  it("the office excludes a target with a reason and takes it back; other committees get 404", async () => {
    const office = await as(w, "office");
    const merged = await buildTarget(db(), {
      committeeId: w.committee.id,
      name: `撤并单位${w.committee.id.slice(0, 6)}`,
    });
    const res = await office.post(`/api/planning/terms/${termId}/exclusions`, {
      targetId: merged.id,
      reason: "已撤并",
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = (await office.get(`/api/planning/terms/${termId}/coverage?status=excluded`)).json().targets;
    expect(row).toEqual([
      expect.objectContaining({ id: merged.id, status: "excluded", exclusionReason: "已撤并" }),
    ]);
    expect(await audited("term.exclude_target", termId)).toHaveLength(1);

    const foreign = await buildTarget(db(), { committeeId: w.other.id });
    await refused(
      office,
      (s) => s.post(`/api/planning/terms/${termId}/exclusions`, { targetId: foreign.id, reason: "x" }),
      404,
      "target.not_found",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/planning/terms/${termId}/exclusions`, { targetId: merged.id, reason: "x" }),
      404,
      "term.not_found",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.request("DELETE", `/api/planning/terms/${termId}/exclusions/${merged.id}`),
      403,
      "auth.forbidden",
    );
    await refused(
      office,
      (s) => s.post(`/api/planning/terms/${termId}/exclusions`, { targetId: merged.id, reason: " " }),
      400,
      "request.invalid",
    );

    const back = await office.request("DELETE", `/api/planning/terms/${termId}/exclusions/${merged.id}`);
    expect(back.statusCode, back.body).toBe(200);
    expect(await audited("term.include_target", termId)).toHaveLength(1);
    const again = await refused(
      office,
      (s) => s.request("DELETE", `/api/planning/terms/${termId}/exclusions/${merged.id}`),
      404,
      "target.not_found",
    );
    expect(again.message).toBe("该对象未被排除");
  });
});

describe("coverage", () => {
  let w: World;
  let termId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await buildWorld(db());
    termId = w.round.termId;
    const c = w.committee.id;
    const suffix = c.slice(0, 6);
    const township = await buildTarget(db(), {
      committeeId: c,
      name: `城关镇${suffix}`,
      category: "township",
      orgForm: "党委",
    });
    const village = await buildTarget(db(), {
      committeeId: c,
      name: `城关镇东村${suffix}`,
      category: "village",
      orgForm: "村(社区)党组织",
      parentTargetId: township.id,
      lastInspectedOn: "2019-05-10",
      lastRoundLabel: "十三届县委第五轮巡察",
    });
    const school = await buildTarget(db(), { committeeId: c, name: `第一中学${suffix}`, category: "school" });
    const prep = await buildRound(db(), { committeeId: c, termId, number: 2, stage: "preparation" });
    await buildGroup(db(), { committeeId: c, roundId: prep.id, number: 1, targetIds: [school.id] });
    Object.assign(ids, { township: township.id, village: village.id, school: school.id });
  });

  it("shows each target's standing, its last inspection, totals by type and the definitions", async () => {
    const res = await (await as(w, "office")).get(`/api/planning/terms/${termId}/coverage`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const byId = new Map<string, CoverageRow>(body.targets.map((t: CoverageRow) => [t.id, t]));
    expect(byId.get(w.targetA.id)).toMatchObject({
      status: "covered",
      termRound: { roundNumber: 1 },
      lastInspectedOn: "2026-03-01",
    });
    expect(byId.get(ids.school!)).toMatchObject({ status: "scheduled", termRound: { roundNumber: 2 } });
    expect(byId.get(ids.village!)).toMatchObject({
      status: "uncovered",
      type: "village",
      lastInspectedOn: "2019-05-10",
      lastRoundLabel: "十三届县委第五轮巡察",
    });
    expect(body.totals).toMatchObject({
      total: 5,
      covered: 2,
      scheduled: 1,
      uncovered: 2,
      required: 5,
      remaining: 3,
      rate: 40,
    });
    expect(body.byType.find((t: { type: string }) => t.type === "village")).toMatchObject({
      label: "村(社区)",
      total: 1,
      uncovered: 1,
    });
    expect(body.rounds).toMatchObject({ held: 2, started: 1, inPreparation: 1 });
    expect(body.definition.join("")).toContain("已进入“巡察了解”阶段");
  });

  it("filters by type, status and name, totals unchanged", async () => {
    const office = await as(w, "office");
    const byType = (await office.get(`/api/planning/terms/${termId}/coverage?type=township`)).json();
    expect(byType.targets.map((t: CoverageRow) => t.id)).toEqual([ids.township]);
    expect(byType.totals.total).toBe(5);
    const byStatus = (await office.get(`/api/planning/terms/${termId}/coverage?status=uncovered`)).json();
    expect(byStatus.targets.map((t: CoverageRow) => t.id).sort()).toEqual([ids.township, ids.village].sort());
    const byName = (
      await office.get(`/api/planning/terms/${termId}/coverage?q=${encodeURIComponent("第一中学")}`)
    ).json();
    expect(byName.targets.map((t: CoverageRow) => t.id)).toEqual([ids.school]);
    await refused(
      office,
      (s) => s.get(`/api/planning/terms/${termId}/coverage?type=planet`),
      400,
      "request.invalid",
    );
  });

  it("is read by leadership and the upper level; 404 for another committee; refused to groups and contacts", async () => {
    for (const s of [await as(w, "leadership"), await upperLevel(w)]) {
      const res = await s.get(`/api/planning/terms/${termId}/coverage`);
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const key of ["otherOffice", "otherLeadership"] as const) {
      await refused(
        await as(w, key),
        (s) => s.get(`/api/planning/terms/${termId}/coverage`),
        404,
        "term.not_found",
      );
    }
    for (const key of ["contactA", "leaderA", "memberB", "organization"] as const) {
      await refused(
        await as(w, key),
        (s) => s.get(`/api/planning/terms/${termId}/coverage`),
        403,
        "auth.forbidden",
      );
    }
  });

  it("exports the filtered list as Excel, audited", async () => {
    const office = await as(w, "office");
    const res = await office.get(`/api/planning/terms/${termId}/coverage/export?status=uncovered`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("全覆盖情况")!;
    expect(sheet.getRow(2).getCell(2).value).toBe("被巡察党组织");
    const names = [3, 4].map((r) => sheet.getRow(r).getCell(2).value);
    expect(names.sort()).toEqual(
      [`城关镇${w.committee.id.slice(0, 6)}`, `城关镇东村${w.committee.id.slice(0, 6)}`].sort(),
    );
    const [entry] = await audited("term.coverage_export", termId);
    expect(entry).toMatchObject({ actorId: office.id });
    await refused(
      await as(w, "otherOffice"),
      (s) => s.get(`/api/planning/terms/${termId}/coverage/export`),
      404,
      "term.not_found",
    );
  });
});

describe("proposals", () => {
  let w: World;
  let termId: string;
  let prepRoundId: string;
  let prepGroupId: string;
  const t: string[] = [];
  let conflicted: string;
  beforeAll(async () => {
    w = await buildWorld(db());
    termId = w.round.termId;
    const c = w.committee.id;
    for (let i = 0; i < 6; i++) {
      t.push((await buildTarget(db(), { committeeId: c, name: `规划对象${i}-${c.slice(0, 6)}` })).id);
    }
    // Round 2 in preparation with one group formed: its leader's own unit is target 0 (recusal).
    const prep = await buildRound(db(), { committeeId: c, termId, number: 2, stage: "preparation" });
    prepRoundId = prep.id;
    const fixedLeader = await buildPerson(db(), { committeeId: c, pool: "leader", unitTargetId: t[0]! });
    conflicted = fixedLeader.id;
    prepGroupId = (
      await buildGroup(db(), {
        committeeId: c,
        roundId: prep.id,
        number: 1,
        members: [{ personId: fixedLeader.id, role: "leader" }],
      })
    ).id;
    for (let i = 0; i < 3; i++) await buildPerson(db(), { committeeId: c, pool: "leader" });
    for (let i = 0; i < 3; i++) await buildPerson(db(), { committeeId: c, pool: "talent" });
    const office = await as(w, "office");
    const res = await office.patch(`/api/planning/terms/${termId}`, { plannedRounds: 3, planLimits: limits });
    expect(res.statusCode, res.body).toBe(200);
  });

  const propose = async () => {
    const res = await (await as(w, "office")).post(`/api/planning/terms/${termId}/proposals`, {});
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it("proposes a plan from the records without assigning anything; audited", async () => {
    const p = await propose();
    expect(p.status).toBe("proposed");
    const placed = p.entries.map((e: { targetId: string }) => e.targetId).sort();
    expect(placed).toEqual([...t].sort());
    expect(p.shortfall).toMatchObject({ count: 0, plannable: 6 });
    // Target 0 never goes to the group whose leader must recuse from it.
    const e0 = p.entries.find((e: { targetId: string }) => e.targetId === t[0]);
    expect(e0.groupId).not.toBe(prepGroupId);
    const existing = p.groups.find((g: { groupId?: string }) => g.groupId === prepGroupId);
    expect(existing).toMatchObject({ existing: true, roundNumber: 2, people: [{ id: conflicted }] });
    const proposed = p.groups.filter((g: { existing: boolean }) => !g.existing);
    for (const g of proposed) expect(g.members).toHaveLength(1);
    expect(await db().select().from(termPlanEntries).where(eq(termPlanEntries.termId, termId))).toEqual([]);
    expect(await db().select().from(groupTargets).where(eq(groupTargets.groupId, prepGroupId))).toEqual([]);
    expect(await audited("plan.propose", p.id)).toHaveLength(1);
  });

  it("states the shortfall plainly when the rounds left cannot hold every target", async () => {
    const office = await as(w, "office");
    const res = await office.post(`/api/planning/terms/${termId}/proposals`, {
      limits: { ...limits, groupsPerRound: 1, targetsPerGroup: 1 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.shortfall.count).toBe(4);
    expect(p.shortfall.statement).toBe(
      "4 个对象无法在本届覆盖：已建的 1 个组剩余 1 个 + 1 轮 × 1 组 × 1 个 = 2 < 6".replace(
        "已建的",
        "已组建的",
      ),
    );
    expect(p.shortfall.unplaced).toHaveLength(4);
    await office.patch(`/api/planning/terms/${termId}`, { planLimits: limits });
  });

  it("lets leadership and the upper level read proposals, not create or decide; 404 for another committee", async () => {
    const p = await propose();
    for (const s of [await as(w, "leadership"), await upperLevel(w)]) {
      expect((await s.get(`/api/planning/proposals/${p.id}`)).statusCode).toBe(200);
      const list = (await s.get(`/api/planning/terms/${termId}/proposals`)).json();
      expect(list.map((x: { id: string }) => x.id)).toContain(p.id);
    }
    const leadership = await as(w, "leadership");
    await refused(
      leadership,
      (s) => s.post(`/api/planning/terms/${termId}/proposals`, {}),
      403,
      "auth.forbidden",
    );
    await refused(leadership, (s) => s.post(`/api/planning/proposals/${p.id}/accept`), 403, "auth.forbidden");
    const other = await as(w, "otherOffice");
    await refused(other, (s) => s.get(`/api/planning/proposals/${p.id}`), 404, "proposal.not_found");
    await refused(other, (s) => s.post(`/api/planning/proposals/${p.id}/accept`), 404, "proposal.not_found");
    await refused(
      other,
      (s) => s.patch(`/api/planning/proposals/${p.id}`, { drops: [t[1]] }),
      404,
      "proposal.not_found",
    );
    await refused(other, (s) => s.post(`/api/planning/terms/${termId}/proposals`, {}), 404, "term.not_found");
    await refused(
      await as(w, "contactA"),
      (s) => s.get(`/api/planning/proposals/${p.id}`),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.get(`/api/planning/terms/${termId}/proposals`),
      403,
      "auth.forbidden",
    );
  });

  it("edits a proposal: a move that breaks recusal is refused; a valid move and a drop are kept, re-checked and audited", async () => {
    const office = await as(w, "office");
    const p = await propose();
    const existing = p.groups.find((g: { groupId?: string }) => g.groupId === prepGroupId);
    const bad = await refused(
      office,
      (s) =>
        s.patch(`/api/planning/proposals/${p.id}`, {
          moves: [{ targetId: t[0], roundNumber: 2, groupNumber: existing.groupNumber }],
        }),
      422,
      "plan.invalid",
    );
    expect(bad.message).toContain("须回避");
    const movable = p.entries.find(
      (e: { targetId: string; groupId?: string }) => e.targetId !== t[0] && e.targetId !== t[5] && !e.groupId,
    );
    const target = p.groups.find(
      (g: { roundNumber: number; groupNumber: number; existing: boolean; targets: unknown[] }) =>
        !g.existing &&
        (g.roundNumber !== movable.roundNumber || g.groupNumber !== movable.groupNumber) &&
        g.targets.length < 3,
    );
    const res = await office.patch(`/api/planning/proposals/${p.id}`, {
      moves: [
        { targetId: movable.targetId, roundNumber: target.roundNumber, groupNumber: target.groupNumber },
      ],
      drops: [t[5]],
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json();
    expect(edited.entries.find((e: { targetId: string }) => e.targetId === movable.targetId)).toMatchObject({
      roundNumber: target.roundNumber,
      groupNumber: target.groupNumber,
    });
    expect(edited.shortfall).toMatchObject({ count: 1, unplacedTargetIds: [t[5]] });
    expect(edited.shortfall.statement).toBe("1 个对象无法在本届覆盖：1 个对象由巡察办移出方案");
    expect(await audited("plan.edit", p.id)).toHaveLength(1);
    await refused(
      office,
      (s) => s.patch(`/api/planning/proposals/${p.id}`, { drops: [w.targetA.id] }),
      404,
      "target.not_found",
    );
    await refused(office, (s) => s.patch(`/api/planning/proposals/${p.id}`, {}), 400, "request.invalid");

    // The dropped target can be put back into a group of the proposal.
    const room = edited.groups.find(
      (g: { existing: boolean; targets: unknown[] }) => !g.existing && g.targets.length < 3,
    );
    const back = await office.patch(`/api/planning/proposals/${p.id}`, {
      moves: [{ targetId: t[5], roundNumber: room.roundNumber, groupNumber: room.groupNumber }],
    });
    expect(back.statusCode, back.body).toBe(200);
    const restored = back.json();
    expect(restored.entries.find((e: { targetId: string }) => e.targetId === t[5])).toMatchObject({
      roundNumber: room.roundNumber,
      groupNumber: room.groupNumber,
    });
    expect(restored.shortfall).toMatchObject({ count: 0, unplacedTargetIds: [], droppedTargetIds: [] });
    expect(await audited("plan.edit", p.id)).toHaveLength(2);
    // A target of another committee cannot be brought in.
    const otherTarget = await buildTarget(db(), { committeeId: w.other.id });
    await refused(
      office,
      (s) =>
        s.patch(`/api/planning/proposals/${p.id}`, {
          moves: [{ targetId: otherTarget.id, roundNumber: room.roundNumber, groupNumber: room.groupNumber }],
        }),
      404,
      "target.not_found",
    );
  });

  it("accepting writes the plan and assigns targets to groups formed already; a decided proposal cannot change", async () => {
    const office = await as(w, "office");
    const p = await propose();
    const rejected = await propose();
    const rej = await office.post(`/api/planning/proposals/${rejected.id}/reject`);
    expect(rej.statusCode, rej.body).toBe(200);
    expect(rej.json().status).toBe("rejected");
    expect(await audited("plan.reject", rejected.id)).toHaveLength(1);

    const res = await office.post(`/api/planning/proposals/${p.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("accepted");
    const plan = await db().select().from(termPlanEntries).where(eq(termPlanEntries.termId, termId));
    expect(plan.map((e) => e.targetId).sort()).toEqual([...t].sort());
    const toExisting = p.entries
      .filter((e: { groupId?: string }) => e.groupId === prepGroupId)
      .map((e: { targetId: string }) => e.targetId);
    expect(toExisting.length).toBeGreaterThan(0);
    const assigned = await db()
      .select()
      .from(groupTargets)
      .where(and(eq(groupTargets.groupId, prepGroupId), eq(groupTargets.roundId, prepRoundId)));
    expect(assigned.map((a) => a.targetId).sort()).toEqual([...toExisting].sort());
    expect(await audited("plan.accept", p.id)).toHaveLength(1);
    expect(await audited("group.assign_targets", prepGroupId)).toHaveLength(1);

    const coverage = (await office.get(`/api/planning/terms/${termId}/coverage`)).json();
    const states = new Map<string, string>(coverage.targets.map((x: CoverageRow) => [x.id, x.status]));
    for (const id of toExisting) expect(states.get(id)).toBe("scheduled");
    for (const id of t.filter((x) => !toExisting.includes(x))) expect(states.get(id)).toBe("planned");

    await refused(office, (s) => s.post(`/api/planning/proposals/${p.id}/accept`), 409, "proposal.decided");
    await refused(
      office,
      (s) => s.post(`/api/planning/proposals/${rejected.id}/accept`),
      409,
      "proposal.decided",
    );
    await refused(
      office,
      (s) => s.patch(`/api/planning/proposals/${p.id}`, { drops: [t[1]] }),
      409,
      "proposal.decided",
    );
  });

  it("refuses to accept a proposal the records have overtaken", async () => {
    const office = await as(w, "office");
    const c = w.committee.id;
    const late = await buildTarget(db(), { committeeId: c, name: `新增对象-${c.slice(0, 6)}` });
    const p = await propose();
    expect(p.entries.map((e: { targetId: string }) => e.targetId)).toContain(late.id);
    await office.post(`/api/planning/terms/${termId}/exclusions`, { targetId: late.id, reason: "已撤并" });
    const err = await refused(
      office,
      (s) => s.post(`/api/planning/proposals/${p.id}/accept`),
      422,
      "plan.invalid",
    );
    expect(err.message).toContain("请重新生成");
  });
});
