import {
  and,
  eq,
  findings,
  isNull,
  sql,
  type Tx,
  workpaperEvents,
  workpaperFiles,
  workpaperSignatures,
  workpapers,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { assertRoundOpen } from "../findings/load-finding";
import { AppError } from "../model/errors";
import { approvalBlocker } from "../model/workpapers";
import {
  ensureWorkpaper,
  loadWorkpaperForChange,
  stateOf,
  type WorkpaperContext,
  type WorkpaperFields,
} from "./load-workpaper";
import { isReviewer, workpaperAbilities } from "./workpaper-abilities";

export async function recordWorkpaperEvent(
  tx: Tx,
  actor: Actor,
  workpaperId: string,
  action: string,
  note = "",
) {
  await tx
    .insert(workpaperEvents)
    .values({ workpaperId, action, accountId: actor.accountId!, name: actor.name, note });
}

/**
 * Whatever the drafters signed and the deputy reviewed no longer stands once the content changes:
 * active signatures are revoked (kept, dated) and the review is cleared. Returns how many were revoked.
 */
export async function revokeSignoffs(tx: Tx, actor: Actor, workpaperId: string, why: string) {
  const now = new Date();
  const revoked = await tx
    .update(workpaperSignatures)
    .set({ revokedAt: now })
    .where(and(eq(workpaperSignatures.workpaperId, workpaperId), isNull(workpaperSignatures.revokedAt)))
    .returning({ id: workpaperSignatures.id });
  const [cleared] = await tx
    .update(workpapers)
    .set({ reviewedBy: null, reviewedAt: null, reviewOpinion: "", updatedAt: now })
    .where(and(eq(workpapers.id, workpaperId), sql`${workpapers.reviewedAt} is not null`))
    .returning({ id: workpapers.id });
  if (revoked.length || cleared) {
    await recordWorkpaperEvent(tx, actor, workpaperId, "revoke", why);
  }
  return revoked.length;
}

/** For a change by the group: the round is open, the finding not approved, the actor in the group. */
function assertEditable(actor: Actor, c: WorkpaperContext) {
  assertRoundOpen(c.finding);
  if (c.finding.status === "approved") throw new AppError("workpaper.locked");
  if (!workpaperAbilities(actor, stateOf(c)).edit) throw new AppError("auth.forbidden");
}

/**
 * A group member edits the workpaper's source, summary and persons concerned (creating it if the
 * finding has none yet). Signatures and the review given on the earlier text are revoked.
 */
export async function updateWorkpaper(ctx: Ctx, findingId: string, input: WorkpaperFields) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadWorkpaperForChange(tx, ctx.actor, findingId);
    assertEditable(ctx.actor, c);
    const wp = await ensureWorkpaper(tx, ctx.actor, c.finding);
    await tx
      .update(workpapers)
      .set({
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.sourceRecordId !== undefined ? { sourceRecordId: input.sourceRecordId } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.persons !== undefined ? { persons: input.persons } : {}),
        updatedAt: new Date(),
      })
      .where(eq(workpapers.id, wp.id));
    const revoked = await revokeSignoffs(tx, ctx.actor, wp.id, "底稿内容已修改");
    await recordAudit(tx, ctx.actor, {
      action: "workpaper.update",
      entity: "workpaper",
      entityId: wp.id,
      committeeId: c.finding.committeeId,
      summary: {
        findingId,
        fields: Object.keys(input).filter((k) => input[k as keyof WorkpaperFields] !== undefined),
        signaturesRevoked: revoked,
      },
    });
  });
}

/**
 * A group member adds a supporting file (a new slot), or a new version of a file already there
 * (`replaces`: the slot): versions are kept, never overwritten. Signatures given before are revoked.
 */
export async function addWorkpaperFile(
  ctx: Ctx,
  findingId: string,
  input: { fileId: string; replaces?: string | undefined; note?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadWorkpaperForChange(tx, ctx.actor, findingId);
    assertEditable(ctx.actor, c);
    const wp = await ensureWorkpaper(tx, ctx.actor, c.finding);
    const [fileId] = await claimFiles(tx, ctx.actor, [input.fileId]);
    let slot: string = crypto.randomUUID();
    let version = 1;
    if (input.replaces) {
      const [{ last } = { last: 0 }] = await tx
        .select({ last: sql<number>`coalesce(max(${workpaperFiles.version}), 0)::int` })
        .from(workpaperFiles)
        .where(and(eq(workpaperFiles.workpaperId, wp.id), eq(workpaperFiles.slot, input.replaces)));
      if (!Number(last)) throw new AppError("workpaper.file_not_found");
      slot = input.replaces;
      version = Number(last) + 1;
    }
    const [row] = await tx
      .insert(workpaperFiles)
      .values({
        workpaperId: wp.id,
        slot,
        version,
        fileId: fileId!,
        note: input.note ?? "",
        addedBy: ctx.actor.accountId!,
      })
      .returning();
    const revoked = await revokeSignoffs(
      tx,
      ctx.actor,
      wp.id,
      version > 1 ? "附件已更换新版本" : "已增加附件",
    );
    await recordAudit(tx, ctx.actor, {
      action: "workpaper.file",
      entity: "workpaper",
      entityId: wp.id,
      committeeId: c.finding.committeeId,
      summary: { findingId, fileId, slot, version, signaturesRevoked: revoked },
    });
    return row!;
  });
}

