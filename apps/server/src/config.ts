import { resolve } from "node:path";

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Demo mode: the embedded database outside production; loads demo data on first start. */
  demo: boolean;
  production: boolean;
  /** Upload limit in bytes (20 MB by default). */
  uploadLimit: number;
  /** Serve the built web app from this folder, when it exists. */
  webDist: string;
  /** Secure cookies (behind HTTPS). */
  secureCookies: boolean;
  /** The public address of the site (https://xuncha.example.gov.cn), printed in documents (tip QR codes); the request's host when unset. */
  publicUrl: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "0.0.0.0",
    databaseUrl,
    dataDir: resolve(env.XUNCHA_DATA_DIR ?? "./data"),
    demo: !production && !databaseUrl && env.XUNCHA_DEMO !== "0",
    production,
    uploadLimit: Number(env.XUNCHA_UPLOAD_LIMIT_MB ?? 20) * 1024 * 1024,
    webDist: resolve(env.XUNCHA_WEB_DIST ?? new URL("../../web/dist", import.meta.url).pathname),
    secureCookies: env.XUNCHA_SECURE_COOKIES === "1" || production,
    publicUrl: env.XUNCHA_PUBLIC_URL?.replace(/\/+$/, "") || undefined,
  };
}
