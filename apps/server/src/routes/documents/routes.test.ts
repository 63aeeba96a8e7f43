import { documents, eq, numberingRegisters, rounds } from "@xuncha/db";
import { buildRound } from "@xuncha/db/testing";
import { docxParagraphs, readZip, readZipText } from "@xuncha/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const announcement = {
  phone: "0931-1234567",
  mailbox: "测试县邮政1001号信箱",
  email: "xuncha@example.gov.cn",
  deadline: "2026-10-10",
};

interface Doc {
  id: string;
  number: string;
  title: string;
  serial: number;
  year: number;
  kind: string;
  groupId: string | null;
  fields: Record<string, unknown>;
  file: { name: string; size: number; sha256: string };
}

/** The text of a downloaded .docx, paragraph by paragraph. */
const textOf = (body: Buffer) => docxParagraphs(readZipText(body, "word/document.xml")).join("\n");

describe("authorization decision", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
  });

  it("the office issues it with the next number of the default register; the docx names leaders, targets and the number", async () => {
    const office = await as(w, "office");
    const res = await office.post(`/api/rounds/${w.round.id}/documents/authorization`, {
      date: "2026-11-23",
      copyTo: ["县纪委监委", "县委组织部"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = res.json() as Doc;
    const prefix = `${[...w.committee.name][0]}巡组发`;
    expect(doc).toMatchObject({
      kind: "authorization",
      year: 2026,
      serial: 1,
      number: `${prefix}〔2026〕1号`,
      title: "关于测试届第一轮巡察授权任职及任务分工的决定",
    });
    const [entry] = await audited("document.issue", doc.id);
    expect(entry).toMatchObject({ actorId: office.id, committeeId: w.committee.id, entity: "document" });

    const file = await office.get(`/api/documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe(DOCX);
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`${doc.title}（${doc.number}）.docx`)}`,
    );
    expect(file.headers["x-content-sha256"]).toBe(doc.file.sha256);
    const text = textOf(file.rawPayload);
    for (const expected of [
      `中共${w.committee.name}巡察工作领导小组文件`,
      doc.number,
      "关于测试届第一轮巡察授权任职及任务分工的决定",
      w.people.leaderA.name,
      w.people.leaderB.name,
      w.people.memberA.name,
      w.targetA.name,
      w.targetB.name,
      "2026年11月23日",
      "抄送：县纪委监委，县委组织部。",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(new RegExp(`授权${w.people.leaderA.name}同志任组长`));

    const registers = (await office.get("/api/numbering-registers")).json();
    expect(registers.items).toEqual([
      expect.objectContaining({
        issuer: `中共${w.committee.name}巡察工作领导小组`,
        prefix,
        kinds: ["authorization", "announcement"],
        issued: 1,
        abilities: { delete: false },
      }),
    ]);
  });

  it("parallel issues never share a serial", async () => {
    const office = await as(w, "office");
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        office.post(`/api/rounds/${w.round.id}/documents/authorization`, { date: "2026-11-24" }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const serials = results.map((r) => (r.json() as Doc).serial).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(6);
    const all = await kit.t.database.db.select().from(documents).where(eq(documents.roundId, w.round.id));
    const numbers = all.map((d) => d.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(all.map((d) => d.serial).sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
  });

  it("parallel first issues of a committee create one default register", async () => {
    const fresh = await buildWorld(kit.t.database.db);
    const office = await as(fresh, "office");
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        office.post(`/api/rounds/${fresh.round.id}/documents/announcement`, {
          ...announcement,
          date: "2026-06-01",
        }),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    expect(results.map((r) => (r.json() as Doc).serial).sort()).toEqual([1, 2, 3, 4]);
    const registers = await kit.t.database.db
      .select()
      .from(numberingRegisters)
      .where(eq(numberingRegisters.committeeId, fresh.committee.id));
    expect(registers).toHaveLength(1);
  });

  it("restarts the serial in a new year", async () => {
    const office = await as(w, "office");
    const doc = (
      await office.post(`/api/rounds/${w.round.id}/documents/authorization`, { date: "2027-01-04" })
    ).json() as Doc;
    expect(doc).toMatchObject({ year: 2027, serial: 1 });
    expect(doc.number).toContain("〔2027〕1号");
  });

  it("is not found for another committee, forbidden to the leading group, groups and contacts", async () => {
    const url = `/api/rounds/${w.round.id}/documents/authorization`;
    await refused(await as(w, "otherOffice"), (s) => s.post(url, {}), 404, "round.not_found");
    for (const key of ["leadership", "leaderA", "memberA", "contactA", "discipline"] as const) {
      await refused(await as(w, key), (s) => s.post(url, {}), 403, "auth.forbidden");
    }
  });

  it("refuses a round without groups and a closed round", async () => {
    const office = await as(w, "office");
    const empty = await buildRound(kit.t.database.db, { committeeId: w.committee.id });
    await refused(
      office,
      (s) => s.post(`/api/rounds/${empty.id}/documents/authorization`, {}),
      422,
      "document.no_groups",
    );
    const closed = await buildRound(kit.t.database.db, { committeeId: w.committee.id, status: "closed" });
    await refused(
      office,
      (s) => s.post(`/api/rounds/${closed.id}/documents/authorization`, {}),
      409,
      "round.closed",
    );
    await refused(
      office,
      (s) => s.post(`/api/rounds/${w.round.id}/documents/authorization`, { date: "2026-02-30" }),
      400,
      "request.invalid",
    );
    await refused(
      office,
      (s) => s.post(`/api/rounds/${w.round.id}/documents/authorization`, { extra: 1 }),
      400,
      "request.invalid",
    );
  });
});

describe("announcement", () => {
  let w: World;
  let roundDoc: Doc;
  let groupBDoc: Doc;
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const a = await office.post(`/api/rounds/${w.round.id}/documents/announcement`, {
      ...announcement,
      date: "2026-09-01",
    });
    expect(a.statusCode, a.body).toBe(201);
    roundDoc = a.json();
    const b = await office.post(`/api/rounds/${w.round.id}/documents/announcement`, {
      ...announcement,
      groupId: w.groupB.id,
    });
    expect(b.statusCode, b.body).toBe(201);
    groupBDoc = b.json();
  });

  it("prints scope, phone, mailbox, email, deadline and a QR code of the round's tip page", async () => {
    expect(roundDoc).toMatchObject({
      kind: "announcement",
      serial: 1,
      groupId: null,
      title: "测试届第一轮巡察公告",
    });
    expect(roundDoc.fields).toMatchObject({ ...announcement, date: "2026-09-01" });
    expect(roundDoc.fields.tipUrl).toMatch(new RegExp(`^https?://[^/]+/t/${w.round.id}$`));
    const file = await (await as(w, "office")).get(`/api/documents/${roundDoc.id}/file`);
    const text = textOf(file.rawPayload);
    for (const expected of [
      "政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律",
      announcement.phone,
      announcement.mailbox,
      announcement.email,
      "受理时间截至2026年10月10日",
      w.targetA.name,
      w.targetB.name,
      `/t/${w.round.id}`,
      roundDoc.number,
    ]) {
      expect(text).toContain(expected);
    }
    const media = [...readZip(file.rawPayload).keys()].filter((k) => k.startsWith("word/media/"));
    expect(media).toHaveLength(1);
  });

  it("a group's announcement names its targets only and shares the register's serials", async () => {
    expect(groupBDoc).toMatchObject({ serial: 2, groupId: w.groupB.id });
    expect(groupBDoc.title).toContain(w.targetB.name);
    const text = textOf(
      (await (await as(w, "office")).get(`/api/documents/${groupBDoc.id}/file`)).rawPayload,
    );
    expect(text).toContain(w.targetB.name);
    expect(text).not.toContain(w.targetA.name);
  });

  it("uses XUNCHA_PUBLIC_URL for the QR code when it is set", async () => {
    const { createTestApp } = await import("../../../test/test-app");
    const { loginAs } = await import("../../../test/client");
    const other = await createTestApp({ XUNCHA_PUBLIC_URL: "https://xuncha.example.gov.cn/" });
    try {
      const ow = await buildWorld(other.database.db);
      const office = await loginAs(other.app, ow.accounts.office.username);
      const res = await office.post(`/api/rounds/${ow.round.id}/documents/announcement`, announcement);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().fields.tipUrl).toBe(`https://xuncha.example.gov.cn/t/${ow.round.id}`);
    } finally {
      await other.close();
    }
  });

  it("refuses a group of another round, a bad email and missing fields", async () => {
    const office = await as(w, "office");
    const url = `/api/rounds/${w.round.id}/documents/announcement`;
    const ow = await buildWorld(kit.t.database.db);
    await refused(
      office,
      (s) => s.post(url, { ...announcement, groupId: ow.groupA.id }),
      404,
      "group.not_found",
    );
    await refused(office, (s) => s.post(url, { ...announcement, email: "nope" }), 400, "request.invalid");
    await refused(office, (s) => s.post(url, { phone: "1" }), 400, "request.invalid");
    await refused(await as(w, "otherOffice"), (s) => s.post(url, announcement), 404, "round.not_found");
    await refused(await as(w, "contactA"), (s) => s.post(url, announcement), 403, "auth.forbidden");
  });

  it("the leading group and the round's groups read the documents; a group does not see another group's", async () => {
    const ids = (r: { items: { id: string }[] }) => r.items.map((d) => d.id);
    for (const key of ["office", "leadership"] as const) {
      const list = await (await as(w, key)).get(`/api/rounds/${w.round.id}/documents`);
      expect(list.statusCode).toBe(200);
      expect(ids(list.json())).toEqual([groupBDoc.id, roundDoc.id]);
      expect((await (await as(w, key)).get(`/api/documents/${groupBDoc.id}/file`)).statusCode).toBe(200);
    }
    expect(
      (await (await as(w, "office")).get(`/api/rounds/${w.round.id}/documents`)).json().abilities,
    ).toEqual({
      issue: true,
    });
    const leadership = (await (await as(w, "leadership")).get(`/api/rounds/${w.round.id}/documents`)).json();
    expect(leadership.abilities).toEqual({ issue: false });

    const memberA = await as(w, "memberA");
    expect(ids((await memberA.get(`/api/rounds/${w.round.id}/documents`)).json())).toEqual([roundDoc.id]);
    expect((await memberA.get(`/api/documents/${roundDoc.id}/file`)).statusCode).toBe(200);
    await refused(memberA, (s) => s.get(`/api/documents/${groupBDoc.id}/file`), 404, "document.not_found");
    const leaderB = await as(w, "leaderB");
    expect(ids((await leaderB.get(`/api/rounds/${w.round.id}/documents`)).json())).toEqual([
      groupBDoc.id,
      roundDoc.id,
    ]);
  });

  it("is not found for another committee; contacts and reviewers are refused", async () => {
    for (const key of ["otherOffice", "otherLeadership"] as const) {
      const s = await as(w, key);
      await refused(s, (x) => x.get(`/api/rounds/${w.round.id}/documents`), 404, "round.not_found");
      await refused(s, (x) => x.get(`/api/documents/${roundDoc.id}/file`), 404, "document.not_found");
      expect(
        ((await s.get("/api/documents")).json().items as { id: string }[]).map((d) => d.id),
      ).not.toContain(roundDoc.id);
    }
    for (const key of ["contactA", "discipline", "organization"] as const) {
      const s = await as(w, key);
      await refused(s, (x) => x.get(`/api/rounds/${w.round.id}/documents`), 403, "auth.forbidden");
      await refused(s, (x) => x.get(`/api/documents/${roundDoc.id}/file`), 403, "auth.forbidden");
    }
  });

  it("lists the committee's documents, by kind, for the office and the leading group", async () => {
    const office = await as(w, "office");
    const all = (await office.get("/api/documents")).json().items as Doc[];
    expect(all.map((d) => d.id)).toEqual(expect.arrayContaining([roundDoc.id, groupBDoc.id]));
    const none = (await office.get("/api/documents?kind=authorization")).json().items as Doc[];
    expect(none).toEqual([]);
    expect((await (await as(w, "leadership")).get("/api/documents")).statusCode).toBe(200);
    await refused(await as(w, "memberA"), (s) => s.get("/api/documents"), 403, "auth.forbidden");
    await refused(office, (s) => s.get("/api/documents?kind=memo"), 400, "request.invalid");
  });
});

describe("numbering registers", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(kit.t.database.db);
  });

  const body = { issuer: "中共测试县委巡察工作领导小组", prefix: "测委巡发", kinds: ["authorization"] };

  it("the office sets a register that then numbers its kinds; the default takes the rest", async () => {
    const office = await as(w, "office");
    const before = (await office.get("/api/numbering-registers")).json();
    expect(before.items).toEqual([]);
    expect(before.fallback).toMatchObject({ kinds: ["authorization", "announcement"] });
    const res = await office.post("/api/numbering-registers", body);
    expect(res.statusCode, res.body).toBe(200);
    const register = res.json();
    expect(register).toMatchObject({ ...body, committeeId: w.committee.id });
    expect(await audited("register.create", register.id)).toHaveLength(1);

    const doc = (
      await office.post(`/api/rounds/${w.round.id}/documents/authorization`, { date: "2026-05-06" })
    ).json() as Doc;
    expect(doc.number).toBe("测委巡发〔2026〕1号");
    const ann = (
      await office.post(`/api/rounds/${w.round.id}/documents/announcement`, {
        ...announcement,
        date: "2026-05-06",
      })
    ).json() as Doc;
    expect(ann.number).toBe(`${[...w.committee.name][0]}巡组发〔2026〕1号`);
    const registers = await kit.t.database.db
      .select()
      .from(numberingRegisters)
      .where(eq(numberingRegisters.committeeId, w.committee.id));
    expect(registers).toHaveLength(2);
  });

  it("refuses a taken prefix or kind, and a prefix with brackets", async () => {
    const office = await as(w, "office");
    await refused(
      office,
      (s) => s.post("/api/numbering-registers", { ...body, kinds: ["urgingLetter"] }),
      409,
      "register.prefix_taken",
    );
    await refused(
      office,
      (s) => s.post("/api/numbering-registers", { ...body, prefix: "测督发" }),
      409,
      "register.kind_taken",
    );
    await refused(
      office,
      (s) => s.post("/api/numbering-registers", { ...body, prefix: "测〔发" }),
      400,
      "request.invalid",
    );
    await refused(
      office,
      (s) => s.post("/api/numbering-registers", { ...body, kinds: [] }),
      400,
      "request.invalid",
    );
    await refused(
      office,
      (s) => s.post("/api/numbering-registers", { ...body, kinds: ["memo"] }),
      400,
      "request.invalid",
    );
  });

  it("updates and deletes an unused register; a used one stays", async () => {
    const office = await as(w, "office");
    const created = (
      await office.post("/api/numbering-registers", { ...body, prefix: "测督发", kinds: ["urgingLetter"] })
    ).json();
    const patched = await office.patch(`/api/numbering-registers/${created.id}`, { prefix: "测巡督发" });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ prefix: "测巡督发", kinds: ["urgingLetter"] });
    expect(await audited("register.update", created.id)).toHaveLength(1);
    await refused(
      office,
      (s) => s.patch(`/api/numbering-registers/${created.id}`, { kinds: ["authorization"] }),
      409,
      "register.kind_taken",
    );
    const del = await office.request("DELETE", `/api/numbering-registers/${created.id}`);
    expect(del.statusCode).toBe(204);
    expect(await audited("register.delete", created.id)).toHaveLength(1);

    const used = (await office.get("/api/numbering-registers"))
      .json()
      .items.find((r: { prefix: string }) => r.prefix === "测委巡发");
    expect(used.abilities).toEqual({ delete: false });
    await refused(
      office,
      (s) => s.request("DELETE", `/api/numbering-registers/${used.id}`),
      409,
      "register.in_use",
    );
  });

  it("another committee's register is not found; only the office manages registers", async () => {
    const office = await as(w, "office");
    const created = (
      await office.post("/api/numbering-registers", { ...body, prefix: "测通发", kinds: ["immediateFix"] })
    ).json();
    const other = await as(w, "otherOffice");
    await refused(
      other,
      (s) => s.patch(`/api/numbering-registers/${created.id}`, { prefix: "x" }),
      404,
      "register.not_found",
    );
    await refused(
      other,
      (s) => s.request("DELETE", `/api/numbering-registers/${created.id}`),
      404,
      "register.not_found",
    );
    expect((await other.get("/api/numbering-registers")).json().items).toEqual([]);
    for (const key of ["leadership", "leaderA", "contactA"] as const) {
      const s = await as(w, key);
      await refused(s, (x) => x.get("/api/numbering-registers"), 403, "auth.forbidden");
      await refused(s, (x) => x.post("/api/numbering-registers", body), 403, "auth.forbidden");
    }
  });

  it("the round's status does not matter to listing: a closed round keeps its documents readable", async () => {
    const office = await as(w, "office");
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    const list = (await office.get(`/api/rounds/${w.round.id}/documents`)).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.abilities).toEqual({ issue: false });
  });
});
