import { randomUUID } from "node:crypto";
import {
  and,
  auditLog,
  commitments,
  count,
  eq,
  groupEvaluations,
  people,
  personJobs,
  personRelatives,
} from "@xuncha/db";
import { buildAccount, buildPerson, buildTarget } from "@xuncha/db/testing";
import { PERSON_LEDGER, readLedger, TRAINING_LEDGER } from "@xuncha/domain";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { errorOf, type Session } from "../../../test/client";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld } from "../../../test/world";

const kit = routeTestKit();

type PersonView = { id: string; name: string; pool: string; poolLabel: string; expertise: string[] };
const idsOf = (body: { items: PersonView[] }) => body.items.map((p) => p.id).sort();

/** An .xlsx built in memory, row 1 first. */
async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(session: Session, bytes: Uint8Array, filename = "人员库.xlsx") {
  const boundary = `----xuncha${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n",
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return session.request("POST", "/api/people/import", payload, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
}

const countPeople = async (committeeId: string) =>
  Number(
    (
      await kit.t.database.db.select({ n: count() }).from(people).where(eq(people.committeeId, committeeId))
    )[0]!.n,
  );

const countAudit = async (action: string, committeeId: string) =>
  Number(
    (
      await kit.t.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.committeeId, committeeId)))
    )[0]!.n,
  );

describe("people (pools)", () => {
  it("the office and leadership list their committee's pools, with filters and pages", async () => {
    const w = await buildWorld(kit.t.database.db);
    const c = w.committee.id;
    const auditor = await buildPerson(kit.t.database.db, {
      committeeId: c,
      name: "钱审计",
      pool: "talent",
      unit: "县审计局",
      expertise: ["审计", "财会"],
      available: false,
    });
    const all = Object.values(w.people).map((p) => p.id);
    for (const key of ["office", "leadership"] as const) {
      const session = await kit.as(w, key);
      const res = await session.get("/api/people?pageSize=200");
      expect(res.statusCode).toBe(200);
      expect(idsOf(res.json())).toEqual([...all, auditor.id].sort());
      expect(res.json().abilities.create).toBe(key === "office");
    }
    const office = await kit.as(w, "office");
    const leaders = (await office.get("/api/people?pool=leader")).json();
    expect(idsOf(leaders)).toEqual([w.people.leaderA.id, w.people.leaderB.id].sort());
    expect(leaders.items[0]).toMatchObject({ poolLabel: "组长库", roundsServed: 1, trainingTimes: 0 });
    expect(idsOf((await office.get(`/api/people?q=${encodeURIComponent("财会")}`)).json())).toEqual([
      auditor.id,
    ]);
    expect(idsOf((await office.get(`/api/people?q=${encodeURIComponent("审计局")}`)).json())).toEqual([
      auditor.id,
    ]);
    expect(
      idsOf((await office.get(`/api/people?expertise=${encodeURIComponent("审计,财会")}`)).json()),
    ).toEqual([auditor.id]);
    expect((await office.get(`/api/people?expertise=${encodeURIComponent("审计,纪检")}`)).json().total).toBe(
      0,
    );
    expect((await office.get("/api/people?available=false")).json().total).toBe(1);
    expect((await office.get("/api/people?pageSize=2&page=3")).json()).toMatchObject({ total: 5, page: 3 });
    expect((await office.get("/api/people?pageSize=2&page=3")).json().items).toHaveLength(1);
  });

  it("another committee sees none of them (404 on one); groups, contacts and reviewers are refused", async () => {
    const w = await buildWorld(kit.t.database.db);
    const other = await kit.as(w, "otherOffice");
    const ids = idsOf((await other.get("/api/people?pageSize=200")).json());
    for (const p of Object.values(w.people)) expect(ids).not.toContain(p.id);
    const id = w.people.memberA.id;
    expect((await other.get(`/api/people/${id}`)).statusCode).toBe(404);
    await kit.refused(other, (s) => s.patch(`/api/people/${id}`, { name: "改名" }), 404, "person.not_found");
    await kit.refused(
      other,
      (s) => s.post(`/api/people/${id}/jobs`, { unit: "县财政局", startMonth: "2020-01" }),
      404,
      "person.not_found",
    );
    const otherLeadership = await kit.as(w, "otherLeadership");
    expect((await otherLeadership.get(`/api/people/${id}`)).statusCode).toBe(404);
    for (const key of ["leaderA", "memberA", "contactA", "discipline", "organization", "sysAdmin"] as const) {
      const session = await kit.as(w, key);
      for (const url of [
        "/api/people",
        `/api/people/${id}`,
        "/api/people/export",
        "/api/people/stats",
        "/api/trainings",
        "/api/trainings/export",
      ]) {
        expect((await session.get(url)).statusCode, `${key} ${url}`).toBe(403);
      }
      await kit.refused(
        session,
        (s) => s.post(`/api/people/${id}/relatives`, { relation: "spouse", name: "某" }),
        403,
        "auth.forbidden",
      );
    }
  });

  it("the office adds a person, linked to an account and a target of its committee, and edits them", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await kit.as(w, "office");
    const account = await buildAccount(kit.t.database.db, { committeeId: w.committee.id });
    const res = await office.post("/api/people", {
      name: "孙组长",
      pool: "leader",
      sex: "男",
      birthMonth: "1972-08",
      unit: "县纪委监委",
      unitTargetId: w.targetA.id,
      post: "副书记",
      expertise: ["纪检", "纪检", " 组织 "],
      joinedOn: "2024-01-15",
      email: "sun@example.cn",
      accountId: account.id,
    });
    expect(res.statusCode).toBe(201);
    const person = res.json();
    expect(person).toMatchObject({
      name: "孙组长",
      pool: "leader",
      expertise: ["纪检", "组织"],
      joinedOn: "2024-01-15",
      available: true,
      email: "sun@example.cn",
      unitTargetId: w.targetA.id,
      accountId: account.id,
      abilities: { update: true },
    });
    expect(await kit.audited("person.create", person.id)).toHaveLength(1);

    const patched = await office.patch(`/api/people/${person.id}`, {
      pool: "talent",
      available: false,
      rank: "正科级",
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      pool: "talent",
      available: false,
      rank: "正科级",
      name: "孙组长",
    });
    const [updated] = await kit.audited("person.update", person.id);
    expect(updated!.summary).toMatchObject({ changes: { pool: { from: "leader", to: "talent" } } });

    const twice = await office.post("/api/people", { name: "重复", pool: "talent", accountId: account.id });
    expect(errorOf(twice).code).toBe("person.account_linked");
    const foreign = await office.post("/api/people", {
      name: "外县",
      pool: "talent",
      accountId: w.accounts.otherOffice.id,
    });
    expect(errorOf(foreign).code).toBe("account.not_found");
    const otherTarget = await buildTarget(kit.t.database.db, { committeeId: w.other.id });
    await kit.refused(
      office,
      (s) => s.patch(`/api/people/${person.id}`, { unitTargetId: otherTarget.id }),
      404,
      "target.not_found",
    );
    const bad = await office.post("/api/people", { name: "某人", pool: "talent", birthMonth: "1972/8" });
    expect(errorOf(bad).code).toBe("request.invalid");
    const unknown = await office.post("/api/people", { name: "某人", pool: "talent", nickname: "x" });
    expect(errorOf(unknown).code).toBe("request.invalid");
    const leadership = await kit.as(w, "leadership");
    await kit.refused(
      leadership,
      (s) => s.post("/api/people", { name: "某人", pool: "talent" }),
      403,
      "auth.forbidden",
    );
    await kit.refused(
      leadership,
      (s) => s.patch(`/api/people/${person.id}`, { rank: "x" }),
      403,
      "auth.forbidden",
    );
  });
});

describe("a person's history", () => {
  it("the office keeps work history, relatives and ties; leadership reads them; every write is audited", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await kit.as(w, "office");
    const id = w.people.memberA.id;

    const job = await office.post(`/api/people/${id}/jobs`, {
      unit: "县财政局",
      targetId: w.targetB.id,
      post: "科员",
      startMonth: "2015-03",
      endMonth: "2019-06",
    });
    expect(job.statusCode).toBe(201);
    expect(job.json()).toMatchObject({ unit: "县财政局", current: false, targetId: w.targetB.id });
    const current = await office.post(`/api/people/${id}/jobs`, { unit: "县教育局", startMonth: "2019-07" });
    expect(current.json()).toMatchObject({ endMonth: null, current: true });
    expect(
      errorOf(await office.post(`/api/people/${id}/jobs`, { unit: "县教育局", startMonth: "2019-7" })).code,
    ).toBe("request.invalid");
    await kit.refused(
      office,
      (s) =>
        s.post(`/api/people/${id}/jobs`, { unit: "县教育局", startMonth: "2019-07", endMonth: "2019-06" }),
      422,
      "person.months_invalid",
    );
    const edited = await office.request("PUT", `/api/people/${id}/jobs/${current.json().id}`, {
      unit: "县教育局",
      post: "股长",
      startMonth: "2019-07",
      endMonth: "2023-12",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ post: "股长", endMonth: "2023-12", current: false });

    const relative = await office.post(`/api/people/${id}/relatives`, {
      relation: "spouse",
      name: "李某",
      unit: "乙单位",
      targetId: w.targetB.id,
      post: "副主任",
      inLeadership: true,
    });
    expect(relative.statusCode).toBe(201);
    expect(relative.json()).toMatchObject({ relationLabel: "配偶", inLeadership: true });
    const tie = await office.post(`/api/people/${id}/ties`, {
      kind: "superior",
      officialName: "赵某",
      targetId: w.targetA.id,
      post: "局长",
      startMonth: "2020-01",
    });
    expect(tie.statusCode).toBe(201);
    expect(tie.json()).toMatchObject({ kindLabel: "对方曾是其上级", current: true });

    // Records belong to their person: another person's id does not reach them.
    const otherPerson = w.people.memberB.id;
    await kit.refused(
      office,
      (s) => s.request("DELETE", `/api/people/${otherPerson}/ties/${tie.json().id}`),
      404,
      "person.record_not_found",
    );
    const otherTarget = await buildTarget(kit.t.database.db, { committeeId: w.other.id });
    await kit.refused(
      office,
      (s) =>
        s.post(`/api/people/${id}/relatives`, { relation: "lineal", name: "王某", targetId: otherTarget.id }),
      404,
      "target.not_found",
    );

    for (const key of ["office", "leadership"] as const) {
      const session = await kit.as(w, key);
      const page = (await session.get(`/api/people/${id}`)).json();
      expect(page.jobs.map((j: { unit: string }) => j.unit)).toEqual(["县财政局", "县教育局"]);
      expect(page.jobs[0]).toMatchObject({ targetName: w.targetB.name });
      expect(page.relatives).toHaveLength(1);
      expect(page.ties).toHaveLength(1);
      expect(page.abilities).toEqual({ update: key === "office", editHistory: key === "office" });
    }
    const leadership = await kit.as(w, "leadership");
    await kit.refused(
      leadership,
      (s) =>
        s.post(`/api/people/${id}/ties`, { kind: "subordinate", officialName: "某", startMonth: "2020-01" }),
      403,
      "auth.forbidden",
    );

    const deleted = await office.request("DELETE", `/api/people/${id}/relatives/${relative.json().id}`);
    expect(deleted.json()).toEqual({ deleted: true });
    expect((await office.get(`/api/people/${id}`)).json().relatives).toEqual([]);
    expect(await kit.audited("person.job.create", job.json().id)).toHaveLength(1);
    expect(await kit.audited("person.job.update", current.json().id)).toHaveLength(1);
    expect(await kit.audited("person.relative.create", relative.json().id)).toHaveLength(1);
    expect(await kit.audited("person.relative.delete", relative.json().id)).toHaveLength(1);
    expect(await kit.audited("person.tie.create", tie.json().id)).toHaveLength(1);
  });

  it("shows the rounds served, pledges signed and the evaluations of their groups, from the records", async () => {
    const w = await buildWorld(kit.t.database.db);
    const db = kit.t.database.db;
    const id = w.people.leaderA.id;
    await db
      .insert(commitments)
      .values([
        {
          committeeId: w.committee.id,
          roundId: w.round.id,
          personId: id,
          kind: "confidentiality",
          signedOn: "2026-02-27",
          recordedBy: w.accounts.office.id,
        },
        {
          committeeId: w.committee.id,
          roundId: w.round.id,
          personId: id,
          kind: "integrity",
          signedOn: "2026-02-27",
          recordedBy: w.accounts.office.id,
        },
      ])
      .onConflictDoNothing(); // the world may have signed them already
    await db.insert(groupEvaluations).values([
      {
        committeeId: w.committee.id,
        roundId: w.round.id,
        groupId: w.groupA.id,
        scores: [{ code: "problems", title: "发现问题", max: 30, score: 27 }],
        total: "91.50",
        grade: "优秀",
        evaluatedBy: w.accounts.office.id,
      },
      {
        committeeId: w.committee.id,
        roundId: w.round.id,
        groupId: w.groupB.id,
        scores: [],
        total: "70",
        grade: "一般",
        evaluatedBy: w.accounts.office.id,
      },
    ]);
    const office = await kit.as(w, "office");
    const page = (await office.get(`/api/people/${id}`)).json();
    expect(page.rounds).toEqual([
      expect.objectContaining({
        roundId: w.round.id,
        roundLabel: "测试届第一轮",
        groupId: w.groupA.id,
        role: "leader",
        roleLabel: "组长",
      }),
    ]);
    expect(page.commitments.map((c: { kindLabel: string }) => c.kindLabel).sort()).toEqual(
      ["保密承诺书", "廉洁履职承诺书"].sort(),
    );
    expect(page.evaluations).toEqual([
      expect.objectContaining({ groupId: w.groupA.id, total: 91.5, grade: "优秀", roleLabel: "组长" }),
    ]);
  });
});

describe("trainings", () => {
  it("the office records trainings with attendees; person-times per person, per training and in total", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await kit.as(w, "office");
    const { leaderA, memberA, memberB } = w.people;
    const first = await office.post("/api/trainings", {
      title: "2026年巡察业务培训班",
      heldOn: "2026-02-20",
      hours: 16,
      attendeeIds: [leaderA.id, memberA.id, memberA.id],
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ personTimes: 2, hours: 16 });
    const second = await office.post("/api/trainings", {
      title: "财务审计专题培训",
      heldOn: "2025-06-01",
      attendeeIds: [memberA.id],
    });
    expect((await kit.audited("training.create", second.json().id))[0]!.summary).toMatchObject({
      attendees: 1,
    });

    const list = (await office.get("/api/trainings")).json();
    expect(list).toMatchObject({ total: 2, personTimes: 3 });
    expect(list.items.map((t: { title: string }) => t.title)).toEqual([
      "2026年巡察业务培训班",
      "财务审计专题培训",
    ]);
    expect((await office.get("/api/trainings?year=2025")).json()).toMatchObject({ total: 1, personTimes: 1 });

    // The register as Excel: every training (not one page), attendees named with their pool.
    const exported = await office.get("/api/trainings/export");
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers["content-disposition"]).toContain(encodeURIComponent("巡察业务培训登记表.xlsx"));
    const sheet = await readLedger(exported.rawPayload, TRAINING_LEDGER);
    expect(sheet.errors).toEqual([]);
    expect(sheet.rows.map((r) => r.values)).toMatchObject([
      { title: "2026年巡察业务培训班", hours: 16, personTimes: 2 },
      { title: "财务审计专题培训", personTimes: 1, attendees: `${memberA.name}（人才库）` },
    ]);
    expect(String(sheet.rows[0]!.values.attendees)).toContain(`${leaderA.name}（组长库）`);
    const [exportEntry] = await kit.auditBy(office.id, "training.export");
    expect(exportEntry!.summary).toMatchObject({ count: 2, personTimes: 3 });
    const year2025 = await readLedger(
      (await office.get("/api/trainings/export?year=2025")).rawPayload,
      TRAINING_LEDGER,
    );
    expect(year2025.rows).toHaveLength(1);
    const page = (await office.get(`/api/people/${memberA.id}`)).json();
    expect(page).toMatchObject({ trainingTimes: 2, trainingHours: 16 });

    const stats = (await office.get("/api/people/stats")).json();
    expect(stats).toMatchObject({
      leaderPool: 2,
      talentPool: 2,
      trainings: 2,
      personTimes: 3,
      peopleTrained: 2,
    });
    expect((await office.get("/api/people/stats?year=2026")).json()).toMatchObject({
      trainings: 1,
      personTimes: 2,
    });
    const leadership = await kit.as(w, "leadership");
    expect((await leadership.get("/api/people/stats")).json()).toMatchObject({
      leaderPool: 2,
      personTimes: 3,
    });
    expect((await leadership.get("/api/trainings")).json().total).toBe(2);

    const updated = await office.request("PUT", `/api/trainings/${first.json().id}`, {
      title: "2026年巡察业务培训班",
      heldOn: "2026-02-20",
      hours: 16,
      attendeeIds: [leaderA.id, memberB.id],
    });
    expect(
      updated
        .json()
        .attendees.map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual([leaderA.id, memberB.id].sort());
    expect((await office.get(`/api/people/${memberA.id}`)).json().trainingTimes).toBe(1);

    const stranger = await buildPerson(kit.t.database.db, { committeeId: w.other.id });
    await kit.refused(
      office,
      (s) => s.post("/api/trainings", { title: "x", heldOn: "2026-01-01", attendeeIds: [stranger.id] }),
      404,
      "person.not_found",
    );
    const other = await kit.as(w, "otherOffice");
    expect((await other.get("/api/trainings")).json().total).toBe(0);
    await kit.refused(
      other,
      (s) => s.request("DELETE", `/api/trainings/${first.json().id}`),
      404,
      "training.not_found",
    );
    await kit.refused(
      leadership,
      (s) => s.request("DELETE", `/api/trainings/${first.json().id}`),
      403,
      "auth.forbidden",
    );
    expect((await office.request("DELETE", `/api/trainings/${second.json().id}`)).json()).toEqual({
      deleted: true,
    });
    expect(await kit.audited("training.delete", second.json().id)).toHaveLength(1);
    expect((await office.get("/api/trainings")).json()).toMatchObject({ total: 1, personTimes: 2 });
  });
});

describe("巡察人员库 import and export", () => {
  const header = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "政治面貌",
    "工作单位",
    "职务",
    "职级",
    "业务特长",
    "入库类别",
    "入库时间",
    "参加巡察轮次",
    "回避情形",
    "联系电话",
  ];

  it("refuses a bad file naming every bad row in Chinese, and writes nothing", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await kit.as(w, "office");
    await buildPerson(kit.t.database.db, {
      committeeId: w.committee.id,
      name: "双胞",
      birthMonth: "1990-01",
    });
    await buildPerson(kit.t.database.db, {
      committeeId: w.committee.id,
      name: "双胞",
      birthMonth: "1990-01",
    });
    const file = await xlsx([
      ["××县委巡察办巡察人员库"],
      header,
      [
        1,
        "张三",
        "男",
        "1980-05",
        "中共党员",
        "县财政局",
        "科长",
        "",
        "财会",
        "人才库",
        "2024-01-01",
        "",
        "",
        "",
      ],
      [2, null, "男", "1980-05", "", "", "", "", "", "人才库", "", "", "", ""],
      [3, "李四", "男", "1980-13", "", "", "", "", "", "组长库", "", "", "", ""],
      [4, "王五", "未知", "1981-01", "", "", "", "", "", "专家库", "", "", "", ""],
      [5, "张 三", "男", "1980年5月", "", "", "", "", "", "人才库", "", "", "", ""],
      [6, "双胞", "女", "1990-01", "", "", "", "", "", "人才库", "", "", "", ""],
    ]);
    const before = await countPeople(w.committee.id);
    const res = await upload(office, file);
    expect(res.statusCode).toBe(422);
    const error = errorOf(res);
    expect(error.code).toBe("import.invalid_rows");
    expect(error.message).toBe("导入文件中有 5 行错误，未导入任何数据");
    expect(error.details).toEqual({
      errors: [
        { row: 4, column: "姓名", message: "不能为空" },
        { row: 5, column: "出生年月", message: expect.stringContaining("不是有效的年月") },
        { row: 6, column: "性别", message: expect.stringContaining("应为：男、女") },
        { row: 6, column: "入库类别", message: expect.stringContaining("应为：组长库、人才库") },
        { row: 7, column: "姓名", message: "与第 3 行的“张 三”（1980-05）重复" },
        { row: 8, column: "姓名", message: expect.stringContaining("库中有 2 名姓名和出生年月都相同") },
      ],
    });
    expect(await countPeople(w.committee.id)).toBe(before);
    expect(await countAudit("person.import", w.committee.id)).toBe(0);

    const missing = await upload(
      office,
      await xlsx([
        ["序号", "姓名", "性别"],
        [1, "张三", "男"],
      ]),
    );
    expect(errorOf(missing)).toMatchObject({
      code: "import.missing_columns",
      details: { missingColumns: ["入库类别"] },
    });
    expect(errorOf(await upload(office, Buffer.from("姓名,入库类别\n张三,人才库\n"))).code).toBe(
      "file.type_not_allowed",
    );
    const leadership = await kit.as(w, "leadership");
    expect((await upload(leadership, file)).statusCode).toBe(403);
  });

  it("reads headers by synonym, parses 回避情形 into records, keeps the rest as notes, and updates by name + birth month", async () => {
    const w = await buildWorld(kit.t.database.db);
    const c = w.committee.id;
    const office = await kit.as(w, "office");
    const known = await buildPerson(kit.t.database.db, {
      committeeId: c,
      name: "周敏",
      birthMonth: "1978-11",
      pool: "talent",
      phone: "13900000000",
      rank: "四级调研员",
    });
    const file = await xlsx([
      [
        "编号",
        "人员姓名",
        "性别",
        "出生日期",
        "政治面貌",
        "所在单位",
        "现任职务",
        "级别",
        "专业特长",
        "人员类别",
        "入库日期",
        "巡察经历",
        "回避情况（曾任职单位、亲属任职单位）",
        "手机号码",
      ],
      [
        1,
        "吴刚",
        "男",
        "1976年3月",
        "中共党员",
        w.targetA.name,
        "副局长",
        "副处级",
        "纪检、审计",
        "组长",
        "2023年5月",
        "十三届县委第五轮(组长)",
        `曾任职单位：${w.targetB.name} 科长 2012-01至2016-12、县水利局；亲属任职单位：妻子 郑某 县人民医院 副院长（班子成员）`,
        13800001111,
      ],
      [2, "周敏", "女", "1978-11", "", "", "", "", "财会", "组长库", "", "", "", ""],
    ]);
    const res = await upload(office, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      imported: 2,
      created: 1,
      updated: 1,
      jobsAdded: 1,
      relativesAdded: 1,
      withRecusalNote: 1,
    });
    expect(await countAudit("person.import", c)).toBe(1);
    const [wu] = await kit.t.database.db
      .select()
      .from(people)
      .where(and(eq(people.committeeId, c), eq(people.name, "吴刚")));
    expect(wu).toMatchObject({
      sex: "男",
      birthMonth: "1976-03",
      unit: w.targetA.name,
      unitTargetId: w.targetA.id,
      expertise: ["纪检", "审计"],
      pool: "leader",
      joinedOn: "2023-05-01",
      phone: "13800001111",
      roundsNote: "十三届县委第五轮(组长)",
      recusalNote: "县水利局",
    });
    const jobs = await kit.t.database.db.select().from(personJobs).where(eq(personJobs.personId, wu!.id));
    expect(jobs).toEqual([
      expect.objectContaining({
        unit: w.targetB.name,
        targetId: w.targetB.id,
        post: "科长",
        startMonth: "2012-01",
        endMonth: "2016-12",
      }),
    ]);
    const relatives = await kit.t.database.db
      .select()
      .from(personRelatives)
      .where(eq(personRelatives.personId, wu!.id));
    expect(relatives).toEqual([
      expect.objectContaining({ relation: "spouse", name: "郑某", unit: "县人民医院", inLeadership: true }),
    ]);
    // The known person was updated, not duplicated: blank cells kept what the pools held.
    const [zhou] = await kit.t.database.db.select().from(people).where(eq(people.id, known.id));
    expect(zhou).toMatchObject({
      pool: "leader",
      sex: "女",
      expertise: ["财会"],
      phone: "13900000000",
      rank: "四级调研员",
    });
    expect((await office.get("/api/people?q=周敏")).json().total).toBe(1);
  });

  it("exports the pools with rounds from the records and 回避情形 from the history; the export imports back unchanged", async () => {
    const w = await buildWorld(kit.t.database.db);
    const c = w.committee.id;
    const office = await kit.as(w, "office");
    const id = w.people.leaderA.id;
    await office.patch(`/api/people/${id}`, {
      name: "陈组长",
      birthMonth: "1970-02",
      sex: "男",
      unit: "县委组织部",
      expertise: ["组织", "纪检"],
      joinedOn: "2022-03-01",
      phone: "0571-1234567",
      roundsNote: "十三届县委第三轮(组员)",
      recusalNote: "岳父在县交通局工作",
    });
    await office.post(`/api/people/${id}/jobs`, {
      unit: "县财政局",
      post: "科员",
      startMonth: "2015-03",
      endMonth: "2019-06",
    });
    await office.post(`/api/people/${id}/relatives`, {
      relation: "spouse",
      name: "李某",
      unit: "县卫健委",
      post: "副主任",
      inLeadership: true,
    });

    const exported = await office.get("/api/people/export?pool=leader");
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-disposition"]).toContain(encodeURIComponent("巡察人员库.xlsx"));
    const read = await readLedger(exported.rawPayload, PERSON_LEDGER);
    expect(read.errors).toEqual([]);
    expect(read.headerRow).toBe(2);
    expect(read.rows).toHaveLength(2);
    const chen = read.rows.find((r) => r.values.name === "陈组长")!.values;
    expect(chen).toMatchObject({
      birthMonth: "1970-02",
      pool: "leader",
      expertise: ["组织", "纪检"],
      joinedOn: "2022-03-01",
      roundsText: "测试届第一轮(组长)；十三届县委第三轮(组员)",
      recusalText:
        "曾任职单位：县财政局 科员 2015-03至2019-06；亲属任职单位：配偶 李某 县卫健委 副主任（班子成员）；岳父在县交通局工作",
      phone: "0571-1234567",
      available: "yes",
    });
    expect(await countAudit("person.export", c)).toBe(1);

    // Into the same committee: both people are matched and updated, no record added twice.
    const peopleBefore = await countPeople(c);
    const again = await upload(office, exported.rawPayload);
    expect(again.json()).toMatchObject({
      imported: 2,
      created: 0,
      updated: 2,
      jobsAdded: 0,
      relativesAdded: 0,
    });
    expect(await countPeople(c)).toBe(peopleBefore);
    const page = (await office.get(`/api/people/${id}`)).json();
    expect(page).toMatchObject({ roundsNote: "十三届县委第三轮(组员)", recusalNote: "岳父在县交通局工作" });
    expect(page.jobs).toHaveLength(1);
    expect(page.relatives).toHaveLength(1);

    // Into another committee: new people with the same history; its export reads the same.
    const other = await kit.as(w, "otherOffice");
    const imported = await upload(other, exported.rawPayload);
    expect(imported.json()).toMatchObject({ imported: 2, created: 2, jobsAdded: 1, relativesAdded: 1 });
    const back = await readLedger((await other.get("/api/people/export")).rawPayload, PERSON_LEDGER);
    const backChen = back.rows.find((r) => r.values.name === "陈组长")!.values;
    expect(backChen).toEqual({ ...chen, roundsText: "测试届第一轮(组长)；十三届县委第三轮(组员)" });
  });
});
