import { groupTargets, inArray, or, type SQL, sql, targets } from "@xuncha/db";
import { type Actor, hasRole } from "../access/actor";
import { committeesWhere, contactTargetIds, groupIdsOf } from "../access/policies";
import type { Role } from "../model/roles";

/** Roles that read every target of their committee. */
export const TARGET_READERS: readonly Role[] = [
  "leadership",
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
];

/**
 * The targets the actor may see, as one SQL condition: the committee's registry for its readers
 * (the leading group also reads its lower committees' registries); the targets assigned to the
 * actor's groups; a contact's own target. Nothing for anyone else.
 */
export function visibleTargets(actor: Actor): SQL {
  const readers = committeesWhere(actor, TARGET_READERS, "read");
  const groupIds = groupIdsOf(actor);
  const contactIds = contactTargetIds(actor);
  const conditions: SQL[] = [];
  if (readers.length) conditions.push(inArray(targets.committeeId, readers));
  if (groupIds.length) {
    conditions.push(
      sql`${targets.id} in (select ${groupTargets.targetId} from ${groupTargets} where ${inArray(groupTargets.groupId, groupIds)})`,
    );
  }
  if (contactIds.length) conditions.push(inArray(targets.id, contactIds));
  return conditions.length ? (or(...conditions) as SQL) : sql`false`;
}

/** The office keeps the registry. */
export const canEditTargets = (actor: Actor, committeeId: string) =>
  hasRole(actor, "officeStaff", committeeId);
