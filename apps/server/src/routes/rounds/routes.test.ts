import { count, eq, groupMembers, groups, groupTargets } from "@xuncha/db";
import { buildGroup, buildPerson, buildRound, buildTarget } from "@xuncha/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../../test/client";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;

const groupCount = async (roundId: string) =>
  Number(
    (await kit.t.database.db.select({ n: count() }).from(groups).where(eq(groups.roundId, roundId)))[0]!.n,
  );

const assignedTo = async (groupId: string) =>
  (await kit.t.database.db.select().from(groupTargets).where(eq(groupTargets.groupId, groupId))).map(
    (r) => r.targetId,
  );

const term = { name: "十四届县委", startsOn: "2022-01-01", endsOn: "2026-12-31" };
const roundBody = (termId: string) => ({
  termId,
  kind: "regular",
  startsOn: "2026-09-01",
  endsOn: "2026-10-15",
});

describe("terms", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
  });

  it("the office creates a term; the office and leadership list the committee's terms", async () => {
    const office = await as(w, "office");
    const res = await office.post("/api/terms", term);
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ ...term, committeeId: w.committee.id });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = await audited("term.create", created.id);
    expect(entry).toMatchObject({ actorId: office.id, committeeId: w.committee.id, entity: "term" });

    for (const key of ["office", "leadership"] as const) {
      const list = await (await as(w, key)).get("/api/terms");
      expect(list.statusCode).toBe(200);
      expect(list.json().map((x: { id: string }) => x.id)).toContain(created.id);
    }
  });

  it("another committee does not list the term", async () => {
    const office = await as(w, "office");
    const created = (await office.post("/api/terms", { ...term, name: "十五届县委" })).json();
    const list = (await (await as(w, "otherOffice")).get("/api/terms")).json();
    expect(list.map((x: { id: string }) => x.id)).not.toContain(created.id);
  });

  it("refuses invalid bodies with a Chinese message naming the field", async () => {
    const office = await as(w, "office");
    const missing = await refused(
      office,
      (s) => s.post("/api/terms", { startsOn: "2022-01-01", endsOn: "2026-12-31" }),
      400,
      "request.invalid",
    );
    expect(missing.message).toContain("name");
    expect(missing.message).toMatch(/^请求内容有误/);
    const blank = await refused(
      office,
      (s) => s.post("/api/terms", { ...term, name: "  " }),
      400,
      "request.invalid",
    );
    expect(blank.message).toContain("请填写届次名称");
    const unknown = await refused(
      office,
      (s) => s.post("/api/terms", { ...term, plan: "x" }),
      400,
      "request.invalid",
    );
    expect(unknown.message).toContain("plan");
    const compact = await refused(
      office,
      (s) => s.post("/api/terms", { ...term, startsOn: "20221001" }),
      400,
      "request.invalid",
    );
    expect(compact.message).toContain("startsOn");
    expect(compact.message).toContain("YYYY-MM-DD");
  });

  it("refuses a date that does not exist (2026-02-30) as invalid input", async () => {
    const office = await as(w, "office");
    const e = await refused(
      office,
      (s) => s.post("/api/terms", { ...term, endsOn: "2026-02-30" }),
      400,
      "request.invalid",
    );
    expect(e.message).toContain("endsOn");
  });

  it("refuses an end before the start", async () => {
    const office = await as(w, "office");
    const e = await refused(
      office,
      (s) => s.post("/api/terms", { ...term, startsOn: "2026-12-31", endsOn: "2022-01-01" }),
      422,
      "round.dates_invalid",
    );
    expect(e.message).toBe("结束日期不能早于开始日期");
  });

  it("only the office creates terms; group members and contacts cannot list them", async () => {
    await refused(await as(w, "leadership"), (s) => s.post("/api/terms", term), 403, "auth.forbidden");
    await refused(await as(w, "memberA"), (s) => s.post("/api/terms", term), 403, "auth.forbidden");
    for (const key of ["memberA", "contactA", "discipline"] as const) {
      const res = await (await as(w, key)).get("/api/terms");
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe("auth.forbidden");
    }
  });
});

