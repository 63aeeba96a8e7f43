import { clues, feedbacks, groupTargets, inArray, rounds, sql, type Tx } from "@xuncha/db";
import { type Deadlines, deadlinesSetting } from "../committee-settings/deadlines";
import { loadSetting } from "../committee-settings/setting";
import { type ChecklistItem, workItemChecklistSetting } from "./checklist";
import { type AnchorDates, computeDueDate, roundMiddle } from "./due-date";

interface RoundDates {
  id: string;
  committeeId: string;
  startsOn: string;
  endsOn: string;
}

/** What an item's due date depends on; the same for a stored item and one about to be created. */
export interface DueSubject {
  roundId: string;
  code: string;
  groupId: string | null;
  targetId: string | null;
}

const latest = (dates: (string | null | undefined)[]) =>
  dates.reduce<string | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * Computes work items' due dates for a set of rounds from the current facts: the rounds' dates, the
 * first feedback to each target, the clues transferred, and each committee's checklist and
 * deadlines. Due dates move when these do (e.g. once a target's feedback is given), so lists
 * compute them on reading rather than trusting a stored copy.
 */
export async function loadDueContext(tx: Tx, roundIds: string[]) {
  const ids = [...new Set(roundIds)];
  const roundRows: RoundDates[] = ids.length
    ? await tx
        .select({
          id: rounds.id,
          committeeId: rounds.committeeId,
          startsOn: rounds.startsOn,
          endsOn: rounds.endsOn,
        })
        .from(rounds)
        .where(inArray(rounds.id, ids))
    : [];
  const [assigned, fb, clueRows] = ids.length
    ? await Promise.all([
        tx
          .select({
            roundId: groupTargets.roundId,
            groupId: groupTargets.groupId,
            targetId: groupTargets.targetId,
          })
          .from(groupTargets)
          .where(inArray(groupTargets.roundId, ids)),
        tx
          .select({
            roundId: feedbacks.roundId,
            targetId: feedbacks.targetId,
            givenOn: sql<string>`min(${feedbacks.givenOn})::text`,
          })
          .from(feedbacks)
          .where(inArray(feedbacks.roundId, ids))
          .groupBy(feedbacks.roundId, feedbacks.targetId),
        tx
          .select({
            roundId: clues.roundId,
            targetId: clues.targetId,
            transferredOn: sql<string>`max(${clues.transferredOn})::text`,
          })
          .from(clues)
          .where(inArray(clues.roundId, ids))
          .groupBy(clues.roundId, clues.targetId),
      ])
    : [[], [], []];

  const settings = new Map<string, { checklist: Map<string, ChecklistItem>; deadlines: Deadlines }>();
  for (const committeeId of new Set(roundRows.map((r) => r.committeeId))) {
    const [checklist, deadlines] = await Promise.all([
      loadSetting(tx, committeeId, workItemChecklistSetting),
      loadSetting(tx, committeeId, deadlinesSetting),
    ]);
    settings.set(committeeId, {
      checklist: new Map(checklist.value.map((i) => [i.code, i])),
      deadlines: deadlines.value,
    });
  }
  const roundById = new Map(roundRows.map((r) => [r.id, r]));
  const feedbackOf = new Map(fb.map((f) => [`${f.roundId}|${f.targetId}`, f.givenOn]));
  const clueOf = new Map(clueRows.map((c) => [`${c.roundId}|${c.targetId}`, c.transferredOn]));

  /** The anchor dates for an item of a round, a group of it, or one target. */
  const anchorsOf = (s: DueSubject): AnchorDates => {
    const round = roundById.get(s.roundId);
    if (!round) return {};
    const targetsInScope = s.targetId
      ? [s.targetId]
      : assigned
          .filter((a) => a.roundId === s.roundId && (!s.groupId || a.groupId === s.groupId))
          .map((a) => a.targetId);
    const fbDates = targetsInScope.map((t) => feedbackOf.get(`${s.roundId}|${t}`));
    return {
      roundStart: round.startsOn,
      roundEnd: round.endsOn,
      roundMiddle: roundMiddle(round.startsOn, round.endsOn),
      // A group's or the round's feedback date is the last of its targets', once all have had one.
      feedback: fbDates.length && fbDates.every(Boolean) ? latest(fbDates) : null,
      clueTransfer: latest(targetsInScope.map((t) => clueOf.get(`${s.roundId}|${t}`))),
    };
  };

  return {
    checklistOf: (committeeId: string) =>
      settings.get(committeeId)?.checklist ?? new Map<string, ChecklistItem>(),
    /** The item's due date by its checklist rule; `fallback` (the stored date) when its code left the checklist. */
    dueOf(s: DueSubject, fallback: string | null = null): string | null {
      const round = roundById.get(s.roundId);
      const set = round && settings.get(round.committeeId);
      const item = set?.checklist.get(s.code);
      if (!set || !item) return fallback;
      return computeDueDate(item.due, anchorsOf(s), set.deadlines);
    },
  };
}

export type DueContext = Awaited<ReturnType<typeof loadDueContext>>;
