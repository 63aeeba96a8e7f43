import {
  JOINT_REVIEW_STATUS_LABELS,
  JOINT_REVIEW_STATUSES,
  type JointReviewStatus,
} from "@xuncha/domain/model";
import { Card, Col, Row, Segmented, Select, Space, Statistic, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useAuth } from "../../app/auth";
import { formatDate } from "../../app/format";
import { hasRole } from "../../app/session";
import { useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { type ReviewCounts, SUBJECT_KIND_LABELS, type SubjectKind, type SubjectSummary } from "./review-api";
import { partyNames, SubjectStatusTag } from "./review-tags";

/** 联审统计: plans and reports reviewed, returned, opinions given; and per party what it did. */
function Counts() {
  const { state } = useAuth();
  // The counts are the committee's: the office, the leading group and the 纪委、组织部 see them.
  const allowed =
    state.status === "authenticated" &&
    hasRole(state.me, "officeStaff", "leadership", "disciplineReviewer", "organizationReviewer");
  const counts = useRequest<ReviewCounts>(allowed ? "/rectification/review-counts" : null);
  const c = counts.data;
  if (!c) return null;
  const figures: [string, number, string][] = [
    ["审核整改方案", c.plans.reviewed, "版"],
    ["审核整改报告", c.reports.reviewed, "版"],
    ["退回", c.total.returned, "次"],
    ["提出意见", c.total.opinions, "条"],
  ];
  return (
    <Space orientation="vertical" size={8} style={{ width: "100%" }} data-testid="review-counts">
      <Row gutter={[12, 12]}>
        {figures.map(([label, value, suffix]) => (
          <Col key={label} xs={12} sm={6}>
            <Card size="small">
              <Statistic title={label} value={value} suffix={suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      {c.parties.some((p) => p.reviewed > 0) && (
        <Typography.Text type="secondary">
          {c.parties
            .filter((p) => p.reviewed > 0)
            .map((p) => `${p.label}审核 ${p.reviewed} 次、意见 ${p.opinions} 条、退回 ${p.returns} 处`)
            .join("；")}
        </Typography.Text>
      )}
    </Space>
  );
}

const subjectLink = (s: SubjectSummary) => <Link to={`/rectification/reviews/${s.id}`}>{s.title}</Link>;

function waitingText(s: SubjectSummary) {
  if (s.status !== "underReview") return "—";
  return s.awaiting.length ? `待${partyNames(s.awaiting)}审核` : "—";
}

const COLUMNS: ColumnsType<SubjectSummary> = [
  {
    title: "材料",
    key: "title",
    width: 280,
    render: (_, s) => (
      <Space wrap size={[6, 2]}>
        {s.myTurn && <Tag color="gold">待我审核</Tag>}
        {subjectLink(s)}
      </Space>
    ),
  },
  { title: "类型", dataIndex: "kindLabel", width: 140 },
  { title: "被巡察单位", key: "target", width: 180, render: (_, s) => s.target.name },
  { title: "轮次", key: "round", width: 160, render: (_, s) => s.round.name },
  {
    title: "状态",
    key: "status",
    width: 110,
    render: (_, s) => <SubjectStatusTag status={s.status} />,
  },
  { title: "版本", dataIndex: "version", width: 70, render: (v: number | null) => (v ? `第 ${v} 版` : "—") },
  { title: "审核进度", key: "awaiting", width: 220, render: (_, s) => waitingText(s) },
  { title: "报送时限", dataIndex: "dueOn", width: 110, render: (d: string | null) => formatDate(d) },
];

const PHONE_COLUMNS: ColumnsType<SubjectSummary> = [
  {
    title: "材料",
    key: "card",
    render: (_, s) => (
      <Space orientation="vertical" size={2}>
        <Space wrap size={[6, 2]}>
          {s.myTurn && <Tag color="gold">待我审核</Tag>}
          <SubjectStatusTag status={s.status} />
        </Space>
        {subjectLink(s)}
        <Typography.Text type="secondary">
          {s.target.name} · {s.round.name}
        </Typography.Text>
        <Typography.Text type="secondary">{waitingText(s)}</Typography.Text>
      </Space>
    ),
  },
];

/** 整改联审: the plans and reports the account's parties review, its turn first, with the counts. */
export function ReviewsPage() {
  const [scope, setScope] = useState<"mine" | "all">("mine");
  const [kind, setKind] = useState<SubjectKind>();
  const [status, setStatus] = useState<JointReviewStatus>();
  const list = useRequest<{ items: SubjectSummary[] }>("/rectification/subjects", { kind, status });
  const items = (list.data?.items ?? []).filter((s) => s.status !== "draft");
  const mine = items.filter((s) => s.myTurn);
  const shown = [...(scope === "mine" ? mine : items)].sort(
    (a, b) => Number(b.myTurn) - Number(a.myTurn) || (a.dueOn ?? "").localeCompare(b.dueOn ?? ""),
  );

  return (
    <PageContainer title="整改联审">
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Counts />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Card size="small">
            <TableToolbar countText={`共 ${shown.length} 份`}>
              <Segmented<"mine" | "all">
                value={scope}
                onChange={setScope}
                options={[
                  { value: "mine", label: `待我审核（${mine.length}）` },
                  { value: "all", label: `全部（${items.length}）` },
                ]}
              />
              <Select<SubjectKind>
                allowClear
                placeholder="全部类型"
                style={{ minWidth: 160 }}
                value={kind}
                onChange={setKind}
                options={Object.entries(SUBJECT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              />
              <Select<JointReviewStatus>
                allowClear
                placeholder="全部状态"
                style={{ minWidth: 120 }}
                value={status}
                onChange={setStatus}
                options={JOINT_REVIEW_STATUSES.filter((s) => s !== "draft").map((s) => ({
                  value: s,
                  label: JOINT_REVIEW_STATUS_LABELS[s],
                }))}
              />
            </TableToolbar>
            <DataTable<SubjectSummary>
              rowKey="id"
              loading={list.loading}
              dataSource={shown}
              columns={COLUMNS}
              phoneColumns={PHONE_COLUMNS}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: scope === "mine" ? "目前没有待您审核的材料" : "没有符合条件的材料" }}
            />
          </Card>
        )}
      </Space>
    </PageContainer>
  );
}
