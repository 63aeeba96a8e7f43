import { randomUUID } from "node:crypto";
import type {
  AttendeeRow,
  DemoCalendar,
  JobRow,
  PersonRow,
  RelativeRow,
  TargetRow,
  TieRow,
  TrainingRow,
  WorkRows,
} from "./demo-rows";
import { personName, type Sex } from "./names";
import type { Rng } from "./prng";

/** Units of earlier posts that are not targets: a history that raises no recusal question. */
const EARLIER_UNITS: { unit: string; posts: string[] }[] = [
  { unit: "县委党校", posts: ["教研室干部", "教务科副科长"] },
  { unit: "县档案馆", posts: ["干部", "业务指导股股长"] },
  { unit: "县信访局", posts: ["接访股干部", "督查股副股长"] },
  { unit: "县统计局", posts: ["综合股干部", "统计执法股副股长"] },
  { unit: "县机关事务服务中心", posts: ["综合股干部", "财务股副股长"] },
  { unit: "县总工会", posts: ["组织部干部", "经审会干部"] },
  { unit: "团县委", posts: ["干部", "青年发展部部长"] },
  { unit: "县融媒体中心", posts: ["编辑", "综合部副主任"] },
];
/** Where relatives work: outside the committee's targets. */
const RELATIVE_PLACES: { unit: string; posts: string[] }[] = [
  { unit: "县税务局", posts: ["科员", "第一税务分局副局长"] },
  { unit: "国网青山县供电公司", posts: ["营销部职员", "安全员"] },
  { unit: "县农村商业银行", posts: ["柜员", "客户经理"] },
  { unit: "县邮政分公司", posts: ["职员"] },
  { unit: "市第一人民医院", posts: ["护士", "主治医师"] },
  { unit: "", posts: ["个体经营", "退休"] },
];

const pad = (n: number) => String(n).padStart(2, "0");
const month = (year: number, m: number) => `${year}-${pad(m)}`;
/** `ym` moved by `n` months. */
export function addMonths(ym: string, n: number): string {
  const index = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + n;
  return month(Math.floor(index / 12), (index % 12) + 1);
}
const opposite = (sex: string): Sex => (sex === "女" ? "男" : "女");
/** 县实验小学党支部 → 县实验小学: the unit as a person's record names it. */
export const unitOf = (targetName: string) =>
  targetName.replace(/(机关党支部|党工委|党总支|党支部|党组|党委)$/, "");

export interface PeopleHistory {
  jobs: JobRow[];
  relatives: RelativeRow[];
  ties: TieRow[];
  trainings: TrainingRow[];
  attendees: AttendeeRow[];
}

/** The recusal facts the main county shows, by whom and about which target. */
export interface RecusalShowcase {
  /** Worked in a target of their fieldwork group 2019-03 to 2023-06: the leading group's override. */
  override: { roundId: string; personId: string; targetId: string };
  /** Current post in a target (people.unit_target_id): excluded from the draw for that school. */
  currentPost: { personId: string; targetId: string };
  /** Sibling on the staff of a school: excluded from the draw for it (member rule). */
  siblingStaff: { personId: string; targetId: string };
  /** Spouse is 党委书记 of a township (in its leadership). */
  spouse: { personId: string; targetId: string };
  /** A former superior now heads a target (上下级关系, ended less than 3 years ago). */
  tie: { personId: string; targetId: string };
  /** Works in a township: recuses for the township and its villages. */
  township: { personId: string; targetId: string; villageId: string };
  /** Imported from the pools ledger: 回避情形 and 参加巡察轮次 kept as text. */
  imported: { personId: string };
}

export interface PeopleInput {
  rng: Rng;
  cal: DemoCalendar;
  names: Set<string>;
  committeeId: string;
  people: PersonRow[];
  targets: TargetRow[];
  work: WorkRows;
  /** People with a demo account: their records stay as they are. */
  accountIds: ReadonlySet<string>;
}

/**
 * Work histories, relatives and trainings of a county's pools. Every person gets earlier posts in
 * units that are not targets and their current post (linked to the target when their unit is one,
 * e.g. 县财政局 ↔ 县财政局党组); some have a spouse working outside the targets. None of this
 * conflicts with the groups the demo formed.
 */
