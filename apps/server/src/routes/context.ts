import type { Ctx } from "@xuncha/domain";
import type { FastifyRequest } from "fastify";
import { requireActor } from "../http/auth";

/** The use-case context of a request: the database and the logged-in actor. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { db: request.server.deps.db, actor: requireActor(request) };
}
