/** Built-in classification schemes for findings (TAXONOMY.md). */
export interface TaxonomyScheme {
  key: string;
  name: string;
  categories: { key: string; name: string }[];
}

const scheme = (key: string, name: string, names: string[]): TaxonomyScheme => ({
  key,
  name,
  categories: names.map((n, i) => ({ key: `${key}.${i + 1}`, name: n })),
});

export const TAXONOMY: TaxonomyScheme[] = [
  scheme("sixDisciplines", "六大纪律", [
    "政治纪律",
    "组织纪律",
    "廉洁纪律",
    "群众纪律",
    "工作纪律",
    "生活纪律",
  ]),
  scheme("threeFocuses", "三个聚焦", [
    "聚焦贯彻落实党的路线方针政策和党中央决策部署",
    "聚焦群众身边腐败问题和不正之风",
    "聚焦基层党组织软弱涣散、组织力欠缺问题",
    "聚焦巡察整改落实情况",
  ]),
  scheme("fourImplementations", "四个落实", [
    "落实党的理论路线方针政策和党中央重大决策部署",
    "落实全面从严治党主体责任、监督责任",
    "落实新时代党的组织路线",
    "落实巡视巡察、审计等监督发现问题的整改",
  ]),
  scheme("villageFocus", "对村巡察重点", [
    "四风",
    "征地拆迁和工程建设",
    "农村“三资”",
    "涉农专项资金",
    "执法和窗口",
    "充当“保护伞”",
    "软弱涣散",
  ]),
];

export function findCategory(schemeKey: string, categoryKey: string) {
  const s = TAXONOMY.find((x) => x.key === schemeKey);
  const c = s?.categories.find((x) => x.key === categoryKey);
  return s && c ? { scheme: s, category: c } : undefined;
}

export function categoryName(categoryKey: string): string {
  for (const s of TAXONOMY) {
    const c = s.categories.find((x) => x.key === categoryKey);
    if (c) return c.name;
  }
  return categoryKey;
}
