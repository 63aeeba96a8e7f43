import { SyncOutlined } from "@ant-design/icons";
import { ROUND_STAGES, type RoundStage } from "@xuncha/domain/model";
import { Alert, Button, Card, Empty, Segmented, Select, Space, Switch, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { LoadError } from "../../components/load-error";
import { OWNER_LABELS, type RoundWorkItems, type StageCount, type StageCounts, type WorkItem } from "./api";
import { MarkItemModal } from "./mark-item-modal";

interface ProgressRow {
  key: string;
  name: string;
  kind: "round" | "group" | "target";
  stages: StageCounts;
}

function StageCell({ c }: { c: StageCount | undefined }) {
  if (!c || c.total === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      <Typography.Text type={c.done === c.total ? "success" : undefined}>
        {c.done}/{c.total}
      </Typography.Text>
      {c.overdue > 0 && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          逾期 {c.overdue} 项 · 最长 {c.maxOverdueDays} 天
        </Tag>
      )}
    </Space>
  );
}

function itemStatus(i: WorkItem) {
  if (i.doneOn)
    return (
      <Tag color="green">
        {formatDate(i.doneOn)} 完成{i.doneBy ? `（${i.doneBy.name}）` : ""}
      </Tag>
    );
  if (i.overdueDays) return <Tag color="red">逾期 {i.overdueDays} 天</Tag>;
  return <Tag>待办</Tag>;
}

/**
 * The round's work items (工作事项) on its page: where the round, each group and each target stands
 * per stage, and the checklist itself, marked done by each item's owner side.
 */
