import { eq, findings, groupMembers, rounds, workpaperSignatures, workpapers } from "@xuncha/db";
import { buildAccount, buildFeedback, buildFinding, buildPerson, signPledges } from "@xuncha/db/testing";
import { describe, expect, it } from "vitest";
import { multipart, PNG } from "../../../test/multipart";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

const findingBody = (w: World, overrides: Record<string, unknown> = {}) => ({
  roundId: w.round.id,
  targetId: w.targetA.id,
  title: "违规发放津补贴",
  description: "2025年以加班费名义发放津补贴12万元。",
  scheme: "sixDisciplines",
  category: "sixDisciplines.3",
  severity: "serious",
  ...overrides,
});

/** A finding of group A recorded through the API by its member, with its workpaper. */
async function recorded(w: World, overrides: Record<string, unknown> = {}) {
  const res = await (await as(w, "memberA")).post("/api/findings", findingBody(w, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: number };
}

const wpUrl = (id: string) => `/api/findings/${id}/workpaper`;

/** Member and leader of group A sign; the leader reviews (group A has no deputy). */
async function signedAndReviewed(w: World, findingId: string) {
  const member = await as(w, "memberA");
  const leader = await as(w, "leaderA");
  expect((await member.post(`${wpUrl(findingId)}/sign`)).statusCode).toBe(200);
  expect((await leader.post(`${wpUrl(findingId)}/sign`)).statusCode).toBe(200);
  const res = await leader.post(`${wpUrl(findingId)}/review`, { decision: "pass", opinion: "事实清楚" });
  expect(res.statusCode, res.body).toBe(200);
  return { member, leader };
}

/** Adds a deputy (副组长) with an account to group A; the pledges signed so the grant holds. */
async function addDeputy(w: World) {
  const account = await buildAccount(db(), { committeeId: w.committee.id, name: "甲组副组长" });
  const person = await buildPerson(db(), {
    committeeId: w.committee.id,
    accountId: account.id,
    pool: "talent",
  });
  await db()
    .insert(groupMembers)
    .values({ groupId: w.groupA.id, personId: person.id, committeeId: w.committee.id, role: "deputy" });
  await signPledges(db(), { committeeId: w.committee.id, roundId: w.round.id, personIds: [person.id] });
  const { loginAs } = await import("../../../test/client");
  return Object.assign(await loginAs(kit.t.app, account.username), { id: account.id }) as As;
}

async function uploadAs(s: As, name: string, data: Buffer) {
  const m = multipart(name, data, "image/png");
  const res = await s.request("POST", "/api/files", m.payload, m.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; sha256: string };
}

describe("the workpaper of a finding", () => {
  it("is created with the finding, numbered per group: 第一组-001, -002; group B starts at 001", async () => {
    const w = await buildWorld(db());
    const member = await as(w, "memberA");
    const f1 = await recorded(w, {
      workpaper: {
        source: "interview",
        summary: "谈话中反映该单位以加班费名义发放津补贴。",
        persons: [{ name: "张某", post: "财务科科长" }],
      },
    });
    const f2 = await recorded(w);
    const fb = await (await as(w, "memberB")).post(
      "/api/findings",
      findingBody(w, { targetId: w.targetB.id }),
    );
    const res = await member.get(wpUrl(f1.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      exists: true,
      number: 1,
      code: "第一组-001",
      source: "interview",
      sourceLabel: "个别谈话",
      summary: "谈话中反映该单位以加班费名义发放津补贴。",
      persons: [{ name: "张某", post: "财务科科长" }],
      signatures: [],
      review: null,
      approval: null,
      reviewer: "leader",
      abilities: { edit: true, sign: true, review: false, approve: false, reopen: false },
    });
    expect((await member.get(wpUrl(f2.id))).json().code).toBe("第一组-002");
    expect((await (await as(w, "memberB")).get(wpUrl(fb.json().id))).json().code).toBe("第二组-001");
    // The read is audited: the persons concerned are sensitive.
    const wpId = res.json().id as string;
    const reads = await audited("workpaper.read", wpId);
    expect(reads.at(-1)).toMatchObject({ actorId: member.id, committeeId: w.committee.id });
  });

  it("numbers concurrent creations in a group without gaps or repeats", async () => {
    const w = await buildWorld(db());
    const member = await as(w, "memberA");
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        member.post("/api/findings", findingBody(w, { title: `问题${i}` })),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const numbers = (
      await db().select({ n: workpapers.number }).from(workpapers).where(eq(workpapers.groupId, w.groupA.id))
    )
      .map((r) => r.n)
      .sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("is seen by its group, the office and the leading group; never by a target contact, group B or another committee", async () => {
    const w = await buildWorld(db());
    const f = await recorded(w);
    // Even once fed back (the contact then sees the finding), the workpaper stays hidden from the contact.
    const fb = await buildFeedback(db(), {
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.office.id,
    });
    await db()
      .update(findings)
      .set({ status: "approved", route: "rectify", feedbackId: fb.id })
      .where(eq(findings.id, f.id));
    expect((await (await as(w, "contactA")).get(`/api/findings/${f.id}`)).statusCode).toBe(200);
    for (const key of ["memberA", "leaderA", "office", "officeHead", "leadership"] as const) {
      expect((await (await as(w, key)).get(wpUrl(f.id))).statusCode, key).toBe(200);
    }
    await refused(await as(w, "contactA"), (s) => s.get(wpUrl(f.id)), 403, "auth.forbidden");
    await refused(await as(w, "discipline"), (s) => s.get(wpUrl(f.id)), 403, "auth.forbidden");
    await refused(await as(w, "memberB"), (s) => s.get(wpUrl(f.id)), 404, "workpaper.not_found");
    await refused(await as(w, "leaderB"), (s) => s.get(wpUrl(f.id)), 404, "workpaper.not_found");
    await refused(await as(w, "otherOffice"), (s) => s.get(wpUrl(f.id)), 404, "workpaper.not_found");
    await refused(await as(w, "otherLeadership"), (s) => s.get(wpUrl(f.id)), 404, "workpaper.not_found");
    // Nor can another group sign or edit it.
    await refused(await as(w, "memberB"), (s) => s.post(`${wpUrl(f.id)}/sign`), 404, "workpaper.not_found");
    await refused(
      await as(w, "memberB"),
      (s) => s.patch(wpUrl(f.id), { summary: "改" }),
      404,
      "workpaper.not_found",
    );
    await refused(await as(w, "office"), (s) => s.post(`${wpUrl(f.id)}/sign`), 403, "auth.forbidden");
  });

  it("a finding recorded before workpapers shows exists: false until the group signs or edits it", async () => {
    const w = await buildWorld(db());
    const old = await buildFinding(db(), {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.memberA.id,
    });
    const member = await as(w, "memberA");
    expect((await member.get(wpUrl(old.id))).json()).toMatchObject({ exists: false, code: null });
    const res = await member.patch(wpUrl(old.id), { source: "document", summary: "查阅凭证发现" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ exists: true, code: "第一组-001", source: "document" });
  });
});

describe("signatures, review and approval", () => {
  it("approval is refused with one signature, and before the review; passes after both", async () => {
    const w = await buildWorld(db());
    const f = await recorded(w);
    const member = await as(w, "memberA");
    const leader = await as(w, "leaderA");
    const signed = await member.post(`${wpUrl(f.id)}/sign`);
    expect(signed.json().signatures).toEqual([
      { accountId: member.id, name: "甲组组员", signedAt: expect.any(String) },
    ]);
    const [signEntry] = await kit.auditBy(member.id, "workpaper.sign");
    expect(signEntry!.summary).toMatchObject({ findingId: f.id, signatures: 1 });
    await refused(member, (s) => s.post(`${wpUrl(f.id)}/sign`), 409, "workpaper.already_signed");
    const one = await refused(
      leader,
      (s) => s.post(`/api/findings/${f.id}/approve`),
      409,
      "workpaper.signatures_required",
    );
    expect(one.message).toBe("问题底稿须有至少两名巡察组成员签名后才能审核、审批");
    await refused(
      leader,
      (s) => s.post(`${wpUrl(f.id)}/review`, { decision: "pass" }),
      409,
      "workpaper.signatures_required",
    );
    await leader.post(`${wpUrl(f.id)}/sign`);
    await refused(leader, (s) => s.post(`/api/findings/${f.id}/approve`), 409, "workpaper.review_required");
    // Only the reviewer reviews: a member may not.
    await refused(
      member,
      (s) => s.post(`${wpUrl(f.id)}/review`, { decision: "pass" }),
      403,
      "auth.forbidden",
    );
    const reviewed = await leader.post(`${wpUrl(f.id)}/review`, { decision: "pass", opinion: "事实清楚" });
    expect(reviewed.json()).toMatchObject({
      review: { by: "甲组组长", opinion: "事实清楚" },
      abilities: { approve: true, review: false },
    });
    await refused(
      leader,
      (s) => s.post(`${wpUrl(f.id)}/review`, { decision: "pass" }),
      409,
      "workpaper.already_reviewed",
    );
    const approved = await leader.post(`/api/findings/${f.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const wp = (await leader.get(wpUrl(f.id))).json();
    expect(wp).toMatchObject({ status: "approved", approval: { by: "甲组组长" } });
    expect(wp.events.map((e: { action: string }) => e.action)).toEqual(["sign", "sign", "review", "approve"]);
  });

  it("where the group has a deputy, the deputy reviews and the leader may not", async () => {
    const w = await buildWorld(db());
    const deputy = await addDeputy(w);
    const f = await recorded(w);
    const member = await as(w, "memberA");
    const leader = await as(w, "leaderA");
    await member.post(`${wpUrl(f.id)}/sign`);
    await deputy.post(`${wpUrl(f.id)}/sign`);
    expect((await leader.get(wpUrl(f.id))).json()).toMatchObject({
      reviewer: "deputy",
      abilities: { review: false },
    });
    await refused(
      leader,
      (s) => s.post(`${wpUrl(f.id)}/review`, { decision: "pass" }),
      403,
      "auth.forbidden",
    );
    const res = await deputy.post(`${wpUrl(f.id)}/review`, { decision: "pass" });
    expect(res.statusCode, res.body).toBe(200);
    const [entry] = await audited("workpaper.review", res.json().id);
    expect(entry).toMatchObject({ actorId: deputy.id });
    // The deputy does not approve; the leader does.
    await refused(deputy, (s) => s.post(`/api/findings/${f.id}/approve`), 403, "auth.forbidden");
    expect((await leader.post(`/api/findings/${f.id}/approve`)).statusCode).toBe(200);
  });

  it("the reviewer returns a draft with an opinion; the member's revision revokes the signatures", async () => {
    const w = await buildWorld(db());
    const f = await recorded(w);
    const member = await as(w, "memberA");
    const leader = await as(w, "leaderA");
    await member.post(`${wpUrl(f.id)}/sign`);
    await leader.post(`${wpUrl(f.id)}/sign`);
    await refused(
      leader,
      (s) => s.post(`${wpUrl(f.id)}/review`, { decision: "return" }),
      400,
      "request.invalid",
    );
    const back = await leader.post(`${wpUrl(f.id)}/review`, { decision: "return", opinion: "金额需核实" });
    expect(back.json()).toMatchObject({ status: "returned" });
    expect((await member.get(`/api/findings/${f.id}`)).json().returnReason).toBe("金额需核实");
    const revised = await member.patch(`/api/findings/${f.id}`, {
      title: "违规发放津补贴",
      description: "经核实金额为11.5万元。",
      scheme: "sixDisciplines",
      category: "sixDisciplines.3",
      severity: "serious",
    });
    expect(revised.json().status).toBe("draft");
    const wp = (await member.get(wpUrl(f.id))).json();
    expect(wp.signatures).toEqual([]);
    expect(wp.events.at(-1)).toMatchObject({ action: "revoke", note: "问题内容已修改" });
    // The revoked signatures are kept, dated.
    const rows = await db()
      .select()
      .from(workpaperSignatures)
      .where(eq(workpaperSignatures.workpaperId, wp.id));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });

  it("editing the workpaper revokes the signatures and the review given before", async () => {
    const w = await buildWorld(db());
    const f = await recorded(w);
    const { member } = await signedAndReviewed(w, f.id);
    const res = await member.patch(wpUrl(f.id), {
      persons: [
        { name: "张某", post: "财务科科长" },
        { name: "李某", post: "办公室主任" },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      signatures: [],
      review: null,
      persons: [{ name: "张某" }, { name: "李某" }],
    });
    const [entry] = await audited("workpaper.update", res.json().id);
    expect(entry!.summary).toMatchObject({ fields: ["persons"], signaturesRevoked: 2 });
    await refused(member, (s) => s.patch(wpUrl(f.id), { source: "rumour" }), 400, "request.invalid");
    await refused(
      member,
      (s) => s.patch(wpUrl(f.id), { persons: [{ name: "", post: "" }] }),
      400,
      "request.invalid",
    );
  });
});

describe("files with versions", () => {
  it("adds a file and a new version of it; both versions are kept with their SHA-256 and downloadable by readers", async () => {
    const w = await buildWorld(db());
    const f = await recorded(w);
    const member = await as(w, "memberA");
    const v1 = await uploadAs(member, "凭证.png", PNG);
    const added = await member.post(`${wpUrl(f.id)}/files`, { fileId: v1.id, note: "记账凭证" });
    expect(added.statusCode, added.body).toBe(201);
    const slot = added.json().files[0].slot as string;
    const second = Buffer.concat([PNG, Buffer.from([0])]);
    const v2 = await uploadAs(member, "凭证（补充）.png", second);
    const replaced = await member.post(`${wpUrl(f.id)}/files`, { fileId: v2.id, replaces: slot });
    expect(replaced.statusCode, replaced.body).toBe(201);
    const files = replaced.json().files;
    expect(files).toHaveLength(1);
    expect(files[0].current).toMatchObject({ version: 2, name: "凭证（补充）.png", sha256: v2.sha256 });
    expect(files[0].versions.map((v: { version: number; sha256: string }) => [v.version, v.sha256])).toEqual([
      [2, v2.sha256],
      [1, v1.sha256],
    ]);
    // The leading group reads version 1 through the workpaper; group B cannot.
    const oldId = files[0].versions[1].id as string;
    const dl = await (await as(w, "leadership")).get(`${wpUrl(f.id)}/files/${oldId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["x-content-sha256"]).toBe(v1.sha256);
    await refused(
      await as(w, "memberB"),
      (s) => s.get(`${wpUrl(f.id)}/files/${oldId}`),
      404,
      "workpaper.not_found",
    );
    // A replacement of an unknown slot, or a file uploaded by someone else, is refused.
    const v3 = await uploadAs(member, "x.png", PNG);
    await refused(
      member,
      (s) => s.post(`${wpUrl(f.id)}/files`, { fileId: v3.id, replaces: crypto.randomUUID() }),
      404,
      "workpaper.file_not_found",
    );
    const leaderFile = await uploadAs(await as(w, "leaderA"), "y.png", PNG);
    await refused(
      member,
      (s) => s.post(`${wpUrl(f.id)}/files`, { fileId: leaderFile.id }),
      404,
      "file.not_found",
    );
  });

  it("the finding's evidence files are the workpaper's first versions", async () => {
    const w = await buildWorld(db());
    const member = await as(w, "memberA");
    const file = await uploadAs(member, "照片.png", PNG);
    const f = await recorded(w, { fileIds: [file.id] });
    const wp = (await member.get(wpUrl(f.id))).json();
    expect(wp.files).toEqual([
      expect.objectContaining({ current: expect.objectContaining({ version: 1, sha256: file.sha256 }) }),
    ]);
  });
});

describe("after approval", () => {
  it("changes are refused until the leader reopens it with a reason; then signatures and review start again", async () => {
    const w = await buildWorld(db());
    const f = await recorded(w);
    const { member, leader } = await signedAndReviewed(w, f.id);
    expect((await leader.post(`/api/findings/${f.id}/approve`)).statusCode).toBe(200);
    const locked = await refused(
      member,
      (s) => s.patch(wpUrl(f.id), { summary: "改" }),
      409,
      "workpaper.locked",
    );
    expect(locked.message).toContain("须由组长重新打开");
    await refused(member, (s) => s.post(`${wpUrl(f.id)}/sign`), 409, "workpaper.locked");
    const file = await uploadAs(member, "z.png", PNG);
    await refused(
      member,
      (s) => s.post(`${wpUrl(f.id)}/files`, { fileId: file.id }),
      409,
      "workpaper.locked",
    );
    await refused(
      member,
      (s) =>
        s.patch(`/api/findings/${f.id}`, {
          title: "改",
          description: "改",
          scheme: "sixDisciplines",
          category: "sixDisciplines.3",
          severity: "general",
        }),
      409,
      "finding.not_editable",
    );
    // Only the leader reopens, and only with a reason.
    await refused(member, (s) => s.post(`${wpUrl(f.id)}/reopen`, { reason: "补充" }), 403, "auth.forbidden");
    await refused(leader, (s) => s.post(`${wpUrl(f.id)}/reopen`, {}), 400, "request.invalid");
    const reopened = await leader.post(`${wpUrl(f.id)}/reopen`, { reason: "需补充涉及人员" });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: "draft", signatures: [], review: null, approval: null });
    expect(reopened.json().events.slice(-2)).toEqual([
      expect.objectContaining({ action: "revoke" }),
      expect.objectContaining({ action: "reopen", note: "需补充涉及人员", name: "甲组组长" }),
    ]);
    const [entry] = await audited("workpaper.reopen", reopened.json().id);
    expect(entry).toMatchObject({
      actorId: leader.id,
      summary: { reason: "需补充涉及人员", signaturesRevoked: 2 },
    });
    const row = (await db().select().from(findings).where(eq(findings.id, f.id)))[0]!;
    expect(row).toMatchObject({ status: "draft", approvedBy: null, approvedAt: null });
    expect((await member.patch(wpUrl(f.id), { summary: "补充" })).statusCode).toBe(200);
    await refused(
      leader,
      (s) => s.post(`/api/findings/${f.id}/approve`),
      409,
      "workpaper.signatures_required",
    );
  });

  it("is not reopened once the leading group decided, nor in a closed round", async () => {
    const w = await buildWorld(db());
    const f = await recorded(w);
    const { leader } = await signedAndReviewed(w, f.id);
    await leader.post(`/api/findings/${f.id}/approve`);
    await db().update(findings).set({ route: "rectify" }).where(eq(findings.id, f.id));
    await refused(
      leader,
      (s) => s.post(`${wpUrl(f.id)}/reopen`, { reason: "x" }),
      409,
      "workpaper.not_reopenable",
    );
    const g = await recorded(w);
    await db().update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(await as(w, "memberA"), (s) => s.post(`${wpUrl(g.id)}/sign`), 409, "round.closed");
    expect((await (await as(w, "memberA")).get(wpUrl(g.id))).json().abilities).toEqual({
      edit: false,
      sign: false,
      review: false,
      approve: false,
      return: false,
      reopen: false,
    });
  });
});
