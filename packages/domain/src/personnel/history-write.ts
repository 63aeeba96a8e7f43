import type { Tx } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { assertTargetOfCommittee, personForWrite } from "./person-fields";

type PersonRow = Awaited<ReturnType<typeof personForWrite>>;

/** Throws person.months_invalid unless start ≤ end (YYYY-MM compare as text); a null end is "still held". */
export function assertMonthRange(startMonth: string, endMonth: string | null | undefined) {
  if (endMonth && endMonth < startMonth) throw new AppError("person.months_invalid");
}

/**
 * One write to a person's history (work history, relatives, ties): the person is loaded and locked
 * for the office of its committee (person.not_found otherwise), a linked target must be the
 * committee's, and the change is audited in the same transaction.
 */
export function historyWrite<T>(
  ctx: Ctx,
  personId: string,
  opts: { action: string; entity: string; targetId?: string | null | undefined },
  write: (
    tx: Tx,
    person: PersonRow,
  ) => Promise<{ result: T; entityId: string; summary: Record<string, unknown> }>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    const person = await personForWrite(tx, ctx.actor, personId);
    await assertTargetOfCommittee(tx, person.committeeId, opts.targetId);
    const { result, entityId, summary } = await write(tx, person);
    await recordAudit(tx, ctx.actor, {
      action: opts.action,
      entity: opts.entity,
      entityId,
      committeeId: person.committeeId,
      summary: { personId, personName: person.name, ...summary },
    });
    return result;
  });
}

export const recordNotFound = () => new AppError("person.record_not_found");
