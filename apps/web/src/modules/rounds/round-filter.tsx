import { Select } from "antd";
import type { RoundSummary } from "./api";

/** The filter 「全部轮次」 of list pages: the rounds the reader sees, cleared to show them all. */
export function RoundFilter({
  rounds,
  value,
  onChange,
  minWidth = 240,
}: {
  rounds: { data?: RoundSummary[] | undefined; loading: boolean };
  value: string | undefined;
  onChange: (roundId: string | undefined) => void;
  minWidth?: number;
}) {
  return (
    <Select
      allowClear
      placeholder="全部轮次"
      aria-label="巡察轮次"
      value={value}
      loading={rounds.loading}
      onChange={(v?: string) => onChange(v)}
      options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
      style={{ minWidth }}
      popupMatchSelectWidth={false}
    />
  );
}
