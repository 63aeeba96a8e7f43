import { randomUUID } from "node:crypto";
import type { PersonRow, TargetRow } from "./demo-rows";
import type { FieldworkInput, FieldworkRows, GroupCtx } from "./fieldwork-rows";

/** 1. Every inspector who signs, reviews or approves has an account (the liaison does not sign). */
export function addInspectorAccounts(
  input: FieldworkInput,
  people: Map<string, PersonRow>,
  out: FieldworkRows,
) {
  const { cal, work } = input;
  for (const county of input.counties) {
    let seq = 0;
    for (const group of work.groups.filter((g) => g.committeeId === county.committeeId)) {
      for (const m of work.groupMembers.filter((x) => x.groupId === group.id && x.role !== "liaison")) {
        const person = people.get(m.personId)!;
        if (person.accountId) continue;
        person.accountId = randomUUID();
        out.inspectorAccounts.push({
          id: person.accountId,
          committeeId: county.committeeId,
          username: `${county.usernamePrefix}${String(++seq).padStart(3, "0")}`,
          displayName: person.name,
          createdAt: cal.at(-320, 9),
        });
      }
    }
  }
}

/** Each group with its round, its people by role and its targets. */
export function groupContexts(
  input: FieldworkInput,
  people: Map<string, PersonRow>,
  targets: Map<string, TargetRow>,
  offsetOf: (iso: string) => number,
): Map<string, GroupCtx> {
  const { work } = input;
  const rounds = new Map(work.rounds.map((r) => [r.id, r]));
  const groupCtx = new Map<string, GroupCtx>();
  for (const group of work.groups) {
    const round = rounds.get(group.roundId)!;
    const members = work.groupMembers.filter((m) => m.groupId === group.id);
    const byRole = (role: string) =>
      members.filter((m) => m.role === role).map((m) => people.get(m.personId)!);
    const start = offsetOf(round.startsOn);
    groupCtx.set(group.id, {
      group,
      round,
      committeeId: group.committeeId,
      start,
      last: Math.min(offsetOf(round.endsOn), -1),
      leader: byRole("leader")[0]!,
      deputy: byRole("deputy")[0],
      members: byRole("member"),
      targets: work.groupTargets.filter((t) => t.groupId === group.id).map((t) => targets.get(t.targetId)!),
      inAccountGroup: group.id === input.accountGroupId,
      fieldwork: round.stage === "fieldwork",
    });
  }
  return groupCtx;
}
