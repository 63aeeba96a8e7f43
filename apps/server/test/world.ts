import type { Db } from "@xuncha/db";
import {
  buildAccount,
  buildCommittee,
  buildGroup,
  buildPerson,
  buildRound,
  buildTarget,
} from "@xuncha/db/testing";

/**
 * A fresh committee with one account per role, a round with two groups (A inspects targetA,
 * B inspects targetB), a contact for each target; and a second committee with its own office.
 * Every test builds its own world, so tests never share rows.
 */
export async function buildWorld(db: Db) {
  const committee = await buildCommittee(db);
  const other = await buildCommittee(db);
  const c = committee.id;
  const targetA = await buildTarget(db, { committeeId: c, name: `甲单位${committee.id.slice(0, 6)}` });
  const targetB = await buildTarget(db, { committeeId: c, name: `乙单位${committee.id.slice(0, 6)}` });
  const round = await buildRound(db, { committeeId: c });

  const leaderA = await buildAccount(db, { committeeId: c, name: "甲组组长" });
  const memberA = await buildAccount(db, { committeeId: c, name: "甲组组员" });
  const leaderB = await buildAccount(db, { committeeId: c, name: "乙组组长" });
  const memberB = await buildAccount(db, { committeeId: c, name: "乙组组员" });
  const person = (accountId: string, pool: "leader" | "talent") =>
    buildPerson(db, { committeeId: c, accountId, pool });
  const pLeaderA = await person(leaderA.id, "leader");
  const pMemberA = await person(memberA.id, "talent");
  const pLeaderB = await person(leaderB.id, "leader");
  const pMemberB = await person(memberB.id, "talent");
  const groupA = await buildGroup(db, {
    committeeId: c,
    roundId: round.id,
    number: 1,
    members: [
      { personId: pLeaderA.id, role: "leader" },
      { personId: pMemberA.id, role: "member" },
    ],
    targetIds: [targetA.id],
  });
  const groupB = await buildGroup(db, {
    committeeId: c,
    roundId: round.id,
    number: 2,
    members: [
      { personId: pLeaderB.id, role: "leader" },
      { personId: pMemberB.id, role: "member" },
    ],
    targetIds: [targetB.id],
  });

  return {
    committee,
    other,
    round,
    targetA,
    targetB,
    groupA,
    groupB,
    people: { leaderA: pLeaderA, memberA: pMemberA, leaderB: pLeaderB, memberB: pMemberB },
    accounts: {
      office: await buildAccount(db, { committeeId: c, role: "officeStaff", name: "巡察办干部" }),
      officeHead: await buildAccount(db, {
        committeeId: c,
        role: "officeStaff",
        isHead: true,
        name: "巡察办主任",
      }),
      leadership: await buildAccount(db, { committeeId: c, role: "leadership", name: "领导小组" }),
      discipline: await buildAccount(db, { committeeId: c, role: "disciplineReviewer", name: "纪委" }),
      organization: await buildAccount(db, { committeeId: c, role: "organizationReviewer", name: "组织部" }),
      contactA: await buildAccount(db, {
        committeeId: c,
        role: "targetContact",
        targetId: targetA.id,
        name: "甲联系人",
      }),
      contactB: await buildAccount(db, {
        committeeId: c,
        role: "targetContact",
        targetId: targetB.id,
        name: "乙联系人",
      }),
      leaderA,
      memberA,
      leaderB,
      memberB,
      otherOffice: await buildAccount(db, {
        committeeId: other.id,
        role: "officeStaff",
        isHead: true,
        name: "他县巡察办",
      }),
      otherLeadership: await buildAccount(db, {
        committeeId: other.id,
        role: "leadership",
        name: "他县领导小组",
      }),
      sysAdmin: await buildAccount(db, { committeeId: null, role: "sysAdmin" }),
      auditAdmin: await buildAccount(db, { committeeId: null, role: "auditAdmin" }),
      securityAdmin: await buildAccount(db, { committeeId: null, role: "securityAdmin" }),
    },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
