import { ArrowLeftOutlined, AuditOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Row, Space } from "antd";
import { Link, Navigate, useParams } from "react-router-dom";
import { PageLoading, useCrumbTitle } from "../../app/app-layout";
import { useAuth } from "../../app/auth";
import { formatDate } from "../../app/format";
import { hasRole } from "../../app/session";
import { useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { PlanEditor } from "./plan-editor";
import { PlanListsTabs } from "./plan-lists-tabs";
import { ReportEditor } from "./report-editor";
import { isPlanDraft, type SubjectDetail } from "./review-api";
import { GatheredOpinionsView, PartiesProgress, partyNames, SubjectStatusTag } from "./review-tags";
import { SignOffBox } from "./sign-off-box";
import { usePlanMeasures } from "./use-plan-measures";
import { VersionsHistory } from "./versions-history";

/** What the status means for the target, in plain words. */
function statusHint(detail: SubjectDetail): { type: "info" | "success" | "warning"; text: string } {
  const { state, subject } = detail;
  switch (state.status) {
    case "draft":
      return { type: "info", text: `请完成${subject.kindLabel}，经主要负责人签字背书后提交联审。` };
    case "underReview":
      return {
        type: "info",
        text: `第 ${state.version} 版联审中，等待${partyNames(state.awaiting)}审核。各方都审核后统一反馈意见。`,
      };
    case "returned":
      return {
        type: "warning",
        text: `第 ${state.version} 版已退回，请按联审意见修改，重新签字背书后再次提交。`,
      };
    case "passed":
      return { type: "success", text: `第 ${state.version} 版已通过联审。` };
  }
}

/**
 * One plan or report of a target (整改方案 / 整改进展情况报告 / 整改情况报告): the status, the opinions
 * of a return in one view, the draft (editable while a draft or returned), the three lists of a plan,
 * the sign-off and submission, and every submitted version.
 */
export function SubjectPage() {
  const { id } = useParams<{ id: string }>();
  const detail = useRequest<SubjectDetail>(`/rectification/subjects/${id}`);
  const measures = usePlanMeasures(detail.data);
  const { state: auth } = useAuth();
  const isContact = auth.status === "authenticated" && hasRole(auth.me, "targetContact");
  useCrumbTitle(detail.data?.subject.title);

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  const d = detail.data;
  // A reviewer (not the target) following a notification lands on the review screen.
  if (d.myParties.length > 0 && !isContact)
    return <Navigate to={`/rectification/reviews/${d.subject.id}`} replace />;
  const { subject, state, abilities } = d;
  const hint = statusHint(d);
  const gathered = state.status === "returned" ? (d.gathered ?? state.returned) : null;

  return (
    <PageContainer
      title={subject.title}
      extra={
        isContact ? (
          <Link to="/rectification/mine">
            <Button icon={<ArrowLeftOutlined />}>返回我的整改</Button>
          </Link>
        ) : (
          d.myParties.length > 0 && (
            <Link to={`/rectification/reviews/${subject.id}`}>
              <Button icon={<AuditOutlined />}>联审</Button>
            </Link>
          )
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: "status", label: "状态", children: <SubjectStatusTag status={state.status} /> },
              { key: "target", label: "被巡察单位", children: subject.target.name },
              { key: "round", label: "巡察轮次", children: subject.round.name },
              { key: "due", label: "报送时限", children: formatDate(subject.dueOn) },
            ]}
          />
          <Alert type={hint.type} showIcon title={hint.text} style={{ marginTop: 8 }} />
          {state.parties.length > 0 && (
            <div style={{ marginTop: 8 }}>
              <PartiesProgress state={state} />
            </div>
          )}
        </Card>
        {gathered && <GatheredOpinionsView gathered={gathered} labelOf={measures.labelOf} />}
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={16}>
            {isPlanDraft(d.draft) ? (
              <Space orientation="vertical" size={12} style={{ width: "100%" }}>
                <PlanEditor
                  subjectId={subject.id}
                  draft={d.draft}
                  editable={abilities.edit}
                  gathered={gathered}
                  onChanged={detail.reload}
                />
                <PlanListsTabs
                  subjectId={subject.id}
                  title={subject.title}
                  draft={d.draft}
                  editable={abilities.edit}
                  onImported={detail.reload}
                />
              </Space>
            ) : (
              <ReportEditor
                subjectId={subject.id}
                draft={d.draft}
                tasks={measures.tasks}
                editable={abilities.edit}
                gathered={gathered}
                onSaved={detail.reload}
              />
            )}
          </Col>
          <Col xs={24} lg={8}>
            <Space orientation="vertical" size={12} style={{ width: "100%" }}>
              <SignOffBox detail={d} onChanged={detail.reload} />
              <VersionsHistory subjectId={subject.id} versions={d.versions} labelOf={measures.labelOf} />
            </Space>
          </Col>
        </Row>
      </Space>
    </PageContainer>
  );
}
