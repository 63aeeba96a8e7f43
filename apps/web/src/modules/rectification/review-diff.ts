import { COMPLETIONS } from "@xuncha/domain/model";
import type { FieldChange, Fields, FieldValue, VersionContent, VersionDiff } from "./review-api";

/** Labels of the fields of a plan's or a report's measures and of the whole document. */
export const FIELD_LABELS: Record<string, string> = {
  findingId: "对应问题",
  content: "整改措施",
  goal: "整改目标",
  responsibleLeader: "责任领导",
  responsibleDept: "责任部门",
  responsiblePerson: "责任人",
  deadline: "整改时限",
  longTerm: "常态化",
  progress: "进展情况",
  completion: "完成情况",
  summary: "方案概述",
  text: "报告正文",
};

/** Fields shown in this order; others after them. */
const FIELD_ORDER = Object.keys(FIELD_LABELS);

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** A field's value as text: 是/否, the completion's label, （空） for nothing. */
export function formatFieldValue(field: string, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value))
    return value.length ? value.map((v) => formatFieldValue(field, v)).join("、") : "（空）";
  if (field === "completion" && typeof value === "string") return COMPLETIONS.labels[value as never] ?? value;
  return String(value);
}

export interface FieldRow {
  field: string;
  label: string;
  before: string;
  after: string;
}

const byOrder = (a: string, b: string) => {
  const ia = FIELD_ORDER.indexOf(a);
  const ib = FIELD_ORDER.indexOf(b);
  return (ia < 0 ? FIELD_ORDER.length : ia) - (ib < 0 ? FIELD_ORDER.length : ib);
};

/** Field changes as rows (before → after), in the display order of the fields. */
export function changeRows(changes: readonly FieldChange[], hide: readonly string[] = []): FieldRow[] {
  return [...changes]
    .filter((c) => !hide.includes(c.field))
    .sort((a, b) => byOrder(a.field, b.field))
    .map((c) => ({
      field: c.field,
      label: fieldLabel(c.field),
      before: formatFieldValue(c.field, c.before),
      after: formatFieldValue(c.field, c.after),
    }));
}

/** All fields of a measure as rows with an empty "before" (an added or a removed measure). */
export function fieldRows(fields: Fields, hide: readonly string[] = []): FieldRow[] {
  return Object.keys(fields)
    .filter((f) => !hide.includes(f))
    .sort(byOrder)
    .map((field) => ({
      field,
      label: fieldLabel(field),
      before: "",
      after: formatFieldValue(field, fields[field]),
    }));
}

export type MeasureDiffKind = "added" | "changed" | "removed" | "unchanged";
export const MEASURE_DIFF_LABELS: Record<MeasureDiffKind, string> = {
  added: "新增",
  changed: "已修改",
  removed: "已删除",
  unchanged: "未修改",
};

export interface MeasureDiffView {
  id: string;
  kind: MeasureDiffKind;
  /** The measure's fields in the version shown (the old ones for a removed measure). */
  fields: Fields;
  /** Changed fields (changed), every field (added, removed), nothing (unchanged). */
  rows: FieldRow[];
}

/**
 * One entry per measure of the version shown (in its order, unchanged ones included), then the
 * removed ones: what a reviewer sees of a diff. `previous` gives the removed measures' fields.
 */
export function measureDiffViews(
  diff: VersionDiff,
  current: VersionContent,
  hide: readonly string[] = [],
): MeasureDiffView[] {
  const changes = new Map(diff.measures.map((c) => [c.id, c]));
  const views: MeasureDiffView[] = current.measures.map((m) => {
    const c = changes.get(m.id);
    if (!c) return { id: m.id, kind: "unchanged", fields: m.fields, rows: [] };
    if (c.kind === "added")
      return { id: m.id, kind: "added", fields: m.fields, rows: fieldRows(c.after, hide) };
    if (c.kind === "changed")
      return { id: m.id, kind: "changed", fields: m.fields, rows: changeRows(c.fields, hide) };
    return { id: m.id, kind: "unchanged", fields: m.fields, rows: [] };
  });
  for (const c of diff.measures) {
    if (c.kind === "removed")
      views.push({ id: c.id, kind: "removed", fields: c.before, rows: fieldRows(c.before, hide) });
  }
  return views;
}

/** "自第 2 版以来的变化" or "首次审核（全部为新增）". */
export function diffCaption(diff: VersionDiff): string {
  if (diff.from === null) return `首次审核第 ${diff.to} 版，全部内容均为新增`;
  const n = diff.measures.length;
  const whole = diff.whole.length ? "，整体内容有修改" : "";
  return `与本方上次审核的第 ${diff.from} 版相比：${n ? `${n} 条措施有变化` : "措施无变化"}${whole}，${diff.unchanged.length} 条未修改`;
}
