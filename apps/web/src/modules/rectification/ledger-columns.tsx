import { COMPLETIONS } from "@xuncha/domain/model";
import { Button, Card, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { formatDate } from "../../app/format";
import { latestCompletion, ledgerStateTag } from "../../app/status";
import { EllipsisText } from "../../components/ellipsis-text";
import { StatusTagView } from "../../components/status-tag";
import { SEVERITY_COLORS, severityLabel } from "../findings/finding-labels";
import type { LedgerItem, Measure } from "./api";
import { CloseOutApprovalTags, CloseOutHistory } from "./close-out";
import { ExtendDeadlineModal } from "./extend-deadline-modal";
import { MeasureList } from "./measure-list";

/** The nearest deadline among open measures, for sorting and display. */
const nearestDeadline = (i: LedgerItem) =>
  i.measures
    .filter((m) => latestCompletion(m) !== "done")
    .map((m) => m.deadline)
    .sort()[0];

/** The columns of the 整改台账: one row per fed-back problem, its actions calling back to the page. */
export function ledgerColumns({
  today,
  onCloseOut,
  onReopen,
}: {
  today: string;
  onCloseOut: (item: LedgerItem) => void;
  onReopen: (item: LedgerItem) => void;
}): ColumnsType<LedgerItem> {
  return [
    {
      title: "序号",
      key: "number",
      width: 64,
      render: (_, i) => i.finding.number,
    },
    {
      title: "状态",
      key: "state",
      fixed: "left",
      width: 150,
      render: (_, i) => <StatusTagView tag={ledgerStateTag(i.state, i.measures, today)} />,
    },
    {
      title: "被巡察单位",
      key: "target",
      render: (_, i) => <EllipsisText text={i.target.name} width={180} />,
    },
    {
      title: "巡察轮次",
      key: "round",
      render: (_, i) => <EllipsisText text={i.round.name} width={160} />,
    },
    {
      title: "问题类别",
      key: "category",
      render: (_, i) => <EllipsisText text={i.finding.categoryName} width={140} />,
    },
    { title: "问题", key: "title", render: (_, i) => <EllipsisText text={i.finding.title} width={240} /> },
    {
      title: "严重程度",
      key: "severity",
      render: (_, i) => (
        <Tag color={SEVERITY_COLORS[i.finding.severity]}>{severityLabel(i.finding.severity)}</Tag>
      ),
    },
    { title: "措施", key: "measures", align: "right", render: (_, i) => `${i.measures.length} 项` },
    {
      title: "最近时限",
      key: "deadline",
      render: (_, i) => formatDate(nearestDeadline(i)),
    },
    {
      title: "完成情况",
      key: "completion",
      render: (_, i) => {
        const done = i.measures.filter((m) => latestCompletion(m) === "done").length;
        return i.measures.length ? `${COMPLETIONS.labels.done} ${done}/${i.measures.length}` : "—";
      },
    },
    {
      title: "销号审核",
      key: "approvals",
      render: (_, i) => <CloseOutApprovalTags item={i} />,
    },
    {
      title: "佐证材料",
      key: "evidence",
      align: "right",
      render: (_, i) => `${i.closeOut?.evidence ?? 0} 份`,
    },
    { title: "销号日期", key: "closedAt", render: (_, i) => formatDate(i.closedAt) },
    {
      title: "操作",
      key: "actions",
      fixed: "right",
      render: (_, i) => (
        <Space size={0}>
          {i.abilities.closeOut && (
            <Button type="link" size="small" onClick={() => onCloseOut(i)}>
              销号
            </Button>
          )}
          {i.abilities.reopen && (
            <Button type="link" size="small" danger onClick={() => onReopen(i)}>
              重新打开
            </Button>
          )}
        </Space>
      ),
    },
  ];
}

/** A ledger row expanded: the problem's description, its measures and its close-out history. */
export function LedgerItemDetail({
  item,
  today,
  onChanged,
}: {
  item: LedgerItem;
  today: string;
  /** Reload after the office extended a deadline. */
  onChanged: () => void;
}) {
  const [extending, setExtending] = useState<Measure | null>(null);
  return (
    <Card size="small" variant="borderless">
      <Typography.Paragraph className="xc-pre">{item.finding.description}</Typography.Paragraph>
      <MeasureList
        measures={item.measures}
        today={today}
        onExtend={item.abilities.extendDeadline ? setExtending : undefined}
      />
      <CloseOutHistory item={item} />
      <ExtendDeadlineModal
        measure={extending}
        onClose={() => setExtending(null)}
        onSaved={() => {
          setExtending(null);
          onChanged();
        }}
      />
    </Card>
  );
}
