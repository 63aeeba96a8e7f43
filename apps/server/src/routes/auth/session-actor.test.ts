import { accounts, commitments, eq, groupMembers, roleAssignments, sessions } from "@xuncha/db";
import { buildAccount, buildCommittee, buildPerson } from "@xuncha/db/testing";
import {
  createSession,
  findSession,
  loadActor,
  loadSessionActor,
  SESSION_TTL_MS,
  sessionTokenHash,
} from "@xuncha/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld, type World } from "../../../test/world";

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database.db);
});
afterAll(() => t.close());

/**
 * loadSessionActor (one statement per request) against findSession + loadActor (what requests ran
 * before): the same session and exactly the same actor, grants in the same order.
 */
async function expectSameAsLoadActor(accountId: string) {
  const db = t.database.db;
  const { token, csrfToken } = await createSession(db, accountId);
  const combined = await loadSessionActor(db, token);
  const session = await findSession(db, token);
  const actor = await loadActor(db, accountId);
  expect(session).toBeDefined();
  expect(actor).toBeDefined();
  expect(combined).toStrictEqual({ accountId, csrfToken: session!.csrfToken, actor });
  expect(combined!.csrfToken).toBe(csrfToken);
  return actor!;
}

describe("loadSessionActor", () => {
  it("gives the office head, the leading group and the administrators the same actor as loadActor", async () => {
    const head = await expectSameAsLoadActor(w.accounts.officeHead.id);
    expect(head.grants).toStrictEqual([{ role: "officeStaff", committeeId: w.committee.id, isHead: true }]);
    await expectSameAsLoadActor(w.accounts.office.id);
    await expectSameAsLoadActor(w.accounts.discipline.id);
    await expectSameAsLoadActor(w.accounts.organization.id);
    await expectSameAsLoadActor(w.accounts.otherOffice.id);
    const admin = await expectSameAsLoadActor(w.accounts.sysAdmin.id);
    expect(admin).toMatchObject({ committeeId: null, grants: [{ role: "sysAdmin", committeeId: null }] });
  });

  it("derives group roles from memberships: leader, member, and office staff who is also in two groups", async () => {
    const leader = await expectSameAsLoadActor(w.accounts.leaderA.id);
    expect(leader.grants).toStrictEqual([
      { role: "groupLeader", committeeId: w.committee.id, groupId: w.groupA.id, roundId: w.round.id },
    ]);
    const member = await expectSameAsLoadActor(w.accounts.memberB.id);
    expect(member.grants).toStrictEqual([
      { role: "groupMember", committeeId: w.committee.id, groupId: w.groupB.id, roundId: w.round.id },
    ]);

    const db = t.database.db;
    const staff = await buildAccount(db, { committeeId: w.committee.id, role: "officeStaff" });
    // A second assigned role, so the order of assigned roles is compared too.
    await db
      .insert(roleAssignments)
      .values({ accountId: staff.id, role: "disciplineReviewer", committeeId: w.committee.id });
    const person = await buildPerson(db, { committeeId: w.committee.id, accountId: staff.id });
    await db.insert(groupMembers).values([
      { groupId: w.groupA.id, personId: person.id, committeeId: w.committee.id, role: "liaison" },
      { groupId: w.groupB.id, personId: person.id, committeeId: w.committee.id, role: "deputy" },
    ]);
    // Unsigned pledges: the memberships grant nothing yet, in both loaders.
    const unsigned = await expectSameAsLoadActor(staff.id);
    expect(unsigned.grants.map((g) => g.role).sort()).toEqual(["disciplineReviewer", "officeStaff"]);
    await db.insert(commitments).values(
      (["confidentiality", "integrity"] as const).map((kind) => ({
        committeeId: w.committee.id,
        roundId: w.round.id,
        personId: person.id,
        kind,
        signedOn: "2026-02-20",
        recordedBy: staff.id,
      })),
    );
    const actor = await expectSameAsLoadActor(staff.id);
    expect(actor.grants.map((g) => g.role).sort()).toEqual(
      ["disciplineReviewer", "groupDeputy", "groupMember", "officeStaff"].sort(),
    );
  });

  it("gives a target contact its target", async () => {
    const contact = await expectSameAsLoadActor(w.accounts.contactA.id);
    expect(contact.grants).toStrictEqual([
      { role: "targetContact", committeeId: w.committee.id, targetId: w.targetA.id },
    ]);
  });

  it("gives the leading group read-only grants over every committee below its own", async () => {
    const db = t.database.db;
    const child = await buildCommittee(db, { parentId: w.committee.id });
    const grandchild = await buildCommittee(db, { parentId: child.id });
    const leadership = await buildAccount(db, { committeeId: w.committee.id, role: "leadership" });
    const actor = await expectSameAsLoadActor(leadership.id);
    expect(actor.grants[0]).toStrictEqual({ role: "leadership", committeeId: w.committee.id });
    expect(
      actor.grants
        .slice(1)
        .map((g) => g.committeeId)
        .sort(),
    ).toEqual([child.id, grandchild.id].sort());
    expect(actor.grants.slice(1).every((g) => g.role === "leadership" && g.readOnly)).toBe(true);
  });

  it("finds a disabled account's session but gives it no actor, as findSession + loadActor did", async () => {
    const db = t.database.db;
    const acc = await buildAccount(db, { committeeId: w.committee.id, role: "officeStaff" });
    const { token, csrfToken } = await createSession(db, acc.id);
    await db.update(accounts).set({ disabled: true }).where(eq(accounts.id, acc.id));
    expect(await loadActor(db, acc.id)).toBeUndefined();
    expect(await findSession(db, token)).toMatchObject({ accountId: acc.id, csrfToken });
    expect(await loadSessionActor(db, token)).toStrictEqual({ accountId: acc.id, csrfToken, actor: null });
  });

  it("finds no expired or unknown session, and never extends a session", async () => {
    const db = t.database.db;
    const acc = await buildAccount(db, { committeeId: w.committee.id, role: "officeStaff" });
    const created = new Date("2026-01-01T08:00:00Z");
    const { token } = await createSession(db, acc.id, created);
    const lastMoment = new Date(created.getTime() + SESSION_TTL_MS - 1);
    const expiry = new Date(created.getTime() + SESSION_TTL_MS);
    expect((await loadSessionActor(db, token, lastMoment))?.actor?.accountId).toBe(acc.id);
    expect(await findSession(db, token, lastMoment)).toBeDefined();
    expect(await loadSessionActor(db, token, expiry)).toBeUndefined();
    expect(await findSession(db, token, expiry)).toBeUndefined();
    expect(await loadSessionActor(db, token)).toBeUndefined(); // expired long ago
    expect(await loadSessionActor(db, "not-a-token")).toBeUndefined();
    const [row] = await db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sessionTokenHash(token)));
    expect(row!.expiresAt).toEqual(expiry);
  });
});
