import type { Db } from "@xuncha/db";
import type { Actor } from "@xuncha/domain";
import { loadSessionActor } from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { type Access, describeAccess } from "./access";

export const SESSION_COOKIE = "xuncha_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The caller, or 401 when not logged in. Routes that declare roles always have one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("auth.required");
  return request.actor;
}

/**
 * Refuses to register a route without an access declaration, and enforces the declaration on
 * every request: session cookie → actor, CSRF token on state-changing requests, role check.
 */
export function registerAccessGuard(app: FastifyInstance, db: Db, registry: Map<string, Access>) {
  app.decorateRequest("actor", null);
  app.decorateRequest("csrfToken", null);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url.startsWith("/api/docs") && !route.config?.access) {
      route.config = { ...route.config, access: { public: "API 文档页面" } };
    }
    const access = route.config?.access;
    if (!access && route.url.startsWith("/api")) {
      throw new Error(`Route ${methods.join(",")} ${route.url} declares no access`);
    }
    for (const m of methods) if (m !== "HEAD" && access) registry.set(`${m} ${route.url}`, access);
  });
  app.addHook("preHandler", async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // static files and the SPA
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await loadSessionActor(db, token);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
    }
    if ("public" in access) return;
    const actor = requireActor(request);
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw new AppError("auth.csrf");
    }
    if ("roles" in access && !access.roles.some((r) => actor.grants.some((g) => g.role === r))) {
      throw new AppError("auth.forbidden");
    }
  });
}

export { describeAccess };
