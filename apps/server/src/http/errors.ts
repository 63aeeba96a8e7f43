import { AppError, ERRORS, type ErrorBody, type ErrorCode } from "@xuncha/domain/model";
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

function send(reply: FastifyReply, code: ErrorCode, message?: string, details?: unknown) {
  const [status, fallback] = ERRORS[code];
  const body: ErrorBody = {
    error: { code, message: message ?? fallback, ...(details === undefined ? {} : { details }) },
  };
  return reply.status(status).send(body);
}

const PART_LABEL: Record<string, string> = { body: "请求内容", querystring: "查询参数", params: "路径参数" };

/** Maps every failure to `{ error: { code, message, details? } }` with a Chinese message. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, error.code, error.message, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = PART_LABEL[error.validationContext ?? "body"] ?? "请求";
      const details = error.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, "").replaceAll("/", "."),
        message: v.message ?? "",
      }));
      const first = details[0];
      const message = first
        ? `${part}有误：${first.field ? `字段“${first.field}” ` : ""}${first.message}`
        : undefined;
      return send(reply, "request.invalid", message, details);
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return send(reply, "request.malformed_json");
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return send(reply, "request.too_large");
      case "FST_REQ_FILE_TOO_LARGE":
      case "FST_PARTS_LIMIT":
      case "FST_FILES_LIMIT":
        return send(reply, "file.too_large");
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return send(reply, "request.invalid", "不支持的请求内容类型");
      case "FST_INVALID_MULTIPART_CONTENT_TYPE":
        return send(reply, "file.missing");
    }
    if (error instanceof SyntaxError) return send(reply, "request.malformed_json");
    if (error.statusCode && error.statusCode < 500) return send(reply, "request.invalid", error.message);
    request.log.error({ err: error }, "unhandled error");
    return send(reply, "internal");
  });
  app.setNotFoundHandler((_request, reply) => send(reply, "route.not_found"));
}
