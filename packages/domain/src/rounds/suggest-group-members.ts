import { and, eq, groups, inArray, people } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import type { GroupRole } from "../model/roles";
import { findRoundForOversight, peopleOfRound } from "./group-read";
import { type GroupPlacement, groupConflicts, type NamedConflict } from "./group-recusal";
import { groupMembersOf, groupTargetIdsOf } from "./manage-groups";

/** The expertise a group should cover (ROLES/LIFECYCLE: 纪检, 组织, 财会, 审计, 政法). */
export const CORE_EXPERTISE = ["纪检", "组织", "财会", "审计", "政法"] as const;

export interface CandidateSet {
  /** An existing group: its members and targets are included. */
  groupId?: string | undefined;
  /** People already chosen in the form (with roles when known). */
  members?: { personId: string; role?: GroupRole | undefined }[] | undefined;
  /** Targets chosen in the form. */
  targetIds?: string[] | undefined;
}

async function resolveSet(ctx: Ctx, roundId: string, input: CandidateSet) {
  const round = await findRoundForOversight(ctx.db, ctx.actor, roundId);
  const placements: GroupPlacement[] = [...(input.members ?? [])];
  const targetIds = [...(input.targetIds ?? [])];
  if (input.groupId) {
    const [group] = await ctx.db
      .select()
      .from(groups)
      .where(and(eq(groups.id, input.groupId), eq(groups.roundId, round.id)));
    if (!group) throw new AppError("group.not_found");
    for (const m of await groupMembersOf(ctx.db, group.id))
      if (!placements.some((p) => p.personId === m.personId)) placements.push(m);
    for (const t of await groupTargetIdsOf(ctx.db, group.id)) if (!targetIds.includes(t)) targetIds.push(t);
  }
  return { round, placements, targetIds: [...new Set(targetIds)] };
}

/**
 * Checks a candidate group (people with roles, targets) for recusal before it is saved: every
 * conflict, named, marked overridden where the leading group let it stand.
 */
export async function checkGroupRecusal(
  ctx: Ctx,
  roundId: string,
  input: CandidateSet,
): Promise<{ conflicts: NamedConflict[] }> {
  const { round, placements, targetIds } = await resolveSet(ctx, roundId, input);
  return { conflicts: await groupConflicts(ctx.db, round, placements, targetIds) };
}

/**
 * Suggests talent-pool members for a group: available people not in any group of the round, without
 * a recusal conflict with the group's targets, ranked by how many of the core expertise tags the
 * group lacks they bring (then fewer tags already covered, then name), each with its reason.
 */
export async function suggestGroupMembers(
  ctx: Ctx,
  roundId: string,
  input: CandidateSet & { limit?: number | undefined },
) {
  const { round, placements, targetIds } = await resolveSet(ctx, roundId, input);
  const chosenIds = placements.map((p) => p.personId);
  const chosen = chosenIds.length
    ? await ctx.db
        .select({ expertise: people.expertise })
        .from(people)
        .where(and(eq(people.committeeId, round.committeeId), inArray(people.id, chosenIds)))
    : [];
  const covered = new Set(chosen.flatMap((p) => p.expertise));
  const lacking = CORE_EXPERTISE.filter((e) => !covered.has(e));
  const inRound = new Set((await peopleOfRound(ctx.db, round.id)).map((p) => p.personId));
  const pool = (
    await ctx.db
      .select({
        id: people.id,
        name: people.name,
        unit: people.unit,
        post: people.post,
        expertise: people.expertise,
      })
      .from(people)
      .where(
        and(eq(people.committeeId, round.committeeId), eq(people.pool, "talent"), eq(people.available, true)),
      )
  ).filter((p) => !inRound.has(p.id) && !chosenIds.includes(p.id));
  const conflicts = (
    await groupConflicts(
      ctx.db,
      round,
      pool.map((p) => ({ personId: p.id, role: "member" as const })),
      targetIds,
    )
  ).filter((c) => !c.overridden);
  const conflicted = pool
    .filter((p) => conflicts.some((c) => c.personId === p.id))
    .map((p) => ({
      personId: p.id,
      name: p.name,
      conflicts: conflicts.filter((c) => c.personId === p.id).map((c) => `${c.targetName}：${c.reason}`),
    }));
  const suggestions = pool
    .filter((p) => !conflicts.some((c) => c.personId === p.id))
    .map((p) => {
      const brings = lacking.filter((e) => p.expertise.includes(e));
      const overlap = p.expertise.filter((e) => covered.has(e)).length;
      const clear = targetIds.length ? "与本组巡察对象无回避情形" : "尚未分配巡察对象，分配时将再核回避";
      const reason = brings.length
        ? `可补充本组缺少的专长：${brings.join("、")}；${clear}`
        : lacking.length
          ? `不具备本组缺少的专长（${lacking.join("、")}）；${clear}`
          : `本组核心专长已齐备；${clear}`;
      return {
        personId: p.id,
        name: p.name,
        unit: p.unit,
        post: p.post,
        expertise: p.expertise,
        brings,
        overlap,
        reason,
      };
    })
    .sort(
      (a, b) =>
        b.brings.length - a.brings.length || a.overlap - b.overlap || a.name.localeCompare(b.name, "zh-CN"),
    )
    .slice(0, input.limit ?? 10)
    .map(({ overlap: _, ...s }) => s);
  return { covered: [...covered], lacking, suggestions, conflicted };
}