export function RoundWorkItemsCard({ roundId }: { roundId: string }) {
  const data = useRequest<RoundWorkItems>(`/rounds/${roundId}/work-items`);
  const me = useMe();
  const [view, setView] = useState<"progress" | "items">("progress");
  const [stage, setStage] = useState<RoundStage | "all" | undefined>();
  const [openOnly, setOpenOnly] = useState(false);
  const [marking, setMarking] = useState<WorkItem | null>(null);
  const { run, pending } = useAction();

  const d = data.data;
  const shownStage = stage ?? d?.round.stage ?? "all";
  const items = useMemo(
    () =>
      (d?.items ?? []).filter(
        (i) => (shownStage === "all" || i.stage === shownStage) && (!openOnly || !i.doneOn),
      ),
    [d, shownStage, openOnly],
  );

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;

  const replace = (item: WorkItem) =>
    d && data.setData({ ...d, items: d.items.map((i) => (i.id === item.id ? { ...i, ...item } : i)) });
  const undo = async (item: WorkItem) => {
    const result = await run(() => api.patch<WorkItem>(`/work-items/${item.id}`, { done: false }));
    if (result.ok) {
      notifySuccess("已撤销完成");
      data.reload();
    }
  };
  const sync = async () => {
    const result = await run(() =>
      api.post<{ added: number; updated: number; removed: number }>(`/rounds/${roundId}/work-items/sync`),
    );
    if (result.ok) {
      const r = result.value;
      notifySuccess(`已同步：新增 ${r.added} 项，更新 ${r.updated} 项，移除 ${r.removed} 项`);
      data.reload();
    }
  };

  const rows: ProgressRow[] = d
    ? [
        { key: "round", name: "全轮", kind: "round", stages: d.progress.round },
        ...d.progress.groups.map((g) => ({
          key: g.groupId,
          name: g.name,
          kind: "group" as const,
          stages: g.stages,
        })),
        ...d.progress.targets.map((t) => ({
          key: t.targetId,
          name: t.name,
          kind: "target" as const,
          stages: t.stages,
        })),
      ]
    : [];
  const progressColumns: ColumnsType<ProgressRow> = [
    {
      title: "组别 / 对象",
      key: "name",
      fixed: "left",
      render: (_, r) => (
        <Typography.Text strong={r.kind !== "target"} style={{ whiteSpace: "nowrap" }}>
          {r.kind === "target" ? `　${r.name}` : r.name}
        </Typography.Text>
      ),
    },
    ...ROUND_STAGES.keys.map((k) => ({
      title: ROUND_STAGES.labels[k],
      key: k,
      render: (_: unknown, r: ProgressRow) => <StageCell c={r.stages[k]} />,
    })),
  ];
  const itemColumns: ColumnsType<WorkItem> = [
    {
      title: "事项",
      key: "title",
      render: (_, i) => (
        <div style={{ minWidth: 180, maxWidth: 360 }}>
          <div>{i.title}</div>
          {i.note && <Typography.Text type="secondary">{i.note}</Typography.Text>}
        </div>
      ),
    },
    {
      title: "范围",
      key: "scope",
      render: (_, i) => <span style={{ whiteSpace: "nowrap" }}>{i.targetName ?? i.groupName ?? "全轮"}</span>,
    },
    { title: "责任方", key: "owner", render: (_, i) => OWNER_LABELS[i.owner] ?? i.owner },
    { title: "期限", key: "due", render: (_, i) => formatDate(i.dueOn) },
    { title: "状态", key: "status", render: (_, i) => itemStatus(i) },
    {
      title: "操作",
      key: "actions",
      render: (_, i) =>
        i.abilities.mark ? (
          i.doneOn ? (
            <Button size="small" type="link" disabled={pending} onClick={() => undo(i)}>
              撤销
            </Button>
          ) : (
            <Button size="small" type="link" onClick={() => setMarking(i)}>
              完成
            </Button>
          )
        ) : null,
    },
  ];
  const openNow = d?.progress.round[d.round.stage];

  return (
    <Card
      size="small"
      title="工作事项"
      loading={!d && data.loading}
      extra={
        d && (
          <Space wrap>
            {hasRole(me, "officeStaff", "leadership") && (
              <Link to={`/rounds/${roundId}/evaluations`}>
                <Button size="small">一巡一评</Button>
              </Link>
            )}
            {d.abilities.sync && (
              <Button size="small" icon={<SyncOutlined />} loading={pending} onClick={sync}>
                同步事项
              </Button>
            )}
          </Space>
        )
      }
    >
      {d && d.items.length === 0 ? (
        <Empty
          description={
            d.abilities.sync ? "本轮尚无工作事项，请点击“同步事项”按清单生成" : "暂无您可查看的工作事项"
          }
        />
      ) : (
        d && (
          <Space orientation="vertical" size={12} style={{ width: "100%" }}>
            {openNow && openNow.total > openNow.done && (
              <Alert
                type={openNow.overdue ? "warning" : "info"}
                showIcon
                title={`“${ROUND_STAGES.labels[d.round.stage]}”阶段还有 ${openNow.total - openNow.done} 项未完成${
                  openNow.overdue ? `，其中 ${openNow.overdue} 项已逾期` : ""
                }`}
              />
            )}
            <Segmented
              value={view}
              onChange={(v) => setView(v as "progress" | "items")}
              options={[
                { label: "进度", value: "progress" },
                { label: "事项清单", value: "items" },
              ]}
            />
            {view === "progress" ? (
              <DataTable<ProgressRow>
                rowKey="key"
                size="small"
                columns={progressColumns}
                dataSource={rows}
                pagination={false}
              />
            ) : (
              <>
                <Space wrap>
                  <Select<RoundStage | "all">
                    style={{ width: 180 }}
                    value={shownStage}
                    onChange={setStage}
                    aria-label="阶段"
                    options={[
                      { value: "all", label: "全部阶段" },
                      ...ROUND_STAGES.keys.map((k) => ({ value: k, label: ROUND_STAGES.labels[k] })),
                    ]}
                  />
                  <Space size={6}>
                    <Switch size="small" checked={openOnly} onChange={setOpenOnly} aria-label="只看未完成" />
                    <span>只看未完成</span>
                  </Space>
                </Space>
                <Table<WorkItem>
                  rowKey="id"
                  size="small"
                  columns={itemColumns}
                  dataSource={items}
                  scroll={{ x: "max-content" }}
                  pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                  locale={{ emptyText: "该阶段没有符合条件的事项" }}
                />
              </>
            )}
          </Space>
        )
      )}
      <MarkItemModal
        item={marking}
        onClose={() => setMarking(null)}
        onSaved={(item) => {
          setMarking(null);
          replace(item);
          data.reload();
        }}
      />
    </Card>
  );
}