describe("rounds", () => {
  it("numbers rounds within a term: the second round is 第二轮", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const tm = (await office.post("/api/terms", term)).json();
    const first = await office.post("/api/rounds", { ...roundBody(tm.id), theme: "" });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      committeeId: w.committee.id,
      termId: tm.id,
      number: 1,
      name: "十四届县委第一轮巡察",
      kind: "regular",
      startsOn: "2026-09-01",
      endsOn: "2026-10-15",
      stage: "preparation",
      status: "open",
    });
    const second = await office.post("/api/rounds", {
      termId: tm.id,
      kind: "thematic",
      theme: "乡村振兴资金专项",
      startsOn: "2026-11-01",
      endsOn: "2026-12-15",
    });
    expect(second.json()).toMatchObject({
      number: 2,
      name: "十四届县委第二轮巡察",
      theme: "乡村振兴资金专项",
    });
    const [entry] = await audited("round.create", second.json().id);
    expect(entry).toMatchObject({ actorId: office.id, committeeId: w.committee.id });
    // Another term starts again at one.
    const tm2 = (await office.post("/api/terms", { ...term, name: "十五届县委" })).json();
    expect((await office.post("/api/rounds", roundBody(tm2.id))).json()).toMatchObject({
      number: 1,
      name: "十五届县委第一轮巡察",
    });
  });

  it("refuses invalid bodies, bad dates and an end before the start, writing nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const body = roundBody(w.round.termId);
    const kind = await refused(
      office,
      (s) => s.post("/api/rounds", { ...body, kind: "weekly" }),
      400,
      "request.invalid",
    );
    expect(kind.message).toContain("kind");
    const unknown = await refused(
      office,
      (s) => s.post("/api/rounds", { ...body, number: 9 }),
      400,
      "request.invalid",
    );
    expect(unknown.message).toContain("number");
    const term = await refused(
      office,
      (s) => s.post("/api/rounds", { ...body, termId: "abc" }),
      400,
      "request.invalid",
    );
    expect(term.message).toContain("termId");
    const compact = await refused(
      office,
      (s) => s.post("/api/rounds", { ...body, endsOn: "20261015" }),
      400,
      "request.invalid",
    );
    expect(compact.message).toContain("endsOn");
    await refused(
      office,
      (s) => s.post("/api/rounds", { ...body, startsOn: "2026-10-16", endsOn: "2026-10-15" }),
      422,
      "round.dates_invalid",
    );
    const list = (await office.get("/api/rounds")).json();
    expect(list.map((r: { id: string }) => r.id)).toEqual([w.round.id]);
  });

  it("refuses a date that does not exist (2026-02-30)", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const e = await refused(
      office,
      (s) => s.post("/api/rounds", { ...roundBody(w.round.termId), startsOn: "2026-02-30" }),
      400,
      "request.invalid",
    );
    expect(e.message).toContain("startsOn");
  });

  it("only the office of the term's committee creates rounds", async () => {
    const w = await buildWorld(kit.t.database.db);
    const body = roundBody(w.round.termId);
    await refused(await as(w, "leadership"), (s) => s.post("/api/rounds", body), 403, "auth.forbidden");
    await refused(await as(w, "leaderA"), (s) => s.post("/api/rounds", body), 403, "auth.forbidden");
    await refused(await as(w, "otherOffice"), (s) => s.post("/api/rounds", body), 404, "term.not_found");
  });

  it("lists all rounds for the committee's readers, with group and target counts", async () => {
    const w = await buildWorld(kit.t.database.db);
    for (const key of ["office", "leadership", "discipline", "organization"] as const) {
      const res = await (await as(w, key)).get("/api/rounds");
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([
        expect.objectContaining({
          id: w.round.id,
          number: 1,
          name: "测试届第一轮巡察",
          groupCount: 2,
          targetCount: 2,
        }),
      ]);
    }
    expect((await (await as(w, "otherOffice")).get("/api/rounds")).json()).toEqual([]);
    const contact = await (await as(w, "contactA")).get("/api/rounds");
    expect(contact.statusCode).toBe(403);
    expect(errorOf(contact).code).toBe("auth.forbidden");
  });

  it("a group member lists only the rounds they work in", async () => {
    const w = await buildWorld(kit.t.database.db);
    const db = kit.t.database.db;
    const later = await buildRound(db, { committeeId: w.committee.id, termId: w.round.termId, number: 2 });
    const someone = await buildPerson(db, { committeeId: w.committee.id, pool: "leader" });
    await buildGroup(db, {
      committeeId: w.committee.id,
      roundId: later.id,
      members: [
        { personId: someone.id, role: "leader" },
        { personId: w.people.memberB.id, role: "member" },
      ],
    });
    const office = (await (await as(w, "office")).get("/api/rounds")).json();
    expect(office.map((r: { id: string }) => r.id).sort()).toEqual([w.round.id, later.id].sort());
    const memberA = (await (await as(w, "memberA")).get("/api/rounds")).json();
    expect(memberA.map((r: { id: string }) => r.id)).toEqual([w.round.id]);
    const memberB = (await (await as(w, "memberB")).get("/api/rounds")).json();
    expect(memberB.map((r: { id: string }) => r.id).sort()).toEqual([w.round.id, later.id].sort());
    // And memberA cannot open the round they do not work in.
    const res = await (await as(w, "memberA")).get(`/api/rounds/${later.id}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe("round.not_found");
  });

  it("shows a round with its groups, members, targets, statistics and abilities", async () => {
    const w = await buildWorld(kit.t.database.db);
    const res = await (await as(w, "office")).get(`/api/rounds/${w.round.id}`);
    expect(res.statusCode).toBe(200);
    const round = res.json();
    expect(round).toMatchObject({
      id: w.round.id,
      name: "测试届第一轮巡察",
      status: "open",
      abilities: { manage: true },
    });
    expect(round.groups).toEqual([
      {
        id: w.groupA.id,
        number: 1,
        name: w.groupA.name,
        branchSecretaryId: null,
        members: [
          { personId: w.people.leaderA.id, name: expect.any(String), role: "leader" },
          { personId: w.people.memberA.id, name: expect.any(String), role: "member" },
        ],
        targets: [{ id: w.targetA.id, name: w.targetA.name, category: w.targetA.category }],
      },
      expect.objectContaining({ id: w.groupB.id, number: 2 }),
    ]);
    expect(round.statistics).toMatchObject({ findings: 0, drafts: 0, clues: 0, fedBack: 0, closed: 0 });
    expect(round.statistics.rectificationRate).toMatchObject({ numerator: 0, denominator: 0, percent: null });
    // Leadership reads it but does not manage it.
    const lead = (await (await as(w, "leadership")).get(`/api/rounds/${w.round.id}`)).json();
    expect(lead.groups).toHaveLength(2);
    expect(lead.abilities.manage).toBe(false);
  });

  it("a group member sees only their own group in the round", async () => {
    const w = await buildWorld(kit.t.database.db);
    const a = (await (await as(w, "memberA")).get(`/api/rounds/${w.round.id}`)).json();
    expect(a.groups.map((g: { id: string }) => g.id)).toEqual([w.groupA.id]);
    expect(a.groups[0].targets.map((x: { id: string }) => x.id)).toEqual([w.targetA.id]);
    expect(a.abilities.manage).toBe(false);
    const b = (await (await as(w, "leaderB")).get(`/api/rounds/${w.round.id}`)).json();
    expect(b.groups.map((g: { id: string }) => g.id)).toEqual([w.groupB.id]);
  });

  it("another committee gets 404 on a round; a malformed id is a 400", async () => {
    const w = await buildWorld(kit.t.database.db);
    for (const key of ["otherOffice", "otherLeadership"] as const) {
      const res = await (await as(w, key)).get(`/api/rounds/${w.round.id}`);
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe("round.not_found");
    }
    const bad = await (await as(w, "office")).get("/api/rounds/not-a-uuid");
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad)).toMatchObject({ code: "request.invalid" });
    expect(errorOf(bad).message).toContain("id");
  });

  it("the office moves a round to a stage, with an audit entry", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const res = await office.patch(`/api/rounds/${w.round.id}`, { stage: "reporting" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: w.round.id, stage: "reporting", status: "open" });
    expect(res.json().groups).toHaveLength(2);
    const [entry] = await audited("round.update", w.round.id);
    expect(entry).toMatchObject({ actorId: office.id });
    expect(entry!.summary).toMatchObject({ from: { stage: "fieldwork" }, to: { stage: "reporting" } });
  });

  it("refuses a PATCH without a change, with an unknown stage or field, or from the wrong role or committee", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}`;
    const empty = await refused(office, (s) => s.patch(url, {}), 400, "request.invalid");
    expect(empty.message).toContain("请指定要修改的阶段或状态");
    expect(
      (await refused(office, (s) => s.patch(url, { stage: "party" }), 400, "request.invalid")).message,
    ).toContain("stage");
    expect(
      (await refused(office, (s) => s.patch(url, { status: "paused" }), 400, "request.invalid")).message,
    ).toContain("status");
    expect(
      (await refused(office, (s) => s.patch(url, { stage: "reporting", name: "x" }), 400, "request.invalid"))
        .message,
    ).toContain("name");
    await refused(
      await as(w, "leadership"),
      (s) => s.patch(url, { stage: "reporting" }),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(url, { stage: "reporting" }),
      404,
      "round.not_found",
    );
    const round = (await office.get(url)).json();
    expect(round.stage).toBe("fieldwork");
  });

  it("closing a round blocks new groups, assignments and stage changes", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const closed = await office.patch(`/api/rounds/${w.round.id}`, { status: "closed" });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", abilities: { manage: false } });
    const leader = await buildPerson(kit.t.database.db, { committeeId: w.committee.id, pool: "leader" });
    await refused(
      office,
      (s) =>
        s.post(`/api/rounds/${w.round.id}/groups`, { members: [{ personId: leader.id, role: "leader" }] }),
      409,
      "round.closed",
    );
    expect(await groupCount(w.round.id)).toBe(2);
    const target = await buildTarget(kit.t.database.db, { committeeId: w.committee.id });
    const e = await refused(
      office,
      (s) => s.post(`/api/groups/${w.groupA.id}/targets`, { targetIds: [target.id] }),
      409,
      "round.closed",
    );
    expect(e.message).toBe("该轮巡察已结束，不能再修改");
    expect(await assignedTo(w.groupA.id)).toEqual([w.targetA.id]);
    await refused(
      office,
      (s) => s.patch(`/api/rounds/${w.round.id}`, { stage: "archiving" }),
      409,
      "round.closed",
    );
    // The group still reads its closed round.
    const member = (await (await as(w, "memberA")).get(`/api/rounds/${w.round.id}`)).json();
    expect(member.groups.map((g: { id: string }) => g.id)).toEqual([w.groupA.id]);
  });
});

