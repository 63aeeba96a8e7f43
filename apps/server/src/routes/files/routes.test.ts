import { createHash } from "node:crypto";
import { count, eq, files, findings, rounds } from "@xuncha/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs } from "../../../test/client";
import { multipart, PNG } from "../../../test/multipart";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld, type World } from "../../../test/world";

let t: TestApp;
let w: World;
beforeAll(async () => {
  // A 1 MB limit keeps the over-limit test light; production's default is 20 MB.
  t = await createTestApp({ XUNCHA_UPLOAD_LIMIT_MB: "1" });
  w = await buildWorld(t.database.db);
});
afterAll(() => t.close());

const upload = async (username: string, name: string, data: Buffer, mime?: string) => {
  const s = await loginAs(t.app, username);
  const m = multipart(name, data, mime);
  return s.request("POST", "/api/files", m.payload, m.headers);
};
// Counted in this world's committee: other test files write files to a shared PostgreSQL meanwhile.
const fileCount = async () =>
  Number(
    (await t.database.db.select({ n: count() }).from(files).where(eq(files.committeeId, w.committee.id)))[0]!
      .n,
  );

describe("file uploads", () => {
  it("stores an allowed file with its SHA-256", async () => {
    const res = await upload(w.accounts.memberA.username, "照片.png", PNG, "image/png");
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "照片.png",
      mime: "image/png",
      size: PNG.length,
      sha256: createHash("sha256").update(PNG).digest("hex"),
    });
  });

  it("checks the type by content: an executable named .png is refused, and nothing is stored", async () => {
    const before = await fileCount();
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
    const res = await upload(w.accounts.memberA.username, "照片.png", exe, "image/png");
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe("file.type_not_allowed");
    expect(errorOf(res).message).toContain("照片.png");
    expect(await fileCount()).toBe(before);
  });

  it("refuses a file over the limit with 413 and a Chinese message", async () => {
    const before = await fileCount();
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024 + 10)]);
    const res = await upload(w.accounts.memberA.username, "大文件.png", big, "image/png");
    expect(res.statusCode).toBe(413);
    expect(errorOf(res)).toMatchObject({ code: "file.too_large", message: "文件超过大小限制" });
    expect(await fileCount()).toBe(before);
  });

  it("refuses an empty upload and a request without a file", async () => {
    expect(errorOf(await upload(w.accounts.memberA.username, "空.txt", Buffer.alloc(0))).code).toBe(
      "file.missing",
    );
    const s = await loginAs(t.app, w.accounts.memberA.username);
    const res = await s.request("POST", "/api/files", { a: 1 });
    expect(res.statusCode).toBe(400);
  });

  it("does not let another committee download a file", async () => {
    const res = await upload(w.accounts.memberA.username, "照片.png", PNG, "image/png");
    const other = await loginAs(t.app, w.accounts.otherOffice.username);
    expect((await other.get(`/api/files/${res.json().id}`)).statusCode).toBe(404);
    const memberB = await loginAs(t.app, w.accounts.memberB.username);
    expect((await memberB.get(`/api/files/${res.json().id}`)).statusCode).toBe(404);
  });

  it("writes nothing when a request fails midway: a finding citing someone else's file", async () => {
    const theirs = (await upload(w.accounts.memberB.username, "乙组材料.png", PNG, "image/png")).json();
    const [{ next: before }] = (await t.database.db
      .select({ next: rounds.nextFindingNumber })
      .from(rounds)
      .where(eq(rounds.id, w.round.id))) as [{ next: number }];
    const countFindings = async () =>
      Number(
        (
          await t.database.db.select({ n: count() }).from(findings).where(eq(findings.roundId, w.round.id))
        )[0]!.n,
      );
    const findingsBefore = await countFindings();
    const member = await loginAs(t.app, w.accounts.memberA.username);
    const res = await member.post("/api/findings", {
      roundId: w.round.id,
      targetId: w.targetA.id,
      title: "问题",
      description: "描述",
      scheme: "sixDisciplines",
      category: "sixDisciplines.1",
      severity: "general",
      fileIds: [theirs.id],
    });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe("file.not_found");
    expect(await countFindings()).toBe(findingsBefore);
    const [{ next: after }] = (await t.database.db
      .select({ next: rounds.nextFindingNumber })
      .from(rounds)
      .where(eq(rounds.id, w.round.id))) as [{ next: number }];
    expect(after).toBe(before);
  });
});
