import { loadTipKeyring, type TipKeyring } from "@xuncha/domain";
import type { FastifyInstance } from "fastify";

let cached: { dataDir: string; ring: TipKeyring } | undefined;

/**
 * The installation's tip keys, loaded on first use (XUNCHA_TIP_KEY, or the 0600 key file in the
 * data directory, ADR 0009), so an app that never touches a tip never creates the key file.
 */
export function tipKeys(app: FastifyInstance): TipKeyring {
  const dataDir = app.deps.config.dataDir;
  if (cached?.dataDir !== dataDir) cached = { dataDir, ring: loadTipKeyring({ env: process.env, dataDir }) };
  return cached.ring;
}
