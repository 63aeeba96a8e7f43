import { PrinterOutlined } from "@ant-design/icons";
import { COMPLETIONS, RATE_GROUPING_LABELS, type RateGrouping, TAXONOMY } from "@xuncha/domain/model";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Navigate } from "react-router-dom";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate, formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import {
  LEDGER_STATE_LABELS,
  type LedgerState,
  latestCompletion,
  ledgerStateTag,
  TONE_COLORS,
} from "../../app/status";
import { totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { useServerPaging } from "../../app/use-server-paging";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { ExportButton } from "../../components/export-button";
import { FileLinks } from "../../components/file-links";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { RateText } from "../../components/rate-text";
import { ReasonModal } from "../../components/reason-modal";
import { StatusTagView } from "../../components/status-tag";
import { TableToolbar } from "../../components/table-toolbar";
import { SEVERITY_COLORS, severityLabel } from "../findings/finding-labels";
import type { RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";
import {
  CLOSE_OUT_PARTY_LABELS,
  type CloseOutParty,
  type Ledger,
  type LedgerItem,
  type LedgerSums,
  type Rates,
} from "./api";
import { chinaToday, MeasureList } from "./measure-list";

/** The nearest deadline among open measures, for sorting and display. */
const nearestDeadline = (i: LedgerItem) =>
  i.measures
    .filter((m) => latestCompletion(m) !== "done")
    .map((m) => m.deadline)
    .sort()[0];

/** Every evidence file of a problem's progress, once each. */
const evidenceOf = (item: LedgerItem) => {
  const seen = new Set<string>();
  return item.measures
    .flatMap((m) => m.progress.flatMap((p) => p.files))
    .filter((f) => !seen.has(f.id) && seen.add(f.id));
};

/** The parties that must approve a close-out, each with its approval since the last reopening. */
function ApprovalList({ item }: { item: LedgerItem }) {
  const c = item.closeOut;
  if (!c) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={c.required.map((party) => {
        const a = c.approvals.find((x) => x.party === party);
        return {
          key: party,
          label: CLOSE_OUT_PARTY_LABELS[party],
          children: a ? (
            <span>
              <Tag color="success">已同意</Tag>
              {a.by} · {formatDateTime(a.at)}
              {a.note && <div className="xc-pre">{a.note}</div>}
            </span>
          ) : (
            <Tag>待审核</Tag>
          ),
        };
      })}
    />
  );
}

/** 销号审核: one party checks the evidence and approves; the problem closes once every party did. */
function CloseOutModal({
  item,
  onClose,
  onDone,
}: {
  item: LedgerItem | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ note?: string; party?: CloseOutParty }>();
  const { run, pending } = useAction();
  const parties = item?.abilities.approveAs ?? [];
  const submit = async () => {
    if (!item) return;
    const v = await form.validateFields();
    const result = await run(() =>
      api.post<{ closed: boolean; waiting: CloseOutParty[] }>(`/findings/${item.finding.id}/close-out`, {
        note: v.note?.trim() || undefined,
        party: v.party ?? (parties.length === 1 ? parties[0] : undefined),
      }),
    );
    if (result.ok) {
      notifySuccess(
        result.value.closed
          ? `问题 ${item.finding.number} 已销号`
          : `已同意销号，待${result.value.waiting.map((p) => CLOSE_OUT_PARTY_LABELS[p]).join("、")}审核`,
      );
      onDone();
    }
  };
  return (
    <Modal
      open={item !== null}
      title="整改销号审核"
      okText="确认销号"
      onOk={submit}
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {item && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            “{item.finding.title}”（{item.target.name}）的 {item.measures.length}{" "}
            项措施均已报告完成。请核验佐证材料后同意销号；须审核的各方均同意后问题销号，计入整改率。
          </Typography.Paragraph>
          <div>
            <Typography.Text strong>佐证材料（{evidenceOf(item).length} 份）</Typography.Text>
            <div>
              <FileLinks files={evidenceOf(item)} />
            </div>
          </div>
          <ApprovalList item={item} />
        </Space>
      )}
      <Form form={form} layout="vertical" preserve={false} style={{ marginTop: 12 }}>
        {parties.length > 1 && (
          <Form.Item name="party" label="审核方" rules={[{ required: true, message: "请选择审核方" }]}>
            <Select options={parties.map((p) => ({ value: p, label: CLOSE_OUT_PARTY_LABELS[p] }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label="核验意见（可选）">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 建章立制, 挽回经济损失, 追责问责 summed. */
function SumsText({ sums }: { sums: LedgerSums }) {
  return (
    <span>
      措施 {sums.measures} 项 · 建章立制 {sums.rulesMade} 项 · 挽回经济损失 {sums.moneyRecovered.toFixed(2)}{" "}
      万元 · 追责问责 {sums.accountablePersons} 人
    </span>
  );
}

/** 整改率 per target, round, category or committee, each with its formula on hover. */
function RatesCard({ roundId }: { roundId: string | undefined }) {
  const [by, setBy] = useState<RateGrouping>("target");
  const rates = useRequest<Rates>("/rectification/rates", { by, roundId });
  return (
    <Card
      size="small"
      title="整改率"
      className="xc-no-print"
      extra={
        <Segmented<RateGrouping>
          size="small"
          value={by}
          onChange={setBy}
          options={(Object.keys(RATE_GROUPING_LABELS) as RateGrouping[]).map((k) => ({
            value: k,
            label: `按${RATE_GROUPING_LABELS[k]}`,
          }))}
        />
      }
      style={{ marginBottom: 16 }}
    >
      {rates.error ? (
        <LoadError error={rates.error} onRetry={rates.reload} />
      ) : (
        <>
          {rates.data && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {rates.data.formula}
            </Typography.Paragraph>
          )}
          <Table
            size="small"
            rowKey="key"
            loading={rates.loading}
            dataSource={rates.data?.items ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            columns={[
              { title: RATE_GROUPING_LABELS[by], dataIndex: "name", key: "name" },
              { title: "已反馈问题", dataIndex: "problems", key: "problems", align: "right" },
              { title: "已销号", dataIndex: "closed", key: "closed", align: "right" },
              {
                title: "整改率",
                key: "rate",
                align: "right",
                sorter: (a, b) => (a.rate.percent ?? -1) - (b.rate.percent ?? -1),
                render: (_, r) => <RateText rate={r.rate} />,
              },
              { title: "建章立制（项）", dataIndex: "rulesMade", key: "rulesMade", align: "right" },
              {
                title: "挽回经济损失（万元）",
                key: "money",
                align: "right",
                render: (_, r) => r.moneyRecovered.toFixed(2),
              },
              { title: "追责问责（人）", dataIndex: "accountablePersons", key: "persons", align: "right" },
            ]}
            locale={{ emptyText: "暂无已反馈的问题" }}
          />
        </>
      )}
    </Card>
  );
}

const CATEGORY_OPTIONS = TAXONOMY.map((s) => ({
  label: s.name,
  options: s.categories.map((c) => ({ value: c.key, label: c.name })),
}));

/** 整改台账 for the office and reviewers: one row per fed-back problem, coloured by state. */
export function LedgerPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const contactOnly =
    hasRole(me, "targetContact") &&
    !hasRole(me, "officeStaff", "leadership", "disciplineReviewer", "organizationReviewer");
  const rounds = useRequest<RoundSummary[]>(contactOnly ? null : "/rounds");
  const [roundId, setRoundId] = useState<string>();
  const [state, setState] = useState<LedgerState>();
  const [targetId, setTargetId] = useState<string>();
  const [category, setCategory] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [closed, setClosed] = useState<"true" | "false">();
  const { page, pageSize, setPage, pagination } = useServerPaging(50, [20, 50, 100, 200]);
  const filters = {
    roundId,
    targetId,
    state,
    category,
    overdue: overdue ? "true" : undefined,
    closed,
  };
  const ledger = useRequest<Ledger>(contactOnly ? null : "/rectification/ledger", {
    ...filters,
    page,
    pageSize,
  });
  const targets = useRequest<Rates>(contactOnly ? null : "/rectification/rates", { by: "target", roundId });
  /** Changing a filter goes back to the first page. */
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const [closing, setClosing] = useState<LedgerItem | null>(null);
  const [reopening, setReopening] = useState<LedgerItem | null>(null);
  const { run, pending } = useAction();

  if (contactOnly) return <Navigate to="/rectification/mine" replace />;
  const items = ledger.data?.items ?? [];
  const today = ledger.data?.today ?? chinaToday();

  const reopen = async (reason: string) => {
    if (!reopening) return;
    const result = await run(() => api.post(`/findings/${reopening.finding.id}/reopen`, { reason }));
    if (result.ok) {
      notifySuccess(`问题 ${reopening.finding.number} 已重新打开`);
      setReopening(null);
      ledger.reload();
    }
  };

  const columns: ColumnsType<LedgerItem> = [
    {
      title: "序号",
      key: "number",
      width: 64,
      render: (_, i) => i.finding.number,
    },
    {
      title: "状态",
      key: "state",
      fixed: "left",
      width: 150,
      render: (_, i) => <StatusTagView tag={ledgerStateTag(i.state, i.measures, today)} />,
    },
    {
      title: "被巡察单位",
      key: "target",
      render: (_, i) => <EllipsisText text={i.target.name} width={180} />,
    },
    {
      title: "巡察轮次",
      key: "round",
      render: (_, i) => <EllipsisText text={i.round.name} width={160} />,
    },
    {
      title: "问题类别",
      key: "category",
      render: (_, i) => <EllipsisText text={i.finding.categoryName} width={140} />,
    },
    { title: "问题", key: "title", render: (_, i) => <EllipsisText text={i.finding.title} width={240} /> },
    {
      title: "严重程度",
      key: "severity",
      render: (_, i) => (
        <Tag color={SEVERITY_COLORS[i.finding.severity]}>{severityLabel(i.finding.severity)}</Tag>
      ),
    },
    { title: "措施", key: "measures", align: "right", render: (_, i) => `${i.measures.length} 项` },
    {
      title: "最近时限",
      key: "deadline",
      render: (_, i) => formatDate(nearestDeadline(i)),
    },
    {
      title: "完成情况",
      key: "completion",
      render: (_, i) => {
        const done = i.measures.filter((m) => latestCompletion(m) === "done").length;
        return i.measures.length ? `${COMPLETIONS.labels.done} ${done}/${i.measures.length}` : "—";
      },
    },
    {
      title: "销号审核",
      key: "approvals",
      render: (_, i) =>
        i.closeOut ? (
          <Space size={2} wrap>
            {i.closeOut.required.map((p) => {
              const approved = i.state === "closed" || i.closeOut!.approvals.some((a) => a.party === p);
              return (
                <Tag key={p} color={approved ? "success" : "default"}>
                  {CLOSE_OUT_PARTY_LABELS[p]}
                  {approved ? "✓" : ""}
                </Tag>
              );
            })}
          </Space>
        ) : (
          "—"
        ),
    },
    {
      title: "佐证材料",
      key: "evidence",
      align: "right",
      render: (_, i) => `${i.closeOut?.evidence ?? 0} 份`,
    },
    { title: "销号日期", key: "closedAt", render: (_, i) => formatDate(i.closedAt) },
    {
      title: "操作",
      key: "actions",
      fixed: "right",
      render: (_, i) => (
        <Space size={0}>
          {i.abilities.closeOut && (
            <Button type="link" size="small" onClick={() => setClosing(i)}>
              销号
            </Button>
          )}
          {i.abilities.reopen && (
            <Button
              type="link"
              size="small"
              danger
              onClick={() =>
                modal.confirm({
                  title: "重新打开已销号的问题？",
                  content: "重新打开后，该问题不再计入已整改，整改率随之变化；须填写理由并记入审计日志。",
                  okText: "继续",
                  cancelText: "取消",
                  onOk: () => setReopening(i),
                })
              }
            >
              重新打开
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="整改台账"
      extra={
        <Space className="xc-no-print">
          <ExportButton path="/rectification/ledger/export" query={filters} fileName="整改台账.xlsx" />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      }
    >
      <search className="xc-filters">
        <RoundFilter rounds={rounds} value={roundId} onChange={filtered(setRoundId)} />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="全部被巡察单位"
          aria-label="被巡察单位"
          value={targetId}
          onChange={filtered(setTargetId)}
          style={{ minWidth: 180 }}
          options={(targets.data?.items ?? []).map((t) => ({ value: t.key, label: t.name }))}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          placeholder="全部问题类别"
          aria-label="问题类别"
          value={category}
          onChange={filtered(setCategory)}
          style={{ minWidth: 180 }}
          options={CATEGORY_OPTIONS}
        />
        <Select<"true" | "false">
          allowClear
          placeholder="销号情况"
          aria-label="销号情况"
          value={closed}
          onChange={filtered(setClosed)}
          options={[
            { value: "false", label: "未销号" },
            { value: "true", label: "已销号" },
          ]}
        />
        <Checkbox checked={overdue} onChange={(e) => filtered(setOverdue)(e.target.checked)}>
          只看逾期
        </Checkbox>
        <Select<LedgerState>
          allowClear
          placeholder="全部状态"
          aria-label="整改状态"
          value={state}
          onChange={filtered(setState)}
          options={(Object.keys(LEDGER_STATE_LABELS) as LedgerState[]).map((k) => ({
            value: k,
            label: LEDGER_STATE_LABELS[k],
          }))}
        />
      </search>
      <RatesCard roundId={roundId} />
      {ledger.error ? (
        <LoadError error={ledger.error} onRetry={ledger.reload} />
      ) : (
        <>
          <TableToolbar
            countText={
              <Space orientation="vertical" size={0}>
                <span>
                  共 {ledger.data?.total ?? items.length} 个问题 · 整改率{" "}
                  {ledger.data ? <RateText rate={ledger.data.rate} strong /> : "—"}
                </span>
                {ledger.data?.sums && (
                  <Typography.Text type="secondary">
                    <SumsText sums={ledger.data.sums} />
                  </Typography.Text>
                )}
              </Space>
            }
          >
            <Space size={4} wrap>
              {(["overdue", "dueSoon", "progress", "waiting", "done"] as const).map((t) => (
                <Tag key={t} color={TONE_COLORS[t]}>
                  {
                    {
                      overdue: "已逾期",
                      dueSoon: "即将到期",
                      progress: "整改中",
                      waiting: "待销号",
                      done: "已销号",
                    }[t]
                  }
                </Tag>
              ))}
            </Space>
          </TableToolbar>
          <DataTable<LedgerItem>
            rowKey={(i) => i.finding.id}
            size="middle"
            loading={ledger.loading}
            columns={columns}
            dataSource={items}
            scroll={{ x: "max-content" }}
            rowClassName={(i) => `xc-row-${ledgerStateTag(i.state, i.measures, today).tone}`}
            expandable={{
              expandedRowRender: (i) => (
                <Card size="small" variant="borderless">
                  <Typography.Paragraph className="xc-pre">{i.finding.description}</Typography.Paragraph>
                  <MeasureList measures={i.measures} today={today} />
                  {i.closeOut && i.closeOut.history.length > 0 && (
                    <Alert
                      type="info"
                      style={{ marginTop: 12 }}
                      title="销号记录"
                      description={
                        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                          {i.closeOut.history.map((h) => (
                            <li key={`${h.at}-${h.action}-${h.party ?? ""}`}>
                              {formatDateTime(h.at)}{" "}
                              {h.action === "approve"
                                ? `${CLOSE_OUT_PARTY_LABELS[h.party!] ?? h.party}同意销号`
                                : h.action === "close"
                                  ? "销号"
                                  : "重新打开"}
                              （{h.by}）{h.reason && `：${h.reason}`}
                            </li>
                          ))}
                        </ul>
                      }
                    />
                  )}
                </Card>
              ),
            }}
            pagination={pagination(ledger.data?.total ?? 0, totalText("个问题"))}
            locale={{ emptyText: "暂无已反馈的问题" }}
          />
        </>
      )}
      <CloseOutModal
        item={closing}
        onClose={() => setClosing(null)}
        onDone={() => {
          setClosing(null);
          ledger.reload();
        }}
      />
      <ReasonModal
        open={reopening !== null}
        title="重新打开问题"
        label="重新打开的理由"
        okText="重新打开"
        danger
        pending={pending}
        onSubmit={reopen}
        onCancel={() => setReopening(null)}
      />
    </PageContainer>
  );
}
