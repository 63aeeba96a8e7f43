import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  NumberOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { ROUND_STAGES, type RoundStage } from "@xuncha/domain/model";
import { Alert, Button, Card, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { useAuth } from "../../app/auth";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { RestoreDefaultButton } from "../../components/restore-default-button";
import { CriteriaSettingsCard } from "../evaluations/criteria-settings-card";
import { RectificationSettingsCard } from "../rectification/rectification-settings-card";
import { TipSettingsCard } from "../tips/tip-settings-card";
import {
  ANCHOR_LABELS,
  type ChecklistItem,
  DEADLINE_LABELS,
  type DeadlineKey,
  type Deadlines,
  type DueAnchor,
  type DueRule,
  OWNER_LABELS,
  type Period,
  SCOPE_LABELS,
  type Setting,
  type WorkItemOwner,
  type WorkItemScope,
} from "./api";
import { RecusalRulesCard } from "./recusal-rules-card";

const UNIT_OPTIONS = [
  { value: "days", label: "天" },
  { value: "months", label: "个月" },
];
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));

function PeriodInput({
  value,
  onChange,
  disabled,
}: {
  value: Period;
  onChange: (p: Period) => void;
  disabled?: boolean;
}) {
  return (
    <Space.Compact>
      <InputNumber
        min={0}
        max={3650}
        precision={0}
        value={value.amount}
        disabled={disabled}
        onChange={(v) => onChange({ ...value, amount: v ?? 0 })}
        style={{ width: 80 }}
        aria-label="时长"
      />
      <Select
        value={value.unit}
        disabled={disabled}
        options={UNIT_OPTIONS}
        onChange={(unit) => onChange({ ...value, unit })}
        style={{ width: 80 }}
        aria-label="单位"
      />
    </Space.Compact>
  );
}

