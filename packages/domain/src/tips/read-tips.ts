import {
  and,
  asc,
  desc,
  eq,
  groups,
  rounds,
  type SQL,
  sql,
  targets,
  terms,
  tipAdditions,
  tipFiles,
  tipReveals,
  tips,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { type Cipher, open, openJson } from "../crypto/seal";
import { sha256 } from "../files/store-file";
import { AppError } from "../model/errors";
import {
  TIP_CHANNEL_LABELS,
  TIP_STATUS_LABELS,
  type TipChannel,
  type TipStatus,
  tipCategoryName,
} from "../model/tips";
import { roundName } from "../rounds/round-name";
import { aad, contentKeyOf, openContent, type TipCtx } from "./tip-crypto";
import { tipAbilities, visibleTip, visibleTips } from "./tip-policy";

export interface TipFilters {
  roundId?: string | undefined;
  status?: TipStatus | undefined;
  channel?: TipChannel | undefined;
  groupId?: string | undefined;
}

/** The register's columns (never content or identity), with names for display. */
const tipColumns = {
  id: tips.id,
  committeeId: tips.committeeId,
  roundId: tips.roundId,
  number: tips.number,
  channel: tips.channel,
  targetId: tips.targetId,
  targetName: targets.name,
  category: tips.category,
  groupId: tips.groupId,
  groupName: groups.name,
  status: tips.status,
  named: tips.named,
  receivedOn: tips.receivedOn,
  findingId: tips.findingId,
  handOverTargetId: tips.handOverTargetId,
  handOverTargetName: sql<
    string | null
  >`(select t.name from targets t where t.id = ${tips.handOverTargetId})`,
  handOverDeadline: tips.handOverDeadline,
  handOverAnswer: tips.handOverAnswer,
  handOverAnsweredOn: tips.handOverAnsweredOn,
  fileReason: tips.fileReason,
  decisionNote: tips.decisionNote,
  publicAnswer: tips.publicAnswer,
  decidedOn: tips.decidedOn,
  roundNumber: rounds.number,
  roundStatus: rounds.status,
  termName: terms.name,
};

function selectTips(ctx: Ctx, where: SQL | undefined) {
  return ctx.db
    .select(tipColumns)
    .from(tips)
    .innerJoin(rounds, eq(rounds.id, tips.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .leftJoin(targets, eq(targets.id, tips.targetId))
    .leftJoin(groups, eq(groups.id, tips.groupId))
    .where(where);
}

type TipRow = Awaited<ReturnType<typeof selectTips>>[number];

function present(ctx: Ctx, r: TipRow) {
  const { roundNumber, termName, roundStatus, ...rest } = r;
  const status = r.status as TipStatus;
  return {
    ...rest,
    roundName: roundName(termName, roundNumber),
    channelLabel: TIP_CHANNEL_LABELS[r.channel as TipChannel] ?? r.channel,
    categoryName: tipCategoryName(r.category),
    statusLabel: TIP_STATUS_LABELS[status] ?? r.status,
    abilities: tipAbilities(ctx.actor, r, roundStatus === "open"),
  };
}

/** The tips register (信访举报登记) the actor may see: metadata only. Reading it is audited. */
export async function listTips(ctx: Ctx, filters: TipFilters) {
  const rows = await selectTips(
    ctx,
    and(
      visibleTips(ctx.actor),
      filters.roundId ? eq(tips.roundId, filters.roundId) : undefined,
      filters.status ? eq(tips.status, filters.status) : undefined,
      filters.channel ? eq(tips.channel, filters.channel) : undefined,
      filters.groupId ? eq(tips.groupId, filters.groupId) : undefined,
    ),
  ).orderBy(desc(tips.receivedOn), desc(tips.number));
  if (rows.length) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx.actor, {
        action: "tip.read_list",
        entity: "tip",
        committeeId: rows[0]!.committeeId,
        summary: { filters: { ...filters }, tipIds: rows.map((r) => r.id) },
      }),
    );
  }
  return rows.map((r) => present(ctx, r));
}

/** A visible tip's register row, or tip.not_found. */
export async function loadVisibleTip(ctx: Ctx, id: string) {
  const [row] = await selectTips(ctx, visibleTip(ctx.actor, id));
  if (!row) throw new AppError("tip.not_found");
  return row;
}

/**
 * One tip with what handling needs: its text, the additions, the files (names), the reveal
 * requests; never the identity. Every read is audited.
 */
