import { choiceCell, dateCell, isoToExcelDate, textCell } from "../ledgers/cells";
import { column, defineLedger, type LedgerRow, sequenceColumn } from "../ledgers/spec";
import { TARGET_CATEGORIES, type TargetCategory } from "../model/enums";

const CATEGORY_ALIASES: Partial<Record<string, TargetCategory>> = {
  部门: "department",
  部门单位: "department",
  县直部门: "department",
  乡镇: "township",
  街道: "township",
  乡镇街道: "township",
  "乡镇(街道)党委": "township",
  村党组织: "village",
  社区党组织: "community",
  国企: "stateEnterprise",
  企业: "stateEnterprise",
  国有企业党委: "stateEnterprise",
  中小学: "school",
  学校党组织: "school",
  公立医院: "hospital",
  医疗机构: "hospital",
};

/** 被巡察对象库, in the layout of LEDGERS.md, plus the optional 对象类别 column (inferred when absent). */
export const TARGET_LEDGER = defineLedger({
  sheetName: "被巡察对象库",
  columns: [
    sequenceColumn(),
    column({
      key: "name",
      header: "党组织名称",
      synonyms: ["被巡察党组织", "被巡察单位", "被巡察对象", "单位名称", "党组织", "名称"],
      required: true,
      parse: textCell({ max: 100 }),
      width: 36,
    }),
    column({
      key: "orgForm",
      header: "类型",
      synonyms: ["党组织类型", "组织类型", "党组织形式", "组织形式"],
      parse: textCell({ max: 30 }),
      width: 14,
    }),
    column({
      key: "parentOrgName",
      header: "上级党组织",
      synonyms: ["上级党委", "上级党组织名称", "隶属党组织", "所属党组织"],
      parse: textCell({ max: 100 }),
      width: 26,
    }),
    column({
      key: "sector",
      header: "所属系统领域",
      synonyms: ["系统领域", "所属领域", "所属系统", "领域", "行业领域"],
      parse: textCell({ max: 30 }),
    }),
    column({
      key: "principal",
      header: "主要负责人",
      synonyms: ["党组织书记", "书记", "负责人", "主要领导"],
      parse: textCell({ max: 50 }),
    }),
    column({
      key: "leaders",
      header: "班子成员",
      synonyms: ["领导班子成员", "班子成员名单", "领导班子"],
      parse: textCell({ max: 1000 }),
      width: 30,
    }),
    column({
      key: "phone",
      header: "联系电话",
      synonyms: ["电话", "联系方式", "办公电话"],
      parse: textCell({ max: 50 }),
      width: 16,
    }),
    column({
      key: "lastInspectedOn",
      header: "上次巡察时间",
      synonyms: ["上次巡察日期", "最近巡察时间", "上轮巡察时间", "巡察时间"],
      parse: dateCell({ allowMonth: true }),
      format: isoToExcelDate,
      numFmt: "yyyy-mm-dd",
      width: 16,
    }),
    column({
      key: "lastRoundLabel",
      header: "上次巡察轮次",
      synonyms: ["最近巡察轮次", "上轮巡察轮次", "巡察轮次"],
      parse: textCell({ max: 50 }),
      width: 16,
    }),
    column({
      key: "category",
      header: "对象类别",
      synonyms: ["类别", "对象类型", "巡察对象类别"],
      parse: choiceCell(TARGET_CATEGORIES.labels, CATEGORY_ALIASES),
      format: (v: TargetCategory | null) => (v ? TARGET_CATEGORIES.labels[v] : null),
      width: 12,
    }),
  ],
});

export type TargetLedgerRow = LedgerRow<typeof TARGET_LEDGER>;
