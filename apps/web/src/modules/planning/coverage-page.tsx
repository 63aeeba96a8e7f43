import { DownloadOutlined, ScheduleOutlined } from "@ant-design/icons";
import { TARGET_CATEGORIES, type TargetCategory } from "@xuncha/domain/model";
import {
  Alert,
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api, download } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { textSorter, totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { ReasonModal } from "../../components/reason-modal";
import { TableToolbar } from "../../components/table-toolbar";
import {
  COVERAGE_STATUS_COLORS,
  COVERAGE_STATUS_LABELS,
  COVERAGE_TYPE_LABELS,
  type Coverage,
  type CoverageCounts,
  type CoverageStatus,
  type CoverageTarget,
  type CoverageType,
  type PlanTerm,
} from "./api";
import { PlannerView } from "./planner-view";

const rateText = (rate: number | null) => (rate === null ? "—" : `${rate}%`);

/** 全覆盖: the term's coverage and its planner, one tab each. */
export function CoveragePage() {
  const [params, setParams] = useSearchParams();
  const terms = useRequest<PlanTerm[]>("/planning/terms");
  // The upper level reads several committees' terms: name the committee then.
  const severalCommittees = new Set((terms.data ?? []).map((t) => t.committeeId)).size > 1;
  const termId = params.get("term") ?? terms.data?.[0]?.id ?? null;
  const term = terms.data?.find((t) => t.id === termId);
  const tab = params.get("tab") === "planner" ? "planner" : "coverage";
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  if (terms.error) return <LoadError error={terms.error} onRetry={terms.reload} />;
  return (
    <PageContainer
      title="巡察全覆盖"
      extra={
        <Select
          aria-label="届次"
          style={{ minWidth: 200 }}
          loading={terms.loading}
          value={termId ?? undefined}
          placeholder="选择届次"
          onChange={(v: string) => setParam("term", v)}
          options={(terms.data ?? []).map((t) => ({
            value: t.id,
            label: `${severalCommittees ? `${t.committeeName} · ` : ""}${t.name}（${t.startsOn.slice(0, 4)}—${t.endsOn.slice(0, 4)}）`,
          }))}
        />
      }
    >
      {!terms.loading && !terms.data?.length ? (
        <Empty description="尚无届次。请在“巡察轮次”页点击“新建轮次”，在表单中新建届次。" />
      ) : termId ? (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam("tab", k)}
          items={[
            {
              key: "coverage",
              label: "覆盖情况",
              children: (
                <CoverageView
                  termId={termId}
                  canPlan={!!term?.canPlan}
                  onPlan={() => setParam("tab", "planner")}
                />
              ),
            },
            {
              key: "planner",
              label: "规划方案",
              children: term ? <PlannerView term={term} onTermChanged={terms.reload} /> : null,
            },
          ]}
        />
      ) : null}
    </PageContainer>
  );
}

