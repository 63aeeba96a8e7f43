import {
  and,
  eq,
  groupMembers,
  groups,
  groupTargets,
  inArray,
  max,
  ne,
  people,
  type rounds,
  type Tx,
  targets,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { GROUP_ROLE_LABELS, type GroupRole } from "../model/roles";
import { syncRoundWorkItems } from "../work-items/sync-work-items";
import { assertNoRecusalConflict } from "./group-recusal";
import { findRoundForOffice } from "./manage-rounds";
import { groupName } from "./round-name";

export interface GroupMemberInput {
  personId: string;
  role: GroupRole;
}

type Round = typeof rounds.$inferSelect;
type Group = typeof groups.$inferSelect;

/** A group of an open round of the office's committee, with its round (locked), for a change. */
export async function findGroupForOffice(tx: Tx, actor: Actor, groupId: string) {
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
  if (!group) throw new AppError("group.not_found");
  assertInCommittee(actor, ["officeStaff"], group.committeeId, "group.not_found");
  const round = await findRoundForOffice(tx, actor, group.roundId, true);
  return { group, round };
}

export const groupMembersOf = (tx: Tx, groupId: string) =>
  tx
    .select({ personId: groupMembers.personId, role: groupMembers.role })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, groupId)) as Promise<GroupMemberInput[]>;

export const groupTargetIdsOf = async (tx: Tx, groupId: string) =>
  (
    await tx
      .select({ targetId: groupTargets.targetId })
      .from(groupTargets)
      .where(eq(groupTargets.groupId, groupId))
  ).map((r) => r.targetId);

/**
 * People may join a group when they are of the round's committee, available, not already in
 * another group of the round, and (for the leader) from the leader pool. Deputies, members and
 * liaisons may come from either pool (a leader-pool person may serve as deputy).
 */
async function assertEligible(tx: Tx, round: Round, members: readonly GroupMemberInput[], groupId?: string) {
  const personIds = members.map((m) => m.personId);
  if (!personIds.length) return;
  const found = await tx
    .select({ id: people.id, name: people.name, pool: people.pool, available: people.available })
    .from(people)
    .where(and(inArray(people.id, personIds), eq(people.committeeId, round.committeeId)));
  if (found.length !== new Set(personIds).size) throw new AppError("person.not_found");
  for (const m of members) {
    const p = found.find((f) => f.id === m.personId)!;
    if (m.role === "leader" && p.pool !== "leader")
      throw new AppError("group.leader_pool", `${p.name} 不在组长库中，不能担任组长`);
    if (!p.available) throw new AppError("group.person_unavailable", `${p.name} 当前不可参加巡察`);
  }
  const busy = await tx
    .select({ personId: groupMembers.personId, group: groups.name })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(
      and(
        eq(groups.roundId, round.id),
        inArray(groupMembers.personId, personIds),
        groupId ? ne(groups.id, groupId) : undefined,
      ),
    );
  if (busy.length) {
    const names = busy.map((b) => `${found.find((f) => f.id === b.personId)?.name}（${b.group}）`);
    throw new AppError("group.person_in_round", `${names.join("、")} 已在本轮巡察组中`, {
      personIds: busy.map((b) => b.personId),
    });
  }
}

/** Adds targets to a group: each of the committee, not taken by another group of the round, no open conflict. */
async function addTargets(tx: Tx, group: Group, round: Round, ids: readonly string[]) {
  const targetIds = [...new Set(ids)];
  if (!targetIds.length) return [];
  const found = await tx
    .select({ id: targets.id, name: targets.name })
    .from(targets)
    .where(and(inArray(targets.id, targetIds), eq(targets.committeeId, group.committeeId)));
  if (found.length !== targetIds.length) throw new AppError("target.not_found");
  const taken = await tx
    .select({ targetId: groupTargets.targetId, groupId: groupTargets.groupId })
    .from(groupTargets)
    .where(and(eq(groupTargets.roundId, round.id), inArray(groupTargets.targetId, targetIds)));
  const elsewhere = taken.filter((t) => t.groupId !== group.id);
  if (elsewhere.length) {
    const names = found.filter((f) => elsewhere.some((e) => e.targetId === f.id)).map((f) => f.name);
    throw new AppError("group.target_taken", `${names.join("、")} 已分配给本轮其他巡察组`, {
      targetIds: elsewhere,
    });
  }
  const fresh = targetIds.filter((id) => !taken.some((t) => t.targetId === id));
  if (!fresh.length) return [];
  await assertNoRecusalConflict(tx, round, await groupMembersOf(tx, group.id), fresh);
  await tx.insert(groupTargets).values(
    fresh.map((targetId) => ({
      groupId: group.id,
      targetId,
      roundId: round.id,
      committeeId: group.committeeId,
    })),
  );
  return fresh;
}

