import {
  COMMITTEE_LEVELS,
  type CommitteeLevel,
  categoryName,
  type Rate,
  rectificationRate,
} from "@xuncha/domain/model";
import { Card, Col, Empty, Row, Statistic, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { lazy, Suspense, useMemo } from "react";
import { Link } from "react-router-dom";
import { PageLoading } from "../../app/app-layout";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { hasRole } from "../../app/session";
import { roundStatusTag } from "../../app/status";
import { numberSorter, textSorter } from "../../app/table";
import { useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { RateText } from "../../components/rate-text";
import { StatusTagView } from "../../components/status-tag";
import type { RoundSummary } from "../rounds/api";
import { OverdueWorkItemsCard } from "../work-items/overdue-work-items-card";

const HorizontalBarChart = lazy(async () => ({
  default: (await import("../../components/bar-chart")).HorizontalBarChart,
}));

/** GET /api/statistics/overview items */
interface CommitteeOverview {
  committee: { id: string; name: string; level: CommitteeLevel };
  rounds: number;
  targets: number;
  findings: number;
  drafts: number;
  clues: number;
  fedBack: number;
  closed: number;
  rectificationRate: Rate;
  byCategory: { category: string; count: number }[];
}

function Figures({ o }: { o: CommitteeOverview }) {
  const figures: [string, number, string][] = [
    ["巡察轮次", o.rounds, "轮"],
    ["被巡察对象", o.targets, "个"],
    ["发现问题", o.findings, "个"],
    ["移交线索", o.clues, "件"],
    ["已反馈问题", o.fedBack, "个"],
    ["已销号问题", o.closed, "个"],
  ];
  return (
    <Row gutter={[12, 12]}>
      {figures.map(([title, value, suffix]) => (
        <Col key={title} xs={12} sm={8} xl={3}>
          <Card size="small">
            <Statistic title={title} value={value} suffix={suffix} />
          </Card>
        </Col>
      ))}
      <Col xs={12} sm={8} xl={6}>
        <Card size="small">
          <Statistic title="整改率" valueRender={() => <RateText rate={o.rectificationRate} strong />} />
        </Card>
      </Col>
    </Row>
  );
}

function CategoryChart({ o }: { o: CommitteeOverview }) {
  const data = useMemo(
    () =>
      [...o.byCategory]
        .sort((a, b) => b.count - a.count)
        .slice(0, 12)
        .map((b) => ({ name: categoryName(b.category), value: b.count })),
    [o.byCategory],
  );
  return (
    <Card size="small" title="已审批问题按类别分布">
      {data.length === 0 ? (
        <Empty description="尚无已审批的问题" />
      ) : (
        <Suspense fallback={<PageLoading />}>
          <HorizontalBarChart data={data} unit="个问题" ariaLabel="已审批问题按类别分布图" />
        </Suspense>
      )}
    </Card>
  );
}

/** The sum over committees, computed from their counts (the rate from summed counts, not averaged). */
export function sumOverview(rows: CommitteeOverview[]): CommitteeOverview {
  const sum = (pick: (r: CommitteeOverview) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const byCategory = new Map<string, number>();
  for (const r of rows)
    for (const b of r.byCategory) byCategory.set(b.category, (byCategory.get(b.category) ?? 0) + b.count);
  const closed = sum((r) => r.closed);
  const fedBack = sum((r) => r.fedBack);
  return {
    committee: { id: "total", name: "合计", level: "county" },
    rounds: sum((r) => r.rounds),
    targets: sum((r) => r.targets),
    findings: sum((r) => r.findings),
    drafts: sum((r) => r.drafts),
    clues: sum((r) => r.clues),
    fedBack,
    closed,
    rectificationRate: rectificationRate(closed, fedBack),
    byCategory: [...byCategory].map(([category, count]) => ({ category, count })),
  };
}

function PerCommitteeChart({ rows }: { rows: CommitteeOverview[] }) {
  const data = useMemo(() => rows.map((r) => ({ name: r.committee.name, value: r.findings })), [rows]);
  return (
    <Card size="small" title="各党委发现问题数">
      <Suspense fallback={<PageLoading />}>
        <HorizontalBarChart data={data} unit="个问题" ariaLabel="各党委发现问题数" />
      </Suspense>
    </Card>
  );
}

function OpenRounds() {
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const open = (rounds.data ?? []).filter((r) => r.status === "open").slice(0, 6);
  return (
    <Card
      size="small"
      title="进行中的巡察轮次"
      extra={<Link to="/rounds">全部轮次</Link>}
      loading={rounds.loading}
    >
      {open.length === 0 ? (
        <Empty description="暂无进行中的轮次" />
      ) : (
        open.map((r) => (
          <div
            key={r.id}
            style={{ display: "flex", justifyContent: "space-between", gap: 8, padding: "6px 0" }}
          >
            <Link to={`/rounds/${r.id}`}>
              <Typography.Text ellipsis={{ tooltip: r.name }} style={{ maxWidth: 260 }}>
                {r.name}
              </Typography.Text>
            </Link>
            <span style={{ whiteSpace: "nowrap" }}>
              <Typography.Text type="secondary">{formatDate(r.startsOn)} 起 </Typography.Text>
              <StatusTagView tag={roundStatusTag(r.status)} />
            </span>
          </div>
        ))
      )}
    </Card>
  );
}

export function DashboardPage() {
  const me = useMe();
  const overview = useRequest<CommitteeOverview[]>("/statistics/overview");
  const lowerTotal = useMemo(() => {
    const lower = (overview.data ?? []).filter((r) => r.committee.id !== me.account.committeeId);
    return lower.length ? sumOverview(lower) : undefined;
  }, [overview.data, me.account.committeeId]);
  if (overview.error) return <LoadError error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <PageLoading />;
  const rows = overview.data;
  const own = rows.find((r) => r.committee.id === me.account.committeeId);
  const others = rows.filter((r) => r !== own);

  const columns: ColumnsType<CommitteeOverview> = [
    {
      title: "党委",
      key: "name",
      fixed: "left",
      sorter: textSorter((r) => r.committee.name),
      render: (_, r) => r.committee.name,
    },
    {
      title: "层级",
      key: "level",
      render: (_, r) => COMMITTEE_LEVELS.labels[r.committee.level] ?? r.committee.level,
    },
    { title: "轮次", dataIndex: "rounds", align: "right", sorter: numberSorter((r) => r.rounds) },
    { title: "对象", dataIndex: "targets", align: "right", sorter: numberSorter((r) => r.targets) },
    { title: "发现问题", dataIndex: "findings", align: "right", sorter: numberSorter((r) => r.findings) },
    { title: "移交线索", dataIndex: "clues", align: "right", sorter: numberSorter((r) => r.clues) },
    { title: "已反馈", dataIndex: "fedBack", align: "right", sorter: numberSorter((r) => r.fedBack) },
    { title: "已销号", dataIndex: "closed", align: "right", sorter: numberSorter((r) => r.closed) },
    {
      title: "整改率",
      key: "rate",
      align: "right",
      sorter: numberSorter((r) => r.rectificationRate.percent ?? -1),
      render: (_, r) => <RateText rate={r.rectificationRate} />,
    },
  ];

  return (
    <PageContainer title={own ? `${own.committee.name}巡察工作概览` : "巡察工作概览"}>
      {rows.length === 0 && <Empty description="暂无统计数据" />}
      {own && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Figures o={own} />
          </Col>
          <Col xs={24} lg={14}>
            <CategoryChart o={own} />
          </Col>
          <Col xs={24} lg={10}>
            {me.menu.includes("rounds") ? <OpenRounds /> : null}
          </Col>
          {hasRole(me, "officeStaff", "leadership") && (
            <Col span={24}>
              <OverdueWorkItemsCard />
            </Col>
          )}
        </Row>
      )}
      {others.length > 0 && (
        <Card size="small" title={own ? "下级党委" : "各党委巡察工作情况"} style={{ marginTop: 16 }}>
          <Table<CommitteeOverview>
            rowKey={(r) => r.committee.id}
            size="small"
            columns={columns}
            dataSource={others}
            scroll={{ x: "max-content" }}
            pagination={false}
          />
        </Card>
      )}
      {!own && lowerTotal && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col span={24}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              下级党委合计
            </Typography.Title>
          </Col>
          <Col span={24}>
            <Figures o={lowerTotal} />
          </Col>
          <Col xs={24} lg={12}>
            <PerCommitteeChart rows={others} />
          </Col>
          <Col xs={24} lg={12}>
            <CategoryChart o={lowerTotal} />
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
