import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileChannel, memoryChannel, type OutboundMessage, outboundChannelsFromEnv } from "./outbound";

const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: "0b7d6c1e-5f0e-4a57-9a53-2d7f9a1c0e01",
  channel: "email",
  recipient: "contact@example.gov.cn",
  subject: "督办函：甲单位有 2 项整改事项逾期未完成",
  body: "关于督促甲单位加快整改落实的督办函（测巡办督〔2026〕1号）。",
  dedupeKey: "escalation:t:urgingLetter:2026-11-11:a",
  createdAt: new Date("2026-11-11T01:00:00Z"),
  ...overrides,
});

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("outbound channels", () => {
  it("the file channel writes an .eml per email (UTF-8 subject and body) and a .txt per SMS; a retry overwrites", async () => {
    dir = await mkdtemp(join(tmpdir(), "xuncha-outbox-"));
    const email = fileChannel("email", dir, "xuncha@county.gov.cn");
    await email.send(message());
    await email.send(message());
    const emails = await readdir(join(dir, "email"));
    expect(emails).toEqual(["2026-11-11T01-00-00-000Z-0b7d6c1e-5f0e-4a57-9a53-2d7f9a1c0e01.eml"]);
    const eml = await readFile(join(dir, "email", emails[0]!), "utf8");
    expect(eml).toContain("From: xuncha@county.gov.cn\r\nTo: contact@example.gov.cn\r\n");
    const subject = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(eml)![1]!;
    expect(Buffer.from(subject, "base64").toString("utf8")).toBe(message().subject);
    const body = eml.split("\r\n\r\n")[1]!.replace(/\r\n/g, "");
    expect(Buffer.from(body, "base64").toString("utf8")).toBe(message().body);

    await fileChannel("sms", dir).send(message({ channel: "sms", recipient: "13800000000" }));
    const [sms] = await readdir(join(dir, "sms"));
    expect(await readFile(join(dir, "sms", sms!), "utf8")).toBe(
      `13800000000\n${message().subject}\n${message().body}\n`,
    );
  });

  it("the environment configures file channels for email and SMS, or none", () => {
    expect(outboundChannelsFromEnv({})).toEqual([]);
    expect(outboundChannelsFromEnv({ XUNCHA_OUTBOX_DIR: "/var/spool/xuncha" }).map((c) => c.channel)).toEqual(
      ["email", "sms"],
    );
  });

  it("the memory channel keeps what it sends and fails on demand", async () => {
    const sms = memoryChannel("sms");
    sms.failNext();
    await expect(sms.send(message())).rejects.toThrow("sms 通道暂不可用");
    await sms.send(message());
    expect(sms.sent).toHaveLength(1);
  });
});
