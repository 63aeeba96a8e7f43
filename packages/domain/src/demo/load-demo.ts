import {
  closeOuts,
  clues,
  commitments,
  committees,
  conductCodes,
  conductResponses,
  count,
  type Db,
  feedbacks,
  findings,
  groupEvaluations,
  groupMembers,
  groups,
  groupTargets,
  measures,
  people,
  personJobs,
  personRelatives,
  personTies,
  progressUpdates,
  rounds,
  type Tx,
  targets,
  termExclusions,
  terms,
  trainingAttendees,
  trainings,
} from "@xuncha/db";
import { systemActor } from "../access/actor";
import { createAccount, type RoleInput } from "../accounts/create-account";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { buildDemoExtras, buildDemoRegistry, buildDemoWork, type DemoRegistry } from "./build-demo";
import { insertRows } from "./bulk-insert";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import type { DemoActors } from "./demo-rows";
import { runDemoUseCases } from "./load-use-cases";

export interface LoadDemoOptions {
  /** Same seed, same names: two loads give the same demo. */
  seed?: number;
  /** The day the demo is built around (deadlines, overdue items); today by default. */
  today?: Date;
  /**
   * Load even though committees exist. Only for tests on a shared database: by default the
   * demo refuses, so it is never loaded twice nor mixed into real data.
   */
  allowExisting?: boolean;
  /** Where the site is reached from outside: the announcements' QR codes point there. */
  publicBaseUrl?: string;
}

/** Rows written per table. */
export interface DemoSummary {
  committees: number;
  targets: number;
  people: number;
  personJobs: number;
  trainings: number;
  accounts: number;
  terms: number;
  rounds: number;
  groups: number;
  groupMembers: number;
  groupTargets: number;
  commitments: number;
  findings: number;
  clues: number;
  feedbacks: number;
  measures: number;
  progressUpdates: number;
  closeOuts: number;
  draws: number;
  planEntries: number;
  documents: number;
  workItems: number;
  groupEvaluations: number;
  conductResponses: number;
}

export const DEMO_SUMMARY_LABELS: Record<keyof DemoSummary, string> = {
  committees: "党委",
  targets: "被巡察对象",
  people: "巡察人员（组长库、人才库）",
  personJobs: "工作经历",
  trainings: "业务培训",
  accounts: "演示账号",
  terms: "届次",
  rounds: "巡察轮次",
  groups: "巡察组",
  groupMembers: "巡察组成员",
  groupTargets: "巡察组对象分工",
  commitments: "承诺书（保密、廉洁）",
  findings: "发现问题",
  clues: "问题线索",
  feedbacks: "反馈",
  measures: "整改措施",
  progressUpdates: "整改进展",
  closeOuts: "销号记录",
  draws: "随机抽取记录",
  planEntries: "已采纳的覆盖规划安排",
  documents: "公文（编号发文）",
  workItems: "工作事项",
  groupEvaluations: "一巡一评",
  conductResponses: "作风评价答卷",
};

export const DEFAULT_DEMO_SEED = 20260301;

/** Whether the database holds any committee (then the demo refuses to load). */
export async function hasCommittees(db: Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(committees);
  return (row?.n ?? 0) > 0;
}

/**
 * Loads the demo: a city with two counties, their targets and pools, a term with rounds in
 * different stages and everything that followed (findings, clues, feedback, rectification), and
 * one account per role (password DEMO_PASSWORD). One transaction; refuses a non-empty database.
 */
