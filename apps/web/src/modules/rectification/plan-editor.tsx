import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Empty, Input, Popconfirm, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { type MeasureEditing, PlanMeasureDrawer } from "./plan-measure-drawer";
import type { GatheredOpinions, PlanDraft, PlanDraftMeasure } from "./review-api";
import { MeasureOpinions } from "./review-tags";

function MeasureCard({
  measure,
  index,
  editable,
  gathered,
  onEdit,
  onDeleted,
}: {
  measure: PlanDraftMeasure;
  index: number;
  editable: boolean;
  gathered: GatheredOpinions | null;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const { run, pending } = useAction();
  const remove = async () => {
    const result = await run(() => api.delete(`/measures/${measure.id}`));
    if (result.ok) {
      notifySuccess("整改措施已删除");
      onDeleted();
    }
  };
  return (
    <Card
      size="small"
      type="inner"
      data-testid="plan-measure"
      title={
        <Space wrap size={[8, 4]}>
          <span>措施 {index + 1}</span>
          {measure.longTerm && <Tag color="blue">常态化</Tag>}
        </Space>
      }
      extra={
        editable && (
          <Space size={4}>
            <Button size="small" icon={<EditOutlined />} onClick={onEdit}>
              修改
            </Button>
            <Popconfirm
              title="删除这条整改措施？"
              okText="删除"
              okButtonProps={{ danger: true }}
              onConfirm={remove}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={pending} aria-label="删除措施" />
            </Popconfirm>
          </Space>
        )
      }
    >
      <Typography.Paragraph className="xc-pre" style={{ marginBottom: 8 }}>
        {measure.content}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: "goal", label: "整改目标", children: measure.goal || "—" },
          { key: "leader", label: "责任领导", children: measure.responsibleLeader || "—" },
          { key: "dept", label: "责任部门", children: measure.responsibleDept || "—" },
          { key: "person", label: "责任人", children: measure.responsiblePerson || "—" },
          { key: "deadline", label: "整改时限", children: formatDate(measure.deadline) },
        ]}
      />
      <MeasureOpinions gathered={gathered} measureId={measure.id} />
    </Card>
  );
}

/** The plan's summary, saved with PUT …/draft. */
function SummaryCard({
  subjectId,
  summary,
  editable,
  onSaved,
}: {
  subjectId: string;
  summary: string;
  editable: boolean;
  onSaved: () => void;
}) {
  const [text, setText] = useState(summary);
  const { run, pending } = useAction();
  useEffect(() => setText(summary), [summary]);
  const save = async () => {
    const result = await run(() =>
      api.put(`/rectification/subjects/${subjectId}/draft`, { summary: text.trim() }),
    );
    if (result.ok) {
      notifySuccess("方案概述已保存");
      onSaved();
    }
  };
  return (
    <Card size="small" title="方案概述">
      {editable ? (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Input.TextArea
            aria-label="方案概述"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={20000}
            placeholder="整改工作的总体安排：组织领导、工作步骤、完成时限等"
          />
          <Button
            type="primary"
            ghost
            loading={pending}
            disabled={text.trim() === summary.trim()}
            onClick={save}
          >
            保存概述
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph className="xc-pre" style={{ marginBottom: 0 }}>
          {summary || "（未填写）"}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** The plan's draft: its summary, then per fed-back problem its measures (editable while a draft or returned). */
export function PlanEditor({
  subjectId,
  draft,
  editable,
  gathered,
  onChanged,
}: {
  subjectId: string;
  draft: PlanDraft;
  editable: boolean;
  gathered: GatheredOpinions | null;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<MeasureEditing | null>(null);
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <SummaryCard subjectId={subjectId} summary={draft.summary} editable={editable} onSaved={onChanged} />
      {draft.findings.length === 0 && (
        <Card>
          <Empty description="本次反馈没有需要整改的问题" />
        </Card>
      )}
      {draft.findings.map((f) => (
        <Card
          key={f.id}
          size="small"
          data-testid="plan-finding"
          title={<span style={{ whiteSpace: "normal" }}>{`问题 ${f.number}：${f.title}`}</span>}
          extra={f.closed && <Tag color="green">已销号</Tag>}
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {f.categoryName ?? f.category}
          </Typography.Paragraph>
          {f.description && (
            <Typography.Paragraph
              className="xc-pre"
              ellipsis={{ rows: 3, expandable: "collapsible", symbol: (e) => (e ? "收起" : "展开全文") }}
            >
              {f.description}
            </Typography.Paragraph>
          )}
          {f.measures.length === 0 && !f.closed && (
            <Alert type="warning" showIcon title="尚未制定整改措施：每个问题至少要有一条措施才能提交。" />
          )}
          <Space orientation="vertical" size={8} style={{ width: "100%" }}>
            {f.measures.map((m, i) => (
              <MeasureCard
                key={m.id}
                measure={m}
                index={i}
                editable={editable && !f.closed}
                gathered={gathered}
                onEdit={() => setEditing({ finding: f, measure: m })}
                onDeleted={onChanged}
              />
            ))}
          </Space>
          {editable && !f.closed && (
            <Button
              block
              icon={<PlusOutlined />}
              style={{ marginTop: 8 }}
              onClick={() => setEditing({ finding: f, measure: null })}
            >
              添加整改措施
            </Button>
          )}
        </Card>
      ))}
      <PlanMeasureDrawer
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
    </Space>
  );
}