/**
 * Forms a group for a round from the committee's pools: exactly one leader (from the leader pool),
 * each person once and in no other group of the round, optionally with its targets at once; every
 * recusal conflict between its people and its targets blocks it unless the leading group overrode
 * it. The branch secretary is the leader unless another member is named.
 */
export async function createGroup(
  ctx: Ctx,
  roundId: string,
  input: {
    members: GroupMemberInput[];
    targetIds?: string[] | undefined;
    branchSecretaryId?: string | undefined;
  },
) {
  const leaders = input.members.filter((m) => m.role === "leader");
  if (leaders.length !== 1) throw new AppError("group.leader_required");
  const personIds = [...new Set(input.members.map((m) => m.personId))];
  if (personIds.length !== input.members.length)
    throw new AppError("request.invalid", "同一人不能在组内重复出现");
  if (input.branchSecretaryId && !personIds.includes(input.branchSecretaryId))
    throw new AppError("group.member_not_found", "临时党支部书记须为本组成员");
  return ctx.db.transaction(async (tx) => {
    const round = await findRoundForOffice(tx, ctx.actor, roundId, true);
    await assertEligible(tx, round, input.members);
    const [{ value: last } = { value: 0 }] = await tx
      .select({ value: max(groups.number) })
      .from(groups)
      .where(eq(groups.roundId, round.id));
    const number = (last ?? 0) + 1;
    const [group] = await tx
      .insert(groups)
      .values({
        committeeId: round.committeeId,
        roundId: round.id,
        number,
        name: groupName(number),
        branchSecretaryId: input.branchSecretaryId ?? leaders[0]!.personId,
      })
      .returning();
    await tx
      .insert(groupMembers)
      .values(input.members.map((m) => ({ ...m, groupId: group!.id, committeeId: round.committeeId })));
    const assigned = await addTargets(tx, group!, round, input.targetIds ?? []);
    await syncRoundWorkItems(tx, round.id);
    await recordAudit(tx, ctx.actor, {
      action: "group.create",
      entity: "group",
      entityId: group!.id,
      committeeId: round.committeeId,
      summary: { roundId, number, members: input.members, targetIds: assigned },
    });
    return group!;
  });
}

/** Assigns targets to a group; a target is inspected by one group of a round; recusal is checked. */
export async function assignTargets(ctx: Ctx, groupId: string, input: { targetIds: string[] }) {
  return ctx.db.transaction(async (tx) => {
    const { group, round } = await findGroupForOffice(tx, ctx.actor, groupId);
    const fresh = await addTargets(tx, group, round, input.targetIds);
    await syncRoundWorkItems(tx, round.id);
    await recordAudit(tx, ctx.actor, {
      action: "group.assign_targets",
      entity: "group",
      entityId: groupId,
      committeeId: group.committeeId,
      summary: { targetIds: fresh },
    });
    return { assigned: fresh.length };
  });
}

/** Adds a person to a group of an open round (not as leader: change the leader with updateGroupMember). */
export async function addGroupMember(ctx: Ctx, groupId: string, input: GroupMemberInput) {
  return ctx.db.transaction(async (tx) => {
    const { group, round } = await findGroupForOffice(tx, ctx.actor, groupId);
    const members = await groupMembersOf(tx, groupId);
    if (members.some((m) => m.personId === input.personId))
      throw new AppError("group.person_in_round", "该人员已是本组成员");
    const changes = await leaderChange(tx, groupId, members, input);
    await assertEligible(tx, round, [input]);
    await assertNoRecusalConflict(
      tx,
      round,
      [input, ...changes.demoted],
      await groupTargetIdsOf(tx, groupId),
    );
    await tx.insert(groupMembers).values({ ...input, groupId, committeeId: group.committeeId });
    await recordAudit(tx, ctx.actor, {
      action: "group.member_add",
      entity: "group",
      entityId: groupId,
      committeeId: group.committeeId,
      summary: { personId: input.personId, role: input.role, demoted: changes.demoted },
    });
  });
}

