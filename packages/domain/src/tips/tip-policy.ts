import { and, inArray, type SQL, sql, tips } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, groupIdsOf } from "../access/policies";

/**
 * The tips the actor may see, as one SQL condition: the office (every tip of its committee), the
 * leading group (read), a group (the tips routed to it). Nobody else: never a target's contact, the
 * upper level, partner departments, 纪委 or 组织部 through this register (ROLES.md).
 */
export function visibleTips(actor: Actor): SQL {
  const committees = committeesWhere(actor, ["officeStaff", "leadership"]);
  const groupIds = groupIdsOf(actor);
  const parts = [
    committees.length ? inArray(tips.committeeId, committees) : undefined,
    groupIds.length ? inArray(tips.groupId, groupIds) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export const visibleTip = (actor: Actor, id: string) => and(sql`${tips.id} = ${id}`, visibleTips(actor));

const isOffice = (actor: Actor, committeeId: string) =>
  committeesWhere(actor, ["officeStaff"]).includes(committeeId);

/** Leader or deputy of the tip's group, while the round is open (a closed round is read-only). */
const isDecidingGroup = (actor: Actor, tip: { groupId: string | null }, roundOpen: boolean) =>
  roundOpen &&
  tip.groupId !== null &&
  groupIdsOf(actor, ["groupLeader", "groupDeputy"]).includes(tip.groupId);

/** What the actor may do with a tip, sent with it so the web app never re-implements the rules. */
export function tipAbilities(
  actor: Actor,
  tip: { committeeId: string; groupId: string | null; status: string; named: boolean },
  roundOpen: boolean,
) {
  const office = isOffice(actor, tip.committeeId);
  const deciding = office || isDecidingGroup(actor, tip, roundOpen);
  return {
    route: office && (tip.status === "new" || tip.status === "routed"),
    decide: deciding && tip.status === "routed",
    answer: deciding && tip.status === "handedOver",
    requestReveal: deciding && tip.named,
  };
}
