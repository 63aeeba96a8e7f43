import { Card, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { formatDate } from "../../../app/format";
import { useRequest } from "../../../app/use-request";
import { DataTable } from "../../../components/data-table";
import { LoadError } from "../../../components/load-error";
import { CARRIED_STATE_TAGS, type CarriedOverItem } from "./api";

/**
 * 回头看 on a round's page: the problems of earlier rounds, on the targets this round inspects, that
 * are still not closed out or were reopened. The office and leading group see every target; a group its own.
 */
export function CarriedOverCard({ roundId }: { roundId: string }) {
  const list = useRequest<{ items: CarriedOverItem[] }>(`/rounds/${roundId}/carried-over`);
  const rows = list.data?.items ?? [];
  const columns: ColumnsType<CarriedOverItem> = [
    { title: "被巡察单位", dataIndex: "targetName" },
    { title: "问题", key: "title", render: (_, i) => `${i.number}. ${i.title}` },
    { title: "问题类别", dataIndex: "categoryName", responsive: ["lg"] },
    { title: "原巡察轮次", key: "round", responsive: ["md"], render: (_, i) => i.fromRound.name },
    {
      title: "反馈日期",
      dataIndex: "fedBackOn",
      width: 110,
      responsive: ["lg"],
      render: (v: string | null) => formatDate(v),
    },
    {
      title: "状态",
      key: "state",
      width: 150,
      render: (_, i) => (
        <span title={i.reopenReason || undefined}>
          <Tag color={CARRIED_STATE_TAGS[i.state].color}>{CARRIED_STATE_TAGS[i.state].label}</Tag>
        </span>
      ),
    },
  ];
  return (
    <Card size="small" title={`回头看：以往巡察未完成整改的问题（${rows.length} 个）`}>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        本轮巡察对象在以往轮次中反馈、至今尚未销号或销号后又重新打开的问题，供本轮巡察一并检查整改情况。
      </Typography.Paragraph>
      <DataTable<CarriedOverItem>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: "没有需要回头看的问题" }}
      />
    </Card>
  );
}
