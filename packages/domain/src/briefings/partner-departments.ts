import { and, asc, eq, inArray, ne, partnerDepartments } from "@xuncha/db";
import { hasRole } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { actingCommittee, committeesWhere } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import type { PartnerDepartmentKind } from "../model/fieldwork";

export interface PartnerDepartmentInput {
  name: string;
  kind: PartnerDepartmentKind;
}

const present = (d: typeof partnerDepartments.$inferSelect) => ({
  id: d.id,
  committeeId: d.committeeId,
  name: d.name,
  kind: d.kind as PartnerDepartmentKind,
});

/**
 * The partner departments of a committee: for the office and the leading group of the committee,
 * and for the security administrator, who scopes partnerDept accounts to one of them.
 */
export async function listPartnerDepartments(ctx: Ctx, filters: { committeeId?: string | undefined }) {
  const readable = committeesWhere(ctx.actor, ["officeStaff", "leadership"], "read");
  const admin = hasRole(ctx.actor, "securityAdmin");
  const committeeId = filters.committeeId ?? readable[0];
  if (!committeeId || (!admin && !readable.includes(committeeId))) return [];
  const rows = await ctx.db
    .select()
    .from(partnerDepartments)
    .where(inArray(partnerDepartments.committeeId, [committeeId]))
    .orderBy(asc(partnerDepartments.kind), asc(partnerDepartments.name));
  return rows.map(present);
}

async function assertNameFree(ctx: Ctx, committeeId: string, name: string, exceptId?: string) {
  const [taken] = await ctx.db
    .select({ id: partnerDepartments.id })
    .from(partnerDepartments)
    .where(
      and(
        eq(partnerDepartments.committeeId, committeeId),
        eq(partnerDepartments.name, name),
        exceptId ? ne(partnerDepartments.id, exceptId) : undefined,
      ),
    );
  if (taken) throw new AppError("partner_department.name_taken");
}

/** The office adds a partner department to its committee. */
export async function createPartnerDepartment(ctx: Ctx, input: PartnerDepartmentInput) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  await assertNameFree(ctx, committeeId, input.name);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(partnerDepartments)
      .values({ committeeId, name: input.name, kind: input.kind })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "partner_department.create",
      entity: "partner_department",
      entityId: row!.id,
      committeeId,
      summary: { ...input },
    });
    return present(row!);
  });
}

/** The office renames a partner department or changes its kind. */
export async function updatePartnerDepartment(ctx: Ctx, id: string, input: PartnerDepartmentInput) {
  const [existing] = await ctx.db.select().from(partnerDepartments).where(eq(partnerDepartments.id, id));
  if (!existing || !committeesWhere(ctx.actor, ["officeStaff"]).includes(existing.committeeId))
    throw new AppError("partner_department.not_found");
  await assertNameFree(ctx, existing.committeeId, input.name, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(partnerDepartments)
      .set({ name: input.name, kind: input.kind })
      .where(eq(partnerDepartments.id, id))
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "partner_department.update",
      entity: "partner_department",
      entityId: id,
      committeeId: existing.committeeId,
      summary: { before: { name: existing.name, kind: existing.kind }, after: { ...input } },
    });
    return present(row!);
  });
}
