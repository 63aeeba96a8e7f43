import {
  DeleteOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import {
  type PlanLimits,
  type PlanTerm,
  PROPOSAL_STATUS_LABELS,
  type Proposal,
  type ProposalGroup,
  type ProposalSummary,
} from "./api";

interface LimitsForm {
  plannedRounds: number;
  groupsPerRound: number;
  targetsPerGroup: number;
  villagesApart: boolean;
  villagesPerGroup: number | null;
  membersPerGroup: number;
  maxConsecutiveRounds: number;
  keepVillagesWithTownship: boolean;
  sectors: { round: number; sector: string }[];
}

const toForm = (term: PlanTerm): LimitsForm => ({
  plannedRounds: term.plannedRounds,
  ...term.planLimits,
  villagesApart: term.planLimits.villagesPerGroup !== null,
  villagesPerGroup: term.planLimits.villagesPerGroup ?? 15,
  sectors: Object.entries(term.planLimits.roundSectors).map(([round, sector]) => ({
    round: Number(round),
    sector,
  })),
});

const toLimits = (v: LimitsForm): PlanLimits => ({
  groupsPerRound: v.groupsPerRound,
  targetsPerGroup: v.targetsPerGroup,
  villagesPerGroup: v.villagesApart ? (v.villagesPerGroup ?? 0) : null,
  membersPerGroup: v.membersPerGroup,
  maxConsecutiveRounds: v.maxConsecutiveRounds,
  keepVillagesWithTownship: v.keepVillagesWithTownship,
  roundSectors: Object.fromEntries(
    (v.sectors ?? [])
      .filter((s) => s?.round && s.sector?.trim())
      .map((s) => [String(s.round), s.sector.trim()]),
  ),
});

/** The planner: the office's limits, "生成方案", and the proposal to edit, accept or reject. */
export function PlannerView({ term, onTermChanged }: { term: PlanTerm; onTermChanged: () => void }) {
  const proposals = useRequest<ProposalSummary[]>(`/planning/terms/${term.id}/proposals`);
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? proposals.data?.[0]?.id ?? null;
  const proposal = useRequest<Proposal>(current ? `/planning/proposals/${current}` : null);
  const [form] = Form.useForm<LimitsForm>();
  const { run, pending } = useAction();
  const villagesApart = Form.useWatch("villagesApart", form);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form when the term changes only
  useEffect(() => {
    form.setFieldsValue(toForm(term));
  }, [term.id]);

  const generate = async (values: LimitsForm) => {
    const result = await run(async () => {
      if (values.plannedRounds !== term.plannedRounds) {
        await api.patch(`/planning/terms/${term.id}`, { plannedRounds: values.plannedRounds });
      }
      return api.post<Proposal>(`/planning/terms/${term.id}/proposals`, { limits: toLimits(values) });
    });
    if (result.ok) {
      notifySuccess("已生成规划方案，采纳前不会分配任何对象");
      setSelected(result.value.id);
      proposal.setData(result.value);
      proposals.reload();
      onTermChanged();
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      {term.canPlan && (
        <Card size="small" title="规划条件">
          <Form<LimitsForm>
            form={form}
            layout="inline"
            initialValues={toForm(term)}
            onFinish={generate}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="plannedRounds"
              label="本届规划轮数"
              rules={[{ required: true, message: "请填写" }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="groupsPerRound" label="每轮组数" rules={[{ required: true, message: "请填写" }]}>
              <InputNumber min={1} max={50} />
            </Form.Item>
            <Form.Item
              name="targetsPerGroup"
              label="每组对象数"
              rules={[{ required: true, message: "请填写" }]}
            >
              <InputNumber min={1} max={100} />
            </Form.Item>
            <Form.Item
              name="membersPerGroup"
              label="每组组员数（不含组长）"
              rules={[{ required: true, message: "请填写" }]}
            >
              <InputNumber min={0} max={20} />
            </Form.Item>
            <Form.Item
              name="maxConsecutiveRounds"
              label="每人最多连续参加轮数"
              rules={[{ required: true, message: "请填写" }]}
            >
              <InputNumber min={1} max={50} />
            </Form.Item>
            <Form.Item name="keepVillagesWithTownship" label="村(社区)随所属乡镇同组" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="villagesApart" label="村(社区)单独计数" valuePropName="checked">
              <Switch />
            </Form.Item>
            {villagesApart && (
              <Form.Item name="villagesPerGroup" label="每组村(社区)数">
                <InputNumber min={0} max={200} />
              </Form.Item>
            )}
            <Form.List name="sectors">
              {(fields, { add, remove }) => (
                <div style={{ width: "100%", marginTop: 8 }}>
                  <Typography.Text type="secondary">专项轮次（只安排该领域的对象）：</Typography.Text>
                  {fields.map((f) => (
                    <Space key={f.key} wrap style={{ display: "flex", marginTop: 4 }}>
                      <Form.Item
                        name={[f.name, "round"]}
                        label="第几轮"
                        rules={[{ required: true, message: "请填写" }]}
                      >
                        <InputNumber min={1} max={100} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, "sector"]}
                        label="领域"
                        rules={[{ required: true, message: "请填写" }]}
                      >
                        <Input placeholder="如：教育" maxLength={30} />
                      </Form.Item>
                      <Button
                        type="text"
                        aria-label="删除该专项轮次"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(f.name)}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => add()}
                    style={{ marginTop: 4 }}
                  >
                    添加专项轮次
                  </Button>
                </div>
              )}
            </Form.List>
            <div style={{ width: "100%", marginTop: 12 }}>
              <Button type="primary" htmlType="submit" icon={<ThunderboltOutlined />} loading={pending}>
                生成方案
              </Button>
            </div>
          </Form>
        </Card>
      )}
      {proposals.error ? (
        <LoadError error={proposals.error} onRetry={proposals.reload} />
      ) : !proposals.loading && !proposals.data?.length ? (
        <Empty
          description={
            term.canPlan ? "尚未生成规划方案。设置规划条件后点击“生成方案”。" : "巡察办尚未生成规划方案。"
          }
        />
      ) : (
        <>
          {proposals.data && proposals.data.length > 1 && (
            <Select
              aria-label="历次方案"
              style={{ maxWidth: "100%", minWidth: 280 }}
              value={current ?? undefined}
              onChange={(v: string) => setSelected(v)}
              options={proposals.data.map((p) => ({
                value: p.id,
                label: `${formatDateTime(p.createdAt)} · ${PROPOSAL_STATUS_LABELS[p.status]} · 安排 ${p.entries} 个${p.shortfallCount ? `，缺 ${p.shortfallCount} 个` : ""}`,
              }))}
            />
          )}
          {proposal.error ? (
            <LoadError error={proposal.error} onRetry={proposal.reload} />
          ) : proposal.data ? (
            <ProposalView
              proposal={proposal.data}
              canDecide={term.canPlan}
              onChanged={(p) => {
                proposal.setData(p);
                proposals.reload();
              }}
            />
          ) : (
            <Spin />
          )}
        </>
      )}
    </Space>
  );
}

const slotKey = (round: number, group: number) => `${round}/${group}`;

function ProposalView({
  proposal,
  canDecide,
  onChanged,
}: {
  proposal: Proposal;
  canDecide: boolean;
  onChanged: (p: Proposal) => void;
}) {
  const { run, pending } = useAction();
  /** The target being moved (from: its group's slot), or put back into the proposal (from: null). */
  const [moving, setMoving] = useState<{ id: string; name: string; from: string | null } | null>(null);
  const [to, setTo] = useState<string>();
  const editable = canDecide && proposal.status === "proposed";
  const { shortfall } = proposal;

  const patch = async (body: unknown, done: string) => {
    const result = await run(() => api.patch<Proposal>(`/planning/proposals/${proposal.id}`, body));
    if (result.ok) {
      notifySuccess(done);
      onChanged(result.value);
    }
    return result.ok;
  };
  const decide = async (action: "accept" | "reject") => {
    const result = await run(() => api.post<Proposal>(`/planning/proposals/${proposal.id}/${action}`));
    if (result.ok) {
      notifySuccess(
        action === "accept" ? "方案已采纳：已写入本届规划，已组建巡察组的对象已分配" : "方案已退回",
      );
      onChanged(result.value);
    }
  };

  const rounds = [...new Set(proposal.groups.map((g) => g.roundNumber))];
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          规划方案
          <Tag
            color={
              proposal.status === "accepted"
                ? "success"
                : proposal.status === "rejected"
                  ? "default"
                  : "processing"
            }
          >
            {PROPOSAL_STATUS_LABELS[proposal.status]}
          </Tag>
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            {formatDateTime(proposal.createdAt)}
          </Typography.Text>
        </Space>
      }
      extra={
        editable && (
          <Space wrap>
            <Popconfirm title="退回该方案？退回后不会分配任何对象。" onConfirm={() => decide("reject")}>
              <Button loading={pending}>退回</Button>
            </Popconfirm>
            <Popconfirm
              title="采纳该方案？"
              description="方案将写入本届规划；已组建巡察组的轮次将同时分配对象。"
              onConfirm={() => decide("accept")}
            >
              <Button type="primary" loading={pending}>
                采纳方案
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      <Alert
        type={shortfall.count ? "warning" : "success"}
        showIcon
        title={<span data-testid="plan-statement">{shortfall.statement}</span>}
        description={
          shortfall.reasons.length > 1 || shortfall.notes.length || shortfall.unplaced.length ? (
            <>
              {shortfall.reasons.length > 1 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {shortfall.reasons.map((r) => (
                    <li key={r.message}>{r.message}</li>
                  ))}
                </ul>
              )}
              {shortfall.notes.map((n) => (
                <div key={n}>
                  <Typography.Text type="secondary">{n}</Typography.Text>
                </div>
              ))}
              {shortfall.unplaced.length > 0 && (
                <details open={editable && shortfall.unplaced.length <= 20}>
                  <summary style={{ cursor: "pointer" }}>
                    未安排的对象（{shortfall.unplaced.length}）{editable && "：点击对象可加入方案中的巡察组"}
                  </summary>
                  {editable ? (
                    <div style={{ display: "flex", flexWrap: "wrap", gap: 4, marginTop: 4 }}>
                      {shortfall.unplaced.map((u) => (
                        <Tag
                          key={u.id}
                          role="button"
                          tabIndex={0}
                          style={{ cursor: "pointer", marginInlineEnd: 0 }}
                          onClick={() => {
                            setMoving({ id: u.id, name: u.name, from: null });
                            setTo(undefined);
                          }}
                          onKeyDown={(e) => {
                            if (e.key === "Enter" || e.key === " ") {
                              e.preventDefault();
                              setMoving({ id: u.id, name: u.name, from: null });
                              setTo(undefined);
                            }
                          }}
                        >
                          {u.name} <PlusOutlined aria-label={`将${u.name}加入方案`} />
                        </Tag>
                      ))}
                    </div>
                  ) : (
                    shortfall.unplaced.map((u) => u.name).join("、")
                  )}
                </details>
              )}
            </>
          ) : undefined
        }
        style={{ marginBottom: 12 }}
      />
      {rounds.length === 0 ? (
        <Empty description="方案中没有可安排的巡察组" />
      ) : (
        <Table<ProposalGroup>
          size="small"
          rowKey={(g) => slotKey(g.roundNumber, g.groupNumber)}
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={proposal.groups}
          columns={[
            {
              title: "轮次",
              key: "round",
              render: (_, g) => <span style={{ whiteSpace: "nowrap" }}>第{g.roundNumber}轮</span>,
              onCell: (g, index) => {
                const first = proposal.groups.findIndex((x) => x.roundNumber === g.roundNumber);
                return {
                  rowSpan:
                    index === first
                      ? proposal.groups.filter((x) => x.roundNumber === g.roundNumber).length
                      : 0,
                };
              },
            },
            {
              title: "巡察组",
              key: "name",
              render: (_, g) => (
                <span style={{ whiteSpace: "nowrap" }}>
                  {g.name}
                  {g.existing && <Tag style={{ marginInlineStart: 4 }}>已组建</Tag>}
                </span>
              ),
            },
            {
              title: "人员",
              key: "people",
              render: (_, g) =>
                g.existing ? (
                  g.people.map((p) => p.name).join("、") || "—"
                ) : (
                  <>
                    <div>组长：{g.leader?.name ?? "—"}</div>
                    <Typography.Text type="secondary">
                      组员：{g.members.map((m) => m.name).join("、") || "—"}
                    </Typography.Text>
                  </>
                ),
            },
            {
              title: "巡察对象",
              key: "targets",
              render: (_, g) => (
                <div style={{ display: "flex", flexWrap: "wrap", gap: 4, maxWidth: 520 }}>
                  {g.targets.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
                  {g.targets.map((t) =>
                    editable ? (
                      <Tag
                        key={t.id}
                        role="button"
                        tabIndex={0}
                        style={{ cursor: "pointer", marginInlineEnd: 0 }}
                        onClick={() => {
                          setMoving({ id: t.id, name: t.name, from: slotKey(g.roundNumber, g.groupNumber) });
                          setTo(undefined);
                        }}
                        onKeyDown={(e) => {
                          if (e.key === "Enter" || e.key === " ") {
                            e.preventDefault();
                            setMoving({
                              id: t.id,
                              name: t.name,
                              from: slotKey(g.roundNumber, g.groupNumber),
                            });
                            setTo(undefined);
                          }
                        }}
                      >
                        {t.name} <SwapOutlined aria-label={`调整${t.name}`} />
                      </Tag>
                    ) : (
                      <Tag key={t.id} style={{ marginInlineEnd: 0 }}>
                        {t.name}
                      </Tag>
                    ),
                  )}
                </div>
              ),
            },
            { title: "对象数", key: "count", render: (_, g) => g.targets.length },
          ]}
        />
      )}
      <Modal
        open={!!moving}
        title={moving?.from === null ? `加入方案：${moving.name}` : `调整：${moving?.name ?? ""}`}
        onCancel={() => setMoving(null)}
        destroyOnHidden
        footer={
          <Space wrap>
            {moving?.from !== null && (
              <Button
                danger
                icon={<DeleteOutlined />}
                loading={pending}
                onClick={async () => {
                  if (moving && (await patch({ drops: [moving.id] }, `已将${moving.name}移出方案`)))
                    setMoving(null);
                }}
              >
                移出方案
              </Button>
            )}
            <Button onClick={() => setMoving(null)}>取消</Button>
            <Button
              type="primary"
              disabled={!to}
              loading={pending}
              onClick={async () => {
                if (!moving || !to) return;
                const [roundNumber, groupNumber] = to.split("/").map(Number);
                if (
                  await patch(
                    { moves: [{ targetId: moving.id, roundNumber, groupNumber }] },
                    moving.from === null ? `已将${moving.name}加入方案` : `已调整${moving.name}`,
                  )
                )
                  setMoving(null);
              }}
            >
              {moving?.from === null ? "加入该组" : "调整到该组"}
            </Button>
          </Space>
        }
      >
        <p>调整后将重新核对每组对象数、专项领域和回避关系，不符合的调整会被拒绝并说明原因。</p>
        <Select
          aria-label="调整到"
          style={{ width: "100%" }}
          placeholder="选择巡察组"
          value={to}
          onChange={setTo}
          options={proposal.groups
            .filter((g) => slotKey(g.roundNumber, g.groupNumber) !== moving?.from)
            .map((g) => ({
              value: slotKey(g.roundNumber, g.groupNumber),
              label: `第${g.roundNumber}轮 ${g.name}（${g.targets.length} 个对象）`,
            }))}
        />
      </Modal>
    </Card>
  );
}
