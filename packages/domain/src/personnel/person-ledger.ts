import { choiceCell, dateCell, isoToExcelDate, textCell } from "../ledgers/cells";
import { type CellParser, column, defineLedger, type LedgerRow, sequenceColumn } from "../ledgers/spec";
import { PERSON_POOLS, type PersonPool } from "../model/enums";
import { isMonth } from "./recusal-text";

const POOL_ALIASES: Partial<Record<string, PersonPool>> = {
  组长: "leader",
  组长人选: "leader",
  组长库人员: "leader",
  人才: "talent",
  组员: "talent",
  人才库人员: "talent",
  巡察人才库: "talent",
  巡察组长库: "leader",
};

/** 出生年月 as offices type it: 1975-08, 1975.08, 1975年8月, 197508, a date cell (the day is dropped). */
export const monthCell: CellParser<string> = (cell) => {
  if (cell === null) return { ok: true, value: "" };
  if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
    return { ok: true, value: `${cell.getUTCFullYear()}-${String(cell.getUTCMonth() + 1).padStart(2, "0")}` };
  }
  const text = String(cell).normalize("NFKC").trim();
  // 1975.10 typed as a number reads back as 1975.1, the same as 1975.1: ambiguous, refused.
  if (typeof cell === "number" && /^\d{4}\.\d$/.test(text)) {
    return { ok: false, error: `“${text}”无法确定月份，请写作 1975-01 或 1975年10月，或将该列设为文本格式` };
  }
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\s*\d{1,2}\s*日?)?$/.exec(text) ??
    /^(\d{4})(\d{2})$/.exec(text);
  const value = m ? `${m[1]}-${m[2]!.padStart(2, "0")}` : "";
  if (isMonth(value)) return { ok: true, value };
  return { ok: false, error: `“${text}”不是有效的年月，应为 1975-08 或 1975年8月 这样的格式` };
};

const SEX: CellParser<string> = (cell) => {
  if (cell === null) return { ok: true, value: "" };
  const text = String(cell).trim();
  if (text === "男" || text === "女") return { ok: true, value: text };
  return { ok: false, error: `“${text}”不是可选的值，应为：男、女` };
};

/** 业务特长: tags separated by 、，,；; / or spaces. */
const EXPERTISE: CellParser<string[]> = (cell) => {
  if (cell === null) return { ok: true, value: [] };
  const tags = [
    ...new Set(
      String(cell)
        .normalize("NFKC")
        .split(/[、,;；/\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (tags.length > 10) return { ok: false, error: "业务特长最多 10 项" };
  if (tags.some((t) => t.length > 20)) return { ok: false, error: "每项业务特长不超过 20 个字" };
  return { ok: true, value: tags };
};

/** 巡察人员库, in the layout of LEDGERS.md, plus the optional 电子邮箱 and 状态 columns. */
export const PERSON_LEDGER = defineLedger({
  sheetName: "巡察人员库",
  columns: [
    sequenceColumn(),
    column({
      key: "name",
      header: "姓名",
      synonyms: ["人员姓名", "名字"],
      required: true,
      parse: textCell({ max: 50 }),
      width: 10,
    }),
    column({ key: "sex", header: "性别", parse: SEX, width: 6 }),
    column({
      key: "birthMonth",
      header: "出生年月",
      synonyms: ["出生日期", "出生年月日", "出生时间"],
      parse: monthCell,
      width: 10,
    }),
    column({
      key: "politicalStatus",
      header: "政治面貌",
      synonyms: ["党派", "政治身份"],
      parse: textCell({ max: 30 }),
      width: 10,
    }),
    column({
      key: "unit",
      header: "工作单位",
      synonyms: ["单位", "所在单位", "现工作单位", "工作单位及职务"],
      parse: textCell({ max: 100 }),
      width: 24,
    }),
    column({
      key: "post",
      header: "职务",
      synonyms: ["现任职务", "现职务", "职务(岗位)", "岗位"],
      parse: textCell({ max: 100 }),
      width: 16,
    }),
    column({
      key: "rank",
      header: "职级",
      synonyms: ["职级(职称)", "现职级", "级别"],
      parse: textCell({ max: 50 }),
      width: 12,
    }),
    column({
      key: "expertise",
      header: "业务特长",
      synonyms: ["专业特长", "特长", "专长", "熟悉领域"],
      parse: EXPERTISE,
      format: (v: string[]) => v.join("、"),
      width: 16,
    }),
    column({
      key: "pool",
      header: "入库类别",
      synonyms: ["人员类别", "类别", "所属库", "入库类型", "库别"],
      required: true,
      parse: choiceCell(PERSON_POOLS.labels, POOL_ALIASES),
      format: (v: PersonPool | null) => (v ? PERSON_POOLS.labels[v] : null),
      width: 10,
    }),
    column({
      key: "joinedOn",
      header: "入库时间",
      synonyms: ["入库日期", "入库年月"],
      parse: dateCell({ allowMonth: true }),
      format: isoToExcelDate,
      numFmt: "yyyy-mm-dd",
      width: 12,
    }),
    column({
      key: "roundsText",
      header: "参加巡察轮次",
      synonyms: ["参加巡察情况", "参与巡察轮次", "巡察经历"],
      parse: textCell({ max: 2000 }),
      width: 30,
    }),
    column({
      key: "recusalText",
      header: "回避情形",
      synonyms: ["回避情况", "需回避情形", "回避事项"],
      parse: textCell({ max: 2000 }),
      width: 40,
    }),
    column({
      key: "phone",
      header: "联系电话",
      synonyms: ["电话", "手机", "手机号码", "联系方式"],
      parse: textCell({ max: 50 }),
      width: 14,
    }),
    column({
      key: "email",
      header: "电子邮箱",
      synonyms: ["邮箱", "电子邮件", "email"],
      parse: textCell({ max: 100 }),
      width: 20,
    }),
    column({
      key: "available",
      header: "状态",
      synonyms: ["是否可选派", "可选派状态"],
      parse: choiceCell(
        { yes: "可选派", no: "暂不可选派" },
        { 是: "yes", 否: "no", 可用: "yes", 不可用: "no" },
      ),
      format: (v: "yes" | "no" | null) => (v === "no" ? "暂不可选派" : v === "yes" ? "可选派" : null),
      width: 12,
    }),
  ],
});

export type PersonLedgerRow = LedgerRow<typeof PERSON_LEDGER>;
