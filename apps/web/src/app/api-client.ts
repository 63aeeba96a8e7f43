import { type ApiError, filenameFromDisposition, parseApiError } from "./api-error";
import { type QueryValue, withQuery } from "./query";

/** What POST /api/files returns. */
export interface StoredFile {
  id: string;
  name: string;
  size: number;
  mime: string;
  sha256: string;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The CSRF token of the session, from /api/auth/me or the login response. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called on any 401 except from the login and session probes themselves. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

const SILENT_401 = ["/auth/me", "/auth/login"];

function fail(path: string, error: ApiError): never {
  if (error.status === 401 && !SILENT_401.includes(path)) onUnauthorized?.();
  throw error;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

/** One JSON call to /api: cookies included, CSRF header on state-changing methods. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const init: RequestInit = { method, credentials: "same-origin", headers, signal: options.signal };
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${withQuery(path, options.query)}`, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw parseApiError(0, undefined);
  }
  const body = await readBody(response);
  if (!response.ok) fail(path, parseApiError(response.status, body));
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>("GET", path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, { body }),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/**
 * Uploads one file as multipart field "file" (XHR, for upload progress). Resolves with the server's JSON.
 */
export function upload<T = StoredFile>(
  path: string,
  file: Blob & { name?: string },
  onProgress?: (percent: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(parseApiError(0, undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else {
        const error = parseApiError(xhr.status, body);
        if (error.status === 401) onUnauthorized?.();
        reject(error);
      }
    };
    const form = new FormData();
    form.append("file", file, file.name ?? "file");
    xhr.send(form);
  });
}

/** Downloads a file from a GET endpoint and saves it under the server's file name. */
export async function download(
  path: string,
  query: Record<string, QueryValue> = {},
  fallbackName = "导出.xlsx",
) {
  let response: Response;
  try {
    response = await fetch(`/api${withQuery(path, query)}`, { credentials: "same-origin" });
  } catch {
    throw parseApiError(0, undefined);
  }
  if (!response.ok) fail(path, parseApiError(response.status, await readBody(response)));
  const blob = await response.blob();
  const name = filenameFromDisposition(response.headers.get("content-disposition"), fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** The URL that serves a stored file (evidence) to a logged-in user. */
export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;
