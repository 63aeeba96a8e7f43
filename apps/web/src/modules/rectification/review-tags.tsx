import {
  JOINT_REVIEW_STATUS_LABELS,
  type JointReviewStatus,
  REVIEW_DECISION_LABELS,
  REVIEW_PARTY_LABELS,
  type ReviewDecision,
  type ReviewParty,
} from "@xuncha/domain/model";
import { Alert, Space, Tag, Typography } from "antd";
import type { Tone } from "../../app/status";
import { StatusTagView } from "../../components/status-tag";
import type { GatheredOpinions, JointReviewState, PartyOpinion } from "./review-api";

const STATUS_TONES: Record<JointReviewStatus, Tone> = {
  draft: "neutral",
  underReview: "progress",
  returned: "returned",
  passed: "done",
};

export function SubjectStatusTag({ status }: { status: JointReviewStatus }) {
  return <StatusTagView tag={{ tone: STATUS_TONES[status], label: JOINT_REVIEW_STATUS_LABELS[status] }} />;
}

export function DecisionTag({ decision }: { decision: ReviewDecision }) {
  return (
    <Tag color={decision === "pass" ? "green" : "volcano"} style={{ marginInlineEnd: 0 }}>
      {REVIEW_DECISION_LABELS[decision]}
    </Tag>
  );
}

/** Each party of the current version: answered (已审核) or awaited (待审核). */
export function PartiesProgress({ state }: { state: JointReviewState }) {
  if (state.parties.length === 0) return null;
  return (
    <Space wrap size={[8, 4]} data-testid="review-parties">
      {state.parties.map((p) => (
        <Tag key={p.party} color={p.answered ? "green" : "cyan"} style={{ marginInlineEnd: 0 }}>
          {REVIEW_PARTY_LABELS[p.party]}：{p.answered ? "已审核" : "待审核"}
        </Tag>
      ))}
    </Space>
  );
}

export function OpinionList({ opinions }: { opinions: readonly PartyOpinion[] }) {
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      {opinions.map((o) => (
        <div key={`${o.party}-${o.decision}`} data-testid="review-opinion">
          <Space size={4} wrap>
            <Typography.Text strong>{REVIEW_PARTY_LABELS[o.party]}</Typography.Text>
            <DecisionTag decision={o.decision} />
          </Space>
          {o.opinion && <div className="xc-pre">{o.opinion}</div>}
        </div>
      ))}
    </Space>
  );
}

/** The opinions a returned version gathered for one measure, shown under that measure. */
export function MeasureOpinions({
  gathered,
  measureId,
}: {
  gathered: GatheredOpinions | null;
  measureId: string;
}) {
  const entry = gathered?.measures.find((m) => m.measureId === measureId);
  if (!entry) return null;
  return (
    <Alert
      type={entry.opinions.some((o) => o.decision === "return") ? "warning" : "info"}
      style={{ marginTop: 8 }}
      title={`联审意见（第 ${gathered!.version} 版）`}
      description={<OpinionList opinions={entry.opinions} />}
    />
  );
}

/** All opinions of a returned version in one view: on the whole, then per measure. */
export function GatheredOpinionsView({
  gathered,
  labelOf,
  title,
}: {
  gathered: GatheredOpinions;
  labelOf: (measureId: string) => string;
  /** Instead of the words to the target (请按意见修改…). */
  title?: string;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="gathered-opinions"
      title={
        title ?? `第 ${gathered.version} 版已退回：共 ${gathered.returns} 处退回意见，请按意见修改后重新提交`
      }
      description={
        <Space orientation="vertical" size={8} style={{ width: "100%", marginTop: 8 }}>
          {gathered.whole.length > 0 && (
            <div>
              <Typography.Text type="secondary">对整体的意见</Typography.Text>
              <OpinionList opinions={gathered.whole} />
            </div>
          )}
          {gathered.measures.map((m) => (
            <div key={m.measureId}>
              <Typography.Text type="secondary">{labelOf(m.measureId)}</Typography.Text>
              <OpinionList opinions={m.opinions} />
            </div>
          ))}
        </Space>
      }
    />
  );
}

export const partyNames = (parties: readonly ReviewParty[]) =>
  parties.map((p) => REVIEW_PARTY_LABELS[p]).join("、");
