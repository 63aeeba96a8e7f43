import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { ROUND_STAGES, type RoundStage } from "@xuncha/domain/model";
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { RestoreDefaultButton } from "../../components/restore-default-button";
import {
  type ChecklistItem,
  OWNER_LABELS,
  SCOPE_LABELS,
  type Setting,
  type WorkItemOwner,
  type WorkItemScope,
} from "./api";
import { DueEditor, options } from "./period-editors";

/** The stage checklist (work items of each stage, owner and due rule), edited per committee. */
export function ChecklistCard({ editable }: { editable: boolean }) {
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
