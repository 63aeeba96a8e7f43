import { DownloadOutlined, KeyOutlined, StopOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Modal,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api, download } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { notifyError, notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { KIND_LABELS, PHASE_LABELS, percentText, type QuestionTally, type SurveyResults } from "./api";
import { IssueCodesModal } from "./issue-codes-modal";

// ECharts (tree-shaken echarts/core) only loads with the results.
const HorizontalBarChart = lazy(async () => ({
  default: (await import("../../components/bar-chart")).HorizontalBarChart,
}));

function QuestionResult({ q, index }: { q: QuestionTally; index: number }) {
  const data = useMemo(() => q.options.map((o) => ({ name: o.label, value: o.count })), [q.options]);
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span style={{ whiteSpace: "normal" }}>
            {index + 1}. {q.title}
          </span>
          <Tag>{KIND_LABELS[q.kind]}</Tag>
        </Space>
      }
      extra={<Typography.Text type="secondary">{q.answered} 人作答</Typography.Text>}
    >
      {q.kind === "text" ? (
        q.texts.length ? (
          <List
            size="small"
            dataSource={q.texts}
            pagination={q.texts.length > 10 ? { pageSize: 10, size: "small" } : false}
            renderItem={(t) => <List.Item>{t}</List.Item>}
          />
        ) : (
          <Typography.Text type="secondary">暂无文字回答</Typography.Text>
        )
      ) : (
        <Row gutter={[16, 8]}>
          <Col xs={24} md={12}>
            <Table
              size="small"
              rowKey="label"
              pagination={false}
              dataSource={q.options}
              columns={[
                { title: "选项", dataIndex: "label" },
                { title: "人数", dataIndex: "count", align: "right" },
                {
                  title: q.kind === "multiple" ? "选择比例" : "比例",
                  dataIndex: "percent",
                  align: "right",
                  render: (p: number) => `${p}%`,
                },
              ]}
            />
          </Col>
          <Col xs={24} md={12}>
            {q.answered > 0 && (
              <Suspense fallback={<div style={{ height: 160 }} />}>
                <HorizontalBarChart data={data} unit="人" ariaLabel={`第 ${index + 1} 题选项分布图`} />
              </Suspense>
            )}
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** One survey: its figures, codes, closing, and the results with and without straight-lined responses. */
export function SurveyPage() {
  const { id } = useParams<{ id: string }>();
  const results = useRequest<SurveyResults>(`/surveys/${id}/results`);
  const [issuing, setIssuing] = useState(false);
  const [view, setView] = useState<"all" | "withoutFlagged">("all");
  const { run, pending } = useAction();

  if (results.error) return <LoadError error={results.error} onRetry={results.reload} />;
  if (!results.data) return <PageLoading />;
  const r = results.data;
  const s = r.survey;
  const tallies = view === "all" ? r.all : r.withoutFlagged;

  const close = () =>
    Modal.confirm({
      title: "结束本次问卷测评？",
      content: "结束后未使用的测评码全部失效，不能再提交答卷。",
      okText: "结束测评",
      okButtonProps: { danger: true },
      onOk: async () => {
        const res = await run(() => api.post(`/surveys/${s.id}/close`));
        if (res.ok) {
          notifySuccess("问卷测评已结束");
          results.reload();
        }
      },
    });

  return (
    <PageContainer
      title={s.title}
      extra={
        <>
          <Link to={`/surveys?roundId=${s.roundId}`}>
            <Button>返回列表</Button>
          </Link>
          {s.abilities.issueCodes && (
            <Button icon={<KeyOutlined />} onClick={() => setIssuing(true)}>
              生成测评码
            </Button>
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download(`/surveys/${s.id}/results/export`, {}, "测评结果.xlsx").catch(notifyError)
            }
          >
            导出 Excel
          </Button>
          {s.abilities.close && (
            <Button danger icon={<StopOutlined />} loading={pending} onClick={close}>
              结束测评
            </Button>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="被巡察单位">{s.targetName}</Descriptions.Item>
          <Descriptions.Item label="巡察组">{s.groupName}</Descriptions.Item>
          <Descriptions.Item label="轮次">{s.roundName}</Descriptions.Item>
          <Descriptions.Item label="填写时间">
            {s.opensOn} 至 {s.closesOn}
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={PHASE_LABELS[s.phase].color}>{PHASE_LABELS[s.phase].text}</Tag>
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
          <Col xs={12} md={6}>
            <Statistic title="已发放测评码" value={s.codesIssued} suffix="个" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="收回答卷" value={r.responses} suffix="份" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="回收率" value={percentText(s.responseRate)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title="一勾到底"
              value={r.flaggedCount}
              suffix="份"
              styles={{ content: { color: r.flaggedCount ? "#d46b08" : undefined } }}
            />
          </Col>
        </Row>
      </Card>

      {r.straightLineRule.closedQuestions < r.straightLineRule.minQuestions ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本问卷的单选题和量表题少于 ${r.straightLineRule.minQuestions} 道，不识别“一勾到底”答卷。`}
        />
      ) : (
        <Alert
          type={r.flaggedCount ? "warning" : "info"}
          showIcon
          style={{ marginBottom: 12 }}
          title={`“一勾到底”：在作答的单选题和量表题（至少 ${r.straightLineRule.minQuestions} 道）中全部选择同一位置选项的答卷，共 ${r.flaggedCount} 份。这类答卷仅作提示，不删除；可切换查看剔除后的结果。`}
        />
      )}

      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<"all" | "withoutFlagged">
          value={view}
          onChange={setView}
          options={[
            { value: "all", label: `全部答卷（${r.responses}）` },
            { value: "withoutFlagged", label: `剔除一勾到底（${r.responses - r.flaggedCount}）` },
          ]}
        />
        {r.byDay.length > 0 && (
          <Typography.Text type="secondary">
            按日收回：{r.byDay.map((d) => `${d.day.slice(5)} ${d.n} 份`).join("，")}
          </Typography.Text>
        )}
      </Space>

      {r.responses === 0 ? (
        <Card>
          <Empty description="尚未收到答卷" />
        </Card>
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }} size={12}>
          {tallies.map((q, i) => (
            <QuestionResult key={q.id} q={q} index={i} />
          ))}
        </Space>
      )}

      <IssueCodesModal
        survey={issuing ? { id: s.id, title: s.title } : null}
        onClose={() => setIssuing(false)}
        onIssued={results.reload}
      />
    </PageContainer>
  );
}
