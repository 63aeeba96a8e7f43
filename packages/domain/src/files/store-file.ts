import { createHash } from "node:crypto";
import {
  and,
  eq,
  files,
  findingFiles,
  findings,
  inArray,
  measures,
  progressFiles,
  progressUpdates,
  type Tx,
} from "@xuncha/db";
import { fileTypeFromBuffer } from "file-type";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { visibleFindings } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";

/** Types accepted as evidence, recognised by their content (magic bytes), not by the file name. */
export const ALLOWED_MIME = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/bmp",
  "image/tiff",
  "image/heic",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/x-cfb",
  "video/mp4",
  "video/quicktime",
  "audio/mpeg",
  "audio/wav",
  "audio/x-wav",
  "text/plain",
]);

/** Detects a file's type by content; plain UTF-8 text is accepted as text/plain. */
export async function detectMime(data: Uint8Array): Promise<string | undefined> {
  const type = await fileTypeFromBuffer(data);
  if (type) return type.mime;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(data.subarray(0, 64 * 1024));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mark binary content
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? undefined : "text/plain";
  } catch {
    return undefined;
  }
}

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Stores an uploaded file of the actor's committee, after checking its type by content. */
export async function storeFile(ctx: Ctx, input: { name: string; data: Uint8Array }) {
  const committeeId = ctx.actor.committeeId;
  if (!committeeId) throw new AppError("auth.forbidden");
  if (input.data.length === 0) throw new AppError("file.missing", "文件为空");
  const mime = await detectMime(input.data);
  if (!mime || !ALLOWED_MIME.has(mime)) {
    throw new AppError(
      "file.type_not_allowed",
      `不支持该文件类型（${input.name}）：仅接受图片、PDF、Office 文档、音视频和纯文本`,
    );
  }
  return ctx.db.transaction(async (tx) => {
    const [file] = await tx
      .insert(files)
      .values({
        committeeId,
        name: input.name.slice(0, 200),
        mime,
        size: input.data.length,
        sha256: sha256(input.data),
        content: input.data,
        uploadedBy: ctx.actor.accountId,
      })
      .returning({
        id: files.id,
        name: files.name,
        mime: files.mime,
        size: files.size,
        sha256: files.sha256,
      });
    await recordAudit(tx, ctx.actor, {
      action: "file.upload",
      entity: "file",
      entityId: file!.id,
      committeeId,
      summary: { name: file!.name, size: file!.size, sha256: file!.sha256 },
    });
    return file!;
  });
}

/** Files the actor uploaded, to be attached to a record being written; anything else is not found. */
export async function claimFiles(tx: Tx, actor: Actor, fileIds: string[]) {
  const ids = [...new Set(fileIds)];
  if (!ids.length) return [];
  const rows = await tx
    .select({ id: files.id, uploadedBy: files.uploadedBy })
    .from(files)
    .where(inArray(files.id, ids));
  if (rows.length !== ids.length || rows.some((r) => r.uploadedBy !== actor.accountId)) {
    throw new AppError("file.not_found", "附件不存在或不是本人上传");
  }
  return ids;
}

/** A file's content, when the actor uploaded it or may see a record it is attached to. */
export async function readFile(ctx: Ctx, fileId: string) {
  const [file] = await ctx.db.select().from(files).where(eq(files.id, fileId));
  if (!file) throw new AppError("file.not_found");
  if (file.uploadedBy !== ctx.actor.accountId) {
    const visible = visibleFindings(ctx.actor);
    const [viaFinding] = await ctx.db
      .select({ id: findings.id })
      .from(findingFiles)
      .innerJoin(findings, eq(findings.id, findingFiles.findingId))
      .where(and(eq(findingFiles.fileId, fileId), visible))
      .limit(1);
    const [viaProgress] = viaFinding
      ? [viaFinding]
      : await ctx.db
          .select({ id: findings.id })
          .from(progressFiles)
          .innerJoin(progressUpdates, eq(progressUpdates.id, progressFiles.progressUpdateId))
          .innerJoin(measures, eq(measures.id, progressUpdates.measureId))
          .innerJoin(findings, eq(findings.id, measures.findingId))
          .where(and(eq(progressFiles.fileId, fileId), visible))
          .limit(1);
    if (!viaProgress) throw new AppError("file.not_found");
  }
  return file;
}
