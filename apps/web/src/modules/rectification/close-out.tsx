import { Alert, Descriptions, Form, Input, Modal, Select, Space, Tag, Typography } from "antd";
import { api } from "../../app/api-client";
import { formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FileLinks } from "../../components/file-links";
import { CLOSE_OUT_PARTY_LABELS, type CloseOutParty, type LedgerItem } from "./api";

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
export function CloseOutModal({
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

/** In the ledger's row: each required party of the close-out, ticked once it approved. */
export function CloseOutApprovalTags({ item }: { item: LedgerItem }) {
  const c = item.closeOut;
  if (!c) return "—";
  return (
    <Space size={2} wrap>
      {c.required.map((p) => {
        const approved = item.state === "closed" || c.approvals.some((a) => a.party === p);
        return (
          <Tag key={p} color={approved ? "success" : "default"}>
            {CLOSE_OUT_PARTY_LABELS[p]}
            {approved ? "✓" : ""}
          </Tag>
        );
      })}
    </Space>
  );
}

/** 销号记录: the approvals, close-outs and reopenings of a problem. */
export function CloseOutHistory({ item }: { item: LedgerItem }) {
  if (!item.closeOut || item.closeOut.history.length === 0) return null;
  return (
    <Alert
      type="info"
      style={{ marginTop: 12 }}
      title="销号记录"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {item.closeOut.history.map((h) => (
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
  );
}
