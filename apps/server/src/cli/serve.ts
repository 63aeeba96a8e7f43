import { buildApp } from "../app";
import type { CommandContext } from "./commands";

/** Starts the HTTP server and shuts it down gracefully on SIGINT/SIGTERM. */
export async function serve({ database, config }: CommandContext): Promise<undefined> {
  const app = await buildApp({ database, config, logger: true });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Xuncha 巡察 listening on http://localhost:${config.port} (${database.kind})`);
  return undefined;
}
