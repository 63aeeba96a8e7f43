import { and, committees, eq, inArray, type Tx, terms } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { COMMITTEE_READERS, committeesWhere } from "../access/policies";
import { AppError } from "../model/errors";

/**
 * Committees whose term plans and coverage the actor reads: its own (leadership, office), the
 * committees below a leading group (read-only grants), and the committees directly below an upper
 * level (上级巡察机构).
 */
export async function planReadableCommittees(tx: Tx, actor: Actor): Promise<string[]> {
  const own = committeesWhere(actor, COMMITTEE_READERS, "read");
  const upper = committeesWhere(actor, ["upperLevel"]);
  const lower = upper.length
    ? await tx.select({ id: committees.id }).from(committees).where(inArray(committees.parentId, upper))
    : [];
  return [...new Set([...own, ...lower.map((c) => c.id)])];
}

/** A term the actor may read, or term.not_found. */
export async function findReadableTerm(tx: Tx, actor: Actor, termId: string) {
  const ids = await planReadableCommittees(tx, actor);
  if (!ids.length) throw new AppError("term.not_found");
  const [term] = await tx
    .select()
    .from(terms)
    .where(and(eq(terms.id, termId), inArray(terms.committeeId, ids)));
  if (!term) throw new AppError("term.not_found");
  return term;
}

/** A term of the office's own committee, for a change (locked when asked), or term.not_found. */
export async function findTermForOffice(tx: Tx, actor: Actor, termId: string, lock = false) {
  const ids = committeesWhere(actor, ["officeStaff"]);
  if (!ids.length) throw new AppError("term.not_found");
  const query = tx
    .select()
    .from(terms)
    .where(and(eq(terms.id, termId), inArray(terms.committeeId, ids)));
  const [term] = lock ? await query.for("update") : await query;
  if (!term) throw new AppError("term.not_found");
  return term;
}
