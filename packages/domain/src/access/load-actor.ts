import {
  accounts,
  and,
  eq,
  groupMembers,
  groups,
  people,
  queryRows,
  roleAssignments,
  rounds,
  sql,
  type Tx,
} from "@xuncha/db";
import type { Role } from "../model/roles";
import type { Actor, RoleGrant } from "./actor";

export const GROUP_ROLE_TO_ROLE: Record<string, Role> = {
  leader: "groupLeader",
  deputy: "groupDeputy",
  member: "groupMember",
  liaison: "groupMember",
};

/**
 * A person opens their group's records only after signing both pledges of the round (保密承诺书 and
 * 廉洁履职承诺书, LIFECYCLE 1): a membership without them gives no grant. loadSessionActor repeats
 * this condition in its SQL.
 */
const signedBothPledges = sql`(select count(*) from commitments c where c.round_id = ${groups.roundId}
  and c.person_id = ${people.id} and c.kind in ('confidentiality', 'integrity')) = 2`;

/**
 * Loads an account's grants: assigned roles, plus group roles derived from membership in the
 * groups of open rounds (a closed round's group gives read-only access, decided by the policies).
 * Grants come in a stable order (assigned roles by creation, then groups, then the committees
 * below a leading group): actingCommittee takes the first. Requests use loadSessionActor, which
 * must return the same actor in one statement.
 */
export async function loadActor(tx: Tx, accountId: string): Promise<Actor | undefined> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account || account.disabled) return undefined;
  const assigned = await tx
    .select()
    .from(roleAssignments)
    .where(eq(roleAssignments.accountId, accountId))
    .orderBy(roleAssignments.createdAt, roleAssignments.id);
  const memberships = await tx
    .select({
      groupId: groups.id,
      roundId: groups.roundId,
      committeeId: groups.committeeId,
      role: groupMembers.role,
    })
    .from(groupMembers)
    .innerJoin(people, eq(people.id, groupMembers.personId))
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(rounds, eq(rounds.id, groups.roundId))
    .where(and(eq(people.accountId, accountId), signedBothPledges))
    .orderBy(groupMembers.groupId, groupMembers.personId);
  const grants: RoleGrant[] = [
    ...assigned.map((a) => ({
      role: a.role as Role,
      committeeId: a.committeeId,
      ...(a.targetId ? { targetId: a.targetId } : {}),
      ...(a.partnerDepartmentId ? { partnerDepartmentId: a.partnerDepartmentId } : {}),
      ...(a.isHead ? { isHead: true } : {}),
    })),
    ...memberships.map((m) => ({
      role: GROUP_ROLE_TO_ROLE[m.role] ?? "groupMember",
      committeeId: m.committeeId,
      groupId: m.groupId,
      roundId: m.roundId,
    })),
  ];
  // The leading group reads its lower committees (all levels below), without acting in them.
  const leadershipIds = assigned
    .filter((a) => a.role === "leadership" && a.committeeId)
    .map((a) => a.committeeId!);
  if (leadershipIds.length) {
    const lower = await queryRows<{ id: string }>(
      tx,
      sql`with recursive below(id) as (
            select id from committees where parent_id in (${sql.join(
              leadershipIds.map((i) => sql`${i}::uuid`),
              sql`, `,
            )})
            union select c.id from committees c join below b on c.parent_id = b.id)
          select id from below`,
    );
    for (const { id } of lower) grants.push({ role: "leadership", committeeId: id, readOnly: true });
  }
  return {
    kind: "account",
    accountId: account.id,
    name: account.displayName,
    committeeId: account.committeeId,
    grants,
  };
}
