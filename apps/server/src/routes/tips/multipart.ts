import type { UploadedTipFile } from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";

/**
 * Reads a tip form: the fields as JSON in the part "data" (checked by the zod schema) and the files
 * in parts named "files". Sizes are capped by the multipart plugin; counts, sizes and types are
 * checked again by the domain against the committee's limits.
 */
export async function readTipForm<S extends z.ZodType>(req: FastifyRequest, schema: S) {
  if (!req.isMultipart()) throw new AppError("request.invalid", "请求内容类型应为 multipart/form-data");
  let data: unknown;
  const files: UploadedTipFile[] = [];
  for await (const part of req.parts()) {
    if (part.type === "file") {
      if (part.fieldname !== "files") throw new AppError("request.invalid", "附件字段应为 files");
      files.push({ name: part.filename || "附件", data: await part.toBuffer() });
    } else if (part.fieldname === "data") {
      try {
        data = JSON.parse(String(part.value));
      } catch {
        throw new AppError("request.malformed_json");
      }
    }
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".");
    throw new AppError(
      "request.invalid",
      issue ? `请求内容有误：${field ? `字段“${field}” ` : ""}${issue.message}` : undefined,
      parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
    );
  }
  return { data: parsed.data as z.output<S>, files };
}
