#!/usr/bin/env node
import { migrateDatabase, openDatabase } from "@xuncha/db";
import { commands } from "./cli/commands";
import { loadConfig } from "./config";

const [name = "serve", ...args] = process.argv.slice(2);
const command = commands[name];
if (!command) {
  console.error(`未知命令：${name}\n可用命令：${Object.keys(commands).join(", ")}`);
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
await migrateDatabase(database);
const code = await command.run({ database, config, args });
if (code !== undefined) {
  await database.close();
  process.exit(code);
}
