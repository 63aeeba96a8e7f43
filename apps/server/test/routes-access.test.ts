import Fastify, { type HTTPMethods } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { XunchaApp } from "../src/app";
import { type Access, describeAccess, publicRoute } from "../src/http/access";
import { registerAccessGuard } from "../src/http/auth";
import { createTestApp, type TestApp } from "./test-app";

/**
 * Every route of the API, with who may call it. The list is compared with a committed file
 * (__snapshots__/routes-access.txt), so that each new route and each change of access shows in review.
 * After adding or changing a route, update it with:
 *   npx vitest run -u --project integration apps/server/test/routes-access.test.ts
 */

interface RouteEntry {
  method: string;
  url: string;
}

const TREE_LINE = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/u;

/** Every route the router knows, read from Fastify's radix tree (each line adds a piece of the path). */
function listRoutes(app: XunchaApp): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const path: string[] = [];
  for (const line of app.printRoutes().split("\n")) {
    if (!line.trim()) continue;
    const match = TREE_LINE.exec(line);
    if (!match) throw new Error(`Unexpected line in the route tree: ${JSON.stringify(line)}`);
    const [, indent = "", segment = "", methods] = match;
    const depth = indent.length / 4;
    path.length = depth;
    path.push(segment);
    const url = path.join("");
    for (const method of methods?.split(", ") ?? []) {
      if (method !== "HEAD") routes.push({ method, url });
    }
  }
  return routes;
}

const key = (r: RouteEntry) => `${r.method} ${r.url}`;

/**
 * A plugin's "/" route under a prefix answers both "/prefix" and "/prefix/" from one declaration
 * (Fastify's prefixTrailingSlash), and is listed once, without the slash.
 */
const declarationOf = (registry: Map<string, Access>, r: RouteEntry) =>
  registry.get(key(r)) ??
  (r.url.endsWith("/") ? registry.get(key({ ...r, url: r.url.slice(0, -1) })) : undefined);

function accessList(registry: Map<string, Access>): string {
  const lines = [...registry].map(([k, access]) => {
    const [method = "", url = ""] = k.split(" ");
    return { method, url, line: `${method} ${url} → ${describeAccess(access)}` };
  });
  lines.sort((a, b) => (a.url === b.url ? a.method.localeCompare(b.method) : a.url < b.url ? -1 : 1));
  return `${lines.map((l) => l.line).join("\n")}\n`;
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe("route access declarations", () => {
  it("reads the route tree correctly", () => {
    const routes = listRoutes(t.app);
    expect(routes.map(key)).toContain("GET /api/health");
    expect(routes.map(key)).toContain("POST /api/auth/login");
    for (const r of routes) {
      expect(t.app.hasRoute({ method: r.method as HTTPMethods, url: r.url }), key(r)).toBe(true);
    }
  });

  it("every /api route declares who may call it", () => {
    const apiRoutes = listRoutes(t.app).filter((r) => r.url.startsWith("/api"));
    expect(apiRoutes.length).toBeGreaterThan(5);
    const undeclared = apiRoutes.filter((r) => !declarationOf(t.app.accessRegistry, r)).map(key);
    expect(undeclared).toEqual([]);
    // And the reviewed list holds nothing but real routes.
    const known = new Set(apiRoutes.map(key));
    expect([...t.app.accessRegistry.keys()].filter((k) => !known.has(k))).toEqual([]);
  });

  it("refuses at start-up an /api route that declares no access", async () => {
    const app = Fastify();
    registerAccessGuard(app, t.database.db, new Map());
    await expect(async () => {
      await app.register(
        async (api) => {
          api.get("/declared", { config: publicRoute("测试") }, async () => "ok");
          api.get("/undeclared", async () => "secret");
        },
        { prefix: "/api" },
      );
      await app.ready();
    }).rejects.toThrow("Route GET /api/undeclared declares no access");
    await app.close().catch(() => undefined);
  });

  it("records the declared access of every route", async () => {
    const app = Fastify();
    const registry = new Map<string, Access>();
    registerAccessGuard(app, t.database.db, registry);
    await app.register(
      async (api) => {
        api.get("/open", { config: publicRoute("测试") }, async () => "ok");
        api.post(
          "/things/:id",
          { config: { access: { roles: ["officeStaff", "leadership"] } } },
          async () => "ok",
        );
      },
      { prefix: "/api" },
    );
    await app.ready();
    expect(accessList(registry)).toBe(
      "GET /api/open → public (测试)\nPOST /api/things/:id → roles: leadership, officeStaff\n",
    );
    await app.close();
  });

  it("matches the reviewed list of routes and their access", async () => {
    await expect(accessList(t.app.accessRegistry)).toMatchFileSnapshot("./__snapshots__/routes-access.txt");
  });
});
