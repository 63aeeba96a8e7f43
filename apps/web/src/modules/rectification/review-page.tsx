import { REVIEW_PARTY_LABELS, type ReviewParty } from "@xuncha/domain/model";
import { Alert, Button, Card, Collapse, Descriptions, Popconfirm, Segmented, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading, useCrumbTitle } from "../../app/app-layout";
import { formatDate, formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { partyDiff, type SubjectDetail, type Verdict } from "./review-api";
import { changeRows, diffCaption, fieldLabel, formatFieldValue, measureDiffViews } from "./review-diff";
import { buildReview, countReturns, initialVerdicts, type ReviewProblem } from "./review-form";
import { ReviewMeasureCard, VerdictInput } from "./review-measure-card";
import { GatheredOpinionsView, PartiesProgress, SubjectStatusTag } from "./review-tags";
import { type PlanMeasures, usePlanMeasures } from "./use-plan-measures";
import { VersionsHistory } from "./versions-history";

const PASS: Verdict = { decision: "pass", opinion: "" };

/** The review screen of one plan or report for one of the account's parties. */
function PartyReview({
  detail,
  party,
  measures,
  onDone,
}: {
  detail: SubjectDetail;
  party: ReviewParty;
  measures: PlanMeasures;
  onDone: () => void;
}) {
  const { state, versions, subject, abilities } = detail;
  const current = versions.find((v) => v.number === state.version) ?? versions.at(-1);
  const ps = state.parties.find((p) => p.party === party);
  const toReview = ps?.toReview ?? [];
  const [whole, setWhole] = useState<Verdict>(PASS);
  const [verdicts, setVerdicts] = useState(() => initialVerdicts(toReview));
  const [problems, setProblems] = useState<ReviewProblem[]>([]);
  const { run, pending } = useAction();
  const diff = partyDiff(detail, party);
  const views = useMemo(
    () => (diff && current ? measureDiffViews(diff, current.content, ["findingId"]) : []),
    [diff, current],
  );
  if (!current || !ps || !diff) return <Alert type="info" showIcon title="尚未提交，暂无可审核的版本。" />;

  const canReview = abilities.review && state.status === "underReview" && !ps.answered;
  const standing = new Map(ps.standing.map((s) => [s.measureId, s.passedOn]));
  const missing = (p: ReviewProblem) =>
    problems.some(
      (x) => x.kind === p.kind && (p.kind === "whole" || (x.kind === "measure" && x.id === p.id)),
    );
  const contentOf = (id: string, fields: Record<string, unknown>) =>
    subject.kind === "plan"
      ? String(fields.content ?? "")
      : (measures.tasks.find((t) => t.id === id)?.content ?? "");

  const submit = async () => {
    const built = buildReview(party, current.number, toReview, whole, verdicts);
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    const result = await run(() => api.post(`/rectification/subjects/${subject.id}/reviews`, built.input));
    if (result.ok) {
      notifySuccess(`${REVIEW_PARTY_LABELS[party]}的审核意见已提交`);
      window.scrollTo({ top: 0 });
      onDone();
    }
  };

  const reviewed = views.filter((v) => toReview.includes(v.id));
  const kept = views.filter((v) => v.kind !== "removed" && !toReview.includes(v.id));
  const removed = views.filter((v) => v.kind === "removed");
  const returns = countReturns(whole, verdicts, toReview);

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Alert
        type={ps.answered ? "success" : "info"}
        showIcon
        title={
          ps.answered
            ? `${REVIEW_PARTY_LABELS[party]}已审核第 ${current.number} 版`
            : `${diffCaption(diff)}。本方需审核 ${toReview.length} 条措施和整体意见。`
        }
      />
      <Card size="small" title="整体" data-testid="review-whole">
        <Descriptions
          size="small"
          column={1}
          items={Object.entries(current.content.whole).map(([field, value]) => ({
            key: field,
            label: fieldLabel(field),
            children: <span className="xc-pre">{formatFieldValue(field, value)}</span>,
          }))}
        />
        {diff.from !== null && diff.whole.length > 0 && (
          <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
            自第 {diff.from} 版以来修改：
            {changeRows(diff.whole)
              .map((r) => `${r.label}（原：${r.before}）`)
              .join("；")}
          </Typography.Paragraph>
        )}
        {canReview && (
          <VerdictInput
            label="对整体的意见"
            value={whole}
            onChange={setWhole}
            missing={missing({ kind: "whole" })}
          />
        )}
      </Card>
      {reviewed.map((v) => (
        <ReviewMeasureCard
          key={v.id}
          label={measures.labelOf(v.id)}
          kind={v.kind}
          content={contentOf(v.id, v.fields)}
          rows={v.rows}
          note={v.kind === "unchanged" ? "自本方上次审核以来未修改（本方上次未通过）" : undefined}
        >
          {canReview && (
            <VerdictInput
              label="对本措施的意见"
              value={verdicts[v.id] ?? PASS}
              onChange={(next) => setVerdicts((all) => ({ ...all, [v.id]: next }))}
              missing={missing({ kind: "measure", id: v.id })}
            />
          )}
        </ReviewMeasureCard>
      ))}
      {kept.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: "kept",
              label: `${kept.length} 条措施本方已通过且未修改，无需再审`,
              children: (
                <Space orientation="vertical" size={8} style={{ width: "100%" }}>
                  {kept.map((v) => (
                    <ReviewMeasureCard
                      key={v.id}
                      label={measures.labelOf(v.id)}
                      kind={v.kind}
                      content={contentOf(v.id, v.fields)}
                      rows={[]}
                      note={standing.has(v.id) ? `第 ${standing.get(v.id)} 版已通过` : undefined}
                    />
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
      {removed.map((v) => (
        <ReviewMeasureCard
          key={v.id}
          label={measures.labelOf(v.id)}
          kind="removed"
          content=""
          rows={v.rows}
        />
      ))}
      {canReview && (
        <Card size="small">
          <Space wrap>
            <Popconfirm
              title={returns ? `提交审核意见（${returns} 处退回）？` : "全部通过，提交审核意见？"}
              description="提交后不能修改。各方都审核后，统一通过或退回。"
              okText="提交"
              onConfirm={submit}
            >
              <Button type="primary" size="large" loading={pending}>
                提交{REVIEW_PARTY_LABELS[party]}审核意见
              </Button>
            </Popconfirm>
            {problems.length > 0 && (
              <Typography.Text type="danger">有 {problems.length} 处退回未写意见</Typography.Text>
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}

/** 联审: a plan or report under review, the parties' status, and the review screen of my party. */
export function ReviewPage() {
  const { id } = useParams<{ id: string }>();
  const detail = useRequest<SubjectDetail>(`/rectification/subjects/${id}`);
  const measures = usePlanMeasures(detail.data);
  const [chosen, setChosen] = useState<ReviewParty>();
  useCrumbTitle(detail.data?.subject.title);

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <PageLoading />;
  const d = detail.data;
  const { subject, state } = d;
  const current = d.versions.at(-1);
  const firstOpen = d.myParties.find((p) => state.parties.some((s) => s.party === p && !s.answered));
  const party = chosen && d.myParties.includes(chosen) ? chosen : (firstOpen ?? d.myParties[0]);

  return (
    <PageContainer title={subject.title}>
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: "status", label: "状态", children: <SubjectStatusTag status={state.status} /> },
              { key: "target", label: "被巡察单位", children: subject.target.name },
              {
                key: "version",
                label: "当前版本",
                children: current
                  ? `第 ${current.number} 版（${formatDateTime(current.submittedAt)} 提交）`
                  : "—",
              },
              { key: "due", label: "报送时限", children: formatDate(subject.dueOn) },
            ]}
          />
          <div style={{ marginTop: 8 }}>
            <PartiesProgress state={state} />
          </div>
        </Card>
        {state.status === "returned" && (d.gathered ?? state.returned) && (
          <GatheredOpinionsView gathered={(d.gathered ?? state.returned)!} labelOf={measures.labelOf} />
        )}
        {state.status === "passed" && (
          <Alert type="success" showIcon title={`第 ${state.version} 版已通过联审`} />
        )}
        {state.status === "underReview" && d.gathered && d.gathered.version < (state.version ?? 0) && (
          <Collapse
            size="small"
            items={[
              {
                key: "previous",
                label: `第 ${d.gathered.version} 版的退回意见（共 ${d.gathered.returns} 处）`,
                children: (
                  <GatheredOpinionsView
                    gathered={d.gathered}
                    labelOf={measures.labelOf}
                    title={`各审核方对第 ${d.gathered.version} 版的意见`}
                  />
                ),
              },
            ]}
          />
        )}
        {d.myParties.length > 1 && (
          <Segmented<ReviewParty>
            value={party}
            onChange={setChosen}
            options={d.myParties.map((p) => ({ value: p, label: `以${REVIEW_PARTY_LABELS[p]}身份` }))}
          />
        )}
        {party ? (
          <PartyReview
            key={`${party}-${state.version}`}
            detail={d}
            party={party}
            measures={measures}
            onDone={detail.reload}
          />
        ) : (
          <Alert type="info" showIcon title="您不是本材料的审核方，只能查看。" />
        )}
        <VersionsHistory subjectId={subject.id} versions={d.versions} labelOf={measures.labelOf} />
      </Space>
    </PageContainer>
  );
}