describe("groups", () => {
  it("the office forms a group numbered after the round's last one", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const db = kit.t.database.db;
    const leader = await buildPerson(db, { committeeId: w.committee.id, pool: "leader", name: "王组长" });
    const deputy = await buildPerson(db, { committeeId: w.committee.id, name: "李副组长" });
    const member = await buildPerson(db, { committeeId: w.committee.id, name: "赵组员" });
    const res = await office.post(`/api/rounds/${w.round.id}/groups`, {
      members: [
        { personId: member.id, role: "member" },
        { personId: leader.id, role: "leader" },
        { personId: deputy.id, role: "deputy" },
      ],
    });
    expect(res.statusCode).toBe(200);
    const group = res.json();
    expect(group).toMatchObject({
      committeeId: w.committee.id,
      roundId: w.round.id,
      number: 3,
      name: "第三巡察组",
    });
    const [entry] = await audited("group.create", group.id);
    expect(entry).toMatchObject({ actorId: office.id, committeeId: w.committee.id });
    const round = (await office.get(`/api/rounds/${w.round.id}`)).json();
    const shown = round.groups.find((g: { id: string }) => g.id === group.id);
    // Members are listed leader first.
    expect(shown.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ["王组长", "leader"],
      ["李副组长", "deputy"],
      ["赵组员", "member"],
    ]);
    expect(shown.targets).toEqual([]);
  });

  it("needs exactly one leader", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/groups`;
    const noLeader = await refused(
      office,
      (s) => s.post(url, { members: [{ personId: w.people.memberA.id, role: "member" }] }),
      422,
      "group.leader_required",
    );
    expect(noLeader.message).toBe("巡察组须有且仅有一名组长");
    await refused(
      office,
      (s) =>
        s.post(url, {
          members: [
            { personId: w.people.leaderA.id, role: "leader" },
            { personId: w.people.leaderB.id, role: "leader" },
          ],
        }),
      422,
      "group.leader_required",
    );
    expect(await groupCount(w.round.id)).toBe(2);
  });

  it("refuses a person of another committee, a repeated person and invalid bodies, creating nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/groups`;
    const stranger = await buildPerson(kit.t.database.db, { committeeId: w.other.id, pool: "leader" });
    await refused(
      office,
      (s) =>
        s.post(url, {
          members: [
            { personId: stranger.id, role: "leader" },
            { personId: w.people.memberA.id, role: "member" },
          ],
        }),
      404,
      "person.not_found",
    );
    const twice = await refused(
      office,
      (s) =>
        s.post(url, {
          members: [
            { personId: w.people.leaderA.id, role: "leader" },
            { personId: w.people.leaderA.id, role: "member" },
          ],
        }),
      400,
      "request.invalid",
    );
    expect(twice.message).toBe("同一人不能在组内重复出现");
    const empty = await refused(office, (s) => s.post(url, { members: [] }), 400, "request.invalid");
    expect(empty.message).toContain("请选择巡察组成员");
    expect(empty.message).toContain("members");
    const role = await refused(
      office,
      (s) => s.post(url, { members: [{ personId: w.people.leaderA.id, role: "boss" }] }),
      400,
      "request.invalid",
    );
    expect(role.message).toContain("members.0.role");
    await refused(
      office,
      (s) => s.post(url, { members: [{ personId: w.people.leaderA.id, role: "leader" }], name: "特别组" }),
      400,
      "request.invalid",
    );
    expect(await groupCount(w.round.id)).toBe(2);
  });

  it("only the office of the round's committee forms groups", async () => {
    const w = await buildWorld(kit.t.database.db);
    const url = `/api/rounds/${w.round.id}/groups`;
    const body = { members: [{ personId: w.people.leaderA.id, role: "leader" }] };
    await refused(await as(w, "leadership"), (s) => s.post(url, body), 403, "auth.forbidden");
    await refused(await as(w, "leaderA"), (s) => s.post(url, body), 403, "auth.forbidden");
    await refused(await as(w, "otherOffice"), (s) => s.post(url, body), 404, "round.not_found");
    expect(await groupCount(w.round.id)).toBe(2);
  });
});

