import { and, eq, inArray, people, recusalOverrides, type rounds, type Tx, targets } from "@xuncha/db";
import { AppError } from "../model/errors";
import type { GroupRole } from "../model/roles";
import { loadRecusalFacts } from "../recusal/load-recusal-facts";
import type { RecusalConflict } from "../recusal/rules";

type Round = typeof rounds.$inferSelect;

export interface GroupPlacement {
  personId: string;
  /** Unknown (candidates not yet given a role): the strictest rule applies. */
  role?: GroupRole | undefined;
}

/** A conflict as shown to people: who, which target, why, and whether the leading group let it stand. */
export interface NamedConflict extends RecusalConflict {
  personName: string;
  targetName: string;
  overridden: boolean;
  overrideReason?: string;
}

/**
 * The recusal conflicts between these people (in these roles) and these targets in a round, named,
 * each marked overridden when the leading group recorded an override for (round, person, target).
 */
export async function groupConflicts(
  tx: Tx,
  round: Pick<Round, "id" | "committeeId" | "termId" | "number" | "startsOn">,
  placements: readonly GroupPlacement[],
  targetIds: readonly string[],
): Promise<NamedConflict[]> {
  if (!placements.length || !targetIds.length) return [];
  const personIds = [...new Set(placements.map((p) => p.personId))];
  const facts = await loadRecusalFacts(tx, { committeeId: round.committeeId, personIds, targetIds, round });
  const found = placements.flatMap((p) => targetIds.flatMap((t) => facts.conflictsOf(p.personId, t, p.role)));
  if (!found.length) return [];
  const [names, targetNames, overrides] = await Promise.all([
    tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, personIds)),
    tx
      .select({ id: targets.id, name: targets.name })
      .from(targets)
      .where(inArray(targets.id, [...targetIds])),
    tx
      .select()
      .from(recusalOverrides)
      .where(
        and(
          eq(recusalOverrides.roundId, round.id),
          inArray(recusalOverrides.personId, personIds),
          inArray(recusalOverrides.targetId, [...targetIds]),
        ),
      ),
  ]);
  const personName = new Map(names.map((n) => [n.id, n.name]));
  const targetName = new Map(targetNames.map((n) => [n.id, n.name]));
  return found.map((c) => {
    const override = overrides.find((o) => o.personId === c.personId && o.targetId === c.targetId);
    return {
      ...c,
      personName: personName.get(c.personId) ?? "",
      targetName: targetName.get(c.targetId) ?? "",
      overridden: Boolean(override),
      ...(override ? { overrideReason: override.reason } : {}),
    };
  });
}

/** Throws recusal.conflict (409) listing every conflict the leading group has not overridden. */
export async function assertNoRecusalConflict(
  tx: Tx,
  round: Pick<Round, "id" | "committeeId" | "termId" | "number" | "startsOn">,
  placements: readonly GroupPlacement[],
  targetIds: readonly string[],
): Promise<void> {
  const open = (await groupConflicts(tx, round, placements, targetIds)).filter((c) => !c.overridden);
  if (!open.length) return;
  const lines = open.map((c) => `${c.personName} — ${c.targetName}：${c.reason}`);
  throw new AppError(
    "recusal.conflict",
    `存在回避情形，须经领导小组记录理由同意后方可安排：${lines.join("；")}`,
    {
      conflicts: open.map(({ overridden: _, ...c }) => c),
    },
  );
}
