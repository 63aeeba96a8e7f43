import { randomUUID } from "node:crypto";
import {
  accounts,
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
  roleAssignments,
  rounds,
  type Tx,
  targets,
  termExclusions,
  terms,
  trainingAttendees,
  trainings,
} from "@xuncha/db";
import { systemActor } from "../access/actor";
import type { RoleInput } from "../accounts/create-account";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/password";
import type { TipKeyring } from "../crypto/keyring";
import { AppError } from "../model/errors";
import { INSTALLATION_ADMIN_ROLES } from "../model/roles";
import { buildDemoExtras, buildDemoRegistry, buildDemoWork, type DemoRegistry } from "./build-demo";
import { buildDemoFieldwork } from "./build-fieldwork";
import { insertRows } from "./bulk-insert";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import type { DemoActors } from "./demo-rows";
import { insertFieldworkRows, runFieldworkUseCases } from "./load-fieldwork";
import { loadRectificationDemo } from "./load-rectification";
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
  /**
   * The installation's tip keys (loadTipKeyring), which seal the demo's tips as they seal real
   * ones: the server that serves the demo must read them with the same keys.
   */
  tipKeys: TipKeyring;
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
  inspectorAccounts: number;
  workpapers: number;
  interviews: number;
  fieldworkRecords: number;
  briefingRequests: number;
  tips: number;
  surveyResponses: number;
  immediateFixes: number;
  reports: number;
  contactAccounts: number;
  reviewSubjects: number;
  reviewVersions: number;
  partyReviews: number;
  escalationSteps: number;
  escalationLetters: number;
  revisits: number;
  rectificationEvaluations: number;
  disclosures: number;
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
  inspectorAccounts: "巡察干部账号",
  workpapers: "问题底稿",
  interviews: "个别谈话",
  fieldworkRecords: "查阅资料与调研走访",
  briefingRequests: "巡前情况通报请求",
  tips: "信访举报",
  surveyResponses: "问卷测评答卷",
  immediateFixes: "立行立改",
  reports: "中期汇报",
  contactAccounts: "新增账号（被巡察单位联系人、主要负责人等）",
  reviewSubjects: "整改方案及报告",
  reviewVersions: "联审提交版本",
  partyReviews: "联审意见",
  escalationSteps: "督办事项",
  escalationLetters: "督办文书",
  revisits: "回访督查",
  rectificationEvaluations: "整改成效评估",
  disclosures: "整改公开",
};

export const DEFAULT_DEMO_SEED = 20260301;

/** Whether the database holds any committee (then the demo refuses to load). */
export async function hasCommittees(db: Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(committees);
  return (row?.n ?? 0) > 0;
}

/**
 * Loads the demo: a city with two counties, their targets and pools, a term with rounds in
 * different stages and everything that followed (fieldwork: interviews, reviews, visits, briefings,
 * tips, a survey, workpapers; findings, clues, feedback, rectification), and one account per role
 * (password DEMO_PASSWORD). One transaction; refuses a non-empty database.
 */
