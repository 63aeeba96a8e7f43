import { DownloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Drawer, Input, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useState } from "react";
import { api, download } from "../../../app/api-client";
import { formatDateTime } from "../../../app/format";
import { notifyError, notifySuccess } from "../../../app/notify";
import { useAction, useRequest } from "../../../app/use-request";
import { LoadError } from "../../../components/load-error";
import { ReasonModal } from "../../../components/reason-modal";
import { useDrawerWidth } from "../../../components/use-drawer-width";
import { DISCLOSURE_SCOPE_LABELS, DISCLOSURE_STATUS_TAGS, type Disclosure, type WithheldItem } from "./api";

/** The most characters of the 开头 or the 结尾 (the server refuses more). */
const WORDING_MAX = 5000;

const downloadPublished = (d: Pick<Disclosure, "id" | "title">) =>
  download(`/rectification/disclosures/${d.id}/file`, {}, `${d.title}.docx`).catch(notifyError);

/** The withheld problems being edited: one row per problem of the report. */
function WithheldEditor({
  d,
  value,
  onChange,
}: {
  d: Disclosure;
  value: WithheldItem[];
  onChange: (v: WithheldItem[]) => void;
}) {
  const editable = !!d.abilities?.edit;
  const of = (id: string) => value.find((w) => w.findingId === id);
  const set = (id: string, patch: Partial<WithheldItem> | null) => {
    const rest = value.filter((w) => w.findingId !== id);
    if (patch === null) return onChange(rest);
    const current = of(id) ?? { findingId: id, reason: "workSecret", note: "" };
    onChange([...rest, { ...current, ...patch }]);
  };
  const reasonLabel = (key: string) => d.reasons?.find((r) => r.key === key)?.label ?? key;
  type Item = NonNullable<Disclosure["items"]>[number];
  const columns: ColumnsType<Item> = [
    { title: "问题", key: "title", render: (_, i) => `${i.number}. ${i.title}` },
    {
      title: "是否公开",
      key: "withheld",
      width: 120,
      render: (_, i) =>
        editable ? (
          <Select
            size="small"
            aria-label={`问题${i.number}是否公开`}
            value={of(i.findingId) ? "withheld" : "shown"}
            onChange={(v) => set(i.findingId, v === "withheld" ? {} : null)}
            options={[
              { value: "shown", label: "公开" },
              { value: "withheld", label: "不公开" },
            ]}
          />
        ) : of(i.findingId) ? (
          <Tag color="orange">不公开</Tag>
        ) : (
          <Tag>公开</Tag>
        ),
    },
    {
      title: "不公开理由",
      key: "reason",
      render: (_, i) => {
        const w = of(i.findingId);
        if (!w) return "—";
        if (!editable) return `${reasonLabel(w.reason)}${w.note ? `：${w.note}` : ""}`;
        return (
          <Space orientation="vertical" size={4} style={{ width: "100%" }}>
            <Select
              size="small"
              aria-label={`问题${i.number}不公开理由`}
              value={w.reason}
              onChange={(reason) => set(i.findingId, { reason })}
              options={(d.reasons ?? []).map((r) => ({ value: r.key, label: r.label }))}
              style={{ width: "100%" }}
            />
            <Input
              size="small"
              placeholder={w.reason === "other" ? "请说明理由（必填）" : "说明（可选）"}
              value={w.note}
              maxLength={2000}
              onChange={(e) => set(i.findingId, { note: e.target.value })}
            />
          </Space>
        );
      },
    },
  ];
  return (
    <Table<Item>
      size="small"
      rowKey="findingId"
      dataSource={d.items ?? []}
      columns={columns}
      pagination={false}
      locale={{ emptyText: d.status === "published" ? "已发布" : "整改情况报告中没有问题" }}
    />
  );
}

/**
 * The office's own words: the 开头 (empty = the final report's text) and the 结尾. The problem
 * sections between them are always generated, so a withheld problem cannot be typed back in.
 */
function WordingEditor({
  d,
  lead,
  closing,
  withheldCount,
  onLead,
  onClosing,
}: {
  d: Disclosure;
  lead: string;
  closing: string;
  /** Problems withheld (as being edited): the report's own text may still mention them. */
  withheldCount: number;
  onLead: (v: string) => void;
  onClosing: (v: string) => void;
}) {
  const editable = !!d.abilities?.edit;
  const reportText = editable ? !lead.trim() : !d.lead;
  const shown = (v: string, empty: string) => (
    <Typography.Paragraph type={v ? undefined : "secondary"} style={{ whiteSpace: "pre-wrap", margin: 0 }}>
      {v || empty}
    </Typography.Paragraph>
  );
  return (
    <Space orientation="vertical" size={8} style={{ width: "100%" }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        开头
      </Typography.Title>
      {editable ? (
        <>
          <Input.TextArea
            aria-label="开头"
            value={lead}
            maxLength={WORDING_MAX}
            showCount
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder="留空则采用整改情况报告的概述"
            onChange={(e) => onLead(e.target.value)}
          />
          {!lead && d.reportLead && (
            <Button size="small" onClick={() => onLead(d.reportLead ?? "")}>
              以整改情况报告的概述为底稿修改
            </Button>
          )}
        </>
      ) : (
        shown(d.lead ?? "", "采用整改情况报告的概述")
      )}
      {reportText && withheldCount > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`有 ${withheldCount} 个问题不公开，开头却采用整改情况报告的概述：请核对其中没有提及不公开的问题，必要时自拟开头。`}
        />
      )}
      <Typography.Text type="secondary">
        问题整改情况、建章立制和挽回损失由系统根据整改台账生成，不能手工修改。
      </Typography.Text>
      <Typography.Title level={5} style={{ margin: 0 }}>
        结尾
      </Typography.Title>
      {editable ? (
        <Input.TextArea
          aria-label="结尾"
          value={closing}
          maxLength={WORDING_MAX}
          showCount
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder="如：欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：……"
          onChange={(e) => onClosing(e.target.value)}
        />
      ) : (
        shown(d.closing ?? "", "无")
      )}
    </Space>
  );
}

