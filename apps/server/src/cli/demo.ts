import { parseArgs } from "node:util";
import type { Db } from "@xuncha/db";
import {
  AppError,
  DEFAULT_DEMO_SEED,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_SUMMARY_LABELS,
  type DemoSummary,
  hasCommittees,
  loadDemo,
  loadTipKeyring,
} from "@xuncha/domain";
import type { Config } from "../config";
import type { CommandContext } from "./commands";

/** "党委 3，被巡察对象 141，…": the summary in one line, in Chinese. */
export function describeDemoSummary(summary: DemoSummary): string {
  return (Object.keys(DEMO_SUMMARY_LABELS) as (keyof DemoSummary)[])
    .map((key) => `${DEMO_SUMMARY_LABELS[key]} ${summary[key]}`)
    .join("，");
}

/** Loads the demo and reports what was loaded, with the elapsed time. */
export async function loadDemoWithReport(db: Db, config: Config, seed = DEFAULT_DEMO_SEED) {
  const started = performance.now();
  // Links printed in the demo's documents (the announcement's QR code) point where the app is served.
  const publicBaseUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  // The demo's tips are sealed with the installation's tip key, which the server reads them with.
  const tipKeys = loadTipKeyring({ env: process.env, dataDir: config.dataDir });
  const summary = await loadDemo(db, { seed, publicBaseUrl, tipKeys });
  return { summary, seconds: (performance.now() - started) / 1000 };
}

/** `xuncha demo [--seed N] [--force]`: loads the demo data into an empty database. */
export async function demo({ database, config, args }: CommandContext): Promise<number> {
  const { values } = parseArgs({ args, options: { seed: { type: "string" }, force: { type: "boolean" } } });
  if (config.production && !values.force) {
    console.error("当前为生产环境（NODE_ENV=production），不加载演示数据。确需加载时请加 --force。");
    return 2;
  }
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) {
    console.error("--seed 须为整数");
    return 2;
  }
  if (await hasCommittees(database.db)) {
    console.error(
      "数据库中已有党委数据，未加载演示数据。演示数据只能加载到空数据库，以免与真实数据混在一起或重复加载。",
    );
    return 1;
  }
  try {
    const { summary, seconds } = await loadDemoWithReport(database.db, config, seed);
    console.log(`已加载演示数据（用时 ${seconds.toFixed(1)} 秒）：`);
    for (const key of Object.keys(DEMO_SUMMARY_LABELS) as (keyof DemoSummary)[]) {
      console.log(`  ${DEMO_SUMMARY_LABELS[key]}：${summary[key]}`);
    }
    console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(11)}${a.role}（${a.name}）`);
    return 0;
  } catch (e) {
    if (e instanceof AppError && e.code === "demo.not_empty") {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
}
