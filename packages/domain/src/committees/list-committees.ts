import { asc, committees } from "@xuncha/db";
import { hasAnyRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { COMMITTEE_LEVELS, type CommitteeLevel } from "../model/enums";
import { INSTALLATION_ADMIN_ROLES } from "../model/roles";

export interface CommitteeNode {
  id: string;
  name: string;
  level: CommitteeLevel;
  levelLabel: string;
  parentId: string | null;
  children: CommitteeNode[];
}

/**
 * The committees as a tree. Installation administrators see the whole installation (the
 * securityAdmin needs it to give roles their scope); anyone else sees the committees they belong
 * to, each with its lower committees.
 */
export async function listCommittees(ctx: Ctx) {
  const rows = await ctx.db
    .select()
    .from(committees)
    .orderBy(asc(committees.createdAt), asc(committees.name));
  const nodes = new Map<string, CommitteeNode>(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        level: r.level as CommitteeLevel,
        levelLabel: COMMITTEE_LEVELS.labels[r.level as CommitteeLevel] ?? r.level,
        parentId: r.parentId,
        children: [],
      },
    ]),
  );
  for (const node of nodes.values()) {
    if (node.parentId) nodes.get(node.parentId)?.children.push(node);
  }
  const installation = hasAnyRole(ctx.actor, INSTALLATION_ADMIN_ROLES);
  const own = new Set(
    [ctx.actor.committeeId, ...ctx.actor.grants.map((g) => g.committeeId)].filter((id): id is string => !!id),
  );
  const isRoot = (node: CommitteeNode) => {
    if (installation) return !node.parentId || !nodes.has(node.parentId);
    if (!own.has(node.id)) return false;
    // A committee below another of the actor's committees is shown inside that one's tree.
    for (let p = node.parentId; p; p = nodes.get(p)?.parentId ?? null) if (own.has(p)) return false;
    return true;
  };
  return {
    items: [...nodes.values()].filter(isRoot),
    abilities: { create: hasAnyRole(ctx.actor, ["sysAdmin"]) },
  };
}
