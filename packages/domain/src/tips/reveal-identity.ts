import { accounts, and, desc, eq, inArray, or, rounds, type SQL, terms, tipReveals, tips } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { tipCategoryName } from "../model/tips";
import { roundName } from "../rounds/round-name";
import { loadVisibleTip } from "./read-tips";
import { openIdentity, type TipCtx } from "./tip-crypto";
import { tipAbilities } from "./tip-policy";

/**
 * Asks to see a named submitter's identity, with the reason. Only who may decide on the tip (the
 * office, the group's leader or deputy) may ask; a tip custodian of the committee decides. Audited.
 */
export async function requestReveal(ctx: Ctx, tipId: string, input: { reason: string }) {
  const tip = await loadVisibleTip(ctx, tipId);
  if (!tip.named) throw new AppError("tip.anonymous");
  if (!tipAbilities(ctx.actor, tip, tip.roundStatus === "open").requestReveal) {
    throw new AppError("auth.forbidden");
  }
  return ctx.db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: tipReveals.id })
      .from(tipReveals)
      .where(and(eq(tipReveals.tipId, tipId), eq(tipReveals.status, "pending")))
      .for("update");
    if (pending) throw new AppError("tip.reveal_pending");
    const [row] = await tx
      .insert(tipReveals)
      .values({
        tipId,
        committeeId: tip.committeeId,
        requestedBy: ctx.actor.accountId!,
        reason: input.reason,
      })
      .returning({ id: tipReveals.id, status: tipReveals.status });
    await recordAudit(tx, ctx.actor, {
      action: "tip.reveal_request",
      entity: "tip",
      entityId: tipId,
      committeeId: tip.committeeId,
      summary: { revealId: row!.id, reason: input.reason },
    });
    return row!;
  });
}

/** The requests a custodian decides (their committee's), and the actor's own requests. */
export async function listRevealRequests(ctx: Ctx) {
  const custodianOf = committeesWhere(ctx.actor, ["tipCustodian"]);
  const scope = or(
    custodianOf.length ? inArray(tipReveals.committeeId, custodianOf) : undefined,
    ctx.actor.accountId ? eq(tipReveals.requestedBy, ctx.actor.accountId) : undefined,
  ) as SQL | undefined;
  if (!scope) return [];
  const rows = await ctx.db
    .select({
      id: tipReveals.id,
      tipId: tipReveals.tipId,
      committeeId: tipReveals.committeeId,
      reason: tipReveals.reason,
      status: tipReveals.status,
      decisionNote: tipReveals.decisionNote,
      createdAt: tipReveals.createdAt,
      decidedAt: tipReveals.decidedAt,
      requestedBy: tipReveals.requestedBy,
      requesterName: accounts.displayName,
      tipNumber: tips.number,
      tipCategory: tips.category,
      roundNumber: rounds.number,
      termName: terms.name,
    })
    .from(tipReveals)
    .innerJoin(tips, eq(tips.id, tipReveals.tipId))
    .innerJoin(rounds, eq(rounds.id, tips.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .innerJoin(accounts, eq(accounts.id, tipReveals.requestedBy))
    .where(scope)
    .orderBy(desc(tipReveals.createdAt));
  return rows.map(({ roundNumber, termName, tipCategory, ...r }) => ({
    ...r,
    roundName: roundName(termName, roundNumber),
    categoryName: tipCategoryName(tipCategory),
    abilities: {
      decide:
        r.status === "pending" &&
        custodianOf.includes(r.committeeId) &&
        r.requestedBy !== ctx.actor.accountId,
    },
  }));
}

/** A tip custodian approves or rejects a request (never their own). Audited. */
export async function decideReveal(
  ctx: Ctx,
  revealId: string,
  input: { approve: boolean; note?: string | undefined },
) {
  const custodianOf = committeesWhere(ctx.actor, ["tipCustodian"]);
  return ctx.db.transaction(async (tx) => {
    const [reveal] = await tx
      .select()
      .from(tipReveals)
      .where(
        and(
          eq(tipReveals.id, revealId),
          custodianOf.length ? inArray(tipReveals.committeeId, custodianOf) : undefined,
        ),
      )
      .for("update");
    if (!reveal || !custodianOf.length) throw new AppError("tip.reveal_not_found");
    if (reveal.status !== "pending") throw new AppError("tip.reveal_decided");
    if (reveal.requestedBy === ctx.actor.accountId) throw new AppError("tip.reveal_self");
    const status = input.approve ? "approved" : "rejected";
    await tx
      .update(tipReveals)
      .set({ status, decidedBy: ctx.actor.accountId, decidedAt: new Date(), decisionNote: input.note ?? "" })
      .where(eq(tipReveals.id, revealId));
    await recordAudit(tx, ctx.actor, {
      action: input.approve ? "tip.reveal_approve" : "tip.reveal_reject",
      entity: "tip",
      entityId: reveal.tipId,
      committeeId: reveal.committeeId,
      summary: { revealId, note: input.note ?? "" },
    });
    return { status };
  });
}

/**
 * The identity of a named submitter, for the account whose request a custodian approved. Every
 * read is audited; without an approved request of one's own the identity does not exist (404).
 */
export async function readTipIdentity(ctx: TipCtx, tipId: string) {
  const tip = await loadVisibleTip(ctx, tipId);
  const [approved] = await ctx.db
    .select({ id: tipReveals.id })
    .from(tipReveals)
    .where(
      and(
        eq(tipReveals.tipId, tipId),
        eq(tipReveals.requestedBy, ctx.actor.accountId ?? "00000000-0000-0000-0000-000000000000"),
        eq(tipReveals.status, "approved"),
      ),
    );
  if (!approved) throw new AppError("tip.reveal_not_found");
  const [sealed] = await ctx.db.select().from(tips).where(eq(tips.id, tipId));
  const identity = openIdentity(ctx.keys, sealed!);
  if (!identity) throw new AppError("tip.anonymous");
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "tip.identity_read",
      entity: "tip",
      entityId: tipId,
      committeeId: tip.committeeId,
      summary: { revealId: approved.id },
    }),
  );
  return identity;
}
