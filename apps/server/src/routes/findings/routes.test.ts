import { clues, count, eq, findings, rounds, sql } from "@xuncha/db";
import { buildFeedback, buildFinding } from "@xuncha/db/testing";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../../test/client";
import { type AccountKey, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;

const body = (w: World, overrides: Record<string, unknown> = {}) => ({
  roundId: w.round.id,
  targetId: w.targetA.id,
  title: "违规发放津补贴",
  description: "2025年以加班费名义发放津补贴12万元。",
  scheme: "sixDisciplines",
  category: "sixDisciplines.3",
  severity: "serious",
  ...overrides,
});

const edit = {
  title: "超标准公务接待",
  description: "2025年超标准接待12次。",
  scheme: "sixDisciplines",
  category: "sixDisciplines.3",
  severity: "general",
};

/** A finding built directly in the database, in group A on target A unless told otherwise. */
const make = (
  w: World,
  overrides: Partial<Parameters<typeof buildFinding>[1]> & { inGroup?: "A" | "B" } = {},
) => {
  const { inGroup = "A", ...rest } = overrides;
  return buildFinding(kit.t.database.db, {
    committeeId: w.committee.id,
    roundId: w.round.id,
    groupId: inGroup === "A" ? w.groupA.id : w.groupB.id,
    targetId: inGroup === "A" ? w.targetA.id : w.targetB.id,
    createdBy: inGroup === "A" ? w.accounts.memberA.id : w.accounts.memberB.id,
    ...rest,
  });
};

const findingCount = async (roundId: string) =>
  Number(
    (await kit.t.database.db.select({ n: count() }).from(findings).where(eq(findings.roundId, roundId)))[0]!
      .n,
  );

const nextNumber = async (roundId: string) =>
  (
    await kit.t.database.db.select({ n: rounds.nextFindingNumber }).from(rounds).where(eq(rounds.id, roundId))
  )[0]!.n;

type Item = { id: string; number: number; abilities: Record<string, boolean> };
const ids = (res: LightMyRequestResponse) => (res.json().items as Item[]).map((i) => i.id).sort();

describe("recording a finding", () => {
  it("a group member records a draft on their group's target, with an audit entry", async () => {
    const w = await buildWorld(kit.t.database.db);
    const member = await as(w, "memberA");
    const res = await member.post("/api/findings", body(w));
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f).toEqual({
      id: expect.any(String),
      number: 1,
      title: "违规发放津补贴",
      description: "2025年以加班费名义发放津补贴12万元。",
      roundId: w.round.id,
      target: { id: w.targetA.id, name: w.targetA.name },
      group: { id: w.groupA.id, name: w.groupA.name },
      scheme: "sixDisciplines",
      category: "sixDisciplines.3",
      categoryName: "廉洁纪律",
      severity: "serious",
      status: "draft",
      returnReason: "",
      route: null,
      routeDept: "",
      fedBack: false,
      closedAt: null,
      createdAt: expect.any(String),
      abilities: { edit: true, approve: false, return: false, decide: false },
      files: [],
    });
    const [entry] = await audited("finding.create", f.id);
    expect(entry).toMatchObject({ actorId: member.id, committeeId: w.committee.id, entity: "finding" });
    expect(entry!.summary).toMatchObject({ number: 1, title: "违规发放津补贴", targetId: w.targetA.id });
  });

  it("numbers findings 1, 2, 3 within the round, across groups", async () => {
    const w = await buildWorld(kit.t.database.db);
    const a = await as(w, "memberA");
    const b = await as(w, "memberB");
    const leaderA = await as(w, "leaderA");
    const n1 = (await a.post("/api/findings", body(w))).json().number;
    const n2 = (await b.post("/api/findings", body(w, { targetId: w.targetB.id }))).json().number;
    const n3 = (await leaderA.post("/api/findings", body(w))).json().number;
    expect([n1, n2, n3]).toEqual([1, 2, 3]);
    expect(await nextNumber(w.round.id)).toBe(4);
  });

  it("a member cannot record on a target not assigned to their group", async () => {
    const w = await buildWorld(kit.t.database.db);
    const member = await as(w, "memberA");
    const e = await refused(
      member,
      (s) => s.post("/api/findings", body(w, { targetId: w.targetB.id })),
      404,
      "target.not_found",
    );
    expect(e.message).toBe("该对象不是本组的巡察对象");
    expect(await findingCount(w.round.id)).toBe(0);
    expect(await nextNumber(w.round.id)).toBe(1);
  });

  it("the category must belong to the chosen scheme", async () => {
    const w = await buildWorld(kit.t.database.db);
    const member = await as(w, "memberA");
    const e = await refused(
      member,
      (s) => s.post("/api/findings", body(w, { scheme: "threeFocuses", category: "sixDisciplines.3" })),
      400,
      "request.invalid",
    );
    expect(e.message).toBe("问题类别不在所选分类体系中");
    expect(e.details).toEqual({ field: "category" });
    await refused(
      member,
      (s) => s.post("/api/findings", body(w, { scheme: "fiveThings" })),
      400,
      "request.invalid",
    );
    await refused(
      member,
      (s) => s.post("/api/findings", body(w, { category: "sixDisciplines.99" })),
      400,
      "request.invalid",
    );
    // Another scheme with its own category is fine.
    const ok = await member.post(
      "/api/findings",
      body(w, { scheme: "threeFocuses", category: "threeFocuses.2" }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().categoryName).toBe("聚焦群众身边腐败问题和不正之风");
  });

  it("refuses invalid bodies with a Chinese message naming the field", async () => {
    const w = await buildWorld(kit.t.database.db);
    const member = await as(w, "memberA");
    const { title: _, ...noTitle } = body(w);
    const missing = await refused(member, (s) => s.post("/api/findings", noTitle), 400, "request.invalid");
    expect(missing.message).toMatch(/^请求内容有误：字段“title”/);
    expect(
      (
        await refused(
          member,
          (s) => s.post("/api/findings", body(w, { title: "   " })),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("请填写问题标题");
    expect(
      (
        await refused(
          member,
          (s) => s.post("/api/findings", body(w, { title: "长".repeat(201) })),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("问题标题不能超过 200 个字");
    expect(
      (
        await refused(
          member,
          (s) => s.post("/api/findings", body(w, { status: "approved" })),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("status");
    expect(
      (
        await refused(
          member,
          (s) => s.post("/api/findings", body(w, { severity: "mild" })),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("severity");
    expect(
      (
        await refused(
          member,
          (s) => s.post("/api/findings", body(w, { roundId: "r1" })),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("roundId");
    expect(await findingCount(w.round.id)).toBe(0);
  });

  it("only group roles record findings", async () => {
    const w = await buildWorld(kit.t.database.db);
    for (const key of ["office", "leadership", "contactA", "discipline"] as const) {
      await refused(await as(w, key), (s) => s.post("/api/findings", body(w)), 403, "auth.forbidden");
    }
    expect(await findingCount(w.round.id)).toBe(0);
  });

  it("a closed round takes no new findings", async () => {
    const w = await buildWorld(kit.t.database.db);
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(await as(w, "memberA"), (s) => s.post("/api/findings", body(w)), 409, "round.closed");
    expect(await findingCount(w.round.id)).toBe(0);
  });

  it("a closed round is read-only for its group: no edit, no approval (ROLES.md)", async () => {
    const w = await buildWorld(kit.t.database.db);
    const draft = await make(w);
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    const member = await as(w, "memberA");
    // Still readable …
    expect((await member.get(`/api/findings/${draft.id}`)).statusCode).toBe(200);
    // … but not changeable.
    await refused(member, (s) => s.patch(`/api/findings/${draft.id}`, edit), 409, "round.closed");
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/findings/${draft.id}/approve`),
      409,
      "round.closed",
    );
  });
});

describe("reading findings", () => {
  it("shows a finding to its group and the committee, 404 to everyone else", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { title: "甲组问题" });
    for (const key of ["memberA", "leaderA", "office", "officeHead", "leadership"] as const) {
      const res = await (await as(w, key)).get(`/api/findings/${f.id}`);
      expect(res.statusCode, key).toBe(200);
      expect(res.json()).toMatchObject({ id: f.id, title: "甲组问题", files: [] });
    }
    for (const key of [
      "memberB",
      "leaderB",
      "otherOffice",
      "otherLeadership",
      "contactA",
      "contactB",
      "discipline",
      "organization",
    ] as const) {
      const res = await (await as(w, key)).get(`/api/findings/${f.id}`);
      expect(res.statusCode, key).toBe(404);
      expect(errorOf(res).code).toBe("finding.not_found");
    }
    const sys = await (await as(w, "sysAdmin")).get(`/api/findings/${f.id}`);
    expect(sys.statusCode).toBe(403);
    const unknown = await (await as(w, "office")).get("/api/findings/00000000-0000-4000-8000-000000000000");
    expect(unknown.statusCode).toBe(404);
    const bad = await (await as(w, "office")).get("/api/findings/123");
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).code).toBe("request.invalid");
  });

  it("a target's contact sees its finding once fed back, never before", async () => {
    const w = await buildWorld(kit.t.database.db);
    const fb = await buildFeedback(kit.t.database.db, {
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.office.id,
    });
    const fed = await make(w, { status: "approved", route: "rectify", feedbackId: fb.id });
    const notYet = await make(w, { status: "approved", route: "rectify" });
    const contactA = await as(w, "contactA");
    expect((await contactA.get(`/api/findings/${fed.id}`)).json()).toMatchObject({
      fedBack: true,
      abilities: { edit: false },
    });
    expect((await contactA.get(`/api/findings/${notYet.id}`)).statusCode).toBe(404);
    expect((await (await as(w, "contactB")).get(`/api/findings/${fed.id}`)).statusCode).toBe(404);
    expect(ids(await contactA.get("/api/findings"))).toEqual([fed.id]);
  });

  describe("the list", () => {
    let w: World;
    const f: Record<string, { id: string }> = {};
    beforeAll(async () => {
      w = await buildWorld(kit.t.database.db);
      f.d1 = await make(w, { title: "食堂超标准接待", status: "draft" });
      f.d2 = await make(w, { title: "车辆管理不规范", description: "存在公车私用现象", status: "draft" });
      f.a1 = await make(w, { title: "三重一大决策不规范", status: "approved" });
      f.a2 = await make(w, { title: "违规发放补贴", status: "approved", route: "rectify" });
      f.r1 = await make(w, { title: "会议记录缺失", status: "returned" });
      f.b1 = await make(w, { inGroup: "B", title: "乙组食堂问题", status: "draft" });
    });
    const all = () =>
      Object.values(f)
        .map((x) => x.id)
        .sort();
    const pick = (...keys: string[]) => keys.map((k) => f[k]!.id).sort();

    it("lists the committee's findings for the office, with total and paging", async () => {
      const office = await as(w, "office");
      const res = await office.get(`/api/findings?roundId=${w.round.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ total: 6, totalCapped: false, page: 1, pageSize: 20 });
      expect(ids(res)).toEqual(all());
      const p1 = (await office.get(`/api/findings?roundId=${w.round.id}&pageSize=4&page=1`)).json();
      const p2 = (await office.get(`/api/findings?roundId=${w.round.id}&pageSize=4&page=2`)).json();
      expect(p1).toMatchObject({ total: 6, page: 1, pageSize: 4 });
      expect(p1.items).toHaveLength(4);
      expect(p2).toMatchObject({ total: 6, page: 2 });
      expect(p2.items).toHaveLength(2);
      expect([...p1.items, ...p2.items].map((i: Item) => i.id).sort()).toEqual(all());
      const p3 = (await office.get(`/api/findings?roundId=${w.round.id}&pageSize=4&page=3`)).json();
      expect(p3).toMatchObject({ total: 6, items: [] });
    });

    it("filters by status, route, group, target and text", async () => {
      const office = await as(w, "office");
      const q = (query: string) => office.get(`/api/findings?roundId=${w.round.id}&${query}`);
      expect(ids(await q("status=draft"))).toEqual(pick("d1", "d2", "b1"));
      expect((await q("status=draft")).json().total).toBe(3);
      expect(ids(await q("status=returned"))).toEqual(pick("r1"));
      expect(ids(await q("route=undecided"))).toEqual(pick("d1", "d2", "a1", "r1", "b1"));
      expect(ids(await q("route=rectify"))).toEqual(pick("a2"));
      expect(ids(await q("status=approved&route=undecided"))).toEqual(pick("a1"));
      expect(ids(await q(`groupId=${w.groupB.id}`))).toEqual(pick("b1"));
      expect(ids(await q(`targetId=${w.targetA.id}`))).toEqual(pick("d1", "d2", "a1", "a2", "r1"));
      // q searches the title and the description.
      expect(ids(await q(`q=${encodeURIComponent("食堂")}`))).toEqual(pick("d1", "b1"));
      expect(ids(await q(`q=${encodeURIComponent("公车私用")}`))).toEqual(pick("d2"));
      expect((await q(`q=${encodeURIComponent("不存在的词")}`)).json()).toMatchObject({
        total: 0,
        items: [],
      });
    });

    it("refuses unknown filters and bad values", async () => {
      const office = await as(w, "office");
      for (const query of [
        "status=closed",
        "route=elsewhere",
        "page=0",
        "pageSize=500",
        "roundId=abc",
        "sort=number",
      ]) {
        const res = await office.get(`/api/findings?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(errorOf(res).code).toBe("request.invalid");
        expect(errorOf(res).message, query).toContain(query.split("=")[0]!);
      }
    });

    it("a group member lists only their group's findings; another committee lists none", async () => {
      expect(ids(await (await as(w, "memberB")).get("/api/findings"))).toEqual(pick("b1"));
      expect(ids(await (await as(w, "leaderA")).get("/api/findings"))).toEqual(
        pick("d1", "d2", "a1", "a2", "r1"),
      );
      const other = (await (await as(w, "otherOffice")).get(`/api/findings?roundId=${w.round.id}`)).json();
      expect(other).toMatchObject({ total: 0, items: [] });
      const contact = await (await as(w, "contactA")).get("/api/findings");
      expect(contact.json().total).toBe(0);
    });

    it("gives each item the abilities of the caller", async () => {
      const abilitiesOf = async (key: AccountKey) => {
        const items = (await (await as(w, key)).get("/api/findings?pageSize=50")).json().items as Item[];
        return (k: string) => items.find((i) => i.id === f[k]!.id)!.abilities;
      };
      const leader = await abilitiesOf("leaderA");
      expect(leader("d1")).toEqual({ edit: true, approve: true, return: true, decide: false });
      expect(leader("a2")).toEqual({ edit: false, approve: false, return: false, decide: false });
      expect(leader("r1")).toEqual({ edit: true, approve: false, return: false, decide: false });
      const member = await abilitiesOf("memberA");
      expect(member("d1")).toEqual({ edit: true, approve: false, return: false, decide: false });
      const leadership = await abilitiesOf("leadership");
      expect(leadership("a1")).toEqual({ edit: false, approve: false, return: false, decide: true });
      expect(leadership("a2").decide).toBe(false);
      expect(leadership("d1").decide).toBe(false);
      const office = await abilitiesOf("office");
      expect(Object.values(office("a1")).some(Boolean)).toBe(false);
      // Leader B approves only B's drafts.
      const leaderB = await abilitiesOf("leaderB");
      expect(leaderB("b1").approve).toBe(true);
    });

    it("is refused to roles without findings", async () => {
      for (const key of ["sysAdmin", "auditAdmin"] as const) {
        const res = await (await as(w, key)).get("/api/findings");
        expect(res.statusCode).toBe(403);
        expect(errorOf(res).code).toBe("auth.forbidden");
      }
    });
  });

  it("stops counting at 10,000: total 10000 with totalCapped, exact below", async () => {
    const w = await buildWorld(kit.t.database.db);
    // 10,001 findings of group A in one statement (20 of them approved), one of group B.
    await kit.t.database.db.execute(sql`
      insert into findings (committee_id, round_id, group_id, target_id, number, title, description,
                            scheme, category, status, created_by)
      select ${w.committee.id}::uuid, ${w.round.id}::uuid, ${w.groupA.id}::uuid, ${w.targetA.id}::uuid,
             i, '批量问题' || i, '描述', 'sixDisciplines', 'sixDisciplines.3',
             case when i <= 20 then 'approved' else 'draft' end, ${w.accounts.memberA.id}::uuid
      from generate_series(1, 10001) i`);
    await make(w, { inGroup: "B" });
    const office = await as(w, "office");
    const all = (await office.get(`/api/findings?roundId=${w.round.id}`)).json();
    expect(all).toMatchObject({ total: 10000, totalCapped: true, page: 1, pageSize: 20 });
    expect(all.items).toHaveLength(20);
    const approved = (await office.get(`/api/findings?roundId=${w.round.id}&status=approved`)).json();
    expect(approved).toMatchObject({ total: 20, totalCapped: false });
    expect((await (await as(w, "leaderB")).get("/api/findings")).json()).toMatchObject({
      total: 1,
      totalCapped: false,
    });
    expect((await (await as(w, "leaderA")).get("/api/findings")).json()).toMatchObject({
      total: 10000,
      totalCapped: true,
    });
  });
});

describe("editing a finding", () => {
  it("a member revises a draft; it stays a draft, with an audit entry", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w);
    const member = await as(w, "memberA");
    const res = await member.patch(`/api/findings/${f.id}`, edit);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: f.id,
      title: "超标准公务接待",
      severity: "general",
      status: "draft",
    });
    const [entry] = await audited("finding.update", f.id);
    expect(entry).toMatchObject({ actorId: member.id });
    expect(entry!.summary).toMatchObject({
      before: { title: "测试问题" },
      after: { title: "超标准公务接待" },
    });
  });

  it("a returned finding edited by a member goes back to draft for the leader", async () => {
    const w = await buildWorld(kit.t.database.db);
    const member = await as(w, "memberA");
    const leader = await as(w, "leaderA");
    const f = (await member.post("/api/findings", body(w))).json();
    const returned = await leader.post(`/api/findings/${f.id}/return`, { reason: "证据不足，请补充" });
    expect(returned.json()).toMatchObject({ status: "returned", returnReason: "证据不足，请补充" });
    expect(returned.json().abilities.approve).toBe(false);
    // The member reads the leader's reason on the finding itself.
    expect((await member.get(`/api/findings/${f.id}`)).json().returnReason).toBe("证据不足，请补充");
    const res = await member.patch(`/api/findings/${f.id}`, edit);
    expect(res.json()).toMatchObject({ status: "draft", title: "超标准公务接待", returnReason: "" });
    const again = (await leader.get(`/api/findings/${f.id}`)).json();
    expect(again.abilities.approve).toBe(true);
  });

  it("an approved finding cannot be edited", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { status: "approved" });
    const e = await refused(
      await as(w, "memberA"),
      (s) => s.patch(`/api/findings/${f.id}`, edit),
      409,
      "finding.not_editable",
    );
    expect(e.message).toBe("问题已审批，不能再修改");
    expect(
      await refused(
        await as(w, "leaderA"),
        (s) => s.patch(`/api/findings/${f.id}`, edit),
        409,
        "finding.not_editable",
      ),
    ).toBeTruthy();
  });

  it("another group, another committee and non-group roles cannot edit", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w);
    await refused(
      await as(w, "memberB"),
      (s) => s.patch(`/api/findings/${f.id}`, edit),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "leaderB"),
      (s) => s.patch(`/api/findings/${f.id}`, edit),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "office"),
      (s) => s.patch(`/api/findings/${f.id}`, edit),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(`/api/findings/${f.id}`, edit),
      403,
      "auth.forbidden",
    );
    const row = (await kit.t.database.db.select().from(findings).where(eq(findings.id, f.id)))[0]!;
    expect(row.title).toBe("测试问题");
  });

  it("refuses invalid edits", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w);
    const member = await as(w, "memberA");
    const url = `/api/findings/${f.id}`;
    const { description: _, ...noDescription } = edit;
    expect(
      (await refused(member, (s) => s.patch(url, noDescription), 400, "request.invalid")).message,
    ).toContain("description");
    expect(
      (
        await refused(
          member,
          (s) => s.patch(url, { ...edit, targetId: w.targetB.id }),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("targetId");
    await refused(member, (s) => s.patch(url, { ...edit, scheme: "villageFocus" }), 400, "request.invalid");
  });
});

describe("approving and returning", () => {
  it("the leader approves a signed and reviewed draft once; a second approval is refused", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w);
    const leader = await as(w, "leaderA");
    // The workpaper first: two drafters sign, the reviewer (the leader: group A has no deputy) reviews.
    expect((await (await as(w, "memberA")).post(`/api/findings/${f.id}/workpaper/sign`)).statusCode).toBe(
      200,
    );
    expect((await leader.post(`/api/findings/${f.id}/workpaper/sign`)).statusCode).toBe(200);
    expect(
      (await leader.post(`/api/findings/${f.id}/workpaper/review`, { decision: "pass" })).statusCode,
    ).toBe(200);
    const res = await leader.post(`/api/findings/${f.id}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: f.id,
      status: "approved",
      abilities: { approve: false, edit: false },
    });
    const [entry] = await audited("finding.approve", f.id);
    expect(entry).toMatchObject({ actorId: leader.id, committeeId: w.committee.id });
    const row = (await kit.t.database.db.select().from(findings).where(eq(findings.id, f.id)))[0]!;
    expect(row.approvedBy).toBe(leader.id);
    expect(row.approvedAt).not.toBeNull();
    const e = await refused(
      leader,
      (s) => s.post(`/api/findings/${f.id}/approve`),
      409,
      "finding.not_approvable",
    );
    expect(e.message).toBe("只有待审批的问题才能审批");
  });

  it("the leader of group B cannot approve group A's finding; members and the office cannot approve", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w);
    await refused(
      await as(w, "leaderB"),
      (s) => s.post(`/api/findings/${f.id}/approve`),
      404,
      "finding.not_found",
    );
    await refused(
      await as(w, "memberA"),
      (s) => s.post(`/api/findings/${f.id}/approve`),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "office"),
      (s) => s.post(`/api/findings/${f.id}/approve`),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.post(`/api/findings/${f.id}/approve`),
      403,
      "auth.forbidden",
    );
    const row = (await kit.t.database.db.select().from(findings).where(eq(findings.id, f.id)))[0]!;
    expect(row.status).toBe("draft");
  });

  it("a returned finding is not approved until revised", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { status: "returned" });
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/findings/${f.id}/approve`),
      409,
      "finding.not_approvable",
    );
  });

  it("the leader returns a draft with a reason, recorded in the audit entry", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w);
    const leader = await as(w, "leaderA");
    const res = await leader.post(`/api/findings/${f.id}/return`, { reason: "事实不清" });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("returned");
    const [entry] = await audited("finding.return", f.id);
    expect(entry).toMatchObject({ actorId: leader.id, summary: { reason: "事实不清" } });
    // Returning again, or returning an approved finding, is refused.
    await refused(
      leader,
      (s) => s.post(`/api/findings/${f.id}/return`, { reason: "再退" }),
      409,
      "finding.not_approvable",
    );
    const approved = await make(w, { status: "approved" });
    await refused(
      leader,
      (s) => s.post(`/api/findings/${approved.id}/return`, { reason: "再退" }),
      409,
      "finding.not_approvable",
    );
  });

  it("a return needs a reason, from the leader of the finding's group", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w);
    const leader = await as(w, "leaderA");
    const url = `/api/findings/${f.id}/return`;
    expect((await refused(leader, (s) => s.post(url, {}), 400, "request.invalid")).message).toContain(
      "reason",
    );
    expect(
      (await refused(leader, (s) => s.post(url, { reason: " " }), 400, "request.invalid")).message,
    ).toContain("请填写退回理由");
    await refused(leader, (s) => s.post(url, { reason: "x", status: "draft" }), 400, "request.invalid");
    await refused(await as(w, "leaderB"), (s) => s.post(url, { reason: "x" }), 404, "finding.not_found");
    await refused(await as(w, "memberA"), (s) => s.post(url, { reason: "x" }), 403, "auth.forbidden");
  });
});

describe("the leading group's decision", () => {
  it("decides the route of an approved finding once", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { status: "approved" });
    const leadership = await as(w, "leadership");
    const res = await leadership.post(`/api/findings/${f.id}/decision`, { route: "rectify" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: f.id,
      route: "rectify",
      routeDept: "",
      abilities: { decide: false },
    });
    const [entry] = await audited("finding.decide", f.id);
    expect(entry).toMatchObject({ actorId: leadership.id, summary: { route: "rectify" } });
    const e = await refused(
      leadership,
      (s) => s.post(`/api/findings/${f.id}/decision`, { route: "clue" }),
      409,
      "finding.not_decidable",
    );
    expect(e.message).toBe("只有已审批、尚未反馈的问题才能决定处置方式");
    const row = (await kit.t.database.db.select().from(findings).where(eq(findings.id, f.id)))[0]!;
    expect(row).toMatchObject({ route: "rectify", decidedBy: leadership.id });
  });

  it("only approved, not yet fed-back findings are decided", async () => {
    const w = await buildWorld(kit.t.database.db);
    const leadership = await as(w, "leadership");
    const draft = await make(w);
    await refused(
      leadership,
      (s) => s.post(`/api/findings/${draft.id}/decision`, { route: "rectify" }),
      409,
      "finding.not_decidable",
    );
    const fb = await buildFeedback(kit.t.database.db, {
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.office.id,
    });
    const fed = await make(w, { status: "approved", feedbackId: fb.id });
    await refused(
      leadership,
      (s) => s.post(`/api/findings/${fed.id}/decision`, { route: "rectify" }),
      409,
      "finding.not_decidable",
    );
  });

  it("only the leading group of the finding's committee decides", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { status: "approved" });
    const url = `/api/findings/${f.id}/decision`;
    for (const key of ["office", "officeHead", "leaderA", "discipline"] as const) {
      await refused(await as(w, key), (s) => s.post(url, { route: "rectify" }), 403, "auth.forbidden");
    }
    await refused(
      await as(w, "otherLeadership"),
      (s) => s.post(url, { route: "rectify" }),
      404,
      "finding.not_found",
    );
    const row = (await kit.t.database.db.select().from(findings).where(eq(findings.id, f.id)))[0]!;
    expect(row.route).toBeNull();
  });

  it("a transfer to a department needs the receiving department", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { status: "approved" });
    const leadership = await as(w, "leadership");
    const url = `/api/findings/${f.id}/decision`;
    const e = await refused(leadership, (s) => s.post(url, { route: "department" }), 400, "request.invalid");
    expect(e.message).toBe("移交职能部门时须填写接收部门");
    expect(e.details).toEqual({ field: "routeDept" });
    await refused(
      leadership,
      (s) => s.post(url, { route: "department", routeDept: "   " }),
      400,
      "request.invalid",
    );
    const res = await leadership.post(url, { route: "department", routeDept: " 组织部 " });
    expect(res.json()).toMatchObject({ route: "department", routeDept: "组织部" });
    // 组织部 now sees the finding routed to it.
    expect((await (await as(w, "organization")).get(`/api/findings/${f.id}`)).statusCode).toBe(200);
  });

  it("a clue decision creates the clue for the receiver and hides the finding from the office", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f1 = await make(w, { status: "approved" });
    const f2 = await make(w, { status: "approved" });
    const leadership = await as(w, "leadership");
    expect((await leadership.post(`/api/findings/${f1.id}/decision`, { route: "clue" })).json().route).toBe(
      "clue",
    );
    await leadership.post(`/api/findings/${f2.id}/decision`, {
      route: "clue",
      clueReceiver: "organizationDept",
    });
    const rows = await kit.t.database.db.select().from(clues).where(eq(clues.roundId, w.round.id));
    const byFinding = (id: string) => rows.find((r) => r.findingId === id)!;
    expect(byFinding(f1.id)).toMatchObject({ receiver: "disciplineCommission", targetId: w.targetA.id });
    expect(byFinding(f2.id)).toMatchObject({ receiver: "organizationDept" });
    expect(byFinding(f1.id).number).toMatch(/^XC-\d{4}-01-001$/);
    expect(byFinding(f2.id).number).toMatch(/^XC-\d{4}-01-002$/);
    const [entry] = await audited("finding.decide", f1.id);
    expect(entry!.summary).toMatchObject({ route: "clue", clueId: byFinding(f1.id).id });
    expect((await (await as(w, "office")).get(`/api/findings/${f1.id}`)).statusCode).toBe(404);
    expect((await (await as(w, "officeHead")).get(`/api/findings/${f1.id}`)).statusCode).toBe(200);
    expect((await (await as(w, "discipline")).get(`/api/findings/${f1.id}`)).statusCode).toBe(200);
  });

  it("refuses an unknown route, receiver or field", async () => {
    const w = await buildWorld(kit.t.database.db);
    const f = await make(w, { status: "approved" });
    const leadership = await as(w, "leadership");
    const url = `/api/findings/${f.id}/decision`;
    expect(
      (await refused(leadership, (s) => s.post(url, { route: "archive" }), 400, "request.invalid")).message,
    ).toContain("route");
    expect(
      (
        await refused(
          leadership,
          (s) => s.post(url, { route: "clue", clueReceiver: "police" }),
          400,
          "request.invalid",
        )
      ).message,
    ).toContain("clueReceiver");
    expect(
      (await refused(leadership, (s) => s.post(url, { route: "rectify", note: "x" }), 400, "request.invalid"))
        .message,
    ).toContain("note");
    expect(await kit.t.database.db.select().from(clues).where(eq(clues.findingId, f.id))).toEqual([]);
  });
});
