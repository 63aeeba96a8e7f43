import { committees, eq } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { COMMITTEE_LEVELS, type CommitteeLevel } from "../model/enums";
import { AppError } from "../model/errors";

const rank = (level: string) => COMMITTEE_LEVELS.keys.indexOf(level as CommitteeLevel);

/** Adds a committee (sysAdmin), under an upper committee of a higher level when given. */
export async function createCommittee(
  ctx: Ctx,
  input: { name: string; level: CommitteeLevel; parentId?: string | null },
) {
  if (!hasRole(ctx.actor, "sysAdmin")) throw new AppError("auth.forbidden");
  return inTransaction(ctx, async (tx) => {
    if (input.parentId) {
      const [parent] = await tx.select().from(committees).where(eq(committees.id, input.parentId));
      if (!parent) throw new AppError("committee.not_found", "上级党委不存在");
      if (rank(input.level) <= rank(parent.level)) throw new AppError("committee.level_invalid");
    }
    const [row] = await tx
      .insert(committees)
      .values({ name: input.name.trim(), level: input.level, parentId: input.parentId ?? null })
      .returning();
    if (!row) throw new AppError("internal");
    await recordAudit(tx, ctx.actor, {
      action: "committee.create",
      entity: "committee",
      entityId: row.id,
      committeeId: row.id,
      summary: { name: row.name, level: row.level, parentId: row.parentId },
    });
    return {
      id: row.id,
      name: row.name,
      level: row.level as CommitteeLevel,
      levelLabel: COMMITTEE_LEVELS.labels[row.level as CommitteeLevel],
      parentId: row.parentId,
      children: [],
    };
  });
}
