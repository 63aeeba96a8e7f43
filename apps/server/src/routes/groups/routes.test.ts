import {
  and,
  commitments,
  count,
  eq,
  groupDraws,
  groupMembers,
  groups,
  groupTargets,
  personJobs,
  personRelatives,
  personTies,
} from "@xuncha/db";
import { buildFinding, buildPerson, buildRound, buildTarget } from "@xuncha/db/testing";
import { describe, expect, it } from "vitest";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

const groupCount = async (roundId: string) =>
  Number((await db().select({ n: count() }).from(groups).where(eq(groups.roundId, roundId)))[0]!.n);
const membersOf = async (groupId: string) =>
  (await db().select().from(groupMembers).where(eq(groupMembers.groupId, groupId)))
    .map((m) => [m.personId, m.role])
    .sort();
const targetsOf = async (groupId: string) =>
  (await db().select().from(groupTargets).where(eq(groupTargets.groupId, groupId))).map((t) => t.targetId);

/** A person of the world's committee who worked in the target until 2024-06 (round starts 2026-03). */
async function formerStaff(
  w: World,
  targetId: string,
  over: Parameters<typeof buildPerson>[1] = { committeeId: "" },
) {
  const p = await buildPerson(db(), { ...over, committeeId: w.committee.id, name: over.name ?? "钱前任" });
  await db().insert(personJobs).values({
    committeeId: w.committee.id,
    personId: p.id,
    unit: "甲单位",
    targetId,
    post: "科长",
    startMonth: "2019-03",
    endMonth: "2024-06",
  });
  return p;
}

type Conflict = {
  personId: string;
  personName: string;
  targetId: string;
  targetName: string;
  rule: string;
  reason: string;
};

describe("recusal blocks forming a group", () => {
  it("a conflict between a chosen person and a chosen target blocks the group, naming who, which target and why", async () => {
    const w = await buildWorld(db());
    const leader = await buildPerson(db(), { committeeId: w.committee.id, pool: "leader", name: "王组长" });
    const target = await buildTarget(db(), { committeeId: w.committee.id });
    const staff = await formerStaff(w, target.id);
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/groups`;
    const error = await refused(
      office,
      (s) =>
        s.post(url, {
          members: [
            { personId: leader.id, role: "leader" },
            { personId: staff.id, role: "member" },
          ],
          targetIds: [target.id],
        }),
      409,
      "recusal.conflict",
    );
    expect(error.message).toContain(`钱前任 — ${target.name}：曾在该单位工作 科长 2019-03 至 2024-06`);
    const details = error.details as { conflicts: Conflict[] };
    expect(details.conflicts).toEqual([
      {
        rule: "job.recent",
        personId: staff.id,
        personName: "钱前任",
        targetId: target.id,
        targetName: target.name,
        reason: "曾在该单位工作 科长 2019-03 至 2024-06（近三年内）",
      },
    ]);
    expect(await groupCount(w.round.id)).toBe(2);

    // Without the conflicted target the group is formed, with the leader as branch secretary.
    const ok = await office.post(url, {
      members: [
        { personId: leader.id, role: "leader" },
        { personId: staff.id, role: "member" },
      ],
      targetIds: [],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().branchSecretaryId).toBe(leader.id);
  });

  it("the leader comes from the leader pool; nobody sits in two groups of a round; unavailable people are refused", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/groups`;
    const talent = await buildPerson(db(), { committeeId: w.committee.id, pool: "talent", name: "人才甲" });
    const pool = await refused(
      office,
      (s) => s.post(url, { members: [{ personId: talent.id, role: "leader" }] }),
      422,
      "group.leader_pool",
    );
    expect(pool.message).toBe("人才甲 不在组长库中，不能担任组长");
    const leader = await buildPerson(db(), { committeeId: w.committee.id, pool: "leader" });
    const busy = await refused(
      office,
      (s) =>
        s.post(url, {
          members: [
            { personId: leader.id, role: "leader" },
            { personId: w.people.memberA.id, role: "member" },
          ],
        }),
      409,
      "group.person_in_round",
    );
    expect(busy.message).toContain("第1巡察组");
    const away = await buildPerson(db(), { committeeId: w.committee.id, available: false, name: "休假者" });
    await refused(
      office,
      (s) =>
        s.post(url, {
          members: [
            { personId: leader.id, role: "leader" },
            { personId: away.id, role: "member" },
          ],
        }),
      422,
      "group.person_unavailable",
    );
    expect(await groupCount(w.round.id)).toBe(2);
  });

  it("names another member branch secretary, or refuses a secretary outside the group", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const leader = await buildPerson(db(), { committeeId: w.committee.id, pool: "leader" });
    const member = await buildPerson(db(), { committeeId: w.committee.id });
    const url = `/api/rounds/${w.round.id}/groups`;
    const members = [
      { personId: leader.id, role: "leader" },
      { personId: member.id, role: "member" },
    ];
    await refused(
      office,
      (s) => s.post(url, { members, branchSecretaryId: w.people.memberB.id }),
      404,
      "group.member_not_found",
    );
    const res = await office.post(url, { members, branchSecretaryId: member.id });
    expect(res.json().branchSecretaryId).toBe(member.id);
  });
});

