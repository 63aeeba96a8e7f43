import type { Database } from "@xuncha/db";
import { openTestDatabase } from "@xuncha/db/testing";
import { buildApp, type XunchaApp } from "../src/app";
import { loadConfig } from "../src/config";

export interface TestApp {
  app: XunchaApp;
  database: Database;
  close(): Promise<void>;
}

/** The application on a test database (fresh PGlite from the template, or PostgreSQL). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = {
    ...loadConfig({ NODE_ENV: "test", XUNCHA_WEB_DIST: "/nonexistent", ...env }),
    demo: false,
  };
  const app = await buildApp({ database, config });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