describe("group targets", () => {
  it("assigns targets to a group; assigning again adds nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const extra = await buildTarget(kit.t.database.db, { committeeId: w.committee.id });
    const res = await office.post(`/api/groups/${w.groupA.id}/targets`, { targetIds: [extra.id, extra.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ assigned: 1 });
    expect((await assignedTo(w.groupA.id)).sort()).toEqual([w.targetA.id, extra.id].sort());
    const entries = await audited("group.assign_targets", w.groupA.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: office.id, summary: { targetIds: [extra.id] } });
    const again = await office.post(`/api/groups/${w.groupA.id}/targets`, {
      targetIds: [extra.id, w.targetA.id],
    });
    expect(again.json()).toEqual({ assigned: 0 });
    const round = (await office.get(`/api/rounds/${w.round.id}`)).json();
    expect(round.groups[0].targets.map((x: { id: string }) => x.id).sort()).toEqual(
      [w.targetA.id, extra.id].sort(),
    );
  });

  it("refuses a target taken by another group of the round, naming it, and assigns nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const extra = await buildTarget(kit.t.database.db, { committeeId: w.committee.id });
    const e = await refused(
      office,
      (s) => s.post(`/api/groups/${w.groupA.id}/targets`, { targetIds: [extra.id, w.targetB.id] }),
      409,
      "group.target_taken",
    );
    expect(e.message).toContain(w.targetB.name);
    expect(e.message).not.toContain(extra.name);
    expect(e.details).toEqual({ targetIds: [{ targetId: w.targetB.id, groupId: w.groupB.id }] });
    expect(await assignedTo(w.groupA.id)).toEqual([w.targetA.id]);
    expect(await assignedTo(w.groupB.id)).toEqual([w.targetB.id]);
  });

  it("a target may be inspected again by a group of another round", async () => {
    const w = await buildWorld(kit.t.database.db);
    const db = kit.t.database.db;
    const office = await as(w, "office");
    const later = await buildRound(db, { committeeId: w.committee.id, termId: w.round.termId, number: 2 });
    const group = await buildGroup(db, { committeeId: w.committee.id, roundId: later.id });
    const res = await office.post(`/api/groups/${group.id}/targets`, { targetIds: [w.targetB.id] });
    expect(res.json()).toEqual({ assigned: 1 });
  });

  it("refuses targets of another committee, unknown groups and invalid bodies", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const url = `/api/groups/${w.groupA.id}/targets`;
    const foreign = await buildTarget(kit.t.database.db, { committeeId: w.other.id });
    await refused(office, (s) => s.post(url, { targetIds: [foreign.id] }), 404, "target.not_found");
    const empty = await refused(office, (s) => s.post(url, { targetIds: [] }), 400, "request.invalid");
    expect(empty.message).toContain("请选择巡察对象");
    expect(
      (await refused(office, (s) => s.post(url, { targetIds: ["x"] }), 400, "request.invalid")).message,
    ).toContain("targetIds.0");
    await refused(
      office,
      (s) => s.post(url, { targetIds: [w.targetA.id], groupId: w.groupB.id }),
      400,
      "request.invalid",
    );
    await refused(
      office,
      (s) =>
        s.post("/api/groups/00000000-0000-4000-8000-000000000000/targets", { targetIds: [w.targetA.id] }),
      404,
      "group.not_found",
    );
    expect(await assignedTo(w.groupA.id)).toEqual([w.targetA.id]);
  });

  it("only the office of the group's committee assigns targets", async () => {
    const w = await buildWorld(kit.t.database.db);
    const extra = await buildTarget(kit.t.database.db, { committeeId: w.committee.id });
    const url = `/api/groups/${w.groupA.id}/targets`;
    await refused(
      await as(w, "leadership"),
      (s) => s.post(url, { targetIds: [extra.id] }),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(url, { targetIds: [extra.id] }),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(url, { targetIds: [extra.id] }),
      404,
      "group.not_found",
    );
    expect(await assignedTo(w.groupA.id)).toEqual([w.targetA.id]);
  });
});

describe("group membership rows", () => {
  it("a group formed through the API gives its members access to the round", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const tm = (await office.post("/api/terms", term)).json();
    const round = (await office.post("/api/rounds", roundBody(tm.id))).json();
    const group = (
      await office.post(`/api/rounds/${round.id}/groups`, {
        members: [
          { personId: w.people.leaderB.id, role: "leader" },
          { personId: w.people.memberA.id, role: "liaison" },
        ],
      })
    ).json();
    for (const kind of ["confidentiality", "integrity"])
      await office.post(`/api/rounds/${round.id}/commitments`, {
        personId: w.people.memberA.id,
        kind,
        signedOn: "2026-08-25",
      });
    const rows = await kit.t.database.db
      .select()
      .from(groupMembers)
      .where(eq(groupMembers.groupId, group.id));
    expect(rows.map((r) => r.role).sort()).toEqual(["leader", "liaison"]);
    const seen = (await (await as(w, "memberA")).get(`/api/rounds/${round.id}`)).json();
    expect(seen.groups.map((g: { id: string }) => g.id)).toEqual([group.id]);
  });
});
