import { DatePicker } from "antd";
import type { Dayjs } from "dayjs";
import { useIsPhone } from "./use-is-phone";

export type DateRange = [Dayjs | null, Dayjs | null];

/**
 * A start and an end date for a form: a range picker on a desktop; on a phone, whose screen cannot
 * hold the range picker's two months side by side, two pickers of one month each (no keyboard).
 */
export function DateRangeField({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: DateRange | null;
  onChange?: (value: DateRange | null) => void;
}) {
  const phone = useIsPhone();
  const [start = null, end = null] = value ?? [];
  if (!phone)
    return (
      <DatePicker.RangePicker
        id={id}
        style={{ width: "100%" }}
        value={[start, end]}
        onChange={(v) => onChange?.(v ? [v[0], v[1]] : null)}
      />
    );
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
      <DatePicker
        id={id}
        aria-label="开始日期"
        placeholder="开始日期"
        inputReadOnly
        style={{ flex: 1, minWidth: 0 }}
        value={start}
        onChange={(d) => onChange?.([d, end])}
      />
      <span>至</span>
      <DatePicker
        aria-label="截止日期"
        placeholder="截止日期"
        inputReadOnly
        style={{ flex: 1, minWidth: 0 }}
        value={end}
        minDate={start ?? undefined}
        onChange={(d) => onChange?.([start, d])}
      />
    </div>
  );
}
