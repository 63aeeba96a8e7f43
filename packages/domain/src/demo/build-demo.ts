import { randomUUID } from "node:crypto";
import { buildPeople, buildTargets } from "./build-registry";
import { buildCountyWork, MAIN_ROUNDS, SECOND_ROUNDS } from "./build-work";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import {
  type CommitteeRow,
  type DemoActors,
  DemoCalendar,
  emptyWork,
  type PersonRow,
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
