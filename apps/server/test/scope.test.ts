import { groupMembers } from "@xuncha/db";
import { buildAccount, buildFeedback, buildFinding, buildPerson, signPledges } from "@xuncha/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, type Session } from "./client";
import { createTestApp, type TestApp } from "./test-app";
import { buildWorld, type World } from "./world";

/**
 * Scope: for every resource, a user of another committee, another group or another target gets 404
 * (never 403, which would confirm the record exists).
 */
let t: TestApp;
let w: World;
let findingA: { id: string };
let findingB: { id: string };
const as: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database.db);
  const db = t.database.db;
  const base = { committeeId: w.committee.id, roundId: w.round.id, createdBy: w.accounts.memberA.id };
  // Both fed back, so the contacts' scope is what is tested, not the feedback state.
  const fb = { committeeId: w.committee.id, roundId: w.round.id, createdBy: w.accounts.office.id };
  const fbA = await buildFeedback(db, { ...fb, targetId: w.targetA.id });
  const fbB = await buildFeedback(db, { ...fb, targetId: w.targetB.id });
  findingA = await buildFinding(db, {
    ...base,
    groupId: w.groupA.id,
    targetId: w.targetA.id,
    status: "approved",
    route: "rectify",
    feedbackId: fbA.id,
  });
  findingB = await buildFinding(db, {
    ...base,
    groupId: w.groupB.id,
    targetId: w.targetB.id,
    status: "approved",
    route: "rectify",
    feedbackId: fbB.id,
  });
  for (const key of [
    "office",
    "otherOffice",
    "otherLeadership",
    "memberA",
    "memberB",
    "contactA",
    "contactB",
    "sysAdmin",
  ] as const) {
    as[key] = await loginAs(t.app, w.accounts[key].username);
  }
});
afterAll(() => t.close());

describe("scope of findings", () => {
  it("the office of the committee sees both findings", async () => {
    expect((await as.office!.get(`/api/findings/${findingA.id}`)).statusCode).toBe(200);
    const list = (await as.office!.get(`/api/findings?roundId=${w.round.id}`)).json();
    expect(list.total).toBe(2);
  });

  it("another committee's office and leadership get 404 and an empty list", async () => {
    for (const s of [as.otherOffice!, as.otherLeadership!]) {
      expect((await s.get(`/api/findings/${findingA.id}`)).statusCode).toBe(404);
      expect((await s.get(`/api/findings?roundId=${w.round.id}`)).json().total).toBe(0);
      expect((await s.get(`/api/rounds/${w.round.id}`)).statusCode).toBe(404);
      expect((await s.get(`/api/rectification/ledger?roundId=${w.round.id}`)).json().items).toHaveLength(0);
    }
  });

  it("a group member sees only their own group's findings", async () => {
    expect((await as.memberA!.get(`/api/findings/${findingA.id}`)).statusCode).toBe(200);
    expect((await as.memberA!.get(`/api/findings/${findingB.id}`)).statusCode).toBe(404);
    const list = (await as.memberB!.get("/api/findings")).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([findingB.id]);
    const round = (await as.memberA!.get(`/api/rounds/${w.round.id}`)).json();
    expect(round.groups.map((g: { id: string }) => g.id)).toEqual([w.groupA.id]);
  });

  it("a target's contact sees only its own target's fed-back findings", async () => {
    expect((await as.contactA!.get(`/api/findings/${findingA.id}`)).statusCode).toBe(200);
    expect((await as.contactA!.get(`/api/findings/${findingB.id}`)).statusCode).toBe(404);
    const ledger = (await as.contactB!.get("/api/rectification/ledger")).json();
    expect(ledger.items.map((i: { finding: { id: string } }) => i.finding.id)).toEqual([findingB.id]);
  });

  it("a contact cannot add a measure to another target's finding", async () => {
    const res = await as.contactA!.post(`/api/findings/${findingB.id}/measures`, {
      content: "措施",
      responsiblePerson: "某人",
      deadline: "2026-12-31",
    });
    expect(res.statusCode).toBe(404);
  });

  it("another committee's office cannot close out, give feedback or assign targets", async () => {
    expect((await as.otherOffice!.post(`/api/findings/${findingA.id}/close-out`, {})).statusCode).toBe(404);
    const fb = await as.otherOffice!.post("/api/feedbacks", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      givenOn: "2026-10-01",
      form: "meeting",
    });
    expect(fb.statusCode).toBe(404);
    const assign = await as.otherOffice!.post(`/api/groups/${w.groupA.id}/targets`, {
      targetIds: [w.targetB.id],
    });
    expect(assign.statusCode).toBe(404);
  });

  it("installation administrators have no access to business records", async () => {
    expect((await as.sysAdmin!.get(`/api/findings/${findingA.id}`)).statusCode).toBe(403);
    expect((await as.sysAdmin!.get("/api/rectification/ledger")).statusCode).toBe(403);
  });
});

describe("the leading group over lower committees", () => {
  it("reads a lower committee's rounds and findings, but cannot decide there", async () => {
    const city = await buildAccount(t.database.db, { committeeId: w.committee.parentId, role: "leadership" });
    const s = await loginAs(t.app, city.username);
    expect((await s.get(`/api/rounds/${w.round.id}`)).statusCode).toBe(200);
    const f = (await s.get(`/api/findings/${findingA.id}`)).json();
    expect(f.abilities.decide).toBe(false);
    // Clue details stay with the committee's own leading group.
    expect((await s.get("/api/clues")).json()).toEqual([]);
  });
});

describe("office staff who are also in a group", () => {
  it("see their own group's clue-routed findings, not other groups' clues", async () => {
    const db = t.database.db;
    const staff = await buildAccount(db, {
      committeeId: w.committee.id,
      role: "officeStaff",
      name: "兼任联络员",
    });
    const person = await buildPerson(db, { committeeId: w.committee.id, accountId: staff.id });
    await db
      .insert(groupMembers)
      .values({ groupId: w.groupA.id, personId: person.id, committeeId: w.committee.id, role: "liaison" });
    await signPledges(db, { committeeId: w.committee.id, roundId: w.round.id, personIds: [person.id] });
    const base = {
      committeeId: w.committee.id,
      roundId: w.round.id,
      createdBy: w.accounts.memberA.id,
      status: "approved",
      route: "clue",
    };
    const clueA = await buildFinding(db, { ...base, groupId: w.groupA.id, targetId: w.targetA.id });
    const clueB = await buildFinding(db, { ...base, groupId: w.groupB.id, targetId: w.targetB.id });
    const s = await loginAs(t.app, staff.username);
    expect((await s.get(`/api/findings/${clueA.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/findings/${clueB.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/findings/${findingB.id}`)).statusCode).toBe(200);
  });
});
