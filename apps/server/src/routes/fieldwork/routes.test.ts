import { committees, eq, partnerDepartments, rounds } from "@xuncha/db";
import { buildAccount, buildCommittee } from "@xuncha/db/testing";
import { describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { multipart, PNG } from "../../../test/multipart";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, auditBy, refused } = kit;

const RECORD = "谈话记录：该同志反映单位存在违规公款吃喝问题。";

async function upload(s: As) {
  const { payload, headers } = multipart("谈话笔录.png", PNG, "image/png");
  const res = await s.request("POST", "/api/files", payload, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Accounts the world lacks: a partner department's and the upper level's. */
async function outsiders(w: World) {
  const db = kit.t.database.db;
  const [dept] = await db
    .insert(partnerDepartments)
    .values({ committeeId: w.committee.id, name: `县审计局${w.committee.id.slice(0, 4)}`, kind: "audit" })
    .returning();
  const partner = await buildAccount(db, {
    committeeId: w.committee.id,
    role: "partnerDept",
    partnerDepartmentId: dept!.id,
  });
  const upper = await buildAccount(db, { committeeId: w.committee.id, role: "upperLevel" });
  const login = async (a: { id: string; username: string }): Promise<As> =>
    Object.assign(await loginAs(kit.t.app, a.username), { id: a.id });
  return { partner: await login(partner), upper: await login(upper) };
}

async function schedule(w: World, extra: Record<string, unknown> = {}) {
  const memberA = await as(w, "memberA");
  const res = await memberA.post("/api/interviews", {
    roundId: w.round.id,
    targetId: w.targetA.id,
    scheduledOn: "2026-04-10",
    scheduledAt: "09:30",
    place: "甲单位小会议室",
    intervieweeName: "张三",
    intervieweePost: "党组书记",
    principal: true,
    inspectorIds: [w.people.leaderA.id, w.people.memberA.id],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; status: string; hasRecord: boolean; abilities: { edit: boolean } };
}

describe("interviews", () => {
  it("a group schedules an interview on its own target with at least two of its inspectors", async () => {
    const w = await buildWorld(kit.t.database.db);
    const interview = await schedule(w);
    expect(interview).toMatchObject({ status: "scheduled", hasRecord: false, abilities: { edit: true } });
    expect(await audited("interview.schedule", interview.id)).toHaveLength(1);
    const memberA = await as(w, "memberA");
    const body = {
      roundId: w.round.id,
      targetId: w.targetA.id,
      scheduledOn: "2026-04-11",
      intervieweeName: "李四",
      inspectorIds: [w.people.memberA.id],
    };
    await refused(memberA, (s) => s.post("/api/interviews", body), 422, "interview.inspectors_required");
    await refused(
      memberA,
      (s) => s.post("/api/interviews", { ...body, inspectorIds: [w.people.memberA.id, w.people.memberB.id] }),
      404,
      "group.member_not_found",
    );
    await refused(
      memberA,
      (s) =>
        s.post("/api/interviews", {
          ...body,
          targetId: w.targetB.id,
          inspectorIds: [w.people.leaderA.id, w.people.memberA.id],
        }),
      404,
      "target.not_found",
    );
    for (const key of ["office", "leadership", "contactA"] as const)
      await refused(await as(w, key), (s) => s.post("/api/interviews", body), 403, "auth.forbidden");
  });

  it("the record is read only by the group, the office head and the leading group, each read audited; lists show no record", async () => {
    const w = await buildWorld(kit.t.database.db);
    const o = await outsiders(w);
    const interview = await schedule(w);
    const leaderA = await as(w, "leaderA");
    const fileId = await upload(leaderA);
    const saved = await leaderA.patch(`/api/interviews/${interview.id}`, {
      record: RECORD,
      fileIds: [fileId],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: "held", hasRecord: true, fileCount: 1 });
    expect(saved.body).not.toContain("公款吃喝");
    const [update] = await audited("interview.update", interview.id);
    expect(JSON.stringify(update!.summary)).not.toContain("公款吃喝");
    expect(update!.summary).toMatchObject({ recordChanged: true, status: "held" });

    const list = await leaderA.get(`/api/interviews?roundId=${w.round.id}`);
    expect(list.json()).toHaveLength(1);
    expect(list.body).not.toContain("公款吃喝");
    expect(
      list
        .json()[0]
        .inspectors.map((p: { personId: string }) => p.personId)
        .sort(),
    ).toEqual([w.people.leaderA.id, w.people.memberA.id].sort());

    for (const key of ["memberA", "officeHead", "leadership"] as const) {
      const s = await as(w, key);
      const res = await s.get(`/api/interviews/${interview.id}`);
      expect(res.statusCode, `${key}: ${res.body}`).toBe(200);
      expect(res.json().record).toBe(RECORD);
      expect(res.json().files.map((f: { id: string }) => f.id)).toEqual([fileId]);
      expect((await auditBy(s.id, "interview.read")).map((e) => e.entityId)).toEqual([interview.id]);
    }
    const asLeadership = await (await as(w, "leadership")).get(`/api/interviews?roundId=${w.round.id}`);
    expect(asLeadership.json()[0].abilities.edit).toBe(false);

    const outside: As[] = [
      await as(w, "office"),
      await as(w, "contactA"),
      await as(w, "memberB"),
      await as(w, "leaderB"),
      await as(w, "otherOffice"),
      await as(w, "otherLeadership"),
      await as(w, "discipline"),
      o.partner,
      o.upper,
    ];
    for (const s of outside) {
      await refused(s, (x) => x.get(`/api/interviews/${interview.id}`), 404, "interview.not_found");
      await refused(
        s,
        (x) => x.get(`/api/interviews/${interview.id}/files/${fileId}`),
        404,
        "file.not_found",
      );
      const l = await s.get(`/api/interviews?roundId=${w.round.id}`);
      expect(l.statusCode).toBe(200);
      expect(l.json()).toEqual([]);
    }
    await refused(
      await as(w, "memberB"),
      (s) => s.patch(`/api/interviews/${interview.id}`, { place: "x" }),
      404,
      "interview.not_found",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.patch(`/api/interviews/${interview.id}`, { place: "x" }),
      403,
      "auth.forbidden",
    );

    const file = await (await as(w, "memberA")).get(`/api/interviews/${interview.id}/files/${fileId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(await audited("interview.read_file", interview.id)).toHaveLength(1);
  });

  it("changes the inspectors (still two of the group) and is read-only once the round is closed", async () => {
    const w = await buildWorld(kit.t.database.db);
    const interview = await schedule(w);
    const memberA = await as(w, "memberA");
    await refused(
      memberA,
      (s) => s.patch(`/api/interviews/${interview.id}`, { inspectorIds: [w.people.leaderA.id] }),
      422,
      "interview.inspectors_required",
    );
    const cancelled = await memberA.patch(`/api/interviews/${interview.id}`, { status: "cancelled" });
    expect(cancelled.json().status).toBe("cancelled");
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(
      memberA,
      (s) => s.patch(`/api/interviews/${interview.id}`, { record: "补充" }),
      409,
      "round.closed",
    );
    const read = await memberA.get(`/api/interviews/${interview.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.edit).toBe(false);
  });

  it("the leading group of a committee above reads neither the record nor the list", async () => {
    const w = await buildWorld(kit.t.database.db);
    const db = kit.t.database.db;
    const parent = await buildCommittee(db);
    await db.update(committees).set({ parentId: parent.id }).where(eq(committees.id, w.committee.id));
    const upperLeadership = await buildAccount(db, { committeeId: parent.id, role: "leadership" });
    const s: As = Object.assign(await loginAs(kit.t.app, upperLeadership.username), {
      id: upperLeadership.id,
    });
    const interview = await schedule(w);
    await refused(s, (x) => x.get(`/api/interviews/${interview.id}`), 404, "interview.not_found");
    expect((await s.get(`/api/interviews?roundId=${w.round.id}`)).json()).toEqual([]);
  });
});

describe("document reviews and visits", () => {
  it("are dated records of the group, seen by the group and the office, never by another group or a target", async () => {
    const w = await buildWorld(kit.t.database.db);
    const o = await outsiders(w);
    const memberA = await as(w, "memberA");
    const fileId = await upload(memberA);
    const review = await memberA.post("/api/fieldwork-records", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      kind: "docReview",
      heldOn: "2026-04-12",
      subject: "2024 年度财务凭证",
      notes: "抽查凭证 200 份。",
      inspectorIds: [w.people.memberA.id],
      fileIds: [fileId],
    });
    expect(review.statusCode, review.body).toBe(200);
    const visit = await memberA.post("/api/fieldwork-records", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      kind: "visit",
      heldOn: "2026-04-13",
      subject: "甲单位下属养老院",
      inspectorIds: [w.people.memberA.id, w.people.leaderA.id],
    });
    expect(visit.statusCode, visit.body).toBe(200);
    const reviewId = review.json().id as string;
    expect(await audited("fieldwork.docReview.create", reviewId)).toHaveLength(1);
    await refused(
      memberA,
      (s) =>
        s.post("/api/fieldwork-records", {
          roundId: w.round.id,
          targetId: w.targetB.id,
          kind: "visit",
          heldOn: "2026-04-13",
          subject: "x",
          inspectorIds: [w.people.memberA.id],
        }),
      404,
      "target.not_found",
    );

    const list = async (s: As, q = "") =>
      (await s.get(`/api/fieldwork-records?roundId=${w.round.id}${q}`)).json();
    expect((await list(await as(w, "leaderA"))).map((r: { kind: string }) => r.kind)).toEqual([
      "visit",
      "docReview",
    ]);
    expect(
      (await list(await as(w, "office"), "&kind=docReview")).map((r: { subject: string }) => r.subject),
    ).toEqual(["2024 年度财务凭证"]);
    for (const s of [
      await as(w, "memberB"),
      await as(w, "contactA"),
      await as(w, "otherOffice"),
      o.partner,
      o.upper,
    ]) {
      expect(await list(s)).toEqual([]);
      await refused(
        s,
        (x) => x.get(`/api/fieldwork-records/${reviewId}/files/${fileId}`),
        404,
        "file.not_found",
      );
    }
    await refused(
      await as(w, "memberB"),
      (s) => s.patch(`/api/fieldwork-records/${reviewId}`, { notes: "x" }),
      404,
      "fieldwork_record.not_found",
    );
    await refused(
      await as(w, "office"),
      (s) => s.patch(`/api/fieldwork-records/${reviewId}`, { notes: "x" }),
      403,
      "auth.forbidden",
    );
    const edited = await memberA.patch(`/api/fieldwork-records/${reviewId}`, { notes: "抽查凭证 300 份。" });
    expect(edited.json().notes).toBe("抽查凭证 300 份。");
    const file = await (await as(w, "office")).get(`/api/fieldwork-records/${reviewId}/files/${fileId}`);
    expect(file.statusCode).toBe(200);

    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(
      memberA,
      (s) => s.patch(`/api/fieldwork-records/${reviewId}`, { notes: "y" }),
      409,
      "round.closed",
    );
  });
});

describe("fieldwork counts", () => {
  it("counts interviews held, principal interviews, reviews and visits per group and target, within scope", async () => {
    const w = await buildWorld(kit.t.database.db);
    const a1 = await schedule(w);
    await schedule(w, { intervieweeName: "王五", principal: false });
    await (await as(w, "memberA")).patch(`/api/interviews/${a1.id}`, { record: RECORD });
    const memberB = await as(w, "memberB");
    const b = await memberB.post("/api/fieldwork-records", {
      roundId: w.round.id,
      targetId: w.targetB.id,
      kind: "visit",
      heldOn: "2026-04-13",
      subject: "乙单位项目工地",
      inspectorIds: [w.people.memberB.id],
    });
    expect(b.statusCode, b.body).toBe(200);

    const counts = async (s: As) => (await s.get(`/api/fieldwork/counts?roundId=${w.round.id}`)).json();
    const office = await counts(await as(w, "office"));
    expect(office.totals).toEqual({
      interviewsHeld: 1,
      interviewsScheduled: 1,
      principalInterviews: 1,
      docReviews: 0,
      visits: 1,
    });
    expect(office.rows.find((r: { targetId: string }) => r.targetId === w.targetA.id)).toMatchObject({
      groupId: w.groupA.id,
      interviewsHeld: 1,
      principalInterviews: 1,
      interviewsScheduled: 1,
    });
    const forB = await counts(memberB);
    expect(forB.rows.map((r: { targetId: string }) => r.targetId)).toEqual([w.targetB.id]);
    expect(forB.totals.interviewsHeld).toBe(0);
    for (const key of ["contactA", "otherOffice"] as const)
      expect((await counts(await as(w, key))).rows).toEqual([]);
  });
});
