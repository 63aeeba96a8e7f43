import { readFile, storeFile } from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import type { FastifyReply } from "fastify";
import { anyAccount } from "../../http/access";
import { ctxOf } from "../context";
import { idParam } from "../schemas";
import type { App } from "../types";

/** RFC 5987 filename for Chinese names in Content-Disposition. */
export const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Sends an Excel export as a download: the Chinese name, with an ASCII name for old clients (e.g.
 * "targets.xlsx"), never kept in a shared cache.
 */
export const sendXlsx = (
  reply: FastifyReply,
  file: { buffer: Buffer; fileName: string },
  ascii = "export.xlsx",
) =>
  reply
    .header("content-type", XLSX_MIME)
    .header(
      "content-disposition",
      `attachment; filename="${ascii}"; ${attachment(file.fileName).slice("attachment; ".length)}`,
    )
    .header("cache-control", "private, no-store")
    .send(file.buffer);

/** Sends a stored file as a download: its type, its name, its SHA-256, never kept in a shared cache. */
export const sendFile = (
  reply: FastifyReply,
  file: { mime: string; name: string; sha256: string; content: Uint8Array },
) =>
  reply
    .header("content-type", file.mime)
    .header("content-disposition", attachment(file.name))
    .header("x-content-sha256", file.sha256)
    .header("cache-control", "private, no-store")
    .send(Buffer.from(file.content));

export async function filesRoutes(app: App) {
  app.post(
    "/files",
    { config: anyAccount(), schema: { tags: ["files"], consumes: ["multipart/form-data"] } },
    async (req, reply) => {
      const part = await req.file();
      if (part?.fieldname !== "file") throw new AppError("file.missing");
      const data = await part.toBuffer();
      const file = await storeFile(ctxOf(req), { name: part.filename || "附件", data });
      return reply.status(201).send(file);
    },
  );

  app.get(
    "/files/:id",
    { config: anyAccount(), schema: { tags: ["files"], params: idParam } },
    async (req, reply) => {
      const file = await readFile(ctxOf(req), req.params.id);
      return sendFile(reply, file);
    },
  );
}
