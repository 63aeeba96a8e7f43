import { execFileSync } from "node:child_process";
import { prepareTestDatabases } from "@xuncha/db/testing";

/**
 * Builds the web app the browser tests load, and the template database. E2E_SKIP_BUILD=1 reuses the
 * last build (apps/web/dist) while iterating on a test.
 */
export default async function setup() {
  if (process.env.E2E_SKIP_BUILD !== "1")
    execFileSync("npm", ["run", "build", "-w", "@xuncha/web"], { stdio: "inherit" });
  await prepareTestDatabases();
}
