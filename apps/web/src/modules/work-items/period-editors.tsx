import { Button, InputNumber, Select, Space, Typography } from "antd";
import {
  ANCHOR_LABELS,
  DEADLINE_LABELS,
  type DeadlineKey,
  type DueAnchor,
  type DueRule,
  type Period,
} from "./api";

export const UNIT_OPTIONS = [
  { value: "days", label: "天" },
  { value: "months", label: "个月" },
];
export const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));

/** A period as a number and a unit (天 / 个月). */
export function PeriodInput({
  value,
  onChange,
  disabled,
}: {
  value: Period;
  onChange: (p: Period) => void;
  disabled?: boolean;
}) {
  return (
    <Space.Compact>
      <InputNumber
        min={0}
        max={3650}
        precision={0}
        value={value.amount}
        disabled={disabled}
        onChange={(v) => onChange({ ...value, amount: v ?? 0 })}
        style={{ width: 80 }}
        aria-label="时长"
      />
      <Select
        value={value.unit}
        disabled={disabled}
        options={UNIT_OPTIONS}
        onChange={(unit) => onChange({ ...value, unit })}
        style={{ width: 80 }}
        aria-label="单位"
      />
    </Space.Compact>
  );
}

/** A work item's due rule: a period before or after an anchor of the round. */
export function DueEditor({
  due,
  onChange,
  disabled,
}: {
  due: DueRule | null;
  onChange: (d: DueRule | null) => void;
  disabled: boolean;
}) {
  if (!due)
    return (
      <Space>
        <Typography.Text type="secondary">无期限</Typography.Text>
        {!disabled && (
          <Button
            size="small"
            type="link"
            onClick={() =>
              onChange({
                anchor: "roundStart",
                before: false,
                deadline: null,
                offset: { amount: 0, unit: "days" },
              })
            }
          >
            设置期限
          </Button>
        )}
      </Space>
    );
  return (
    <Space wrap size={4}>
      <Select<DueAnchor>
        value={due.anchor}
        disabled={disabled}
        options={options(ANCHOR_LABELS)}
        onChange={(anchor) => onChange({ ...due, anchor })}
        style={{ width: 130 }}
        aria-label="起算日"
      />
      <Select
        value={due.before ? "before" : "after"}
        disabled={disabled}
        options={[
          { value: "before", label: "前" },
          { value: "after", label: "后" },
        ]}
        onChange={(v) => onChange({ ...due, before: v === "before" })}
        style={{ width: 64 }}
        aria-label="前或后"
      />
      <Select<DeadlineKey | "none">
        value={due.deadline ?? "none"}
        disabled={disabled}
        options={[{ value: "none", label: "（不用时限）" }, ...options(DEADLINE_LABELS)]}
        onChange={(v) => onChange({ ...due, deadline: v === "none" ? null : v })}
        style={{ width: 210 }}
        aria-label="按工作时限"
      />
      <span>再加</span>
      <PeriodInput
        value={due.offset ?? { amount: 0, unit: "days" }}
        disabled={disabled}
        onChange={(p) => onChange({ ...due, offset: p.amount ? p : null })}
      />
      {!disabled && (
        <Button size="small" type="link" onClick={() => onChange(null)}>
          取消期限
        </Button>
      )}
    </Space>
  );
}
