import { eq, findings, partnerDepartments, rounds } from "@xuncha/db";
import { buildAccount, buildTarget } from "@xuncha/db/testing";
import { addDays, chinaDate } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { multipart, PNG } from "../../../test/multipart";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, auditBy, refused } = kit;

/** The China day `offset` days from today, as the server counts days. */
const day = (offset: number) => addDays(chinaDate(), offset);

interface Request {
  id: string;
  status: "pending" | "answered" | "overdue";
  answeredTargets: number;
  department: { id: string; name: string };
  targets: {
    targetId: string;
    status: string;
    answerCount: number;
    late: boolean;
    answers?: { id: string; content: string; late: boolean; files: { id: string; name: string }[] }[];
  }[];
  abilities: { answer: boolean; manage: boolean };
}

/** Two partner departments of the world's committee, each with its own account. */
async function withDepartments(w: World) {
  const db = kit.t.database.db;
  const c = w.committee.id;
  const [audit] = await db
    .insert(partnerDepartments)
    .values({ committeeId: c, name: "县审计局", kind: "audit" })
    .returning();
  const [petition] = await db
    .insert(partnerDepartments)
    .values({ committeeId: c, name: "县信访局", kind: "petition" })
    .returning();
  const auditAccount = await buildAccount(db, {
    committeeId: c,
    role: "partnerDept",
    partnerDepartmentId: audit!.id,
  });
  const petitionAccount = await buildAccount(db, {
    committeeId: c,
    role: "partnerDept",
    partnerDepartmentId: petition!.id,
  });
  const login = async (a: { id: string; username: string }): Promise<As> =>
    Object.assign(await loginAs(kit.t.app, a.username), { id: a.id });
  return {
    audit: audit!,
    petition: petition!,
    asAudit: await login(auditAccount),
    asPetition: await login(petitionAccount),
    login,
  };
}

