import { committees, eq, partnerDepartments } from "@xuncha/db";
import { buildAccount, buildCommittee } from "@xuncha/db/testing";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { multipart, PNG } from "../../../test/multipart";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, auditBy, refused } = kit;

const ROUND = "测试届第一轮巡察";
const RECORD = "谈话记录：该同志反映单位存在违规公款吃喝问题。";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The sheet's rows as plain values (dates as YYYY-MM-DD), row 1 first. */
async function sheetRows(res: LightMyRequestResponse): Promise<unknown[][]> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toBe(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null))));
  });
  return rows;
}

/** Accounts the world lacks: a partner department's, the upper level's, a leading group above. */
async function outsiders(w: World) {
  const db = kit.t.database.db;
  const [dept] = await db
    .insert(partnerDepartments)
    .values({ committeeId: w.committee.id, name: `县审计局${w.committee.id.slice(0, 4)}`, kind: "audit" })
    .returning();
  const partner = await buildAccount(db, {
    committeeId: w.committee.id,
    role: "partnerDept",
    partnerDepartmentId: dept!.id,
  });
  const upper = await buildAccount(db, { committeeId: w.committee.id, role: "upperLevel" });
  const parent = await buildCommittee(db);
  await db.update(committees).set({ parentId: parent.id }).where(eq(committees.id, w.committee.id));
  const upperLeadership = await buildAccount(db, { committeeId: parent.id, role: "leadership" });
  const login = async (a: { id: string; username: string }): Promise<As> =>
    Object.assign(await loginAs(kit.t.app, a.username), { id: a.id });
  return {
    partner: await login(partner),
    upper: await login(upper),
    upperLeadership: await login(upperLeadership),
  };
}

async function upload(s: As, name: string) {
  const { payload, headers } = multipart(name, PNG, "image/png");
  const res = await s.request("POST", "/api/files", payload, headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function ok(res: Promise<LightMyRequestResponse>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { id: string };
}

describe("个别谈话登记表 (interviews export)", () => {
  it("lists what each reader may see, never the record's text, and is audited as a read", async () => {
    const w = await buildWorld(kit.t.database.db);
    const o = await outsiders(w);
    const memberA = await as(w, "memberA");
    const first = await ok(
      memberA.post("/api/interviews", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        scheduledOn: "2026-04-10",
        scheduledAt: "09:30",
        place: "甲单位小会议室",
        intervieweeName: "张三",
        intervieweePost: "党组书记、局长",
        principal: true,
        inspectorIds: [w.people.leaderA.id, w.people.memberA.id],
      }),
    );
    await ok(memberA.patch(`/api/interviews/${first.id}`, { record: RECORD }));
    const second = await ok(
      memberA.post("/api/interviews", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        scheduledOn: "2026-04-11",
        intervieweeName: "李四",
        intervieweePost: "财务股股长",
        inspectorIds: [w.people.leaderA.id, w.people.memberA.id],
      }),
    );
    const memberB = await as(w, "memberB");
    const third = await ok(
      memberB.post("/api/interviews", {
        roundId: w.round.id,
        targetId: w.targetB.id,
        scheduledOn: "2026-04-09",
        intervieweeName: "王五",
        inspectorIds: [w.people.leaderB.id, w.people.memberB.id],
      }),
    );
    const url = (q = "") => `/api/interviews/export?roundId=${w.round.id}${q}`;
    const header = [
      "序号",
      "谈话日期",
      "时间",
      "被巡察对象",
      "谈话对象",
      "职务",
      "主要负责人",
      "在场巡察人员",
      "地点",
      "状态",
      "巡察组",
    ];
    const rowA1 = [
      1,
      "2026-04-10",
      "09:30",
      w.targetA.name,
      "张三",
      "党组书记、局长",
      "是",
      // inspectors in name order
      [w.people.leaderA.name, w.people.memberA.name].sort().join("、"),
      "甲单位小会议室",
      "已谈话",
      w.groupA.name,
    ];

    // The group: its own interviews only, in date order.
    const leaderA = await as(w, "leaderA");
    const res = await leaderA.get(url());
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${ROUND}个别谈话登记表.xlsx`)}`,
    );
    expect(res.headers["cache-control"]).toContain("no-store");
    const rows = await sheetRows(res);
    expect(rows[0]![0]).toBe(`${ROUND}个别谈话登记表`);
    expect(rows[1]).toEqual(header);
    expect(rows.slice(2).map((r) => r[4])).toEqual(["张三", "李四"]);
    expect(rows[2]).toEqual(rowA1);
    expect(rows[3]![6]).toBe("否");
    expect(rows[3]![9]).toBe("已安排");
    expect(JSON.stringify(rows)).not.toContain("公款吃喝");
    const [entry] = await auditBy(leaderA.id, "interview.export");
    expect(entry).toMatchObject({
      entity: "interview",
      committeeId: w.committee.id,
      summary: { roundId: w.round.id, count: 2, interviewIds: [first.id, second.id] },
    });

    // Group B sees its one interview; the office head and the leading group see all three.
    expect((await sheetRows(await memberB.get(url()))).slice(2).map((r) => r[4])).toEqual(["王五"]);
    for (const key of ["officeHead", "leadership"] as const) {
      const s = await as(w, key);
      const all = (await sheetRows(await s.get(url()))).slice(2);
      expect(all.map((r) => r[4])).toEqual(["王五", "张三", "李四"]);
      expect(all.map((r) => r[0])).toEqual([1, 2, 3]);
      expect((await auditBy(s.id, "interview.export"))[0]!.summary).toMatchObject({
        count: 3,
        interviewIds: [third.id, first.id, second.id],
      });
    }

    // Filters: by target, by status.
    const leadership = await as(w, "leadership");
    expect((await sheetRows(await leadership.get(url(`&targetId=${w.targetB.id}`)))).slice(2)).toHaveLength(
      1,
    );
    const held = (await sheetRows(await leadership.get(url("&status=held")))).slice(2);
    expect(held.map((r) => r[4])).toEqual(["张三"]);

    // Roles that never read interviews are refused by the route; readers elsewhere find no round.
    for (const s of [await as(w, "contactA"), await as(w, "discipline"), o.partner, o.upper])
      await refused(s, (x) => x.get(url()), 403, "auth.forbidden");
    for (const s of [
      await as(w, "office"),
      await as(w, "otherOffice"),
      await as(w, "otherLeadership"),
      o.upperLeadership,
    ])
      await refused(s, (x) => x.get(url()), 404, "round.not_found");
    await refused(
      leaderA,
      (x) => x.get(`/api/interviews/export?roundId=${crypto.randomUUID()}`),
      404,
      "round.not_found",
    );
  });
});

