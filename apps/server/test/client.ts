import type { LightMyRequestResponse } from "fastify";
import type { XunchaApp } from "../src/app";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** A logged-in browser session against the app: keeps the cookie and sends the CSRF token. */
export interface Session {
  request(
    method: Method,
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
}

export async function loginAs(
  app: XunchaApp,
  username: string,
  password = "Test@Passw0rd",
): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const request: Session["request"] = (method, url, payload, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": csrfToken, ...headers },
      ...(payload === undefined ? {} : { payload: payload as string }),
    });
  return {
    request,
    get: (url) => request("GET", url),
    post: (url, payload) => request("POST", url, payload ?? {}),
    patch: (url, payload) => request("PATCH", url, payload ?? {}),
    cookie,
    csrfToken,
  };
}

/** The parsed error body of a failed response. */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string; details?: unknown } {
  return (res.json() as { error: { code: string; message: string; details?: unknown } }).error;
}
