import { randomBytes } from "node:crypto";
import { and, desc, eq, groupDraws, groups, inArray, people } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { type DrawReplay, pickWithSeed, replayDraw } from "./draw-replay";
import { findRoundForOversight, peopleOfRound } from "./group-read";
import { groupConflicts } from "./group-recusal";
import { groupTargetIdsOf } from "./manage-groups";
import { findRoundForOffice } from "./manage-rounds";

export interface DrawInput {
  pool: "leader" | "talent";
  count: number;
  /** The group the people are drawn for: its targets decide recusal. */
  groupId?: string | undefined;
  /** A candidate must have at least one of these expertise tags. */
  expertise?: string[] | undefined;
}

export interface DrawExclusion {
  personId: string;
  name: string;
  reasons: string[];
}

/**
 * A random draw (随机抽取): candidates are the available people of the pool not already in the round,
 * having one of the required expertise tags, and without a recusal conflict with the group's targets
 * (unless overridden), sorted by id; a fresh crypto-random seed picks `count` of them with
 * pickWithSeed. Seed, candidates, exclusions (with reasons) and picks are recorded so the draw can be
 * replayed. The picks are a proposal: the office then adds them to the group (recusal checked again).
 */
export async function drawMembers(ctx: Ctx, roundId: string, input: DrawInput) {
  return ctx.db.transaction(async (tx) => {
    const round = await findRoundForOffice(tx, ctx.actor, roundId);
    let targetIds: string[] = [];
    if (input.groupId) {
      const [group] = await tx
        .select()
        .from(groups)
        .where(and(eq(groups.id, input.groupId), eq(groups.roundId, round.id)));
      if (!group) throw new AppError("group.not_found");
      targetIds = await groupTargetIdsOf(tx, group.id);
    }
    const pool = await tx
      .select({ id: people.id, name: people.name, available: people.available, expertise: people.expertise })
      .from(people)
      .where(and(eq(people.committeeId, round.committeeId), eq(people.pool, input.pool)))
      .orderBy(people.id);
    const inRound = new Map((await peopleOfRound(tx, round.id)).map((p) => [p.personId, p.groupName]));
    const conflicts = (
      await groupConflicts(
        tx,
        round,
        pool.map((p) => ({ personId: p.id })),
        targetIds,
      )
    ).filter((c) => !c.overridden);
    const required = (input.expertise ?? []).filter((e) => e.trim());
    const excluded: DrawExclusion[] = [];
    const candidates: string[] = [];
    for (const p of pool) {
      const reasons: string[] = [];
      if (!p.available) reasons.push("当前不可参加巡察");
      const group = inRound.get(p.id);
      if (group) reasons.push(`已在本轮${group}`);
      if (required.length && !required.some((e) => p.expertise.includes(e)))
        reasons.push(`不具备所需专长（${required.join("、")}）`);
      for (const c of conflicts.filter((c) => c.personId === p.id))
        reasons.push(`回避：${c.targetName}，${c.reason}`);
      if (reasons.length) excluded.push({ personId: p.id, name: p.name, reasons });
      else candidates.push(p.id);
    }
    if (candidates.length < input.count)
      throw new AppError(
        "draw.not_enough_candidates",
        `符合条件的人员只有 ${candidates.length} 名，不足 ${input.count} 名，无法抽取`,
        { candidates: candidates.length, count: input.count },
      );
    const seed = randomBytes(16).toString("hex");
    const picked = pickWithSeed(seed, candidates, input.count);
    const [draw] = await tx
      .insert(groupDraws)
      .values({
        committeeId: round.committeeId,
        roundId: round.id,
        groupId: input.groupId ?? null,
        pool: input.pool,
        seed,
        candidates,
        excluded,
        count: input.count,
        picked,
        drawnBy: ctx.actor.accountId!,
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "group.draw",
      entity: "group_draw",
      entityId: draw!.id,
      committeeId: round.committeeId,
      summary: {
        roundId,
        groupId: input.groupId ?? null,
        pool: input.pool,
        count: input.count,
        expertise: required,
        seed,
        picked,
      },
    });
    return presentDraw(draw!, new Map(pool.map((p) => [p.id, p.name])));
  });
}

type DrawRow = typeof groupDraws.$inferSelect;

function presentDraw(d: DrawRow, names: Map<string, string>) {
  const candidates = d.candidates as string[];
  const picked = d.picked as string[];
  return {
    id: d.id,
    roundId: d.roundId,
    groupId: d.groupId,
    pool: d.pool as "leader" | "talent",
    seed: d.seed,
    count: d.count,
    candidates: candidates.map((id) => ({ personId: id, name: names.get(id) ?? "" })),
    excluded: d.excluded as DrawExclusion[],
    picked: picked.map((id) => ({ personId: id, name: names.get(id) ?? "" })),
    drawnAt: d.createdAt,
  };
}

const namesOf = async (tx: Ctx["db"], rows: DrawRow[]) => {
  const ids = [...new Set(rows.flatMap((r) => [...(r.candidates as string[]), ...(r.picked as string[])]))];
  const found = ids.length
    ? await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids))
    : [];
  return new Map(found.map((p) => [p.id, p.name]));
};

/** The draws of a round, newest first (office and leading group). */
export async function listDraws(ctx: Ctx, roundId: string) {
  const round = await findRoundForOversight(ctx.db, ctx.actor, roundId);
  const rows = await ctx.db
    .select()
    .from(groupDraws)
    .where(eq(groupDraws.roundId, round.id))
    .orderBy(desc(groupDraws.createdAt));
  const names = await namesOf(ctx.db, rows);
  return rows.map((r) => presentDraw(r, names));
}

/** Replays a recorded draw from its seed and candidates and says whether it matches the record. */
export async function replayRecordedDraw(
  ctx: Ctx,
  drawId: string,
): Promise<ReturnType<typeof presentDraw> & { replay: DrawReplay }> {
  const [row] = await ctx.db.select().from(groupDraws).where(eq(groupDraws.id, drawId));
  if (!row) throw new AppError("draw.not_found");
  try {
    await findRoundForOversight(ctx.db, ctx.actor, row.roundId);
  } catch {
    throw new AppError("draw.not_found");
  }
  const names = await namesOf(ctx.db, [row]);
  const replay = replayDraw({
    seed: row.seed,
    candidates: row.candidates as string[],
    count: row.count,
    picked: row.picked as string[],
  });
  return { ...presentDraw(row, names), replay };
}