async function request(w: World, departmentId: string, dueOn = day(7)) {
  const office = await as(w, "office");
  const res = await office.post("/api/briefings", {
    roundId: w.round.id,
    partnerDepartmentId: departmentId,
    targetIds: [w.targetA.id, w.targetB.id],
    topics: ["audit", "clue"],
    note: "请通报近三年审计发现的问题",
    dueOn,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Request;
}

async function upload(s: As) {
  const { payload, headers } = multipart("审计报告.png", PNG, "image/png");
  const res = await s.request("POST", "/api/files", payload, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe("partner departments", () => {
  it("the office adds and renames its departments; names are unique in the committee; others cannot", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const created = await office.post("/api/partner-departments", { name: "县财政局", kind: "finance" });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    await refused(
      office,
      (s) => s.post("/api/partner-departments", { name: "县财政局", kind: "finance" }),
      409,
      "partner_department.name_taken",
    );
    const renamed = await office.patch(`/api/partner-departments/${id}`, {
      name: "县财政局（国资办）",
      kind: "finance",
    });
    expect(renamed.json().name).toBe("县财政局（国资办）");
    expect(await audited("partner_department.update", id)).toHaveLength(1);
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(`/api/partner-departments/${id}`, { name: "x", kind: "other" }),
      404,
      "partner_department.not_found",
    );
    await refused(
      await as(w, "memberA"),
      (s) => s.post("/api/partner-departments", { name: "y", kind: "other" }),
      403,
      "auth.forbidden",
    );
    const list = await (await as(w, "leadership")).get("/api/partner-departments");
    expect(list.json().map((d: { name: string }) => d.name)).toEqual(["县财政局（国资办）"]);
    expect(
      (
        await (await as(w, "otherOffice")).get(`/api/partner-departments?committeeId=${w.committee.id}`)
      ).json(),
    ).toEqual([]);
    const forAdmin = await (await as(w, "securityAdmin")).get(
      `/api/partner-departments?committeeId=${w.committee.id}`,
    );
    expect(forAdmin.json()).toHaveLength(1);
  });

  it("the security administrator scopes a partnerDept account to a department of its committee only", async () => {
    const w = await buildWorld(kit.t.database.db);
    const d = await withDepartments(w);
    const [foreign] = await kit.t.database.db
      .insert(partnerDepartments)
      .values({ committeeId: w.other.id, name: "他县审计局", kind: "audit" })
      .returning();
    const account = await buildAccount(kit.t.database.db, { committeeId: w.committee.id });
    const admin = await as(w, "securityAdmin");
    await refused(
      admin,
      (s) =>
        s.post(`/api/accounts/${account.id}/roles`, {
          role: "partnerDept",
          partnerDepartmentId: foreign!.id,
        }),
      404,
      "partner_department.not_found",
    );
    const ok = await admin.post(`/api/accounts/${account.id}/roles`, {
      role: "partnerDept",
      partnerDepartmentId: d.audit.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const r = await request(w, d.audit.id);
    const mine = await (await d.login(account)).get("/api/briefings/mine");
    expect(mine.json().map((x: Request) => x.id)).toEqual([r.id]);

    // Opened with the role at once (system administrator): the department is kept too.
    const created = await (await as(w, "sysAdmin")).post("/api/accounts", {
      username: "audit-bureau",
      displayName: "审计局联络员",
      password: "Test@Passw0rd",
      committeeId: w.committee.id,
      roles: [{ role: "partnerDept", partnerDepartmentId: d.audit.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const opened = await d.login({ id: created.json().id, username: "audit-bureau" });
    expect((await opened.get("/api/briefings/mine")).json().map((x: Request) => x.id)).toEqual([r.id]);
  });
});

describe("briefing requests and answers", () => {
  it("each department sees only the requests addressed to it; another department gets 404", async () => {
    const w = await buildWorld(kit.t.database.db);
    const d = await withDepartments(w);
    const r = await request(w, d.audit.id);
    expect(r.status).toBe("pending");
    expect(r.targets.map((t) => t.status)).toEqual(["pending", "pending"]);
    expect(await audited("briefing.request", r.id)).toHaveLength(1);

    const mine = await d.asAudit.get("/api/briefings/mine");
    expect(mine.json().map((x: Request) => x.id)).toEqual([r.id]);
    expect(mine.json()[0].abilities.answer).toBe(true);
    expect((await d.asPetition.get("/api/briefings/mine")).json()).toEqual([]);
    await refused(d.asPetition, (s) => s.get(`/api/briefings/${r.id}`), 404, "briefing.not_found");
    await refused(
      d.asPetition,
      (s) => s.post(`/api/briefings/${r.id}/answers`, { targetId: w.targetA.id, content: "无" }),
      404,
      "briefing.not_found",
    );
    // the office list is not the departments'
    await refused(d.asAudit, (s) => s.get("/api/briefings"), 403, "auth.forbidden");
    for (const key of ["contactA", "memberA", "otherOffice", "discipline"] as const)
      await refused(await as(w, key), (s) => s.get(`/api/briefings/${r.id}`), 404, "briefing.not_found");
    expect((await (await as(w, "otherOffice")).get("/api/briefings")).json()).toEqual([]);
  });

  it("a department answers per target with text and files; the office sees the status across departments", async () => {
    const w = await buildWorld(kit.t.database.db);
    const d = await withDepartments(w);
    const r = await request(w, d.audit.id);
    const other = await request(w, d.petition.id, day(-1));
    const fileId = await upload(d.asAudit);
    const res = await d.asAudit.post(`/api/briefings/${r.id}/answers`, {
      targetId: w.targetA.id,
      content: "2024年审计发现专项资金滞留 120 万元。",
      fileIds: [fileId],
    });
    expect(res.statusCode, res.body).toBe(200);
    const answered = res.json() as Request;
    const a = answered.targets.find((t) => t.targetId === w.targetA.id)!;
    expect(a.status).toBe("answered");
    expect(a.answers![0]!.late).toBe(false);
    expect(a.answers![0]!.files.map((f) => f.name)).toEqual(["审计报告.png"]);
    expect(answered.status).toBe("pending");
    expect(await audited("briefing.answer", a.answers![0]!.id)).toHaveLength(1);

    // a target the request does not name
    const stranger = await buildTarget(kit.t.database.db, { committeeId: w.committee.id });
    await refused(
      d.asAudit,
      (s) => s.post(`/api/briefings/${r.id}/answers`, { targetId: stranger.id, content: "x" }),
      404,
      "briefing.target_not_requested",
    );
    // someone else's file
    const foreignFile = await upload(d.asPetition);
    await refused(
      d.asAudit,
      (s) =>
        s.post(`/api/briefings/${r.id}/answers`, {
          targetId: w.targetB.id,
          content: "x",
          fileIds: [foreignFile],
        }),
      404,
      "file.not_found",
    );

    // after the deadline: accepted and marked late
    const late = await d.asPetition.post(`/api/briefings/${other.id}/answers`, {
      targetId: w.targetB.id,
      content: "信访件 3 件。",
    });
    expect(late.statusCode, late.body).toBe(200);
    expect((late.json() as Request).targets.find((t) => t.targetId === w.targetB.id)!.late).toBe(true);

    const list = (
      await (await as(w, "office")).get(`/api/briefings?roundId=${w.round.id}`)
    ).json() as Request[];
    const byId = new Map(list.map((x) => [x.id, x]));
    expect(byId.get(r.id)!.targets.map((t) => [t.targetId === w.targetA.id, t.status])).toEqual(
      expect.arrayContaining([
        [true, "answered"],
        [false, "pending"],
      ]),
    );
    expect(byId.get(other.id)!.status).toBe("overdue");
    expect(byId.get(other.id)!.targets.find((t) => t.targetId === w.targetA.id)!.status).toBe("overdue");
    // the list carries no answer text
    expect(JSON.stringify(list)).not.toContain("专项资金滞留");
    // the leading group reads the detail with the answers
    const detail = await (await as(w, "leadership")).get(`/api/briefings/${r.id}`);
    expect(detail.body).toContain("专项资金滞留");
    expect(detail.json().abilities.manage).toBe(false);
  });

  it("requests only name targets of the round, only in an open round, only by the office", async () => {
    const w = await buildWorld(kit.t.database.db);
    const d = await withDepartments(w);
    const office = await as(w, "office");
    const stranger = await buildTarget(kit.t.database.db, { committeeId: w.committee.id });
    const body = {
      roundId: w.round.id,
      partnerDepartmentId: d.audit.id,
      topics: ["leadership"],
      dueOn: day(3),
    };
    await refused(
      office,
      (s) => s.post("/api/briefings", { ...body, targetIds: [stranger.id] }),
      404,
      "target.not_found",
    );
    const [foreign] = await kit.t.database.db
      .insert(partnerDepartments)
      .values({ committeeId: w.other.id, name: "他县组织部", kind: "organizationDept" })
      .returning();
    await refused(
      office,
      (s) =>
        s.post("/api/briefings", { ...body, partnerDepartmentId: foreign!.id, targetIds: [w.targetA.id] }),
      404,
      "partner_department.not_found",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.post("/api/briefings", { ...body, targetIds: [w.targetA.id] }),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post("/api/briefings", { ...body, targetIds: [w.targetA.id] }),
      404,
      "round.not_found",
    );
    const r = await request(w, d.audit.id);
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(
      office,
      (s) => s.post("/api/briefings", { ...body, targetIds: [w.targetA.id] }),
      409,
      "round.closed",
    );
    await refused(
      d.asAudit,
      (s) => s.post(`/api/briefings/${r.id}/answers`, { targetId: w.targetA.id, content: "迟到的通报" }),
      409,
      "round.closed",
    );
  });
});

describe("the group's view and its pre-inspection problem list", () => {
  async function answeredWorld() {
    const w = await buildWorld(kit.t.database.db);
    const d = await withDepartments(w);
    const r = await request(w, d.audit.id);
    const fileId = await upload(d.asAudit);
    for (const [targetId, content] of [
      [w.targetA.id, "甲单位：违规发放津贴。"],
      [w.targetB.id, "乙单位：工程未招标。"],
    ] as const) {
      const res = await d.asAudit.post(`/api/briefings/${r.id}/answers`, {
        targetId,
        content,
        ...(targetId === w.targetA.id ? { fileIds: [fileId] } : {}),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const answers = (
      await (await as(w, "office")).get(`/api/briefings/answers?roundId=${w.round.id}`)
    ).json() as {
      id: string;
      targetId: string;
      files: { id: string }[];
    }[];
    const answerA = answers.find((a) => a.targetId === w.targetA.id)!;
    const answerB = answers.find((a) => a.targetId === w.targetB.id)!;
    return { w, d, r, answerA, answerB, fileId };
  }

  it("a group reads the answers on its own targets only; reads are audited; a contact reads none", async () => {
    const { w, d, answerA, fileId } = await answeredWorld();
    const memberA = await as(w, "memberA");
    const forA = await memberA.get(`/api/briefings/answers?roundId=${w.round.id}`);
    expect(forA.statusCode).toBe(200);
    expect(forA.json().map((a: { content: string }) => a.content)).toEqual(["甲单位：违规发放津贴。"]);
    expect(forA.json()[0].departmentName).toBe("县审计局");
    expect((await auditBy(memberA.id, "briefing.read")).at(-1)!.summary).toMatchObject({
      answerIds: [answerA.id],
    });
    const forB = await (await as(w, "memberB")).get(`/api/briefings/answers?roundId=${w.round.id}`);
    expect(forB.json().map((a: { content: string }) => a.content)).toEqual(["乙单位：工程未招标。"]);
    for (const key of ["contactA", "otherOffice", "discipline"] as const)
      expect((await (await as(w, key)).get(`/api/briefings/answers?roundId=${w.round.id}`)).json()).toEqual(
        [],
      );
    // the other department does not read them either
    expect((await d.asPetition.get(`/api/briefings/answers?roundId=${w.round.id}`)).json()).toEqual([]);

    const url = `/api/briefings/answers/${answerA.id}/files/${fileId}`;
    const file = await memberA.get(url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(await audited("briefing.read_file", answerA.id)).toHaveLength(1);
    for (const key of ["memberB", "contactA", "otherOffice"] as const)
      await refused(await as(w, key), (s) => s.get(url), 404, "file.not_found");
  });

  it("a group lists problems from the answers on its targets and promotes them into findings", async () => {
    const { w, answerA, answerB } = await answeredWorld();
    const memberA = await as(w, "memberA");
    const created = await memberA.post("/api/pre-inspection-items", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      title: "违规发放津贴补贴",
      description: "审计局通报：2024 年违规发放津贴。",
      briefingAnswerId: answerA.id,
    });
    expect(created.statusCode, created.body).toBe(200);
    const item = created.json();
    expect(item).toMatchObject({
      source: "briefing",
      departmentName: "县审计局",
      abilities: { promote: true },
    });
    // not another group's target, nor an answer on another target
    await refused(
      memberA,
      (s) => s.post("/api/pre-inspection-items", { roundId: w.round.id, targetId: w.targetB.id, title: "x" }),
      404,
      "target.not_found",
    );
    await refused(
      memberA,
      (s) =>
        s.post("/api/pre-inspection-items", {
          roundId: w.round.id,
          targetId: w.targetA.id,
          title: "x",
          briefingAnswerId: answerB.id,
        }),
      404,
      "briefing.not_found",
    );
    const other = await memberA.post("/api/pre-inspection-items", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      title: "食堂账目不清",
    });
    expect(other.json().source).toBe("other");

    const list = (key: "memberB" | "office" | "contactA" | "leaderA") =>
      as(w, key)
        .then((s) => s.get(`/api/pre-inspection-items?roundId=${w.round.id}`))
        .then((r) => r.json());
    expect(await list("memberB")).toEqual([]);
    expect(await list("contactA")).toEqual([]);
    expect((await list("office")).map((i: { title: string }) => i.title).sort()).toEqual(
      ["违规发放津贴补贴", "食堂账目不清"].sort(),
    );
    expect(
      (await list("office")).every((i: { abilities: { promote: boolean } }) => !i.abilities.promote),
    ).toBe(true);

    await refused(
      await as(w, "leaderB"),
      (s) =>
        s.post(`/api/pre-inspection-items/${item.id}/promote`, {
          scheme: "sixDisciplines",
          category: "sixDisciplines.3",
          severity: "general",
        }),
      404,
      "pre_inspection_item.not_found",
    );
    const promoted = await (await as(w, "leaderA")).post(`/api/pre-inspection-items/${item.id}/promote`, {
      scheme: "sixDisciplines",
      category: "sixDisciplines.3",
      severity: "serious",
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    const findingId = promoted.json().findingId as string;
    const [finding] = await kit.t.database.db.select().from(findings).where(eq(findings.id, findingId));
    expect(finding).toMatchObject({
      title: "违规发放津贴补贴",
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      status: "draft",
    });
    expect(promoted.json().abilities.promote).toBe(false);
    expect(await audited("pre_inspection_item.promote", item.id)).toHaveLength(1);
    await refused(
      memberA,
      (s) =>
        s.post(`/api/pre-inspection-items/${item.id}/promote`, {
          scheme: "sixDisciplines",
          category: "sixDisciplines.3",
          severity: "general",
        }),
      409,
      "pre_inspection_item.promoted",
    );
    // a closed round is read-only for its group
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(
      memberA,
      (s) => s.post("/api/pre-inspection-items", { roundId: w.round.id, targetId: w.targetA.id, title: "y" }),
      409,
      "round.closed",
    );
    expect(await list("leaderA")).toHaveLength(2);
  });
});