export async function getTip(ctx: TipCtx, id: string) {
  const row = await loadVisibleTip(ctx, id);
  const [sealed] = await ctx.db.select().from(tips).where(eq(tips.id, id));
  const content = openContent(ctx.keys, sealed!);
  const key = contentKeyOf(ctx.keys, sealed!);
  const cipher = sealed!.cipher as Cipher;
  const additions = await ctx.db
    .select()
    .from(tipAdditions)
    .where(eq(tipAdditions.tipId, id))
    .orderBy(asc(tipAdditions.receivedOn), asc(tipAdditions.id));
  const fileRows = await ctx.db
    .select({
      id: tipFiles.id,
      additionId: tipFiles.additionId,
      mime: tipFiles.mime,
      size: tipFiles.size,
      name: tipFiles.name,
    })
    .from(tipFiles)
    .where(eq(tipFiles.tipId, id))
    .orderBy(asc(tipFiles.id));
  const reveals = await ctx.db
    .select({
      id: tipReveals.id,
      requestedBy: tipReveals.requestedBy,
      reason: tipReveals.reason,
      status: tipReveals.status,
      createdAt: tipReveals.createdAt,
      decidedAt: tipReveals.decidedAt,
    })
    .from(tipReveals)
    .where(eq(tipReveals.tipId, id))
    .orderBy(asc(tipReveals.createdAt));
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "tip.read",
      entity: "tip",
      entityId: id,
      committeeId: row.committeeId,
      summary: { number: row.number },
    }),
  );
  return {
    ...present(ctx, row),
    text: content.text,
    otherTarget: content.otherTarget ?? null,
    additions: additions.map((a) => ({
      id: a.id,
      receivedOn: a.receivedOn,
      text: openJson<{ text: string }>(cipher, key, a.content, aad.addition(id, a.id)).text,
    })),
    files: fileRows.map((f) => ({
      id: f.id,
      additionId: f.additionId,
      mime: f.mime,
      size: f.size,
      name: open(cipher, key, f.name, aad.fileName(id, f.id)).toString("utf8"),
    })),
    reveals: reveals.map((r) => ({ ...r, mine: r.requestedBy === ctx.actor.accountId })),
  };
}

/** A tip's file, decrypted, after checking the stored bytes' SHA-256. Audited. */
export async function readTipFile(ctx: TipCtx, tipId: string, fileId: string) {
  await loadVisibleTip(ctx, tipId);
  const [sealed] = await ctx.db.select().from(tips).where(eq(tips.id, tipId));
  const [file] = await ctx.db
    .select()
    .from(tipFiles)
    .where(and(eq(tipFiles.id, fileId), eq(tipFiles.tipId, tipId)));
  if (!sealed || !file) throw new AppError("file.not_found");
  if (sha256(file.content) !== file.sha256) throw new AppError("tip.sealed_broken");
  const key = contentKeyOf(ctx.keys, sealed);
  const cipher = sealed.cipher as Cipher;
  const data = open(cipher, key, file.content, aad.fileContent(tipId, fileId));
  const name = open(cipher, key, file.name, aad.fileName(tipId, fileId)).toString("utf8");
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, {
      action: "tip.read_file",
      entity: "tip",
      entityId: tipId,
      committeeId: sealed.committeeId,
      summary: { fileId },
    }),
  );
  return { name, mime: file.mime, data };
}

/** Counts of the visible tips by channel, target and outcome (status). */
export async function countTips(ctx: Ctx, filters: { roundId?: string | undefined }) {
  const where = and(visibleTips(ctx.actor), filters.roundId ? eq(tips.roundId, filters.roundId) : undefined);
  const by = async (column: SQL, label: SQL) =>
    ctx.db
      .select({
        key: sql<string | null>`${column}`,
        label: sql<string | null>`${label}`,
        count: sql<number>`count(*)::int`,
      })
      .from(tips)
      .leftJoin(targets, eq(targets.id, tips.targetId))
      .where(where)
      .groupBy(column, label)
      .orderBy(desc(sql`count(*)`));
  const [byChannel, byTarget, byStatus] = await Promise.all([
    by(sql`${tips.channel}`, sql`${tips.channel}`),
    by(sql`${tips.targetId}`, sql`${targets.name}`),
    by(sql`${tips.status}`, sql`${tips.status}`),
  ]);
  const total = byStatus.reduce((n, r) => n + Number(r.count), 0);
  return {
    total,
    byChannel: byChannel.map((r) => ({
      channel: r.key,
      label: TIP_CHANNEL_LABELS[r.key as TipChannel] ?? r.key,
      count: Number(r.count),
    })),
    byTarget: byTarget.map((r) => ({ targetId: r.key, label: r.label ?? "其他", count: Number(r.count) })),
    byOutcome: byStatus.map((r) => ({
      status: r.key,
      label: TIP_STATUS_LABELS[r.key as TipStatus] ?? r.key,
      count: Number(r.count),
    })),
  };
}
