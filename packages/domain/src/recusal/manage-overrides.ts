import { and, eq, groupMembers, groups, groupTargets, people, recusalOverrides, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import type { GroupRole } from "../model/roles";
import { findRoundForOversight } from "../rounds/group-read";
import { groupConflicts, type NamedConflict } from "../rounds/group-recusal";

/**
 * The leading group lets an assignment stand despite recusal conflicts, with its reason (audited).
 * The conflicts as the rules report them now are kept with the decision. The person's role in the
 * round, if they already have one, decides the role-dependent rule; otherwise the strictest applies.
 * Recording again replaces the reason.
 */
export async function recordRecusalOverride(
  ctx: Ctx,
  roundId: string,
  input: { personId: string; targetId: string; reason: string },
) {
  return ctx.db.transaction(async (tx) => {
    const round = await findRoundForOversight(tx, ctx.actor, roundId);
    assertInCommittee(ctx.actor, ["leadership"], round.committeeId, "round.not_found");
    if (round.status === "closed") throw new AppError("round.closed");
    const [person] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, input.personId), eq(people.committeeId, round.committeeId)));
    if (!person) throw new AppError("person.not_found");
    const [target] = await tx
      .select({ id: targets.id })
      .from(targets)
      .where(and(eq(targets.id, input.targetId), eq(targets.committeeId, round.committeeId)));
    if (!target) throw new AppError("target.not_found");
    const [membership] = await tx
      .select({ role: groupMembers.role })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(and(eq(groups.roundId, round.id), eq(groupMembers.personId, person.id)));
    const conflicts = await groupConflicts(
      tx,
      round,
      [{ personId: person.id, role: membership?.role as GroupRole | undefined }],
      [target.id],
    );
    if (!conflicts.length) throw new AppError("recusal.no_conflict");
    const stored = conflicts.map((c) => ({ rule: c.rule, reason: c.reason }));
    const [row] = await tx
      .insert(recusalOverrides)
      .values({
        committeeId: round.committeeId,
        roundId: round.id,
        personId: person.id,
        targetId: target.id,
        conflicts: stored,
        reason: input.reason,
        decidedBy: ctx.actor.accountId!,
      })
      .onConflictDoUpdate({
        target: [recusalOverrides.roundId, recusalOverrides.personId, recusalOverrides.targetId],
        set: { reason: input.reason, conflicts: stored, decidedBy: ctx.actor.accountId! },
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "recusal.override",
      entity: "recusal_override",
      entityId: row!.id,
      committeeId: round.committeeId,
      summary: {
        roundId: round.id,
        personId: person.id,
        targetId: target.id,
        reason: input.reason,
        conflicts: stored,
      },
    });
    return {
      id: row!.id,
      personId: person.id,
      personName: conflicts[0]!.personName,
      targetId: target.id,
      targetName: conflicts[0]!.targetName,
      reason: input.reason,
      conflicts: stored,
    };
  });
}

/**
 * The recusal picture of a round (office and leading group): every conflict between a group's
 * people and its targets (overridden ones marked with the reason), and every override recorded.
 */
export async function listRoundRecusal(ctx: Ctx, roundId: string) {
  const round = await findRoundForOversight(ctx.db, ctx.actor, roundId);
  const [members, assigned, overrides] = await Promise.all([
    ctx.db
      .select({ groupId: groupMembers.groupId, personId: groupMembers.personId, role: groupMembers.role })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(eq(groups.roundId, round.id)),
    ctx.db
      .select({ groupId: groupTargets.groupId, targetId: groupTargets.targetId })
      .from(groupTargets)
      .where(eq(groupTargets.roundId, round.id)),
    ctx.db
      .select({
        id: recusalOverrides.id,
        personId: recusalOverrides.personId,
        personName: people.name,
        targetId: recusalOverrides.targetId,
        targetName: targets.name,
        reason: recusalOverrides.reason,
        conflicts: recusalOverrides.conflicts,
        decidedAt: recusalOverrides.createdAt,
      })
      .from(recusalOverrides)
      .innerJoin(people, eq(people.id, recusalOverrides.personId))
      .innerJoin(targets, eq(targets.id, recusalOverrides.targetId))
      .where(eq(recusalOverrides.roundId, round.id))
      .orderBy(recusalOverrides.createdAt),
  ]);
  const groupIds = [...new Set([...members, ...assigned].map((r) => r.groupId))];
  const conflicts: (NamedConflict & { groupId: string })[] = [];
  for (const groupId of groupIds) {
    const found = await groupConflicts(
      ctx.db,
      round,
      members
        .filter((m) => m.groupId === groupId)
        .map((m) => ({ personId: m.personId, role: m.role as GroupRole })),
      assigned.filter((a) => a.groupId === groupId).map((a) => a.targetId),
    );
    conflicts.push(...found.map((c) => ({ ...c, groupId })));
  }
  const canOverride =
    round.status === "open" &&
    ctx.actor.grants.some(
      (g) => g.role === "leadership" && g.committeeId === round.committeeId && !g.readOnly,
    );
  return { conflicts, overrides, abilities: { override: canOverride } };
}