export async function loadDemo(db: Db, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  return db.transaction(async (tx) => {
    if (!options.allowExisting && (await hasCommittees(tx))) throw new AppError("demo.not_empty");
    const registry = buildDemoRegistry(seed, options.today ?? new Date());
    const counties = [registry.main, registry.second];
    await insertRows(tx, committees, [registry.city, ...counties.map((c) => c.committee)]);
    await insertRows(
      tx,
      targets,
      counties.flatMap((c) => c.targets),
    );

    const actors = await createDemoAccounts(tx, registry);
    registry.accountLeader.accountId = actors.group1;
    registry.accountMember.accountId = actors.member1;
    const work = buildDemoWork(registry, actors);
    const extras = buildDemoExtras(registry, actors, work);
    await insertRows(
      tx,
      people,
      counties.flatMap((c) => c.people),
    );
    await insertRows(tx, personJobs, extras.history.jobs);
    await insertRows(tx, personRelatives, extras.history.relatives);
    await insertRows(tx, personTies, extras.history.ties);
    await insertRows(tx, trainings, extras.history.trainings);
    await insertRows(tx, trainingAttendees, extras.history.attendees);

    await insertRows(tx, terms, work.terms);
    await insertRows(tx, termExclusions, extras.exclusions);
    await insertRows(tx, rounds, work.rounds);
    await insertRows(tx, groups, work.groups);
    await insertRows(tx, groupMembers, work.groupMembers);
    await insertRows(tx, groupTargets, work.groupTargets);
    await insertRows(tx, commitments, work.commitments);
    await insertRows(tx, findings, work.findings);
    await insertRows(tx, clues, work.clues);
    await insertRows(tx, feedbacks, work.feedbacks);
    await insertRows(tx, measures, work.measures);
    await insertRows(tx, progressUpdates, work.progressUpdates);
    await insertRows(tx, closeOuts, work.closeOuts);
    await insertRows(tx, groupEvaluations, extras.evaluations.evaluations);
    await insertRows(tx, conductCodes, extras.evaluations.conductCodes);
    await insertRows(tx, conductResponses, extras.evaluations.conductResponses);

    const accountGroup = work.groupMembers.find((m) => m.personId === registry.accountLeader.id);
    const done = await runDemoUseCases(tx, {
      cal: registry.cal,
      actors,
      main: { committee: registry.main.committee, targets: registry.main.targets },
      second: { committee: registry.second.committee },
      work,
      extras,
      accountGroupId: accountGroup?.groupId,
      showcaseTargetId: registry.showcaseTarget.id,
      publicBaseUrl: options.publicBaseUrl ?? "http://localhost:3000",
    });

    const summary: DemoSummary = {
      committees: 1 + counties.length,
      targets: counties.reduce((n, c) => n + c.targets.length, 0),
      people: counties.reduce((n, c) => n + c.people.length, 0),
      personJobs: extras.history.jobs.length,
      trainings: extras.history.trainings.length,
      accounts: DEMO_ACCOUNTS.length,
      terms: work.terms.length,
      rounds: work.rounds.length,
      groups: work.groups.length + done.groups,
      groupMembers: work.groupMembers.length + done.groupMembers,
      groupTargets: work.groupTargets.length + done.groupTargets,
      commitments: work.commitments.length + done.groupMembers * 2,
      findings: work.findings.length,
      clues: work.clues.length,
      feedbacks: work.feedbacks.length,
      measures: work.measures.length,
      progressUpdates: work.progressUpdates.length,
      closeOuts: work.closeOuts.length,
      draws: done.draws,
      planEntries: done.planEntries,
      documents: done.documents,
      workItems: done.workItems,
      groupEvaluations: extras.evaluations.evaluations.length,
      conductResponses: extras.evaluations.conductResponses.length,
    };
    await recordAudit(tx, systemActor("演示数据"), {
      action: "demo.load",
      entity: "committee",
      entityId: registry.main.committee.id,
      committeeId: registry.main.committee.id,
      summary: { seed, ...summary },
    });
    return summary;
  });
}

type Username = (typeof DEMO_ACCOUNTS)[number]["username"];

/** One account per role, scoped so that each can explore its part of the demo. */
async function createDemoAccounts(tx: Tx, registry: DemoRegistry): Promise<DemoActors> {
  const county = registry.main.committee.id;
  const scopes: Record<Username, { committeeId: string | null; roles: RoleInput[] }> = {
    office: { committeeId: county, roles: [{ role: "officeStaff", isHead: true }] },
    office2: { committeeId: county, roles: [{ role: "officeStaff" }] },
    leader: { committeeId: county, roles: [{ role: "leadership" }] },
    // Group roles follow from membership (people.account_id), not from assignments.
    group1: { committeeId: county, roles: [] },
    member1: { committeeId: county, roles: [] },
    jiwei: { committeeId: county, roles: [{ role: "disciplineReviewer" }] },
    zuzhibu: { committeeId: county, roles: [{ role: "organizationReviewer" }] },
    target1: {
      committeeId: county,
      roles: [{ role: "targetContact", targetId: registry.showcaseTarget.id }],
    },
    city: { committeeId: registry.city.id, roles: [{ role: "upperLevel" }] },
    sysadmin: { committeeId: null, roles: [{ role: "sysAdmin" }] },
    secadmin: { committeeId: null, roles: [{ role: "securityAdmin" }] },
    auditadmin: { committeeId: null, roles: [{ role: "auditAdmin" }] },
  };
  const actor = systemActor("演示数据");
  const ids = {} as Record<Username, string>;
  for (const account of DEMO_ACCOUNTS) {
    const scope = scopes[account.username];
    const created = await createAccount(tx, actor, {
      username: account.username,
      displayName: account.name,
      password: DEMO_PASSWORD,
      committeeId: scope.committeeId,
      roles: scope.roles,
    });
    ids[account.username] = created.id;
  }
  return {
    officeHead: ids.office,
    office: ids.office2,
    leader: ids.leader,
    group1: ids.group1,
    member1: ids.member1,
    target1: ids.target1,
  };
}
