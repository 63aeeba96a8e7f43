import type { Actor } from "../access/actor";
import { approvalBlocker, reviewerRole } from "../model/workpapers";

export interface WorkpaperState {
  groupId: string;
  /** The finding's status: draft | approved | returned. */
  status: string;
  route: string | null;
  feedbackId: string | null;
  roundOpen: boolean;
  /** Whether the group has a deputy (副组长): if not, the leader reviews. */
  hasDeputy: boolean;
  /** Accounts with an active signature. */
  signers: string[];
  reviewed: boolean;
}

const inGroup = (actor: Actor, groupId: string, roles: readonly string[]) =>
  actor.grants.some((g) => g.groupId === groupId && roles.includes(g.role));

/** Whether the actor reviews this group's workpapers (the deputy, or the leader without one). */
export const isReviewer = (actor: Actor, w: Pick<WorkpaperState, "groupId" | "hasDeputy" | "roundOpen">) =>
  w.roundOpen && inGroup(actor, w.groupId, [reviewerRole(w.hasDeputy)]);

/**
 * What the actor may do with a workpaper (the web app shows buttons from this, the use cases enforce
 * it). Drafters of the group sign; the deputy (the leader where there is none) reviews once two have
 * signed; the leader approves a reviewed draft and reopens an approved, undecided one.
 */
export function workpaperAbilities(actor: Actor, w: WorkpaperState) {
  const open = w.roundOpen;
  const member = open && inGroup(actor, w.groupId, ["groupLeader", "groupDeputy", "groupMember"]);
  const leader = open && inGroup(actor, w.groupId, ["groupLeader"]);
  const reviewer = isReviewer(actor, w);
  const editable = w.status !== "approved";
  const signed = !!actor.accountId && w.signers.includes(actor.accountId);
  return {
    edit: member && editable,
    sign: member && editable && !signed,
    review:
      reviewer && w.status === "draft" && !w.reviewed && approvalBlocker({ ...w, reviewed: true }) === null,
    approve: leader && w.status === "draft" && approvalBlocker(w) === null,
    return: (leader || reviewer) && w.status === "draft",
    reopen: leader && w.status === "approved" && w.route === null && w.feedbackId === null,
  };
}
export type WorkpaperAbilities = ReturnType<typeof workpaperAbilities>;
