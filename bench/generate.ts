/**
 * Bench data generator: one county committee with 200 targets, one term, rounds × groups, and
 * 100,000 findings (a realistic mix of statuses, routes, feedback and close-outs), plus three accounts:
 * an office head (officeStaff, isHead), a group leader (a person linked to the account, leading
 * group 1 of the last two rounds) and an office staff member (not the head) who is also the liaison
 * of group 2 of the last round.
 *
 * Every table is filled with one set-based statement (`insert … select … from generate_series`),
 * never row by row. Pseudo-random choices come from hashint4extended(i, seed), so two runs with the
 * same options produce the same data.
 *
 * As a script: `tsx bench/generate.ts (--url postgres://… | --data-dir dir) [--findings 100000] [--no-vacuum]`
 * migrates the database (idempotent) and fills it. It needs a database without bench data.
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { type Db, migrateDatabase, openDatabase, queryRows, type SQL, sql, type Tx } from "@xuncha/db";
import { hashPassword } from "@xuncha/domain";

export const BENCH_PASSWORD = "Bench@Passw0rd";
export const OFFICE_USERNAME = "bench-office";
export const LEADER_USERNAME = "bench-leader";
export const STAFF_USERNAME = "bench-staff";

export interface GenerateOptions {
  findings?: number;
  targets?: number;
  rounds?: number;
  groupsPerRound?: number;
  /**
   * Run VACUUM ANALYZE at the end (default true): the state autovacuum reaches on PostgreSQL a minute
   * after a bulk load (statistics, visibility map for index-only scans). PGlite has no autovacuum.
   */
  vacuum?: boolean;
}

export interface Generated {
  committeeId: string;
  termId: string;
  /** Rounds by number, oldest first. */
  rounds: { id: string; number: number; stage: string; findings: number }[];
  office: { accountId: string; username: string };
  leader: { accountId: string; username: string; groupIds: string[] };
  /** Office staff, not the head (no clues), and the liaison of a group: visibility is an OR. */
  staff: { accountId: string; username: string };
  password: string;
  counts: Record<string, number>;
  /** Milliseconds per step, and in total. */
  timings: Record<string, number>;
  totalMs: number;
}

const TARGET_CATEGORIES = [
  "department",
  "township",
  "village",
  "community",
  "stateEnterprise",
  "school",
  "hospital",
  "secondLevelUnit",
];
const ORG_FORMS = ["党组", "党委", "党支部", "村(社区)党组织", "国有企业党委", "党总支", "党委", "党总支"];
const ROUND_KINDS = ["regular", "regular", "thematic", "regular", "mobile", "regular", "linked", "lookBack"];
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
const DEPARTMENTS = ["组织部", "教育局", "财政局", "住建局", "农业农村局"];

const TITLES = [
  "学习贯彻党的创新理论不深入，“第一议题”制度落实不到位",
  "落实全面从严治党主体责任不到位，“一岗双责”履行不力",
  "违反中央八项规定精神问题仍有发生，公务接待不规范",
  "“三重一大”事项未经集体研究决策，民主集中制执行不严格",
  "基层党组织建设薄弱，“三会一课”制度落实不到位",
  "农村集体“三资”管理混乱，资产资源发包不规范",
  "涉农专项资金使用监管不严，存在虚报冒领风险",
  "工程建设项目管理不规范，未批先建、先建后批",
  "选人用人工作不规范，干部档案管理存在缺项",
  "财务管理制度执行不严，大额资金支付审批缺失",
  "上轮巡察反馈问题整改不彻底，部分问题反弹回潮",
  "群众反映强烈的问题解决不及时，服务意识不强",
];

const DESCRIPTION_PARTS = [
  "经查阅会议记录、财务凭证和相关台账，发现该单位",
  "近三年来相关制度执行流于形式，部分事项未按规定程序办理，",
  "有关负责同志对问题认识不足，整改措施针对性不强，",
  "个别干部纪律意识淡薄，存在以会议落实会议、以文件落实文件的现象，",
  "经个别谈话和实地走访核实，群众对此反映较为集中。",
];