/**
 * A new leader demotes the current one to deputy (a group has exactly one leader, and the branch
 * secretary follows the leader when it was the leader).
 */
async function leaderChange(
  tx: Tx,
  groupId: string,
  members: readonly GroupMemberInput[],
  next: GroupMemberInput,
): Promise<{ demoted: GroupMemberInput[] }> {
  if (next.role !== "leader") return { demoted: [] };
  const current = members.filter((m) => m.role === "leader" && m.personId !== next.personId);
  for (const m of current)
    await tx
      .update(groupMembers)
      .set({ role: "deputy" })
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.personId, m.personId)));
  const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
  if (group && (!group.branchSecretaryId || current.some((m) => m.personId === group.branchSecretaryId)))
    await tx.update(groups).set({ branchSecretaryId: next.personId }).where(eq(groups.id, groupId));
  return { demoted: current.map((m) => ({ personId: m.personId, role: "deputy" as const })) };
}

/** Changes a member's role; making someone leader demotes the current leader to deputy. */
export async function updateGroupMember(
  ctx: Ctx,
  groupId: string,
  personId: string,
  input: { role: GroupRole },
) {
  return ctx.db.transaction(async (tx) => {
    const { group, round } = await findGroupForOffice(tx, ctx.actor, groupId);
    const members = await groupMembersOf(tx, groupId);
    const member = members.find((m) => m.personId === personId);
    if (!member) throw new AppError("group.member_not_found");
    if (member.role === input.role) return;
    if (member.role === "leader")
      throw new AppError("group.leader_removal", "请将另一名成员设为组长，原组长将改为副组长");
    const next = { personId, role: input.role };
    if (input.role === "leader") await assertEligible(tx, round, [next], groupId);
    const changes = await leaderChange(tx, groupId, members, next);
    await assertNoRecusalConflict(tx, round, [next, ...changes.demoted], await groupTargetIdsOf(tx, groupId));
    await tx
      .update(groupMembers)
      .set({ role: input.role })
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.personId, personId)));
    await recordAudit(tx, ctx.actor, {
      action: "group.member_update",
      entity: "group",
      entityId: groupId,
      committeeId: group.committeeId,
      summary: { personId, from: member.role, to: input.role, demoted: changes.demoted },
    });
  });
}

/** Removes a person from a group (not the leader); a removed branch secretary falls back to the leader. */
export async function removeGroupMember(ctx: Ctx, groupId: string, personId: string) {
  return ctx.db.transaction(async (tx) => {
    const { group } = await findGroupForOffice(tx, ctx.actor, groupId);
    const members = await groupMembersOf(tx, groupId);
    const member = members.find((m) => m.personId === personId);
    if (!member) throw new AppError("group.member_not_found");
    if (member.role === "leader") throw new AppError("group.leader_removal");
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.personId, personId)));
    if (group.branchSecretaryId === personId) {
      const leader = members.find((m) => m.role === "leader");
      await tx
        .update(groups)
        .set({ branchSecretaryId: leader?.personId ?? null })
        .where(eq(groups.id, groupId));
    }
    await recordAudit(tx, ctx.actor, {
      action: "group.member_remove",
      entity: "group",
      entityId: groupId,
      committeeId: group.committeeId,
      summary: { personId, role: member.role, label: GROUP_ROLE_LABELS[member.role as GroupRole] },
    });
  });
}

/** Names the secretary of the group's temporary party branch (临时党支部书记): one of its members. */
export async function setBranchSecretary(ctx: Ctx, groupId: string, input: { personId: string }) {
  return ctx.db.transaction(async (tx) => {
    const { group } = await findGroupForOffice(tx, ctx.actor, groupId);
    const members = await groupMembersOf(tx, groupId);
    if (!members.some((m) => m.personId === input.personId))
      throw new AppError("group.member_not_found", "临时党支部书记须为本组成员");
    await tx.update(groups).set({ branchSecretaryId: input.personId }).where(eq(groups.id, groupId));
    await recordAudit(tx, ctx.actor, {
      action: "group.branch_secretary",
      entity: "group",
      entityId: groupId,
      committeeId: group.committeeId,
      summary: { from: group.branchSecretaryId, to: input.personId },
    });
  });
}