describe("assigning targets and the leading group's override", () => {
  it("a spouse in the target's leadership blocks the assignment until the leading group overrides it with a reason", async () => {
    const w = await buildWorld(db());
    const target = await buildTarget(db(), {
      committeeId: w.committee.id,
      name: `丙单位${w.committee.id.slice(0, 6)}`,
    });
    await db().insert(personRelatives).values({
      committeeId: w.committee.id,
      personId: w.people.memberA.id,
      relation: "spouse",
      name: "张某",
      targetId: target.id,
      post: "党委书记",
      inLeadership: true,
    });
    const office = await as(w, "office");
    const url = `/api/groups/${w.groupA.id}/targets`;
    const error = await refused(
      office,
      (s) => s.post(url, { targetIds: [target.id] }),
      409,
      "recusal.conflict",
    );
    const [conflict] = (error.details as { conflicts: Conflict[] }).conflicts;
    expect(conflict).toMatchObject({
      personId: w.people.memberA.id,
      targetId: target.id,
      rule: "relative.leadership",
      reason: "配偶 张某 任该单位 党委书记（领导班子成员）",
    });
    expect(await targetsOf(w.groupA.id)).toEqual([w.targetA.id]);

    // The round's recusal view shows the candidate conflict through the check endpoint.
    const check = await office.post(`/api/rounds/${w.round.id}/recusal-check`, {
      groupId: w.groupA.id,
      targetIds: [target.id],
    });
    expect(check.statusCode).toBe(200);
    expect(check.json().conflicts).toMatchObject([{ personId: w.people.memberA.id, overridden: false }]);

    const overrideUrl = `/api/rounds/${w.round.id}/recusal-overrides`;
    const body = {
      personId: w.people.memberA.id,
      targetId: target.id,
      reason: "该同志已申请回避其配偶相关事项，经研究同意",
    };
    await refused(office, (s) => s.post(overrideUrl, body), 403, "auth.forbidden");
    await refused(await as(w, "leaderA"), (s) => s.post(overrideUrl, body), 403, "auth.forbidden");
    await refused(await as(w, "otherLeadership"), (s) => s.post(overrideUrl, body), 404, "round.not_found");
    await refused(
      await as(w, "leadership"),
      (s) => s.post(overrideUrl, { ...body, reason: " " }),
      400,
      "request.invalid",
    );
    const leadership = await as(w, "leadership");
    const res = await leadership.post(overrideUrl, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reason: body.reason, conflicts: [{ rule: "relative.leadership" }] });
    const [entry] = await audited("recusal.override", res.json().id);
    expect(entry).toMatchObject({ actorId: leadership.id, committeeId: w.committee.id });

    const ok = await office.post(url, { targetIds: [target.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await targetsOf(w.groupA.id)).sort()).toEqual([w.targetA.id, target.id].sort());

    // The round's recusal picture: the conflict, marked overridden with the reason, and the override.
    for (const key of ["office", "leadership"] as const) {
      const view = await (await as(w, key)).get(`/api/rounds/${w.round.id}/recusal`);
      expect(view.statusCode).toBe(200);
      expect(view.json().conflicts).toMatchObject([
        {
          groupId: w.groupA.id,
          personId: w.people.memberA.id,
          overridden: true,
          overrideReason: body.reason,
        },
      ]);
      expect(view.json().overrides).toMatchObject([{ personId: w.people.memberA.id, targetId: target.id }]);
      expect(view.json().abilities.override).toBe(key === "leadership");
    }
  });

  it("an override where there is no conflict is refused", async () => {
    const w = await buildWorld(db());
    await refused(
      await as(w, "leadership"),
      (s) =>
        s.post(`/api/rounds/${w.round.id}/recusal-overrides`, {
          personId: w.people.memberA.id,
          targetId: w.targetB.id,
          reason: "无",
        }),
      422,
      "recusal.no_conflict",
    );
  });

  it("rotation: a person who inspected the target in the previous round of the term, unless the committee turns it off", async () => {
    const w = await buildWorld(db());
    const next = await buildRound(db(), {
      committeeId: w.committee.id,
      termId: w.round.termId,
      number: 2,
      stage: "preparation",
    });
    const office = await as(w, "office");
    const leader = await buildPerson(db(), { committeeId: w.committee.id, pool: "leader" });
    const body = {
      members: [
        { personId: leader.id, role: "leader" },
        { personId: w.people.memberA.id, role: "member" },
      ],
      targetIds: [w.targetA.id],
    };
    const error = await refused(
      office,
      (s) => s.post(`/api/rounds/${next.id}/groups`, body),
      409,
      "recusal.conflict",
    );
    expect(error.message).toContain("上一轮（第一轮）巡察过该单位");
    const setting = await office.request("PUT", "/api/committee-settings/recusal.rotation", {
      value: { enabled: false },
    });
    expect(setting.statusCode, setting.body).toBe(200);
    const res = await office.post(`/api/rounds/${next.id}/groups`, body);
    expect(res.statusCode, res.body).toBe(200);
  });

  it("a superior/subordinate tie of the last 3 years blocks adding the person to a group with the target", async () => {
    const w = await buildWorld(db());
    const person = await buildPerson(db(), { committeeId: w.committee.id, name: "孙某" });
    await db().insert(personTies).values({
      committeeId: w.committee.id,
      personId: person.id,
      kind: "subordinate",
      officialName: "李某",
      targetId: w.targetA.id,
      startMonth: "2023-01",
      endMonth: "2024-05",
    });
    const office = await as(w, "office");
    const error = await refused(
      office,
      (s) => s.post(`/api/groups/${w.groupA.id}/members`, { personId: person.id, role: "member" }),
      409,
      "recusal.conflict",
    );
    expect(error.message).toContain("2023-01 至 2024-05 为该单位 李某 的直接上级");
    // The same person fits group B.
    const ok = await office.post(`/api/groups/${w.groupB.id}/members`, {
      personId: person.id,
      role: "member",
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe("editing a group's members", () => {
  it("adds, changes roles (a new leader demotes the old one to deputy, secretary follows), removes; all audited", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const g = w.groupA.id;
    const liaison = await buildPerson(db(), { committeeId: w.committee.id, name: "联络员" });
    const newLeader = await buildPerson(db(), { committeeId: w.committee.id, pool: "leader" });
    expect(
      (await office.post(`/api/groups/${g}/members`, { personId: liaison.id, role: "liaison" })).statusCode,
    ).toBe(200);
    expect(
      (await office.post(`/api/groups/${g}/members`, { personId: newLeader.id, role: "deputy" })).statusCode,
    ).toBe(200);
    await db().update(groups).set({ branchSecretaryId: w.people.leaderA.id }).where(eq(groups.id, g));
    const promote = await office.patch(`/api/groups/${g}/members/${newLeader.id}`, { role: "leader" });
    expect(promote.statusCode, promote.body).toBe(200);
    expect(await membersOf(g)).toEqual(
      [
        [w.people.leaderA.id, "deputy"],
        [w.people.memberA.id, "member"],
        [liaison.id, "liaison"],
        [newLeader.id, "leader"],
      ].sort(),
    );
    const [row] = await db().select().from(groups).where(eq(groups.id, g));
    expect(row!.branchSecretaryId).toBe(newLeader.id);
    await refused(
      office,
      (s) => s.request("DELETE", `/api/groups/${g}/members/${newLeader.id}`),
      409,
      "group.leader_removal",
    );
    const removed = await office.request("DELETE", `/api/groups/${g}/members/${liaison.id}`);
    expect(removed.statusCode).toBe(200);
    expect(await audited("group.member_remove", g)).toHaveLength(1);
    expect(await audited("group.member_add", g)).toHaveLength(2);
    expect(await audited("group.member_update", g)).toHaveLength(1);

    const secretary = await office.patch(`/api/groups/${g}/branch-secretary`, {
      personId: w.people.memberA.id,
    });
    expect(secretary.statusCode).toBe(200);
    await refused(
      office,
      (s) => s.patch(`/api/groups/${g}/branch-secretary`, { personId: w.people.memberB.id }),
      404,
      "group.member_not_found",
    );
  });

  it("a role change that brings a member's relative rule into play is checked: leader may, member may not", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const deputy = await buildPerson(db(), { committeeId: w.committee.id, name: "周副组长" });
    await db().insert(personRelatives).values({
      committeeId: w.committee.id,
      personId: deputy.id,
      relation: "lineal",
      name: "周小某",
      targetId: w.targetA.id,
      post: "科员",
    });
    const g = w.groupA.id;
    expect(
      (await office.post(`/api/groups/${g}/members`, { personId: deputy.id, role: "deputy" })).statusCode,
    ).toBe(200);
    const error = await refused(
      office,
      (s) => s.patch(`/api/groups/${g}/members/${deputy.id}`, { role: "member" }),
      409,
      "recusal.conflict",
    );
    expect(error.message).toContain("直系亲属 周小某 在该单位工作 科员");
  });

  it("only the office of the committee edits; group members, the leading group and contacts cannot; others get 404", async () => {
    const w = await buildWorld(db());
    const person = await buildPerson(db(), { committeeId: w.committee.id });
    const url = `/api/groups/${w.groupA.id}/members`;
    const body = { personId: person.id, role: "member" };
    for (const key of ["leaderA", "memberA", "leadership", "contactA"] as const)
      await refused(await as(w, key), (s) => s.post(url, body), 403, "auth.forbidden");
    await refused(await as(w, "otherOffice"), (s) => s.post(url, body), 404, "group.not_found");
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(`/api/groups/${w.groupA.id}/members/${w.people.memberA.id}`, { role: "liaison" }),
      404,
      "group.not_found",
    );
    await refused(await as(w, "office"), (s) => s.post(url, { ...body, extra: 1 }), 400, "request.invalid");
    expect(await membersOf(w.groupA.id)).toHaveLength(2);
  });
});

describe("suggestions", () => {
  it("ranks available talent by the expertise the group lacks, leaving out people in the round and people in conflict", async () => {
    const w = await buildWorld(db());
    const c = w.committee.id;
    const auditor = await buildPerson(db(), { committeeId: c, name: "审计甲", expertise: ["审计", "财会"] });
    const lawyer = await buildPerson(db(), { committeeId: c, name: "政法乙", expertise: ["政法"] });
    await buildPerson(db(), {
      committeeId: c,
      name: "休假丙",
      expertise: ["审计", "财会", "政法"],
      available: false,
    });
    const conflicted = await formerStaff(w, w.targetA.id, { committeeId: c, name: "前任丁" });
    const res = await (await as(w, "office")).post(`/api/rounds/${w.round.id}/suggestions`, {
      groupId: w.groupA.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json();
    expect(out.lacking).toEqual(["纪检", "组织", "财会", "审计", "政法"]);
    const names = out.suggestions.map((s: { name: string }) => s.name);
    expect(names.indexOf("审计甲")).toBeLessThan(names.indexOf("政法乙"));
    expect(names).not.toContain("休假丙");
    expect(names).not.toContain("前任丁");
    expect(names).not.toContain(w.people.memberB.name);
    const first = out.suggestions.find((s: { personId: string }) => s.personId === auditor.id);
    expect(first.reason).toBe("可补充本组缺少的专长：财会、审计；与本组巡察对象无回避情形");
    expect(out.suggestions.find((s: { personId: string }) => s.personId === lawyer.id).brings).toEqual([
      "政法",
    ]);
    expect(out.conflicted).toMatchObject([
      { personId: conflicted.id, conflicts: [expect.stringContaining("曾在该单位工作")] },
    ]);
  });

  it("is for the office of the committee only", async () => {
    const w = await buildWorld(db());
    const url = `/api/rounds/${w.round.id}/suggestions`;
    await refused(await as(w, "leaderA"), (s) => s.post(url, {}), 403, "auth.forbidden");
    await refused(await as(w, "contactA"), (s) => s.post(url, {}), 403, "auth.forbidden");
    await refused(await as(w, "otherOffice"), (s) => s.post(url, {}), 404, "round.not_found");
  });
});

describe("random draw", () => {
  it("draws N from the pool with a recorded seed and candidates, excluding with reasons; the replay matches", async () => {
    const w = await buildWorld(db());
    const c = w.committee.id;
    const made = [];
    for (let i = 0; i < 6; i++)
      made.push(await buildPerson(db(), { committeeId: c, name: `候选${i}`, expertise: ["财会"] }));
    const noSkill = await buildPerson(db(), { committeeId: c, name: "无专长" });
    const conflicted = await formerStaff(w, w.targetA.id, {
      committeeId: c,
      name: "前任",
      expertise: ["财会"],
    });
    const office = await as(w, "office");
    const res = await office.post(`/api/rounds/${w.round.id}/draws`, {
      pool: "talent",
      count: 3,
      groupId: w.groupA.id,
      expertise: ["财会"],
    });
    expect(res.statusCode, res.body).toBe(200);
    const draw = res.json();
    expect(draw.seed).toMatch(/^[0-9a-f]{32}$/);
    const candidateIds = draw.candidates.map((x: { personId: string }) => x.personId);
    expect(candidateIds).toEqual(made.map((p) => p.id).sort());
    expect(draw.picked).toHaveLength(3);
    for (const p of draw.picked) expect(candidateIds).toContain(p.personId);
    const reasons = Object.fromEntries(
      draw.excluded.map((e: { personId: string; reasons: string[] }) => [e.personId, e.reasons.join("；")]),
    );
    expect(reasons[noSkill.id]).toBe("不具备所需专长（财会）");
    expect(reasons[conflicted.id]).toContain("回避：");
    expect(reasons[w.people.memberA.id]).toContain("已在本轮第1巡察组");
    const [entry] = await audited("group.draw", draw.id);
    expect(entry).toMatchObject({ actorId: office.id });

    for (const key of ["office", "leadership"] as const) {
      const replay = await (await as(w, key)).get(`/api/draws/${draw.id}/replay`);
      expect(replay.statusCode).toBe(200);
      expect(replay.json().replay).toEqual({
        replayed: draw.picked.map((p: { personId: string }) => p.personId),
        candidatesInOrder: true,
        matches: true,
      });
    }
    // A tampered record no longer matches.
    await db()
      .update(groupDraws)
      .set({ picked: [...draw.picked.map((p: { personId: string }) => p.personId)].reverse() })
      .where(eq(groupDraws.id, draw.id));
    expect((await office.get(`/api/draws/${draw.id}/replay`)).json().replay.matches).toBe(false);

    const list = await office.get(`/api/rounds/${w.round.id}/draws`);
    expect(list.json().map((d: { id: string }) => d.id)).toEqual([draw.id]);

    // The picks are a proposal: adding one goes through the ordinary checks.
    const add = await office.post(`/api/groups/${w.groupA.id}/members`, {
      personId: draw.picked[0].personId,
      role: "member",
    });
    expect(add.statusCode).toBe(200);
  });

  it("refuses a draw with too few candidates, recording nothing", async () => {
    const w = await buildWorld(db());
    const error = await refused(
      await as(w, "office"),
      (s) => s.post(`/api/rounds/${w.round.id}/draws`, { pool: "leader", count: 5 }),
      422,
      "draw.not_enough_candidates",
    );
    expect(error.message).toBe("符合条件的人员只有 0 名，不足 5 名，无法抽取");
    expect((await db().select().from(groupDraws).where(eq(groupDraws.roundId, w.round.id))).length).toBe(0);
  });

  it("only the office draws; the draws are seen by the office and leading group of the committee", async () => {
    const w = await buildWorld(db());
    await buildPerson(db(), { committeeId: w.committee.id });
    const office = await as(w, "office");
    const draw = (await office.post(`/api/rounds/${w.round.id}/draws`, { pool: "talent", count: 1 })).json();
    const url = `/api/rounds/${w.round.id}/draws`;
    await refused(
      await as(w, "leadership"),
      (s) => s.post(url, { pool: "talent", count: 1 }),
      403,
      "auth.forbidden",
    );
    await refused(await as(w, "memberA"), (s) => s.get(url), 403, "auth.forbidden");
    await refused(
      await as(w, "contactA"),
      (s) => s.get(`/api/draws/${draw.id}/replay`),
      403,
      "auth.forbidden",
    );
    await refused(await as(w, "otherOffice"), (s) => s.get(url), 404, "round.not_found");
    await refused(
      await as(w, "otherOffice"),
      (s) => s.get(`/api/draws/${draw.id}/replay`),
      404,
      "draw.not_found",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(url, { pool: "talent", count: 1 }),
      404,
      "round.not_found",
    );
  });
});

describe("commitments", () => {
  it("the office records both pledges; the list shows who has not signed", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/commitments`;
    await db().delete(commitments).where(eq(commitments.roundId, w.round.id));
    const before = (await office.get(url)).json();
    expect(before.unsigned).toBe(4);
    expect(before.abilities.record).toBe(true);
    for (const kind of ["confidentiality", "integrity"]) {
      const res = await office.post(url, { personId: w.people.memberA.id, kind, signedOn: "2026-02-20" });
      expect(res.statusCode, res.body).toBe(200);
      expect((await audited("commitment.record", res.json().id)).length).toBe(1);
    }
    const after = (await (await as(w, "leadership")).get(url)).json();
    expect(after.unsigned).toBe(3);
    const row = after.people.find((p: { personId: string }) => p.personId === w.people.memberA.id);
    expect(row).toMatchObject({
      complete: true,
      groupId: w.groupA.id,
      confidentiality: { signedOn: "2026-02-20", fileId: null },
      integrity: { signedOn: "2026-02-20" },
    });
    expect(after.abilities.record).toBe(false);
  });

  it("refuses a person outside the round, a file the office did not upload, and other roles", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/commitments`;
    const outsider = await buildPerson(db(), { committeeId: w.committee.id });
    await refused(
      office,
      (s) => s.post(url, { personId: outsider.id, kind: "integrity", signedOn: "2026-02-20" }),
      422,
      "commitment.person_not_in_round",
    );
    await refused(
      office,
      (s) =>
        s.post(url, {
          personId: w.people.memberA.id,
          kind: "integrity",
          signedOn: "2026-02-20",
          fileId: "00000000-0000-4000-8000-000000000000",
        }),
      404,
      "file.not_found",
    );
    const body = { personId: w.people.memberA.id, kind: "integrity", signedOn: "2026-02-20" };
    await refused(office, (s) => s.post(url, { ...body, kind: "other" }), 400, "request.invalid");
    await refused(await as(w, "memberA"), (s) => s.post(url, body), 403, "auth.forbidden");
    await refused(await as(w, "leaderA"), (s) => s.get(url), 403, "auth.forbidden");
    await refused(await as(w, "contactA"), (s) => s.get(url), 403, "auth.forbidden");
    await refused(await as(w, "otherOffice"), (s) => s.get(url), 404, "round.not_found");
    await refused(await as(w, "otherOffice"), (s) => s.post(url, body), 404, "round.not_found");
  });
});

describe("oversight reads", () => {
  it("the recusal views are for office and leading group of the committee", async () => {
    const w = await buildWorld(db());
    for (const key of ["memberA", "contactA", "discipline"] as const)
      await refused(
        await as(w, key),
        (s) => s.get(`/api/rounds/${w.round.id}/recusal`),
        403,
        "auth.forbidden",
      );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.get(`/api/rounds/${w.round.id}/recusal`),
      404,
      "round.not_found",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/rounds/${w.round.id}/recusal-check`, { groupId: w.groupA.id }),
      404,
      "round.not_found",
    );
    const empty = await (await as(w, "office")).get(`/api/rounds/${w.round.id}/recusal`);
    expect(empty.json()).toEqual({ conflicts: [], overrides: [], abilities: { override: false } });
  });
});

describe("a closed round", () => {
  it("its groups can no longer be changed, drawn for or overridden", async () => {
    const w = await buildWorld(db());
    const office = await as(w, "office");
    expect((await office.patch(`/api/rounds/${w.round.id}`, { status: "closed" })).statusCode).toBe(200);
    const person = await buildPerson(db(), { committeeId: w.committee.id });
    await refused(
      office,
      (s) => s.post(`/api/groups/${w.groupA.id}/members`, { personId: person.id, role: "member" }),
      409,
      "round.closed",
    );
    await refused(
      office,
      (s) => s.post(`/api/groups/${w.groupA.id}/targets`, { targetIds: [w.targetA.id] }),
      409,
      "round.closed",
    );
    await refused(
      office,
      (s) => s.post(`/api/rounds/${w.round.id}/draws`, { pool: "talent", count: 1 }),
      409,
      "round.closed",
    );
    await refused(
      office,
      (s) =>
        s.post(`/api/rounds/${w.round.id}/commitments`, {
          personId: w.people.memberA.id,
          kind: "integrity",
          signedOn: "2026-02-20",
        }),
      409,
      "round.closed",
    );
    const rows = await db()
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, w.groupA.id)));
    expect(rows).toHaveLength(2);
  });
});

describe("pledges gate the group's records", () => {
  it("a member who has not signed both pledges cannot open the group's findings; after signing, can", async () => {
    const w = await buildWorld(db());
    const finding = await buildFinding(db(), {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.leaderA.id,
    });
    await db()
      .delete(commitments)
      .where(and(eq(commitments.roundId, w.round.id), eq(commitments.personId, w.people.memberA.id)));
    // Without the pledges the membership gives no group role at all: the findings routes refuse.
    const member = await as(w, "memberA");
    await refused(member, (s) => s.get(`/api/findings/${finding.id}`), 403, "auth.forbidden");
    await refused(member, (s) => s.get(`/api/rounds/${w.round.id}`), 403, "auth.forbidden");
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/commitments`;
    await office.post(url, {
      personId: w.people.memberA.id,
      kind: "confidentiality",
      signedOn: "2026-02-20",
    });
    // One pledge is not enough.
    await refused(member, (s) => s.get(`/api/findings/${finding.id}`), 403, "auth.forbidden");
    await office.post(url, { personId: w.people.memberA.id, kind: "integrity", signedOn: "2026-02-21" });
    const seen = await member.get(`/api/findings/${finding.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    // Signing in this round gives nothing in another group: group B's records stay hidden.
    const other = await buildFinding(db(), {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupB.id,
      targetId: w.targetB.id,
      createdBy: w.accounts.leaderB.id,
    });
    await refused(member, (s) => s.get(`/api/findings/${other.id}`), 404, "finding.not_found");
  });
});

describe("after the round closes", () => {
  it("its group keeps read-only access to its own records (ROLES.md) and loses every change", async () => {
    const w = await buildWorld(db());
    const finding = await buildFinding(db(), {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.memberA.id,
    });
    const office = await as(w, "office");
    expect((await office.patch(`/api/rounds/${w.round.id}`, { status: "closed" })).statusCode).toBe(200);
    const member = await as(w, "memberA");
    const read = await member.get(`/api/findings/${finding.id}`);
    expect(read.statusCode).toBe(200);
    expect(Object.values(read.json().abilities as Record<string, boolean>).every((v) => !v)).toBe(true);
    await refused(
      member,
      (s) =>
        s.post("/api/findings", {
          roundId: w.round.id,
          targetId: w.targetA.id,
          title: "新问题",
          description: "描述",
          scheme: "sixDisciplines",
          category: "sixDisciplines.3",
          severity: "general",
        }),
      409,
      "round.closed",
    );
    // Still no access to another group's records, and none for contacts to the group's drafts.
    const other = await buildFinding(db(), {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupB.id,
      targetId: w.targetB.id,
      createdBy: w.accounts.memberB.id,
    });
    await refused(member, (s) => s.get(`/api/findings/${other.id}`), 404, "finding.not_found");
    await refused(
      await as(w, "contactA"),
      (s) => s.get(`/api/findings/${finding.id}`),
      404,
      "finding.not_found",
    );
  });
});
