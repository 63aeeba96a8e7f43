import { accounts, and, asc, eq, files, inArray, workpaperEvents, workpaperFiles } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { WORKPAPER_SOURCES, type WorkpaperSource, workpaperCode } from "../model/workpapers";
import { loadWorkpaperForRead, stateOf } from "./load-workpaper";
import { workpaperAbilities } from "./workpaper-abilities";

/**
 * A finding's workpaper for its group, the office and the leading group: number, source, summary,
 * persons concerned, files with every version, active signatures, review, approval, history and the
 * caller's abilities. The read is audited (the persons concerned are sensitive). A finding recorded
 * before workpapers existed shows `exists: false` until the group edits, signs or adds a file.
 */
export async function getWorkpaper(ctx: Ctx, findingId: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadWorkpaperForRead(tx, ctx.actor, findingId);
    const wp = c.workpaper;
    const names = async (ids: (string | null)[]) => {
      const wanted = [...new Set(ids.filter((x): x is string => !!x))];
      const rows = wanted.length
        ? await tx
            .select({ id: accounts.id, name: accounts.displayName })
            .from(accounts)
            .where(inArray(accounts.id, wanted))
        : [];
      return new Map(rows.map((r) => [r.id, r.name]));
    };
    const fileRows = wp
      ? await tx
          .select({
            id: workpaperFiles.id,
            slot: workpaperFiles.slot,
            version: workpaperFiles.version,
            note: workpaperFiles.note,
            addedBy: workpaperFiles.addedBy,
            createdAt: workpaperFiles.createdAt,
            fileId: files.id,
            name: files.name,
            size: files.size,
            mime: files.mime,
            sha256: files.sha256,
          })
          .from(workpaperFiles)
          .innerJoin(files, eq(files.id, workpaperFiles.fileId))
          .where(eq(workpaperFiles.workpaperId, wp.id))
          .orderBy(asc(workpaperFiles.createdAt), asc(workpaperFiles.version))
      : [];
    const events = wp
      ? await tx
          .select()
          .from(workpaperEvents)
          .where(eq(workpaperEvents.workpaperId, wp.id))
          .orderBy(asc(workpaperEvents.createdAt))
      : [];
    const who = await names([
      wp?.reviewedBy ?? null,
      c.finding.approvedBy,
      ...fileRows.map((f) => f.addedBy),
    ]);
    const slots = new Map<string, typeof fileRows>();
    for (const f of fileRows) slots.set(f.slot, [...(slots.get(f.slot) ?? []), f]);
    const version = (f: (typeof fileRows)[number]) => ({
      id: f.id,
      fileId: f.fileId,
      version: f.version,
      name: f.name,
      size: f.size,
      mime: f.mime,
      sha256: f.sha256,
      note: f.note,
      addedBy: who.get(f.addedBy) ?? "",
      addedAt: f.createdAt,
    });
    if (wp) {
      await recordAudit(tx, ctx.actor, {
        action: "workpaper.read",
        entity: "workpaper",
        entityId: wp.id,
        committeeId: c.finding.committeeId,
        summary: { findingId },
      });
    }
    const state = stateOf(c);
    return {
      exists: wp !== null,
      id: wp?.id ?? null,
      findingId,
      number: wp?.number ?? null,
      code: wp ? workpaperCode(c.group.number, wp.number) : null,
      group: c.group,
      source: (wp?.source ?? "other") as WorkpaperSource,
      sourceLabel: WORKPAPER_SOURCES.labels[(wp?.source ?? "other") as WorkpaperSource] ?? wp?.source,
      sourceRecordId: wp?.sourceRecordId ?? null,
      summary: wp?.summary ?? "",
      persons: (wp?.persons ?? []) as { name: string; post: string }[],
      files: [...slots.entries()].map(([slot, versions]) => {
        const sorted = versions.map(version).sort((a, b) => b.version - a.version);
        return { slot, current: sorted[0]!, versions: sorted };
      }),
      signatures: c.signatures.map((s) => ({ accountId: s.accountId, name: s.name, signedAt: s.signedAt })),
      reviewer: c.hasDeputy ? ("deputy" as const) : ("leader" as const),
      review: wp?.reviewedAt
        ? { by: who.get(wp.reviewedBy ?? "") ?? "", at: wp.reviewedAt, opinion: wp.reviewOpinion }
        : null,
      approval:
        c.finding.status === "approved" && c.finding.approvedAt
          ? { by: who.get(c.finding.approvedBy ?? "") ?? "", at: c.finding.approvedAt }
          : null,
      status: c.finding.status,
      events: events.map((e) => ({ action: e.action, name: e.name, note: e.note, at: e.createdAt })),
      abilities: workpaperAbilities(ctx.actor, state),
    };
  });
}

/** One version of a workpaper's file, for whoever reads the workpaper; the read is audited. */
export async function readWorkpaperFile(ctx: Ctx, findingId: string, versionId: string) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadWorkpaperForRead(tx, ctx.actor, findingId);
    if (!c.workpaper) throw new AppError("workpaper.file_not_found");
    const [row] = await tx
      .select({ file: files })
      .from(workpaperFiles)
      .innerJoin(files, eq(files.id, workpaperFiles.fileId))
      .where(and(eq(workpaperFiles.id, versionId), eq(workpaperFiles.workpaperId, c.workpaper.id)));
    if (!row) throw new AppError("workpaper.file_not_found");
    await recordAudit(tx, ctx.actor, {
      action: "workpaper.file_read",
      entity: "workpaper",
      entityId: c.workpaper.id,
      committeeId: c.finding.committeeId,
      summary: { findingId, versionId, sha256: row.file.sha256 },
    });
    return row.file;
  });
}
