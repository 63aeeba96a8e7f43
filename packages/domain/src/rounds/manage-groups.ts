import { and, eq, groupMembers, groups, groupTargets, inArray, max, people, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import type { GroupRole } from "../model/roles";
import { findRoundForOffice } from "./manage-rounds";
import { groupName } from "./round-name";

export interface GroupMemberInput {
  personId: string;
  role: GroupRole;
}

/** Forms a group for a round from the committee's pools: exactly one leader, each person once. */
export async function createGroup(ctx: Ctx, roundId: string, input: { members: GroupMemberInput[] }) {
  const leaders = input.members.filter((m) => m.role === "leader");
  if (leaders.length !== 1) throw new AppError("group.leader_required");
  const personIds = [...new Set(input.members.map((m) => m.personId))];
  if (personIds.length !== input.members.length)
    throw new AppError("request.invalid", "同一人不能在组内重复出现");
  return ctx.db.transaction(async (tx) => {
    const round = await findRoundForOffice(tx, ctx.actor, roundId, true);
    const found = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(inArray(people.id, personIds), eq(people.committeeId, round.committeeId)));
    if (found.length !== personIds.length) throw new AppError("person.not_found");
    const [{ value: last } = { value: 0 }] = await tx
      .select({ value: max(groups.number) })
      .from(groups)
      .where(eq(groups.roundId, round.id));
    const number = (last ?? 0) + 1;
    const [group] = await tx
      .insert(groups)
      .values({ committeeId: round.committeeId, roundId: round.id, number, name: groupName(number) })
      .returning();
    await tx
      .insert(groupMembers)
      .values(input.members.map((m) => ({ ...m, groupId: group!.id, committeeId: round.committeeId })));
    await recordAudit(tx, ctx.actor, {
      action: "group.create",
      entity: "group",
      entityId: group!.id,
      committeeId: round.committeeId,
      summary: { roundId, number, members: input.members },
    });
    return group!;
  });
}

/** Assigns targets to a group; a target is inspected by one group of a round. */
export async function assignTargets(ctx: Ctx, groupId: string, input: { targetIds: string[] }) {
  const targetIds = [...new Set(input.targetIds)];
  return ctx.db.transaction(async (tx) => {
    const [group] = await tx.select().from(groups).where(eq(groups.id, groupId));
    if (!group) throw new AppError("group.not_found");
    assertInCommittee(ctx.actor, ["officeStaff"], group.committeeId, "group.not_found");
    const round = await findRoundForOffice(tx, ctx.actor, group.roundId, true);
    const found = await tx
      .select({ id: targets.id, name: targets.name })
      .from(targets)
      .where(and(inArray(targets.id, targetIds), eq(targets.committeeId, group.committeeId)));
    if (found.length !== targetIds.length) throw new AppError("target.not_found");
    const taken = await tx
      .select({ targetId: groupTargets.targetId, groupId: groupTargets.groupId })
      .from(groupTargets)
      .where(and(eq(groupTargets.roundId, round.id), inArray(groupTargets.targetId, targetIds)));
    const elsewhere = taken.filter((t) => t.groupId !== groupId);
    if (elsewhere.length) {
      const names = found.filter((f) => elsewhere.some((e) => e.targetId === f.id)).map((f) => f.name);
      throw new AppError("group.target_taken", `${names.join("、")} 已分配给本轮其他巡察组`, {
        targetIds: elsewhere,
      });
    }
    const fresh = targetIds.filter((id) => !taken.some((t) => t.targetId === id));
    if (fresh.length) {
      await tx
        .insert(groupTargets)
        .values(
          fresh.map((targetId) => ({ groupId, targetId, roundId: round.id, committeeId: group.committeeId })),
        );
    }
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