export function DisclosureDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { modal } = App.useApp();
  const width = useDrawerWidth(760);
  const detail = useRequest<Disclosure>(id ? `/rectification/disclosures/${id}` : null);
  const d = detail.data;
  const [withheld, setWithheld] = useState<WithheldItem[]>([]);
  const [title, setTitle] = useState("");
  const [lead, setLead] = useState("");
  const [closing, setClosing] = useState("");
  const [returning, setReturning] = useState(false);
  const { run, pending } = useAction();
  useEffect(() => {
    setWithheld(d?.withheld ?? []);
    setTitle(d?.title ?? "");
    setLead(d?.lead ?? "");
    setClosing(d?.closing ?? "");
  }, [d]);

  const act = async (label: string, call: () => Promise<Disclosure>) => {
    const result = await run(call);
    if (result.ok) {
      notifySuccess(label);
      detail.setData(result.value);
      onChanged();
    }
  };
  const dirty =
    !!d &&
    (title !== d.title ||
      lead !== (d.lead ?? "") ||
      closing !== (d.closing ?? "") ||
      JSON.stringify(withheld) !== JSON.stringify(d.withheld ?? []));
  const save = () =>
    act("已保存", () =>
      api.patch<Disclosure>(`/rectification/disclosures/${d!.id}`, {
        title: title.trim(),
        withheld,
        lead: lead.trim() || null,
        closing: closing.trim(),
      }),
    );
  const confirm = (titleText: string, content: string, okText: string, onOk: () => Promise<void>) =>
    modal.confirm({ title: titleText, content, okText, onOk });

  return (
    <Drawer open={!!id} onClose={onClose} size={width} title={d?.title ?? "整改公开"} destroyOnHidden>
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {d && (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Space wrap>
            <Tag color={DISCLOSURE_STATUS_TAGS[d.status].color}>{DISCLOSURE_STATUS_TAGS[d.status].label}</Tag>
            <Tag>{DISCLOSURE_SCOPE_LABELS[d.scope]}</Tag>
            <Typography.Text>{d.targetName}</Typography.Text>
            {d.publishedAt && (
              <Typography.Text type="secondary">发布于 {formatDateTime(d.publishedAt)}</Typography.Text>
            )}
          </Space>
          {d.status === "returned" && d.approvalNote && (
            <Alert type="warning" showIcon title="领导小组退回意见" description={d.approvalNote} />
          )}
          {d.status === "published" && (
            <Alert type="success" showIcon title="已发布：公开文本已存档（SHA-256），不能再修改。" />
          )}
          {d.abilities?.edit ? (
            <Input
              aria-label="标题"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
            />
          ) : null}
          {d.status !== "published" && d.withheld && (
            <WordingEditor
              d={d}
              lead={lead}
              closing={closing}
              withheldCount={withheld.length}
              onLead={setLead}
              onClosing={setClosing}
            />
          )}
          {d.items && d.status !== "published" && (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                公开内容
              </Typography.Title>
              <WithheldEditor d={d} value={withheld} onChange={setWithheld} />
            </>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {d.status === "published" ? "公开文本" : "公开文本预览（已保存的内容）"}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap", background: "#fafafa", padding: 12 }}>
            {d.text}
          </Typography.Paragraph>
          <Space wrap>
            {d.abilities?.edit && (
              <Button type="primary" disabled={!dirty} loading={pending} onClick={save}>
                保存
              </Button>
            )}
            {d.abilities?.submit && (
              <Button
                disabled={dirty}
                onClick={() =>
                  confirm("报送领导小组审批？", "报送后不能修改，领导小组退回后可修改再报。", "报送", () =>
                    act("已报送领导小组审批", () =>
                      api.post<Disclosure>(`/rectification/disclosures/${d.id}/submit`, {}),
                    ),
                  )
                }
              >
                报送审批
              </Button>
            )}
            {d.abilities?.approve && (
              <Button
                type="primary"
                onClick={() =>
                  confirm("批准公开？", "批准后由巡察办发布，发布的文本即为当前文本。", "批准", () =>
                    act("已批准", () =>
                      api.post<Disclosure>(`/rectification/disclosures/${d.id}/approve`, {}),
                    ),
                  )
                }
              >
                批准
              </Button>
            )}
            {d.abilities?.return && (
              <Button danger onClick={() => setReturning(true)}>
                退回
              </Button>
            )}
            {d.abilities?.publish && (
              <Button
                type="primary"
                onClick={() =>
                  confirm("发布整改公开？", "发布后公开文本存档为公文，不能再修改。", "发布", () =>
                    act("已发布", () =>
                      api.post<Disclosure>(`/rectification/disclosures/${d.id}/publish`, {}),
                    ),
                  )
                }
              >
                发布
              </Button>
            )}
            {d.status === "published" && (
              <Button icon={<DownloadOutlined />} onClick={() => downloadPublished(d)}>
                下载公开文本
              </Button>
            )}
          </Space>
        </Space>
      )}
      <ReasonModal
        open={returning}
        title="退回整改公开"
        label="退回意见"
        okText="退回"
        danger
        pending={pending}
        onCancel={() => setReturning(false)}
        onSubmit={async (note) => {
          setReturning(false);
          if (d)
            await act("已退回", () =>
              api.post<Disclosure>(`/rectification/disclosures/${d.id}/return`, { note }),
            );
        }}
      />
    </Drawer>
  );
}