/** `array[$1, $2, …]::text[]`: a text array passed as parameters. */
const textArray = (values: readonly string[]): SQL =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** A pseudo-random integer in [0, 1000) for row `s`, independent per seed. */
const u = (seed: number) => sql.raw(`((hashint4extended(s, ${seed}) & 1048575) % 1000)`);

async function one<T>(tx: Tx, query: SQL): Promise<T> {
  const [row] = await queryRows<T>(tx, query);
  if (!row) throw new Error("bench generator: statement returned no row");
  return row;
}

/** Fills the database; see the file comment. Returns the ids the bench needs and the timings. */
export async function generate(db: Db, options: GenerateOptions = {}): Promise<Generated> {
  const N = options.findings ?? 100_000;
  const T = options.targets ?? 200;
  const R = options.rounds ?? 10;
  const G = options.groupsPerRound ?? 5;
  if (R < 3 || G < 1 || T < R * G)
    throw new Error("bench generator: need rounds ≥ 3 and targets ≥ rounds × groups");
  const perRound = Math.ceil(N / R);
  const timings: Record<string, number> = {};
  const started = performance.now();
  let last = started;
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - last);
    last = now;
  };

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  lap("passwordHash");

  const result = await db.transaction(async (tx) => {
    const existing = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from accounts where lower(username) in (${OFFICE_USERNAME}, ${LEADER_USERNAME}, ${STAFF_USERNAME})`,
    );
    if ((existing[0]?.n ?? 0) > 0) throw new Error("bench generator: the database already holds bench data");

    const { id: committeeId } = await one<{ id: string }>(
      tx,
      sql`with city as (insert into committees (name, level) values ('基准测试市委', 'city') returning id)
          insert into committees (parent_id, name, level)
          select id, '基准测试县委', 'county' from city returning id`,
    );

    await tx.execute(sql`
      insert into targets (committee_id, name, category, org_form, parent_org_name, sector, principal, phone)
      select ${committeeId}, '基准对象单位' || lpad(s::text, 4, '0'),
             (${textArray(TARGET_CATEGORIES)})[1 + s % ${TARGET_CATEGORIES.length}],
             (${textArray(ORG_FORMS)})[1 + s % ${ORG_FORMS.length}],
             '中共基准测试县委', '', '负责人' || s, '0771-' || lpad(s::text, 7, '0')
      from generate_series(1, ${T}::int) s`);
    lap("targets");

    const { id: termId } = await one<{ id: string }>(
      tx,
      sql`insert into terms (committee_id, name, starts_on, ends_on)
          values (${committeeId}, '基准测试届', date '2020-06-01', date '2026-05-31') returning id`,
    );

    // Round r starts 120 days after round r-1. Old rounds are archived and closed; the one before
    // last is in rectification; the last is in fieldwork.
    const rounds = await queryRows<{ id: string; number: number; stage: string }>(
      tx,
      sql`insert into rounds (committee_id, term_id, number, kind, theme, starts_on, ends_on, stage, status)
          select ${committeeId}, ${termId}, r, (${textArray(ROUND_KINDS)})[1 + (r - 1) % ${ROUND_KINDS.length}], '',
                 date '2020-09-01' + (r - 1) * 120, date '2020-09-01' + (r - 1) * 120 + 45,
                 case when r = ${R} then 'fieldwork' when r = ${R - 1} then 'rectification' else 'archiving' end,
                 case when r <= ${R - 2} then 'closed' else 'open' end
          from generate_series(1, ${R}::int) r
          returning id, number, stage`,
    );
    rounds.sort((a, b) => a.number - b.number);

    await tx.execute(sql`
      insert into groups (committee_id, round_id, number, name)
      select ${committeeId}, r.id, g, '第' || (${textArray(NUMERALS)})[g] || '巡察组'
      from rounds r cross join generate_series(1, ${G}::int) g
      where r.committee_id = ${committeeId}`);
    lap("termRoundsGroups");

    // Target k (by name) goes to round ((k-1) % R) + 1, to group ((k-1) / R) % G + 1 in it.
    await tx.execute(sql`
      insert into group_targets (group_id, target_id, round_id, committee_id)
      select g.id, t.id, r.id, ${committeeId}
      from (select id, row_number() over (order by name) as k from targets where committee_id = ${committeeId}) t
      join rounds r on r.committee_id = ${committeeId} and r.number = ((t.k - 1) % ${R}) + 1
      join groups g on g.round_id = r.id and g.number = ((t.k - 1) / ${R}) % ${G} + 1`);

    // Four people per group: a leader (组长库), a deputy and two members (人才库).
    await tx.execute(sql`
      with gs as (
        select g.id, r.number * 100 + g.number as gi
        from groups g join rounds r on r.id = g.round_id where g.committee_id = ${committeeId}
      ),
      slots(role, slot) as (values ('leader', 1), ('deputy', 2), ('member', 3), ('member', 4)),
      ins as (
        insert into people (committee_id, name, pool, unit, post)
        select ${committeeId}, '基准人员' || gs.gi || '-' || slots.slot,
               case when slots.role = 'leader' then 'leader' else 'talent' end, '基准测试县委巡察办', '干部'
        from gs cross join slots
        returning id, name
      )
      insert into group_members (group_id, person_id, committee_id, role)
      select gs.id, ins.id, ${committeeId}, slots.role
      from gs cross join slots join ins on ins.name = '基准人员' || gs.gi || '-' || slots.slot`);
    lap("groupTargetsPeople");

    const office = await one<{ id: string }>(
      tx,
      sql`insert into accounts (committee_id, username, display_name, password_hash)
          values (${committeeId}, ${OFFICE_USERNAME}, '基准巡察办主任', ${passwordHash}) returning id`,
    );
    await tx.execute(sql`
      insert into role_assignments (account_id, role, committee_id, is_head)
      values (${office.id}, 'officeStaff', ${committeeId}, true)`);
    const leader = await one<{ id: string }>(
      tx,
      sql`insert into accounts (committee_id, username, display_name, password_hash)
          values (${committeeId}, ${LEADER_USERNAME}, '基准组长', ${passwordHash}) returning id`,
    );
    // The leader of group 1 of the last round gets the account, and also leads group 1 of the round before.
    const lastRound = rounds[rounds.length - 1]!;
    const previousRound = rounds[rounds.length - 2]!;
    const person = await one<{ id: string }>(
      tx,
      sql`update people set account_id = ${leader.id}
          where id = (select gm.person_id from group_members gm join groups g on g.id = gm.group_id
                      where g.round_id = ${lastRound.id} and g.number = 1 and gm.role = 'leader')
          returning id`,
    );
    await tx.execute(sql`
      update group_members set person_id = ${person.id}
      where role = 'leader' and group_id = (select id from groups where round_id = ${previousRound.id} and number = 1)`);
    const leaderGroups = await queryRows<{ id: string }>(
      tx,
      sql`select group_id as id from group_members where person_id = ${person.id} order by group_id`,
    );
    // An office staff member (not the head) who is also the liaison (联络员) of group 2 of the last round.
    const staff = await one<{ id: string }>(
      tx,
      sql`insert into accounts (committee_id, username, display_name, password_hash)
          values (${committeeId}, ${STAFF_USERNAME}, '基准巡察办干部', ${passwordHash}) returning id`,
    );
    await tx.execute(sql`
      insert into role_assignments (account_id, role, committee_id, is_head)
      values (${staff.id}, 'officeStaff', ${committeeId}, false)`);
    await tx.execute(sql`
      with p as (
        insert into people (committee_id, name, pool, unit, post, account_id)
        values (${committeeId}, '基准巡察办干部', 'talent', '基准测试县委巡察办', '干部', ${staff.id}) returning id
      )
      insert into group_members (group_id, person_id, committee_id, role)
      select g.id, p.id, ${committeeId}, 'liaison' from p, groups g where g.round_id = ${lastRound.id} and g.number = 2`);
    // Every group member signed both pledges of the round (保密 and 廉洁): without them a membership
    // grants nothing (LIFECYCLE 1).
    await tx.execute(sql`
      insert into commitments (committee_id, round_id, person_id, kind, signed_on, recorded_by)
      select ${committeeId}, g.round_id, gm.person_id, k.kind, r.starts_on, ${office.id}
      from group_members gm
      join groups g on g.id = gm.group_id
      join rounds r on r.id = g.round_id
      cross join (values ('confidentiality'), ('integrity')) k(kind)
      where g.committee_id = ${committeeId}`);
    lap("accounts");

    // One feedback (反馈) per target inspected in every round but the last.
    await tx.execute(sql`
      insert into feedbacks (committee_id, round_id, target_id, given_on, form, requirements, created_by)
      select ${committeeId}, gt.round_id, gt.target_id, r.starts_on + 75,
             case when r.number % 2 = 0 then 'meeting' else 'written' end, '按期完成整改，并报送整改报告', ${office.id}
      from group_targets gt join rounds r on r.id = gt.round_id
      where gt.committee_id = ${committeeId} and r.number < ${R}`);
    lap("feedbacks");

    // Finding s belongs to round (s-1) / perRound + 1, numbered (s-1) % perRound + 1 in it, and goes
    // to a pseudo-random target of that round (with the target's group and feedback).
    //  - last round (fieldwork): 45% draft, 45% approved, 10% returned; not decided yet.
    //  - other rounds: 2% returned, else approved and decided: 75% rectify, 15% department, 10% clue.
    //  - rectify findings of fed-back rounds are fed back; closed out: 95% in old rounds, 60% in
    //    the third-to-last, 15% in the one in rectification.
    const descriptions = DESCRIPTION_PARTS.join("");
    await tx.execute(sql`
      with rt as (
        select r.number as rn, r.id as round_id, r.starts_on, gt.group_id, gt.target_id, f.id as feedback_id,
               row_number() over (partition by r.number order by t.name) as j,
               count(*) over (partition by r.number) as cnt
        from group_targets gt
        join rounds r on r.id = gt.round_id
        join targets t on t.id = gt.target_id
        left join feedbacks f on f.round_id = gt.round_id and f.target_id = gt.target_id
        where gt.committee_id = ${committeeId}
      ),
      rc as (select distinct rn, cnt from rt),
      base as (
        select s, (s - 1) / ${perRound} + 1 as rn, (s - 1) % ${perRound} + 1 as n,
               ${u(1)} as u_status, ${u(2)} as u_route, ${u(3)} as u_close, ${u(4)} as u_severity,
               ${u(5)} as u_title, ${u(6)} as u_category, ${u(7)} as u_time, ${u(8)} as u_target
        from generate_series(1, ${N}::int) s
      ),
      f as (
        select b.*, rt.round_id, rt.group_id, rt.target_id, rt.feedback_id as round_feedback_id,
               rt.starts_on::timestamptz + ((b.n::float8 / ${perRound}) * interval '40 days') + (b.u_time * interval '1 minute') as created,
               case
                 when b.rn = ${R} then case when b.u_status < 450 then 'draft' when b.u_status < 900 then 'approved' else 'returned' end
                 else case when b.u_status < 20 then 'returned' else 'approved' end
               end as status
        from base b
        join rc on rc.rn = b.rn
        join rt on rt.rn = b.rn and rt.j = 1 + b.u_target % rc.cnt
      ),
      d as (
        select f.*,
               case when f.status = 'approved' and f.rn < ${R} then
                 case when f.u_route < 750 then 'rectify' when f.u_route < 900 then 'department' else 'clue' end
               end as route
        from f
      )
      insert into findings (committee_id, round_id, group_id, target_id, number, title, description, scheme, category,
                            severity, status, created_by, approved_by, approved_at, route, route_dept, decided_by,
                            decided_at, feedback_id, closed_at, created_at, updated_at)
      select ${committeeId}, d.round_id, d.group_id, d.target_id, d.n,
             (${textArray(TITLES)})[1 + d.u_title % ${TITLES.length}],
             ${descriptions} || '（第' || d.n || '项）',
             case when d.u_category < 600 then 'sixDisciplines' else 'threeFocuses' end,
             case when d.u_category < 600 then 'sixDisciplines.' || (1 + d.u_category % 6)
                  else 'threeFocuses.' || (1 + d.u_category % 4) end,
             case when d.u_severity < 700 then 'general' when d.u_severity < 930 then 'serious' else 'severe' end,
             d.status, ${office.id},
             case when d.status = 'approved' then ${leader.id}::uuid end,
             case when d.status = 'approved' then d.created + interval '2 days' end,
             d.route,
             case when d.route = 'department' then (${textArray(DEPARTMENTS)})[1 + d.u_route % ${DEPARTMENTS.length}] else '' end,
             case when d.route is not null then ${office.id}::uuid end,
             case when d.route is not null then d.created + interval '50 days' end,
             case when d.route = 'rectify' then d.round_feedback_id end,
             case when d.route = 'rectify' and (
                    (d.rn <= ${R - 3} and d.u_close < 950) or (d.rn = ${R - 2} and d.u_close < 600)
                    or (d.rn = ${R - 1} and d.u_close < 150))
                  then d.created + interval '200 days' + d.u_close * interval '1 hour' end,
             d.created, d.created
      from d`);
    lap("findings");

    await tx.execute(sql`
      update rounds r set next_finding_number = coalesce(
        (select max(number) + 1 from findings f where f.round_id = r.id), 1)
      where r.committee_id = ${committeeId}`);

    const perRoundCounts = await queryRows<{ id: string; findings: number }>(
      tx,
      sql`select round_id as id, count(*)::int as findings from findings
          where committee_id = ${committeeId} group by round_id`,
    );
    const countOf = (id: string) => perRoundCounts.find((c) => c.id === id)?.findings ?? 0;
    const counts = await one<Record<string, number>>(
      tx,
      sql`select (select count(*)::int from targets where committee_id = ${committeeId}) as targets,
                 (select count(*)::int from groups where committee_id = ${committeeId}) as groups,
                 (select count(*)::int from group_members where committee_id = ${committeeId}) as "groupMembers",
                 (select count(*)::int from feedbacks where committee_id = ${committeeId}) as feedbacks,
                 (select count(*)::int from findings where committee_id = ${committeeId}) as findings,
                 (select count(*)::int from findings where committee_id = ${committeeId} and status = 'draft') as drafts,
                 (select count(*)::int from findings where committee_id = ${committeeId} and route = 'clue') as clues,
                 (select count(*)::int from findings where committee_id = ${committeeId} and feedback_id is not null) as "fedBack",
                 (select count(*)::int from findings where committee_id = ${committeeId} and closed_at is not null) as closed`,
    );
    lap("counts");
    return {
      committeeId,
      termId,
      rounds: rounds.map((r) => ({ ...r, findings: countOf(r.id) })),
      office: { accountId: office.id, username: OFFICE_USERNAME },
      leader: { accountId: leader.id, username: LEADER_USERNAME, groupIds: leaderGroups.map((g) => g.id) },
      staff: { accountId: staff.id, username: STAFF_USERNAME },
      password: BENCH_PASSWORD,
      counts,
      timings,
      totalMs: 0,
    };
  });
  lap("commit");

  if (options.vacuum ?? true) {
    await db.execute(sql`vacuum analyze`);
    lap("vacuumAnalyze");
  }
  result.timings = timings;
  result.totalMs = Math.round(performance.now() - started);
  return result;
}

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      "data-dir": { type: "string" },
      findings: { type: "string", default: "100000" },
      "no-vacuum": { type: "boolean", default: false },
    },
  });
  if (!values.url && !values["data-dir"]) {
    throw new Error(
      "usage: tsx bench/generate.ts (--url postgres://… | --data-dir dir) [--findings N] [--no-vacuum]",
    );
  }
  const database = await openDatabase({ url: values.url, dataDir: values["data-dir"] });
  try {
    await migrateDatabase(database);
    const generated = await generate(database.db, {
      findings: Number(values.findings),
      vacuum: !values["no-vacuum"],
    });
    console.log(JSON.stringify({ ...generated, database: database.kind }, null, 2));
    console.log(
      `Generated ${generated.counts.findings} findings in ${(generated.totalMs / 1000).toFixed(1)} s`,
    );
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
