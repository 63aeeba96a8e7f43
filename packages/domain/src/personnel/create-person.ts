import { accounts, and, eq, people } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { actingCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import type { PersonPool } from "../model/enums";
import { AppError } from "../model/errors";
import { presentPerson } from "./present-person";

export interface PersonInput {
  name: string;
  pool: PersonPool;
  sex?: string;
  /** YYYY-MM */
  birthMonth?: string;
  politicalStatus?: string;
  unit?: string;
  post?: string;
  rank?: string;
  expertise?: string[];
  /** YYYY-MM-DD */
  joinedOn?: string | null;
  available?: boolean;
  phone?: string;
  /** The person's login account, of the same committee: group access follows membership. */
  accountId?: string | null;
}

/** Adds a person to the office's pools (组长库 / 人才库). */
export async function createPerson(ctx: Ctx, input: PersonInput) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  return inTransaction(ctx, async (tx) => {
    if (input.accountId) {
      const [account] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.id, input.accountId), eq(accounts.committeeId, committeeId)));
      if (!account) throw new AppError("account.not_found");
      const [linked] = await tx
        .select({ id: people.id })
        .from(people)
        .where(eq(people.accountId, input.accountId));
      if (linked) throw new AppError("person.account_linked");
    }
    const [row] = await tx
      .insert(people)
      .values({
        committeeId,
        name: input.name.trim(),
        pool: input.pool,
        sex: input.sex?.trim() ?? "",
        birthMonth: input.birthMonth ?? "",
        politicalStatus: input.politicalStatus?.trim() ?? "",
        unit: input.unit?.trim() ?? "",
        post: input.post?.trim() ?? "",
        rank: input.rank?.trim() ?? "",
        expertise: [...new Set((input.expertise ?? []).map((e) => e.trim()).filter(Boolean))],
        joinedOn: input.joinedOn ?? null,
        available: input.available ?? true,
        phone: input.phone?.trim() ?? "",
        accountId: input.accountId ?? null,
      })
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
