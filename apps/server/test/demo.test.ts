import { queryRows, sql } from "@xuncha/db";
import {
  AppError,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  type DemoSummary,
  loadDemo,
  loadTipKeyring,
  TARGET_CATEGORIES,
  type TipKeyring,
  verifyAuditChain,
} from "@xuncha/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs } from "./client";
import { createTestApp, type TestApp } from "./test-app";

// The demo's tips are sealed with the installation's tip key; the app reads them with the same one.
process.env.XUNCHA_TIP_KEY ??= "6b".repeat(32);

let t: TestApp;
let tipKeys: TipKeyring;
let summary: DemoSummary;
/** The demo's main county, found through its office account (usernames are unique). */
let county: string;

beforeAll(async () => {
  t = await createTestApp();
  // On PostgreSQL the test database is shared with other files, so it may already hold committees.
  tipKeys = loadTipKeyring({ env: process.env, dataDir: t.app.deps.config.dataDir });
  summary = await loadDemo(t.database.db, { allowExisting: true, tipKeys });
  const [row] = await queryRows<{ committee_id: string }>(
    t.database.db,
    sql`select committee_id from accounts where username = 'office'`,
  );
  county = row!.committee_id;
}, 240_000);
afterAll(() => t.close());

const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(t.database.db, query);

