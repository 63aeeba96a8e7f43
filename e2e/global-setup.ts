import { execFileSync } from "node:child_process";
import { prepareTestDatabases } from "@xuncha/db/testing";

/** Builds the web app the browser tests load, and the template database. */
export default async function setup() {
  execFileSync("npm", ["run", "build", "-w", "@xuncha/web"], { stdio: "inherit" });
  await prepareTestDatabases();
}
