import type { TargetCategory } from "../model/enums";

/** Suffixes naming the form of the organization rather than the organization itself. */
const ORG_SUFFIXES = [
  "总支部委员会",
  "支部委员会",
  "委员会",
  "党工委",
  "党总支",
  "党支部",
  "党组织",
  "党委",
  "党组",
  "总支",
  "支部",
  "办事处",
  "人民政府",
];

/**
 * The organization a party organization's name refers to: "中共城关镇委员会", "城关镇党委" and
 * "城关镇" all give "城关镇". Used to recognize a 上级党组织 written differently from the registry.
 */
export function baseOrgName(name: string): string {
  let base = name
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^(中国共产党|中共)/, "");
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of ORG_SUFFIXES) {
      if (base.length > suffix.length && base.endsWith(suffix)) {
        base = base.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return base;
}

/**
 * Infers the coverage category of a target from its type (党组织类型) and name, for registries
 * that carry no category column. By what the name ends with: 村 → village, 社区 → community,
 * 乡/镇/街道 → township; then 国有企业/公司/集团 → stateEnterprise, 学校/中学/小学/幼儿园 → school,
 * 医院/卫生院 → hospital; anything else is a department.
 */
export function inferTargetCategory(orgForm: string, name: string): TargetCategory {
  const base = baseOrgName(name);
  const form = orgForm.normalize("NFKC").replace(/\s+/g, "");
  if (/村$/.test(base)) return "village";
  if (/社区$/.test(base)) return "community";
  if (/村\(社区\)/.test(form) && !/(医院|卫生院|学校|中学|小学|幼儿园)/.test(base)) {
    return base.includes("社区") ? "community" : "village";
  }
  if (/(乡|镇|街道)$/.test(base)) return "township";
  if (form.includes("国有企业") || /(公司|集团)/.test(base)) return "stateEnterprise";
  if (/(学校|中学|小学|幼儿园)/.test(base)) return "school";
  if (/(医院|卫生院|卫生服务中心)/.test(base)) return "hospital";
  return "department";
}

/** Villages and communities belong to a township (乡镇/街道). */
export const belongsToTownship = (category: string) => category === "village" || category === "community";

export interface TownshipRef {
  id: string;
  name: string;
}

/**
 * The township a 上级党组织 names, among the registry's townships: the same organization by
 * base name, or else the only one whose base name ends the other ("××县城关镇" ↔ "城关镇").
 * Null when none or several match.
 */
export function matchTownship(townships: readonly TownshipRef[], parentOrgName: string): string | null {
  const base = baseOrgName(parentOrgName);
  if (base.length < 2) return null;
  const exact = townships.filter((t) => baseOrgName(t.name) === base);
  if (exact.length) return exact.length === 1 ? exact[0]!.id : null;
  const near = townships.filter((t) => {
    const b = baseOrgName(t.name);
    return b.length >= 2 && (base.endsWith(b) || b.endsWith(base));
  });
  return near.length === 1 ? near[0]!.id : null;
}

/** The key under which two target names count as the same (spaces and full-width forms ignored). */
export const targetNameKey = (name: string) => name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
