import type { Ctx } from "@xuncha/domain";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../http/auth";

/** The use-case context of a request: the database and the logged-in actor. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { db: request.server.deps.db, actor: requireActor(request) };
}

/**
 * Where the public reaches the site, for links and QR codes: XUNCHA_PUBLIC_URL, else the address the
 * request came in on (the office works from the address the public will use).
 */
export const publicBaseUrl = (request: FastifyRequest) =>
  request.server.deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
