import type { Actor } from "../access/actor";
import { committeesWhere } from "../access/policies";

interface FindingState {
  committeeId: string;
  groupId: string;
  status: string;
  route: string | null;
  feedbackId: string | null;
  /** Whether the finding's round is open: groups only read a closed round's records (ROLES.md). */
  roundOpen: boolean;
}

const inGroup = (actor: Actor, groupId: string, roles: string[]) =>
  actor.grants.some((g) => g.groupId === groupId && roles.includes(g.role));

/** What the actor may do with a finding; the web app shows buttons from this, the use cases enforce it. */
export function findingAbilities(actor: Actor, f: FindingState) {
  const isLeader = f.roundOpen && inGroup(actor, f.groupId, ["groupLeader"]);
  return {
    edit:
      f.roundOpen &&
      inGroup(actor, f.groupId, ["groupLeader", "groupDeputy", "groupMember"]) &&
      f.status !== "approved",
    approve: isLeader && f.status === "draft",
    return: isLeader && f.status === "draft",
    decide:
      committeesWhere(actor, ["leadership"]).includes(f.committeeId) &&
      f.status === "approved" &&
      f.route === null &&
      f.feedbackId === null,
  };
}
export type FindingAbilities = ReturnType<typeof findingAbilities>;
