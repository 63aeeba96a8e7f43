import { FileAddOutlined, FileTextOutlined } from "@ant-design/icons";
import { FEEDBACK_FORMS, type FeedbackForm } from "@xuncha/domain/model";
import { Alert, Button, Card, Empty, List, Space, Tabs, Typography } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { formatDate, formatDateCn } from "../../app/format";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { ProblemProgress } from "./problem-progress";
import type { SubjectDetail, SubjectKind, SubjectSummary } from "./review-api";
import { SubjectStatusTag } from "./review-tags";

interface Feedback {
  id: string;
  roundId: string;
  targetName: string;
  givenOn: string;
  form: FeedbackForm;
  requirements: string;
  findingCount: number;
}

const subjectPath = (id: string) => `/rectification/subjects/${id}`;

function SubjectRow({ s }: { s: SubjectSummary }) {
  return (
    <List.Item
      actions={[
        <Link key="open" to={subjectPath(s.id)}>
          {s.status === "draft" || s.status === "returned" ? "编辑" : "查看"}
        </Link>,
      ]}
    >
      <List.Item.Meta
        avatar={<FileTextOutlined />}
        title={<Link to={subjectPath(s.id)}>{s.title}</Link>}
        description={
          <Space wrap size={[8, 4]}>
            <SubjectStatusTag status={s.status} />
            {s.version !== null && <span>第 {s.version} 版</span>}
            {s.dueOn && <span>报送时限 {formatDate(s.dueOn)}</span>}
          </Space>
        }
      />
    </List.Item>
  );
}

/** One feedback (反馈意见) with its plan and reports, and the buttons to start them. */
function FeedbackCard({ feedback, subjects }: { feedback: Feedback; subjects: SubjectSummary[] }) {
  const navigate = useNavigate();
  const { run, pending } = useAction();
  const plan = subjects.find((s) => s.kind === "plan");
  const reports = subjects
    .filter((s) => s.kind !== "plan")
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.sequence - b.sequence);
  const hasFinal = reports.some((s) => s.kind === "finalReport");
  const openReports = reports.some(
    (s) => s.status === "draft" || s.status === "returned" || s.status === "underReview",
  );

  const start = async (kind: SubjectKind) => {
    const result = await run(() =>
      kind === "plan"
        ? api.post<SubjectDetail>(`/rectification/feedbacks/${feedback.id}/plan`, {})
        : api.post<SubjectDetail>(`/rectification/feedbacks/${feedback.id}/reports`, { kind }),
    );
    if (result.ok) navigate(subjectPath(result.value.subject.id));
  };

  return (
    <Card
      size="small"
      data-testid="my-feedback"
      title={`反馈意见（${formatDateCn(feedback.givenOn)}，${FEEDBACK_FORMS.labels[feedback.form] ?? feedback.form}）`}
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        共反馈 {feedback.findingCount} 个问题。整改方案须在反馈后 1 个月内制定，整改情况报告须在 2
        个月内报送。
      </Typography.Paragraph>
      {feedback.requirements && (
        <Typography.Paragraph
          className="xc-pre"
          ellipsis={{ rows: 3, expandable: "collapsible", symbol: (e) => (e ? "收起" : "展开") }}
        >
          <Typography.Text strong>整改要求：</Typography.Text>
          {feedback.requirements}
        </Typography.Paragraph>
      )}
      {!plan && (
        <Button
          type="primary"
          size="large"
          block
          icon={<FileAddOutlined />}
          loading={pending}
          onClick={() => start("plan")}
        >
          编制整改方案
        </Button>
      )}
      {subjects.length > 0 && (
        <List
          size="small"
          dataSource={[...(plan ? [plan] : []), ...reports]}
          renderItem={(s) => <SubjectRow s={s} />}
        />
      )}
      {plan?.status === "passed" && (
        <Space wrap style={{ marginTop: 8 }}>
          <Button
            icon={<FileAddOutlined />}
            loading={pending}
            disabled={openReports}
            onClick={() => start("progressReport")}
          >
            新建整改进展情况报告
          </Button>
          <Button
            icon={<FileAddOutlined />}
            loading={pending}
            disabled={hasFinal}
            onClick={() => start("finalReport")}
          >
            新建整改情况报告
          </Button>
        </Space>
      )}
      {plan && plan.status !== "passed" && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title="整改方案通过联审后，可报送整改进展情况报告和整改情况报告。"
        />
      )}
    </Card>
  );
}

/** The target contact's page: each feedback's plan and reports (联审), then the problems' progress. */
export function MyRectificationPage() {
  const feedbacks = useRequest<Feedback[]>("/feedbacks");
  const subjects = useRequest<{ items: SubjectSummary[] }>("/rectification/subjects");
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "progress" ? "progress" : "plans";

  const plans = () => {
    if (feedbacks.error) return <LoadError error={feedbacks.error} onRetry={feedbacks.reload} />;
    if (subjects.error) return <LoadError error={subjects.error} onRetry={subjects.reload} />;
    if (!feedbacks.data || !subjects.data) return <PageLoading />;
    if (feedbacks.data.length === 0)
      return (
        <Card>
          <Empty description="暂无反馈给本单位的意见" />
        </Card>
      );
    const items = subjects.data.items;
    return (
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {feedbacks.data.map((f) => (
          <FeedbackCard key={f.id} feedback={f} subjects={items.filter((s) => s.feedbackId === f.id)} />
        ))}
      </Space>
    );
  };

  return (
    <PageContainer title="我的整改">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "progress" ? { tab: "progress" } : {}, { replace: true })}
        items={[
          { key: "plans", label: "整改方案与报告", children: plans() },
          { key: "progress", label: "问题整改进展", children: <ProblemProgress /> },
        ]}
      />
    </PageContainer>
  );
}
