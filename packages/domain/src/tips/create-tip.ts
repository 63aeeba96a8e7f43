import { randomUUID } from "node:crypto";
import { and, eq, groups, groupTargets, rounds, sql, type Tx, targets, tips } from "@xuncha/db";
import { actingCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { loadSetting } from "../committee-settings/setting";
import { sealJson } from "../crypto/seal";
import { AppError } from "../model/errors";
import { TIP_CATEGORIES, type TipChannel } from "../model/tips";
import { chinaDate } from "../work-items/due-date";
import { acceptingRound } from "./public-tip-page";
import { hashReceipt, newReceipt, normalizeReceipt, receiptLookup } from "./receipt";
import { aad, newTipKeys, type PublicTipCtx, type TipContent, type TipCtx } from "./tip-crypto";
import { checkTipFiles, insertTipFiles, type UploadedTipFile } from "./tip-files";
import { tipSettingDef } from "./tip-settings";

export interface TipInput {
  roundId: string;
  /** The group whose page (QR code) the tip came from: where "other" tips go. */
  groupId?: string | undefined;
  /** null: "other" (named in otherTarget). */
  targetId: string | null;
  otherTarget?: string | undefined;
  category: string;
  text: string;
  /** Named tips carry name and phone, sealed apart from the content. */
  identity?: { name: string; phone: string } | undefined;
  files: UploadedTipFile[];
}

/** The target's group in the round, or (for "other") the group of the page the tip came from. */
async function routeOf(tx: Tx, committeeId: string, input: TipInput) {
  if (input.targetId) {
    const [target] = await tx
      .select({ id: targets.id, groupId: groupTargets.groupId })
      .from(targets)
      .leftJoin(
        groupTargets,
        and(eq(groupTargets.targetId, targets.id), eq(groupTargets.roundId, input.roundId)),
      )
      .where(and(eq(targets.id, input.targetId), eq(targets.committeeId, committeeId)));
    if (!target) throw new AppError("tip.target_not_in_round");
    if (target.groupId) return target.groupId;
  }
  if (input.groupId) {
    const [group] = await tx
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.id, input.groupId), eq(groups.roundId, input.roundId)));
    if (!group) throw new AppError("tip.not_accepting");
    return group.id;
  }
  return null;
}

/**
 * Writes a tip: content, identity and files sealed under fresh data keys, a receipt whose argon2id
 * hash alone is kept, routed to its target's group when the round has one. Returns the receipt,
 * which is never stored and never shown again.
 */
async function createTip(
  ctx: PublicTipCtx,
  committeeId: string,
  input: TipInput,
  channel: TipChannel,
  registeredBy: string | null,
) {
  if (!TIP_CATEGORIES.some((c) => c.key === input.category))
    throw new AppError("request.invalid", "请选择问题类别");
  const { value: settings } = await loadSetting(ctx.db, committeeId, tipSettingDef);
  const files = await checkTipFiles(input.files, settings);
  const receipt = newReceipt();
  const normalized = normalizeReceipt(receipt);
  const receiptHash = await hashReceipt(normalized);
  const id = randomUUID();
  const cipher = settings.cipher;
  const k = newTipKeys(ctx.keys, cipher, id, input.identity !== undefined);
  const content: TipContent = {
    text: input.text,
    ...(input.targetId ? {} : { otherTarget: input.otherTarget ?? "" }),
  };
  const tip = await ctx.db.transaction(async (tx) => {
    const groupId = await routeOf(tx, committeeId, input);
    // Numbers follow the register within the round; the lock keeps concurrent tips apart.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tips:${input.roundId}`}))`);
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${tips.number}), 0) + 1` })
      .from(tips)
      .where(eq(tips.roundId, input.roundId))) as [{ next: number }];
    const [row] = await tx
      .insert(tips)
      .values({
        id,
        committeeId,
        roundId: input.roundId,
        number: Number(next),
        channel,
        targetId: input.targetId,
        category: input.category,
        groupId,
        status: groupId ? "routed" : "new",
        named: input.identity !== undefined,
        receivedOn: chinaDate(),
        cipher,
        kekId: k.kekId,
        contentKey: k.wrappedContentKey,
        content: sealJson(cipher, k.contentKey, content, aad.content(id)),
        identityKey: k.wrappedIdentityKey,
        identity:
          k.identityKey && input.identity
            ? sealJson(cipher, k.identityKey, input.identity, aad.identity(id))
            : null,
        receiptLookup: receiptLookup(normalized),
        receiptHash,
        registeredBy,
      })
      .returning({ id: tips.id, number: tips.number, status: tips.status, committeeId: tips.committeeId });
    await insertTipFiles(tx, { id, committeeId, cipher }, k.contentKey, files, null);
    return row!;
  });
  return { ...tip, receipt };
}

/**
 * Public (no login): a tip from the round's page. Nothing about the sender is taken: no account,
 * address, user agent or time of day (the day only); no audit entry either, whose timestamp could
 * be matched against a proxy's access log (ADR 0009).
 */
export async function submitPublicTip(ctx: PublicTipCtx, input: TipInput) {
  const round = await acceptingRound(ctx.db, input.roundId);
  const tip = await createTip(ctx, round.committeeId, input, "web", null);
  return { receipt: tip.receipt };
}

/**
 * The office registers a tip received by letter, phone, visit or email in the same register, and
 * gets a receipt to pass on to the sender. Audited (without content or identity).
 */
export async function registerTip(ctx: TipCtx, input: TipInput & { channel: Exclude<TipChannel, "web"> }) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  const round = await acceptingRoundOf(ctx, input.roundId, committeeId);
  const tip = await createTip(ctx, round, input, input.channel, ctx.actor.accountId);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "tip.register",
      entity: "tip",
      entityId: tip.id,
      committeeId,
      summary: { channel: input.channel, number: tip.number, files: input.files.length },
    }),
  );
  return { id: tip.id, number: tip.number, status: tip.status, receipt: tip.receipt };
}

/** Staff may register into any open round of their committee (letters arrive late too). */
async function acceptingRoundOf(ctx: TipCtx, roundId: string, committeeId: string) {
  const [round] = await ctx.db
    .select({ committeeId: rounds.committeeId, status: rounds.status })
    .from(rounds)
    .where(and(eq(rounds.id, roundId), eq(rounds.committeeId, committeeId)));
  if (!round) throw new AppError("round.not_found");
  if (round.status !== "open") throw new AppError("round.closed");
  return round.committeeId;
}
