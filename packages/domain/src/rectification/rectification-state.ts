import type { Completion } from "../model/enums";
import { isOrganizationDept } from "../model/rectification";

/** Where a fed-back problem stands in its rectification. */
export type RectificationState = "noPlan" | "inProgress" | "overdue" | "reported" | "closed";

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  noPlan: "未制定措施",
  inProgress: "整改中",
  overdue: "已逾期",
  reported: "已报完成待销号",
  closed: "已销号",
};

export interface MeasureProgress {
  /** YYYY-MM-DD */
  deadline: string;
  /** Completion of the latest progress update; undefined when none was reported. */
  latest: Completion | undefined;
}

/**
 * A problem is closed once closed out; without measures it has no plan; when every measure's latest
 * update says done it is reported and awaits close-out; a measure past its deadline and not done makes
 * it overdue; otherwise it is in progress.
 */
export function rectificationState(
  closed: boolean,
  measures: MeasureProgress[],
  today: string,
): RectificationState {
  if (closed) return "closed";
  if (measures.length === 0) return "noPlan";
  if (measures.every((m) => m.latest === "done")) return "reported";
  if (measures.some((m) => m.latest !== "done" && m.deadline < today)) return "overdue";
  return "inProgress";
}

/** The parties whose approval a close-out (销号) needs. */
export const CLOSE_OUT_PARTIES = ["office", "disciplineCommission", "organizationDept"] as const;
export type CloseOutParty = (typeof CLOSE_OUT_PARTIES)[number];

/** The role through which an account approves for a party, in the finding's committee. */
export const CLOSE_OUT_PARTY_ROLES = {
  office: "officeStaff",
  disciplineCommission: "disciplineReviewer",
  organizationDept: "organizationReviewer",
} as const satisfies Record<CloseOutParty, string>;

/**
 * Who must approve the close-out of a problem: the office always; besides it the party the problem
 * was routed to, as the policies let it see the problem (access/policies.ts visibleFindings): 纪委监委
 * for problems routed as clues, 组织部 for problems handed to an organization department.
 */
export function closeOutParties(finding: { route: string | null; routeDept: string }): CloseOutParty[] {
  if (finding.route === "clue") return ["office", "disciplineCommission"];
  if (finding.route === "department" && isOrganizationDept(finding.routeDept)) {
    return ["office", "organizationDept"];
  }
  return ["office"];
}

/** Approvals since the last reopening (a reopening resets them): the parties that approved. */
export function approvedParties(
  history: readonly { action: string; party: string | null }[],
): Set<CloseOutParty> {
  const approved = new Set<CloseOutParty>();
  for (const h of history) {
    if (h.action === "reopen") approved.clear();
    else if (h.action === "approve" && h.party) approved.add(h.party as CloseOutParty);
  }
  return approved;
}
