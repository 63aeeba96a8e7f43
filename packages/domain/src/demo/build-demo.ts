import { randomUUID } from "node:crypto";
import {
  addRecusalShowcase,
  buildPeopleHistory,
  buildTrainings,
  type PeopleHistory,
  type RecusalShowcase,
} from "./build-people";
import {
  buildCountyPlanning,
  buildEvaluations,
  type EvaluationRows,
  MAIN_PLAN_LIMITS,
  PREP_ROUND,
} from "./build-planning";
import { buildPeople, buildTargets } from "./build-registry";
import { buildCountyWork, MAIN_ROUNDS, SECOND_ROUNDS } from "./build-work";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import {
  type CommitteeRow,
  type DemoActors,
  DemoCalendar,
  type ExclusionRow,
  emptyWork,
  type PersonRow,
  type RoundRow,
  type TargetRow,
  type WorkRows,
} from "./demo-rows";
import { createRng, type Rng } from "./prng";
import { type CountySpec, DEMO_CITY, MAIN_COUNTY, SECOND_COUNTY } from "./registry";

export interface DemoCounty {
  spec: CountySpec;
  committee: CommitteeRow;
  targets: TargetRow[];
  people: PersonRow[];
}

/** The first phase of the demo: committees, targets and pools, before the accounts exist. */
export interface DemoRegistry {
  seed: number;
  rng: Rng;
  cal: DemoCalendar;
  names: Set<string>;
  city: CommitteeRow;
  main: DemoCounty;
  second: DemoCounty;
  /** The pool people who get the group1 and member1 accounts. */
  accountLeader: PersonRow;
  accountMember: PersonRow;
  /** The round-1 target whose contact gets the target1 account. */
  showcaseTarget: TargetRow;
}

const accountName = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.name;

export function buildDemoRegistry(seed: number, today: Date): DemoRegistry {
  const rng = createRng(seed);
  const cal = new DemoCalendar(today);
  const names = new Set<string>(DEMO_ACCOUNTS.map((a) => a.name));
  const city: CommitteeRow = {
    id: randomUUID(),
    parentId: null,
    name: DEMO_CITY.committeeName,
    level: "city",
  };
  const county = (spec: CountySpec, reserved: Parameters<typeof buildPeople>[5] = {}): DemoCounty => {
    const committee: CommitteeRow = {
      id: randomUUID(),
      parentId: city.id,
      name: spec.committeeName,
      level: "county",
    };
    return {
      spec,
      committee,
      targets: buildTargets(rng, spec, committee.id, cal, names),
      people: buildPeople(rng, spec, committee.id, cal, names, reserved),
    };
  };
  const main = county(MAIN_COUNTY, {
    leader: { name: accountName("group1"), sex: "男" },
    talent: { name: accountName("member1"), sex: "女" },
  });
  const second = county(SECOND_COUNTY);
  return {
    seed,
    rng,
    cal,
    names,
    city,
    main,
    second,
    accountLeader: main.people.find((p) => p.pool === "leader")!,
    accountMember: main.people.find((p) => p.pool === "talent")!,
    showcaseTarget: main.targets[0]!,
  };
}

/** The second phase: terms, rounds and their records, authored by the demo accounts. */
export function buildDemoWork(registry: DemoRegistry, actors: DemoActors): WorkRows {
  const { rng, cal, names } = registry;
  const common = { rng, cal, names, actors, dispositions: { next: 0 } };
  const main = buildCountyWork({
    ...common,
    committeeId: registry.main.committee.id,
    termName: registry.main.spec.termName,
    plans: MAIN_ROUNDS,
    targets: registry.main.targets,
    people: registry.main.people,
    accountLeader: registry.accountLeader,
    accountMember: registry.accountMember,
    showcaseTarget: registry.showcaseTarget,
  });
  const second = buildCountyWork({
    ...common,
    committeeId: registry.second.committee.id,
    termName: registry.second.spec.termName,
    plans: SECOND_ROUNDS,
    targets: registry.second.targets,
    people: registry.second.people,
  });
  const all = emptyWork();
  for (const key of Object.keys(all) as (keyof WorkRows)[]) {
    (all[key] as unknown[]).push(...main[key], ...second[key]);
  }
  return all;
}

