import { sql } from "@xuncha/db";
import { hasCommittees, outboundChannelsFromEnv } from "@xuncha/domain";
import { buildApp } from "../app";
import { type Scheduler, startScheduler } from "../scheduler";
import type { CommandContext } from "./commands";
import { describeDemoSummary, loadDemoWithReport } from "./demo";

/** Starts the HTTP server and shuts it down gracefully on SIGINT/SIGTERM. */
export async function serve({ database, config }: CommandContext): Promise<undefined> {
  const app = await buildApp({ database, config, logger: true });
  if (config.demo && !(await hasCommittees(database.db))) {
    // First start in demo mode: load the demo before listening, so the first page already has data.
    const { summary, seconds } = await loadDemoWithReport(database.db, config);
    app.log.info(`已加载演示数据（用时 ${seconds.toFixed(1)} 秒）：${describeDemoSummary(summary)}`);
  }
  if (database.kind === "pglite") {
    // Embedded PostgreSQL has no autovacuum: without statistics the planner guesses a handful of rows
    // per table and sorts whole rounds (bench/README.md). Gather them at every start.
    await database.db.execute(sql`analyze`);
  }
  // The escalation sweep and the outbox, at start and every hour (XUNCHA_SCHEDULER=0 turns them off).
  let scheduler: Scheduler | undefined;
  app.addHook("onClose", async () => {
    await scheduler?.stop();
  });
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
  if (process.env.XUNCHA_SCHEDULER !== "0") {
    scheduler = startScheduler({
      db: database.db,
      log: { info: (m) => app.log.info(m), error: (m) => app.log.error(m) },
      channels: outboundChannelsFromEnv(),
    });
  }
  app.log.info(`Xuncha 巡察 listening on http://localhost:${config.port} (${database.kind})`);
  return undefined;
}
