import { PaperClipOutlined } from "@ant-design/icons";
import { Select, Space, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { formatSize } from "../../app/format";
import type { StatusTag } from "../../app/status";
import { useRequest } from "../../app/use-request";
import type { RoundDetail, RoundSummary } from "../rounds/api";
import type { AnswerFile, BriefingStatus } from "./api";

/** Attachments of a fieldwork record as download links through the record's own route. */
export function AttachmentLinks({ files, url }: { files: AnswerFile[]; url: (fileId: string) => string }) {
  if (!files.length) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {files.map((f) => (
        <a key={f.id} href={url(f.id)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {f.name}
          <Typography.Text type="secondary">（{formatSize(f.size)}）</Typography.Text>
        </a>
      ))}
    </Space>
  );
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
