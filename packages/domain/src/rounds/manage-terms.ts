import { asc, eq, terms } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { actingCommittee, COMMITTEE_READERS } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";

export async function listTerms(ctx: Ctx) {
  const committeeId = actingCommittee(ctx.actor, COMMITTEE_READERS);
  return ctx.db.select().from(terms).where(eq(terms.committeeId, committeeId)).orderBy(asc(terms.startsOn));
}

/** Creates a term (届) of the office's committee. */
export async function createTerm(ctx: Ctx, input: { name: string; startsOn: string; endsOn: string }) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  if (input.endsOn < input.startsOn) throw new AppError("round.dates_invalid");
  return ctx.db.transaction(async (tx) => {
    const [term] = await tx
      .insert(terms)
      .values({ ...input, committeeId })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "term.create",
      entity: "term",
      entityId: term!.id,
      committeeId,
      summary: input,
    });
    return term!;
  });
}
