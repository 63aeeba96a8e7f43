import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Db, queryRows, sql, type Tx } from "@xuncha/db";

/**
 * Outbound messages (email, SMS) go through an outbox: a use case hands a message over inside its
 * own transaction (enqueueOutbound), and a dispatcher sends the pending ones through the channels
 * configured, retrying failures. Nothing needs an outside service: the file channel writes .eml and
 * .txt files into a directory that an intranet mail or SMS gateway picks up; the memory channel is
 * for tests.
 */
export type OutboundChannelName = "email" | "sms";
export const OUTBOUND_CHANNELS: readonly OutboundChannelName[] = ["email", "sms"];

export interface OutboundMessage {
  id: string;
  channel: OutboundChannelName;
  recipient: string;
  subject: string;
  body: string;
  dedupeKey: string;
  createdAt: Date;
}

export interface OutboundChannel {
  channel: OutboundChannelName;
  /** Sends one message; throws to have it retried. */
  send(message: OutboundMessage): Promise<void>;
}

export interface OutboundInput {
  committeeId: string | null;
  subject: string;
  body: string;
  /** What produced it: with the account, a message is handed over at most once per key and channel. */
  dedupeKey: string;
}

/**
 * Hands a message to each account over email and SMS, in the caller's transaction and in one
 * statement: one row per account and channel, `<dedupeKey>:<account>` unique per channel. An account
 * without an address for a channel gets a `skipped` row (not failed: there is nothing to retry).
 * Returns how many rows were written.
 */
