import { randomUUID } from "node:crypto";
import { count, type Db, eq, rounds, terms, tipAdditions, tipFiles, tips } from "@xuncha/db";
import { loadSetting } from "../committee-settings/setting";
import type { Cipher } from "../crypto/seal";
import { sealJson } from "../crypto/seal";
import { AppError } from "../model/errors";
import { TIP_PUBLIC_STATUS, TIP_STATUS_LABELS, type TipStatus } from "../model/tips";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import {
  isWellFormedReceipt,
  normalizeReceipt,
  receiptLookup,
  verifyNothing,
  verifyReceipt,
} from "./receipt";
import { aad, contentKeyOf, type PublicTipCtx } from "./tip-crypto";
import { checkTipFiles, insertTipFiles, type UploadedTipFile } from "./tip-files";
import { tipSettingDef } from "./tip-settings";

/**
 * The tip a receipt opens. Unknown, malformed and wrong receipts fail alike (tip.receipt_invalid)
 * after the same argon2id work, so the answer and its time say nothing about which it was.
 */
export async function tipByReceipt(db: Db, typed: string) {
  const normalized = normalizeReceipt(typed);
  const candidates = isWellFormedReceipt(normalized)
    ? await db
        .select()
        .from(tips)
        .where(eq(tips.receiptLookup, receiptLookup(normalized)))
    : [];
  if (!candidates.length) await verifyNothing(normalized);
  for (const tip of candidates) if (await verifyReceipt(tip.receiptHash, normalized)) return tip;
  throw new AppError("tip.receipt_invalid");
}

/**
 * Public, with the receipt: the tip's status and answer in plain words. The tip's own text is not
 * shown back (a lost receipt would give it away); only what happened to it.
 */
export async function readTipByReceipt(ctx: PublicTipCtx, input: { receipt: string }) {
  const tip = await tipByReceipt(ctx.db, input.receipt);
  const [round] = await ctx.db
    .select({ number: rounds.number, termName: terms.name })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(eq(rounds.id, tip.roundId));
  const [additions] = await ctx.db
    .select({ n: count() })
    .from(tipAdditions)
    .where(eq(tipAdditions.tipId, tip.id));
  const [files] = await ctx.db.select({ n: count() }).from(tipFiles).where(eq(tipFiles.tipId, tip.id));
  const { value: limits } = await loadSetting(ctx.db, tip.committeeId, tipSettingDef);
  const status = tip.status as TipStatus;
  return {
    roundName: round ? roundName(round.termName, round.number) : "",
    receivedOn: tip.receivedOn,
    status,
    statusLabel: TIP_STATUS_LABELS[status],
    statusText: TIP_PUBLIC_STATUS[status],
    answer: tip.publicAnswer,
    handOverDeadline: status === "handedOver" ? tip.handOverDeadline : null,
    additions: Number(additions?.n ?? 0),
    files: Number(files?.n ?? 0),
    canAdd: status !== "filed",
    /** The attachment limits of an addition (the committee's tips setting). */
    limits: { maxFiles: limits.maxFiles, maxFileMb: limits.maxFileMb, maxTotalMb: limits.maxTotalMb },
  };
}

/** Public, with the receipt: more information or files, sealed under the tip's content key. */
export async function addToTipByReceipt(
  ctx: PublicTipCtx,
  input: { receipt: string; text: string; files: UploadedTipFile[] },
) {
  const tip = await tipByReceipt(ctx.db, input.receipt);
  if (tip.status === "filed") throw new AppError("tip.decided", "该举报已办结存档，不能再补充");
  const { value } = await loadSetting(ctx.db, tip.committeeId, tipSettingDef);
  const files = await checkTipFiles(input.files, value);
  if (!input.text.trim() && !files.length) throw new AppError("request.invalid", "请填写补充内容或添加附件");
  const key = contentKeyOf(ctx.keys, tip);
  const cipher = tip.cipher as Cipher;
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(tipAdditions).values({
      id,
      tipId: tip.id,
      committeeId: tip.committeeId,
      content: sealJson(cipher, key, { text: input.text }, aad.addition(tip.id, id)),
      receivedOn: chinaDate(),
    });
    await insertTipFiles(tx, { id: tip.id, committeeId: tip.committeeId, cipher }, key, files, id);
  });
  return { added: true };
}
