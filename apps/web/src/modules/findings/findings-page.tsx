import { PlusOutlined } from "@ant-design/icons";
import { FINDING_STATUSES, type FindingStatus, SEVERITIES, type Severity } from "@xuncha/domain/model";
import { Button, Input, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { groupGrants } from "../../app/session";
import { findingStatusTag } from "../../app/status";
import { labelFilters, numberSorter, textSorter, valueFilters } from "../../app/table";
import { useRequest } from "../../app/use-request";
import { useServerPaging } from "../../app/use-server-paging";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { StatusTagView } from "../../components/status-tag";
import { TableToolbar } from "../../components/table-toolbar";
import type { RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";
import type { FindingItem, FindingList } from "./api";
import { FindingDrawer } from "./finding-drawer";
import { findingsCountText, ROUTE_SHORT, routeText, SEVERITY_COLORS, severityLabel } from "./finding-labels";

const ROUTE_FILTERS = [
  { value: "undecided", label: "待决定" },
  ...Object.entries(ROUTE_SHORT).map(([value, label]) => ({ value, label })),
];

export function FindingsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const roundId = params.get("roundId") ?? undefined;
  const status = (params.get("status") ?? undefined) as FindingStatus | undefined;
  const route = params.get("route") ?? undefined;
  const q = params.get("q") ?? "";
  const openId = params.get("open");
  const [search, setSearch] = useState(q);
  const { page, pageSize, setPage, pagination } = useServerPaging();
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const list = useRequest<FindingList>("/findings", { roundId, status, route, q, page, pageSize });
  const canCreate = groupGrants(me).length > 0;

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    if (key !== "open") setPage(1);
  };
  const items = list.data?.items ?? [];

  const columns: ColumnsType<FindingItem> = [
    { title: "编号", dataIndex: "number", width: 72, fixed: "left", sorter: numberSorter((f) => f.number) },
    {
      title: "问题标题",
      dataIndex: "title",
      fixed: "left",
      render: (t: string, f) => (
        <Button type="link" style={{ padding: 0, height: "auto" }} onClick={() => setParam("open", f.id)}>
          <EllipsisText text={t} width={260} />
        </Button>
      ),
    },
    {
      title: "被巡察对象",
      key: "target",
      sorter: textSorter((f) => f.target.name),
      filters: valueFilters(items, (f) => f.target.name),
      filterSearch: true,
      onFilter: (v, f) => f.target.name === v,
      render: (_, f) => <EllipsisText text={f.target.name} width={200} />,
    },
    {
      title: "巡察组",
      key: "group",
      filters: valueFilters(items, (f) => f.group.name),
      onFilter: (v, f) => f.group.name === v,
      render: (_, f) => f.group.name,
    },
    {
      title: "问题类别",
      dataIndex: "categoryName",
      filters: valueFilters(items, (f) => f.categoryName),
      onFilter: (v, f) => f.categoryName === v,
      render: (c: string) => <EllipsisText text={c} width={180} />,
    },
    {
      title: "严重程度",
      dataIndex: "severity",
      filters: labelFilters(SEVERITIES.labels),
      onFilter: (v, f) => f.severity === v,
      sorter: numberSorter((f) => SEVERITIES.keys.indexOf(f.severity)),
      render: (s: Severity) => <Tag color={SEVERITY_COLORS[s]}>{severityLabel(s)}</Tag>,
    },
    {
      title: "审批状态",
      dataIndex: "status",
      render: (s: string) => <StatusTagView tag={findingStatusTag(s)} />,
    },
    { title: "处置方式", key: "route", render: (_, f) => routeText(f.route, f.routeDept) },
    {
      title: "反馈/整改",
      key: "rect",
      filters: [
        { text: "未反馈", value: "no" },
        { text: "整改中", value: "open" },
        { text: "已销号", value: "closed" },
      ],
      onFilter: (v, f) =>
        v === "closed" ? !!f.closedAt : v === "open" ? f.fedBack && !f.closedAt : !f.fedBack,
      render: (_, f) =>
        f.closedAt ? (
          <Tag color="green">已销号</Tag>
        ) : f.fedBack ? (
          <Tag color="blue">已反馈</Tag>
        ) : (
          <Tag>未反馈</Tag>
        ),
    },
    {
      title: "登记日期",
      dataIndex: "createdAt",
      sorter: textSorter((f) => f.createdAt),
      render: formatDate,
    },
  ];

  return (
    <PageContainer
      title="巡察发现问题"
      extra={
        canCreate && (
          <Link to="/findings/new">
            <Button type="primary" icon={<PlusOutlined />}>
              登记问题
            </Button>
          </Link>
        )
      }
    >
      <search className="xc-filters">
        <RoundFilter rounds={rounds} value={roundId} onChange={(id) => setParam("roundId", id)} />
        <Select
          allowClear
          placeholder="全部审批状态"
          aria-label="审批状态"
          value={status}
          onChange={(v?: string) => setParam("status", v)}
          options={FINDING_STATUSES.keys.map((k) => ({ value: k, label: FINDING_STATUSES.labels[k] }))}
        />
        <Select
          allowClear
          placeholder="全部处置方式"
          aria-label="处置方式"
          value={route}
          onChange={(v?: string) => setParam("route", v)}
          options={ROUTE_FILTERS}
        />
        <Input.Search
          allowClear
          placeholder="搜索标题或描述"
          aria-label="搜索标题或描述"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setParam("q", v.trim() || undefined)}
        />
      </search>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          <TableToolbar countText={findingsCountText(list.data?.total ?? 0, list.data?.totalCapped)} />
          <DataTable<FindingItem>
            rowKey="id"
            size="middle"
            loading={list.loading}
            columns={columns}
            dataSource={items}
            scroll={{ x: "max-content" }}
            pagination={pagination(list.data?.total ?? 0, (total) =>
              findingsCountText(total, list.data?.totalCapped),
            )}
            locale={{ emptyText: "没有符合条件的问题" }}
          />
        </>
      )}
      <FindingDrawer findingId={openId} onClose={() => setParam("open", undefined)} onChanged={list.reload} />
    </PageContainer>
  );
}
