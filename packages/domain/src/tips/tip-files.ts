import { randomUUID } from "node:crypto";
import { type Tx, tipFiles } from "@xuncha/db";
import type { Cipher } from "../crypto/seal";
import { seal } from "../crypto/seal";
import { detectMime, sha256 } from "../files/store-file";
import { AppError } from "../model/errors";
import { aad } from "./tip-crypto";

/** Photos, video, PDF and Office files, recognised by their content (the files module's detection). */
export const TIP_MIME = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/bmp",
  "image/heic",
  "image/tiff",
  "video/mp4",
  "video/quicktime",
  "video/x-msvideo",
  "video/webm",
  "video/3gpp",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/x-cfb",
]);

export interface UploadedTipFile {
  name: string;
  data: Uint8Array;
}

export interface TipFileLimits {
  maxFiles: number;
  maxFileMb: number;
  maxTotalMb: number;
}

/** Checks count, sizes and types (by content) before anything is written; returns each file's type. */
export async function checkTipFiles(files: UploadedTipFile[], limits: TipFileLimits) {
  if (files.length > limits.maxFiles) {
    throw new AppError("tip.too_many_files", `附件最多 ${limits.maxFiles} 个，请删减后再提交`);
  }
  const total = files.reduce((n, f) => n + f.data.length, 0);
  const big = files.find((f) => f.data.length > limits.maxFileMb * 1024 * 1024);
  if (big) throw new AppError("tip.files_too_large", `单个附件不能超过 ${limits.maxFileMb} MB`);
  if (total > limits.maxTotalMb * 1024 * 1024) {
    throw new AppError("tip.files_too_large", `附件合计不能超过 ${limits.maxTotalMb} MB`);
  }
  const checked = [];
  for (const f of files) {
    if (f.data.length === 0) throw new AppError("file.missing", "附件为空");
    const mime = await detectMime(f.data);
    if (!mime || !TIP_MIME.has(mime)) {
      throw new AppError(
        "file.type_not_allowed",
        "不支持该附件类型：仅接受照片、视频、PDF 和 Word、Excel、PowerPoint 文件",
      );
    }
    checked.push({ ...f, mime });
  }
  return checked;
}

/** Writes a tip's files sealed under its content key (name and content), never into `files`. */
export async function insertTipFiles(
  tx: Tx,
  tip: { id: string; committeeId: string; cipher: Cipher },
  contentKey: Uint8Array,
  files: (UploadedTipFile & { mime: string })[],
  additionId: string | null,
) {
  for (const f of files) {
    const id = randomUUID();
    const content = seal(tip.cipher, contentKey, f.data, aad.fileContent(tip.id, id));
    await tx.insert(tipFiles).values({
      id,
      tipId: tip.id,
      committeeId: tip.committeeId,
      additionId,
      mime: f.mime,
      size: f.data.length,
      // Of the stored (sealed) bytes: a hash of the plain file would let anyone with the database
      // test whether a known photo was submitted (ADR 0009).
      sha256: sha256(content),
      name: seal(tip.cipher, contentKey, Buffer.from(f.name.slice(0, 200), "utf8"), aad.fileName(tip.id, id)),
      content,
    });
  }
}
