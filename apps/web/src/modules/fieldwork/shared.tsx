import { PaperClipOutlined } from "@ant-design/icons";
import { Select, Space, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { formatSize } from "../../app/format";
import type { StatusTag } from "../../app/status";
import { useRequest } from "../../app/use-request";
import type { RoundDetail, RoundSummary } from "../rounds/api";
import type { AnswerFile, BriefingStatus } from "./api";

/**
 * Attachments of a fieldwork record as download links through the record's own route; in a table,
 * `maxWidth` cuts long names (the full name on hover).
 */
export function AttachmentLinks({
  files,
  url,
  maxWidth,
}: {
  files: AnswerFile[];
  url: (fileId: string) => string;
  maxWidth?: number;
}) {
  if (!files.length) return <Typography.Text type="secondary">无附件</Typography.Text>;
  const cut = maxWidth
    ? ({
        display: "inline-block",
        maxWidth,
        overflow: "hidden",
        textOverflow: "ellipsis",
        whiteSpace: "nowrap",
        verticalAlign: "bottom",
      } as const)
    : { overflowWrap: "anywhere" as const };
  return (
    <Space orientation="vertical" size={2} style={{ maxWidth: "100%" }}>
      {files.map((f) => (
        <a key={f.id} href={url(f.id)} target="_blank" rel="noreferrer" title={f.name} style={cut}>
          <PaperClipOutlined /> {f.name}
          <Typography.Text type="secondary">（{formatSize(f.size)}）</Typography.Text>
        </a>
      ))}
    </Space>
  );
}

/** Table filters by id, labelled with the name (e.g. one per target of the list), in name order. */
export function idFilters<T>(rows: readonly T[], id: (row: T) => string, name: (row: T) => string) {
  const byId = new Map(rows.map((r) => [id(r), name(r)]));
  return [...byId]
    .sort((a, b) => a[1].localeCompare(b[1], "zh-CN"))
    .map(([value, text]) => ({ text, value }));
}

export const BRIEFING_STATUS_TAGS: Record<BriefingStatus, StatusTag> = {
  pending: { tone: "progress", label: "待通报" },
  answered: { tone: "done", label: "已通报" },
  overdue: { tone: "overdue", label: "已逾期" },
};

/**
 * The round the page works on (the newest open one by default) and its detail: groups with their
 * members and targets, as far as the account sees them.
 */
export function useRoundPick(roundId: string | undefined, setRoundId: (id: string) => void) {
  const rounds = useRequest<RoundSummary[]>("/rounds");
  useEffect(() => {
    if (roundId || !rounds.data?.length) return;
    const open = rounds.data.find((r) => r.status === "open") ?? rounds.data[0]!;
    setRoundId(open.id);
  }, [roundId, rounds.data, setRoundId]);
  const detail = useRequest<RoundDetail>(roundId ? `/rounds/${roundId}` : null);
  const targets = useMemo(
    () =>
      (detail.data?.groups ?? []).flatMap((g) =>
        g.targets.map((t) => ({ id: t.id, name: t.name, groupId: g.id, groupName: g.name })),
      ),
    [detail.data],
  );
  return { rounds, detail, targets };
}

export function RoundSelect({
  rounds,
  value,
  onChange,
}: {
  rounds: RoundSummary[] | undefined;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  return (
    <Select
      placeholder="选择巡察轮次"
      aria-label="巡察轮次"
      value={value}
      onChange={onChange}
      loading={!rounds}
      options={(rounds ?? []).map((r) => ({
        value: r.id,
        label: `${r.name}${r.status === "closed" ? "（已结束）" : ""}`,
      }))}
      style={{ minWidth: 260, maxWidth: "100%" }}
      popupMatchSelectWidth={false}
    />
  );
}
