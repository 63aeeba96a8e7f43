import {
  and,
  eq,
  groupMembers,
  groupTargets,
  inArray,
  isNull,
  or,
  people,
  type SQL,
  sql,
  type Tx,
  workItems,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, contactTargetIds } from "../access/policies";
import type { Role } from "../model/roles";
import type { WorkItemOwner } from "./checklist";

/** Roles that see every work item of their committee's rounds. */
export const WORK_ITEM_READERS: readonly Role[] = [
  "leadership",
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
];

/** What of a round's work items the actor sees: all, or those of their groups / their targets. */
export interface WorkItemVisibility {
  all: boolean;
  /** Groups of the round the actor belongs to (any group role). */
  groupIds: string[];
  /** Targets of the round the actor is the contact of. */
  targetIds: string[];
  /** The actor's roles in the round's groups (leader, deputy, member, liaison), by group. */
  groupRoles: Map<string, string[]>;
}

/**
 * The actor's view of one round's work items, or null when they may see none of it (→ not found):
 *  - office, leading group, 纪委监委, 组织部 of the committee: everything;
 *  - a group's people: the round's own items and those of their group and its targets;
 *  - a target's contact: the items of their target only.
 */
export async function workItemScope(
  tx: Tx,
  actor: Actor,
  round: { id: string; committeeId: string },
): Promise<WorkItemVisibility | null> {
  const all = committeesWhere(actor, WORK_ITEM_READERS, "read").includes(round.committeeId);
  const groupRoles = new Map<string, string[]>();
  if (actor.accountId) {
    const rows = await tx
      .select({ groupId: groupMembers.groupId, role: groupMembers.role })
      .from(groupMembers)
      .innerJoin(people, eq(people.id, groupMembers.personId))
      .where(
        and(
          eq(people.accountId, actor.accountId),
          eq(groupMembers.committeeId, round.committeeId),
          sql`${groupMembers.groupId} in (select id from groups where round_id = ${round.id})`,
        ),
      );
    for (const r of rows) groupRoles.set(r.groupId, [...(groupRoles.get(r.groupId) ?? []), r.role]);
  }
  const contactOf = contactTargetIds(actor);
  const targetIds = contactOf.length
    ? (
        await tx
          .select({ targetId: groupTargets.targetId })
          .from(groupTargets)
          .where(and(eq(groupTargets.roundId, round.id), inArray(groupTargets.targetId, contactOf)))
      ).map((r) => r.targetId)
    : [];
  const groupIds = [...groupRoles.keys()];
  if (!all && !groupIds.length && !targetIds.length) return null;
  return { all, groupIds, targetIds, groupRoles };
}

/** The work items of the round the scope lets the actor see, as one SQL condition. */
export function visibleWorkItems(scope: WorkItemVisibility): SQL {
  if (scope.all) return sql`true`;
  const parts: SQL[] = [];
  if (scope.groupIds.length)
    parts.push(
      and(isNull(workItems.groupId), isNull(workItems.targetId))!,
      inArray(workItems.groupId, scope.groupIds),
    );
  if (scope.targetIds.length) parts.push(inArray(workItems.targetId, scope.targetIds));
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

const OFFICE_SIDE: Partial<Record<WorkItemOwner, Role>> = {
  leadingGroup: "leadership",
  disciplineCommission: "disciplineReviewer",
  organizationDept: "organizationReviewer",
};

/**
 * Whether the actor may mark an item done or undo it: the owner's side.
 *  - office items, and those of the leading group, 纪委监委 and 组织部 (which the office records
 *    for them): the office; the leading group, 纪委监委 or 组织部 for their own;
 *  - group items: the group's leader or liaison;
 *  - target items: the target's contact (the office when the item names no target).
 */
export function canMarkWorkItem(
  actor: Actor,
  scope: WorkItemVisibility,
  item: { committeeId: string; owner: string; groupId: string | null; targetId: string | null },
): boolean {
  const office = committeesWhere(actor, ["officeStaff"]).includes(item.committeeId);
  const owner = item.owner as WorkItemOwner;
  if (owner === "group") {
    const leads = (groupId: string) =>
      (scope.groupRoles.get(groupId) ?? []).some((r) => r === "leader" || r === "liaison");
    return item.groupId ? leads(item.groupId) : scope.groupIds.some(leads);
  }
  if (owner === "target") return item.targetId ? scope.targetIds.includes(item.targetId) : office;
  const side = OFFICE_SIDE[owner];
  return office || (side !== undefined && committeesWhere(actor, [side]).includes(item.committeeId));
}