export async function enqueueOutbound(tx: Tx, accountIds: readonly string[], input: OutboundInput) {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into outbound_messages (committee_id, channel, recipient, subject, body, dedupe_key, status)
        select ${input.committeeId}::uuid, c.channel, coalesce(c.address, ''), ${input.subject}, ${input.body},
               ${input.dedupeKey} || ':' || a.id::text,
               case when coalesce(c.address, '') = '' then 'skipped' else 'pending' end
        from accounts a
        cross join lateral (values ('email', nullif(trim(a.email), '')), ('sms', nullif(trim(a.mobile), '')))
          as c(channel, address)
        where a.id = any(${sql.param(ids)}::uuid[])
        on conflict (channel, dedupe_key) do nothing
        returning id`,
  );
  return rows.length;
}

export interface DispatchOptions {
  /** At most this many messages per call (oldest first). */
  limit?: number;
  /** After this many failed attempts a message is `failed` and no longer retried. */
  maxAttempts?: number;
}

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends pending messages through the channels given (messages of other channels wait). Each message
 * is claimed in its own short transaction (FOR UPDATE SKIP LOCKED, so two dispatchers never send the
 * same one), sent, and marked `sent`; a failure counts an attempt and keeps the error, and after
 * `maxAttempts` the message is `failed`.
 */
export async function dispatchOutbound(
  db: Db,
  channels: readonly OutboundChannel[],
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  const limit = options.limit ?? 100;
  const maxAttempts = options.maxAttempts ?? 5;
  const byName = new Map(channels.map((c) => [c.channel, c]));
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
  if (byName.size === 0) return result;
  const names = [...byName.keys()];
  // A message that failed waits for the next call rather than being retried at once.
  const tried: string[] = [];
  for (let n = 0; n < limit; n++) {
    const done = await db.transaction(async (tx) => {
      const [row] = await queryRows<{
        id: string;
        channel: OutboundChannelName;
        recipient: string;
        subject: string;
        body: string;
        dedupe_key: string;
        attempts: number;
        created_at: Date;
      }>(
        tx,
        sql`select id, channel, recipient, subject, body, dedupe_key, attempts, created_at
            from outbound_messages
            where status = 'pending' and channel = any(${sql.param(names)}::text[])
              and not (id = any(${sql.param(tried)}::uuid[]))
            order by created_at, id
            limit 1
            for update skip locked`,
      );
      if (!row) return true;
      tried.push(row.id);
      try {
        await byName.get(row.channel)!.send({
          id: row.id,
          channel: row.channel,
          recipient: row.recipient,
          subject: row.subject,
          body: row.body,
          dedupeKey: row.dedupe_key,
          createdAt: new Date(row.created_at),
        });
        await tx.execute(
          sql`update outbound_messages set status = 'sent', attempts = attempts + 1, sent_at = now(),
                last_error = '' where id = ${row.id}`,
        );
        result.sent++;
      } catch (e) {
        const attempts = row.attempts + 1;
        const status = attempts >= maxAttempts ? "failed" : "pending";
        await tx.execute(
          sql`update outbound_messages set status = ${status}, attempts = ${attempts},
                last_error = ${(e instanceof Error ? e.message : String(e)).slice(0, 1000)}
              where id = ${row.id}`,
        );
        if (status === "failed") result.failed++;
        else result.retrying++;
      }
      return false;
    });
    if (done) break;
  }
  return result;
}

/**
 * A channel that keeps what it sends in memory (tests). `failNext(times, recipient?)` makes the next
 * sends throw (only those to `recipient` when given, so a test on a shared database fails its own).
 */
export function memoryChannel(channel: OutboundChannelName) {
  const sent: OutboundMessage[] = [];
  const failures = new Map<string | undefined, number>();
  return {
    channel,
    sent,
    failNext(times = 1, recipient?: string) {
      failures.set(recipient, (failures.get(recipient) ?? 0) + times);
    },
    async send(message: OutboundMessage) {
      const key = failures.get(message.recipient)
        ? message.recipient
        : failures.get(undefined)
          ? undefined
          : null;
      if (key !== null) {
        failures.set(key, failures.get(key)! - 1);
        throw new Error(`${channel} 通道暂不可用`);
      }
      sent.push(message);
    },
  } satisfies OutboundChannel & Record<string, unknown>;
}

const encodeHeader = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, "utf8").toString("base64")}?=`;

/**
 * A channel that writes each message as a file into `directory/<channel>/` for an intranet gateway to
 * pick up: email as an RFC 5322 .eml (UTF-8, base64 body), SMS as a .txt with the number on the
 * first line. Written to a temporary name and renamed, so a reader never sees half a file; the file
 * is named after the message id, so a retry overwrites rather than duplicates.
 */
export function fileChannel(channel: OutboundChannelName, directory: string, from = "xuncha@localhost") {
  return {
    channel,
    async send(message: OutboundMessage) {
      const dir = join(directory, channel);
      await mkdir(dir, { recursive: true });
      const name = `${message.createdAt.toISOString().replace(/[:.]/g, "-")}-${message.id}`;
      const content =
        channel === "email"
          ? [
              `From: ${from}`,
              `To: ${message.recipient}`,
              `Subject: ${encodeHeader(message.subject)}`,
              `Date: ${message.createdAt.toUTCString()}`,
              `Message-ID: <${message.id}@xuncha>`,
              "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=UTF-8",
              "Content-Transfer-Encoding: base64",
              "",
              (
                Buffer.from(message.body, "utf8")
                  .toString("base64")
                  .match(/.{1,76}/g) ?? []
              ).join("\r\n"),
              "",
            ].join("\r\n")
          : `${message.recipient}\n${message.subject}\n${message.body}\n`;
      const file = join(dir, `${name}.${channel === "email" ? "eml" : "txt"}`);
      await writeFile(`${file}.tmp`, content, "utf8");
      await rename(`${file}.tmp`, file);
    },
  } satisfies OutboundChannel;
}

/** The channels configured by the environment: XUNCHA_OUTBOX_DIR writes email and SMS files there. */
export function outboundChannelsFromEnv(env: NodeJS.ProcessEnv = process.env): OutboundChannel[] {
  const dir = env.XUNCHA_OUTBOX_DIR?.trim();
  if (!dir) return [];
  return OUTBOUND_CHANNELS.map((c) => fileChannel(c, dir, env.XUNCHA_OUTBOX_FROM?.trim() || undefined));
}