export async function loadDemo(db: Db, options: LoadDemoOptions): Promise<DemoSummary> {
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

    const { actors, ids, passwordHash } = await createDemoAccounts(tx, registry);
    registry.accountLeader.accountId = actors.group1;
    registry.accountMember.accountId = actors.member1;
    const work = buildDemoWork(registry, actors);
    const extras = buildDemoExtras(registry, actors, work);
    const accountGroup = work.groupMembers.find((m) => m.personId === registry.accountLeader.id);
    const fieldwork = buildDemoFieldwork({
      seed,
      cal: registry.cal,
      names: registry.names,
      actors,
      accounts: {
        jiwei: ids.jiwei,
        zuzhibu: ids.zuzhibu,
        shenji: ids.shenji,
        xinfang: ids.xinfang,
        caizheng: ids.caizheng,
      },
      work,
      counties: [
        {
          committeeId: registry.main.committee.id,
          usernamePrefix: "qsxc",
          targets: registry.main.targets,
          people: registry.main.people,
        },
        {
          committeeId: registry.second.committee.id,
          usernamePrefix: "yxxc",
          targets: registry.second.targets,
          people: registry.second.people,
        },
      ],
      prepRound: extras.prepRound,
      prepSchoolIds: extras.prepSchoolIds,
      accountGroupId: accountGroup?.groupId,
    });
    // The inspectors sign in with the demo password too (qsxc001 …).
    await insertRows(
      tx,
      accounts,
      fieldwork.inspectorAccounts.map((a) => ({ ...a, passwordHash })),
    );
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
    await insertFieldworkRows(tx, fieldwork, registry.main.committee.id);

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
    const fw = await runFieldworkUseCases(tx, {
      cal: registry.cal,
      keys: options.tipKeys,
      actors,
      main: registry.main.committee,
      rows: fieldwork,
      publicBaseUrl: options.publicBaseUrl ?? "http://localhost:3000",
    });
    const rect = await loadRectificationDemo(tx, {
      cal: registry.cal,
      committeeId: registry.main.committee.id,
      second: { committeeId: registry.second.committee.id, name: registry.second.committee.name },
      passwordHash,
      showcase: { targetId: registry.showcaseTarget.id, contact: ids.target1, principal: ids.target1head },
      office: ids.office,
      leader: ids.leader,
      jiwei: ids.jiwei,
      zuzhibu: ids.zuzhibu,
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
      documents: done.documents + fw.immediateFixes,
      workItems: done.workItems,
      groupEvaluations: extras.evaluations.evaluations.length,
      conductResponses: extras.evaluations.conductResponses.length,
      inspectorAccounts: fieldwork.inspectorAccounts.length,
      workpapers: fieldwork.workpapers.length,
      interviews: fieldwork.interviews.length,
      fieldworkRecords: fieldwork.fieldworkRecords.length,
      briefingRequests: fieldwork.briefingRequests.length,
      tips: fw.tips,
      surveyResponses: fw.surveyResponses,
      immediateFixes: fw.immediateFixes,
      reports: fw.reports,
      contactAccounts: rect.contactAccounts,
      reviewSubjects: rect.subjects,
      reviewVersions: rect.versions,
      partyReviews: rect.partyReviews,
      escalationSteps: rect.escalationSteps,
      escalationLetters: rect.letters,
      revisits: rect.revisits,
      rectificationEvaluations: rect.evaluations,
      disclosures: rect.disclosures,
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

/**
 * One account per role, scoped so that each can explore its part of the demo. The partner
 * departments' accounts get their department once it exists (insertFieldworkRows).
 */
async function createDemoAccounts(
  tx: Tx,
  registry: DemoRegistry,
): Promise<{ actors: DemoActors; ids: Record<Username, string>; passwordHash: string }> {
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
    shenji: { committeeId: county, roles: [] },
    xinfang: { committeeId: county, roles: [] },
    caizheng: { committeeId: county, roles: [] },
    custodian: { committeeId: county, roles: [{ role: "tipCustodian" }] },
    target1: {
      committeeId: county,
      roles: [{ role: "targetContact", targetId: registry.showcaseTarget.id }],
    },
    target1head: {
      committeeId: county,
      roles: [{ role: "targetContact", targetId: registry.showcaseTarget.id, isHead: true }],
    },
    city: { committeeId: registry.city.id, roles: [{ role: "upperLevel" }] },
    sysadmin: { committeeId: null, roles: [{ role: "sysAdmin" }] },
    secadmin: { committeeId: null, roles: [{ role: "securityAdmin" }] },
    auditadmin: { committeeId: null, roles: [{ role: "auditAdmin" }] },
  };
  // One password, hashed once (argon2id is slow on purpose): the accounts go in with one insert,
  // each audited as account.create is.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const actor = systemActor("演示数据");
  const ids = Object.fromEntries(DEMO_ACCOUNTS.map((a) => [a.username, randomUUID()])) as Record<
    Username,
    string
  >;
  await insertRows(
    tx,
    accounts,
    DEMO_ACCOUNTS.map((a) => ({
      id: ids[a.username],
      committeeId: scopes[a.username].committeeId,
      username: a.username,
      displayName: a.name,
      passwordHash,
    })),
  );
  await insertRows(
    tx,
    roleAssignments,
    DEMO_ACCOUNTS.flatMap((a) =>
      scopes[a.username].roles.map((r) => ({
        accountId: ids[a.username],
        role: r.role,
        committeeId: (INSTALLATION_ADMIN_ROLES as readonly string[]).includes(r.role)
          ? null
          : (r.committeeId ?? scopes[a.username].committeeId),
        targetId: r.targetId ?? null,
        isHead: r.isHead ?? false,
      })),
    ),
  );
  for (const a of DEMO_ACCOUNTS)
    await recordAudit(tx, actor, {
      action: "account.create",
      entity: "account",
      entityId: ids[a.username],
      committeeId: scopes[a.username].committeeId,
      summary: { username: a.username, roles: scopes[a.username].roles.map((r) => r.role) },
    });
  const actors = {
    officeHead: ids.office,
    office: ids.office2,
    leader: ids.leader,
    group1: ids.group1,
    member1: ids.member1,
    target1: ids.target1,
  };
  return { actors, ids, passwordHash };
}
