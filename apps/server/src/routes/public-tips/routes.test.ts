import "./tip-test-kit";
import { Writable } from "node:stream";
import { count, eq, files, queryRows, sql, tipAdditions, tipFiles, tips } from "@xuncha/db";
import { buildRound, buildTarget, openTestDatabase } from "@xuncha/db/testing";
import { leadingZeroBits, powDigest, solveChallenge } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { PNG } from "../../../test/multipart";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld } from "../../../test/world";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { freshOrigin, submitTip, TIP_TEXT, tipForm } from "./tip-test-kit";

const kit = routeTestKit();
const receiptPattern = /^[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){4}$/;

describe("the public tip page", () => {
  it("shows the round, its targets (all, or the group's), the categories and limits; nothing for unknown or closed rounds", async () => {
    const { app, database } = kit.t;
    const w = await buildWorld(database.db);
    const res = await app.inject({ method: "GET", url: `/api/public/tips/rounds/${w.round.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.roundName).toBe("测试届第一轮巡察");
    expect(page.targets.map((t: { id: string }) => t.id).sort()).toEqual([w.targetA.id, w.targetB.id].sort());
    expect(page.categories.map((c: { name: string }) => c.name)).toEqual([
      "政治纪律",
      "组织纪律",
      "廉洁纪律",
      "群众纪律",
      "工作纪律",
      "生活纪律",
      "其他",
    ]);
    expect(page.limits).toEqual({ maxFiles: 9, maxFileMb: 20, maxTotalMb: 60 });

    const group = await app.inject({
      method: "GET",
      url: `/api/public/tips/rounds/${w.round.id}?groupId=${w.groupB.id}`,
    });
    expect(group.json().groupName).toBe(w.groupB.name);
    expect(group.json().targets.map((t: { id: string }) => t.id)).toEqual([w.targetB.id]);

    const unknown = await app.inject({
      method: "GET",
      url: "/api/public/tips/rounds/00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("tip.not_accepting");
    const closed = await buildRound(database.db, {
      committeeId: w.committee.id,
      status: "closed",
      number: 2,
    });
    const res2 = await app.inject({ method: "GET", url: `/api/public/tips/rounds/${closed.id}` });
    expect(res2.json().error.code).toBe("tip.not_accepting");
  });
});

describe("submitting a tip", () => {
  it("takes an anonymous tip with a photo: shows a receipt once, keeps text and file sealed, routes it to the target's group", async () => {
    const { app, database } = kit.t;
    const w = await buildWorld(database.db);
    // Counted in this world's committee: other test files write files to a shared PostgreSQL meanwhile.
    const committeeFiles = async () =>
      (await database.db.select({ n: count() }).from(files).where(eq(files.committeeId, w.committee.id)))[0]!
        .n;
    const filesBefore = await committeeFiles();
    const res = await submitTip(app, { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT }, [
      { name: "现场照片.png", data: PNG, mime: "image/png" },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(Object.keys(res.json())).toEqual(["receipt"]);
    expect(res.json().receipt).toMatch(receiptPattern);
    const [tip] = await database.db.select().from(tips).where(eq(tips.roundId, w.round.id));
    expect(tip).toMatchObject({
      status: "routed",
      groupId: w.groupA.id,
      named: false,
      channel: "web",
      cipher: "sm4",
    });
    expect(tip!.identity).toBeNull();
    expect(tip!.identityKey).toBeNull();
    expect(Buffer.from(tip!.content).includes(Buffer.from("招标"))).toBe(false);
    expect(tip!.receiptHash).toMatch(/^\$argon2id\$/);
    expect(tip!.receiptHash).not.toContain(res.json().receipt.replaceAll("-", ""));
    const [file] = await database.db.select().from(tipFiles).where(eq(tipFiles.tipId, tip!.id));
    expect(file).toMatchObject({ mime: "image/png", size: PNG.length });
    expect(Buffer.from(file!.content).includes(PNG)).toBe(false);
    expect(Buffer.from(file!.name).includes(Buffer.from("现场照片"))).toBe(false);
    expect(await committeeFiles()).toBe(filesBefore);
  });

  it("seals a named submitter's identity apart; 'other' goes to the page's group, or waits for the office", async () => {
    const { app, database } = kit.t;
    const w = await buildWorld(database.db);
    const named = await submitTip(app, {
      roundId: w.round.id,
      groupId: w.groupB.id,
      targetId: null,
      otherTarget: "某镇财政所",
      named: true,
      name: "王五",
      phone: "13900001111",
      text: TIP_TEXT,
    });
    expect(named.statusCode, named.body).toBe(201);
    const anonymous = await submitTip(app, {
      roundId: w.round.id,
      otherTarget: "某镇财政所",
      text: TIP_TEXT,
    });
    expect(anonymous.statusCode, anonymous.body).toBe(201);
    const rows = await database.db
      .select()
      .from(tips)
      .where(eq(tips.roundId, w.round.id))
      .orderBy(tips.number);
    expect(rows.map((r) => [r.number, r.status, r.groupId, r.named])).toEqual([
      [1, "routed", w.groupB.id, true],
      [2, "new", null, false],
    ]);
    expect(rows[0]!.identity).not.toBeNull();
    expect(Buffer.from(rows[0]!.identity!).includes(Buffer.from("王五"))).toBe(false);
  });

  it("refuses what the form must not take: no name for a named tip, a target outside the round, a file whose content is not allowed, too many files", async () => {
    const { app, database } = kit.t;
    const w = await buildWorld(database.db);
    const noName = await submitTip(app, {
      roundId: w.round.id,
      targetId: w.targetA.id,
      named: true,
      text: TIP_TEXT,
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toContain("实名反映请填写姓名和联系电话");
    const stranger = await buildTarget(database.db, { committeeId: w.other.id });
    const outside = await submitTip(app, { roundId: w.round.id, targetId: stranger.id, text: TIP_TEXT });
    expect(outside.json().error.code).toBe("tip.target_not_in_round");
    const fake = await submitTip(app, { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT }, [
      { name: "照片.jpg", data: Buffer.from("#!/bin/sh\necho not a photo\n"), mime: "image/jpeg" },
    ]);
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain("仅接受照片、视频、PDF");
    const many = await submitTip(
      app,
      { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT },
      Array.from({ length: 10 }, (_, i) => ({ name: `${i}.png`, data: PNG })),
    );
    expect([413, 422]).toContain(many.statusCode);
    expect(await database.db.select().from(tips).where(eq(tips.roundId, w.round.id))).toEqual([]);
  });

  it("needs a solved, unspent proof of work; a honeypot hit gets a receipt and stores nothing", async () => {
    const { app, database } = kit.t;
    const w = await buildWorld(database.db);
    const origin = freshOrigin();
    const ch = (await app.inject({ method: "POST", url: "/api/public/tips/challenge", ...origin })).json();
    const post = (nonce: string, extra: Record<string, unknown> = {}) => {
      const form = tipForm({
        roundId: w.round.id,
        targetId: w.targetA.id,
        category: "other",
        named: false,
        text: TIP_TEXT,
        challenge: ch.challenge,
        nonce,
        ...extra,
      });
      return app.inject({
        method: "POST",
        url: "/api/public/tips",
        payload: form.payload,
        headers: form.headers,
        ...origin,
      });
    };
    const good = solveChallenge(ch.challenge, ch.bits);
    const bad = [...Array(100).keys()]
      .map(String)
      .find((n) => leadingZeroBits(powDigest(ch.challenge, n)) < ch.bits)!;
    const wrong = await post(bad);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({
      code: "tip.challenge_invalid",
      message: "页面已过期，请刷新页面后重新提交",
    });
    expect((await post(good)).statusCode).toBe(201);
    expect((await post(good)).json().error.code).toBe("tip.challenge_invalid");

    const bot = await submitTip(app, {
      roundId: w.round.id,
      targetId: w.targetA.id,
      text: TIP_TEXT,
      website: "http://spam",
    });
    expect(bot.statusCode).toBe(201);
    expect(bot.json().receipt).toMatch(receiptPattern);
    expect(await database.db.select().from(tips).where(eq(tips.roundId, w.round.id))).toHaveLength(1);
  });

  it("limits tips per address with a clear message", async () => {
    const { app, database } = kit.t;
    const w = await buildWorld(database.db);
    const origin = freshOrigin();
    for (let i = 0; i < 5; i++) {
      const ok = await submitTip(
        app,
        { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT },
        [],
        origin,
      );
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const over = await submitTip(
      app,
      { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT },
      [],
      origin,
    );
    expect(over.statusCode).toBe(429);
    expect(over.json().error.message).toContain("同一网络 10 分钟内最多提交 5 件");
    const elsewhere = await submitTip(app, { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT });
    expect(elsewhere.statusCode).toBe(201);
  });
});

describe("following a tip up with the receipt", () => {
  it("shows status and answer in plain words, takes additions, and says nothing for wrong or unknown receipts", async () => {
    const { app, database } = kit.t;
    const w = await buildWorld(database.db);
    const origin = freshOrigin();
    const { receipt } = (
      await submitTip(app, { roundId: w.round.id, targetId: w.targetA.id, text: TIP_TEXT })
    ).json();
    const follow = (r: string) =>
      app.inject({ method: "POST", url: "/api/public/tips/follow-up", payload: { receipt: r }, ...origin });
    const res = await follow(receipt.toLowerCase().replaceAll("-", " "));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: "routed",
      statusText: "您反映的情况已转巡察组，正在办理中。",
      answer: "",
      additions: 0,
      canAdd: true,
      limits: { maxFiles: 9, maxFileMb: 20, maxTotalMb: 60 },
    });
    expect(res.body).not.toContain("招标");

    const wrongLast = receipt.slice(0, -1) + (receipt.endsWith("A") ? "B" : "A");
    const wrong = await follow(wrongLast);
    const unknown = await follow("ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    const malformed = await follow("ABCD-EFGH-JKMN-PQRS");
    for (const r of [wrong, unknown, malformed]) {
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({
        error: { code: "tip.receipt_invalid", message: "查询码无效，请核对后重新输入" },
      });
    }

    const form = tipForm({ receipt, text: "补充：时间是2025年5月。" }, [{ name: "补充.png", data: PNG }]);
    const add = await app.inject({
      method: "POST",
      url: "/api/public/tips/additions",
      payload: form.payload,
      headers: form.headers,
      ...origin,
    });
    expect(add.statusCode, add.body).toBe(201);
    const [tip] = await database.db.select().from(tips).where(eq(tips.roundId, w.round.id));
    const added = await database.db.select().from(tipAdditions).where(eq(tipAdditions.tipId, tip!.id));
    expect(added).toHaveLength(1);
    expect(Buffer.from(added[0]!.content).includes(Buffer.from("补充"))).toBe(false);
    expect((await follow(receipt)).json()).toMatchObject({ additions: 1, files: 1 });
    const badForm = tipForm({ receipt: wrongLast, text: "x" });
    const badAdd = await app.inject({
      method: "POST",
      url: "/api/public/tips/additions",
      payload: badForm.payload,
      headers: badForm.headers,
      ...freshOrigin(),
    });
    expect(badAdd.json().error.code).toBe("tip.receipt_invalid");
  });

  it("limits receipt attempts per address", async () => {
    const { app } = kit.t;
    const origin = freshOrigin();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/public/tips/follow-up",
        payload: { receipt: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ" },
        ...origin,
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 404)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});

describe("anonymity", () => {
  it("writes the submitter's address and user agent to no log line and no table row", async () => {
    const database = await openTestDatabase();
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const config = { ...loadConfig({ NODE_ENV: "test", XUNCHA_WEB_DIST: "/nonexistent" }), demo: false };
    const app = await buildApp({ database, config, logger: true, logStream });
    await app.ready();
    try {
      const w = await buildWorld(database.db);
      const IP = "203.0.113.77";
      const FORWARDED = "198.51.100.23";
      const UA = "Mozilla/5.0 (Linux; Android 13) MicroMessenger/8.0.47 XunchaProbe/9.9.9";
      const origin = { remoteAddress: IP, headers: { "x-forwarded-for": FORWARDED, "user-agent": UA } };
      const before = await dumpRows(database.db);
      await app.inject({ method: "GET", url: `/api/public/tips/rounds/${w.round.id}`, ...origin });
      const res = await submitTip(
        app,
        {
          roundId: w.round.id,
          targetId: w.targetA.id,
          named: true,
          name: "赵六",
          phone: "13700002222",
          text: TIP_TEXT,
        },
        [{ name: "照片.png", data: PNG }],
        origin,
      );
      expect(res.statusCode, res.body).toBe(201);
      // Failures too: a refused form, a wrong receipt, a server-side refusal.
      await submitTip(app, { roundId: w.round.id, targetId: w.targetA.id, text: "短" }, [], origin);
      await app.inject({
        method: "POST",
        url: "/api/public/tips/follow-up",
        payload: { receipt: "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ" },
        ...origin,
      });
      await app.inject({
        method: "POST",
        url: "/api/public/tips/follow-up",
        payload: { receipt: res.json().receipt },
        ...origin,
      });
      const after = await dumpRows(database.db);
      const written = after.filter((row) => !before.includes(row));
      expect(written.some((r) => r.startsWith("tips:"))).toBe(true);
      // Postgres writes addresses as inet/hex too: look for the dotted form and the hex of the bytes.
      const needles = [
        IP,
        FORWARDED,
        UA,
        "XunchaProbe",
        hexOf(IP),
        hexOf(FORWARDED),
        "203.0.113",
        "198.51.100",
      ];
      for (const needle of needles) {
        expect(lines.filter((l) => l.includes(needle))).toEqual([]);
        expect(written.filter((r) => r.includes(needle))).toEqual([]);
      }
      // The app does log (other routes, warnings): the capture itself works.
      await app.inject({ method: "GET", url: "/api/health", ...origin });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join("\n")).not.toContain(IP);
    } finally {
      await app.close();
      await database.close();
    }
  });
});

const hexOf = (ip: string) => Buffer.from(ip.split(".").map(Number)).toString("hex");

/** Every row of every table of the public schema, as "table:json" lines. */
async function dumpRows(db: Parameters<typeof queryRows>[0]): Promise<string[]> {
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const rows: string[] = [];
  for (const { table_name } of tables) {
    const r = await queryRows<{ j: string }>(
      db,
      sql`select row_to_json(t)::text as j from ${sql.identifier(table_name)} t`,
    );
    for (const { j } of r) rows.push(`${table_name}:${j}`);
  }
  return rows;
}
