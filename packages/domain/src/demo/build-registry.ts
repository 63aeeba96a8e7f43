import { randomUUID } from "node:crypto";
import type { DemoCalendar, PersonRow, TargetRow } from "./demo-rows";
import { communityName, mobilePhone, officePhone, personName, type Sex, villageName } from "./names";
import type { Rng } from "./prng";
import {
  type CountySpec,
  DEPARTMENTS,
  HOSPITALS,
  LEADER_UNITS,
  POOL_UNITS,
  type RegistryEntry,
  SCHOOLS,
  SECOND_LEVEL_UNITS,
  STATE_ENTERPRISES,
} from "./registry";

const EXPERTISE = ["纪检", "组织", "财会", "审计", "政法"];
const LEADER_RANKS = ["正科级", "四级调研员", "三级调研员"];
const TALENT_RANKS = ["副科级", "二级主任科员", "三级主任科员", "四级主任科员", "一级科员"];

/** The targets of one county (被巡察对象库): every category, villages and communities under townships. */
export function buildTargets(
  rng: Rng,
  spec: CountySpec,
  committeeId: string,
  cal: DemoCalendar,
  names: Set<string>,
) {
  const rows: TargetRow[] = [];
  const placeNames = new Set<string>();
  const termStartYear = cal.year(-300);
  const add = (entry: RegistryEntry, extra: Partial<TargetRow> = {}) => {
    const principal = personName(rng, names);
    const others = Array.from({ length: rng.int(2, 4) }, () => personName(rng, names));
    const inspectedBefore = rng.chance(0.5);
    const row: TargetRow = {
      id: randomUUID(),
      committeeId,
      name: entry.name,
      category: entry.category,
      orgForm: entry.orgForm,
      parentTargetId: null,
      parentOrgName: entry.parentOrgName ?? spec.orgName,
      sector: entry.sector,
      principal,
      leaders: [principal, ...others].join("、"),
      phone: officePhone(rng, spec.areaCode),
      lastInspectedOn: inspectedBefore
        ? `${termStartYear - rng.int(1, 4)}-${String(rng.int(3, 11)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`
        : null,
      lastRoundLabel: inspectedBefore
        ? `十四届县委第${rng.pick(["二", "三", "五", "六", "八", "九"])}轮巡察`
        : "",
      ...extra,
    };
    rows.push(row);
    return row;
  };

  const departments = DEPARTMENTS.slice(spec.departmentOffset, spec.departmentOffset + spec.sizes.department);
  for (const entry of departments) add(entry);
  for (const township of spec.townships) {
    const street = township.endsWith("街道");
    const parent = add({
      name: `${township}${street ? "党工委" : "党委"}`,
      category: "township",
      orgForm: street ? "党工委" : "党委",
      sector: "乡镇（街道）",
    });
    const children = street ? spec.communitiesPerStreet : spec.villagesPerTownship;
    for (let i = 0; i < children; i++) {
      const place = street ? communityName(rng, placeNames) : villageName(rng, placeNames);
      const orgForm = street ? rng.pick(["党总支", "党支部"]) : rng.chance(0.8) ? "党支部" : "党总支";
      add(
        {
          name: `${township}${place}${orgForm}`,
          category: street ? "community" : "village",
          orgForm,
          sector: street ? "城乡社区" : "农业农村",
          parentOrgName: parent.name,
        },
        { parentTargetId: parent.id },
      );
    }
  }
  for (const entry of STATE_ENTERPRISES.slice(0, spec.sizes.stateEnterprise)) add(entry);
  for (const entry of SCHOOLS.slice(0, spec.sizes.school)) add(entry);
  for (const entry of HOSPITALS.slice(0, spec.sizes.hospital)) add(entry);
  for (const entry of SECOND_LEVEL_UNITS.slice(0, spec.sizes.secondLevelUnit)) add(entry);
  return rows;
}

/**
 * The pools (组长库 / 人才库). `reserved` names the people who get a demo account: the first
 * leader and the first talent of the main county.
 */
export function buildPeople(
  rng: Rng,
  spec: CountySpec,
  committeeId: string,
  cal: DemoCalendar,
  names: Set<string>,
  reserved: { leader?: { name: string; sex: Sex }; talent?: { name: string; sex: Sex } } = {},
) {
  const rows: PersonRow[] = [];
  const birth = (from: number, to: number) =>
    `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, "0")}`;
  const joined = () => cal.day(-rng.int(400, 1400));
  for (let i = 0; i < spec.pools.leader; i++) {
    const fixed = i === 0 ? reserved.leader : undefined;
    const sex: Sex = fixed?.sex ?? (rng.chance(0.8) ? "男" : "女");
    const place = LEADER_UNITS[i % LEADER_UNITS.length]!;
    const skills = rng.shuffle(EXPERTISE).slice(0, rng.int(1, 2));
    rows.push({
      id: randomUUID(),
      committeeId,
      name: fixed ? fixed.name : personName(rng, names, sex),
      sex,
      birthMonth: birth(1966, 1976),
      politicalStatus: "中共党员",
      unit: place.unit,
      post: rng.pick(place.posts),
      rank: rng.pick(LEADER_RANKS),
      expertise: skills,
      pool: "leader",
      joinedOn: joined(),
      // One leader is away (on training, ill): the pool shows who can be drawn.
      available: !(i === spec.pools.leader - 1 && spec.pools.leader > 4),
      phone: mobilePhone(rng),
      accountId: null,
      unitTargetId: null,
      recusalNote: "",
      roundsNote: "",
    });
  }
  for (let i = 0; i < spec.pools.talent; i++) {
    const fixed = i === 0 ? reserved.talent : undefined;
    const sex: Sex = fixed?.sex ?? (rng.chance(0.6) ? "男" : "女");
    const place = POOL_UNITS[i % POOL_UNITS.length]!;
    const second = rng.chance(0.4) ? [rng.pick(EXPERTISE.filter((e) => e !== place.expertise))] : [];
    rows.push({
      id: randomUUID(),
      committeeId,
      name: fixed ? fixed.name : personName(rng, names, sex),
      sex,
      birthMonth: birth(1980, 1996),
      politicalStatus: rng.chance(0.92) ? "中共党员" : "中共预备党员",
      unit: place.unit,
      post: rng.pick(place.posts),
      rank: rng.pick(TALENT_RANKS),
      expertise: [place.expertise, ...second],
      pool: "talent",
      joinedOn: joined(),
      available: !(i >= spec.pools.talent - 2 && spec.pools.talent > 20),
      phone: mobilePhone(rng),
      accountId: null,
      unitTargetId: null,
      recusalNote: "",
      roundsNote: "",
    });
  }
  return rows;
}