/** A drafter of the group signs the workpaper (dated, audited); each account signs once. */
export async function signWorkpaper(ctx: Ctx, findingId: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadWorkpaperForChange(tx, ctx.actor, findingId);
    assertRoundOpen(c.finding);
    if (c.finding.status === "approved") throw new AppError("workpaper.locked");
    const abilities = workpaperAbilities(ctx.actor, stateOf(c));
    if (!abilities.sign) {
      throw new AppError(abilities.edit ? "workpaper.already_signed" : "auth.forbidden");
    }
    const wp = await ensureWorkpaper(tx, ctx.actor, c.finding);
    const [signature] = await tx
      .insert(workpaperSignatures)
      .values({ workpaperId: wp.id, accountId: ctx.actor.accountId!, name: ctx.actor.name })
      .returning();
    await recordWorkpaperEvent(tx, ctx.actor, wp.id, "sign");
    await recordAudit(tx, ctx.actor, {
      action: "workpaper.sign",
      entity: "workpaper",
      entityId: wp.id,
      committeeId: c.finding.committeeId,
      summary: {
        findingId,
        signedAt: signature!.signedAt.toISOString(),
        signatures: c.signatures.length + 1,
      },
    });
  });
}

/**
 * The deputy (the leader where the group has none) reviews a draft signed by at least two drafters:
 * pass (with an optional opinion), or return it to the drafters with the reason.
 */
export async function reviewWorkpaper(
  ctx: Ctx,
  findingId: string,
  input: { decision: "pass" | "return"; opinion?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadWorkpaperForChange(tx, ctx.actor, findingId);
    assertRoundOpen(c.finding);
    const state = stateOf(c);
    const abilities = workpaperAbilities(ctx.actor, state);
    const opinion = input.opinion?.trim() ?? "";
    if (input.decision === "return") {
      if (!abilities.return) {
        throw new AppError(c.finding.status === "draft" ? "auth.forbidden" : "workpaper.not_reviewable");
      }
      if (!opinion) throw new AppError("request.invalid", "退回时须填写审核意见", { field: "opinion" });
      await returnForRevision(tx, ctx.actor, c, opinion);
      return;
    }
    if (!abilities.review) {
      if (!isReviewer(ctx.actor, state)) throw new AppError("auth.forbidden");
      if (c.finding.status !== "draft") throw new AppError("workpaper.not_reviewable");
      if (state.reviewed) throw new AppError("workpaper.already_reviewed");
      throw new AppError("workpaper.signatures_required");
    }
    const now = new Date();
    await tx
      .update(workpapers)
      .set({ reviewedBy: ctx.actor.accountId, reviewedAt: now, reviewOpinion: opinion, updatedAt: now })
      .where(eq(workpapers.id, c.workpaper!.id));
    await recordWorkpaperEvent(tx, ctx.actor, c.workpaper!.id, "review", opinion);
    await recordAudit(tx, ctx.actor, {
      action: "workpaper.review",
      entity: "workpaper",
      entityId: c.workpaper!.id,
      committeeId: c.finding.committeeId,
      summary: { findingId, opinion },
    });
  });
}

/** Returns a draft to the drafters: the finding becomes returned with the reason. */
export async function returnForRevision(tx: Tx, actor: Actor, c: WorkpaperContext, reason: string) {
  await tx
    .update(findings)
    .set({ status: "returned", returnReason: reason, updatedAt: new Date() })
    .where(eq(findings.id, c.finding.id));
  if (c.workpaper) await recordWorkpaperEvent(tx, actor, c.workpaper.id, "return", reason);
  await recordAudit(tx, actor, {
    action: "finding.return",
    entity: "finding",
    entityId: c.finding.id,
    committeeId: c.finding.committeeId,
    summary: { reason },
  });
}

/**
 * Approval needs the workpaper signed by at least two drafters and reviewed (called by the
 * finding's approval, inside its transaction, with the finding locked).
 */
export async function assertWorkpaperApprovable(tx: Tx, actor: Actor, findingId: string) {
  const c = await loadWorkpaperForChange(tx, actor, findingId);
  const blocker = approvalBlocker(stateOf(c));
  if (blocker) throw new AppError(blocker);
  return c;
}

/**
 * The leader reopens an approved finding that the leading group has not decided yet, with a reason:
 * it goes back to draft, its signatures and review are revoked (the drafters sign again after the
 * change, the deputy reviews again).
 */
export async function reopenWorkpaper(ctx: Ctx, findingId: string, input: { reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadWorkpaperForChange(tx, ctx.actor, findingId);
    assertRoundOpen(c.finding);
    if (!workpaperAbilities(ctx.actor, stateOf(c)).reopen) {
      const isLeader = ctx.actor.grants.some(
        (g) => g.groupId === c.finding.groupId && g.role === "groupLeader",
      );
      throw new AppError(isLeader ? "workpaper.not_reopenable" : "auth.forbidden");
    }
    const wp = await ensureWorkpaper(tx, ctx.actor, c.finding);
    await tx
      .update(findings)
      .set({ status: "draft", approvedBy: null, approvedAt: null, updatedAt: new Date() })
      .where(eq(findings.id, findingId));
    const revoked = await revokeSignoffs(tx, ctx.actor, wp.id, "重新打开后须重新签名、审核");
    await recordWorkpaperEvent(tx, ctx.actor, wp.id, "reopen", input.reason);
    await recordAudit(tx, ctx.actor, {
      action: "workpaper.reopen",
      entity: "workpaper",
      entityId: wp.id,
      committeeId: c.finding.committeeId,
      summary: { findingId, reason: input.reason, signaturesRevoked: revoked },
    });
  });
}
