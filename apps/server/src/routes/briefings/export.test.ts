import { committees, eq, partnerDepartments } from "@xuncha/db";
import { buildAccount, buildCommittee } from "@xuncha/db/testing";
import { addDays, chinaDate } from "@xuncha/domain";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { loginAs } from "../../../test/client";
import { type As, routeTestKit } from "../../../test/route-kit";
import { buildWorld } from "../../../test/world";

const kit = routeTestKit();
const { as, auditBy, refused } = kit;

const ROUND = "测试届第一轮巡察";

/** The China day `offset` days from today, as the server counts days. */
const day = (offset: number) => addDays(chinaDate(), offset);

/** The sheet's rows as plain values (dates as YYYY-MM-DD), row 1 first. */
async function sheetRows(res: LightMyRequestResponse): Promise<unknown[][]> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(values.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null))));
  });
  return rows;
}

describe("巡前情况通报 export", () => {
  it("lists each request per target with its department and status, for the office and the leading group only", async () => {
    const w = await buildWorld(kit.t.database.db);
    const db = kit.t.database.db;
    const c = w.committee.id;
    const [audit] = await db
      .insert(partnerDepartments)
      .values({ committeeId: c, name: "县审计局", kind: "audit" })
      .returning();
    const [petition] = await db
      .insert(partnerDepartments)
      .values({ committeeId: c, name: "县信访局", kind: "petition" })
      .returning();
    const login = async (a: { id: string; username: string }): Promise<As> =>
      Object.assign(await loginAs(kit.t.app, a.username), { id: a.id });
    const partner = await login(
      await buildAccount(db, { committeeId: c, role: "partnerDept", partnerDepartmentId: audit!.id }),
    );
    const office = await as(w, "office");
    const post = async (body: Record<string, unknown>) => {
      const res = await office.post("/api/briefings", { roundId: w.round.id, ...body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: string };
    };
    const dueAudit = day(7);
    const dueDisc = day(-1);
    const r1 = await post({
      partnerDepartmentId: audit!.id,
      targetIds: [w.targetA.id, w.targetB.id],
      topics: ["audit", "clue"],
      note: "请通报近三年审计发现的问题",
      dueOn: dueAudit,
    });
    await post({
      partnerDepartmentId: petition!.id,
      targetIds: [w.targetA.id],
      topics: ["petition"],
      dueOn: dueDisc,
    });
    const answer = await partner.post(`/api/briefings/${r1.id}/answers`, {
      targetId: w.targetA.id,
      content: "2024年审计发现专项资金滞留 120 万元。",
    });
    expect(answer.statusCode, answer.body).toBe(200);

    const url = (q = "") => `/api/briefings/export?roundId=${w.round.id}${q}`;
    const res = await office.get(url());
    expect(res.headers["content-disposition"]).toContain(
      encodeURIComponent(`${ROUND}巡前情况通报情况表.xlsx`),
    );
    const rows = await sheetRows(res);
    expect(rows[0]![0]).toBe(`${ROUND}巡前情况通报情况表`);
    expect(rows[1]).toEqual([
      "序号",
      "通报单位",
      "单位类别",
      "通报内容",
      "具体要求",
      "被巡察对象",
      "巡察组",
      "报送截止日期",
      "通报状态",
      "最近报送时间",
      "报送次数",
      "逾期报送",
    ]);
    const data = rows.slice(2);
    // Newest request first, its targets by name; one row per request and target.
    const [targetFirst, targetSecond] = [w.targetA, w.targetB].sort((x, y) => (x.name < y.name ? -1 : 1));
    expect(data.map((r) => [r[0], r[1], r[5], r[8]])).toEqual([
      [1, "县信访局", w.targetA.name, "已逾期"],
      [2, "县审计局", targetFirst!.name, targetFirst === w.targetA ? "已通报" : "待通报"],
      [3, "县审计局", targetSecond!.name, targetSecond === w.targetA ? "已通报" : "待通报"],
    ]);
    const answeredRow = data.find((r) => r[1] === "县审计局" && r[5] === w.targetA.name)!;
    expect(answeredRow).toEqual([
      expect.any(Number),
      "县审计局",
      "审计",
      "审计报告及发现问题、违纪违法问题线索",
      "请通报近三年审计发现的问题",
      w.targetA.name,
      w.groupA.name,
      dueAudit,
      "已通报",
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      1,
      "否",
    ]);
    // The answer's content is never in the export.
    expect(JSON.stringify(rows)).not.toContain("专项资金");
    expect((await auditBy(office.id, "briefing.export"))[0]).toMatchObject({
      committeeId: c,
      summary: { roundId: w.round.id, requests: 2, rows: 3 },
    });

    // Filters: one department; the requests' status.
    const leadership = await as(w, "leadership");
    const onlyAudit = (await sheetRows(await leadership.get(url(`&partnerDepartmentId=${audit!.id}`)))).slice(
      2,
    );
    expect(onlyAudit.map((r) => r[1])).toEqual(["县审计局", "县审计局"]);
    const overdue = (await sheetRows(await leadership.get(url("&status=overdue")))).slice(2);
    expect(overdue.map((r) => r[1])).toEqual(["县信访局"]);

    // The leading group of a committee above reads the list, and so the export.
    const parent = await buildCommittee(db);
    await db.update(committees).set({ parentId: parent.id }).where(eq(committees.id, c));
    const upperLeadership = await login(
      await buildAccount(db, { committeeId: parent.id, role: "leadership" }),
    );
    expect((await sheetRows(await upperLeadership.get(url()))).slice(2)).toHaveLength(3);

    for (const s of [partner, await as(w, "leaderA"), await as(w, "memberA"), await as(w, "contactA")])
      await refused(s, (x) => x.get(url()), 403, "auth.forbidden");
    for (const s of [await as(w, "otherOffice"), await as(w, "otherLeadership")])
      await refused(s, (x) => x.get(url()), 404, "round.not_found");
  });
});
