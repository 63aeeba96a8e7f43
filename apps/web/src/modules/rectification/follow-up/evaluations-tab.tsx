import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { api } from "../../../app/api-client";
import { notifySuccess } from "../../../app/notify";
import { useAction, useRequest } from "../../../app/use-request";
import { DataTable } from "../../../components/data-table";
import { LoadError } from "../../../components/load-error";
import type { RoundSummary } from "../../rounds/api";
import { type EvaluationList, GRADE_COLORS } from "./api";

type Row = EvaluationList["items"][number];

/** The weighted total as the server computes it, shown while scoring (the server's figure is the one saved). */
export function previewTotal(
  criteria: EvaluationList["criteria"],
  scores: Record<string, number | null | undefined>,
) {
  if (criteria.some((c) => typeof scores[c.key] !== "number")) return null;
  const hundredths = criteria.reduce((s, c) => s + Math.round((scores[c.key] as number) * 100) * c.weight, 0);
  return Math.round(hundredths / 100) / 100;
}

function ScoreModal({
  row,
  list,
  roundId,
  onClose,
  onDone,
}: {
  row: Row | null;
  list: EvaluationList;
  roundId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ scores: Record<string, number>; comment: string }>();
  const scores = Form.useWatch("scores", form) ?? {};
  const { run, pending } = useAction();
  const total = previewTotal(list.criteria, scores);
  const submit = async () => {
    if (!row) return;
    const v = await form.validateFields();
    const result = await run(() =>
      api.put<{ total: number; grade: string }>("/rectification/evaluations", {
        roundId,
        targetId: row.targetId,
        scores: v.scores,
        comment: v.comment?.trim() ?? "",
      }),
    );
    if (result.ok) {
      notifySuccess(`已评定：${result.value.total} 分，${result.value.grade}`);
      onDone();
    }
  };
  const initial = row?.evaluation
    ? {
        scores: Object.fromEntries(row.evaluation.scores.map((s) => [s.key, s.score])),
        comment: row.evaluation.comment,
      }
    : { scores: {}, comment: "" };
  return (
    <Modal
      open={!!row}
      title={row ? `整改成效评估：${row.targetName}` : ""}
      okText="保存评分"
      okButtonProps={{ loading: pending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        {list.criteria.map((c) => (
          <Form.Item
            key={c.key}
            name={["scores", c.key]}
            label={`${c.label}（权重 ${c.weight}%）`}
            rules={[{ required: true, message: `请为${c.label}评分` }]}
          >
            <InputNumber min={0} max={100} precision={2} addonAfter="分" style={{ width: 200 }} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label="评估意见">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        {total === null ? "各项满分 100 分，按权重加权得出总分。" : `加权总分：${total} 分`}
      </Typography.Text>
    </Modal>
  );
}

/** 成效评估: each target of a round scored on the committee's criteria, with its total and grade. */
export function EvaluationsTab({ office }: { office: boolean }) {
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const [roundId, setRoundId] = useState<string>();
  useEffect(() => {
    if (!roundId && rounds.data?.[0]) setRoundId(rounds.data[0].id);
  }, [roundId, rounds.data]);
  const list = useRequest<EvaluationList>(roundId ? `/rounds/${roundId}/rectification-evaluations` : null);
  const [scoring, setScoring] = useState<Row | null>(null);
  const data = list.data;

  const columns: ColumnsType<Row> = [
    { title: "被巡察单位", dataIndex: "targetName" },
    ...(data?.criteria ?? []).map((c) => ({
      title: `${c.label}（${c.weight}%）`,
      key: c.key,
      responsive: ["lg" as const],
      render: (_: unknown, r: Row) => r.evaluation?.scores.find((s) => s.key === c.key)?.score ?? "—",
    })),
    { title: "总分", key: "total", width: 90, render: (_, r) => r.evaluation?.total ?? "—" },
    {
      title: "等次",
      key: "grade",
      width: 90,
      render: (_, r) =>
        r.evaluation ? (
          <Tag color={GRADE_COLORS[r.evaluation.grade]}>{r.evaluation.grade}</Tag>
        ) : (
          <Tag>未评估</Tag>
        ),
    },
    ...(office && data?.canScore
      ? ([
          {
            title: "操作",
            key: "actions",
            width: 100,
            render: (_, r) => (
              <Button size="small" onClick={() => setScoring(r)}>
                {r.evaluation ? "修改评分" : "评分"}
              </Button>
            ),
          },
        ] as ColumnsType<Row>)
      : []),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <search className="xc-filters">
        <Select
          placeholder="选择巡察轮次"
          aria-label="巡察轮次"
          value={roundId}
          loading={rounds.loading}
          onChange={setRoundId}
          options={(rounds.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          style={{ minWidth: 240 }}
          popupMatchSelectWidth={false}
        />
      </search>
      {data && (
        <Alert
          type="info"
          showIcon
          title="评估标准"
          description={`${data.criteria.map((c) => `${c.label} ${c.weight}%`).join("，")}；总分 ≥ ${data.thresholds.好} 为好，≥ ${data.thresholds.较好} 为较好，≥ ${data.thresholds.一般} 为一般，其余为差。`}
        />
      )}
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <DataTable<Row>
        rowKey="targetId"
        loading={list.loading}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (r) => !!r.evaluation?.comment,
          expandedRowRender: (r) => <Typography.Text>评估意见：{r.evaluation?.comment}</Typography.Text>,
        }}
        locale={{ emptyText: roundId ? "本轮没有被巡察单位" : "请选择巡察轮次" }}
      />
      {data && roundId && (
        <ScoreModal
          row={scoring}
          list={data}
          roundId={roundId}
          onClose={() => setScoring(null)}
          onDone={() => {
            setScoring(null);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}
