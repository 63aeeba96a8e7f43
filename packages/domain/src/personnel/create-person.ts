import { people } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { actingCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import {
  assertAccountLinkable,
  assertTargetOfCommittee,
  type PersonInput,
  personFields,
} from "./person-fields";
import { presentPerson } from "./present-person";

export type { PersonInput } from "./person-fields";

/** Adds a person to the office's pools (组长库 / 人才库). */
export async function createPerson(ctx: Ctx, input: PersonInput) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  return inTransaction(ctx, async (tx) => {
    await assertAccountLinkable(tx, committeeId, input.accountId);
    await assertTargetOfCommittee(tx, committeeId, input.unitTargetId);
    const [row] = await tx
      .insert(people)
      .values({ committeeId, ...personFields(input) })
      .returning();
    if (!row) throw new AppError("internal");
    await recordAudit(tx, ctx.actor, {
      action: "person.create",
      entity: "person",
      entityId: row.id,
      committeeId,
      summary: { name: row.name, pool: row.pool },
    });
    return presentPerson(row, ctx.actor);
  });
}