describe("demo data", () => {
  it("refuses to load into a database that has committees", async () => {
    await expect(loadDemo(t.database.db, { tipKeys })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "demo.not_empty",
    );
  });

  it("has at least 100 targets of the county covering every category, and 40 people in the pools", async () => {
    const byCategory = await rows<{ category: string; n: number }>(
      sql`select category, count(*)::int as n from targets where committee_id = ${county} group by category`,
    );
    expect(byCategory.reduce((s, r) => s + r.n, 0)).toBeGreaterThanOrEqual(100);
    expect(byCategory.map((r) => r.category).sort()).toEqual([...TARGET_CATEGORIES.keys].sort());
    const orphans = await rows<{ n: number }>(
      sql`select count(*)::int as n from targets where committee_id = ${county}
          and category in ('village', 'community') and parent_target_id is null`,
    );
    expect(orphans[0]!.n).toBe(0);
    const pools = await rows<{ pool: string; n: number }>(
      sql`select pool, count(*)::int as n from people where committee_id = ${county} group by pool order by pool`,
    );
    expect(pools).toEqual([
      { pool: "leader", n: 8 },
      { pool: "talent", n: 32 },
    ]);
    expect(summary.targets).toBeGreaterThanOrEqual(100);
  });

  it("has four rounds of one term in four different stages, each with groups and targets", async () => {
    const rounds = await rows<{ number: number; stage: string; groups: number; targets: number }>(
      sql`select r.number, r.stage,
            (select count(*)::int from groups g where g.round_id = r.id) as groups,
            (select count(*)::int from group_targets gt where gt.round_id = r.id) as targets
          from rounds r where r.committee_id = ${county} order by r.number`,
    );
    expect(rounds.map((r) => r.stage)).toEqual(["rectification", "feedback", "fieldwork", "preparation"]);
    for (const r of rounds) {
      // The round in preparation has the one group formed so far.
      expect(r.groups).toBeGreaterThanOrEqual(r.stage === "preparation" ? 1 : 2);
      expect(r.targets).toBeGreaterThanOrEqual(r.groups);
    }
  });

  it("has measures in every state of the ledger, including a reopened finding", async () => {
    const office = await loginAs(t.app, "office", DEMO_PASSWORD);
    const ledger = (await office.get("/api/rectification/ledger")).json() as {
      items: { state: string }[];
      sums: { rulesMade: number; moneyRecovered: number; accountablePersons: number };
    };
    expect(new Set(ledger.items.map((i) => i.state))).toEqual(
      new Set(["noPlan", "inProgress", "overdue", "reported", "closed"]),
    );
    // Measures reported done carry outcomes: rules made, money recovered, people held accountable.
    expect(ledger.sums.rulesMade).toBeGreaterThan(0);
    expect(ledger.sums.moneyRecovered).toBeGreaterThan(0);
    expect(ledger.sums.accountablePersons).toBeGreaterThan(0);
    const reopened = await rows<{ reason: string; closed: boolean }>(
      sql`select c.reason, f.closed_at is not null as closed from close_outs c join findings f on f.id = c.finding_id
          where c.committee_id = ${county} and c.action = 'reopen'`,
    );
    expect(reopened.length).toBeGreaterThan(0);
    expect(reopened.every((r) => r.reason !== "" && !r.closed)).toBe(true);
    const dueSoon = await rows<{ n: number }>(
      sql`select count(*)::int as n from measures where committee_id = ${county}
          and deadline between current_date and current_date + 7`,
    );
    expect(dueSoon[0]!.n).toBeGreaterThan(0);
  });

  it("keeps findings consistent with their feedback, clue and close-out rows", async () => {
    const [broken] = await rows<Record<string, number>>(
      sql`select
            count(*) filter (where f.route = 'clue' and f.feedback_id is not null)::int as clue_fed_back,
            count(*) filter (where f.route = 'clue' and not exists (select 1 from clues c where c.finding_id = f.id))::int as clue_without_row,
            count(*) filter (where f.feedback_id is not null and not exists (
              select 1 from feedbacks b where b.id = f.feedback_id and b.target_id = f.target_id))::int as feedback_missing,
            count(*) filter (where f.closed_at is not null and not exists (
              select 1 from close_outs c where c.finding_id = f.id and c.action = 'close'))::int as closed_without_row
          from findings f where f.committee_id = ${county}`,
    );
    expect(broken).toEqual({
      clue_fed_back: 0,
      clue_without_row: 0,
      feedback_missing: 0,
      closed_without_row: 0,
    });
  });

  it("has clues with dispositions, cases filed and persons sanctioned, readable by the 纪委监委", async () => {
    const jiwei = await loginAs(t.app, "jiwei", DEMO_PASSWORD);
    const res = await jiwei.get("/api/clues");
    expect(res.statusCode).toBe(200);
    const [stats] = await rows<{
      dispositions: string[];
      cases: number;
      sanctioned: number;
      pending: number;
    }>(
      sql`select array_agg(distinct disposition) filter (where disposition is not null) as dispositions,
            count(*) filter (where case_filed)::int as cases,
            sum(sanctioned_persons)::int as sanctioned,
            count(*) filter (where disposition is null)::int as pending
          from clues where committee_id = ${county}`,
    );
    expect([...stats!.dispositions].sort()).toEqual(["closed", "inquiry", "preliminaryCheck", "shelved"]);
    expect(stats!.cases).toBeGreaterThan(0);
    expect(stats!.sanctioned).toBeGreaterThan(0);
    expect(stats!.pending).toBeGreaterThan(0);
  });

  it("lets every demo account log in with the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const session = await loginAs(t.app, account.username, DEMO_PASSWORD);
      expect(session.csrfToken).not.toBe("");
    }
  });

  it("gives group1 and member1 their group through membership, and target1 only its own target", async () => {
    const [membership] = await rows<{ roles: string[]; stage: string }>(
      sql`select array_agg(gm.role order by gm.role) as roles, min(r.stage) as stage
          from group_members gm join people p on p.id = gm.person_id join groups g on g.id = gm.group_id
          join rounds r on r.id = g.round_id join accounts a on a.id = p.account_id
          where a.username in ('group1', 'member1') and g.number = 1`,
    );
    expect(membership).toEqual({ roles: ["leader", "member"], stage: "fieldwork" });

    const target1 = await loginAs(t.app, "target1", DEMO_PASSWORD);
    const ledger = (await target1.get("/api/rectification/ledger")).json() as {
      items: { state: string; target: { id: string } }[];
    };
    expect(new Set(ledger.items.map((i) => i.target.id)).size).toBe(1);
    expect(new Set(ledger.items.map((i) => i.state)).size).toBeGreaterThanOrEqual(4);
  });

  it("has both pledges for every person of the demo accounts' groups, so group1 and member1 get their grants", async () => {
    const unsigned = await rows<{ username: string | null }>(
      sql`select a.username from group_members gm join groups g on g.id = gm.group_id
          join people p on p.id = gm.person_id left join accounts a on a.id = p.account_id
          where gm.committee_id = ${county}
            and (select count(*) from commitments c where c.round_id = g.round_id and c.person_id = p.id
                 and c.kind in ('confidentiality', 'integrity')) < 2`,
    );
    // One person of an open round is left unsigned to show the gap; never a listed demo account.
    expect(unsigned).toHaveLength(1);
    expect(DEMO_ACCOUNTS.map((a) => a.username as string)).not.toContain(unsigned[0]!.username);
    for (const [username, role] of [
      ["group1", "groupLeader"],
      ["member1", "groupMember"],
    ] as const) {
      const session = await loginAs(t.app, username, DEMO_PASSWORD);
      const me = (await session.get("/api/auth/me")).json() as {
        grants: { role: string; groupId?: string }[];
      };
      expect(me.grants.map((g) => g.role)).toContain(role);
      const findingsRes = await session.get("/api/findings");
      expect(findingsRes.statusCode).toBe(200);
      expect((findingsRes.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
    }
  });

  it("has people with work history, relatives, ties, trainings and one imported with notes", async () => {
    const office = await loginAs(t.app, "office", DEMO_PASSWORD);
    const [pastJob] = await rows<{ person_id: string; target_id: string }>(
      sql`select person_id, target_id from person_jobs where committee_id = ${county}
          and start_month = '2019-03' and end_month = '2023-06' and target_id is not null`,
    );
    const person = (await office.get(`/api/people/${pastJob!.person_id}`)).json() as {
      jobs: { startMonth: string; endMonth: string | null; targetId: string | null }[];
      rounds: unknown[];
      pledges?: unknown[];
    };
    expect(person.jobs.some((j) => j.targetId === pastJob!.target_id && j.endMonth === "2023-06")).toBe(true);
    expect(person.jobs.some((j) => j.endMonth === null)).toBe(true);
    expect(person.rounds.length).toBeGreaterThan(0);

    const [facts] = await rows<Record<string, number>>(
      sql`select
            (select count(distinct person_id)::int from person_jobs where committee_id = ${county}) as with_jobs,
            (select count(*)::int from people where committee_id = ${county}) as people,
            (select count(*)::int from people where committee_id = ${county} and unit_target_id is not null) as linked,
            (select count(*)::int from person_jobs where committee_id = ${county} and end_month is null and target_id is not null) as current_in_target,
            (select count(*)::int from person_relatives where committee_id = ${county} and relation = 'spouse' and in_leadership and post = '党委书记') as spouse_leaders,
            (select count(*)::int from person_ties where committee_id = ${county} and kind = 'superior') as superiors,
            (select count(*)::int from people where committee_id = ${county} and recusal_note <> '' and rounds_note <> '') as imported,
            (select count(*)::int from people where committee_id = ${county} and not available) as unavailable`,
    );
    expect(facts!.with_jobs).toBe(facts!.people);
    expect(facts!.linked).toBeGreaterThan(3);
    expect(facts!.current_in_target).toBeGreaterThan(0);
    expect(facts!.spouse_leaders).toBe(1);
    expect(facts!.superiors).toBe(1);
    expect(facts!.imported).toBe(1);
    expect(facts!.unavailable).toBe(3);

    const trainings = await rows<{ n: number }>(
      sql`select count(*)::int as n from training_attendees a join trainings t on t.id = a.training_id
          where t.committee_id = ${county} group by t.id`,
    );
    expect(trainings).toHaveLength(3);
    for (const tr of trainings) expect(tr.n).toBeGreaterThanOrEqual(10);
  });

  it("has a term plan with exclusions, an accepted proposal, and a thematic round in preparation with its group", async () => {
    const office = await loginAs(t.app, "office", DEMO_PASSWORD);
    const terms = (await office.get("/api/planning/terms")).json() as {
      id: string;
      committeeId: string;
      plannedRounds: number;
    }[];
    const term = terms.find((x) => x.committeeId === county)!;
    expect(term.plannedRounds).toBe(8);
    const coverage = (await office.get(`/api/planning/terms/${term.id}/coverage`)).json() as {
      totals: Record<string, number>;
      targets: { status: string; exclusionReason: string | null }[];
    };
    for (const status of ["covered", "scheduled", "excluded", "planned"])
      expect(coverage.totals[status]).toBeGreaterThan(0);
    expect(coverage.targets.filter((x) => x.status === "excluded").every((x) => x.exclusionReason)).toBe(
      true,
    );

    const [prep] = await rows<{ id: string; theme: string; kind: string }>(
      sql`select id, theme, kind from rounds where committee_id = ${county} and stage = 'preparation'`,
    );
    expect(prep!.kind).toBe("thematic");
    expect(prep!.theme).toContain("教育");
    const draws = (await office.get(`/api/rounds/${prep!.id}/draws`)).json() as {
      id: string;
      excluded: { reasons: string[] }[];
    }[];
    expect(draws).toHaveLength(2);
    expect(draws.some((d) => d.excluded.some((e) => e.reasons.some((r) => r.startsWith("回避"))))).toBe(true);
    for (const d of draws) {
      const replay = (await office.get(`/api/draws/${d.id}/replay`)).json() as {
        replay: { matches: boolean };
      };
      expect(replay.replay.matches).toBe(true);
    }
  });

  it("has one recusal conflict in a formed group, overridden by the leading group with its reason", async () => {
    const leader = await loginAs(t.app, "leader", DEMO_PASSWORD);
    const recusal = await rows<{ round_id: string }>(
      sql`select round_id from recusal_overrides where committee_id = ${county}`,
    );
    expect(recusal).toHaveLength(1);
    const view = (await leader.get(`/api/rounds/${recusal[0]!.round_id}/recusal`)).json() as {
      conflicts: { overridden: boolean }[];
      overrides: { reason: string }[];
    };
    expect(view.conflicts.length).toBeGreaterThan(0);
    expect(view.conflicts.every((c) => c.overridden)).toBe(true);
    expect(view.overrides[0]!.reason).not.toBe("");
  });

  it("has numbered documents that download as .docx, the serials restarting with the year", async () => {
    const office = await loginAs(t.app, "office", DEMO_PASSWORD);
    const [fieldwork] = await rows<{ id: string }>(
      sql`select id from rounds where committee_id = ${county} and stage = 'fieldwork'`,
    );
    const list = (await office.get(`/api/rounds/${fieldwork!.id}/documents`)).json() as {
      items: { id: string; kind: string; number: string }[];
    };
    expect(list.items.map((d) => d.kind).sort()).toEqual(["announcement", "authorization", "immediateFix"]);
    for (const d of list.items) {
      const file = await office.get(`/api/documents/${d.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
    }
    const numbers = await rows<{ year: number; serial: number }>(
      sql`select year, serial from documents where committee_id = ${county} order by year, serial`,
    );
    const years = [...new Set(numbers.map((n) => n.year))];
    expect(years.length).toBeGreaterThanOrEqual(2);
    for (const y of years) expect(numbers.find((n) => n.year === y)!.serial).toBe(1);
  });

  it("has work items done as the rounds went, a few overdue, and 一巡一评 with anonymous answers", async () => {
    const office = await loginAs(t.app, "office", DEMO_PASSWORD);
    const overdue = (await office.get("/api/work-items/overdue")).json() as { total: number };
    expect(overdue.total).toBeGreaterThan(0);
    const [items] = await rows<{ past: number; past_done: number; total: number }>(
      sql`select count(*) filter (where w.stage = 'preparation' and r.stage <> 'preparation')::int as past,
            count(*) filter (where w.stage = 'preparation' and r.stage <> 'preparation' and w.done_on is not null)::int as past_done,
            count(*)::int as total
          from work_items w join rounds r on r.id = w.round_id where w.committee_id = ${county}`,
    );
    expect(items!.past_done / items!.past).toBeGreaterThan(0.8);
    expect(items!.past_done).toBeLessThan(items!.past);
    expect(overdue.total).toBeLessThan(items!.total / 5);

    const [rectification] = await rows<{ id: string }>(
      sql`select id from rounds where committee_id = ${county} and stage = 'rectification'`,
    );
    const sheet = (await office.get(`/api/rounds/${rectification!.id}/evaluations`)).json() as {
      groups: { evaluation: { grade: string } | null; conduct: { responses: number } }[];
    };
    expect(sheet.groups.length).toBeGreaterThan(0);
    for (const g of sheet.groups) {
      expect(g.evaluation?.grade).toBeTruthy();
      expect(g.conduct.responses).toBeGreaterThan(0);
    }
  });

  it("gives every finding a workpaper numbered per group, signed, reviewed and approved as far as the finding went", async () => {
    const [state] = await rows<Record<string, number>>(
      sql`with w as (
            select f.id, f.status, f.approved_at, f.approved_by, wp.id as wp, wp.reviewed_at, wp.created_by,
              (select count(*)::int from workpaper_signatures s where s.workpaper_id = wp.id and s.revoked_at is null) as signed,
              (select max(s.signed_at) from workpaper_signatures s where s.workpaper_id = wp.id) as last_signed,
              (select gm.person_id from group_members gm where gm.group_id = f.group_id and gm.role = 'leader') as leader
            from findings f left join workpapers wp on wp.finding_id = f.id where f.committee_id = ${county})
          select count(*) filter (where wp is null)::int as missing,
            count(*) filter (where status = 'approved' and (signed < 2 or reviewed_at is null
              or reviewed_at < last_signed or approved_at < reviewed_at))::int as approved_out_of_order,
            count(*) filter (where status = 'approved' and approved_by is distinct from
              (select account_id from people p where p.id = leader))::int as approved_not_by_leader,
            count(*) filter (where status = 'draft' and signed = 1)::int as partly_signed,
            count(*) filter (where status = 'draft' and signed = 2 and reviewed_at is not null)::int as awaiting_approval,
            count(*) filter (where status <> 'approved' and reviewed_at is not null and signed < 2)::int as reviewed_unsigned
          from w`,
    );
    expect(state).toMatchObject({
      missing: 0,
      approved_out_of_order: 0,
      approved_not_by_leader: 0,
      reviewed_unsigned: 0,
    });
    expect(state!.partly_signed).toBeGreaterThan(0);
    expect(state!.awaiting_approval).toBeGreaterThan(0);
    const gaps = await rows<{ n: number; top: number }>(
      sql`select count(*)::int as n, max(number)::int as top from workpapers where committee_id = ${county} group by group_id`,
    );
    for (const g of gaps) expect(g.top).toBe(g.n);
    const sources = await rows<{ source: string }>(
      sql`select distinct source from workpapers where committee_id = ${county} and (source_record_id is not null or source = 'other')`,
    );
    expect(sources.map((x) => x.source).sort()).toEqual(
      ["briefing", "document", "interview", "other", "survey", "tip", "visit"].sort(),
    );

    // member1 reads a workpaper of the group: number, source, persons, signatures; target1 does not.
    const member1 = await loginAs(t.app, "member1", DEMO_PASSWORD);
    const [own] = await rows<{ id: string }>(
      sql`select f.id from findings f join workpapers w on w.finding_id = f.id join groups g on g.id = f.group_id
          join people p on p.account_id = (select id from accounts where username = 'member1')
          join group_members gm on gm.group_id = g.id and gm.person_id = p.id
          where f.status = 'approved' order by f.number limit 1`,
    );
    const wp = (await member1.get(`/api/findings/${own!.id}/workpaper`)).json() as {
      exists: boolean;
      code: string;
      summary: string;
      persons: { name: string; post: string }[];
      signatures: unknown[];
      review: { by: string } | null;
      approval: { by: string } | null;
    };
    expect(wp.exists).toBe(true);
    expect(wp.code).toMatch(/^第一组-\d{3}$/);
    expect(wp.summary).not.toBe("");
    expect(wp.persons.length).toBeGreaterThan(0);
    expect(wp.signatures.length).toBeGreaterThanOrEqual(2);
    expect(wp.review?.by).toBeTruthy();
    expect(wp.approval?.by).toBe("李志强");
    const target1 = await loginAs(t.app, "target1", DEMO_PASSWORD);
    expect((await target1.get(`/api/findings/${own!.id}/workpaper`)).statusCode).toBeGreaterThanOrEqual(403);
  });

  it("has a dozen tips of the fieldwork round, sealed, by every channel and in every handling state", async () => {
    const [round] = await rows<{ id: string }>(
      sql`select id from rounds where committee_id = ${county} and stage = 'fieldwork'`,
    );
    const office = await loginAs(t.app, "office", DEMO_PASSWORD);
    const list = (await office.get(`/api/tips?roundId=${round!.id}`)).json() as {
      id: string;
      status: string;
      channel: string;
      named: boolean;
      groupId: string | null;
    }[];
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(new Set(list.map((x) => x.status))).toEqual(
      new Set(["new", "routed", "used", "handedOver", "answered", "filed"]),
    );
    for (const channel of ["web", "letter", "phone", "visit"])
      expect(list.some((x) => x.channel === channel)).toBe(true);
    expect(new Set(list.map((x) => x.named))).toEqual(new Set([true, false]));
    // Sealed at rest, opened with the installation's key.
    const [raw] = await rows<{ content: Uint8Array }>(
      sql`select content from tips where id = ${list[0]!.id}`,
    );
    const tip = (await office.get(`/api/tips/${list[0]!.id}`)).json() as { text: string };
    expect(tip.text).toMatch(/[\u4e00-\u9fff]{10}/);
    expect(Buffer.from(raw!.content).includes(Buffer.from(tip.text.slice(0, 8)))).toBe(false);
    const [used] = await rows<{ n: number }>(
      sql`select count(*)::int as n from tips t join workpapers w on w.source_record_id = t.id and w.finding_id = t.finding_id
          where t.round_id = ${round!.id} and t.status = 'used'`,
    );
    expect(used!.n).toBeGreaterThan(0);

    // member1 sees the tips routed to group 1 only; target1 none; the custodian has a request to decide.
    const member1 = await loginAs(t.app, "member1", DEMO_PASSWORD);
    const mine = (await member1.get(`/api/tips?roundId=${round!.id}`)).json() as { groupId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((x) => x.groupId)).size).toBe(1);
    expect(mine.length).toBeLessThan(list.length);
    const target1 = await loginAs(t.app, "target1", DEMO_PASSWORD);
    expect((await target1.get(`/api/tips?roundId=${round!.id}`)).statusCode).toBe(403);
    expect((await target1.get(`/api/tips/${list[0]!.id}`)).statusCode).toBe(403);
    const custodian = await loginAs(t.app, "custodian", DEMO_PASSWORD);
    const me = (await custodian.get("/api/auth/me")).json() as { grants: { role: string }[] };
    expect(me.grants.map((g) => g.role)).toEqual(["tipCustodian"]);
    const reveals = (await custodian.get("/api/tip-reveals")).json() as { status: string; reason: string }[];
    expect(reveals.filter((r) => r.status === "pending")).toHaveLength(1);
  });

  it("has partner departments with accounts, briefings answered and pending, and the groups' pre-inspection lists", async () => {
    const departments = await rows<{ name: string; usernames: string[] }>(
      sql`select d.name, array_agg(a.username order by a.username) as usernames from partner_departments d
          join role_assignments r on r.partner_department_id = d.id and r.role = 'partnerDept'
          join accounts a on a.id = r.account_id where d.committee_id = ${county} group by d.name order by d.name`,
    );
    expect(departments.flatMap((d) => d.usernames).sort()).toEqual(
      ["caizheng", "jiwei", "shenji", "xinfang", "zuzhibu"].sort(),
    );
    const statuses = new Set<string>();
    for (const username of ["jiwei", "zuzhibu", "shenji", "xinfang", "caizheng"]) {
      const session = await loginAs(t.app, username, DEMO_PASSWORD);
      const mine = (await session.get("/api/briefings/mine")).json() as {
        department: { name: string };
        targets: { status: string }[];
      }[];
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((r) => r.department.name)).size).toBe(1);
      for (const r of mine) for (const x of r.targets) statuses.add(x.status);
    }
    expect(statuses).toEqual(new Set(["answered", "pending", "overdue"]));

    const [round] = await rows<{ id: string }>(
      sql`select id from rounds where committee_id = ${county} and stage = 'fieldwork'`,
    );
    const group1 = await loginAs(t.app, "group1", DEMO_PASSWORD);
    const items = (await group1.get(`/api/pre-inspection-items?roundId=${round!.id}`)).json() as {
      departmentName: string | null;
      finding: { title: string } | null;
      groupId: string;
    }[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.groupId)).size).toBe(1);
    expect(items.some((i) => i.finding !== null)).toBe(true);
    expect(items.every((i) => i.departmentName)).toBe(true);
  });

  it("has interviews with at least two inspectors, document reviews and visits, read by the group and not by others", async () => {
    const [round] = await rows<{ id: string; group1: string }>(
      sql`select r.id, g.id as group1 from rounds r join groups g on g.round_id = r.id and g.number = 1
          where r.committee_id = ${county} and r.stage = 'fieldwork'`,
    );
    const [counts] = await rows<Record<string, number>>(
      sql`select
            (select count(*)::int from interviews i where i.committee_id = ${county}
              and (select count(*) from interview_inspectors x where x.interview_id = i.id) < 2) as alone,
            (select count(*)::int from interview_inspectors x join interviews i on i.id = x.interview_id
              where i.committee_id = ${county} and not exists (select 1 from group_members m
                where m.group_id = i.group_id and m.person_id = x.person_id)) as outsiders,
            (select count(*)::int from fieldwork_records where committee_id = ${county} and kind = 'docReview') as reviews,
            (select count(*)::int from fieldwork_records where committee_id = ${county} and kind = 'visit') as visits`,
    );
    expect(counts).toMatchObject({ alone: 0, outsiders: 0 });
    expect(counts!.reviews).toBeGreaterThan(0);
    expect(counts!.visits).toBeGreaterThan(0);

    const member1 = await loginAs(t.app, "member1", DEMO_PASSWORD);
    const interviews = (await member1.get(`/api/interviews?roundId=${round!.id}`)).json() as {
      id: string;
      groupId: string;
      status: string;
      hasRecord: boolean;
      inspectors: unknown[];
    }[];
    expect(interviews.length).toBeGreaterThan(3);
    expect(interviews.every((i) => i.groupId === round!.group1)).toBe(true);
    expect(new Set(interviews.map((i) => i.status))).toEqual(new Set(["held", "scheduled"]));
    const held = interviews.find((i) => i.hasRecord)!;
    const record = (await member1.get(`/api/interviews/${held.id}`)).json() as { record: string };
    expect(record.record).toContain("谈话对象");
    const records = (await member1.get(`/api/fieldwork-records?roundId=${round!.id}`)).json() as {
      groupId: string;
    }[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.groupId === round!.group1)).toBe(true);
    // Interviews are for the group, the office head and the leading group: not the rest of the office or a target.
    for (const username of ["office2", "target1"]) {
      const session = await loginAs(t.app, username, DEMO_PASSWORD);
      const res = await session.get(`/api/interviews?roundId=${round!.id}`);
      expect(res.statusCode === 200 ? res.json() : []).toEqual([]);
      expect((await session.get(`/api/interviews/${held.id}`)).statusCode).toBeGreaterThanOrEqual(403);
    }
  });

  it("has a survey with one-time codes and answers (one straight-lined), a 立行立改 notice and a midterm report", async () => {
    const group1 = await loginAs(t.app, "group1", DEMO_PASSWORD);
    const [round] = await rows<{ id: string }>(
      sql`select id from rounds where committee_id = ${county} and stage = 'fieldwork'`,
    );
    const surveys = (await group1.get(`/api/surveys?roundId=${round!.id}`)).json() as {
      items: { id: string }[];
    };
    expect(surveys.items).toHaveLength(1);
    const results = (await group1.get(`/api/surveys/${surveys.items[0]!.id}/results`)).json() as {
      responses: number;
      flaggedCount: number;
      survey: { codesIssued: number };
    };
    expect(results.responses).toBeGreaterThan(10);
    expect(results.flaggedCount).toBe(1);
    expect(results.survey.codesIssued).toBeGreaterThan(results.responses);

    const fixes = (await group1.get(`/api/immediate-fixes?roundId=${round!.id}`)).json() as {
      items: { status: string; notice: { number: string }; overdue: boolean }[];
    };
    expect(fixes.items).toHaveLength(1);
    expect(fixes.items[0]!.notice.number).toMatch(/^青巡立改〔\d{4}〕1号$/);
    expect(fixes.items[0]!.overdue).toBe(false);

    const reports = (await group1.get(`/api/reports?roundId=${round!.id}`)).json() as {
      items: { id: string; kind: string; status: string }[];
    };
    expect(reports.items.map((r) => `${r.kind}/${r.status}`)).toEqual(["midterm/draft"]);
    const report = (await group1.get(`/api/reports/${reports.items[0]!.id}`)).json() as {
      versions: unknown[];
      sections: { text: string }[];
    };
    expect(report.versions).toHaveLength(1);
    expect(report.sections.length).toBeGreaterThan(0);
  });

  it("has plans and reports in joint review in every state, reviewed by all four parties", async () => {
    const states = await rows<{ kind: string; status: string; n: number }>(
      sql`select kind, status, count(*)::int as n from review_subjects where committee_id = ${county}
          group by kind, status`,
    );
    const has = (kind: string, status: string) => states.some((r) => r.kind === kind && r.status === status);
    expect(has("plan", "passed") && has("plan", "underReview") && has("plan", "draft")).toBe(true);
    expect(has("progressReport", "passed")).toBe(true);
    expect(has("finalReport", "passed") && has("finalReport", "underReview")).toBe(true);
    expect(has("finalReport", "returned")).toBe(true);
    // A plan returned once and passed on its second version; every party answered both.
    const twice = await rows<{ parties: number }>(
      sql`select count(distinct r.party)::int as parties from review_subjects s
          join party_reviews r on r.subject_id = s.id
          where s.committee_id = ${county} and s.kind = 'plan' and s.status = 'passed'
            and exists (select 1 from review_versions v where v.subject_id = s.id and v.number = 2)
          group by s.id`,
    );
    expect(twice.length).toBeGreaterThan(0);
    expect(twice.every((r) => r.parties === 4)).toBe(true);
    // The principal signed off by account; target1head and jiwei see their own pending work.
    const head = await loginAs(t.app, "target1head", DEMO_PASSWORD);
    const mine = (await head.get("/api/rectification/subjects")).json() as { items: unknown[] };
    expect(mine.items.length).toBeGreaterThan(0);
    const jiwei = await loginAs(t.app, "jiwei", DEMO_PASSWORD);
    const toReview = (await jiwei.get("/api/rectification/subjects")).json() as {
      items: { myTurn: boolean }[];
    };
    expect(toReview.items.some((i) => i.myTurn)).toBe(true);
  });

  it("has escalation steps up the whole ladder, numbered letters, some acknowledged, and the sweep settled", async () => {
    const steps = await rows<{ step: string; letters: number; acknowledged: number }>(
      sql`select step, count(document_id)::int as letters, count(acknowledged_at)::int as acknowledged
          from escalation_steps where committee_id = ${county} group by step`,
    );
    expect(steps.map((s) => s.step).sort()).toEqual(
      ["accountability", "circulation", "reminder", "summons", "urgingLetter"].sort(),
    );
    expect(steps.find((s) => s.step === "reminder")!.letters).toBe(0);
    expect(steps.find((s) => s.step === "urgingLetter")!.letters).toBeGreaterThan(0);
    const acknowledged = steps.reduce((n, s) => n + s.acknowledged, 0);
    const letters = steps.reduce((n, s) => n + s.letters, 0);
    expect(acknowledged).toBeGreaterThan(0);
    expect(acknowledged).toBeLessThan(letters);
    // Today's sweep was run at load: running it again takes nothing.
    const office = await loginAs(t.app, "office", DEMO_PASSWORD);
    const again = (await office.post("/api/rectification/sweep", {})).json() as { steps: number };
    expect(again.steps).toBe(0);
  });

  it("has revisits (one reopening a problem), effect evaluations with grades, and a published disclosure", async () => {
    const [visits] = await rows<{ done: number; planned: number; reopening: number }>(
      sql`select count(*) filter (where status = 'done')::int as done,
                 count(*) filter (where status = 'planned')::int as planned,
                 count(*) filter (where cardinality(reopened_finding_ids) > 0)::int as reopening
          from revisits where committee_id = ${county}`,
    );
    expect(visits!.done).toBeGreaterThan(0);
    expect(visits!.planned).toBeGreaterThan(visits!.done);
    expect(visits!.reopening).toBe(1);
    const grades = await rows<{ grade: string }>(
      sql`select distinct grade from rectification_evaluations where committee_id = ${county}`,
    );
    expect(grades.length).toBeGreaterThan(1);
    const disclosures = await rows<{ status: string; file: boolean; withheld: number }>(
      sql`select status, published_file_id is not null as file, jsonb_array_length(withheld)::int as withheld
          from disclosures where committee_id = ${county} order by status`,
    );
    expect(disclosures).toEqual([
      { status: "published", file: true, withheld: 1 },
      { status: "submitted", file: false, withheld: 0 },
    ]);
  });

  it("starts a valid audit chain with one demo.load entry", async () => {
    const entries = await rows<{ summary: { findings: number } }>(
      sql`select summary from audit_log where action = 'demo.load' and committee_id = ${county}`,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary.findings).toBe(summary.findings);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