function Figure({
  label,
  value,
  strong,
  hint,
}: {
  label: string;
  value: string | number;
  strong?: boolean;
  /** How the figure is computed, on hover. */
  hint?: string;
}) {
  const figure = <div style={{ fontSize: strong ? 24 : 20, fontWeight: 600 }}>{value}</div>;
  return (
    <div style={{ minWidth: 96 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {hint ? (
        <Tooltip title={hint}>
          <span style={{ cursor: "help" }} role="note" aria-label={`${value}，${hint}`}>
            {figure}
          </span>
        </Tooltip>
      ) : (
        figure
      )}
    </div>
  );
}

const rateHint = (c: CoverageCounts) =>
  c.rate === null
    ? "覆盖率 = 已覆盖 ÷ 应覆盖（尚无应覆盖的对象）"
    : `覆盖率 = 已覆盖 ÷ 应覆盖 = ${c.covered} ÷ ${c.required}`;

function CoverageBar({ counts }: { counts: CoverageCounts }) {
  const parts: [CoverageStatus, string][] = [
    ["covered", "#52c41a"],
    ["scheduled", "#1677ff"],
    ["planned", "#13c2c2"],
    ["uncovered", "#faad14"],
  ];
  const base = counts.required || 1;
  return (
    <div
      role="img"
      aria-label={`已覆盖 ${counts.covered}，已安排 ${counts.scheduled}，已规划 ${counts.planned}，未覆盖 ${counts.uncovered}`}
      style={{
        display: "flex",
        height: 10,
        borderRadius: 5,
        overflow: "hidden",
        background: "#f0f0f0",
        minWidth: 80,
      }}
    >
      {parts.map(([k, color]) => (
        <div key={k} style={{ width: `${(counts[k] / base) * 100}%`, background: color }} />
      ))}
    </div>
  );
}

function CoverageView({ termId, canPlan, onPlan }: { termId: string; canPlan: boolean; onPlan: () => void }) {
  const [type, setType] = useState<CoverageType>();
  const [status, setStatus] = useState<CoverageStatus>();
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const coverage = useRequest<Coverage>(`/planning/terms/${termId}/coverage`, { type, status, q });
  const [excluding, setExcluding] = useState<CoverageTarget | null>(null);
  const { run, pending } = useAction();

  const onExport = async () => {
    const name = `${coverage.data?.term.name ?? ""}全覆盖情况.xlsx`;
    const result = await run(() =>
      download(`/planning/terms/${termId}/coverage/export`, { type, status, q }, name),
    );
    if (result.ok) notifySuccess(`已导出：${result.value}`);
  };
  const exclude = async (reason: string) => {
    if (!excluding) return;
    const result = await run(() =>
      api.post(`/planning/terms/${termId}/exclusions`, { targetId: excluding.id, reason }),
    );
    if (result.ok) {
      notifySuccess(`已将${excluding.name}排除出本届规划`);
      setExcluding(null);
      coverage.reload();
    }
  };
  const include = async (t: CoverageTarget) => {
    const result = await run(() => api.delete(`/planning/terms/${termId}/exclusions/${t.id}`));
    if (result.ok) {
      notifySuccess(`已将${t.name}纳入本届规划`);
      coverage.reload();
    }
  };

  if (coverage.error) return <LoadError error={coverage.error} onRetry={coverage.reload} />;
  const data = coverage.data;
  const columns: ColumnsType<CoverageTarget> = [
    {
      title: "被巡察党组织",
      dataIndex: "name",
      fixed: "left",
      sorter: textSorter((t) => t.name),
      render: (n: string, t) => (
        <>
          <EllipsisText text={n} width={220} />
          {t.parentName && (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {t.parentName}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: "类别",
      dataIndex: "category",
      render: (c: string) => TARGET_CATEGORIES.labels[c as TargetCategory] ?? c,
    },
    {
      title: "本届覆盖情况",
      dataIndex: "status",
      render: (s: CoverageStatus, t) => (
        <Space direction="vertical" size={0}>
          <Tag color={COVERAGE_STATUS_COLORS[s]}>{COVERAGE_STATUS_LABELS[s]}</Tag>
          {t.termRound && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              第{t.termRound.roundNumber}轮 {t.termRound.groupName}
            </Typography.Text>
          )}
          {t.planned && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              规划第{t.planned.roundNumber}轮第{t.planned.groupNumber}组
            </Typography.Text>
          )}
          {t.exclusionReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              理由：{t.exclusionReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: "上次巡察",
      dataIndex: "lastInspectedOn",
      sorter: textSorter((t) => t.lastInspectedOn),
      render: (d: string | null, t) => (
        <>
          {d ? formatDate(d) : "从未巡察"}
          {t.lastRoundLabel && (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              <EllipsisText text={t.lastRoundLabel} width={200} />
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: "所属系统领域", dataIndex: "sector", render: (v: string) => v || "—" },
    ...(canPlan
      ? [
          {
            title: "操作",
            key: "actions",
            render: (_: unknown, t: CoverageTarget) =>
              t.status === "excluded" ? (
                <Popconfirm title={`将${t.name}重新纳入本届规划？`} onConfirm={() => include(t)}>
                  <Button type="link" size="small">
                    纳入规划
                  </Button>
                </Popconfirm>
              ) : t.status === "uncovered" || t.status === "planned" ? (
                <Button type="link" size="small" onClick={() => setExcluding(t)}>
                  不纳入本届
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      {data && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 24, alignItems: "flex-end" }}>
            <Figure label="覆盖率" value={rateText(data.totals.rate)} strong hint={rateHint(data.totals)} />
            <Figure label="应覆盖" value={data.totals.required} />
            <Figure label="已覆盖" value={data.totals.covered} />
            <Figure label="已安排" value={data.totals.scheduled} />
            <Figure label="已规划" value={data.totals.planned} />
            <Figure label="未覆盖" value={data.totals.uncovered} />
            <Figure label="尚待覆盖" value={data.totals.remaining} />
            <Figure
              label="轮次（已有 / 规划）"
              value={`${data.rounds.held} / ${data.term.plannedRounds || "—"}`}
            />
            {canPlan && (
              <Button type="primary" icon={<ScheduleOutlined />} onClick={onPlan}>
                规划后续轮次
              </Button>
            )}
          </div>
          {data.totals.remaining > 0 && data.rounds.future === 0 && data.rounds.inPreparation === 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={`尚有 ${data.totals.remaining} 个对象待覆盖，但本届已无规划中的后续轮次，请在“规划方案”中设置规划轮数。`}
            />
          )}
        </Card>
      )}
      {data && (
        <Card size="small" title="按对象类型" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="type"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={data.byType}
            onRow={(r) => ({
              onClick: () => setType(type === r.type ? undefined : r.type),
              style: { cursor: "pointer" },
            })}
            rowClassName={(r) => (r.type === type ? "ant-table-row-selected" : "")}
            columns={[
              { title: "类型", dataIndex: "label" },
              { title: "总数", dataIndex: "total" },
              { title: "不纳入", dataIndex: "excluded" },
              { title: "已覆盖", dataIndex: "covered" },
              { title: "已安排", dataIndex: "scheduled" },
              { title: "已规划", dataIndex: "planned" },
              { title: "未覆盖", dataIndex: "uncovered" },
              {
                title: "覆盖率",
                dataIndex: "rate",
                render: (rate: number | null, r) => (
                  <Tooltip title={rateHint(r)}>
                    <span style={{ cursor: "help" }}>{rateText(rate)}</span>
                  </Tooltip>
                ),
              },
              { title: "进度", key: "bar", width: 140, render: (_, r) => <CoverageBar counts={r} /> },
            ]}
          />
          <details style={{ marginTop: 8 }}>
            <summary style={{ cursor: "pointer" }}>统计口径</summary>
            <ul style={{ margin: "8px 0 0", paddingInlineStart: 20 }}>
              {data.definition.map((d) => (
                <li key={d}>
                  <Typography.Text type="secondary">{d}</Typography.Text>
                </li>
              ))}
            </ul>
          </details>
        </Card>
      )}
      <search className="xc-filters">
        <Select<CoverageType>
          allowClear
          placeholder="全部类型"
          aria-label="对象类型"
          value={type}
          onChange={setType}
          options={Object.entries(COVERAGE_TYPE_LABELS).map(([value, label]) => ({
            value: value as CoverageType,
            label,
          }))}
        />
        <Select<CoverageStatus>
          allowClear
          placeholder="全部覆盖情况"
          aria-label="覆盖情况"
          value={status}
          onChange={setStatus}
          options={Object.entries(COVERAGE_STATUS_LABELS).map(([value, label]) => ({
            value: value as CoverageStatus,
            label,
          }))}
        />
        <Input.Search
          allowClear
          placeholder="搜索对象或所属乡镇"
          aria-label="搜索对象或所属乡镇"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setQ(v.trim())}
        />
      </search>
      <TableToolbar countText={`共 ${data?.targets.length ?? 0} 个对象`}>
        <Button icon={<DownloadOutlined />} loading={pending} onClick={onExport}>
          导出 Excel
        </Button>
      </TableToolbar>
      <DataTable<CoverageTarget>
        rowKey="id"
        size="middle"
        loading={coverage.loading}
        columns={columns}
        dataSource={data?.targets}
        scroll={{ x: "max-content" }}
        pagination={{
          defaultPageSize: 50,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: totalText("个对象"),
        }}
        locale={{ emptyText: type || status || q ? "没有符合条件的对象" : "对象库为空" }}
      />
      <ReasonModal
        open={!!excluding}
        title={`不纳入本届规划：${excluding?.name ?? ""}`}
        label="理由（如已撤并、已划转）"
        okText="确定"
        pending={pending}
        onSubmit={exclude}
        onCancel={() => setExcluding(null)}
      />
    </>
  );
}
