import { eq, findings, workpapers } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import {
  assertWorkpaperApprovable,
  recordWorkpaperEvent,
  revokeSignoffs,
} from "../workpapers/change-workpaper";
import { assertCategory, type FindingInput } from "./create-finding";
import { findingAbilities } from "./finding-abilities";
import { assertRoundOpen, loadFindingForChange } from "./load-finding";

/**
 * The group leader approves a draft finding: this is the approval of its workpaper, which needs the
 * signatures of at least two drafters and the deputy's review.
 */
export async function approveFinding(ctx: Ctx, findingId: string) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    assertRoundOpen(finding);
    if (!findingAbilities(ctx.actor, finding).approve) {
      throw new AppError(finding.status === "draft" ? "auth.forbidden" : "finding.not_approvable");
    }
    const { workpaper } = await assertWorkpaperApprovable(tx, ctx.actor, findingId);
    const now = new Date();
    await tx
      .update(findings)
      .set({ status: "approved", approvedBy: ctx.actor.accountId, approvedAt: now, updatedAt: now })
      .where(eq(findings.id, findingId));
    await recordWorkpaperEvent(tx, ctx.actor, workpaper!.id, "approve");
    await recordAudit(tx, ctx.actor, {
      action: "finding.approve",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
    });
  });
}

/** The group leader returns a draft finding to the group with a reason. */
export async function returnFinding(ctx: Ctx, findingId: string, input: { reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    assertRoundOpen(finding);
    if (!findingAbilities(ctx.actor, finding).return) {
      throw new AppError(finding.status === "draft" ? "auth.forbidden" : "finding.not_approvable");
    }
    await tx
      .update(findings)
      .set({ status: "returned", returnReason: input.reason, updatedAt: new Date() })
      .where(eq(findings.id, findingId));
    const [workpaper] = await tx
      .select({ id: workpapers.id })
      .from(workpapers)
      .where(eq(workpapers.findingId, findingId));
    if (workpaper) await recordWorkpaperEvent(tx, ctx.actor, workpaper.id, "return", input.reason);
    await recordAudit(tx, ctx.actor, {
      action: "finding.return",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
      summary: { reason: input.reason },
    });
  });
}

/**
 * A group member revises a draft or returned finding; it goes back to the leader as a draft, and the
 * workpaper's signatures and review on the earlier text are revoked.
 */
export async function updateFinding(ctx: Ctx, findingId: string, input: Omit<FindingInput, "fileIds">) {
  assertCategory(input);
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    assertRoundOpen(finding);
    const abilities = findingAbilities(ctx.actor, finding);
    if (!abilities.edit)
      throw new AppError(finding.status === "approved" ? "finding.not_editable" : "auth.forbidden");
    await tx
      .update(findings)
      .set({ ...input, status: "draft", returnReason: "", updatedAt: new Date() })
      .where(eq(findings.id, findingId));
    const [workpaper] = await tx
      .select({ id: workpapers.id })
      .from(workpapers)
      .where(eq(workpapers.findingId, findingId));
    if (workpaper) await revokeSignoffs(tx, ctx.actor, workpaper.id, "问题内容已修改");
    await recordAudit(tx, ctx.actor, {
      action: "finding.update",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
      summary: {
        before: { title: finding.title, category: finding.category, severity: finding.severity },
        after: input,
      },
    });
  });
}
