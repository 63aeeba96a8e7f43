import {
  accounts,
  and,
  asc,
  eq,
  groups,
  rounds,
  type SQL,
  type Tx,
  targets,
  terms,
  workItems,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import { ROUND_STAGES, type RoundStage } from "../model/enums";
import { AppError } from "../model/errors";
import { roundName } from "../rounds/round-name";
import type { WorkItemOwner } from "./checklist";
import { type DueContext, loadDueContext } from "./due-context";
import { chinaDate, overdueDays } from "./due-date";
import {
  canMarkWorkItem,
  visibleWorkItems,
  type WorkItemVisibility,
  workItemScope,
} from "./work-item-access";

export const workItemColumns = {
  id: workItems.id,
  committeeId: workItems.committeeId,
  roundId: workItems.roundId,
  stage: workItems.stage,
  code: workItems.code,
  title: workItems.title,
  owner: workItems.owner,
  groupId: workItems.groupId,
  groupName: groups.name,
  groupNumber: groups.number,
  targetId: workItems.targetId,
  targetName: targets.name,
  position: workItems.position,
  dueOn: workItems.dueOn,
  doneOn: workItems.doneOn,
  doneById: workItems.doneBy,
  doneByName: accounts.displayName,
  note: workItems.note,
};

export type WorkItemRow = Awaited<ReturnType<typeof queryWorkItems>>[number];

/** A work item as the API returns it, its due date computed from today's facts. */
export function presentWorkItem(row: WorkItemRow, due: DueContext, today: string, canMark: boolean) {
  const dueOn = due.dueOf(row, row.dueOn);
  return {
    id: row.id,
    roundId: row.roundId,
    stage: row.stage as RoundStage,
    code: row.code,
    title: row.title,
    owner: row.owner as WorkItemOwner,
    scope: row.targetId ? ("target" as const) : row.groupId ? ("group" as const) : ("round" as const),
    groupId: row.groupId,
    groupName: row.groupName,
    targetId: row.targetId,
    targetName: row.targetName,
    dueOn,
    doneOn: row.doneOn,
    doneBy: row.doneById ? { id: row.doneById, name: row.doneByName ?? "" } : null,
    note: row.note,
    overdueDays: overdueDays(dueOn, row.doneOn, today),
    abilities: { mark: canMark },
  };
}
export type WorkItemView = ReturnType<typeof presentWorkItem>;

/** Work items with their group, target and who marked them done. */
export const queryWorkItems = (tx: Tx, where: SQL | undefined) =>
  tx
    .select(workItemColumns)
    .from(workItems)
    .leftJoin(groups, eq(groups.id, workItems.groupId))
    .leftJoin(targets, eq(targets.id, workItems.targetId))
    .leftJoin(accounts, eq(accounts.id, workItems.doneBy))
    .where(where)
    .orderBy(asc(workItems.position), asc(groups.number), asc(targets.name));

interface StageCount {
  done: number;
  total: number;
  overdue: number;
  /** The most days any open item of the stage is past due. */
  maxOverdueDays: number;
}

function tally(items: WorkItemView[]) {
  const stages = Object.fromEntries(
    ROUND_STAGES.keys.map((k) => [k, { done: 0, total: 0, overdue: 0, maxOverdueDays: 0 }]),
  ) as Record<RoundStage, StageCount>;
  for (const i of items) {
    const s = stages[i.stage];
    if (!s) continue;
    s.total++;
    if (i.doneOn) s.done++;
    if (i.overdueDays) {
      s.overdue++;
      s.maxOverdueDays = Math.max(s.maxOverdueDays, i.overdueDays);
    }
  }
  return stages;
}

/** Loads a round with its name, or throws round.not_found. */
export async function loadRound(tx: Tx, roundId: string) {
  const [round] = await tx
    .select({
      id: rounds.id,
      committeeId: rounds.committeeId,
      number: rounds.number,
      termName: terms.name,
      stage: rounds.stage,
      status: rounds.status,
      startsOn: rounds.startsOn,
      endsOn: rounds.endsOn,
    })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(eq(rounds.id, roundId));
  if (!round) throw new AppError("round.not_found");
  return { ...round, name: roundName(round.termName, round.number) };
}

/**
 * A round's work items the actor may see, with where each group and target stands per stage
 * (done / total, overdue and by how many days) and the open items of the current stage.
 */
export async function listRoundWorkItems(ctx: Ctx, roundId: string, today = chinaDate()) {
  const round = await loadRound(ctx.db, roundId);
  const scope = await workItemScope(ctx.db, ctx.actor, round);
  if (!scope) throw new AppError("round.not_found");
  const rows = await queryWorkItems(ctx.db, and(eq(workItems.roundId, round.id), visibleWorkItems(scope)));
  const due = await loadDueContext(ctx.db, [round.id]);
  const items = sortByStage(rows.map((r) => presentItem(ctx, scope, round.status, r, due, today)));

  const groupsSeen = new Map<string, { groupId: string; name: string; number: number }>();
  const targetsSeen = new Map<string, { targetId: string; name: string; groupId: string | null }>();
  for (const r of rows) {
    if (r.groupId && r.groupName)
      groupsSeen.set(r.groupId, { groupId: r.groupId, name: r.groupName, number: r.groupNumber ?? 0 });
    if (r.targetId && r.targetName)
      targetsSeen.set(r.targetId, { targetId: r.targetId, name: r.targetName, groupId: r.groupId });
  }
  const isOffice = committeesWhere(ctx.actor, ["officeStaff"]).includes(round.committeeId);
  const open = round.status === "open";
  const currentIndex = ROUND_STAGES.keys.indexOf(round.stage as RoundStage);
  return {
    round: {
      id: round.id,
      name: round.name,
      stage: round.stage as RoundStage,
      status: round.status as "open" | "closed",
      startsOn: round.startsOn,
      endsOn: round.endsOn,
    },
    today,
    items,
    progress: {
      round: tally(items),
      groups: [...groupsSeen.values()]
        .sort((a, b) => a.number - b.number)
        .map((g) => ({
          groupId: g.groupId,
          name: g.name,
          stages: tally(items.filter((i) => i.groupId === g.groupId)),
        })),
      targets: [...targetsSeen.values()]
        .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))
        .map((t) => ({ ...t, stages: tally(items.filter((i) => i.targetId === t.targetId)) })),
    },
    /** Open items of the current and earlier stages: what moving on leaves behind. */
    openBeforeNextStage: items.filter((i) => !i.doneOn && ROUND_STAGES.keys.indexOf(i.stage) <= currentIndex)
      .length,
    abilities: { sync: isOffice && open, moveStage: isOffice && open },
  };
}

function presentItem(
  ctx: Ctx,
  scope: WorkItemVisibility,
  status: string,
  r: WorkItemRow,
  due: DueContext,
  today: string,
) {
  return presentWorkItem(r, due, today, status === "open" && canMarkWorkItem(ctx.actor, scope, r));
}

export const sortByStage = <T extends { stage: string }>(items: T[]) =>
  items
    .map((item, i) => ({ item, i }))
    .sort(
      (a, b) =>
        ROUND_STAGES.keys.indexOf(a.item.stage as RoundStage) -
          ROUND_STAGES.keys.indexOf(b.item.stage as RoundStage) || a.i - b.i,
    )
    .map((x) => x.item);
