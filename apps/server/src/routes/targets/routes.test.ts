import { randomUUID } from "node:crypto";
import { and, auditLog, count, eq, targets } from "@xuncha/db";
import { buildAccount, buildTarget } from "@xuncha/db/testing";
import { readLedger, TARGET_LEDGER } from "@xuncha/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, loginAs, type Session } from "../../../test/client";
import { createTestApp, type TestApp } from "../../../test/test-app";
import { buildWorld, type World } from "../../../test/world";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** An .xlsx built in memory, row 1 first. */
async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads bytes as the multipart field "file". */
function upload(session: Session, bytes: Uint8Array, filename = "targets.xlsx", field = "file") {
  const boundary = `----xuncha${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return session.request("POST", "/api/targets/import", payload, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
}

const countTargets = async (committeeId: string) =>
  (await t.database.db.select({ n: count() }).from(targets).where(eq(targets.committeeId, committeeId)))[0]!
    .n;

const countAudit = async (action: string, committeeId: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.committeeId, committeeId)))
  )[0]!.n;

type ListBody = { items: { id: string; name: string }[]; total: number };
const names = (body: ListBody) => body.items.map((i) => i.name).sort();

describe("targets: scope", () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(t.database.db);
  });

  it("the office, leadership and reviewers see the committee's registry", async () => {
    for (const account of [
      w.accounts.office,
      w.accounts.leadership,
      w.accounts.discipline,
      w.accounts.organization,
    ]) {
      const session = await loginAs(t.app, account.username);
      const res = await session.get("/api/targets");
      expect(res.statusCode).toBe(200);
      expect(names(res.json())).toEqual([w.targetA.name, w.targetB.name].sort());
      expect((await session.get(`/api/targets/${w.targetB.id}`)).statusCode).toBe(200);
    }
  });

  it("another committee's office gets 404 on a target and does not list it", async () => {
    const other = await loginAs(t.app, w.accounts.otherOffice.username);
    const res = await other.get(`/api/targets/${w.targetA.id}`);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe("target.not_found");
    expect(names((await other.get("/api/targets")).json())).not.toContain(w.targetA.name);
    const patch = await other.patch(`/api/targets/${w.targetA.id}`, { phone: "123" });
    expect(patch.statusCode).toBe(404);
  });

  it("a target contact sees only its own target", async () => {
    const contact = await loginAs(t.app, w.accounts.contactA.username);
    const list = (await contact.get("/api/targets")).json();
    expect(names(list)).toEqual([w.targetA.name]);
    expect(list.abilities).toMatchObject({ create: false, import: false });
    expect(list.items[0].abilities).toEqual({ update: false });
    expect((await contact.get(`/api/targets/${w.targetA.id}`)).statusCode).toBe(200);
    expect((await contact.get(`/api/targets/${w.targetB.id}`)).statusCode).toBe(404);
  });

  it("a group member sees only its group's targets", async () => {
    const member = await loginAs(t.app, w.accounts.memberA.username);
    expect(names((await member.get("/api/targets")).json())).toEqual([w.targetA.name]);
    expect((await member.get(`/api/targets/${w.targetB.id}`)).statusCode).toBe(404);
    const leaderB = await loginAs(t.app, w.accounts.leaderB.username);
    expect(names((await leaderB.get("/api/targets")).json())).toEqual([w.targetB.name]);
  });

  it("the upper committee's leading group reads the registry, without editing it", async () => {
    const upper = await buildAccount(t.database.db, {
      committeeId: w.committee.parentId,
      role: "leadership",
    });
    const session = await loginAs(t.app, upper.username);
    const list = (await session.get("/api/targets")).json();
    expect(names(list)).toEqual([w.targetA.name, w.targetB.name].sort());
    expect(list.items[0].abilities).toEqual({ update: false });
    expect((await session.get(`/api/targets/${w.targetA.id}`)).statusCode).toBe(200);
    expect((await session.patch(`/api/targets/${w.targetA.id}`, { phone: "1" })).statusCode).toBe(403);
  });

  it("installation administrators have no access to the registry", async () => {
    const admin = await loginAs(t.app, w.accounts.sysAdmin.username);
    expect((await admin.get("/api/targets")).statusCode).toBe(403);
  });

  it("only the office may create or change targets", async () => {
    const leadership = await loginAs(t.app, w.accounts.leadership.username);
    expect((await leadership.post("/api/targets", { name: "某单位" })).statusCode).toBe(403);
    expect((await leadership.patch(`/api/targets/${w.targetA.id}`, { phone: "1" })).statusCode).toBe(403);
    const member = await loginAs(t.app, w.accounts.memberA.username);
    expect((await member.patch(`/api/targets/${w.targetA.id}`, { phone: "1" })).statusCode).toBe(403);
  });
});

describe("targets: create, update, list", () => {
  it("creates targets, infers the category and links a village to its township", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const town = await office.post("/api/targets", { name: "城关镇党委", orgForm: "党委" });
    expect(town.statusCode).toBe(201);
    expect(town.json()).toMatchObject({
      category: "township",
      categoryLabel: "乡镇(街道)",
      abilities: { update: true },
    });
    const village = await office.post("/api/targets", {
      name: "东关村党支部",
      orgForm: "党支部",
      parentOrgName: "中共城关镇委员会",
      principal: "张三",
      lastInspectedOn: "2021-05-10",
    });
    expect(village.json()).toMatchObject({
      category: "village",
      parentTargetId: town.json().id,
      lastInspectedOn: "2021-05-10",
    });
    const explicit = await office.post("/api/targets", {
      name: "县城投公司党委",
      category: "secondLevelUnit",
    });
    expect(explicit.json().category).toBe("secondLevelUnit");

    const dup = await office.post("/api/targets", { name: " 城关镇 党委 " });
    expect(dup.statusCode).toBe(409);
    expect(errorOf(dup).code).toBe("target.name_taken");
    const bad = await office.post("/api/targets", { name: "", extra: 1 });
    expect(errorOf(bad).code).toBe("request.invalid");
    expect(await countAudit("target.create", w.committee.id)).toBe(3);
  });

  it("updates only the given fields, refuses a taken name and re-infers the category on request", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const res = await office.patch(`/api/targets/${w.targetA.id}`, { name: "石桥乡党委", phone: "0371-1" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "石桥乡党委", phone: "0371-1", category: "department" });
    const reinfer = await office.patch(`/api/targets/${w.targetA.id}`, { category: null });
    expect(reinfer.json().category).toBe("township");
    const taken = await office.patch(`/api/targets/${w.targetB.id}`, { name: "石桥乡党委" });
    expect(errorOf(taken).code).toBe("target.name_taken");
    expect((await office.get(`/api/targets/${w.targetA.id}`)).json()).toMatchObject({ phone: "0371-1" });
    expect(await countAudit("target.update", w.committee.id)).toBe(2);
  });

  it("filters by category and text, and pages", async () => {
    const w = await buildWorld(t.database.db);
    const c = w.committee.id;
    for (let i = 0; i < 5; i++)
      await buildTarget(t.database.db, {
        committeeId: c,
        name: `红星村${i}`,
        category: "village",
        parentOrgName: "城关镇",
      });
    const office = await loginAs(t.app, w.accounts.office.username);
    const villages = (await office.get("/api/targets?category=village&pageSize=2&page=3")).json();
    expect(villages).toMatchObject({ total: 5, page: 3, pageSize: 2 });
    expect(villages.items).toHaveLength(1);
    expect((await office.get(`/api/targets?q=${encodeURIComponent("甲单位")}`)).json().total).toBe(1);
    expect((await office.get(`/api/targets?q=${encodeURIComponent("城关")}`)).json().total).toBe(5);
    expect((await office.get("/api/targets?q=%25")).json().total).toBe(0);
    expect((await office.get("/api/targets?category=planet")).statusCode).toBe(400);
  });
});

describe("targets: import and export", () => {
  const header = [
    "序号",
    "党组织名称",
    "类型",
    "上级党组织",
    "所属系统领域",
    "主要负责人",
    "班子成员",
    "联系电话",
    "上次巡察时间",
    "上次巡察轮次",
  ];

  it("refuses a bad file naming each bad row, and writes nothing", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const file = await xlsx([
      ["××县委巡察办被巡察对象库"],
      header,
      [1, "县教育局党组", "党组", "县委", "教育", "王五", "", "", "2021-03-01", "十四届县委第二轮"],
      [2, null, "党组", "县委", "", "", "", "", "", ""],
      [3, "县卫健委党组", "党组", "县委", "卫健", "", "", "", "2021-02-30", ""],
      [4, "县教育局 党组", "党组", "县委", "", "", "", "", "", ""],
      [5, w.targetB.name, "党组", "县委", "", "", "", "", "", ""],
    ]);
    const before = await countTargets(w.committee.id);
    const res = await upload(office, file);
    expect(res.statusCode).toBe(422);
    const error = errorOf(res);
    expect(error.code).toBe("import.invalid_rows");
    expect(error.message).toBe("导入文件中有 4 行错误，未导入任何数据");
    expect(error.details).toEqual({
      errors: [
        { row: 4, column: "党组织名称", message: "不能为空" },
        { row: 5, column: "上次巡察时间", message: expect.stringContaining("不是有效的日期") },
        { row: 6, column: "党组织名称", message: "与第 3 行的“县教育局 党组”重复" },
        { row: 7, column: "党组织名称", message: `库中已有名为“${w.targetB.name}”的被巡察对象` },
      ],
    });
    expect(await countTargets(w.committee.id)).toBe(before);
    expect(await countAudit("target.import", w.committee.id)).toBe(0);
  });

  it("refuses a file that is not an xlsx, whatever its name", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const fake = await upload(office, Buffer.from("序号,党组织名称\n1,县教育局党组\n"), "对象库.xlsx");
    expect(fake.statusCode).toBe(415);
    expect(errorOf(fake).code).toBe("file.type_not_allowed");
    const pdf = await upload(office, Buffer.from("%PDF-1.4\n%âãÏÓ\n"), "targets.xlsx");
    expect(errorOf(pdf).code).toBe("file.type_not_allowed");
    const noFile = await upload(office, await xlsx([header]), "targets.xlsx", "other");
    expect(errorOf(noFile).code).toBe("file.missing");
  });

  it("names the missing columns, and refuses a file without rows", async () => {
    const w = await buildWorld(t.database.db);
    const office = await loginAs(t.app, w.accounts.office.username);
    const missing = await upload(
      office,
      await xlsx([
        ["序号", "类型", "主要负责人"],
        [1, "党组", "王五"],
      ]),
    );
    expect(missing.statusCode).toBe(422);
    expect(errorOf(missing)).toMatchObject({
      code: "import.missing_columns",
      details: { missingColumns: ["党组织名称"] },
    });
    const empty = await upload(office, await xlsx([header, [1], [2]]));
    expect(errorOf(empty).code).toBe("import.empty");
    const leadership = await loginAs(t.app, w.accounts.leadership.username);
    expect((await upload(leadership, await xlsx([header]))).statusCode).toBe(403);
  });

  it("imports a good file all at once, links villages, and exports the same rows back", async () => {
    const w = await buildWorld(t.database.db);
    const c = w.committee.id;
    const existingTown = await buildTarget(t.database.db, {
      committeeId: c,
      name: "石桥乡党委",
      category: "township",
    });
    const office = await loginAs(t.app, w.accounts.office.username);
    const file = await xlsx([
      ["××县第十四届县委巡察工作被巡察对象库", null, null],
      ["填报日期：2026年3月"],
      [
        "序号",
        "被巡察党组织",
        "党组织类型",
        "上级党委",
        "系统领域",
        "党组织书记",
        "领导班子成员",
        "联系方式",
        "上次巡察\n时间",
        "上次巡察轮次",
        "备注",
      ],
      [
        1,
        "县教育局党组",
        "党组",
        "中共××县委",
        "教育",
        "王五",
        "王五、赵六",
        13800001111,
        new Date(Date.UTC(2021, 2, 1)),
        "十三届县委第二轮",
        "无",
      ],
      [
        2,
        "城关镇党委",
        "党委",
        "中共××县委",
        "乡镇",
        "李四",
        "",
        "0371-6000000",
        "2020年5月",
        "十三届县委第一轮",
      ],
      [3, "城关镇东关村党支部", "村(社区)党组织", "城关镇党委", "农村", "", "", "", "", ""],
      [4, "石桥乡红旗村党支部", "党支部", "中共石桥乡委员会", "农村", "", "", "", "", ""],
      [null, null, null, null, null],
      [5, "县人民医院党委", "党委", "县卫健委党组", "卫健", "", "", "", "2019/12/3", ""],
    ]);
    const before = await countTargets(c);
    const res = await upload(office, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 5, linkedToTownship: 2 });
    expect(await countTargets(c)).toBe(before + 5);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "target.import"), eq(auditLog.committeeId, c)));
    expect(entry!.summary).toMatchObject({ count: 5, fileName: "targets.xlsx" });

    const rows = await t.database.db.select().from(targets).where(eq(targets.committeeId, c));
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("城关镇东关村党支部")).toMatchObject({
      category: "village",
      parentTargetId: byName.get("城关镇党委")!.id,
    });
    expect(byName.get("石桥乡红旗村党支部")).toMatchObject({
      category: "village",
      parentTargetId: existingTown.id,
    });
    expect(byName.get("城关镇党委")).toMatchObject({ category: "township", lastInspectedOn: "2020-05-01" });
    expect(byName.get("县教育局党组")).toMatchObject({
      category: "department",
      phone: "13800001111",
      lastInspectedOn: "2021-03-01",
    });
    expect(byName.get("县人民医院党委")!.category).toBe("hospital");

    const exported = await office.get("/api/targets/export");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(exported.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("被巡察对象库.xlsx")}`,
    );
    const read = await readLedger(exported.rawPayload, TARGET_LEDGER);
    expect(read.errors).toEqual([]);
    const imported = [
      "县教育局党组",
      "城关镇党委",
      "城关镇东关村党支部",
      "石桥乡红旗村党支部",
      "县人民医院党委",
    ];
    const exportedRows = read.rows.map((r) => r.values).filter((v) => imported.includes(v.name));
    // File order is kept: the export lists the imported rows as they were in the file.
    expect(exportedRows.map((r) => r.name)).toEqual(imported);
    expect(exportedRows).toEqual(
      imported.map((name) => {
        const r = byName.get(name)!;
        return {
          name: r.name,
          orgForm: r.orgForm,
          parentOrgName: r.parentOrgName,
          sector: r.sector,
          principal: r.principal,
          leaders: r.leaders,
          phone: r.phone,
          lastInspectedOn: r.lastInspectedOn,
          lastRoundLabel: r.lastRoundLabel,
          category: r.category,
        };
      }),
    );
    expect(exportedRows[0]).toEqual({
      name: "县教育局党组",
      orgForm: "党组",
      parentOrgName: "中共××县委",
      sector: "教育",
      principal: "王五",
      leaders: "王五、赵六",
      phone: "13800001111",
      lastInspectedOn: "2021-03-01",
      lastRoundLabel: "十三届县委第二轮",
      category: "department",
    });

    // The exported file imports into another committee unchanged.
    const other = await loginAs(t.app, w.accounts.otherOffice.username);
    const reimport = await upload(other, exported.rawPayload);
    expect(reimport.json().imported).toBe(read.rows.length);

    // The export applies the filters, and an import again of the same file is refused as duplicates.
    const villages = await office.get("/api/targets/export?category=village");
    const villageRows = await readLedger(villages.rawPayload, TARGET_LEDGER);
    expect(villageRows.rows.map((r) => r.values.name).sort()).toEqual([
      "城关镇东关村党支部",
      "石桥乡红旗村党支部",
    ]);
    const again = await upload(office, file);
    expect(errorOf(again).code).toBe("import.invalid_rows");
  });

  it("a contact's export holds only its own target", async () => {
    const w = await buildWorld(t.database.db);
    const contact = await loginAs(t.app, w.accounts.contactA.username);
    const res = await contact.get("/api/targets/export");
    const read = await readLedger(res.rawPayload, TARGET_LEDGER);
    expect(read.rows.map((r) => r.values.name)).toEqual([w.targetA.name]);
  });
});