describe("查阅资料与调研走访 export", () => {
  it("lists the records each reader may see, with their notes, people and files", async () => {
    const w = await buildWorld(kit.t.database.db);
    const o = await outsiders(w);
    const memberA = await as(w, "memberA");
    const fileId = await upload(memberA, "凭证抽查表.png");
    await ok(
      memberA.post("/api/fieldwork-records", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        kind: "docReview",
        heldOn: "2026-04-12",
        subject: "2024 年度财务凭证",
        notes: "抽查凭证 200 份。",
        inspectorIds: [w.people.memberA.id],
        fileIds: [fileId],
      }),
    );
    await ok(
      memberA.post("/api/fieldwork-records", {
        roundId: w.round.id,
        targetId: w.targetA.id,
        kind: "visit",
        heldOn: "2026-04-13",
        subject: "甲单位下属养老院",
        inspectorIds: [w.people.memberA.id],
      }),
    );
    await ok(
      (await as(w, "memberB")).post("/api/fieldwork-records", {
        roundId: w.round.id,
        targetId: w.targetB.id,
        kind: "visit",
        heldOn: "2026-04-14",
        subject: "乙单位项目工地",
        inspectorIds: [w.people.memberB.id],
      }),
    );
    const url = (q = "") => `/api/fieldwork-records/export?roundId=${w.round.id}${q}`;

    const office = await as(w, "office");
    const rows = await sheetRows(await office.get(url()));
    expect(rows[0]![0]).toBe(`${ROUND}查阅资料与调研走访登记表`);
    expect(rows[1]).toEqual([
      "序号",
      "类别",
      "日期",
      "被巡察对象",
      "查阅内容或走访地点",
      "情况记录",
      "参加人员",
      "附件",
      "巡察组",
    ]);
    expect(rows.slice(2).map((r) => r[4])).toEqual([
      "乙单位项目工地",
      "甲单位下属养老院",
      "2024 年度财务凭证",
    ]);
    expect(rows[4]).toEqual([
      3,
      "查阅资料",
      "2026-04-12",
      w.targetA.name,
      "2024 年度财务凭证",
      "抽查凭证 200 份。",
      w.people.memberA.name,
      "凭证抽查表.png",
      w.groupA.name,
    ]);
    expect((await auditBy(office.id, "fieldwork.export"))[0]).toMatchObject({
      committeeId: w.committee.id,
      summary: { roundId: w.round.id, count: 3 },
    });

    // The tab's kind: only visits, titled so.
    const visits = await office.get(url("&kind=visit"));
    expect(visits.headers["content-disposition"]).toContain(
      encodeURIComponent(`${ROUND}调研走访登记表.xlsx`),
    );
    expect((await sheetRows(visits)).slice(2).map((r) => r[1])).toEqual(["调研走访", "调研走访"]);

    // A group: its own records only.
    const mine = (await sheetRows(await (await as(w, "leaderA")).get(url()))).slice(2);
    expect(mine.map((r) => r[4])).toEqual(["甲单位下属养老院", "2024 年度财务凭证"]);
    expect((await sheetRows(await (await as(w, "leadership")).get(url()))).slice(2)).toHaveLength(3);

    for (const s of [await as(w, "contactA"), await as(w, "discipline"), o.partner, o.upper])
      await refused(s, (x) => x.get(url()), 403, "auth.forbidden");
    for (const s of [await as(w, "otherOffice"), await as(w, "otherLeadership")])
      await refused(s, (x) => x.get(url()), 404, "round.not_found");
  });
});
