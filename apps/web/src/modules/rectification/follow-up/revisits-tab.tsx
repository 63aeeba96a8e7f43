import { Alert, Button, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { formatDate } from "../../../app/format";
import { useRequest } from "../../../app/use-request";
import { DataTable } from "../../../components/data-table";
import { LoadError } from "../../../components/load-error";
import { TableToolbar } from "../../../components/table-toolbar";
import type { RoundSummary } from "../../rounds/api";
import { RoundFilter } from "../../rounds/round-filter";
import {
  REVISIT_METHOD_LABELS,
  REVISIT_PARTY_LABELS,
  REVISIT_STATE_TAGS,
  type Revisit,
  type RevisitMethod,
  type RevisitParty,
  type RevisitShortfall,
  type RevisitState,
} from "./api";
import { CompleteModal, PlanModal, ScheduleModal } from "./revisit-modals";

/** 回访督查: the schedule per target and round, what is due or overdue, and the conclusions. */
export function RevisitsTab({ office, contactOnly }: { office: boolean; contactOnly: boolean }) {
  const rounds = useRequest<RoundSummary[]>(contactOnly ? null : "/rounds");
  const [roundId, setRoundId] = useState<string>();
  const [state, setState] = useState<RevisitState>();
  const list = useRequest<{ items: Revisit[]; shortfall?: RevisitShortfall[] }>("/rectification/revisits", {
    roundId,
    state,
  });
  const shortfall = list.data?.shortfall ?? [];
  const [planning, setPlanning] = useState(false);
  const [completing, setCompleting] = useState<Revisit | null>(null);
  const [scheduling, setScheduling] = useState<{ kind: "edit" | "add"; revisit: Revisit } | null>(null);
  const rows = list.data?.items ?? [];

  const columns: ColumnsType<Revisit> = [
    { title: "计划日期", dataIndex: "plannedOn", width: 110, render: (v: string) => formatDate(v) },
    { title: "被巡察单位", dataIndex: "targetName" },
    { title: "轮次", dataIndex: "roundName", responsive: ["lg"] },
    { title: "次序", dataIndex: "sequence", width: 80, render: (n: number) => `第${n}次` },
    {
      title: "方式",
      dataIndex: "method",
      width: 100,
      render: (m: RevisitMethod) => REVISIT_METHOD_LABELS[m],
    },
    {
      title: "会同",
      dataIndex: "parties",
      render: (ps: RevisitParty[]) => (ps.length ? ps.map((p) => REVISIT_PARTY_LABELS[p]).join("、") : "—"),
    },
    {
      title: "状态",
      key: "state",
      width: 110,
      render: (_, r) => (
        <Tag color={REVISIT_STATE_TAGS[r.state].color}>{REVISIT_STATE_TAGS[r.state].label}</Tag>
      ),
    },
    ...(contactOnly
      ? []
      : ([
          {
            title: "结论",
            key: "conclusion",
            render: (_, r) =>
              r.status === "done" ? (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>
                    {formatDate(r.doneOn)} {r.conclusion}
                  </Typography.Text>
                  {(r.reopened ?? []).length > 0 && (
                    <Typography.Text type="danger">
                      重新打开：{(r.reopened ?? []).map((f) => `${f.number}. ${f.title}`).join("；")}
                    </Typography.Text>
                  )}
                </Space>
              ) : (
                "—"
              ),
          },
        ] as ColumnsType<Revisit>)),
    ...(office
      ? ([
          {
            title: "操作",
            key: "actions",
            width: 220,
            render: (_, r) => (
              <Space size={4} wrap>
                {r.abilities?.complete && (
                  <Button size="small" onClick={() => setCompleting(r)}>
                    记录完成
                  </Button>
                )}
                {r.abilities?.edit && (
                  <Button size="small" onClick={() => setScheduling({ kind: "edit", revisit: r })}>
                    调整
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setScheduling({ kind: "add", revisit: r })}>
                  加一次
                </Button>
              </Space>
            ),
          },
        ] as ColumnsType<Revisit>)
      : []),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <search className="xc-filters">
        {!contactOnly && <RoundFilter rounds={rounds} value={roundId} onChange={setRoundId} />}
        <Select<RevisitState>
          allowClear
          placeholder="全部状态"
          aria-label="回访状态"
          value={state}
          onChange={setState}
          options={(Object.keys(REVISIT_STATE_TAGS) as RevisitState[]).map((s) => ({
            value: s,
            label: REVISIT_STATE_TAGS[s].label,
          }))}
          style={{ minWidth: 140 }}
        />
        {office && (
          <Button type="primary" onClick={() => setPlanning(true)}>
            计划回访督查
          </Button>
        )}
      </search>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {shortfall.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${shortfall.length} 个被巡察单位的回访督查少于 ${shortfall[0]!.minimum} 次`}
          description={shortfall.map((r) => `${r.targetName}（已安排 ${r.revisits} 次）`).join("、")}
          action={
            office && (
              <Button size="small" onClick={() => setPlanning(true)}>
                计划回访督查
              </Button>
            )
          }
        />
      )}
      <TableToolbar
        countText={`共 ${rows.length} 次回访督查，即将到期 ${rows.filter((r) => r.state === "due").length} 次，已逾期 ${
          rows.filter((r) => r.state === "overdue").length
        } 次`}
      />
      <DataTable<Revisit>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: "暂无回访督查安排" }}
      />
      {office && (
        <PlanModal
          open={planning}
          rounds={rounds.data ?? []}
          onClose={() => setPlanning(false)}
          onDone={() => {
            setPlanning(false);
            list.reload();
          }}
        />
      )}
      <ScheduleModal
        action={scheduling}
        onClose={() => setScheduling(null)}
        onDone={() => {
          setScheduling(null);
          list.reload();
        }}
      />
      <CompleteModal
        revisit={completing}
        onClose={() => setCompleting(null)}
        onDone={() => {
          setCompleting(null);
          list.reload();
        }}
      />
    </Space>
  );
}
