import { eq, people } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import type { PersonPool } from "../model/enums";
import { AppError } from "../model/errors";
import {
  assertAccountLinkable,
  assertTargetOfCommittee,
  type PersonInput,
  personFields,
  personForWrite,
} from "./person-fields";
import { presentPerson } from "./present-person";

type Row = typeof people.$inferSelect;

/** The changed fields of a person, as { from, to } for the audit entry. */
export function personChanges(current: Row, next: Partial<Row>) {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.fromEntries(
    (Object.keys(next) as (keyof Row)[])
      .filter((k) => !same(next[k], current[k]))
      .map((k) => [k, { from: current[k], to: next[k] }]),
  );
}

/** Changes a person of the office's pools; only the given fields change. */
export async function updatePerson(ctx: Ctx, id: string, patch: Partial<PersonInput>) {
  return inTransaction(ctx, async (tx) => {
    const current = await personForWrite(tx, ctx.actor, id);
    const pick = <K extends keyof PersonInput & keyof Row>(k: K) =>
      (patch[k] === undefined ? current[k] : patch[k]) as NonNullable<PersonInput[K]>;
    const next = personFields({
      name: pick("name"),
      pool: pick("pool") as PersonPool,
      sex: pick("sex"),
      birthMonth: pick("birthMonth"),
      politicalStatus: pick("politicalStatus"),
      unit: pick("unit"),
      unitTargetId: patch.unitTargetId === undefined ? current.unitTargetId : patch.unitTargetId,
      post: pick("post"),
      rank: pick("rank"),
      expertise: pick("expertise"),
      joinedOn: patch.joinedOn === undefined ? current.joinedOn : patch.joinedOn,
      available: pick("available"),
      phone: pick("phone"),
      email: pick("email"),
      recusalNote: pick("recusalNote"),
      roundsNote: pick("roundsNote"),
      accountId: patch.accountId === undefined ? current.accountId : patch.accountId,
    });
    if (next.accountId !== current.accountId)
      await assertAccountLinkable(tx, current.committeeId, next.accountId, id);
    if (next.unitTargetId !== current.unitTargetId)
      await assertTargetOfCommittee(tx, current.committeeId, next.unitTargetId);
    const changes = personChanges(current, next);
    const [row] = await tx.update(people).set(next).where(eq(people.id, id)).returning();
    if (!row) throw new AppError("internal");
    await recordAudit(tx, ctx.actor, {
      action: "person.update",
      entity: "person",
      entityId: id,
      committeeId: current.committeeId,
      summary: { name: row.name, changes },
    });
    return presentPerson(row, ctx.actor);
  });
}
