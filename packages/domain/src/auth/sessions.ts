import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, sessions, type Tx } from "@xuncha/db";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** What the sessions table stores of a cookie token (never the token itself). */
export const sessionTokenHash = sha256;

/** Creates a session and returns the cookie token (kept only by the browser) and its CSRF token. */
export async function createSession(tx: Tx, accountId: string, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await tx.insert(sessions).values({
    tokenHash: sha256(token),
    accountId,
    csrfToken,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  return { token, csrfToken };
}

export async function findSession(tx: Tx, token: string, now = new Date()) {
  const [row] = await tx
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now)));
  return row;
}

export async function deleteSession(tx: Tx, token: string) {
  await tx.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}
