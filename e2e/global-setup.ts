import { execFileSync } from "node:child_process";
import { prepareTestDatabases } from "@xuncha/db/testing";

/**
 * Builds the web app the browser tests load, and the template database. E2E_SKIP_BUILD=1 reuses the
 * last build (apps/web/dist) while iterating on a test.
 */
export default async function setup() {
  if (process.env.E2E_SKIP_BUILD !== "1")
    // vitest sets NODE_ENV=test, which Vite would bake in: Ant Design's ids then all read "test-id" (every
    // modal named by the same title) and its styles run in development mode. Build as production does.
    execFileSync("npm", ["run", "build", "-w", "@xuncha/web"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
  await prepareTestDatabases();
}