export function buildPeopleHistory(input: PeopleInput): PeopleHistory {
  const { rng, cal, committeeId } = input;
  const out: PeopleHistory = { jobs: [], relatives: [], ties: [], trainings: [], attendees: [] };
  const targetByUnit = new Map(input.targets.map((t) => [unitOf(t.name), t]));
  for (const p of input.people) {
    const home = targetByUnit.get(p.unit ?? "");
    if (home && (home.category === "department" || home.category === "secondLevelUnit"))
      p.unitTargetId = home.id;
    const birthYear = Number((p.birthMonth ?? "1980").slice(0, 4));
    const first = month(birthYear + rng.int(22, 24), rng.pick([7, 8, 9]));
    const current = month(cal.year() - rng.int(1, 7), rng.int(1, 12));
    const earlier = rng.shuffle(EARLIER_UNITS).slice(0, rng.int(1, 2));
    const span = Number(current.slice(0, 4)) - Number(first.slice(0, 4));
    let start = first;
    earlier.forEach((place, i) => {
      const end =
        i === earlier.length - 1
          ? addMonths(current, -1)
          : addMonths(start, Math.max(12, Math.floor((span * 12) / earlier.length)));
      if (end <= start) return;
      out.jobs.push(job(committeeId, p.id, place.unit, null, rng.pick(place.posts), start, end));
      start = addMonths(end, 1);
    });
    out.jobs.push(job(committeeId, p.id, p.unit ?? "", p.unitTargetId ?? null, p.post ?? "", current, null));
    if (rng.chance(0.35)) {
      const place = rng.pick(RELATIVE_PLACES);
      out.relatives.push({
        id: randomUUID(),
        committeeId,
        personId: p.id,
        relation: "spouse",
        name: personName(rng, input.names, opposite(p.sex ?? "")),
        unit: place.unit,
        targetId: null,
        post: rng.pick(place.posts),
        inLeadership: false,
      });
    }
  }
  return out;
}

const job = (
  committeeId: string,
  personId: string,
  unit: string,
  targetId: string | null,
  post: string,
  startMonth: string,
  endMonth: string | null,
): JobRow => ({ id: randomUUID(), committeeId, personId, unit, targetId, post, startMonth, endMonth });

/**
 * The main county's recusal showcase, added on top of the histories: a past job in a target of the
 * person's own fieldwork group (overridden by the leading group), a current post in a school and a
 * sibling in another (the preparation round's draw leaves them out), a spouse who is 党委书记 of a
 * township, a former superior now heading a department, a township officer, and one person as a
 * pools import left them (notes kept as text). Targets are chosen among those the demo's rounds do
 * not give to these people, so that the only conflict in a formed group is the overridden one.
 */
export function addRecusalShowcase(
  input: PeopleInput,
  history: PeopleHistory,
  prep: { schoolIds: string[] },
): RecusalShowcase {
  const { rng, cal, committeeId, work } = input;
  const thisMonth = cal.day(0).slice(0, 7);
  const target = (id: string) => input.targets.find((t) => t.id === id)!;
  const fieldwork = work.rounds.find((r) => r.committeeId === committeeId && r.stage === "fieldwork")!;
  const group2 = work.groups.find((g) => g.roundId === fieldwork.id && g.number === 2)!;
  const free = (p: PersonRow) => !input.accountIds.has(p.id) && p.available;
  const overridePerson = input.people.find((p) =>
    work.groupMembers.some((m) => m.groupId === group2.id && m.personId === p.id && m.role === "member"),
  )!;
  const overrideTarget = target(
    work.groupTargets.find((gt) => gt.groupId === group2.id && target(gt.targetId).category === "department")!
      .targetId,
  );
  // The past job: its own dates, with the history around it moved to fit.
  const jobs = history.jobs.filter((j) => j.personId === overridePerson.id);
  history.jobs = history.jobs.filter((j) => j.personId !== overridePerson.id);
  const currentJob = jobs.find((j) => j.endMonth === null)!;
  const before = jobs.filter((j) => j.endMonth !== null && j.startMonth < "2019-03");
  for (const j of before) if (j.endMonth! >= "2019-03") j.endMonth = "2019-02";
  history.jobs.push(
    ...before,
    job(
      committeeId,
      overridePerson.id,
      unitOf(overrideTarget.name),
      overrideTarget.id,
      "综合股副股长",
      "2019-03",
      "2023-06",
    ),
    { ...currentJob, startMonth: "2023-07" },
  );

  const inGroups = new Set(work.groupMembers.map((m) => m.personId));
  const talents = input.people.filter((p) => p.pool === "talent" && free(p) && p.id !== overridePerson.id);
  // People in no group yet are the ones a draw may pick; those with a school conflict are shown excluded.
  const [schoolPerson, siblingPerson, tiePerson, townshipPerson] = [
    ...talents.filter((p) => !inGroups.has(p.id)),
    ...talents.filter((p) => inGroups.has(p.id)),
  ];
  const leaders = input.people.filter((p) => p.pool === "leader" && free(p));
  const spousePerson = leaders[2]!;
  const importedPerson = leaders[leaders.length - 1]!;

  const [currentSchool, siblingSchool] = prep.schoolIds.map(target);
  setCurrentPost(history, schoolPerson!, currentSchool!, "总务处主任", ["财会"], "2020-09");

  history.relatives.push({
    id: randomUUID(),
    committeeId,
    personId: siblingPerson!.id,
    relation: "sibling",
    name: personName(rng, input.names, "女"),
    unit: unitOf(siblingSchool!.name),
    targetId: siblingSchool!.id,
    post: "教师",
    inLeadership: false,
  });

  const inspected = new Set(work.groupTargets.map((gt) => gt.targetId));
  const uninspected = (category: string) =>
    input.targets.filter((t) => t.category === category && !inspected.has(t.id));
  const townships = uninspected("township").filter((t) => !t.name.includes("街道"));
  const spouseTownship = townships[1]!;
  history.relatives = history.relatives.filter(
    (r) => !(r.personId === spousePerson.id && r.relation === "spouse"),
  );
  history.relatives.push({
    id: randomUUID(),
    committeeId,
    personId: spousePerson.id,
    relation: "spouse",
    name: spouseTownship.principal ?? personName(rng, input.names, opposite(spousePerson.sex ?? "")),
    unit: unitOf(spouseTownship.name),
    targetId: spouseTownship.id,
    post: "党委书记",
    inLeadership: true,
  });

  const tieTarget =
    uninspected("department").find((t) => t.name.includes("发展和改革")) ?? uninspected("department")[0]!;
  history.ties.push({
    id: randomUUID(),
    committeeId,
    personId: tiePerson!.id,
    kind: "superior",
    officialName: tieTarget.principal ?? personName(rng, input.names),
    targetId: tieTarget.id,
    post: "党组书记、局长",
    startMonth: addMonths(thisMonth, -50),
    endMonth: addMonths(thisMonth, -20),
  });

  const township = townships[0]!;
  const village = input.targets.find((t) => t.parentTargetId === township.id)!;
  setCurrentPost(
    history,
    townshipPerson!,
    township,
    "党委委员、纪委书记",
    ["纪检"],
    addMonths(thisMonth, -28),
  );

  importedPerson.recusalNote =
    "其妻弟在县城投集团工程管理部工作（导入时未能对应到对象单位人员，请核实后补录为亲属）";
  importedPerson.roundsNote =
    "十四届县委第五轮巡察（第二巡察组副组长）；十四届县委第八轮巡察（第一巡察组组长）";

  return {
    override: { roundId: fieldwork.id, personId: overridePerson.id, targetId: overrideTarget.id },
    currentPost: { personId: schoolPerson!.id, targetId: currentSchool!.id },
    siblingStaff: { personId: siblingPerson!.id, targetId: siblingSchool!.id },
    spouse: { personId: spousePerson.id, targetId: spouseTownship.id },
    tie: { personId: tiePerson!.id, targetId: tieTarget.id },
    township: { personId: townshipPerson!.id, targetId: township.id, villageId: village.id },
    imported: { personId: importedPerson.id },
  };
}

