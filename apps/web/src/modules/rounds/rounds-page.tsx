import { PlusOutlined } from "@ant-design/icons";
import { ROUND_KINDS, ROUND_STAGES, type RoundKind, type RoundStage } from "@xuncha/domain/model";
import { Button, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { hasRole } from "../../app/session";
import { roundStatusTag } from "../../app/status";
import { labelFilters, numberSorter, textSorter, totalText } from "../../app/table";
import { useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { StatusTagView } from "../../components/status-tag";
import { TableToolbar } from "../../components/table-toolbar";
import type { RoundSummary } from "./api";
import { RoundFormDrawer } from "./round-form-drawer";

export function RoundsPage() {
  const me = useMe();
  const canCreate = hasRole(me, "officeStaff");
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<number>();

  const columns: ColumnsType<RoundSummary> = [
    {
      title: "巡察轮次",
      dataIndex: "name",
      fixed: "left",
      sorter: textSorter((r) => `${r.startsOn}${String(r.number).padStart(3, "0")}`),
      render: (_, r) => (
        <Link to={`/rounds/${r.id}`}>
          <EllipsisText text={r.name} width={240} />
        </Link>
      ),
    },
    {
      title: "巡察类型",
      dataIndex: "kind",
      filters: labelFilters(ROUND_KINDS.labels),
      onFilter: (v, r) => r.kind === v,
      render: (k: RoundKind) => ROUND_KINDS.labels[k] ?? k,
    },
    { title: "主题", dataIndex: "theme", render: (t: string) => <EllipsisText text={t} width={180} /> },
    {
      title: "开始日期",
      dataIndex: "startsOn",
      sorter: textSorter((r) => r.startsOn),
      defaultSortOrder: "descend",
      render: formatDate,
    },
    { title: "结束日期", dataIndex: "endsOn", sorter: textSorter((r) => r.endsOn), render: formatDate },
    {
      title: "当前阶段",
      dataIndex: "stage",
      filters: labelFilters(ROUND_STAGES.labels),
      onFilter: (v, r) => r.stage === v,
      render: (s: RoundStage) => <Tag>{ROUND_STAGES.labels[s] ?? s}</Tag>,
    },
    {
      title: "状态",
      dataIndex: "status",
      filters: [
        { text: "进行中", value: "open" },
        { text: "已结束", value: "closed" },
      ],
      onFilter: (v, r) => r.status === v,
      render: (s: string) => <StatusTagView tag={roundStatusTag(s)} />,
    },
    { title: "巡察组", dataIndex: "groupCount", align: "right", sorter: numberSorter((r) => r.groupCount) },
    {
      title: "巡察对象",
      dataIndex: "targetCount",
      align: "right",
      sorter: numberSorter((r) => r.targetCount),
    },
  ];

  return (
    <PageContainer
      title="巡察轮次"
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建轮次
          </Button>
        )
      }
    >
      {rounds.error ? (
        <LoadError error={rounds.error} onRetry={rounds.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${shown ?? rounds.data?.length ?? 0} 轮巡察`} />
          <DataTable<RoundSummary>
            rowKey="id"
            size="middle"
            loading={rounds.loading}
            columns={columns}
            dataSource={rounds.data}
            scroll={{ x: "max-content" }}
            onChange={(_p, _f, _s, extra) => setShown(extra.currentDataSource.length)}
            pagination={{ pageSize: 20, showTotal: totalText("轮"), hideOnSinglePage: true }}
            locale={{ emptyText: canCreate ? "还没有巡察轮次，请点击“新建轮次”" : "暂无可查看的巡察轮次" }}
          />
        </>
      )}
      <RoundFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          rounds.reload();
        }}
      />
    </PageContainer>
  );
}
