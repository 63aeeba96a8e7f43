/**
 * CPU profile of the server thread while one endpoint is under load, on a database the generator
 * already filled (bench/generate.ts): where does the server's time go?
 *
 *   tsx bench/profile.ts (--url postgres://… | --data-dir dir) [--path /api/findings?page=1&pageSize=20]
 *                        [--as bench-office] [--seconds 10] [--connections 50]
 *
 * Prints the functions with the most self time, grouped by package, and writes the profile to
 * bench/out/profile.cpuprofile (open it in Chrome DevTools).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@xuncha/db";
import autocannon from "autocannon";
import { buildApp } from "../apps/server/src/app";
import { loadConfig } from "../apps/server/src/config";
import { BENCH_PASSWORD, OFFICE_USERNAME } from "./generate";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    "data-dir": { type: "string" },
    path: { type: "string", default: "/api/findings?page=1&pageSize=20" },
    as: { type: "string", default: OFFICE_USERNAME },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
  },
});

const database = await openDatabase({ url: values.url, dataDir: values["data-dir"] });
const app = await buildApp({
  database,
  config: { ...loadConfig({ ...process.env, XUNCHA_DEMO: "0" }), port: 0 },
});
try {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no address");
  const base = `http://127.0.0.1:${address.port}`;
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: values.as, password: BENCH_PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("xuncha_session="))
    ?.split(";")[0];
  if (!cookie) throw new Error(`login failed: ${res.status}`);
  const url = `${base}${values.path}`;
  await autocannon({ url, connections: 10, duration: 2, headers: { cookie }, workers: 1 });

  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const r = await autocannon({
    url,
    connections: Number(values.connections),
    duration: Number(values.seconds),
    headers: { cookie },
    workers: 1,
  });
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
  session.disconnect();

  const out = new URL("./out/", import.meta.url).pathname;
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "profile.cpuprofile"), JSON.stringify(profile));

  // Self time per node, from the samples.
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    const { functionName, url: file, lineNumber } = node.callFrame;
    const short = file.replace(/^.*node_modules\//, "").replace(/^file:\/\/\/work\/main\//, "");
    const pkg =
      functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)"
        ? functionName
        : file.includes("node_modules/")
          ? (short.match(/^(@[^/]+\/[^/]+|[^/]+)/)?.[1] ?? short)
          : file.startsWith("node:") || file === ""
            ? "node internals"
            : short.split("/").slice(0, 3).join("/");
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const key = `${functionName || "(anonymous)"} ${short}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((v / total) * 100).toFixed(1).padStart(5)}%  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join("\n");
  console.log(
    `${values.path}: ${r.requests.total} requests, ${r.requests.average} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
  );
  console.log(`\nSelf time by package (${total.toFixed(0)} ms sampled):\n${top(byPackage, 25)}`);
  console.log(`\nSelf time by function:\n${top(byFunction, 40)}`);
} finally {
  await app.close();
  await database.close();
}
