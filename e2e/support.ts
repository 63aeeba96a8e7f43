import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Database } from "@xuncha/db";
import { openTestDatabase } from "@xuncha/db/testing";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { buildApp, type XunchaApp } from "../apps/server/src/app";
import { loadConfig } from "../apps/server/src/config";

export const SCREENSHOTS = resolve("e2e/screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface E2E {
  app: XunchaApp;
  database: Database;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The real server (built web app + API) on a test database, and Debian's Chromium. */
export async function startE2E(): Promise<E2E> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const database = await openTestDatabase();
  const config = { ...loadConfig({ NODE_ENV: "test" }), demo: false };
  const app = await buildApp({ database, config });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** A browser context of its own (cookies apart) for one user; any request leaving localhost fails the test. */
export async function newUser(
  e2e: E2E,
  viewport: { width: number; height: number } = { width: 1366, height: 768 },
): Promise<{ context: BrowserContext; page: Page; outside: string[] }> {
  const context = await e2e.browser.newContext({ viewport, locale: "zh-CN" });
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(e2e.baseUrl) || url.startsWith("data:") || url.startsWith("blob:"))
      return route.continue();
    outside.push(url);
    return route.abort();
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page, outside };
}

export async function login(e2e: E2E, page: Page, username: string, password: string) {
  await page.goto(`${e2e.baseUrl}/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Runs a user's steps in a context of their own; on failure, a screenshot of where they stopped is kept. */
export async function asUser(
  e2e: E2E,
  name: string,
  steps: (page: Page) => Promise<void>,
  viewport?: { width: number; height: number },
) {
  const { page, context, outside } = await newUser(e2e, viewport);
  try {
    await steps(page);
    expect(outside).toEqual([]);
  } catch (error) {
    await shot(page, `failed-${name}`);
    throw error;
  } finally {
    await context.close();
  }
}
