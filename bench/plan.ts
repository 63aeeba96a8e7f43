/**
 * Bench: the coverage planner on a county (issue 3): 650 targets (30 townships with 420 villages and
 * communities, 200 departments, enterprises, schools and hospitals), 12 remaining rounds (two of them
 * thematic), 150 people (30 leaders, 120 talent) and ~3 % recusal conflicts. Pure function, no
 * database: prints the time of each run and the median. Goal: under 2 s.
 *
 *   npm run bench:plan             (BENCH_PLAN_RUNS=5 by default)
 */
import { DEFAULT_PLAN_LIMITS } from "../packages/domain/src/planning/plan-limits";
import {
  type PlannerInput,
  type PlannerPerson,
  type PlannerTarget,
  planCoverage,
} from "../packages/domain/src/planning/planner";

const runs = Number(process.env.BENCH_PLAN_RUNS ?? 5);

/** Deterministic pseudo-random numbers (mulberry32). */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function county(): PlannerInput {
  const random = prng(20260301);
  const targets: PlannerTarget[] = [];
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  let n = 0;
  const add = (t: Omit<PlannerTarget, "id" | "status" | "lastInspectedOn">) => {
    const target: PlannerTarget = {
      ...t,
      id: id(n++),
      status: random() < 0.15 ? "covered" : random() < 0.03 ? "excluded" : "open",
      lastInspectedOn: random() < 0.5 ? `20${String(10 + Math.floor(random() * 11))}-06-01` : null,
    };
    targets.push(target);
    return target;
  };
  for (let i = 0; i < 30; i++) {
    const township = add({ name: `第${i}镇`, category: "township", sector: "乡镇", parentTargetId: null });
    for (let v = 0; v < 14; v++) {
      add({
        name: `第${i}镇${v}村`,
        category: v % 5 ? "village" : "community",
        sector: "乡镇",
        parentTargetId: township.id,
      });
    }
  }
  const kinds = ["department", "stateEnterprise", "school", "hospital", "secondLevelUnit"];
  const sectors = ["教育", "卫生", "", "", "国资"];
  for (let i = 0; targets.length < 650; i++) {
    add({
      name: `单位${i}`,
      category: kinds[i % kinds.length]!,
      sector: sectors[i % sectors.length]!,
      parentTargetId: null,
    });
  }
  const people: PlannerPerson[] = Array.from({ length: 150 }, (_, i) => ({
    id: id(10000 + i),
    name: `人员${i}`,
    pool: i < 30 ? "leader" : "talent",
    available: random() > 0.05,
  }));
  const conflicts = new Set<string>();
  for (const p of people) for (const t of targets) if (random() < 0.03) conflicts.add(`${p.id}|${t.id}`);
  return {
    targets,
    people,
    rounds: Array.from({ length: 12 }, (_, i) => ({
      roundNumber: 4 + i,
      sector: i === 3 ? "教育" : i === 7 ? "卫生" : "",
      groups: [],
    })),
    limits: {
      ...DEFAULT_PLAN_LIMITS,
      groupsPerRound: 5,
      targetsPerGroup: 4,
      villagesPerGroup: 15,
      membersPerGroup: 4,
      maxConsecutiveRounds: 2,
    },
    service: people.slice(0, 40).map((p) => ({ personId: p.id, roundNumber: 3 })),
    conflicts: (personId, targetId) => conflicts.has(`${personId}|${targetId}`),
  };
}

const input = county();
const times: number[] = [];
let plan = planCoverage(input);
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  plan = planCoverage(input);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const open = input.targets.filter((t) => t.status === "open").length;
console.log(
  `planner: ${input.targets.length} targets (${open} to plan), ${input.rounds.length} rounds, ${input.people.length} people`,
);
console.log(`placed ${plan.entries.length} in ${plan.groups.length} groups; ${plan.shortfall.statement}`);
console.log(
  `runs: ${times.map((t) => `${t.toFixed(1)} ms`).join(", ")}; median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms (goal < 2000 ms)`,
);
