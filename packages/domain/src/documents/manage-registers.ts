import { and, asc, committees, count, documents, eq, ne, numberingRegisters, sql, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { actingCommittee, assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import type { DocumentKind } from "../model/enums";
import { AppError } from "../model/errors";

/** The kinds a default register serves: the round's own documents. */
export const DEFAULT_REGISTER_KINDS: DocumentKind[] = ["authorization", "announcement"];

/**
 * The register a committee gets when it has none for a kind: issuer 中共<committee>巡察工作领导小组,
 * prefix the committee's first character + 巡组发 (测试县委 → 测巡组发), as practice abbreviates it.
 */
export function defaultRegister(committeeName: string) {
  const name = committeeName.replace(/^中共/, "").trim();
  return { issuer: `中共${name}巡察工作领导小组`, prefix: `${[...name][0] ?? "巡"}巡组发` };
}

export interface RegisterInput {
  issuer: string;
  prefix: string;
  kinds: DocumentKind[];
}

const columns = {
  id: numberingRegisters.id,
  committeeId: numberingRegisters.committeeId,
  issuer: numberingRegisters.issuer,
  prefix: numberingRegisters.prefix,
  kinds: numberingRegisters.kinds,
  createdAt: numberingRegisters.createdAt,
};

/** The office's numbering registers, with how many documents each has numbered. */
export async function listRegisters(ctx: Ctx) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  const [rows, counts] = await Promise.all([
    ctx.db
      .select(columns)
      .from(numberingRegisters)
      .where(eq(numberingRegisters.committeeId, committeeId))
      .orderBy(asc(numberingRegisters.createdAt)),
    ctx.db
      .select({ registerId: documents.registerId, n: count() })
      .from(documents)
      .where(eq(documents.committeeId, committeeId))
      .groupBy(documents.registerId),
  ]);
  const issuedBy = new Map(counts.map((c) => [c.registerId, Number(c.n)]));
  const [committee] = await ctx.db.select().from(committees).where(eq(committees.id, committeeId));
  return {
    items: rows.map((r) => {
      const issued = issuedBy.get(r.id) ?? 0;
      return { ...r, kinds: r.kinds as DocumentKind[], issued, abilities: { delete: issued === 0 } };
    }),
    /** What is created on the first document of a kind no register serves. */
    fallback: { ...defaultRegister(committee?.name ?? ""), kinds: DEFAULT_REGISTER_KINDS },
  };
}

/** A kind may be served by one register of a committee only; prefixes are unique per committee. */
async function assertFree(tx: Tx, committeeId: string, input: Partial<RegisterInput>, exceptId?: string) {
  const others = await tx
    .select(columns)
    .from(numberingRegisters)
    .where(
      and(
        eq(numberingRegisters.committeeId, committeeId),
        exceptId ? ne(numberingRegisters.id, exceptId) : undefined,
      ),
    );
  if (input.prefix && others.some((o) => o.prefix === input.prefix))
    throw new AppError("register.prefix_taken");
  const taken = (input.kinds ?? []).filter((k) => others.some((o) => o.kinds.includes(k)));
  if (taken.length) throw new AppError("register.kind_taken", undefined, { kinds: taken });
}

export async function createRegister(ctx: Ctx, input: RegisterInput) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  return ctx.db.transaction(async (tx) => {
    // One writer at a time per committee, so two registers never take the same kind.
    await tx
      .select({ id: committees.id })
      .from(committees)
      .where(eq(committees.id, committeeId))
      .for("update");
    await assertFree(tx, committeeId, input);
    const [row] = await tx
      .insert(numberingRegisters)
      .values({ ...input, kinds: [...new Set(input.kinds)], committeeId })
      .returning(columns);
    await recordAudit(tx, ctx.actor, {
      action: "register.create",
      entity: "numberingRegister",
      entityId: row!.id,
      committeeId,
      summary: { ...input },
    });
    return { ...row!, kinds: row!.kinds as DocumentKind[] };
  });
}

async function lockRegister(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(numberingRegisters).where(eq(numberingRegisters.id, id)).for("update");
  if (!row) throw new AppError("register.not_found");
  assertInCommittee(actor, ["officeStaff"], row.committeeId, "register.not_found");
  return row;
}

/** Changes a register; documents already issued keep the number they were given. */
export async function updateRegister(ctx: Ctx, id: string, input: Partial<RegisterInput>) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockRegister(tx, ctx.actor, id);
    await tx
      .select({ id: committees.id })
      .from(committees)
      .where(eq(committees.id, before.committeeId))
      .for("update");
    await assertFree(tx, before.committeeId, input, id);
    const [row] = await tx
      .update(numberingRegisters)
      .set({ ...input, ...(input.kinds ? { kinds: [...new Set(input.kinds)] } : {}) })
      .where(eq(numberingRegisters.id, id))
      .returning(columns);
    await recordAudit(tx, ctx.actor, {
      action: "register.update",
      entity: "numberingRegister",
      entityId: id,
      committeeId: before.committeeId,
      summary: { from: { issuer: before.issuer, prefix: before.prefix, kinds: before.kinds }, to: input },
    });
    return { ...row!, kinds: row!.kinds as DocumentKind[] };
  });
}

/** Deletes a register that has numbered nothing yet. */
export async function deleteRegister(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockRegister(tx, ctx.actor, id);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: count() })
      .from(documents)
      .where(eq(documents.registerId, id));
    if (Number(n) > 0) throw new AppError("register.in_use");
    await tx.delete(numberingRegisters).where(eq(numberingRegisters.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "register.delete",
      entity: "numberingRegister",
      entityId: id,
      committeeId: row.committeeId,
      summary: { issuer: row.issuer, prefix: row.prefix, kinds: row.kinds },
    });
  });
}

/**
 * The register serving a kind, locked for numbering (SELECT … FOR UPDATE): concurrent issues wait
 * for each other, so serials never repeat. The default register is created on demand.
 */
export async function lockRegisterFor(tx: Tx, committeeId: string, kind: DocumentKind) {
  const find = () =>
    tx
      .select()
      .from(numberingRegisters)
      .where(
        and(eq(numberingRegisters.committeeId, committeeId), sql`${kind} = any(${numberingRegisters.kinds})`),
      )
      .orderBy(asc(numberingRegisters.createdAt))
      .limit(1)
      .for("update");
  const [found] = await find();
  if (found) return found;
  if (!DEFAULT_REGISTER_KINDS.includes(kind)) throw new AppError("register.missing");
  const [committee] = await tx.select().from(committees).where(eq(committees.id, committeeId));
  const fallback = defaultRegister(committee!.name);
  // Another request may be creating it at the same moment: the unique prefix lets one win.
  await tx
    .insert(numberingRegisters)
    .values({ committeeId, ...fallback, kinds: DEFAULT_REGISTER_KINDS })
    .onConflictDoNothing();
  const [created] = await find();
  if (!created) throw new AppError("register.missing");
  return created;
}
