import { buildAccount, buildTarget } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs } from "./client";
import { multipart, PNG } from "./multipart";
import { createTestApp, type TestApp } from "./test-app";
import { buildWorld, type World } from "./world";

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database.db);
});
afterAll(() => t.close());

describe("one round from start to finish", () => {
  it("carries a finding from the group to close-out, with the rate updated", async () => {
    const db = t.database.db;
    const office = await loginAs(t.app, w.accounts.office.username);
    const leadership = await loginAs(t.app, w.accounts.leadership.username);

    // 1. The office creates a term and a round, forms a group and assigns it a target.
    const term = (
      await office.post("/api/terms", { name: "十四届县委", startsOn: "2022-01-01", endsOn: "2026-12-31" })
    ).json();
    const roundRes = await office.post("/api/rounds", {
      termId: term.id,
      kind: "regular",
      startsOn: "2026-09-01",
      endsOn: "2026-10-15",
    });
    expect(roundRes.statusCode).toBe(200);
    const round = roundRes.json();
    expect(round.name).toBe("十四届县委第一轮巡察");
    const leaderAccount = w.accounts.leaderA;
    const leaderPerson = w.people.leaderA;
    const memberPerson = w.people.memberA;
    const group = (
      await office.post(`/api/rounds/${round.id}/groups`, {
        members: [
          { personId: leaderPerson.id, role: "leader" },
          { personId: memberPerson.id, role: "member" },
        ],
      })
    ).json();
    expect(group.name).toBe("第一巡察组");
    // Each person of the round signs both pledges before opening the group's records.
    for (const personId of [leaderPerson.id, memberPerson.id])
      for (const kind of ["confidentiality", "integrity"])
        expect(
          (
            await office.post(`/api/rounds/${round.id}/commitments`, {
              personId,
              kind,
              signedOn: "2026-08-25",
            })
          ).statusCode,
        ).toBe(200);
    const target = await buildTarget(db, { committeeId: w.committee.id, name: "青山镇党委测试" });
    expect((await office.post(`/api/groups/${group.id}/targets`, { targetIds: [target.id] })).json()).toEqual(
      { assigned: 1 },
    );

    // 2. A group member records a finding with evidence; the leader approves it.
    const member = await loginAs(t.app, w.accounts.memberA.username);
    const up = multipart("现场照片.png", PNG, "image/png");
    const upload = await member.request("POST", "/api/files", up.payload, up.headers);
    expect(upload.statusCode).toBe(201);
    expect(upload.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const created = await member.post("/api/findings", {
      roundId: round.id,
      targetId: target.id,
      title: "违规发放津补贴",
      description: "2025年以加班费名义发放津补贴12万元。",
      scheme: "sixDisciplines",
      category: "sixDisciplines.3",
      severity: "serious",
      fileIds: [upload.json().id],
    });
    expect(created.statusCode).toBe(201);
    const finding = created.json();
    expect(finding).toMatchObject({ number: 1, status: "draft", categoryName: "廉洁纪律" });
    expect(finding.files).toHaveLength(1);
    const leader = await loginAs(t.app, leaderAccount.username);
    // The workpaper: two inspectors sign, the leader reviews (no deputy), then the leader approves.
    expect((await member.post(`/api/findings/${finding.id}/workpaper/sign`)).statusCode).toBe(200);
    expect((await leader.post(`/api/findings/${finding.id}/workpaper/sign`)).statusCode).toBe(200);
    expect(
      (await leader.post(`/api/findings/${finding.id}/workpaper/review`, { decision: "pass" })).statusCode,
    ).toBe(200);
    expect((await leader.post(`/api/findings/${finding.id}/approve`)).json().status).toBe("approved");

    // 3. The leading group decides its route.
    const decided = await leadership.post(`/api/findings/${finding.id}/decision`, { route: "rectify" });
    expect(decided.json().route).toBe("rectify");

    // 4. The office gives feedback; the target's contact then sees only its own findings.
    const fb = await office.post("/api/feedbacks", {
      roundId: round.id,
      targetId: target.id,
      givenOn: "2026-10-20",
      form: "meeting",
      requirements: "限期整改",
    });
    expect(fb.statusCode).toBe(201);
    expect(fb.json().findingCount).toBe(1);
    const contactAccount = await buildAccount(db, {
      committeeId: w.committee.id,
      role: "targetContact",
      targetId: target.id,
    });
    const contact = await loginAs(t.app, contactAccount.username);
    const mine = (await contact.get("/api/rectification/ledger")).json();
    expect(mine.items.map((i: { finding: { id: string } }) => i.finding.id)).toEqual([finding.id]);
    expect(mine.items[0].state).toBe("noPlan");

    // 5. The contact submits a measure, then reports it done with evidence.
    const measure = await contact.post(`/api/findings/${finding.id}/measures`, {
      content: "清退违规发放的津补贴，修订加班管理制度",
      responsiblePerson: "张三",
      deadline: "2026-12-31",
    });
    expect(measure.statusCode).toBe(201);
    const evidence = multipart("退款凭证.png", PNG, "image/png");
    const ev = (await contact.request("POST", "/api/files", evidence.payload, evidence.headers)).json();
    const progress = await contact.post(`/api/measures/${measure.json().id}/progress`, {
      reportedOn: "2026-11-20",
      content: "已全部清退，制度已印发",
      completion: "done",
      fileIds: [ev.id],
    });
    expect(progress.statusCode).toBe(201);

    // 6. The office closes the item; the round's figures and rate follow.
    const before = (await office.get(`/api/rounds/${round.id}`)).json().statistics;
    expect(before.rectificationRate).toMatchObject({ numerator: 0, denominator: 1, percent: 0 });
    expect(
      (await office.post(`/api/findings/${finding.id}/close-out`, { note: "佐证材料齐全" })).statusCode,
    ).toBe(200);
    const after = (await office.get(`/api/rounds/${round.id}`)).json().statistics;
    expect(after).toMatchObject({ findings: 1, fedBack: 1, closed: 1, clues: 0 });
    expect(after.rectificationRate.percent).toBe(100);
    expect(after.rectificationRate.formula).toContain("已销号");
    const ledger = (await office.get(`/api/rectification/ledger?roundId=${round.id}`)).json();
    expect(ledger.items[0].state).toBe("closed");
    expect(ledger.items[0].measures[0].progress[0].files[0].name).toBe("退款凭证.png");

    // The evidence can be downloaded by the office, with its hash.
    const file = await office.get(`/api/files/${ev.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["x-content-sha256"]).toBe(ev.sha256);
    expect(file.rawPayload.equals(PNG)).toBe(true);
  });

  it("routes a finding as a clue: the 纪委 sees it, the target never does", async () => {
    const leaderA = await loginAs(t.app, w.accounts.leaderA.username);
    const f = (
      await leaderA.post("/api/findings", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        title: "某科长涉嫌收受礼金",
        description: "群众反映某科长春节期间收受管理服务对象礼金。",
        scheme: "sixDisciplines",
        category: "sixDisciplines.3",
        severity: "severe",
      })
    ).json();
    const memberA = await loginAs(t.app, w.accounts.memberA.username);
    await memberA.post(`/api/findings/${f.id}/workpaper/sign`);
    await leaderA.post(`/api/findings/${f.id}/workpaper/sign`);
    await leaderA.post(`/api/findings/${f.id}/workpaper/review`, { decision: "pass" });
    expect((await leaderA.post(`/api/findings/${f.id}/approve`)).statusCode).toBe(200);
    const leadership = await loginAs(t.app, w.accounts.leadership.username);
    await leadership.post(`/api/findings/${f.id}/decision`, { route: "clue" });
    const discipline = await loginAs(t.app, w.accounts.discipline.username);
    const clues = (await discipline.get(`/api/clues?roundId=${w.round.id}`)).json();
    expect(clues).toHaveLength(1);
    expect(clues[0].number).toMatch(/^XC-\d{4}-01-001$/);
    const patch = await discipline.patch(`/api/clues/${clues[0].id}`, {
      disposition: "preliminaryCheck",
      caseFiled: true,
    });
    expect(patch.statusCode).toBe(200);
    // Feedback never carries clues.
    const office = await loginAs(t.app, w.accounts.office.username);
    const fb = await office.post("/api/feedbacks", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      givenOn: "2026-10-20",
      form: "written",
    });
    expect(errorOf(fb).code).toBe("feedback.nothing_to_feed_back");
    const contact = await loginAs(t.app, w.accounts.contactA.username);
    expect((await contact.get(`/api/findings/${f.id}`)).statusCode).toBe(404);
    // An ordinary office member does not see clues; the office head does.
    expect((await office.get(`/api/findings/${f.id}`)).statusCode).toBe(404);
    const head = await loginAs(t.app, w.accounts.officeHead.username);
    expect((await head.get(`/api/clues?roundId=${w.round.id}`)).json()).toHaveLength(1);
  });
});
