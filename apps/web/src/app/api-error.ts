import { ERRORS } from "@xuncha/domain/model";

/** A failed API call, with the server's code and its Chinese message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** One bad row of an import, as returned in the details of `import.invalid_rows`. */
export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

const STATUS_MESSAGES: Record<number, string> = {
  0: "无法连接服务器，请检查网络后重试",
  400: "请求参数有误",
  401: "请先登录",
  403: "没有权限执行此操作",
  404: "请求的内容不存在或无权查看",
  409: "操作与当前状态冲突，请刷新后重试",
  413: "内容过大",
  422: "提交的内容有误",
  429: "操作过于频繁，请稍后再试",
  500: "服务器内部错误",
  502: "服务器暂时无法访问，请稍后再试",
  503: "服务器暂时无法访问，请稍后再试",
  504: "服务器响应超时，请稍后再试",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function defaultMessage(status: number, code: string): string {
  if (code in ERRORS) return ERRORS[code as keyof typeof ERRORS][1];
  return STATUS_MESSAGES[status] ?? (status >= 500 ? "服务器内部错误" : `请求失败（${status}）`);
}

/**
 * Turns a failed response into an ApiError. The body should be `{ error: { code, message, details? } }`;
 * anything else (a proxy's HTML page, an empty body) still gives a Chinese message from the status.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === "string" ? error.code : status === 0 ? "network" : `http.${status}`;
  const message =
    typeof error?.message === "string" && error.message.trim() ? error.message : defaultMessage(status, code);
  return new ApiError(status, code, message, error?.details);
}

/**
 * The bad rows of a failed import (details `[{row, column, message}]` or `{ errors: [...] }`),
 * or [] when the details are not of that shape.
 */
export function importRowErrors(details: unknown): ImportRowError[] {
  const list = isRecord(details) && Array.isArray(details.errors) ? details.errors : details;
  if (!Array.isArray(list)) return [];
  return list.flatMap((d): ImportRowError[] => {
    if (!isRecord(d)) return [];
    const row = typeof d.row === "number" ? d.row : Number(d.row);
    if (!Number.isFinite(row)) return [];
    return [
      {
        row,
        column: typeof d.column === "string" ? d.column : "",
        message: typeof d.message === "string" ? d.message : "",
      },
    ];
  });
}

/** The file name of a download, from Content-Disposition (RFC 6266 filename* first). */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}
