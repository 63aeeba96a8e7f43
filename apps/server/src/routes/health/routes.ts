import { sql } from "@xuncha/db";
import { z } from "zod";
import { publicRoute } from "../../http/access";
import type { App } from "../types";

export async function healthRoutes(app: App) {
  app.get(
    "/health",
    {
      config: publicRoute("负载均衡与监控探测"),
      schema: { response: { 200: z.object({ status: z.literal("ok"), database: z.string() }) } },
    },
    async () => {
      await app.deps.db.execute(sql`select 1`);
      return { status: "ok" as const, database: app.deps.databaseKind };
    },
  );
}
