import { PrinterOutlined } from "@ant-design/icons";
import { COMPLETIONS } from "@xuncha/domain/model";
import { App, Button, Card, Form, Input, Modal, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Navigate } from "react-router-dom";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate, todayIso } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import {
  LEDGER_STATE_LABELS,
  type LedgerState,
  latestCompletion,
  ledgerStateTag,
  TONE_COLORS,
} from "../../app/status";
import { labelFilters, numberSorter, textSorter, totalText, valueFilters } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { RateText } from "../../components/rate-text";
import { ReasonModal } from "../../components/reason-modal";
import { StatusTagView } from "../../components/status-tag";
import { TableToolbar } from "../../components/table-toolbar";
import { SEVERITY_COLORS, severityLabel } from "../findings/finding-labels";
import type { RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";
import type { Ledger, LedgerItem } from "./api";
import { MeasureList } from "./measure-list";

/** The nearest deadline among open measures, for sorting and display. */
const nearestDeadline = (i: LedgerItem) =>
  i.measures
    .filter((m) => latestCompletion(m) !== "done")
    .map((m) => m.deadline)
    .sort()[0];

function CloseOutModal({
  item,
  onClose,
  onDone,
}: {
  item: LedgerItem | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const { run, pending } = useAction();
  const submit = async () => {
    if (!item) return;
    const v = await form.validateFields();
    const result = await run(() =>
      api.post(`/findings/${item.finding.id}/close-out`, { note: v.note?.trim() || undefined }),
    );
    if (result.ok) {
      notifySuccess(`问题 ${item.finding.number} 已销号`);
      onDone();
    }
  };
  return (
    <Modal
      open={item !== null}
      title="整改销号"
      okText="确认销号"
      onOk={submit}
      confirmLoading={pending}
      onCancel={onClose}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph>
          确认“{item.finding.title}”（{item.target.name}）的 {item.measures.length}{" "}
          项措施均已完成、佐证材料已核验？销号后计入整改率；如发现反弹可重新打开。
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label="核验意见（可选）">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

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
  const ledger = useRequest<Ledger>(contactOnly ? null : "/rectification/ledger", { roundId, state });
  const [closing, setClosing] = useState<LedgerItem | null>(null);
  const [reopening, setReopening] = useState<LedgerItem | null>(null);
  const [shown, setShown] = useState<number>();
  const { run, pending } = useAction();

  if (contactOnly) return <Navigate to="/rectification/mine" replace />;
  const items = ledger.data?.items ?? [];
  const today = todayIso();

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
      sorter: numberSorter((i) => i.finding.number),
      render: (_, i) => i.finding.number,
    },
    {
      title: "状态",
      key: "state",
      fixed: "left",
      width: 150,
      filters: labelFilters(LEDGER_STATE_LABELS),
      onFilter: (v, i) => i.state === v,
      render: (_, i) => <StatusTagView tag={ledgerStateTag(i.state, i.measures, today)} />,
    },
    {
      title: "被巡察单位",
      key: "target",
      sorter: textSorter((i) => i.target.name),
      filters: valueFilters(items, (i) => i.target.name),
      filterSearch: true,
      onFilter: (v, i) => i.target.name === v,
      render: (_, i) => <EllipsisText text={i.target.name} width={180} />,
    },
    {
      title: "巡察轮次",
      key: "round",
      filters: valueFilters(items, (i) => i.round.name),
      onFilter: (v, i) => i.round.name === v,
      render: (_, i) => <EllipsisText text={i.round.name} width={160} />,
    },
    {
      title: "问题类别",
      key: "category",
      filters: valueFilters(items, (i) => i.finding.categoryName),
      onFilter: (v, i) => i.finding.categoryName === v,
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
      sorter: textSorter((i) => nearestDeadline(i) ?? "9999"),
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
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="xc-no-print">
          打印
        </Button>
      }
    >
      <search className="xc-filters">
        <RoundFilter rounds={rounds} value={roundId} onChange={setRoundId} />
        <Select<LedgerState>
          allowClear
          placeholder="全部状态"
          aria-label="整改状态"
          value={state}
          onChange={setState}
          options={(Object.keys(LEDGER_STATE_LABELS) as LedgerState[]).map((k) => ({
            value: k,
            label: LEDGER_STATE_LABELS[k],
          }))}
        />
      </search>
      {ledger.error ? (
        <LoadError error={ledger.error} onRetry={ledger.reload} />
      ) : (
        <>
          <TableToolbar
            countText={
              <span>
                共 {shown ?? items.length} 个问题 · 整改率{" "}
                {ledger.data ? <RateText rate={ledger.data.rate} strong /> : "—"}
              </span>
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
            onChange={(_p, _f, _s, extra) => setShown(extra.currentDataSource.length)}
            rowClassName={(i) => `xc-row-${ledgerStateTag(i.state, i.measures, today).tone}`}
            expandable={{
              expandedRowRender: (i) => (
                <Card size="small" variant="borderless">
                  <Typography.Paragraph className="xc-pre">{i.finding.description}</Typography.Paragraph>
                  <MeasureList measures={i.measures} />
                </Card>
              ),
            }}
            pagination={{ pageSize: 50, showSizeChanger: true, showTotal: totalText("个问题") }}
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
