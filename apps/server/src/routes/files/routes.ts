import { readFile, storeFile } from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import { anyAccount } from "../../http/access";
import { ctxOf } from "../context";
import { idParam } from "../schemas";
import type { App } from "../types";

/** RFC 5987 filename for Chinese names in Content-Disposition. */
export const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

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
      return reply
        .header("content-type", file.mime)
        .header("content-disposition", attachment(file.name))
        .header("x-content-sha256", file.sha256)
        .send(Buffer.from(file.content));
    },
  );
}
