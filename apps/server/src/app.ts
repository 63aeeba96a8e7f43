import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { Database } from "@xuncha/db";
import { AppError } from "@xuncha/domain/model";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "./config";
import type { Access } from "./http/access";
import { registerAccessGuard } from "./http/auth";
import { registerErrorHandler } from "./http/errors";
import { registerRoutes } from "./routes/index";

z.config(z.locales.zhCN());

export interface BuildOptions {
  database: Database;
  config: Config;
  logger?: boolean;
  /** Where log lines go when logging (default: stdout); tests capture them to search for addresses. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the HTTP application: plugins, the access guard, error mapping, routes and the web app. */
export async function buildApp({ database, config, logger = false, logStream }: BuildOptions) {
  const app = Fastify({
    logger: logger
      ? {
          ...(logStream ? { stream: logStream } : {}),
          // Never log addresses, user agents, cookies or bodies: tips must stay anonymous (ROLES.md).
          serializers: {
            req: (req) => ({ method: req.method, url: req.url.replace(/\?.*$/, "") }),
            res: (res) => ({ statusCode: res.statusCode }),
          },
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: config.uploadLimit, files: 10, fields: 20, parts: 30 },
    throwFileSizeLimit: true,
  });
  // The guard goes before the API docs plugins so that their routes are declared and listed too.
  const accessRegistry = new Map<string, Access>();
  registerAccessGuard(app, database.db, accessRegistry);
  await app.register(fastifySwagger, {
    openapi: { info: { title: "Xuncha 巡察 API", version: "0.1.0" } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  app.decorate("deps", { db: database.db, config, databaseKind: database.kind });
  app.get(
    "/api/openapi.json",
    { config: { access: { public: "OpenAPI 文档" } }, schema: { hide: true } },
    () => app.swagger(),
  );
  await app.register(registerRoutes, { prefix: "/api" });

  if (existsSync(config.webDist)) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, preCompressed: true });
    app.get("/*", { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith("/api/")) throw new AppError("route.not_found");
      return reply.sendFile("index.html");
    });
  }
  return Object.assign(app, { accessRegistry });
}

export type XunchaApp = Awaited<ReturnType<typeof buildApp>>;

declare module "fastify" {
  interface FastifyInstance {
    deps: { db: import("@xuncha/db").Db; config: Config; databaseKind: string };
  }
}
