import { and, eq, groups, groupTargets, inArray, rounds, sql, type Tx, workItems } from "@xuncha/db";
import { ROUND_STAGES, type RoundStage } from "../model/enums";
import { loadDueContext } from "./due-context";

const stageIndex = (stage: string) => ROUND_STAGES.keys.indexOf(stage as RoundStage);

interface Desired {
  key: string;
  code: string;
  stage: string;
  title: string;
  owner: string;
  position: number;
  groupId: string | null;
  targetId: string | null;
  /** The round, group or target the item belongs to (to tell a new one from an existing one). */
  entity: string;
}

/** Identity of an item within its round: the checklist code and the group or target it is for. */
const keyOf = (i: { code: string; groupId: string | null; targetId: string | null }) =>
  i.targetId ? `${i.code}|t|${i.targetId}` : i.groupId ? `${i.code}|g|${i.groupId}` : `${i.code}|r`;
const entityOf = (i: { groupId: string | null; targetId: string | null }) =>
  i.targetId ? `t|${i.targetId}` : i.groupId ? `g|${i.groupId}` : "r";

/**
 * Brings a round's work items in line with the committee's checklist and the round's groups and
 * targets. Idempotent, and serialised on the round's row lock:
 *  - adds the missing items: every item for a group or target that has none yet (a new round,
 *    group or target); for one already tracked, only the items of the current and later stages
 *    (a checklist item added later does not reopen past stages);
 *  - updates open items to the checklist's title, stage, owner, order and due rule, and moves a
 *    target's items to the group that now inspects it;
 *  - deletes open items whose checklist entry, group or target is gone; never a done item.
 * A closed round is left as it is.
 */
export async function syncRoundWorkItems(tx: Tx, roundId: string) {
  const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for("update");
  if (!round || round.status === "closed") return { added: 0, updated: 0, removed: 0 };
  const due = await loadDueContext(tx, [round.id]);
  const checklist = [...due.checklistOf(round.committeeId).values()];
  const [groupRows, assigned, existing] = await Promise.all([
    tx.select({ id: groups.id }).from(groups).where(eq(groups.roundId, round.id)),
    tx
      .select({ groupId: groupTargets.groupId, targetId: groupTargets.targetId })
      .from(groupTargets)
      .where(eq(groupTargets.roundId, round.id)),
    tx.select().from(workItems).where(eq(workItems.roundId, round.id)),
  ]);

  const desired: Desired[] = [];
  checklist.forEach((c, position) => {
    const base = { code: c.code, stage: c.stage, title: c.title, owner: c.owner, position };
    const places =
      c.scope === "round"
        ? [{ groupId: null, targetId: null }]
        : c.scope === "group"
          ? groupRows.map((g) => ({ groupId: g.id, targetId: null }))
          : assigned.map((a) => ({ groupId: a.groupId, targetId: a.targetId }));
    for (const p of places)
      desired.push({ ...base, ...p, key: keyOf({ code: c.code, ...p }), entity: entityOf(p) });
  });

  const byKey = new Map(existing.map((e) => [keyOf(e), e]));
  const tracked = new Set(existing.map(entityOf));
  const current = stageIndex(round.stage);
  const dueOf = (d: Desired) => due.dueOf({ roundId: round.id, ...d });

  const toAdd = desired.filter(
    (d) => !byKey.has(d.key) && (!tracked.has(d.entity) || stageIndex(d.stage) >= current),
  );
  let updated = 0;
  for (const d of desired) {
    const e = byKey.get(d.key);
    if (!e || e.doneOn) continue;
    const next = {
      stage: d.stage,
      title: d.title,
      owner: d.owner,
      position: d.position,
      groupId: d.groupId,
      dueOn: dueOf(d),
    };
    if (Object.entries(next).some(([k, v]) => e[k as keyof typeof next] !== v)) {
      await tx.update(workItems).set(next).where(eq(workItems.id, e.id));
      updated++;
    }
  }
  const wanted = new Set(desired.map((d) => d.key));
  const stale = existing.filter((e) => !e.doneOn && !wanted.has(keyOf(e))).map((e) => e.id);
  if (stale.length)
    await tx.delete(workItems).where(and(eq(workItems.roundId, round.id), inArray(workItems.id, stale)));

  if (toAdd.length) {
    const col = <T>(pick: (d: Desired) => T) => sql.param(toAdd.map(pick));
    await tx.execute(sql`
      insert into ${workItems} (committee_id, round_id, stage, code, title, owner, group_id, target_id, position, due_on)
      select ${round.committeeId}::uuid, ${round.id}::uuid, t.stage, t.code, t.title, t.owner, t.group_id,
        t.target_id, t.position, t.due_on
      from unnest(
        ${col((d) => d.stage)}::text[], ${col((d) => d.code)}::text[], ${col((d) => d.title)}::text[],
        ${col((d) => d.owner)}::text[], ${col((d) => d.groupId)}::uuid[], ${col((d) => d.targetId)}::uuid[],
        ${col((d) => d.position)}::int[], ${col(dueOf)}::date[]
      ) as t(stage, code, title, owner, group_id, target_id, position, due_on)`);
  }
  return { added: toAdd.length, updated, removed: stale.length };
}

/** Syncs every open round of a committee (after its checklist or deadlines change). */
export async function syncCommitteeWorkItems(tx: Tx, committeeId: string) {
  const open = await tx
    .select({ id: rounds.id })
    .from(rounds)
    .where(and(eq(rounds.committeeId, committeeId), eq(rounds.status, "open")))
    .orderBy(rounds.id);
  const totals = { added: 0, updated: 0, removed: 0 };
  for (const r of open) {
    const n = await syncRoundWorkItems(tx, r.id);
    totals.added += n.added;
    totals.updated += n.updated;
    totals.removed += n.removed;
  }
  return totals;
}