/**
 * Moves a person to a post in a target since `since`: unit, link and expertise follow, and their
 * history becomes the post they held before (five years up to then) after any earlier one.
 */
function setCurrentPost(
  history: PeopleHistory,
  person: PersonRow,
  target: TargetRow,
  post: string,
  expertise: string[],
  since: string,
) {
  const mine = history.jobs.filter((j) => j.personId === person.id);
  history.jobs = history.jobs.filter((j) => j.personId !== person.id);
  const former = mine.find((j) => j.endMonth === null);
  const formerStart = addMonths(since, -60);
  const first = mine.find((j) => j.endMonth !== null && j.startMonth < addMonths(formerStart, -12));
  if (first) history.jobs.push({ ...first, endMonth: addMonths(formerStart, -1) });
  if (former) history.jobs.push({ ...former, startMonth: formerStart, endMonth: addMonths(since, -1) });
  const unit = unitOf(target.name);
  history.jobs.push(job(person.committeeId, person.id, unit, target.id, post, since, null));
  person.unit = unit;
  person.post = post;
  person.unitTargetId = target.id;
  person.expertise = expertise;
}

/** Training sessions of a county with 10–20 of its pools' people each (the account people in the first). */
export function buildTrainings(
  rng: Rng,
  cal: DemoCalendar,
  committeeId: string,
  people: PersonRow[],
  count: number,
  mustAttend: string[] = [],
): Pick<PeopleHistory, "trainings" | "attendees"> {
  const sessions = [
    { title: `${cal.year(-250)}年度全县巡察干部业务培训班`, offset: -250, hours: 16 },
    { title: "巡察工作底稿规范与问题定性专题培训", offset: -130, hours: 4 },
    { title: "村（社区）巡察和乡村振兴领域监督实务培训", offset: -105, hours: 6 },
  ].slice(0, count);
  const trainings: TrainingRow[] = [];
  const attendees: AttendeeRow[] = [];
  sessions.forEach((s, i) => {
    const training: TrainingRow = {
      id: randomUUID(),
      committeeId,
      title: s.title,
      heldOn: cal.day(s.offset),
      hours: s.hours,
      createdAt: cal.at(s.offset + 1, 16),
    };
    trainings.push(training);
    const chosen = new Set(i === 0 ? mustAttend : []);
    const size = rng.int(10, 20);
    for (const p of rng.shuffle(people)) {
      if (chosen.size >= size) break;
      chosen.add(p.id);
    }
    for (const personId of chosen) attendees.push({ trainingId: training.id, personId, committeeId });
  });
  return { trainings, attendees };
}