function DeadlinesCard({ editable }: { editable: boolean }) {
  const setting = useRequest<Setting<Deadlines>>("/committee-settings/deadlines");
  const [value, setValue] = useState<Deadlines>();
  const { run, pending } = useAction();
  useEffect(() => setValue(setting.data?.value), [setting.data]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;
  const save = async (body: Deadlines | null) => {
    const result = await run(() =>
      api.put<Setting<Deadlines>>("/committee-settings/deadlines", { value: body }),
    );
    if (result.ok) {
      notifySuccess(body ? "工作时限已保存" : "已恢复默认工作时限");
      setting.setData(result.value);
    }
  };
  return (
    <Card
      size="small"
      title="工作时限"
      loading={!value}
      extra={setting.data?.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>}
    >
      {value && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {(Object.keys(DEADLINE_LABELS) as DeadlineKey[]).map((k) => (
            <div key={k} style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
              <span style={{ minWidth: 220 }}>{DEADLINE_LABELS[k]}</span>
              <PeriodInput
                value={value[k]}
                disabled={!editable}
                onChange={(p) => setValue({ ...value, [k]: p })}
              />
            </div>
          ))}
          {editable && (
            <Space>
              <Button type="primary" loading={pending} onClick={() => save(value)}>
                保存
              </Button>
              <Button disabled={pending || setting.data?.isDefault} onClick={() => save(null)}>
                恢复默认
              </Button>
            </Space>
          )}
          <Typography.Text type="secondary">
            事项的期限按这些时限从轮次日期、反馈日期或线索移交日期推算；修改后，进行中轮次的未完成事项随之更新。
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}

function DueEditor({
  due,
  onChange,
  disabled,
}: {
  due: DueRule | null;
  onChange: (d: DueRule | null) => void;
  disabled: boolean;
}) {
  if (!due)
    return (
      <Space>
        <Typography.Text type="secondary">无期限</Typography.Text>
        {!disabled && (
          <Button
            size="small"
            type="link"
            onClick={() =>
              onChange({
                anchor: "roundStart",
                before: false,
                deadline: null,
                offset: { amount: 0, unit: "days" },
              })
            }
          >
            设置期限
          </Button>
        )}
      </Space>
    );
  return (
    <Space wrap size={4}>
      <Select<DueAnchor>
        value={due.anchor}
        disabled={disabled}
        options={options(ANCHOR_LABELS)}
        onChange={(anchor) => onChange({ ...due, anchor })}
        style={{ width: 130 }}
        aria-label="起算日"
      />
      <Select
        value={due.before ? "before" : "after"}
        disabled={disabled}
        options={[
          { value: "before", label: "前" },
          { value: "after", label: "后" },
        ]}
        onChange={(v) => onChange({ ...due, before: v === "before" })}
        style={{ width: 64 }}
        aria-label="前或后"
      />
      <Select<DeadlineKey | "none">
        value={due.deadline ?? "none"}
        disabled={disabled}
        options={[{ value: "none", label: "（不用时限）" }, ...options(DEADLINE_LABELS)]}
        onChange={(v) => onChange({ ...due, deadline: v === "none" ? null : v })}
        style={{ width: 210 }}
        aria-label="按工作时限"
      />
      <span>再加</span>
      <PeriodInput
        value={due.offset ?? { amount: 0, unit: "days" }}
        disabled={disabled}
        onChange={(p) => onChange({ ...due, offset: p.amount ? p : null })}
      />
      {!disabled && (
        <Button size="small" type="link" onClick={() => onChange(null)}>
          取消期限
        </Button>
      )}
    </Space>
  );
}

function ChecklistCard({ editable }: { editable: boolean }) {
  const setting = useRequest<Setting<ChecklistItem[]>>("/committee-settings/workItemChecklist");
  const [items, setItems] = useState<ChecklistItem[]>();
  const { run, pending } = useAction();
  useEffect(() => setItems(setting.data?.value), [setting.data]);
  if (setting.error) return <LoadError error={setting.error} onRetry={setting.reload} />;
  const update = (index: number, patch: Partial<ChecklistItem>) =>
    setItems((list) => list?.map((it, i) => (i === index ? { ...it, ...patch } : it)));
  const move = (index: number, by: -1 | 1) =>
    setItems((list) => {
      if (!list || index + by < 0 || index + by >= list.length) return list;
      const next = [...list];
      [next[index], next[index + by]] = [next[index + by]!, next[index]!];
      return next;
    });
  const save = async (body: ChecklistItem[] | null) => {
    const result = await run(() =>
      api.put<Setting<ChecklistItem[]>>("/committee-settings/workItemChecklist", { value: body }),
    );
    if (result.ok) {
      notifySuccess(body ? "工作事项清单已保存，进行中的轮次已同步" : "已恢复默认清单");
      setting.setData(result.value);
    }
  };
  const add = () =>
    setItems((list) => [
      ...(list ?? []),
      {
        code: `custom.${Date.now().toString(36)}`,
        stage: "preparation",
        title: "",
        owner: "office",
        scope: "round",
        due: null,
      },
    ]);
  const columns: ColumnsType<ChecklistItem & { index: number }> = [
    {
      title: "阶段",
      key: "stage",
      render: (_, r) => (
        <Select<RoundStage>
          value={r.stage}
          disabled={!editable}
          options={ROUND_STAGES.keys.map((k) => ({ value: k, label: ROUND_STAGES.labels[k] }))}
          onChange={(stage) => update(r.index, { stage })}
          style={{ width: 130 }}
          aria-label="阶段"
        />
      ),
    },
    {
      title: "事项",
      key: "title",
      render: (_, r) => (
        <Input
          value={r.title}
          disabled={!editable}
          maxLength={100}
          status={r.title.trim() ? undefined : "error"}
          onChange={(e) => update(r.index, { title: e.target.value })}
          style={{ width: 300 }}
          aria-label="事项名称"
        />
      ),
    },
    {
      title: "责任方",
      key: "owner",
      render: (_, r) => (
        <Select<WorkItemOwner>
          value={r.owner}
          disabled={!editable}
          options={options(OWNER_LABELS)}
          onChange={(owner) => update(r.index, { owner })}
          style={{ width: 120 }}
          aria-label="责任方"
        />
      ),
    },
    {
      title: "数量",
      key: "scope",
      render: (_, r) => (
        <Select<WorkItemScope>
          value={r.scope}
          disabled={!editable}
          options={options(SCOPE_LABELS)}
          onChange={(scope) => update(r.index, { scope })}
          style={{ width: 130 }}
          aria-label="数量"
        />
      ),
    },
    {
      title: "期限",
      key: "due",
      render: (_, r) => (
        <DueEditor due={r.due} disabled={!editable} onChange={(due) => update(r.index, { due })} />
      ),
    },
    ...(editable
      ? [
          {
            title: "操作",
            key: "actions",
            render: (_: unknown, r: ChecklistItem & { index: number }) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  aria-label="上移"
                  onClick={() => move(r.index, -1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  aria-label="下移"
                  onClick={() => move(r.index, 1)}
                />
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除"
                  onClick={() => setItems((list) => list?.filter((_, i) => i !== r.index))}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={items ? `工作事项清单（${items.length} 项）` : "工作事项清单"}
      loading={!items}
      extra={setting.data?.isDefault ? <Tag>默认</Tag> : <Tag color="blue">本级设置</Tag>}
    >
      {items && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Table
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={items.map((it, index) => ({ ...it, index }))}
            pagination={false}
            scroll={{ x: "max-content" }}
          />
          {editable && (
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={add}>
                新增事项
              </Button>
              <Button
                type="primary"
                loading={pending}
                disabled={items.some((i) => !i.title.trim())}
                onClick={() => save(items)}
              >
                保存清单
              </Button>
              <RestoreDefaultButton
                disabled={pending || setting.data?.isDefault}
                title="恢复默认清单？"
                content="本级对清单的修改将被放弃；进行中轮次的未完成事项随之更新，已完成的事项保留。"
                onRestore={() => save(null)}
              />
            </Space>
          )}
          <Typography.Text type="secondary">
            保存后，进行中的轮次按新清单同步：改名、调整责任方和期限只影响未完成的事项；删除的事项若已完成则保留；新增事项只加到当前及以后的阶段。
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}

/**
 * The office's settings: deadlines, the stage checklist, recusal rules, the group evaluation
 * criteria (一巡一评), tips (信访举报: cipher and attachment limits), rectification supervision
 * (整改督办: joint review parties and the escalation ladder) and a way to the numbering registers (发文字号).
 */
export function WorkItemSettingsPage() {
  const { state } = useAuth();
  const [params, setParams] = useSearchParams();
  if (state.status !== "authenticated") return <PageLoading />;
  const editable = hasRole(state.me, "officeStaff");
  const tab = params.get("tab") ?? "work-items";
  return (
    <PageContainer
      title="工作设置"
      extra={
        // The numbering registers are the office's own (the leading group does not read them).
        editable && (
          <Link to="/settings/registers">
            <Button icon={<NumberOutlined />}>发文字号设置</Button>
          </Link>
        )
      }
    >
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="以下设置由巡察办维护，此处仅供查看。"
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          {
            key: "work-items",
            label: "工作时限与事项",
            children: (
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                <DeadlinesCard editable={editable} />
                <ChecklistCard editable={editable} />
              </Space>
            ),
          },
          { key: "recusal", label: "回避规则", children: <RecusalRulesCard editable={editable} /> },
          {
            key: "evaluation",
            label: "一巡一评",
            children: <CriteriaSettingsCard editable={editable} />,
          },
          { key: "tips", label: "信访举报", children: <TipSettingsCard editable={editable} /> },
          {
            key: "rectification",
            label: "整改督办",
            children: <RectificationSettingsCard editable={editable} />,
          },
          editable && {
            key: "registers",
            label: "发文字号",
            children: (
              <Card size="small">
                <Space wrap>
                  <Typography.Text>
                    授权任职决定、巡察公告、立行立改通知书等公文按发文字号编号（发文机关、发文代字和适用的公文种类）。
                  </Typography.Text>
                  <Link to="/settings/registers">设置发文字号</Link>
                </Space>
              </Card>
            ),
          },
        ].filter((t) => t !== false)}
      />
    </PageContainer>
  );
}