/** The third phase: people's histories, trainings, the term plans, the round in preparation, 一巡一评. */
export interface DemoExtras {
  history: PeopleHistory;
  exclusions: ExclusionRow[];
  /** The main county's round in preparation (already in work.rounds); its group is formed at load. */
  prepRound: RoundRow | undefined;
  prepSchoolIds: string[];
  showcase: RecusalShowcase;
  evaluations: EvaluationRows;
}

/**
 * Builds on the work rows (which it extends with the round in preparation and the term plans) with
 * a generator of its own, so that the earlier phases keep their names whatever is added here.
 */
export function buildDemoExtras(registry: DemoRegistry, actors: DemoActors, work: WorkRows): DemoExtras {
  const rng = createRng(registry.seed + 1);
  const { cal, names } = registry;
  const main = registry.main;
  const second = registry.second;
  const mainPlan = buildCountyPlanning({
    rng,
    cal,
    work,
    committeeId: main.committee.id,
    targets: main.targets,
    plannedRounds: 8,
    limits: MAIN_PLAN_LIMITS,
    prepRound: true,
    mergedVillages: 2,
    transfer: true,
  });
  const secondPlan = buildCountyPlanning({
    rng,
    cal,
    work,
    committeeId: second.committee.id,
    targets: second.targets,
    plannedRounds: 6,
    limits: { ...MAIN_PLAN_LIMITS, groupsPerRound: 2 },
    prepRound: false,
    mergedVillages: 1,
    transfer: false,
  });
  const accountIds = new Set([registry.accountLeader.id, registry.accountMember.id]);
  const countyInput = (county: DemoCounty) => ({
    rng,
    cal,
    names,
    committeeId: county.committee.id,
    people: county.people,
    targets: county.targets,
    work,
    accountIds,
  });
  // The account people keep to their group: their expertise is not what the education round draws.
  registry.accountLeader.expertise = ["纪检", "组织"];
  registry.accountMember.expertise = ["纪检"];
  const drawable = main.people.filter((p) => p.pool === "leader" && p.available && !accountIds.has(p.id));
  drawable.slice(0, 3).forEach((p, i) => {
    const skills = p.expertise ?? [];
    if (!skills.some((e) => PREP_ROUND.leaderExpertise.includes(e)))
      p.expertise = [...skills, PREP_ROUND.leaderExpertise[i % 2]!];
  });
  const mainHistory = buildPeopleHistory(countyInput(main));
  const showcase = addRecusalShowcase(countyInput(main), mainHistory, { schoolIds: mainPlan.prepSchoolIds });
  const mainTrainings = buildTrainings(rng, cal, main.committee.id, main.people, 3, [...accountIds]);
  const secondHistory = buildPeopleHistory(countyInput(second));
  const secondTrainings = buildTrainings(rng, cal, second.committee.id, second.people, 1);
  return {
    history: {
      jobs: [...mainHistory.jobs, ...secondHistory.jobs],
      relatives: [...mainHistory.relatives, ...secondHistory.relatives],
      ties: [...mainHistory.ties, ...secondHistory.ties],
      trainings: [...mainTrainings.trainings, ...secondTrainings.trainings],
      attendees: [...mainTrainings.attendees, ...secondTrainings.attendees],
    },
    exclusions: [...mainPlan.exclusions, ...secondPlan.exclusions],
    prepRound: mainPlan.prepRound,
    prepSchoolIds: mainPlan.prepSchoolIds,
    showcase,
    evaluations: buildEvaluations(rng, cal, work, actors),
  };
}
