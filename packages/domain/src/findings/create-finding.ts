import { and, eq, findingFiles, findings, groupTargets, inArray, rounds, workpaperFiles } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import type { Severity } from "../model/enums";
import { AppError } from "../model/errors";
import { findCategory } from "../model/taxonomy";
import { ensureWorkpaper, type WorkpaperFields } from "../workpapers/load-workpaper";

export interface FindingInput {
  title: string;
  description: string;
  scheme: string;
  category: string;
  severity: Severity;
  fileIds?: string[] | undefined;
}

export interface NewFindingInput extends FindingInput {
  roundId: string;
  targetId: string;
  /** The workpaper's source, summary and persons concerned; the workpaper is created either way. */
  workpaper?: WorkpaperFields | undefined;
}

export function assertCategory(input: { scheme: string; category: string }) {
  if (!findCategory(input.scheme, input.category)) {
    throw new AppError("request.invalid", "问题类别不在所选分类体系中", { field: "category" });
  }
}

/**
 * A group member records a finding on a target of their group, in an open round. It is numbered in
 * the round (the round row is locked while the number is taken) and starts as a draft, with its
 * workpaper (问题底稿) numbered in the group; the evidence files are the workpaper's first versions.
 */
export async function createFinding(ctx: Ctx, input: NewFindingInput) {
  assertCategory(input);
  const myGroups = groupIdsOf(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [assignment] = myGroups.length
      ? await tx
          .select()
          .from(groupTargets)
          .where(
            and(
              eq(groupTargets.roundId, input.roundId),
              eq(groupTargets.targetId, input.targetId),
              inArray(groupTargets.groupId, myGroups),
            ),
          )
      : [];
    if (!assignment) throw new AppError("target.not_found", "该对象不是本组的巡察对象");
    const [round] = await tx.select().from(rounds).where(eq(rounds.id, input.roundId)).for("update");
    if (!round) throw new AppError("round.not_found");
    if (round.status === "closed") throw new AppError("round.closed");
    await tx
      .update(rounds)
      .set({ nextFindingNumber: round.nextFindingNumber + 1 })
      .where(eq(rounds.id, round.id));
    const [finding] = await tx
      .insert(findings)
      .values({
        committeeId: round.committeeId,
        roundId: round.id,
        groupId: assignment.groupId,
        targetId: input.targetId,
        number: round.nextFindingNumber,
        title: input.title,
        description: input.description,
        scheme: input.scheme,
        category: input.category,
        severity: input.severity,
        createdBy: ctx.actor.accountId!,
      })
      .returning();
    const fileIds = await claimFiles(tx, ctx.actor, input.fileIds ?? []);
    if (fileIds.length)
      await tx.insert(findingFiles).values(fileIds.map((fileId) => ({ findingId: finding!.id, fileId })));
    const workpaper = await ensureWorkpaper(tx, ctx.actor, finding!, input.workpaper);
    if (fileIds.length)
      await tx.insert(workpaperFiles).values(
        fileIds.map((fileId) => ({
          workpaperId: workpaper.id,
          slot: crypto.randomUUID(),
          version: 1,
          fileId,
          addedBy: ctx.actor.accountId!,
        })),
      );
    await recordAudit(tx, ctx.actor, {
      action: "finding.create",
      entity: "finding",
      entityId: finding!.id,
      committeeId: round.committeeId,
      summary: {
        number: finding!.number,
        title: input.title,
        targetId: input.targetId,
        files: fileIds.length,
        workpaper: workpaper.number,
      },
    });
    return finding!;
  });
}
