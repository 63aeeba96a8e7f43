import { solveChallenge } from "@xuncha/domain";
import type { XunchaApp } from "../../app";

/** Tests seal tips under a fixed key instead of creating a key file in the data directory. */
process.env.XUNCHA_TIP_KEY ??= "5a".repeat(32);

/** A multipart body with the JSON part "data" and files in parts named "files". */
export function tipForm(data: unknown, files: { name: string; data: Buffer; mime?: string }[] = []) {
  const boundary = "----xuncha-tip-boundary";
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${JSON.stringify(data)}\r\n`,
    ),
  ];
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.mime ?? "application/octet-stream"}\r\n\r\n`,
      ),
      f.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Where a request seems to come from (each test its own, so the in-memory limits stay apart). */
export interface Origin {
  remoteAddress?: string;
  headers?: Record<string, string>;
}

let nextAddress = 1;
/** A fresh address for a test, so that the per-address limits of one test never touch another. */
export const freshOrigin = (): Origin => ({
  remoteAddress: `10.77.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`,
});

/** Asks a challenge, solves it like the page does, and posts the tip. */
export async function submitTip(
  app: XunchaApp,
  data: Record<string, unknown>,
  files: { name: string; data: Buffer; mime?: string }[] = [],
  origin: Origin = freshOrigin(),
) {
  const ch = await app.inject({ method: "POST", url: "/api/public/tips/challenge", ...origin });
  if (ch.statusCode !== 200) return ch;
  const { challenge, bits } = ch.json() as { challenge: string; bits: number };
  const form = tipForm(
    {
      targetId: null,
      named: false,
      category: "sixDisciplines.3",
      ...data,
      challenge,
      nonce: solveChallenge(challenge, bits),
    },
    files,
  );
  return app.inject({
    method: "POST",
    url: "/api/public/tips",
    payload: form.payload,
    ...origin,
    headers: { ...form.headers, ...origin.headers },
  });
}

export const TIP_TEXT = "某局局长在工程招标中违规指定施工单位，收受好处费。";
