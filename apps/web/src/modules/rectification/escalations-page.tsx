import { DownloadOutlined, ThunderboltOutlined } from "@ant-design/icons";
import { ESCALATION_STEP_LABELS, ESCALATION_STEPS, type EscalationStep } from "@xuncha/domain/model";
import { App, Button, List, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate, formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import type { RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";
import { TargetPicker } from "../targets/target-picker";
import {
  downloadLetter,
  type Escalation,
  type EscalationList,
  STEP_COLORS,
  type SweepSummary,
} from "./escalation-api";

type AckFilter = "false" | "true";

/** Whether a letter was acknowledged by the target (reminders need no acknowledgement). */
export function AcknowledgementTag({ e }: { e: Escalation }) {
  if (!e.document) return <Typography.Text type="secondary">无需确认</Typography.Text>;
  if (e.acknowledgedAt) {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="green">已确认收到</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {e.acknowledgedBy} {formatDateTime(e.acknowledgedAt)}
        </Typography.Text>
      </Space>
    );
  }
  return <Tag color="red">未确认收到</Tag>;
}

/** The late items a letter (or a reminder) lists. */
export function EscalationItems({ e }: { e: Escalation }) {
  return (
    <List
      size="small"
      dataSource={e.items}
      renderItem={(item, i) => (
        <List.Item key={item.id}>
          <Typography.Text>
            {i + 1}. {item.label}
            <Typography.Text type="secondary">（完成时限：{formatDate(item.deadline)}）</Typography.Text>
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}

function sweepText(s: SweepSummary): string {
  if (s.steps === 0) return `${s.today} 没有新的督办事项（已督办的事项不会重复督办）。`;
  const perStep = ESCALATION_STEPS.filter((step) => s.byStep[step] > 0)
    .map((step) => `${ESCALATION_STEP_LABELS[step]} ${s.byStep[step]} 项`)
    .join("，");
  const letters = s.batches.filter((b) => b.document).length;
  return `${s.today} 新督办 ${s.steps} 项（${perStep}），印发文书 ${letters} 件。`;
}

/** 督办记录: the steps the sweep took, per target and step; unacknowledged letters first. */
export function EscalationsPage() {
  const me = useMe();
  const office = hasRole(me, "officeStaff");
  const { modal } = App.useApp();
  const [roundId, setRoundId] = useState<string>();
  const [targetIds, setTargetIds] = useState<string[]>([]);
  const [step, setStep] = useState<EscalationStep>();
  const [acknowledged, setAcknowledged] = useState<AckFilter>();
  const rounds = useRequest<RoundSummary[]>("/rounds");
  const list = useRequest<EscalationList>("/rectification/escalations", {
    roundId,
    targetId: targetIds[0],
    step,
    acknowledged,
  });
  const { run, pending } = useAction();
  const rows = list.data?.items ?? [];

  const sweep = () =>
    modal.confirm({
      title: "立即执行督办",
      content:
        "按本党委的督办设置，对临近时限和已逾期的整改事项立即提醒或督办，逾期事项将印发督办文书并通知被巡察单位。同一事项同一措施不会重复督办。确定执行吗？",
      okText: "执行",
      onOk: async () => {
        const result = await run(() => api.post<SweepSummary>("/rectification/sweep"));
        if (result.ok) {
          notifySuccess("督办已执行");
          modal.info({ title: "督办执行结果", content: sweepText(result.value) });
          list.reload();
        }
      },
    });

  const columns: ColumnsType<Escalation> = [
    { title: "督办日期", dataIndex: "takenOn", width: 110, render: (v: string) => formatDate(v) },
    { title: "被巡察单位", key: "target", render: (_, e) => e.target.name },
    {
      title: "督办措施",
      key: "step",
      width: 100,
      render: (_, e) => <Tag color={STEP_COLORS[e.step]}>{e.stepLabel}</Tag>,
    },
    { title: "事项", key: "items", width: 80, render: (_, e) => `${e.items.length} 项` },
    {
      title: "文书",
      key: "document",
      render: (_, e) =>
        e.document ? (
          <Button
            type="link"
            icon={<DownloadOutlined />}
            style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
            onClick={() => downloadLetter(e)}
          >
            {e.document.number}
          </Button>
        ) : (
          <Typography.Text type="secondary">站内提醒</Typography.Text>
        ),
    },
    { title: "签收", key: "ack", width: 170, render: (_, e) => <AcknowledgementTag e={e} /> },
  ];

  return (
    <PageContainer
      title="督办记录"
      extra={
        office && (
          <Button type="primary" icon={<ThunderboltOutlined />} loading={pending} onClick={sweep}>
            立即执行督办
          </Button>
        )
      }
    >
      <search className="xc-filters">
        <RoundFilter rounds={rounds} value={roundId} onChange={setRoundId} />
        <div style={{ minWidth: 240 }}>
          <TargetPicker
            multiple={false}
            value={targetIds}
            onChange={setTargetIds}
            placeholder="全部被巡察单位"
          />
        </div>
        <Select<EscalationStep>
          allowClear
          placeholder="全部督办措施"
          aria-label="督办措施"
          value={step}
          onChange={setStep}
          options={ESCALATION_STEPS.map((s) => ({ value: s, label: ESCALATION_STEP_LABELS[s] }))}
          style={{ minWidth: 140 }}
        />
        <Select<AckFilter>
          allowClear
          placeholder="全部签收状态"
          aria-label="签收状态"
          value={acknowledged}
          onChange={setAcknowledged}
          options={[
            { value: "false", label: "未确认收到的文书" },
            { value: "true", label: "已确认收到的文书" },
          ]}
          style={{ minWidth: 160 }}
        />
      </search>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <TableToolbar
        countText={`共 ${rows.length}${list.data?.truncated ? "+" : ""} 条督办记录，未确认收到的文书 ${
          rows.filter((r) => r.document && !r.acknowledgedAt).length
        } 件`}
      />
      <DataTable<Escalation>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (e) => <EscalationItems e={e} /> }}
        locale={{ emptyText: "没有督办记录" }}
      />
    </PageContainer>
  );
}
