import { and, findings, inArray, isNotNull, or, type SQL, sql } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { COMMITTEE_READERS, committeesWhere, visibleFindings } from "../access/policies";

/**
 * The findings the actor counts in rectification figures: leadership and the office count their
 * whole committee (counts are not secrets, so the same figure shows on every page); anyone else
 * counts what they may see. The round statistics, the ledger's rate and the rates per grouping all
 * count over this one condition.
 */
export function countedFindings(actor: Actor): SQL {
  const committeeIds = committeesWhere(actor, COMMITTEE_READERS, "read");
  return committeeIds.length
    ? (or(inArray(findings.committeeId, committeeIds), visibleFindings(actor)) as SQL)
    : visibleFindings(actor);
}

/** The rows of the rectification ledger and its rates: fed-back findings the actor counts. */
export function rectificationRows(actor: Actor): SQL {
  return and(isNotNull(findings.feedbackId), countedFindings(actor)) as SQL;
}

/** Today as a SQL date literal (China calendar day computed by the caller). */
export const sqlDate = (day: string) => sql`${day}::date`;
