import type { TargetCategory } from "@xuncha/domain/model";

/** GET /api/targets items: an inspected party organization (被巡察对象). */
export interface Target {
  id: string;
  name: string;
  category: TargetCategory;
  categoryLabel?: string;
  orgForm: string;
  parentTargetId: string | null;
  parentOrgName: string;
  sector: string;
  principal: string;
  leaders: string;
  phone: string;
  lastInspectedOn: string | null;
  lastRoundLabel: string;
  abilities?: { update: boolean };
}

/** GET /api/targets */
export interface TargetList {
  items: Target[];
  total: number;
  abilities?: { create: boolean; import: boolean; export: boolean };
}

/** POST /api/targets/import */
export interface TargetImportResult {
  imported: number;
  linkedToTownship: number;
}

/** Columns of the import file (LEDGERS.md 被巡察对象库); only 党组织名称 is required. */
export const TARGET_IMPORT_COLUMNS = [
  "序号",
  "党组织名称",
  "类型",
  "上级党组织",
  "所属系统领域",
  "主要负责人",
  "班子成员",
  "联系电话",
  "上次巡察时间",
  "上次巡察轮次",
];
