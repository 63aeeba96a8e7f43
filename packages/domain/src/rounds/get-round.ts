import { eq, groupMembers, groups, groupTargets, inArray, people, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import { roundStatistics } from "../statistics/round-statistics";
import { findVisibleRound, orderGroups, visibleGroupFilter } from "./manage-rounds";

/** A round with the groups the actor may see (members and targets) and its statistics. */
export async function getRound(ctx: Ctx, roundId: string) {
  const round = await findVisibleRound(ctx.db, ctx.actor, roundId);
  const groupRows = await ctx.db
    .select()
    .from(groups)
    .where(visibleGroupFilter(ctx.actor, round.committeeId, round.id))
    .orderBy(orderGroups);
  const ids = groupRows.map((g) => g.id);
  const [members, assigned] = ids.length
    ? await Promise.all([
        ctx.db
          .select({
            groupId: groupMembers.groupId,
            personId: people.id,
            name: people.name,
            role: groupMembers.role,
          })
          .from(groupMembers)
          .innerJoin(people, eq(people.id, groupMembers.personId))
          .where(inArray(groupMembers.groupId, ids)),
        ctx.db
          .select({
            groupId: groupTargets.groupId,
            id: targets.id,
            name: targets.name,
            category: targets.category,
          })
          .from(groupTargets)
          .innerJoin(targets, eq(targets.id, groupTargets.targetId))
          .where(inArray(groupTargets.groupId, ids)),
      ])
    : [[], []];
  const roleOrder = ["leader", "deputy", "member", "liaison"];
  const isOffice = committeesWhere(ctx.actor, ["officeStaff"]).includes(round.committeeId);
  return {
    ...round,
    groups: groupRows.map((g) => ({
      id: g.id,
      number: g.number,
      name: g.name,
      branchSecretaryId: g.branchSecretaryId,
      members: members
        .filter((m) => m.groupId === g.id)
        .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))
        .map(({ groupId: _, ...m }) => m),
      targets: assigned.filter((t) => t.groupId === g.id).map(({ groupId: _, ...t }) => t),
    })),
    statistics: await roundStatistics(ctx.db, ctx.actor, round.id),
    abilities: { manage: isOffice && round.status === "open" },
  };
}
