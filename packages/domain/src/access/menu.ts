import type { Actor } from "./actor";

/** The app's modules; the web app shows the ones the actor may open. */
export const MODULES = [
  "dashboard",
  "targets",
  "personnel",
  "planning",
  "rounds",
  "fieldwork",
  "briefings",
  "tips",
  "findings",
  "reports",
  "clues",
  "rectification",
  /** 整改联审: the plans and reports a party reviews. */
  "reviews",
  "committees",
  "accounts",
  "audit",
] as const;
export type ModuleKey = (typeof MODULES)[number];

const BY_ROLE: Record<string, ModuleKey[]> = {
  sysAdmin: ["committees", "accounts"],
  securityAdmin: ["accounts"],
  auditAdmin: ["audit"],
  leadership: [
    "dashboard",
    "targets",
    "personnel",
    "planning",
    "rounds",
    "fieldwork",
    "tips",
    "findings",
    "reports",
    "clues",
    "rectification",
    "reviews",
  ],
  officeStaff: [
    "dashboard",
    "targets",
    "personnel",
    "planning",
    "rounds",
    "fieldwork",
    "tips",
    "findings",
    "reports",
    "rectification",
    "reviews",
  ],
  groupLeader: ["rounds", "fieldwork", "tips", "findings", "reports", "reviews"],
  groupDeputy: ["rounds", "fieldwork", "tips", "findings", "reports", "reviews"],
  groupMember: ["rounds", "fieldwork", "tips", "findings", "reports"],
  disciplineReviewer: ["clues", "rectification", "reviews"],
  organizationReviewer: ["rectification", "reviews"],
  targetContact: ["rectification"],
  upperLevel: ["dashboard", "planning"],
  partnerDept: ["briefings"],
  tipCustodian: ["tips"],
};

/** Modules the actor may open, in menu order. */
export function menuFor(actor: Actor): ModuleKey[] {
  const allowed = new Set<ModuleKey>();
  for (const g of actor.grants) for (const m of BY_ROLE[g.role] ?? []) allowed.add(m);
  if (actor.grants.some((g) => g.role === "officeStaff" && g.isHead)) allowed.add("clues");
  return MODULES.filter((m) => allowed.has(m));
}
